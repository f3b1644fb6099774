"""Small helpers shared by the rule families: how to name an entry, where a phrase sits."""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.model import PolicyDocument, ReferenceEntry


def describe(entry: ReferenceEntry) -> str:
    """How findings name an entry: 'reference 27 (Van Meirhaeghe 2013)'."""
    who = entry.first_author or entry.organisation or (entry.title or "untitled")[:50]
    return f"reference {entry.number} ({who} {entry.year})" if entry.year else f"reference {entry.number} ({who})"


def locate(doc: PolicyDocument, line: int, end_line: int, needle: str, *, word: bool = True) -> tuple[int, int | None]:
    """(line, 1-based column) of ``needle`` in the printed lines ``line..end_line``.

    Sentences and paragraphs hold cleaned text, so a phrase found there is
    looked up again in the raw lines to point the editor at the right column
    (as a whole word unless told otherwise: 'ASN' is not the start of 'ASNR').
    When markup splits it, the first line and no column are the honest answer.
    """
    pattern = re.compile((r"(?<![A-Za-z0-9])" + re.escape(needle) + r"(?![A-Za-z0-9])") if word else re.escape(needle))
    for number in range(line, min(end_line, len(doc.lines)) + 1):
        m = pattern.search(doc.lines[number - 1])
        if m:
            return number, m.start() + 1
    return line, None


def spans(numbers: list[int]) -> list[tuple[int, int]]:
    """Sorted integers as runs: [3, 4, 5, 9] -> [(3, 5), (9, 9)]."""
    out: list[tuple[int, int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def span_text(lo: int, hi: int, noun: str = "reference") -> str:
    return f"{noun} {lo}" if lo == hi else f"{noun}s {lo}\u2013{hi}"


# A figure or table legend, a supplementary file's caption, a table row: an article's apparatus.
_LEGEND = lazy(r"^\s*(?:\||\*\*\s*(?:Fig(?:ure)?s?|Tables?|Videos?|Movies?|Data\s*sets?|Files?|Texts?|"
                     r"Appendi(?:x|ces)|Protocols?|Checklists?|Boxe?s?|Supplementa\w+|Definitions?|S\d+)\b)", re.I)


def apparatus(lines, line: int) -> bool:
    """A line of a legend or a table row, or of a table's footnotes (the block right after a table)."""
    if _LEGEND.match(lines[line - 1]):
        return True
    start = line - 1
    while start > 0 and lines[start - 1].strip() and not lines[start - 1].lstrip().startswith("|"):
        start -= 1  # back to the first line of this block of text
    if start != line - 1 and _LEGEND.match(lines[start]):
        return True
    before = next((lines[k].strip() for k in range(start - 1, -1, -1) if lines[k].strip()), "")
    return before.startswith("|")


def clip(text: str | None, width: int = 80) -> str:
    """``text`` cut at a word's end to at most ``width`` characters, with an ellipsis when cut (for messages)."""
    text = text or ""
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "\u2026"
