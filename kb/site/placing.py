"""Putting each policy's cached site into a library's output: carried over from the previous output, or linked anew.

Every policy folder of a library's output is hard links into its cache entry
(``kb.site.library``). When the previous output's folder for a policy holds
exactly the files of the cache entry the new build uses (the same names and
the same inodes on the same device), it is moved into the new build once
everything else is ready: one rename instead of linking every page again
and, when the previous output goes, removing every old link. On a large
library with little changed, that file-system work is most of a rebuild.
A folder that differs in any way (a file removed, edited in place after a
copy, links the file system refused) is linked again from the cache.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

NOT_FOUND = "404.html"  # a policy's own 404 page stays out of the library: the server shows the library's


def link_tree(source: Path, target: Path) -> None:
    """A copy of a cached site, by hard links when the file system allows (cache files are never rewritten)."""
    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    def not_found_page(folder, names):
        return [NOT_FOUND] if Path(folder) == source else []
    shutil.copytree(source, target, copy_function=link, ignore=not_found_page)


def _inodes(folder: Path, skip: str = "") -> dict[str, int] | None:
    """Every file and folder under ``folder`` with its inode; ``skip`` names a file at the top to leave out.
    None when anything is not a plain file or folder (a link the library never makes)."""
    found: dict[str, int] = {}
    pending = [(folder, "")]
    while pending:
        path, prefix = pending.pop()
        with os.scandir(path) as listing:
            for item in listing:
                name = prefix + item.name
                if item.is_dir(follow_symlinks=False):
                    found[name + "/"] = 0
                    pending.append((Path(item.path), name + "/"))
                elif item.is_file(follow_symlinks=False) and not item.is_symlink():
                    if name != skip:
                        found[name] = item.inode()
                else:
                    return None
    return found


def holds_cached_site(previous: Path, cached_site: Path) -> bool:
    """Is ``previous`` (a folder of the earlier output) the cached site itself, file for file?"""
    try:
        if previous.is_symlink() or not previous.is_dir() or previous.stat().st_dev != cached_site.stat().st_dev:
            return False
        had, cached = _inodes(previous), _inodes(cached_site, skip=NOT_FOUND)
    except OSError:
        return False
    return had is not None and had == cached


def carry_over(folders: dict[str, Path], previous: Path, building: Path) -> list[tuple[Path, Path]]:
    """Move each named folder of the previous output into the new build (``folders``: name -> its cached site);
    one that cannot be moved is linked from its cached site instead. Returns what moved, to undo on failure."""
    moved: list[tuple[Path, Path]] = []
    try:
        for name, cached_site in folders.items():
            source, target = previous / name, building / name
            try:
                source.rename(target)
                moved.append((source, target))
            except OSError:
                link_tree(cached_site, target)
    except BaseException:
        put_back(moved)
        raise
    return moved


def put_back(moved: list[tuple[Path, Path]]) -> None:
    """Undo ``carry_over``: every moved folder back where it was in the previous output."""
    for source, target in reversed(moved):
        try:
            target.rename(source)
        except OSError:
            pass  # the previous output lost that folder; the cache still holds it, so the next build puts it back
