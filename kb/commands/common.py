"""Arguments and helpers shared by subcommands."""
from __future__ import annotations

import sys
from pathlib import Path

from ..io import write_atomic
from ..paths import resolve_policy


def add_policy_argument(parser) -> None:
    parser.add_argument("policy", nargs="?", metavar="POLICY",
                        help="policy file or folder (default: the bundled policy)")


def policy_path(args) -> Path:
    return resolve_policy(getattr(args, "policy", None))


def load(args, *, require_references: bool = True):
    from ..knowledge_base import load_knowledge_base

    return load_knowledge_base(policy_path(args), require_references=require_references)


def emit(text: str, output: str | None) -> None:
    """Print to stdout, or write atomically to ``output``."""
    if output and output != "-":
        write_atomic(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
