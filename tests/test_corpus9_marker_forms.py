"""Marker look-alikes met in corpus 9 (bioRxiv methods sections): a product's catalogue number in parentheses,
'interferon gamma (300-02) from Peprotech', is not a reversed range citing entries 2 to 300. Each form has a
positive case (skipped, with its reason) and a clean case (a misnumbered citation is still read, for the checks)."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy


def _doc(body: str, entries: int = 8):
    refs = "\n".join(f"{n}. Author A. Title {n}. *J*. 2001;1:1-2." for n in range(1, entries + 1))
    return parse_policy(f"# Title of a review article\n\n## Background\n\n{body}\n\n## References\n\n{refs}\n")


CITED = "Trials (1, 2) agree. Others disagree (3). A review (4-8) pooled them. "


def test_a_catalogue_number_in_parentheses_is_not_a_reversed_range():
    doc = _doc(CITED + "We used interferon gamma (300-02) from Peprotech and a dye (40-1) from Tocris.")
    assert [m.numbers for m in doc.markers] == [(1, 2), (3,), (4, 5, 6, 7, 8)]
    assert [(s.text, s.reason) for _, s in doc.skipped] == [
        ("(300-02)", "a number written with a leading zero (a code or catalogue number)"),
        ("(40-1)", "a reversed range past the reference list (a code or catalogue number?)")]


def test_a_reversed_range_inside_the_list_is_still_a_marker():
    doc = _doc(CITED + "A later trial (7-5) disagreed, as did one more (9).")
    assert [m.numbers for m in doc.markers][-2:] == [(5, 6, 7), (9,)]
    assert doc.skipped == ()
