"""Footnotes at the foot of a column that the text goes on past.

A two-column article sets a page's footnotes at the foot of the column that calls them, which need not be the
page's last: a paragraph or a reference entry that runs from the left column into the right one is then cut by
them in reading order ('Waleed Ammar, ..., Sebastian Kohlmeier,' / '19 The Kaggle CORD-19 ...' / 'Kyle Lo, ...').
Such footnotes are taken out of the column (their ``column`` raised past the page's own) and written once the
paragraph or entry they cut has ended, so what they interrupted is joined again.

A footnote is told by its place and face: a run of at most a few lines at the very foot of a column, the first
opening with a raised number or mark, set smaller than the line above it and than the next column's first line
(a list labelled with raised numbers that goes on into the next column keeps its order).
"""
from __future__ import annotations

import re
from dataclasses import replace

# a raised number or mark, or a dagger, double dagger, section sign or asterisk operator (an ASCII '*' opens bold)
_OPENS_NOTE = re.compile(r"^(?:<sup>[^<]{1,4}</sup>|[\u2020\u2021\u00a7\u2217])\s*\S")
_MOST_LINES = 6
AFTER_COLUMNS = 1000  # a column number no page reaches: the notes come after the page's own columns


def notes_after_columns(pages: list[list]) -> list[list]:
    """Each page's lines, the footnotes at the foot of a column that is not the page's last moved after its
    columns (their ``column`` raised past the page's own); nothing else changes."""
    return [_page(lines) for lines in pages]


def _page(lines: list) -> list:
    columns = sorted({line.column for line in lines})
    if len(columns) < 2:
        return lines
    moved: set[int] = set()
    for column, following in zip(columns, columns[1:]):
        own = sorted((i for i, line in enumerate(lines) if line.column == column), key=lambda i: lines[i].top)
        nxt = min((line for line in lines if line.column == following), key=lambda line: line.top)
        moved |= _foot_notes(lines, own, nxt)
    if not moved:
        return lines
    return [replace(line, column=AFTER_COLUMNS + line.column) if i in moved else line for i, line in enumerate(lines)]


def _foot_notes(lines: list, own: list[int], nxt) -> set[int]:
    """The indexes of the footnote run at the foot of one column, or none."""
    for start in range(max(1, len(own) - _MOST_LINES), len(own)):
        run = [lines[i] for i in own[start:]]
        above = lines[own[start - 1]]
        note_size = max(line.size for line in run)
        if (_OPENS_NOTE.match(run[0].text) and note_size < above.size - 0.5 and note_size < nxt.size - 0.5
                and run[0].top - above.bottom > 0.3 * above.size):
            return set(own[start:])
    return set()
