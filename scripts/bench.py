#!/usr/bin/env python3
"""Run policykb's benchmarks and print timings as ratios (see kbdev/bench/).

    .venv/bin/python scripts/bench.py            # every suite
    .venv/bin/python scripts/bench.py startup    # one suite
    .venv/bin/python scripts/bench.py --list
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.bench import suites  # noqa: E402


def main() -> int:
    available = suites()
    parser = argparse.ArgumentParser(description="Time policykb against baselines; prints ratios from paired runs.")
    parser.add_argument("suite", nargs="*", help=f"suites to run (default: all): {', '.join(available)}")
    parser.add_argument("--list", action="store_true", help="list the suites and exit")
    parser.add_argument("--repeats", type=int, default=7, help="paired runs per comparison (default 7)")
    parser.add_argument("--policy", help="policy file for the suites that take one (default: the bundled policy)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    options = parser.parse_args()
    if options.list:
        for name, module in available.items():
            print(f"{name:<14} {module.DESCRIPTION}")
        return 0
    unknown = [s for s in options.suite if s not in available]
    if unknown:
        parser.error(f"unknown suite(s): {', '.join(unknown)}; known: {', '.join(available)}")
    for name in options.suite or list(available):
        print(f"== {name}: {available[name].DESCRIPTION}", flush=True)
        for line in available[name].run(options):
            print(f"   {line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
