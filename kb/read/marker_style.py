"""Which marker styles a document cites with, decided over the whole document.

A raised ``<sup>2</sup>`` after a word is a citation in a document that
cites with superscripts and most likely a square or a footnote in one that
cites with brackets; ``(1, 2)`` is a citation only in a document that has no
other markers. Pure: candidates in, the kept markers and the skipped spans out.
"""
from __future__ import annotations

from collections import Counter

from kb.patterns import lazy
from kb.read.markers import BRACKET, PAREN, SUP, SUP_BRACKET, UNICODE, RawMarker, Skipped

_DIGITS = lazy(r"\d+")
# Fewer parenthesised candidates than this are too few to call a style.
_MIN_PAREN = 3


def kept_styles(counts) -> frozenset[str]:
    """The styles a document with these candidate counts (style -> count) is read as citing with."""
    counts = Counter(counts)
    brackets = counts[BRACKET]
    kept = {BRACKET, SUP_BRACKET}
    for raised in (SUP, UNICODE):
        # A document citing with brackets uses raised numbers for something else.
        if counts[raised] >= brackets or brackets < 3:
            kept.add(raised)
    others = brackets + counts[SUP_BRACKET] + counts[SUP] + counts[UNICODE]
    if not others and counts[PAREN] >= _MIN_PAREN:
        kept.add(PAREN)
    return frozenset(kept)


_WHY = {
    SUP: "a raised number in a document that cites with brackets",
    UNICODE: "a raised number in a document that cites with brackets",
    PAREN: "a number in parentheses in a document with too few of them to call a style",
}


def beyond_the_list(marker: RawMarker, last_entry: int | None) -> bool:
    """'[140, 160]' in an article of 59 entries is an interval: several numbers, none of them an entry.

    A single number past the end ('[77]' in a list of 76) stays a marker: a misnumbered citation is
    exactly what the checks must report.
    """
    if not last_entry:
        return False
    numbers = [int(n) for n in _DIGITS.findall(marker.inner)]
    return len(numbers) > 1 and min(numbers) > last_entry


def choose(per_line: list[tuple[int, list[RawMarker], list[Skipped]]], last_entry: int | None = None
           ) -> tuple[list[tuple[int, list[RawMarker]]], list[tuple[int, Skipped]]]:
    """Keep the markers of the document's styles; the others become skipped spans (parentheses only
    when the document has no other markers, since "(1)" is far more often a list label)."""
    counts = Counter(r.style for _, found, _ in per_line for r in found)
    kept = kept_styles(counts)
    markers, skipped = [], []
    quiet_parens = bool(counts[BRACKET] + counts[SUP_BRACKET] + counts[SUP] + counts[UNICODE])
    for line, found, unsure in per_line:
        markers.append((line, [r for r in found if r.style in kept and not beyond_the_list(r, last_entry)]))
        skipped += [(line, s) for s in unsure]
        skipped += [(line, Skipped(r.raw, r.start, "numbers that are all past the reference list (an interval?)"))
                    for r in found if r.style in kept and beyond_the_list(r, last_entry)]
        for r in found:
            if r.style not in kept and not (r.style == PAREN and quiet_parens):
                skipped.append((line, Skipped(r.raw, r.start, _WHY[r.style])))
    return markers, skipped
