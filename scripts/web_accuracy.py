#!/usr/bin/env python3
"""Import every web page and Word file in a folder with `kb import`, and compare with its hand labels.

    .venv/bin/python scripts/web_accuracy.py /work/corpusweb              # table and summary lines
    .venv/bin/python scripts/web_accuracy.py /work/corpusweb --findings   # also every error and warning finding

The folder holds the documents and labels.tsv (see kbdev/web_accuracy.py for its columns).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.web_accuracy import documents, measure_safely, read_labels  # noqa: E402
from kbdev.web_accuracy_report import finding_lines, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure kb import on real web pages and Word files.")
    parser.add_argument("folder", type=Path, help="a folder of .html/.docx files with labels.tsv")
    parser.add_argument("--findings", action="store_true", help="also print every error and warning finding")
    parser.add_argument("--only", default="", help="only files whose name contains this text")
    options = parser.parse_args()
    if not options.folder.is_dir():
        print(f"{options.folder}: not a folder", file=sys.stderr)
        return 2
    labels = read_labels(options.folder)
    files = [p for p in documents(options.folder) if options.only in p.name]
    if not files:
        print(f"{options.folder}: no .html or .docx files", file=sys.stderr)
        return 2
    results = [measure_safely(p, labels.get(p.name)) for p in files]
    sys.stdout.write(table(results) + "\n")
    for kind, suffixes in (("web pages", (".html", ".htm")), ("Word files", (".docx",))):
        part = [r for r in results if r.name.lower().endswith(suffixes)]
        if part:
            sys.stdout.write(summary(part, kind))
    sys.stdout.write(summary(results, "all"))
    if options.findings:
        sys.stdout.write("\n" + finding_lines(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
