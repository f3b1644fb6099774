#!/usr/bin/env python3
"""Import every PDF in a folder with `kb import`, read the result, and compare with the folder's labels.tsv.

    .venv/bin/python scripts/pdf_accuracy.py /work/corpuspdf            # table and summary line
    .venv/bin/python scripts/pdf_accuracy.py /work/corpuspdf --report   # also every import-report line
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.pdf_accuracy import measure_folder, report_lines, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure kb import on real PDFs against hand-made labels.")
    parser.add_argument("folder", type=Path, help="a folder of .pdf files with labels.tsv beside them")
    parser.add_argument("--report", action="store_true", help="also print each file's import report")
    options = parser.parse_args()
    if not options.folder.is_dir():
        print(f"{options.folder}: not a folder", file=sys.stderr)
        return 2
    results = measure_folder(options.folder)
    if not results:
        print(f"{options.folder}: no .pdf files", file=sys.stderr)
        return 2
    sys.stdout.write(table(results) + summary(results))
    if options.report:
        sys.stdout.write("\n" + report_lines(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
