"""The built site: strict, complete, linked, offline, deterministic, and safe with hostile text.

Builds go through ``kb site`` (a subprocess, as a user runs it) unless a
test needs to add something to the build, in which case it builds in this
process with the same hook.
"""
import filecmp
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml

from kb.knowledge.base import load_knowledge_base
from kb.site.pages import links
from kbdev.synthetic import generate, render

from hostile import TITLE, hostile_policy, injected, payload, shown
from sitetools import ENV, ROOT, broken_links, build_in_process, html_files, kb_site, outside_requests

@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundled") / "site"
    proc = kb_site("-o", out)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr
    return out


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    policy = folder / "policy.md"
    policy.write_text(render(generate(9, n_references=60)).text, encoding="utf-8")
    out = folder / "site"
    proc = kb_site(policy, "-o", out)
    assert proc.returncode == 0, proc.stderr
    return policy, out


def test_kb_site_says_what_it_built_and_where(tmp_path):
    out = tmp_path / "s"
    proc = kb_site("-o", out)
    assert proc.returncode == 0
    assert re.match(r"built \d+ HTML pages from references/regence-surgery-107/policy.md into .* in [\d.]+ s; open ",
                    proc.stdout)
    assert str(out / "index.html") in proc.stdout or "index.html" in proc.stdout


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_a_page_for_every_reference_and_criterion(which, bundled_site, synthetic, bundled_path):
    policy, out = (bundled_path, bundled_site) if which == "bundled" else synthetic
    kb = load_knowledge_base(policy)
    for n in kb.references:
        assert (out / "references" / str(n) / "index.html").is_file(), n
        assert (out / "references" / f"{n}.bib").is_file(), n
    for st in kb.doc.statements:
        assert (out / links.criterion_path(st.id).replace("index.md", "index.html")).is_file(), st.id
    for name in ("policy", "report", "rules", "worklist", "codes", "downloads", "how-to-read", "method",
                 "evidence-map", "forest", "studies"):
        assert (out / name / "index.html").is_file(), name
    for name in ("references.bib", "references.csl.json", "graph.json", "graph.graphml", "check-report.json",
                 "estimates.csv", "evidence.json"):
        assert (out / "downloads" / name).stat().st_size > 0, name


def test_a_page_for_every_study_and_every_forest_plot(bundled_site, bundled_kb):
    from kb.estimates import estimates_of
    from kb.outputs.figures import figure_specs

    studies = bundled_kb.evidence.studies
    assert len(studies) == 43  # the data rows of references/regence-surgery-107/studies.csv
    for sid in studies:
        assert (bundled_site / "studies" / sid / "index.html").is_file(), sid
    from kb.outputs.orientation import oriented

    estimates = estimates_of(bundled_kb).estimates
    specs = figure_specs(estimates, oriented(bundled_kb, estimates))
    assert specs
    for spec in specs:
        page = (bundled_site / "forest" / spec.slug / "index.html").read_text(encoding="utf-8")
        assert f'src="../{spec.slug}.svg"' in page, spec.slug
        svg = (bundled_site / "forest" / f"{spec.slug}.svg").read_bytes()
        assert svg.startswith(b"<?xml") and b"<svg" in svg and b"<script" not in svg
        assert (bundled_site / "forest" / f"{spec.slug}.csv").read_text(encoding="utf-8").startswith("id,line,")


def test_the_synthetic_policy_has_forest_plots_and_proposed_study_pages(synthetic):
    """A policy folder without studies.csv gets studies proposed from the text (saying so) and its own
    forest plots."""
    from kb.estimates import estimates_of
    from kb.outputs.figures import figure_specs

    policy, out = synthetic
    kb = load_knowledge_base(policy)
    index = (out / "studies" / "index.html").read_text(encoding="utf-8")
    assert "proposed from the text" in index and "no studies table" in index
    from kb.outputs.orientation import oriented

    estimates = estimates_of(kb).estimates
    for spec in figure_specs(estimates, oriented(kb, estimates)):
        assert (out / "forest" / f"{spec.slug}.svg").stat().st_size > 0, spec.slug


def test_one_home_page_with_the_hand_written_text(bundled_site):
    home = (bundled_site / "index.html").read_text(encoding="utf-8")
    assert "Percutaneous Vertebroplasty, Kyphoplasty, Sacroplasty, and Coccygeoplasty" in home
    assert "This site is the evidence review of one medical policy" in home
    assert home.count("<h1") == 1


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_every_internal_link_and_anchor_resolves(which, bundled_site, synthetic):
    out = bundled_site if which == "bundled" else synthetic[1]
    assert broken_links(out) == []


@pytest.mark.parametrize("which", ["bundled", "synthetic"])
def test_no_page_requests_anything_from_outside_the_site(which, bundled_site, synthetic):
    out = bundled_site if which == "bundled" else synthetic[1]
    assert outside_requests(out) == []
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_the_checker_finds_broken_links_and_outside_requests(tmp_path, bundled_site):
    """The two scanners above can fail: a planted broken link and a remote script are both reported."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(bundled_site, copy)
    page = copy / "codes" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "</article>", '<a href="../nowhere/">x</a><a href="../policy/#L99999">y</a>'
                      '<script src="https://cdn.example/x.js"></script></article>'), encoding="utf-8")
    (copy / "assets" / "x.css").write_text("@font-face{src:url(https://fonts.example/f.woff2)}")
    assert len(broken_links(copy)) == 2
    assert len(outside_requests(copy)) == 2


def _config(tmp_path, docs: Path) -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(tmp_path / "out")
    cfg = tmp_path / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config))
    return cfg


@pytest.mark.parametrize("link", ["[broken](no-such-page.md)", "[broken anchor](policy.md#L99999)",
                                  "[broken reference](references/9999.md)"])
def test_a_broken_link_or_anchor_fails_the_strict_build(tmp_path, link):
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "kb" / "site" / "docs", docs)
    with open(docs / "how-to-read.md", "a", encoding="utf-8") as fh:
        fh.write(f"\n{link}\n")
    # Never add -q or -v here: with either, --strict stops failing the build.
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(_config(tmp_path, docs))],
                          capture_output=True, text=True, env=ENV, cwd=ROOT)
    assert proc.returncode != 0
    assert link.split("(")[1].rstrip(")").split("#")[0] in proc.stderr


def test_a_broken_link_in_a_generated_page_fails_the_build_too(tmp_path, monkeypatch):
    from mkdocs.exceptions import Abort

    import kb.site.pages.codes as codes

    original = codes.pages
    monkeypatch.setattr(codes, "pages", lambda site: {
        path: text + "\n[gone](references/0.md)\n" for path, text in original(site).items()})
    with pytest.raises(Abort):
        build_in_process(tmp_path / "out")


def test_two_builds_of_the_same_inputs_are_identical(tmp_path, bundled_site):
    again = tmp_path / "again"  # a fresh process with its own hash seed: no output may follow hash order
    assert kb_site("-o", again, env=dict(ENV, PYTHONHASHSEED="4242")).returncode == 0
    compare = filecmp.dircmp(bundled_site, again)

    def differences(c):
        out = [f"{c.left}/{f}" for f in c.diff_files + c.left_only + c.right_only + c.funny_files]
        for sub in c.subdirs.values():
            out += differences(sub)
        return out

    assert differences(compare) == []
    svgs = sorted(bundled_site.glob("forest/*.svg"))
    assert svgs and all((again / "forest" / p.name).read_bytes() == p.read_bytes() for p in svgs)
    assert filecmp.cmp(bundled_site / "sitemap.xml.gz", again / "sitemap.xml.gz", shallow=False)
    # The gzip header carries a time: the policy's last review (2026-05-01), not the clock.
    stamp = int.from_bytes((again / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert stamp == 1777593600


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-build")
    policy = hostile_policy(folder)
    out = folder / "site"
    proc = kb_site(policy, "-o", out)
    assert proc.returncode == 0, proc.stderr
    return policy, out


def test_hostile_text_in_a_policy_cannot_inject_markup(hostile_site):
    _, out = hostile_site
    for page in html_files(out):
        assert injected(page) == [], page.relative_to(out)
    text = shown(out / "policy" / "index.html")
    assert "A sentence with <script>alert(1)</script> and [x](javascript:alert(1))" in text  # as text
    assert "<svg onload=\"window.kbPwned='svg'\"></svg>" in text and "<!-- open comment" in text
    assert broken_links(out) == [] and outside_requests(out) == []


def test_the_scanner_finds_injected_markup(tmp_path):
    """The check above can fail: each kind of live markup it looks for is reported."""
    page = tmp_path / "p.html"
    page.write_text('<p onclick="x">a</p><a href=" JavaScript:alert(1)">b</a><script>alert(2)</script>'
                    '<iframe srcdoc="x"></iframe><svg><path d="M0"/></svg><script src="ok.js"></script>')
    assert len(injected(page)) == 4


def test_curated_notes_and_titles_render_as_plain_text(hostile_site):
    """A reference title, a kind override's reason and a waiver's reason, shown exactly as typed."""
    policy, out = hostile_site
    reference = shown(out / "references" / "3" / "index.html")
    assert f"Title {TITLE} Vertebral augmentation for knee" in " ".join(reference.split())
    kinds = {k: v for k, v in load_knowledge_base(policy).kinds.items() if "kinds" in v[1]}
    (number,) = kinds
    assert payload("kinds") in " ".join(shown(out / "references" / str(number) / "index.html").split())
    assert payload("waivers") in " ".join(shown(out / "report" / "index.html").split())


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    from test_bad_input import INPUT_ERRORS, write_case

    for name, (content, problem) in INPUT_ERRORS.items():
        path = tmp_path / f"{name}.md"
        write_case(path, content)
        proc = kb_site(path, "-o", tmp_path / "out")
        assert proc.returncode == 2, (name, proc.stderr)
        assert proc.stderr.count("\n") == 1 and problem in proc.stderr, name
        assert not (tmp_path / "out").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no half-built folder left


def test_odd_policies_still_build(tmp_path):
    """Content problems are findings, not failed builds: the foundation's odd inputs all give a site."""
    from test_bad_input import CONTENT_CASES

    for name in ("crlf", "unterminated-html", "nested-html-and-open-comment", "reversed-and-broken-markers",
                 "table-missing-cells", "huge-range"):
        path = tmp_path / f"{name}.md"
        path.write_bytes(CONTENT_CASES[name])
        proc = kb_site(path, "-o", tmp_path / name)
        assert proc.returncode == 0, (name, proc.stderr)
        assert broken_links(tmp_path / name) == [], name


def test_output_folder_is_never_one_that_holds_other_things(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    proc = kb_site("-o", tmp_path / "mine")
    assert proc.returncode == 2 and "is not empty" in proc.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"
    (tmp_path / "file").write_text("x")
    assert kb_site("-o", tmp_path / "file").returncode == 2
    assert kb_site("-o", ROOT / "site" / "out").returncode == 2  # this checkout's docs_dir
    assert kb_site("-o", ROOT / "kb" / "site" / "docs" / "out").returncode == 2  # the shipped pages
    assert not (ROOT / "site" / "out").exists() and not (ROOT / "kb" / "site" / "docs" / "out").exists()
    assert kb_site("-o", ROOT).returncode == 2


def test_serve_builds_then_serves_the_site_locally(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "kb", "site", "-o", str(tmp_path / "s"), "--serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    try:
        assert proc.stdout.readline().startswith("built ")
        address = re.match(r"serving (http://127\.0\.0\.1:\d+/)", proc.stdout.readline()).group(1)
        with urllib.request.urlopen(address + "references/5/", timeout=10) as response:
            assert "Buchbinder" in response.read().decode()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_review_script_builds_the_site_through_kb_site():
    text = (ROOT / "scripts" / "review").read_text()
    assert "kb site" in text and "mkdocs build" not in text


def test_the_drawing_process_writes_the_same_svgs_as_drawing_in_process(tmp_path, bundled_site, bundled_kb):
    """The hook draws the figures in a process of its own; the files are the bytes gather(figures="draw") makes."""
    from kb.estimates import estimates_of
    from kb.site.pages.draw import main
    from kb.site.pages.stages import svg_files

    expected = svg_files(bundled_kb, estimates_of(bundled_kb).estimates)
    assert main([str(bundled_kb.path), str(tmp_path)]) == 0
    assert {p: (tmp_path / p).read_bytes() for p in expected} == expected
    assert {p: (bundled_site / p).read_bytes() for p in expected} == expected


def test_a_failed_drawing_fails_the_build_with_its_message(tmp_path, monkeypatch, caplog):
    from mkdocs.exceptions import Abort

    import kb.site.pages.draw as draw

    class Failing(draw.FigureJob):
        def __init__(self, policy):
            self.folder = tmp_path / "figures"
            self.folder.mkdir()
            self.proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit('kb: no fonts today')"],
                                         stderr=subprocess.PIPE)

    monkeypatch.setattr(draw, "FigureJob", Failing)
    with pytest.raises(Abort):
        build_in_process(tmp_path / "out")
    assert "kb: drawing the forest plots failed: kb: no fonts today" in caplog.text
    assert not (tmp_path / "figures").exists(), "the drawing folder is removed after a failed build"
