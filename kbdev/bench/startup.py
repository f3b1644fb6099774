"""kb info and kb check on the bundled policy against a bare regular-expression pass.

Both sides are whole processes (interpreter start-up included), which is
what a user waits for. The baseline reads the file and finds every
citation marker and numbered entry with two regular expressions.
"""
from __future__ import annotations

from kbdev.bench import PYTHON, bench_env, paired, time_command

DESCRIPTION = "kb info / kb check vs a bare regex pass over the same policy (aim < 3x)"

_BASELINE = (
    "import re,sys\n"
    "t=open(sys.argv[1],encoding='utf-8').read()\n"
    "m=re.findall(r'<sup>\\[([^\\]]*)\\]</sup>',t)\n"
    "e=re.findall(r'(?m)^(\\d+)\\. ',t)\n"
    "print(len(m),len(e))\n"
)


def run(options) -> list[str]:
    from kb.paths import default_policy

    policy = str(options.policy or default_policy())
    env = bench_env()
    baseline = lambda: time_command([PYTHON, "-c", _BASELINE, policy], env)  # noqa: E731
    lines = [f"policy: {policy}; {options.repeats} paired runs each"]
    for cmd in (["info"], ["check", "--format", "json"]):
        result = paired(f"kb {' '.join(cmd)}", lambda c=cmd: time_command([PYTHON, "-m", "kb", *c, policy], env),
                        baseline, options.repeats)
        lines.append(result.line(aim=3.0))
    return lines
