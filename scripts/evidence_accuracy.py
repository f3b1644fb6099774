#!/usr/bin/env python3
"""Score what kb estimates reads against the Evidence Inference corpus' labelled prompts.

    .venv/bin/python scripts/evidence_accuracy.py MIRROR_OR_DIR                # 150 articles, seed 0
    .venv/bin/python scripts/evidence_accuracy.py MIRROR_OR_DIR --limit 20 --seed 3
    .venv/bin/python scripts/evidence_accuracy.py MIRROR_OR_DIR --details wrong  # also the prompts to read
    .venv/bin/python scripts/evidence_accuracy.py MIRROR_OR_DIR --bare --only 4360719 ...  # a recorded sample

MIRROR_OR_DIR is a checkout of jayded/evidence-inference (a folder holding annotations/) or its bare git
mirror. Articles already in an earlier corpus folder (/work/corpus*, or --exclude FOLDER...) and PLOS files
are never drawn.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kbdev.evidence_accuracy import Source, excluded_pmcids, has_bare_interval, has_interval, run  # noqa: E402
from kbdev.evidence_accuracy_report import detail_lines, summary, table  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description="Measure kb estimates' recall, significance, direction and "
                                                 "outcome on Evidence Inference prompts.")
    parser.add_argument("source", type=Path, help="a checkout or bare git mirror of jayded/evidence-inference")
    parser.add_argument("--limit", type=int, default=150, help="articles to draw (default 150)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the draw (default 0)")
    parser.add_argument("--exclude", type=Path, nargs="*", default=None,
                        help="corpus folders whose PMC files are not drawn (default: every /work/corpus*)")
    parser.add_argument("--details", choices=("misses", "wrong", "unoriented", "all"),
                        help="also print these prompts with their evidence and our row")
    parser.add_argument("--only", nargs="+", metavar="PMCID", help="measure just these articles (a recorded sample)")
    parser.add_argument("--bare", action="store_true",
                        help="score evidence naming a ratio/difference with a bracketed pair but no interval words "
                             "(the hevi2 second held-out sample) instead of evidence with interval words")
    options = parser.parse_args()
    if not options.source.exists():
        print(f"{options.source}: not found", file=sys.stderr)
        return 2
    source = Source(options.source)
    folders = options.exclude if options.exclude is not None else sorted(Path("/work").glob("corpus*"))
    only = {p.removeprefix("PMC") for p in options.only} if options.only else None
    results = run(source, options.limit, options.seed, excluded_pmcids(folders), only=only,
                  holds=has_bare_interval if options.bare else has_interval)
    sys.stdout.write(table(results) + "\n" + summary(results))
    if options.details:
        sys.stdout.write("\n" + detail_lines(results, options.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
