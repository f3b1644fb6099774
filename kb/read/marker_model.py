"""What the marker scanners return: a marker as printed with its style, a span left unread, and the test every
scanner applies to the numbers inside (pure)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.read.marker_numbers import looks_like_year

# Marker styles. A document's own style is decided over all its lines.
BRACKET, SUP_BRACKET, SUP, UNICODE, PAREN = "bracket", "sup-bracket", "sup", "unicode", "paren"
REF_WORD = "ref-word"  # PNAS's "(see ref. 13)", "(refs. 38–43)": a citation by the word, in any document


@dataclass(frozen=True)
class RawMarker:
    raw: str  # as printed, the whole run: "[3]–[5]", "<sup>1</sup>,<sup>2</sup>"
    inner: str  # the numbers as one list: "3–5", "1, 2"
    start: int  # 0-based offset in the line
    end: int
    style: str = BRACKET
    notes: tuple[str, ...] = ()  # what an author-year citation could not settle (kb.read.author_year)


@dataclass(frozen=True)
class Skipped:
    """A span that may be a marker, left unread: the reader was not sure."""

    text: str
    start: int
    reason: str


def zero_or_year(inner: str) -> bool:
    """A zero or one year alone: no list numbers its entries so."""
    numbers = [int(n) for n in re.findall(r"\d+", inner)]
    return 0 in numbers or (len(numbers) == 1 and looks_like_year(inner))
