#!/usr/bin/env python3
"""Seed known citation defects into clean policies, run kb check, and print recall and false alarms.

    .venv/bin/python scripts/seeded_errors.py                 # 20 synthetic policies, 5 draws on the bundled one
    .venv/bin/python scripts/seeded_errors.py --policies 50 --seed 3
    .venv/bin/python scripts/seeded_errors.py --policies 60 --references 90 --bundled 20 --seed 3 \
        --page kb/site/docs/accuracy.md                       # the site's "How well the checks find errors"
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.seeding.suite import markdown, run  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Inject one known defect at a time into clean policies and "
                                                 "print, per defect, how many kb check found at their line.")
    parser.add_argument("--policies", type=int, default=20, help="synthetic policies (default 20)")
    parser.add_argument("--references", type=int, default=60, help="references per synthetic policy (default 60)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the policies and the injections (default 0)")
    parser.add_argument("--bundled", type=int, default=5, metavar="DRAWS",
                        help="draws of each defect on the bundled policy (default 5; 0 skips it)")
    parser.add_argument("--page", metavar="FILE",
                        help="also write the tables as a site page (a measurement record, with this command)")
    options = parser.parse_args()
    if options.policies < 1 or options.references < 8 or options.bundled < 0:
        parser.error("--policies must be at least 1, --references at least 8, --bundled at least 0")
    tables = markdown(run(options.policies, options.seed, options.references, options.bundled))
    sys.stdout.write(tables)
    if options.page:
        from kb.io import write_atomic

        command = "scripts/seeded_errors.py " + " ".join(sys.argv[1:])
        write_atomic(options.page, PAGE.format(command=command, tables=tables))
    return 0


PAGE = """# How well the checks find errors

This page is a measurement record, written by `{command}`;
run it again after changing a check. Each known defect is injected, one at a time, into clean policies:
synthetic policies of realistic shape, and the bundled policy edited where reading the text against the
reference list can reveal the defect. Every check then runs; a defect counts as found when a finding with
an expected code appears at its line, and every other new finding counts as a false alarm.

{tables}
"""


if __name__ == "__main__":
    sys.exit(main())
