"""kb check on synthetic policies of 250 to 2,000 references, about 2.5 markers per reference.

Prints, per size, the whole command's wall time (interpreter start-up
included: what a user waits for) and its CPU time (user + system: on a busy
shared machine the wall time is mostly waiting for a core), the in-process time of parsing and
checking, and the ratio to a bare regular-expression pass over the same
file (paired runs, as in the startup suite); then the growth from size to
size (x2 size -> about x2 time is linear) and whether 2,000 references with
about 5,000 markers run under 1 s.
"""
from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from kbdev.bench import PYTHON, bench_env, command_times, growth, load_average, paired, time_call, time_command
from kbdev.bench.startup import bare_pass

DESCRIPTION = "kb check on synthetic policies of 250 / 500 / 1,000 / 2,000 references (aim: linear; 2,000 under 1 s)"
SIZES = (250, 500, 1000, 2000)
QUICK_SIZES = (100, 200, 400)
MARKERS_PER_REFERENCE = 2.5


def _policy_text(n: int) -> str:
    from kbdev.synthetic import generate, render

    return render(generate(1, n, variety=True, markers_per_reference=MARKERS_PER_REFERENCE)).text


def _check_in_process(text: str) -> int:
    from kb.checks import run_checks
    from kb.commands.common import collector_paused
    from kb.knowledge.base import build_knowledge_base
    from kb.read.parse_policy import parse_policy

    with collector_paused():  # as kb check runs it: otherwise each run here walks the earlier runs' heaps too
        kb = build_knowledge_base(parse_policy(text, "bench.md"))
        run_checks(kb)
    return len(kb.doc.markers)


def _phases(text: str) -> dict[str, float]:
    """Seconds of each part of an in-process check: reading, the estimates and the evidence every rule shares
    (computed once, on first use), then each rule on its own."""
    from time import perf_counter

    from kb.checks import all_rules, run_checks
    from kb.commands.common import collector_paused
    from kb.knowledge.base import build_knowledge_base
    from kb.read.parse_policy import parse_policy

    times: dict[str, float] = {}
    with collector_paused():
        start = perf_counter()
        kb = build_knowledge_base(parse_policy(text, "bench.md"))
        times["reading the policy"] = perf_counter() - start
        for name, part in (("effect estimates", "effect_estimates"), ("evidence proposals", "evidence")):
            start = perf_counter()
            getattr(kb, part)
            times[name] = perf_counter() - start
        for r in all_rules():
            start = perf_counter()
            run_checks(kb, rules=[r])
            times[r.code] = perf_counter() - start
    return times


def _where(text: str, repeats: int) -> str:
    runs = [_phases(text) for _ in range(repeats)]
    median = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    rules = {k: v for k, v in median.items() if k[:3].isalpha() and k[3:].isdigit()}
    parts = ", ".join(f"{k} {v:.2f} s" for k, v in median.items() if k not in rules)
    top = ", ".join(f"{k} {v:.2f}" for k, v in sorted(rules.items(), key=lambda kv: -kv[1])[:6])
    return (f"where the time goes in process (median of {repeats}): {parts}, the {len(rules)} rules "
            f"{sum(rules.values()):.2f} s (costliest, each with what it reads first: {top})")


def run(options) -> list[str]:
    sizes = QUICK_SIZES if options.quick else SIZES
    repeats = max(3, options.repeats)
    env = bench_env()
    lines, process, inside, cpus = [f"{repeats} runs per size; {load_average()}"], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            text = _policy_text(n)
            path = Path(tmp) / f"policy-{n}.md"
            path.write_text(text, encoding="utf-8")
            markers = _check_in_process(text)  # also warms the caches
            cpu: list[float] = []

            def check(path=path, cpu=cpu) -> float:
                wall, used = command_times([PYTHON, "-m", "kb", "check", "--format", "json", str(path)], env)
                cpu.append(used)
                return wall

            pair = paired("", check, lambda: time_command(bare_pass(str(path)), env), repeats)
            whole, used = pair.seconds_a, statistics.median(cpu[1:])  # the first run warms the caches
            core = statistics.median(time_call(lambda: _check_in_process(text)) for _ in range(repeats))
            process.append(whole)
            inside.append(core)
            cpus.append(used)
            lines.append(f"{n:>5} references, {markers:>5} markers: kb check {whole:6.3f} s, CPU {used:6.3f} s "
                         f"(parse and check in process {core:6.3f} s; {pair.ratio:5.1f}x a bare regex pass over the file)")
    lines.append(f"growth, kb check:   {growth(list(sizes), process)}")
    lines.append(f"growth, CPU:        {growth(list(sizes), cpus)}")
    lines.append(f"growth, in process: {growth(list(sizes), inside)}")
    lines.append(f"{sizes[-1]:,} references, {_where(text, 3)}")  # the largest size's policy, made above
    if not options.quick:
        verdict = "met" if process[-1] < 1.0 else "NOT met"
        lines.append(f"2,000 references: {process[-1]:.3f} s for the whole command (aim < 1 s: {verdict})")
    lines.append(f"after: {load_average()}")
    return lines
