"""kb check --all on synthetic libraries of 10, 100 and 500 policies of 80 references.

Prints the wall time of each size (aim: linear, and 500 policies under 20 s
on 2 cores), the growth between sizes, one process against worker processes
at 100 policies, and the peak memory of the largest process. At the largest
size, the same library with each policy's findings kept (kb.output_cache):
the run that stores them, a run with nothing changed, and one after a
single policy changed.
"""
from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from kbdev.bench import PYTHON, bench_env, growth

DESCRIPTION = "kb check --all on 10 / 100 / 500 synthetic policies (aim: linear, 500 under 20 s)"

# Runs a command and prints its wall time and the peak resident memory of its process tree's largest member.
_MEASURE = (
    "import json,resource,subprocess,sys,time\n"
    "t=time.perf_counter()\n"
    "p=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE)\n"
    "print(json.dumps({'seconds':time.perf_counter()-t,'rc':p.returncode,'err':p.stderr.decode()[-300:],"
    "'peak_kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))\n"
)


def _measure(argv: list[str], env: dict) -> dict:
    out = subprocess.run([PYTHON, "-c", _MEASURE, *argv], capture_output=True, text=True, env=env, check=True)
    result = json.loads(out.stdout)
    if result["rc"] not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {result['rc']}: {result['err']}")
    return result


def _kept(argv: list[str], env: dict, changed: Path, project: Path, n: int) -> list[str]:
    """Three runs with the output cache on (kept in ``project``): storing, unchanged, one policy edited."""
    env = dict(env, KB_CACHE="1", KB_PROJECT=str(project))
    storing, unchanged = _measure(argv, env), _measure(argv, env)
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAn added closing sentence.\n", encoding="utf-8")
    edited = _measure(argv, env)
    return [f"{n:>4} policies, findings kept: storing {storing['seconds']:6.2f} s, nothing changed "
            f"{unchanged['seconds']:6.2f} s, one policy changed {edited['seconds']:6.2f} s"]


def run(options) -> list[str]:
    from kbdev.synthetic.corpus import write_corpus

    sizes = [5, 10, 20] if options.quick else [10, 100, 500]
    lines, seconds = [], []
    with tempfile.TemporaryDirectory(prefix="kb-corpus-") as tmp:
        start = time.perf_counter()
        write_corpus(Path(tmp), max(sizes), n_references=80, seed=0)
        lines.append(f"wrote {max(sizes)} synthetic policies of 80 references in {time.perf_counter() - start:.1f} s")
        for n in sizes:
            base = Path(tmp) / f"first-{n}"
            base.mkdir()
            for i in range(1, n + 1):  # each size reads the first n policies of the same library
                (base / f"policy-{i:04d}").symlink_to(Path(tmp) / f"policy-{i:04d}")
            env = dict(bench_env(), KB_REFERENCES=str(base))
            argv = [PYTHON, "-m", "kb", "check", "--all", "--format", "json", "--fail-on", "never"]
            _measure(argv, env)  # warm the file and bytecode caches
            result = _measure(argv, env)
            seconds.append(result["seconds"])
            lines.append(f"{n:>4} policies: {result['seconds']:6.2f} s ({result['seconds'] / n * 1000:5.1f} ms each); "
                         f"peak memory of the largest process {result['peak_kb'] / 1024:.0f} MB")
            if n == sizes[1]:
                one = _measure(argv + ["-j", "1"], env)
                lines.append(f"{n:>4} policies in one process: {one['seconds']:6.2f} s "
                             f"(worker processes: x{one['seconds'] / result['seconds']:.2f} faster)")
            if n == sizes[-1]:
                lines += _kept(argv, env, base / "policy-0001" / "policy.md", Path(tmp), n)
    lines.append("growth: " + growth(sizes, seconds))
    verdict = "met" if seconds[-1] < 20 or options.quick else "NOT met"
    lines.append(f"{sizes[-1]} policies in {seconds[-1]:.1f} s (aim < 20 s: {verdict})")
    return lines
