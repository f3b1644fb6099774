"""Check a policy's citations, reference list, statistics and structure.

Findings print like a linter (path:line:col: CODE message) with a suggested
fix under each. Exit 0 when nothing is at or above --fail-on, 1 when
something is, 2 on a usage or input error.
"""
from __future__ import annotations

import sys

from .common import add_policy_argument, load


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def add_arguments(parser) -> None:
    add_policy_argument(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--select", type=_codes, metavar="CODES",
                        help="only these codes or prefixes, comma-separated (e.g. CIT,REF101)")
    parser.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these codes or prefixes")


def run(args) -> int:
    from ..checks import run_checks
    from ..report import FORMATTERS, exit_code

    kb = load(args)
    results = run_checks(kb, select=args.select, ignore=args.ignore)
    try:
        from ..waivers import apply_waivers
    except ImportError:  # waivers arrive with the checker issue
        pass
    else:
        results = apply_waivers(kb, results)
    sys.stdout.write(FORMATTERS[args.format](kb.path, results))
    return exit_code(results, args.fail_on)
