"""Where a review-site build spends its time: one build of the MkDocs process under cProfile, in parts.

``kb site`` starts ``mkdocs build`` with our plugin; this runs that same
process under cProfile and sums the cumulative time of the few calls that
split the build into what we make (the plugin loading the policy, running
the checks and writing the pages; the wait for the forest plots) and what
MkDocs and Material do with it (Markdown to HTML, the page templates and,
inside them, the navigation; the search index). What is left is start-up,
imports and copying files. The parts are shares of one profiled run, so they
show where to look, not how fast a build is (the ``site`` suite times that).
Under a profiler, Python-heavy parts look slower than C-heavy ones.
"""
from __future__ import annotations

import os
import pstats
import subprocess
import sys
import tempfile
from pathlib import Path

from kbdev.bench import PYTHON, bench_env

DESCRIPTION = "where a kb site build spends its time (cProfile of the MkDocs build with our plugin), in parts"

# (label, file path ending, function name): cumulative time of each; the labels do not overlap in time.
PARTS = (
    ("our plugin: load the policy, start the drawing", "kb/site/plugin.py", "on_config"),
    ("our plugin: checks, evidence, every page", "kb/site/plugin.py", "on_files"),
    ("our plugin: wait for the forest plots", "kb/site/plugin.py", "on_env"),
    ("MkDocs: Markdown to HTML", "markdown/core.py", "convert"),
    ("Material: page templates", "jinja2/environment.py", "render"),
    ("Material: search index of each page", "material/plugins/search/plugin.py", "on_page_context"),
    ("Material: search index written", "material/plugins/search/plugin.py", "on_post_build"),
)
# Inside the page templates: the navigation, drawn into every page.
NAV = ("material/templates/partials/nav.html", "root")


def _cumulative(stats: pstats.Stats, ending: str, function: str) -> float:
    """Cumulative seconds of the outermost calls of one function (recursion counted once)."""
    return sum(row[3] for (path, _, name), row in stats.stats.items()
               if name == function and path.replace(os.sep, "/").endswith(ending))


def profile_build(policy: str, folder: Path) -> pstats.Stats:
    """One strict ``mkdocs build`` with our plugin, as ``kb site`` runs it, under cProfile."""
    from kb.commands.site import config_file
    from kb.paths import project_root

    root = project_root()
    out = folder / "stats.prof"
    env = dict(bench_env(), KB_POLICY=str(Path(policy).resolve()), KB_PROJECT=str(root), NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true")
    cmd = [PYTHON, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict",
           "-f", str(config_file(root)), "-d", str(folder / "site")]
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=root)
    if proc.returncode != 0:
        raise RuntimeError(f"the profiled build failed: {proc.stderr.decode()[-300:]}")
    return pstats.Stats(str(out))


def parts(stats: pstats.Stats) -> list[tuple[str, float]]:
    """(label, seconds) of each part, the navigation inside the templates, and the rest of the run."""
    total = stats.total_tt
    found = [(label, _cumulative(stats, ending, name)) for label, ending, name in PARTS]
    nav = _cumulative(stats, *NAV)
    rest = total - sum(s for _, s in found)
    at = [label for label, _ in found].index("Material: page templates") + 1
    found.insert(at, ("  of which the navigation in every page", nav))
    return found + [("start-up, imports, copying files, the rest", rest), ("total (under the profiler)", total)]


def run(options) -> list[str]:
    from kb.paths import default_policy

    policy = str(options.policy or default_policy())
    with tempfile.TemporaryDirectory(prefix="kb-bench-profile-") as tmp:
        stats = profile_build(policy, Path(tmp))
    total = stats.total_tt
    lines = [f"policy: {policy}; one profiled build (shares, not speed)"]
    for label, seconds in parts(stats):
        lines.append(f"{label:<50} {seconds:7.2f} s  {100 * seconds / total:5.1f}%")
    return lines


if __name__ == "__main__":  # pragma: no cover - run through scripts/bench.py
    sys.exit("run: scripts/bench.py site_profile")
