"""Dates and numbers as other issuers print them at the top of a policy."""
from __future__ import annotations

import pytest

from kb.read.parse_policy import parse_policy

REFS = "\n\n## References\n\n1. Smith A. A trial. J. 2001;1:1.\n"


@pytest.mark.parametrize("line, key, value", [
    ("Surgery, Policy No. 107", "policy_number", "107"),
    ("Policy Number: MP-004", "policy_number", "MP-004"),
    ("Number: 0411", "policy_number", "0411"),
    ("**Last Review:** May 2026", "last_review", "May 2026"),
    ("Latest Review Date: April 2024", "last_review", "April 2024"),
    ("Last Reviewed: 05/14/2025", "last_review", "05/14/2025"),
    ("Effective Date: 01/01/2025", "effective", "01/01/2025"),
])
def test_metadata_lines(line, key, value):
    assert parse_policy(f"# Title\n\n{line}{REFS}", "p.md").metadata.get(key) == value


@pytest.mark.parametrize("line", ["The policy no longer covers sacroplasty.", "Number of trials: many"])
def test_sentences_are_not_metadata(line):
    assert "policy_number" not in parse_policy(f"# Title\n\n{line}{REFS}", "p.md").metadata
