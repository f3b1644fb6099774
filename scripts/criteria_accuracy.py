#!/usr/bin/env python3
"""Read the coverage criteria of every labelled document in a folder and compare with its hand labels.

    .venv/bin/python scripts/criteria_accuracy.py /work/corpusdoc3     # table and summary line

The folder holds the documents and criteria.tsv (see kbdev/criteria_accuracy.py for its columns).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.criteria_accuracy import measure, read_labels, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure how coverage criteria are read, against hand labels.")
    parser.add_argument("folder", type=Path, help="a folder of documents with criteria.tsv")
    options = parser.parse_args()
    if not (options.folder / "criteria.tsv").is_file():
        print(f"{options.folder}: no criteria.tsv", file=sys.stderr)
        return 2
    results = [measure(options.folder, label) for label in read_labels(options.folder)]
    if not results:
        print(f"{options.folder}/criteria.tsv: no labelled documents", file=sys.stderr)
        return 2
    sys.stdout.write(table(results) + "\n\n" + summary(results) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
