#!/usr/bin/env python3
"""Propose a policy's evidence links from its text alone and score them against its reviewed tables.

    .venv/bin/python scripts/link_accuracy.py              # the bundled policy
    .venv/bin/python scripts/link_accuracy.py references/<folder>/policy.md --verbose

The reviewed tables are removed in a temporary copy; the policy folder is never changed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kbdev.linking.measure import measure, report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policy", nargs="?", default=str(ROOT / "references" / "regence-surgery-107" / "policy.md"))
    parser.add_argument("--verbose", action="store_true", help="list the missed and the extra links")
    options = parser.parse_args()
    policy = Path(options.policy)
    if not policy.is_file():
        print(f"link_accuracy.py: {policy}: no such policy file", file=sys.stderr)
        return 2
    scores, bare = measure(policy)
    print(report(policy, scores, bare, options.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
