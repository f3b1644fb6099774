"""Which reference section of a web page its citation markers cite, and moving that one last.

The policy reader takes the last list under a reference heading. A wiki article
often prints two: its numbered notes under 'Citations' (or 'References'), which
every ``[n]`` in the text links to, and below them a 'References' or
'Bibliography' of books that the notes cite by short name and no marker links
to. Read as printed, the reader takes the books and every marker points past
them. When the markers link into one earlier reference section and none into the
last, the converter writes the cited section after the last one, word for word,
and says so in the import report: the reader then takes the list the text cites.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# Fewer marker links than this into a section do not make it the cited list: a stray link is no evidence.
_ENOUGH = 3


@dataclass(frozen=True)
class Section:
    """A reference section as written: its heading's text and the span of blocks it took in the writer."""
    title: str
    start: int
    end: int
    key: int  # id() of its heading element, to match the ids reference_index found under it


def marker_counts(root, by_heading: dict) -> Counter:
    """Links in a superscript, or bare citation links, per reference section they point into (by heading key)."""
    owner = {target: key for key, ids in by_heading.items() for target in ids}
    counts: Counter = Counter()
    for a in root.find_all("a", href=True):
        href = a["href"].strip()
        if not href.startswith("#") or href[1:] not in owner:
            continue
        if owner.get(_own_id(a)) is not None:  # a link inside a reference section: a back-link or a label
            continue
        if a.find_parent("sup") is not None or a.get_text(strip=True).strip("[]").isdigit():
            counts[owner[href[1:]]] += 1
    return counts


def _own_id(a):
    """The id of the nearest element around a link that has one (to tell links inside a reference section)."""
    for parent in a.parents:
        if parent.get("id"):
            return parent["id"]
    return None


def cited_section(sections: list[Section], counts: Counter) -> Section | None:
    """The earlier section the markers cite when the last one is cited by none, else None."""
    if len(sections) < 2 or counts.get(sections[-1].key, 0):
        return None
    earlier = [s for s in sections[:-1] if counts.get(s.key, 0) >= _ENOUGH]
    return max(earlier, key=lambda s: counts[s.key]) if earlier else None
