"""CIT107: author-year citations the reference list cannot answer for."""
from __future__ import annotations

from kb.read.author_year_index import AMBIGUOUS, NO_ENTRY, OTHER_YEAR

from . import finding, rule

_SEVERITY = ((NO_ENTRY, "warning"), (OTHER_YEAR, "warning"), (AMBIGUOUS, "info"))
_FIX = {
    NO_ENTRY: "add the cited paper to the reference list, or correct the name or year in the text",
    OTHER_YEAR: "correct the year in the text or in the entry, whichever is wrong",
    AMBIGUOUS: "add a letter to the years of the entries (2010a, 2010b) and cite them by it",
}


@rule("CIT107", "author-year-citation-unanswered", "warning")
def author_year_unanswered(kb):
    """An author-year citation names no entry of the list, an entry of another year, or several entries.

    What: in a policy that cites its reference list by name and year (a list printed without numbers, or a
    numbered one its text cites only by name), each citation such as `(Buchbinder et al., 2009)` or
    `Kallmes and colleagues (2009)` is tied to the entry of that first author (or organisation) and year. A citation whose author has no entry, or whose only entry by
    that author has another year, is a warning; one that fits two entries of the same author and year is info.
    Why: the reader looking for the cited paper finds nothing, or must guess; a wrong year is the author-year
    form of a wrong number.
    Example: `(Smith et al., 2012)` in a policy whose list has no Smith; `Buchbinder et al (2008)` where the
    list has only Buchbinder (2009).
    Fix: add the paper to the list, or correct the name or year in the text or the entry.
    A single unknown word and a year, such as `(Medicare, 2010)`, is not read as a citation at all.
    """
    for marker in kb.doc.markers:
        for note in marker.problems:
            kind = next((k for k, _ in _SEVERITY if k in note), None)
            if kind is None:
                continue
            severity = dict(_SEVERITY)[kind]
            yield finding(author_year_unanswered, marker.line, f"citation {marker.raw}: {note}",
                          column=marker.column, citations=sorted(set(marker.numbers)), severity=severity,
                          suggestion=_FIX[kind])


RULES = (author_year_unanswered,)
