"""A reference manager's bibliography (Word's 'Bibliography' style) under a heading that does not name it.

Zotero, Mendeley and Word's own citation tool set their list in the 'Bibliography' style; that style says what
the paragraphs are. When the heading right above the first of them does not name a reference list (a
misspelling, 'Refrences', in a student's paper), the policy reader would find no list and the import was
refused. The heading is kept as printed and a 'References' heading is written one level below it, right above
the list, and the import report says so. A bibliography with no heading right above it is still refused: there
the list may start anywhere.
"""
from __future__ import annotations

import re

WRITTEN_TITLE = "References"


def note(printed: str) -> str:
    return (f"the paragraphs in Word's 'Bibliography' style stand under the heading '{printed}', which does not "
            f"name a reference list; a heading '{WRITTEN_TITLE}' was written above them, which the file does not "
            "print there")


# An entry's number set as a paragraph of its own, the entry in the next ('1.' then 'Collisson EA, et al. (2011)
# Subtypes ...', a PNAS-style list written by a converter): the number is that entry's label.
_NUMBER_ALONE = re.compile(r"^\s*\[?(\d{1,4})[.)\]]?\s*$")


def number_alone(text: str) -> str | None:
    """The entry number a paragraph prints and nothing else, or None."""
    m = _NUMBER_ALONE.match(text)
    return m.group(1) if m else None


def numbers_note(count: int) -> str:
    return (f"{count} reference numbers printed as paragraphs of their own were written as the labels of the "
            "entries in the paragraphs after them")
