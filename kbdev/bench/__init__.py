"""Benchmarks: paired timings printed as ratios, never asserted in tests.

Each suite is a module in this package with ``DESCRIPTION`` and
``run(options) -> list[str]`` (the lines to print). ``scripts/bench.py``
finds the suites, runs the ones asked for, and prints their lines.
Ratios come from paired runs (A then B, repeated) so that a noisy,
shared machine slows both sides alike; the median of the pair ratios is
reported with the median seconds of each side.
"""
from __future__ import annotations

import importlib
import pkgutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Paired:
    label: str
    seconds_a: float  # median of side A
    seconds_b: float  # median of side B (the baseline)
    ratio: float  # median of per-pair A/B ratios

    def line(self, aim: float | None = None) -> str:
        verdict = "" if aim is None else (f"  (aim < {aim:g}x: " + ("met" if self.ratio < aim else "NOT met") + ")")
        return (f"{self.label:<44} {self.seconds_a * 1000:8.1f} ms vs {self.seconds_b * 1000:8.1f} ms"
                f"  ratio {self.ratio:5.2f}x{verdict}")


def bench_env() -> dict:
    """The environment of timed commands: as a user's shell, with the bytecode cache on, kept answers off.

    PYTHONDONTWRITEBYTECODE (set in some sandboxes) would make every run
    recompile the package from source, which no installed tool does. The
    output cache (kb.output_cache) is off so that a suite times the work;
    ``startup`` times a kept answer separately, by turning it on.
    """
    import os

    env = dict(os.environ, MPLBACKEND="Agg", KB_CACHE="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_call(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def time_command(argv: list[str], env: dict | None = None) -> float:
    """Wall time of one run of a command, its output discarded; a failure stops the bench."""
    return command_times(argv, env)[0]


def command_times(argv: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of a command. The CPU time (user + system of the child) leaves
    out the time spent waiting for a core, which on a busy shared machine can be most of the wall time."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):  # 1 is "findings", a normal outcome for kb check
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def load_average() -> str:
    import os

    return "load average " + " / ".join(f"{x:.1f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def paired(label: str, a: Callable[[], float], b: Callable[[], float], repeats: int) -> Paired:
    """Run ``a`` and ``b`` alternately (each returns its own seconds) and compare."""
    a(), b()  # warm the file cache and the bytecode cache
    times_a, times_b = [], []
    for _ in range(repeats):
        times_a.append(a())
        times_b.append(b())
    ratios = [x / y for x, y in zip(times_a, times_b) if y > 0]
    return Paired(label, statistics.median(times_a), statistics.median(times_b), statistics.median(ratios))


def growth(sizes: list[int], seconds: list[float]) -> str:
    """'x2.0 size -> x2.1 time' steps: near 1:1 means linear growth."""
    steps = []
    for i in range(1, len(sizes)):
        steps.append(f"x{sizes[i] / sizes[i - 1]:.1f} size -> x{seconds[i] / seconds[i - 1]:.2f} time")
    return "; ".join(steps)


def suites() -> dict[str, object]:
    """Suite name -> module, in alphabetical order."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            found[info.name] = importlib.import_module(f"{__name__}.{info.name}")
    return dict(sorted(found.items()))


PYTHON = sys.executable
