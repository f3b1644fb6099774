#!/usr/bin/env python3
"""Propose studies.csv for a policy: the same as `kb studies bootstrap [POLICY] [--force] [-o FILE]`."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kb.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["studies", "bootstrap", *sys.argv[1:]]))
