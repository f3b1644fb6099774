"""The full review-site build against a bare MkDocs Material build of as many plain pages.

Side A is ``kb site`` as a user runs it: start-up, parsing, checks, every
generated page and download, the strict MkDocs build. The baselines build the same
number of pages at the same paths, each a heading and a paragraph, with the
same theme settings and no hook: once with MkDocs' own navigation from the
folders, once with our navigation (so only the page content differs). All
sides are whole processes. A second pair does the same for a large synthetic
policy, to show how the build grows.
"""
from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from . import PYTHON, Paired, time_command

DESCRIPTION = "kb site vs a bare MkDocs Material build of as many plain pages (aim <= 1.5x)"
_WORDS = ("policy evidence review criterion reference trial outcome pain function fracture guideline "
          "analysis randomized sham patients months follow-up results cement leakage").split()


def _env() -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", MPLBACKEND="Agg")


def _our_pages(policy: str) -> tuple[list[str], list]:
    """The Markdown pages a build of ``policy`` has (generated and hand-written) and its navigation."""
    from ..knowledge_base import load_knowledge_base
    from ..pages import gather, navigation, render_pages
    from ..paths import ROOT

    site = gather(load_knowledge_base(policy))
    handwritten = sorted(p.relative_to(ROOT / "site").as_posix() for p in (ROOT / "site").rglob("*.md")
                         if p.name != "index.md" or p.parent != ROOT / "site")
    pages = sorted(p for p in render_pages(site) if p.endswith(".md")) + handwritten
    return pages, navigation(site, handwritten)


def _plain_docs(pages: list[str], docs: Path) -> None:
    """One plain page (a heading and a paragraph) at each of ``pages``."""
    for count, rel in enumerate(pages):
        page = docs / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        words = " ".join(_WORDS[(count + k) % len(_WORDS)] for k in range(120))
        page.write_text(f"# Page {count}\n\n{words.capitalize()}.\n", encoding="utf-8")


def _bare_config(folder: Path, docs: Path, nav=None) -> Path:
    from ..paths import ROOT

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "extra_css", "validation"):
        config.pop(key, None)
    config.update(docs_dir=str(docs), site_dir=str(folder / "bare-out"))
    if nav is not None:
        config["nav"] = nav
    path = folder / ("mkdocs-nav.yml" if nav is not None else "mkdocs.yml")
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def _triple(label: str, a, b, c, repeats: int) -> list[Paired]:
    """Side A against two baselines, run in turn so that load on the machine hits all three alike."""
    a(), b(), c()
    times = [[], [], []]
    for _ in range(repeats):
        for side, run in zip(times, (a, b, c)):
            side.append(run())
    out = []
    for name, base in (("bare MkDocs, its own folder navigation", times[1]),
                       ("bare MkDocs, the same navigation as ours", times[2])):
        ratios = [x / y for x, y in zip(times[0], base)]
        out.append(Paired(f"{label} vs {name}", statistics.median(times[0]), statistics.median(base),
                          statistics.median(ratios)))
    return out


def _compare(label: str, policy: str, folder: Path, repeats: int) -> list[str]:
    ours = folder / "ours"
    pages, nav = _our_pages(policy)
    docs = folder / "plain-docs"
    _plain_docs(pages, docs)
    plain, same_nav = _bare_config(folder, docs), _bare_config(folder, docs, nav)
    a = lambda: time_command([PYTHON, "-m", "kb", "site", policy, "-o", str(ours)], _env())  # noqa: E731
    b = lambda: time_command([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(plain)], _env())  # noqa: E731
    c = lambda: time_command([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(same_nav)], _env())  # noqa: E731
    return [f"{label}: {len(pages)} pages"] + [r.line(aim=1.5) for r in _triple("kb site", a, b, c, repeats)]


def run(options) -> list[str]:
    from ..paths import default_policy
    from ..synthetic import generate, render

    policy = str(options.policy or default_policy())
    lines = [f"policy: {policy}; {options.repeats} paired runs each; both sides are whole processes"]
    with tempfile.TemporaryDirectory(prefix="kb-bench-site-") as tmp:
        folder = Path(tmp)
        (folder / "bundled").mkdir()
        lines += _compare("kb site, bundled policy", policy, folder / "bundled", options.repeats)
        if not options.quick:
            big = folder / "big"
            big.mkdir()
            (big / "policy.md").write_text(render(generate(1, n_references=400)).text, encoding="utf-8")
            lines += _compare("kb site, synthetic 400 references", str(big / "policy.md"), big,
                              max(3, options.repeats // 2))
        shutil.rmtree(folder, ignore_errors=True)
    return lines


if __name__ == "__main__":  # pragma: no cover - run through scripts/bench.py
    sys.exit("run: scripts/bench.py site")
