"""List every effect estimate the policy reports, one row per estimate, as CSV or JSON.

Numbers are kept exactly as printed (a reversed interval stays reversed);
the 'flags' column names the EST checks a row fails. --table chooses another
table: the sample splits (totals and arm sizes), counts with percentages,
I² values, the numbers of studies reviews say they included, or each trial's
sizes, arms and follow-up counts sentence by sentence (what EST304/EST305 read).
"""
from __future__ import annotations

import sys
from collections import Counter

from ..paths import policy_name
from .common import add_policy_argument, check_output, emit_table, load_path, policy_paths


def add_arguments(parser) -> None:
    from ..estimates.table import KINDS

    add_policy_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write here (atomically) instead of stdout; .csv, .json or .xlsx chooses the format")
    parser.add_argument("--format", choices=("csv", "json", "xlsx"),
                        help="csv (default), json or xlsx (a spreadsheet; needs -o); default: from -o's extension")
    parser.add_argument("--table", choices=KINDS, default="estimates",
                        help="which numbers to list (default: estimates)")


def summary_line(found, rows: list[dict]) -> str:
    flagged = sum(1 for r in found_rows(found) if r["flags"])
    measures = Counter(e.measure or "unknown" for e in found.estimates)
    return (f"{len(found.estimates)} estimates with intervals ("
            + ", ".join(f"{m} {n}" for m, n in sorted(measures.items())) + f"), {flagged} failing a check; "
            f"{len(found.samples)} sample splits, {len(found.counts)} counts with percentages, "
            f"{len(found.heterogeneity)} I² values; wrote {len(rows)} rows")


def found_rows(found) -> list[dict]:
    from ..estimates.table import estimate_rows

    return estimate_rows(found.estimates)


def run(args) -> int:
    from ..estimates import estimates_of
    from ..estimates.table import COLUMNS, rows_of

    paths = policy_paths(args)
    if args.output:
        check_output(args.output, paths)
    columns = COLUMNS if args.table == "estimates" else None
    rows, summaries = [], []
    for path in paths:
        found = estimates_of(load_path(path))
        these = rows_of(found, args.table)
        if len(paths) > 1:  # a corpus table says which policy each row is from
            these = [{"policy": policy_name(path), **r} for r in these]
        rows += these
        summaries.append((f"{path}: " if len(paths) > 1 else "") + summary_line(found, these))
    if len(paths) > 1 and columns:
        columns = ["policy", *columns]
    emit_table(rows, columns or (rows[0].keys() if rows else ()), args.output, paths, args.format, args.table)
    print("\n".join(summaries), file=sys.stderr)  # after the write: a failed write is then the only line
    return 0
