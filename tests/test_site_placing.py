"""Placing a policy's cached site in a library output: an unchanged folder of the previous output moves over only
when it is the cached site file for file; anything else is linked again from the cache."""
import os
import shutil

from kb.site.placing import carry_over, holds_cached_site, link_tree, put_back


def _cached_site(tmp_path):
    site = tmp_path / "cache" / "p" / "key" / "site"
    (site / "references" / "1").mkdir(parents=True)
    (site / "index.html").write_text("home", encoding="utf-8")
    (site / "references" / "1" / "index.html").write_text("one", encoding="utf-8")
    (site / "404.html").write_text("not found", encoding="utf-8")
    return site


def test_a_linked_copy_is_the_cached_site_without_its_404_page(tmp_path):
    site = _cached_site(tmp_path)
    link_tree(site, tmp_path / "out" / "p")
    assert not (tmp_path / "out" / "p" / "404.html").exists()
    assert holds_cached_site(tmp_path / "out" / "p", site)


def test_a_missing_file_an_extra_file_or_a_plain_copy_is_not(tmp_path):
    site = _cached_site(tmp_path)
    for case in ("missing", "extra", "copy", "folder"):
        folder = tmp_path / case
        if case == "copy":
            shutil.copytree(site, folder, ignore=lambda d, names: ["404.html"] if d == str(site) else [])
        else:
            link_tree(site, folder)
        if case == "missing":
            (folder / "references" / "1" / "index.html").unlink()
        elif case == "extra":
            (folder / "stray.html").write_text("x", encoding="utf-8")
        elif case == "folder":
            (folder / "empty").mkdir()
        assert not holds_cached_site(folder, site), case
    assert not holds_cached_site(tmp_path / "absent", site)


def test_a_folder_holding_a_symbolic_link_is_not(tmp_path):
    site = _cached_site(tmp_path)
    folder = tmp_path / "out"
    link_tree(site, folder)
    (folder / "index.html").unlink()
    os.symlink(site / "index.html", folder / "index.html")
    assert not holds_cached_site(folder, site)


def test_carried_folders_move_and_one_that_cannot_is_linked_from_the_cache(tmp_path):
    site = _cached_site(tmp_path)
    previous, building = tmp_path / "previous", tmp_path / "building"
    link_tree(site, previous / "a")
    building.mkdir()
    folder_inode = (previous / "a").stat().st_ino
    moved = carry_over({"a": site, "gone": site}, previous, building)
    assert (building / "a").stat().st_ino == folder_inode and not (previous / "a").exists()
    assert holds_cached_site(building / "gone", site)  # not in the previous output: linked instead
    put_back(moved)
    assert (previous / "a").stat().st_ino == folder_inode and not (building / "a").exists()
