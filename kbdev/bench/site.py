"""The full review-site build against bare MkDocs Material builds.

Side A is ``kb site`` as a user runs it: start-up, parsing, checks, every
generated page and download, the strict MkDocs build. The baselines use the
same theme settings and no plugin: (1) as many plain pages (a heading and a
paragraph) at the same paths, with MkDocs' own navigation from the folders:
the figure the aim is about; (2) the same plain pages with our navigation,
so only the content differs; (3) our own generated pages written out and
built without the plugin, so what remains is the plugin's cost (loading the
policy, running the checks, writing the pages and downloads). Every side is
a whole process. A second set does the same for a large synthetic policy.

Baseline (1) lists every page in its navigation, as MkDocs does by
default; our site lists each section's index page (which links the
references, studies and check codes), so (2) shows how much of the
difference is the navigation and how much the content. Each line also
gives the ratio of CPU time, which a loaded machine disturbs less.
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import yaml

from kbdev.bench import PYTHON, Paired, bench_env, time_command

DESCRIPTION = "kb site vs a bare MkDocs Material build of as many plain pages (aim <= 1.5x), and vs its own pages without the plugin"
_WORDS = ("policy evidence review criterion reference trial outcome pain function fracture guideline "
          "analysis randomized sham patients months follow-up results cement leakage").split()


def _env() -> dict:
    return dict(bench_env(), NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def _our_pages(policy: str) -> tuple[dict, list[str], list]:
    """Every generated file of a build of ``policy``, the hand-written pages, and the navigation."""
    from kb.knowledge.base import load_knowledge_base
    from kb.site.pages import gather, navigation, render_pages
    from kb.site.plugin import BUNDLED_DOCS

    site = gather(load_knowledge_base(policy), (BUNDLED_DOCS / "index.md").read_text(encoding="utf-8"))
    handwritten = sorted(p.relative_to(BUNDLED_DOCS).as_posix() for p in BUNDLED_DOCS.rglob("*.md")
                         if p != BUNDLED_DOCS / "index.md")
    return render_pages(site), handwritten, navigation(site, handwritten)


def _generated_docs(files: dict, docs: Path) -> None:
    """The hand-written pages plus every generated file, written out: the same site, built without the plugin."""
    from kb.site.plugin import BUNDLED_DOCS

    shutil.copytree(BUNDLED_DOCS, docs)
    (docs / "index.md").unlink()
    for rel, content in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _plain_docs(pages: list[str], docs: Path) -> None:
    """One plain page (a heading and a paragraph) at each of ``pages``."""
    for count, rel in enumerate(pages):
        page = docs / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        words = " ".join(_WORDS[(count + k) % len(_WORDS)] for k in range(120))
        page.write_text(f"# Page {count}\n\n{words.capitalize()}.\n", encoding="utf-8")


def _bare_config(folder: Path, docs: Path, nav=None, *, ours: bool = False) -> Path:
    """Our mkdocs.yml without the plugin (and, for plain pages, without our stylesheet and anchor checks)."""
    from kb.commands.site import DEFAULT_CONFIG

    config = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config.get("plugins", []) if p != "policykb"]
    for key in () if ours else ("extra_css", "validation"):
        config.pop(key, None)
    config.update(docs_dir=str(docs), site_dir=str(folder / f"out-{docs.name}"))
    if nav is not None:
        config["nav"] = nav
    path = folder / f"mkdocs-{docs.name}{'-nav' if nav is not None else ''}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


BASELINES = ("bare MkDocs, plain pages, its own navigation", "bare MkDocs, plain pages, our navigation",
             "the same generated pages built without the plugin")


def _compare(label: str, policy: str, folder: Path, repeats: int) -> list[str]:
    from kb.site.pages import nav_paths

    files, handwritten, nav = _our_pages(policy)
    pages = sorted(p for p in files if p.endswith(".md")) + handwritten
    _plain_docs(pages, folder / "plain")
    _generated_docs(files, folder / "generated")
    configs = (_bare_config(folder, folder / "plain"), _bare_config(folder, folder / "plain", nav),
               _bare_config(folder, folder / "generated", nav, ours=True))
    ours = [PYTHON, "-m", "kb", "site", policy, "-o", str(folder / "ours")]
    sides = [lambda: _timed(ours)] + [
        (lambda c=c: _timed([PYTHON, "-m", "mkdocs", "build", "--strict", "-f", str(c)])) for c in configs]
    for side in sides:
        side()  # warm the file cache and the bytecode cache
    times: list[list[tuple[float, float]]] = [[] for _ in sides]
    for _ in range(repeats):  # in turn, so that load on the machine hits every side alike
        for record, side in zip(times, sides):
            record.append(side())
    lines = [f"{label}: {len(pages)} pages, {len(nav_paths(nav))} of them in the navigation"]
    for name, base in zip(BASELINES, times[1:]):
        wall = [(a[0], b[0]) for a, b in zip(times[0], base)]
        ratio = statistics.median(x / y for x, y in wall)
        result = Paired(f"kb site vs {name}", statistics.median(x for x, _ in wall),
                        statistics.median(y for _, y in wall), ratio)
        cpu = statistics.median(a[1] / b[1] for a, b in zip(times[0], base) if b[1] > 0)
        lines.append(result.line(aim=1.5 if name == BASELINES[0] else None) + f"; CPU time ratio {cpu:4.2f}x")
    return lines


def _timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system, of the command and every process it waited for).

    On a shared machine the wall time swings with the load; the CPU time much less, so both are printed.
    The CPU time counts our figure-drawing process in full, even where it runs beside MkDocs on a free core.
    """
    import resource

    def used() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    before = used()
    wall = time_command(argv, _env())
    return wall, used() - before


def run(options) -> list[str]:
    from kb.paths import default_policy
    from kbdev.synthetic import generate, render

    policy = str(options.policy or default_policy())
    lines = [f"policy: {policy}; {options.repeats} rounds each; every side is a whole process"]
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
