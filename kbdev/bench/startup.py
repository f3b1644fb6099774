"""kb info and kb check on the bundled policy against a bare regular-expression pass, and where start-up goes.

Both sides are whole processes (interpreter start-up included), which is
what a user waits for. Each command is timed three times: doing the work (the
output cache off, as after any edit; the patterns and record methods compiled
on an earlier run kept, kb.pattern_cache and kb.dataclass_cache), doing it
with everything compiled afresh as well (as on the very first run after
installing), then answering an unchanged policy
from the output cache (kb.output_cache), as a repeated run does. The baseline reads the file and finds every
citation marker and numbered entry with two regular expressions. Each
pair is also compared by CPU time (user + system), which a busy shared
machine disturbs less than wall time. Then the import tree of both
commands (``kbdev.bench.importtree``).
"""
from __future__ import annotations

import statistics

from kbdev.bench import PYTHON, bench_env, command_times, load_average, paired
from kbdev.bench.importtree import report as import_report

DESCRIPTION = "kb info / kb check vs a bare regex pass over the same policy (aims < 2x / < 3x), and the import tree"
AIMS = {"info": 2.0, "check": 3.0}

_BASELINE = (
    "import re,sys\n"
    "t=open(sys.argv[1],encoding='utf-8').read()\n"
    "m=re.findall(r'<sup>\\[([^\\]]*)\\]</sup>',t)\n"
    "e=re.findall(r'(?m)^(\\d+)\\. ',t)\n"
    "print(len(m),len(e))\n"
)


def bare_pass(policy: str) -> list[str]:
    """The baseline's command line: the same file, read and searched with two patterns."""
    return [PYTHON, "-c", _BASELINE, policy]


def compare(label: str, argv: list[str], baseline: list[str], repeats: int, aim: float, env: dict) -> list[str]:
    """The paired wall-time line, then the same pairs compared by CPU time."""
    cpu: dict[str, list[float]] = {"a": [], "b": []}

    def timed(side: str, command: list[str]):
        def go() -> float:
            wall, used = command_times(command, env)
            cpu[side].append(used)
            return wall
        return go

    result = paired(label, timed("a", argv), timed("b", baseline), repeats)
    a, b = cpu["a"][1:], cpu["b"][1:]  # the first pair warms the caches
    ratio = statistics.median(x / y for x, y in zip(a, b) if y > 0)
    return [result.line(aim=aim),
            f"{'':<44} CPU {statistics.median(a) * 1000:6.1f} ms vs {statistics.median(b) * 1000:8.1f} ms"
            f"  ratio {ratio:5.2f}x"]


def run(options) -> list[str]:
    from kb.paths import default_policy

    policy = str(options.policy or default_policy())
    env = bench_env()
    lines = [f"policy: {policy}; {options.repeats} paired runs each; {load_average()}"]
    kept = dict(env, KB_CACHE="1")
    for cmd in (["info"], ["check", "--format", "json"]):
        argv = [PYTHON, "-m", "kb", *cmd, policy]
        lines += compare(f"kb {' '.join(cmd)}", argv, bare_pass(policy), options.repeats, AIMS[cmd[0]], env)
        # As on the very first run after installing: every pattern and record method compiled afresh
        # (kb.pattern_cache and kb.dataclass_cache off).
        lines += compare(f"kb {' '.join(cmd)}, compiled afresh", argv, bare_pass(policy), options.repeats,
                         AIMS[cmd[0]], dict(env, KB_COMPILE_CACHE="0"))
        command_times(argv, kept)  # the first run stores the answer
        lines += compare(f"kb {' '.join(cmd)}, answer kept", argv, bare_pass(policy), options.repeats,
                         AIMS[cmd[0]], kept)
    for cmd in (["info"], ["check", "--format", "json"]):
        lines += import_report([*cmd, policy], max(3, options.repeats // 2))
    lines.append(f"after: {load_average()}")
    return lines
