"""CIT206: an entry no marker cites, whose author the text names beside a marker citing a neighbouring number."""
from __future__ import annotations

import re

from kb.sources.citing import analyse
from . import finding, rule
from .cit_markers import NUMBERED_SHARE

NEAR = 2  # how far the printed number may be from the uncited entry's: a slip of a digit or a renumbering


def _pattern(name: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")  # a hyphen may join it to another name: Kato-Katz


def _names(entry) -> list[str]:
    """What the text would call the entry's source: its first author's surname, or the organisation."""
    out = []
    if entry.first_author and len(entry.first_author) >= 3 and entry.first_author[0].isupper():
        out.append(entry.first_author)
    if entry.organisation and len(entry.organisation.split()) >= 2:
        out.append(entry.organisation)
    return out


def _marker_after(cited, end: int):
    """The sentence's first marker printed after the name, else its last marker before it."""
    after = [m for m, (start, _) in zip(cited.markers, cited.spans) if start >= end]
    before = [m for m, (start, _) in zip(cited.markers, cited.spans) if start < end]
    return after[0] if after else (before[-1] if before else None)


# '(Boisson et al 2010)': the name sits in a parenthetical author-year citation, closed after its year.
_OPEN_ASIDE = re.compile(r"\([^()]{0,12}$")
_ASIDE_END = re.compile(r"[^()\[\]]{0,40}?\b(?:19|20)\d\d[a-z]?\)\s?")


def _beyond_aside(cited, hit, marker) -> bool:
    """The name is a parenthetical author-year citation of its own, and the marker stands past it: the marker
    cites something else ('68% use (Boisson et al 2010) and 83% use ... [51]')."""
    text = cited.sentence.text
    if not _OPEN_ASIDE.search(text, 0, hit.start()):
        return False
    end = _ASIDE_END.match(text, hit.end())
    start = cited.spans[cited.markers.index(marker)][0]
    return bool(end) and start > end.end()


def _authors_of(kb, numbers) -> set[str]:
    out: set[str] = set()
    for n in numbers:
        entry = kb.references.get(n)
        if entry:
            out.update(entry.surnames)
            out.update([entry.organisation] if entry.organisation else [])
    return out


@rule("CIT206", "uncited-entry-named-beside-another-number", "warning")
def uncited_entry_named(kb):
    """An entry that no marker cites is named in the text beside a marker that cites a neighbouring number.

    What: reference 27 (Gillespie 1976) is cited by no marker, and a sentence names Gillespie beside
    `[28]`, a number one or two away from 27, whose entry is not by Gillespie. The name must be the
    entry's first author's surname (or its organisation's full name) and belong to no other entry of
    the list, so that it points to one entry only.
    Why: the marker's number has most likely slipped (a typing slip, or the list renumbered after an
    entry was added or removed without updating the text): the statement is attributed to the wrong
    paper, and the paper it relies on looks uncited.
    Example: `we model the intrinsic noise through a Gillespie jump process [28]` where reference 27 is
    Gillespie (1976) and no marker cites 27.
    Fix: cite the entry the suggestion names, or, if the number is right, check why the named entry is
    cited nowhere.
    When numbered markers cite fewer than a fifth of the list, or the policy cites by author and year
    (there the names are the citations, checked by CIT107), this rule stays silent.
    """
    entries = kb.doc.references
    if kb.doc.citation_style != "numbered":
        return
    cited_numbers = [n for n in kb.cited if n in kb.references]
    if not entries or not kb.uncited or len(cited_numbers) < NUMBERED_SHARE * len(entries):
        return
    first_authors: dict[str, int] = {}
    for entry in entries:
        for name in _names(entry):
            first_authors[name] = first_authors.get(name, 0) + 1
    by_sentence = {cited.sentence.index: cited for cited in analyse(kb).cited}
    for n in kb.uncited:
        entry = kb.references[n]
        names = [name for name in _names(entry) if first_authors[name] == 1]
        near = sorted({m.sentence_index for k in range(n - NEAR, n + NEAR + 1) for m in kb.markers_by_number.get(k, ())
                       if m.sentence_index in by_sentence})
        hit = _named_beside(kb, n, names, [by_sentence[i] for i in near]) if names else None
        if hit is None:
            continue  # a name shared by several entries could stand for another one
        name, marker = hit
        yield finding(uncited_entry_named, marker.line,
                      f"{name} is named beside {marker.raw}, but reference {n} ({entry.label}), which no "
                      f"marker cites, is by {name}: was [{n}] meant?",
                      column=marker.column, citations=sorted({n, *marker.numbers}),
                      suggestion=f"cite reference {n} here if it is the source meant, or check why it is cited nowhere")


def _named_beside(kb, n: int, names: list[str], sentences):
    """The first (name, marker) where a name of entry n sits beside a marker citing a number near n
    (``sentences``: those, in order, that hold a marker citing such a number)."""
    for name in names:
        pattern = _pattern(name)
        for cited in sentences:
            hit = pattern.search(cited.sentence.text)
            marker = _marker_after(cited, hit.end()) if hit else None
            if marker is None or not any(abs(k - n) <= NEAR for k in marker.numbers):
                continue
            if _beyond_aside(cited, hit, marker):
                continue
            if any(k not in kb.references for k in marker.numbers):
                continue  # CIT101 reports the number the list lacks; which entry the name stands for is unclear
            if name not in _authors_of(kb, marker.numbers):
                return name, marker
    return None


RULES = (uncited_entry_named,)
