#!/usr/bin/env python3
"""Convert every JATS article in a folder, read it, and compare with what its XML states.

    .venv/bin/python scripts/corpus_accuracy.py DIR                 # table and summary line
    .venv/bin/python scripts/corpus_accuracy.py DIR --findings      # also every error and warning finding
    .venv/bin/python scripts/corpus_accuracy.py DIR --draws 0       # no seeded defects (faster)

PLOS Medicine files (journal.pmed.*) are held out for acceptance and are never read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.corpus_accuracy import corpus_files, defect_table, finding_lines, measure_safely, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure kb's reading and checks on JATS articles (markers, "
                                                 "reference entries, findings on clean articles, seeded defects).")
    parser.add_argument("folder", type=Path, help="a folder of JATS .xml files")
    parser.add_argument("--draws", type=int, default=1, help="draws of each seeded defect per article (default 1; 0 skips)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the injections (default 0)")
    parser.add_argument("--findings", action="store_true", help="also print every error and warning finding")
    options = parser.parse_args()
    if not options.folder.is_dir():
        print(f"{options.folder}: not a folder", file=sys.stderr)
        return 2
    files = corpus_files(options.folder)
    if not files:
        print(f"{options.folder}: no .xml files", file=sys.stderr)
        return 2
    results = [measure_safely(p, draws=options.draws, seed=options.seed) for p in files]
    sys.stdout.write(table(results) + "\n" + (defect_table(results) + "\n" if options.draws else "") + summary(results))
    if options.findings:
        sys.stdout.write("\n" + finding_lines(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
