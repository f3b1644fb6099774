"""A library built incrementally: each policy's site cached by the hash of its inputs, rebuilt only when one changes,
the result byte for byte a clean build's, and a failed build leaving the previous library untouched."""
import os
import shutil

import pytest

from ptytools import drawn, terminal
from sitetools import ENV, broken_links, kb_site, outside_requests
from kb.site.cache import config_fingerprint, policy_key, tool_fingerprint
from kbdev.synthetic.corpus import write_corpus

WAIVERS = "code,line,citation,reason,reviewer,date\n"
FOLDERS_BEFORE: dict = {}  # the policy folders' inodes in the first build (the library fixture fills it)


def _project(tmp_path):
    base = tmp_path / "references"
    write_corpus(base, n_policies=3, n_references=20, seed=5, shared=6)
    return tmp_path


def _build(root, out):
    env = dict(ENV, KB_PROJECT=str(root))
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("KB_REFERENCES", None)
    return kb_site("--all", "-o", out, cwd=root, env=env)


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _edit(policy_md):
    text = policy_md.read_text(encoding="utf-8")
    assert "evidence" in text
    policy_md.write_text(text.replace("evidence", "the evidence", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Three policies built once; then one edited and the library rebuilt from the cache."""
    root = _project(tmp_path_factory.mktemp("library"))
    out = root / "build" / "site"
    first = _build(root, out)
    assert first.returncode == 0, first.stderr
    before = _files(out)
    folders = {name: (out / name).stat().st_ino for name in ("policy-0001", "policy-0002", "policy-0003")}
    _edit(root / "references" / "policy-0002" / "policy.md")
    again = _build(root, out)
    assert again.returncode == 0, again.stderr
    FOLDERS_BEFORE.update(folders)
    return root, out, first, again, before


def test_the_library_holds_each_policy_site_and_its_own_pages(library):
    root, out, first, _, _ = library
    assert "3 built, 0 from the cache" in first.stdout
    home = (out / "index.html").read_text(encoding="utf-8")
    for name in ("policy-0001", "policy-0002", "policy-0003"):
        assert f'href="{name}/"' in home
        assert (out / name / "index.html").is_file() and (out / name / "references" / "1" / "index.html").is_file()
        assert (out / name / "search" / "search_index.json").is_file()
    assert (out / "papers" / "index.html").is_file()
    assert not (out / "how-to-read").exists() and (out / "policy-0001" / "how-to-read" / "index.html").is_file()
    assert broken_links(out) == []
    assert outside_requests(out) == []
    script = next((out / "policy-0001" / "assets").rglob("*.js")).relative_to(out / "policy-0001")
    same = {(out / name / script).stat().st_ino for name in ("policy-0001", "policy-0002", "policy-0003")}
    assert len(same) == 1  # the theme's files are stored once (hard links), not once a policy


def test_a_terminal_gets_a_bar_over_the_policies_and_a_pipe_none(library):
    import subprocess
    import sys

    root, out, first, _, _ = library
    assert "building" not in first.stderr
    leader, follower = terminal()
    try:
        env = dict(ENV, KB_PROJECT=str(root))
        env.pop("KB_PROGRESS", None)
        proc = subprocess.run([sys.executable, "-m", "kb", "site", "--all", "-o", str(out)], cwd=root, env=env,
                              stdout=subprocess.PIPE, stderr=follower, text=True)
        screen = drawn(leader)
    finally:
        os.close(leader)
        os.close(follower)
    assert proc.returncode == 0 and "0 built, 3 from the cache" in proc.stdout
    assert "building" in screen and "/3 [" in screen


def test_a_changed_policy_alone_is_built_again(library):
    _, out, _, again, before = library
    assert "1 built, 2 from the cache" in again.stdout
    after = _files(out)
    changed = {path.split("/")[0] for path in set(before) | set(after) if before.get(path) != after.get(path)}
    assert "policy-0002" in changed
    assert not changed & {"policy-0001", "policy-0003"}


def test_unchanged_policies_folders_move_over_from_the_previous_output(library):
    _, out, _, _, _ = library
    after = {name: (out / name).stat().st_ino for name in ("policy-0001", "policy-0002", "policy-0003")}
    assert after["policy-0001"] == FOLDERS_BEFORE["policy-0001"]
    assert after["policy-0003"] == FOLDERS_BEFORE["policy-0003"]
    assert after["policy-0002"] != FOLDERS_BEFORE["policy-0002"]  # built again: linked from its new entry


def test_a_damaged_policy_folder_is_linked_again_not_moved_over(library):
    root, out, _, _, _ = library
    page = out / "policy-0001" / "references" / "1" / "index.html"
    kept = page.read_bytes()
    page.unlink()
    proc = _build(root, out)
    assert proc.returncode == 0 and "0 built, 3 from the cache" in proc.stdout
    assert page.read_bytes() == kept


def test_old_cache_entries_go_once_replaced(library):
    root, _, _, _, _ = library
    for name in ("policy-0001", "policy-0002", "policy-0003"):
        assert len(list((root / ".kb-cache" / "site" / name).iterdir())) == 1


def test_an_incremental_build_is_byte_for_byte_a_clean_build(library):
    root, out, _, _, _ = library
    shutil.rmtree(root / ".kb-cache")
    clean = root / "clean"
    proc = _build(root, clean)
    assert proc.returncode == 0, proc.stderr
    assert "3 built, 0 from the cache" in proc.stdout
    incremental, full = _files(out), _files(clean)
    assert sorted(incremental) == sorted(full)
    assert [p for p in full if incremental[p] != full[p]] == []


def _keys(root, config, docs):
    from kb.site.library import plan

    policies = sorted((root / "references").glob("*/policy.md"))
    return {e.name: e.folder.name for e in plan(policies, root, config, docs, root / ".kb-cache" / "site")}


def test_the_key_changes_with_each_kind_of_input(tmp_path, monkeypatch):
    from kb.commands.site import DEFAULT_CONFIG, docs_dir

    root = _project(tmp_path)
    config = tmp_path / "mkdocs.yml"
    docs = tmp_path / "docs"
    shutil.copytree(docs_dir(DEFAULT_CONFIG), docs)
    shutil.copy(DEFAULT_CONFIG, config)
    start = _keys(root, config, docs)
    assert start == _keys(root, config, docs)
    assert len(set(start.values())) == 3

    _edit(root / "references" / "policy-0001" / "policy.md")  # the policy text
    now = _keys(root, config, docs)
    assert [n for n in now if now[n] != start[n]] == ["policy-0001"]

    (root / "references" / "policy-0003" / "waivers.csv").write_text(  # a curated table
        WAIVERS + "CIT104,,3,read by hand,editor,2026-01-05\n", encoding="utf-8")
    later = _keys(root, config, docs)
    assert [n for n in later if later[n] != now[n]] == ["policy-0003"]

    (docs / "method.md").write_text((docs / "method.md").read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    by_docs = _keys(root, config, docs)  # a hand-written page of the site configuration
    assert all(by_docs[n] != later[n] for n in later)
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: policykb", "site_name: Library"),
                      encoding="utf-8")
    by_config = _keys(root, config, docs)  # mkdocs.yml
    assert all(by_config[n] != by_docs[n] for n in by_docs)

    import kb

    monkeypatch.setattr(kb, "__version__", kb.__version__ + ".post1")  # the tool's version
    tool_fingerprint.cache_clear()
    try:
        by_tool = _keys(root, config, docs)
    finally:
        tool_fingerprint.cache_clear()
    assert all(by_tool[n] != by_config[n] for n in by_config)


def test_the_tool_fingerprint_covers_the_package_sources(tmp_path, monkeypatch):
    import kb.site.cache as cache

    package = tmp_path / "kb"
    shutil.copytree(cache.KB_PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "KB_PACKAGE", package)
    tool_fingerprint.cache_clear()
    try:
        before = tool_fingerprint()
        rule = package / "checks" / "__init__.py"
        rule.write_text(rule.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        tool_fingerprint.cache_clear()
        assert tool_fingerprint() != before
    finally:
        tool_fingerprint.cache_clear()
    policy = tmp_path / "p" / "policy.md"
    policy.parent.mkdir()
    policy.write_text("x", encoding="utf-8")
    settings = config_fingerprint(tmp_path / "p" / "policy.md", tmp_path / "none")
    assert policy_key(policy, "p/policy.md", "a", settings, None) != policy_key(policy, "p/policy.md", "b", settings, None)


def test_a_failure_mid_build_leaves_the_previous_library_intact(tmp_path):
    root = _project(tmp_path)
    out = root / "build" / "site"
    assert _build(root, out).returncode == 0
    before = _files(out)
    _edit(root / "references" / "policy-0001" / "policy.md")  # built first, successfully
    (root / "references" / "policy-0002" / "waivers.csv").write_text(WAIVERS + "BAD,12,,x,y,2026-01-01\n",
                                                                     encoding="utf-8")
    proc = _build(root, out)
    assert proc.returncode == 2
    assert "waivers.csv" in proc.stderr and "BAD" in proc.stderr and "Traceback" not in proc.stderr
    assert _files(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]
