#!/usr/bin/env python3
"""Import every PDF in a folder with `kb import`, read the result, and compare with the folder's labels.tsv.

    .venv/bin/python scripts/pdf_accuracy.py /work/corpuspdf            # table and summary line
    .venv/bin/python scripts/pdf_accuracy.py /work/corpuspdf --report   # also every import-report line
    .venv/bin/python scripts/pdf_accuracy.py /work/corpuspdf --findings # also every error and warning finding
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.pdf_accuracy import finding_lines, measure_folder, report_lines, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure kb import on real PDFs against hand-made labels.")
    parser.add_argument("folder", type=Path, help="a folder of .pdf files with labels.tsv beside them")
    parser.add_argument("--report", action="store_true", help="also print each file's import report")
    parser.add_argument("--findings", action="store_true",
                        help="also print each imported file's error and warning findings, one a line")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="also write each imported policy.md to DIR/<file stem>.md (where the findings' lines "
                             "point)")
    options = parser.parse_args()
    if not options.folder.is_dir():
        print(f"{options.folder}: not a folder", file=sys.stderr)
        return 2
    results = measure_folder(options.folder, options.keep)
    if not results:
        print(f"{options.folder}: no .pdf files", file=sys.stderr)
        return 2
    sys.stdout.write(table(results) + summary(results))
    if options.report:
        sys.stdout.write("\n" + report_lines(results))
    if options.findings:
        sys.stdout.write("\n" + finding_lines(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
