#!/usr/bin/env python3
"""Seed known citation defects into clean policies, run kb check, and print recall and false alarms.

    .venv/bin/python scripts/seeded_errors.py                 # 20 synthetic policies, 5 draws on the bundled one
    .venv/bin/python scripts/seeded_errors.py --policies 50 --seed 3
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.seeding.suite import markdown, run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Inject one known defect at a time into clean policies and "
                                                 "print, per defect, how many kb check found at their line.")
    parser.add_argument("--policies", type=int, default=20, help="synthetic policies (default 20)")
    parser.add_argument("--references", type=int, default=60, help="references per synthetic policy (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the policies and the injections (default 0)")
    parser.add_argument("--bundled", type=int, default=5, metavar="DRAWS",
                        help="draws of each defect on the bundled policy (default 5; 0 skips it)")
    options = parser.parse_args()
    if options.policies < 1 or options.references < 8 or options.bundled < 0:
        parser.error("--policies must be at least 1, --references at least 8, --bundled at least 0")
    sys.stdout.write(markdown(run(options.policies, options.seed, options.references, options.bundled)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
