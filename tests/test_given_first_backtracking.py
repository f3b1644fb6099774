"""An author-year entry with a long run of initials and no year after them (a review's 40-author entry, found in
folder 33: two articles stalled the reader for minutes) is read at once. The subprocess's generous limit is no speed
target: the old pattern needed some 2^40 steps here, the reading a few milliseconds."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ", ".join(f"Author{chr(65 + i % 26)} {chr(65 + i % 26)}. {chr(66 + i % 24)}." for i in range(40))
ENTRY = f"{NAMES} Title of the paper without a year after the names: a review, Journal 12 (2020) 1-9."
SCRIPT = f"""
from kb.read.given_first import given_first_reading
from kb.read.model import ReferenceEntry
import dataclasses
fields = {{f.name: None for f in dataclasses.fields(ReferenceEntry)}}
entry = ReferenceEntry(**{{**fields, "number": 1, "line": 1, "raw": {ENTRY!r}, "authors": (), "surnames": ()}})
print(given_first_reading(entry))
"""


def test_a_long_run_of_initials_with_no_year_after_them_is_read_at_once():
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "None"
