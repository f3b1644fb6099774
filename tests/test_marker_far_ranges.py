"""A bracketed range that reaches far past the reference list, most of it no entry, is a range of values (a table's
'mean (SD) [min–max]'), not a citation; a range a few numbers too long is still reported."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of

LIST = "\n".join(f"{n}. Author{n} A. Title {n}. J Med. 2010;{n}:1-2." for n in range(1, 30))


def article(cell: str) -> str:
    cited = " ".join(f"Finding {n}.<sup>{n}</sup>" for n in range(1, 30))
    return (f"# Trial\n\n## Results\n\n{cited}\n\n| Age, years | {cell} |\n| --- | --- |\n| Sex | 40 |\n\n"
            f"## References\n\n{LIST}\n")


def test_an_age_range_far_past_the_list_is_no_marker():
    doc = parse_policy(article("69.1 (13.7) [29–97]"), "a.md")
    assert not [m for m in doc.markers if m.raw.startswith("[")]
    assert codes_of(article("69.1 (13.7) [29–97]"), "CIT101") == []


def test_a_range_a_few_numbers_past_the_end_is_still_a_citation_to_report():
    assert ("CIT101", "error") in codes_of(article("as reported before [27–31]"), "CIT101")
