"""Same input, same bytes: every output format, from two fresh processes with different hash seeds.

A set or dict iterated in hash order, a time stamp, a temporary path or a
random salt would show here: each run is a new interpreter (nothing cached
in between) with its own PYTHONHASHSEED. The site's HTML is compared the
same way in tests/test_site_build.py (two ``kb site`` builds).
"""
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh interpreter: every command and format into OUT, the bundled policy as input.
SCRIPT = r"""
import contextlib, io, sys
from pathlib import Path
import kb.outputs.figures as figures
from kb.cli import main

out, changed = Path(sys.argv[1]), sys.argv[2]
specs = figures.figure_specs
figures.figure_specs = lambda estimates, *a: specs(estimates, *a)[:3]  # three figures show the same as ten

def save(name, *argv):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(list(argv)) in (0, 1), argv
    (out / name).write_text(buffer.getvalue(), encoding="utf-8")

save("check.json", "check", "--format", "json")
save("check.txt", "check")
save("info.json", "info", "--format", "json")
save("evidence.json", "evidence", "--format", "json")
save("overlap.json", "evidence", "--overlap", "--format", "json")
save("diff.json", "diff", "references/regence-surgery-107", changed, "--format", "json")
save("estimates.json", "estimates", "--format", "json")
for table in ("estimates", "samples", "counts"):
    save(f"{table}.csv", "estimates", "--table", table)
for fmt in ("bibtex", "csl-json", "graph-json", "graphml"):
    assert main(["export", fmt, "-o", str(out / f"export.{fmt}")]) == 0
assert main(["plots", "-o", str(out / "plots")]) == 0
"""


def _run(out: Path, changed: Path, seed: str) -> dict[str, str]:
    out.mkdir()
    env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg")
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(out), str(changed)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory, bundled_path):
    tmp = tmp_path_factory.mktemp("determinism")
    changed = tmp / "changed" / "policy.md"  # a later version, so the diff has something to say
    changed.parent.mkdir()
    text = bundled_path.read_text(encoding="utf-8")
    changed.write_text(text.replace("Vertebroplasty was performed at a mean of 8.4 days",
                                    "Vertebroplasty was performed at a mean of 9.1 days"), encoding="utf-8")
    return _run(tmp / "a", changed, "1"), _run(tmp / "b", changed, "2024"), tmp


FAMILIES = {
    "JSON (check, info, evidence, estimates, diff)": ["check.json", "info.json", "evidence.json", "overlap.json",
                                                      "diff.json", "estimates.json"],
    "text and CSV (check, estimates)": ["check.txt", "estimates.csv", "samples.csv", "counts.csv"],
    "BibTeX and CSL-JSON": ["export.bibtex", "export.csl-json"],
    "graph JSON and GraphML": ["export.graph-json", "export.graphml"],
}


@pytest.mark.parametrize("family", FAMILIES)
def test_two_fresh_processes_write_the_same_bytes(two_runs, family):
    first, second, _ = two_runs
    for name in FAMILIES[family]:
        assert first[name] == second[name], name


def test_forest_plots_svg_png_and_csv_are_byte_identical(two_runs):
    first, second, _ = two_runs
    plots = {k: v for k, v in first.items() if k.startswith("plots/")}
    assert len(plots) == 9 and {k.rsplit(".", 1)[1] for k in plots} == {"svg", "png", "csv"}
    assert plots == {k: v for k, v in second.items() if k.startswith("plots/")}


def test_the_runs_compared_are_real_outputs(two_runs):
    """Not two empty files: the comparison above can fail."""
    _, _, tmp = two_runs
    diff = json.loads((tmp / "a" / "diff.json").read_text(encoding="utf-8"))
    assert "9.1 days" in json.dumps(diff)
    assert len(json.loads((tmp / "a" / "check.json").read_text(encoding="utf-8"))["findings"]) > 10
    assert (tmp / "a" / "export.bibtex").read_text(encoding="utf-8").count("@") == 76
