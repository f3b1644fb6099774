"""Propose the studies behind a policy's references, for a reviewer to check.

`kb studies bootstrap` reads the policy and writes a proposed studies.csv: one
study per primary-study reference, follow-up reports joined to their initial
report where the text says so, trial names from titles and text, and trials
described without a citation. An existing studies.csv is curated data and is
never overwritten unless --force is given; the proposal then goes to
studies.proposed.csv beside it, for comparison.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .common import add_policy_argument, check_output, policy_paths


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    boot = sub.add_parser("bootstrap", help="propose studies.csv from the parsed policy",
                          description=__doc__)
    add_policy_argument(boot)
    boot.add_argument("--force", action="store_true", help="overwrite an existing studies.csv")
    boot.add_argument("-o", "--output", metavar="FILE",
                      help="write the proposal here instead (use - for stdout)")


def run(args) -> int:
    from ..errors import KbError

    paths = policy_paths(args)
    if len(paths) > 1 and args.output:
        raise KbError("-o/--output names one file; with several policies each proposal is written beside its policy")
    for path in paths:
        _bootstrap(args, path)
    return 0


def _bootstrap(args, path) -> None:
    from kb.knowledge.curated import load_curated
    from ..evidence.bootstrap import propose_studies, to_csv, write_proposal
    from kb.knowledge.base import build_knowledge_base, load_policy

    # The existing tables are not read: a broken studies.csv must not block a new proposal.
    kb = build_knowledge_base(load_policy(path), load_curated(path))
    rows = propose_studies(kb)
    text = to_csv(rows)
    if args.output == "-":
        sys.stdout.write(text)
        return
    if args.output and Path(args.output).resolve() != (Path(path).parent / "studies.csv").resolve():
        check_output(args.output, [path])  # '-o references/<policy>/kinds.csv' must not replace kinds.csv
    _, message = write_proposal(Path(path).parent, text, force=args.force,
                                output=Path(args.output) if args.output else None)
    randomized = sum(1 for r in rows if r["randomized"] == "yes")
    joined = sum(1 for r in rows if ";" in r["references"])
    print(f"{message}: {len(rows)} studies ({randomized} randomized, {joined} reported in several papers); "
          f"review every row before committing it", file=sys.stderr)
