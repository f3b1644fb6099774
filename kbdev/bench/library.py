"""The incremental library: kb site --all on a synthetic library, full build vs rebuild after one policy changes.

Prints, for each size, the full build, the rebuild after one policy's text
changed and the rebuild with nothing changed (wall time, and the rebuild as a
share of the full build: the aim is 10% or less), the peak memory of the
largest process (kb or one of its build workers), and the disk the output and
the cache take (the output is hard-linked to the cache, so both together cost
little more than one). Also runnable alone, for large libraries:

    .venv/bin/python -m kbdev.bench.library --policies 500 [--jobs 2] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kbdev.bench import PYTHON, bench_env

DESCRIPTION = "kb site --all on 100 synthetic policies: full build vs rebuild after one change (aim <= 10%), memory"

# Runs a command and prints its wall time, the CPU time of every process it started (on a shared machine
# the fairer figure), and the peak RSS of the largest of them (KiB).
_MEASURE = ("import json, resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)\n"
            "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "print(json.dumps({'seconds': time.perf_counter() - t, 'code': p.returncode, 'stdout': p.stdout,\n"
            "  'stderr': p.stderr[-2000:], 'cpu': u.ru_utime + u.ru_stime, 'maxrss_kib': u.ru_maxrss}))\n")


def measure(argv: list[str], env: dict, cwd: Path) -> dict:
    proc = subprocess.run([PYTHON, "-c", _MEASURE, *argv], capture_output=True, text=True, env=env, cwd=cwd)
    result = json.loads(proc.stdout)
    if result["code"] != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {result['code']}: {result['stderr']}")
    return result


def disk_bytes(*folders: Path) -> int:
    """Bytes of the files under the folders, a hard-linked file counted once."""
    seen, total = set(), 0
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                st = path.stat()
                if (st.st_dev, st.st_ino) not in seen:
                    seen.add((st.st_dev, st.st_ino))
                    total += st.st_size
    return total


def library(n: int, root: Path, jobs: int = 1) -> list[str]:
    from kbdev.synthetic.corpus import write_corpus

    paths = write_corpus(root / "references", n, n_references=80, seed=0)
    env = dict(bench_env(), KB_PROJECT=str(root), NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               KB_PROGRESS="0")
    env.pop("KB_REFERENCES", None)
    out = root / "build" / "site"
    argv = [PYTHON, "-m", "kb", "site", "--all", "-o", str(out), "--jobs", str(jobs)]
    full = measure(argv, env, root)
    pages = sum(1 for _ in out.rglob("*.html"))
    changed = paths[len(paths) // 2]
    changed.write_text(changed.read_text(encoding="utf-8").replace("evidence", "the evidence", 1), encoding="utf-8")
    one = measure(argv, env, root)
    none = measure(argv, env, root)
    for run, built in ((full, n), (one, 1), (none, 0)):  # the cache did what the timing claims
        if f"({built} built, {n - built} from the cache)" not in run["stdout"]:
            raise RuntimeError(f"expected {built} of {n} policies built, but kb site said: {run['stdout']}")
    site, cache = disk_bytes(out), disk_bytes(root / ".kb-cache")
    both = disk_bytes(out, root / ".kb-cache")
    mib = 1024 * 1024
    def share(run):
        return (f"{run['seconds']:.1f} s = {run['seconds'] / full['seconds']:.1%} of the full build, CPU "
                f"{run['cpu']:.1f} s = {run['cpu'] / full['cpu']:.1%}")

    aim = "met" if one["seconds"] <= 0.1 * full["seconds"] and one["cpu"] <= 0.1 * full["cpu"] else "NOT met"
    return [
        f"{n} policies, {pages} pages, {jobs} job(s): full build {full['seconds']:.1f} s wall "
        f"({full['seconds'] / n:.2f} s a policy), CPU {full['cpu']:.1f} s ({full['cpu'] / n:.2f} s a policy), "
        f"peak memory {full['maxrss_kib'] / 1024:.0f} MiB",
        f"  one policy changed: {share(one)} (aim <= 10%: {aim}), peak memory {one['maxrss_kib'] / 1024:.0f} MiB",
        f"  nothing changed: {share(none)}",
        f"  disk: site {site / mib:.0f} MiB, cache {cache / mib:.0f} MiB, both (hard links counted once) "
        f"{both / mib:.0f} MiB = {both / n / mib:.2f} MiB a policy",
    ]


def run(options) -> list[str]:
    n = 4 if options.quick else 100
    with tempfile.TemporaryDirectory(prefix="kb-library-") as tmp:
        return library(n, Path(tmp))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policies", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--keep", help="build in this (new) folder and keep it, instead of a temporary one")
    options = parser.parse_args()
    start = time.perf_counter()
    if options.keep:
        Path(options.keep).mkdir(parents=True)
        lines = library(options.policies, Path(options.keep).resolve(), options.jobs)
    else:
        with tempfile.TemporaryDirectory(prefix="kb-library-") as tmp:
            lines = library(options.policies, Path(tmp), options.jobs)
    print("\n".join(lines))
    print(f"(bench wall time {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
