"""Compare two versions of a policy for the annual review: criteria added, removed and
changed (with the changed words), references added, removed, updated and renumbered,
citations moved to another paper, sentences edited, and findings new or fixed.
Renumbering the reference list alone shows as one line per run of moved entries."""
from __future__ import annotations

import sys

from ..paths import resolve_policy


def add_arguments(parser) -> None:
    parser.add_argument("old", metavar="OLD", help="the earlier version (policy file or folder)")
    parser.add_argument("new", metavar="NEW", help="the later version (policy file or folder)")
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("--no-findings", action="store_true", help="skip running the checks on both versions")


def run(args) -> int:
    from ..diff import diff_policies
    from ..diff.render import FORMATTERS
    from kb.knowledge.base import load_knowledge_base

    old = load_knowledge_base(resolve_policy(args.old))
    new = load_knowledge_base(resolve_policy(args.new))
    diff = diff_policies(old, new, findings=not args.no_findings)
    sys.stdout.write(FORMATTERS[args.format](diff))
    return 0
