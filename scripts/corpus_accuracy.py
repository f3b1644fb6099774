#!/usr/bin/env python3
"""Convert every JATS article in a folder, read it, and compare with what its XML states.

    .venv/bin/python scripts/corpus_accuracy.py DIR                 # table and summary line
    .venv/bin/python scripts/corpus_accuracy.py DIR --findings      # also every error and warning finding
    .venv/bin/python scripts/corpus_accuracy.py DIR --draws 0       # no seeded defects (faster)
    .venv/bin/python scripts/corpus_accuracy.py DIR --held-out      # the acceptance run: PLOS Medicine too

PLOS Medicine files (journal.pmed.*) are held out for acceptance: left out (and said so on stderr)
unless --held-out asks for them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.progress import progress  # noqa: E402
from kbdev.corpus_accuracy import (corpus_files, defect_table, finding_lines, held_out_files,  # noqa: E402
                                   measure_safely, summary, table)


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure kb's reading and checks on JATS articles (markers, "
                                                 "reference entries, findings on clean articles, seeded defects).")
    parser.add_argument("folder", type=Path, help="a folder of JATS .xml files")
    parser.add_argument("--draws", type=int, default=1, help="draws of each seeded defect per article (default 1; 0 skips)")
    parser.add_argument("--seed", type=int, default=0, help="seed for the injections (default 0)")
    parser.add_argument("--findings", action="store_true", help="also print every error and warning finding")
    parser.add_argument("--held-out", action="store_true",
                        help="also measure PLOS Medicine files (journal.pmed.*), held out for the acceptance run")
    options = parser.parse_args()
    if not options.folder.is_dir():
        print(f"{options.folder}: not a folder", file=sys.stderr)
        return 2
    files = corpus_files(options.folder, held_out=options.held_out)
    left_out = [] if options.held_out else held_out_files(options.folder)
    if not files:
        why = (f"its {len(left_out)} .xml files are PLOS Medicine articles, held out for acceptance; "
               "add --held-out to measure them") if left_out else "no .xml files"
        print(f"{options.folder}: {why}", file=sys.stderr)
        return 2
    if left_out:
        print(f"{options.folder}: {len(left_out)} PLOS Medicine files left out (held out for acceptance; "
              "--held-out measures them)", file=sys.stderr)
    results = [measure_safely(p, draws=options.draws, seed=options.seed)
               for p in progress(files, "measuring", unit="article")]
    sys.stdout.write(table(results) + "\n" + (defect_table(results) + "\n" if options.draws else "") + summary(results))
    if options.findings:
        sys.stdout.write("\n" + finding_lines(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
