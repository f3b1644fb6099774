"""A library site: a home listing the policies, each policy's own pages in its folder, a page per shared paper;
and, for one policy, the diff against its previous version on the annual-review page."""
import re
import shutil
import subprocess
import sys

import pytest

from sitetools import ENV, ROOT, broken_links, outside_requests
from kb.knowledge.corpus import load_corpus
from kb.site.pages.corpus import paper_path
from kbdev.synthetic.corpus import write_corpus


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Three synthetic policies sharing trials, built as one strict site."""
    base = tmp_path_factory.mktemp("library") / "references"
    paths = write_corpus(base, n_policies=3, n_references=30, seed=4, shared=8)
    out = base.parent / "site"
    env = dict(ENV, KB_ALL="1", KB_REFERENCES=str(base))
    # Never add -q or -v here: with either, --strict stops failing the build.
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(out)], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return load_corpus(paths), out


def test_the_library_home_lists_every_policy(library):
    corpus, out = library
    home = (out / "index.html").read_text(encoding="utf-8")
    for name in ("policy-0001", "policy-0002", "policy-0003"):
        assert f'href="{name}/"' in home
        assert (out / name / "index.html").is_file() and (out / name / "references" / "1" / "index.html").is_file()


def test_a_page_per_shared_paper_lists_the_policies_citing_it(library):
    corpus, out = library
    shared = corpus.shared()
    assert shared
    for paper, citing in shared.items():
        page = (out / paper_path(paper).replace(".md", "") / "index.html").read_text(encoding="utf-8")
        for c in citing:
            assert re.search(rf'href="\.\./\.\./{c.policy}/references/{c.number}/"', page), (paper, c)


def test_every_link_of_the_library_resolves_and_nothing_leaves_the_site(library):
    _, out = library
    assert broken_links(out) == []
    assert outside_requests(out) == []


def test_each_policy_keeps_its_about_pages(library):
    _, out = library
    assert (out / "policy-0002" / "how-to-read" / "index.html").is_file()
    assert not (out / "how-to-read").exists()


def test_the_worklist_shows_the_changes_since_the_previous_version(tmp_path, bundled_path):
    from kb.knowledge.base import load_knowledge_base
    from kb.site.pages import gather
    from kb.site.pages.worklist import pages

    folder = tmp_path / "policy"
    shutil.copytree(bundled_path.parent, folder)
    (folder / "previous").mkdir()
    shutil.copy(bundled_path, folder / "previous" / "policy.md")
    text = bundled_path.read_text(encoding="utf-8")
    (folder / "policy.md").write_text(text.replace("Zhu (2022) conducted", "Zhu (2022) performed"), encoding="utf-8")
    site = gather(load_knowledge_base(folder / "policy.md"), figures="none")
    page = pages(site)["worklist.md"]
    assert "## Changes since the previous version" in page
    assert "### Sentences changed" in page and "old line 128, new line 128" in page
    unchanged = gather(load_knowledge_base(bundled_path), figures="none")
    assert "Changes since the previous version" not in pages(unchanged)["worklist.md"]


def test_kb_site_builds_a_library_from_several_policies(tmp_path):
    from sitetools import kb_site

    base = tmp_path / "references"
    paths = write_corpus(base, n_policies=2, n_references=20, seed=9)
    proc = kb_site(*[p.parent for p in paths], "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert "from 2 policies" in proc.stdout
    assert (tmp_path / "out" / "policy-0001" / "index.html").is_file()
    assert (tmp_path / "out" / "papers" / "index.html").is_file()
