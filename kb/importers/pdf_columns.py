"""A page's glyphs in reading order when it is set in columns: left column first, band by band.

Articles print their body in two (sometimes three) columns under a full-width
title and abstract, with figures and tables that may span both. Taking glyphs
row by row across the page would interleave the columns, so the page is cut
first: glyphs on one baseline are split into fragments wherever a gap wider than
an em opens (a word gap is well under one; a gutter is more), and a gutter is an
x position that no fragment crosses while text stands on both sides of it over
a long vertical run. A gap that only a few rows share (a table drawn without
rules) is not a gutter: the fragments on each side must be lines of running
text, about as wide as their column. Fragments that cross the gutter (a title,
an abstract, a wide figure's caption) cut the page into bands; in each band the
left column is read before the right (``kb.importers.pdf_order``).

Pure: glyph dicts in, groups of glyph dicts out (with what was decided, for the
import report). The row helpers the line builder shares live here too: glyphs on
one baseline (``baseline_rows``) and the line a margin number labels (``margin_host``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

_GAP_EMS = 1.0  # a gap between glyphs wider than this (in ems) splits a row into fragments
_BIN = 2.0  # points: the vertical resolution at which two columns are seen side by side
MIN_RUN_LINES = 5  # lines of text side by side before a gap is taken for a gutter
_TEXT_FILL = 0.45  # a column's lines fill at least this share of its width (table cells do not)
_COLUMN_SHARE = 0.28  # ... and a column is at least this share of the page's text width
_LIST_LABEL = re.compile(r"^(?:\d{1,3}\.?|\[\d{1,3}\])$")  # a list entry's number standing alone on its row


@dataclass(frozen=True)
class Fragment:
    chars: tuple  # glyph dicts, spaces included
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Group:
    """Glyphs read together (one column of one band, or a full-width stretch), and that column's right edge."""
    chars: tuple
    right: float
    column: bool
    left: float = 0.0  # part of a page set in columns (its right edge is the column's, not the page's)
    cell: bool = False  # one cell of a table row drawn without rules (``pdf_cells``): a block of its own


@dataclass(frozen=True)
class PageOrder:
    groups: tuple[Group, ...]
    columns: int  # 1, or the number of columns found
    spanning_cuts: int  # full-width fragments that cut column bands (where the order may need a look)


def baseline_rows(chars: list[dict]) -> list[list[dict]]:
    """Glyphs on one baseline together, left to right (a raised marker is on a baseline of its own)."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        if rows and abs(c["bottom"] - rows[-1][0]["bottom"]) <= max(0.8, 0.08 * c["size"]):
            rows[-1].append(c)
        else:
            rows.append([c])
    for row in rows:
        row.sort(key=lambda c: c["x0"])
    return rows


def fragments(chars: list[dict]) -> list[Fragment]:
    out = []
    for row in baseline_rows(chars):
        current: list[dict] = []
        last_ink = None
        for c in row:
            ink = c["text"].strip()
            if ink and last_ink is not None and c["x0"] - last_ink["x1"] > _GAP_EMS * max(c["size"], last_ink["size"]):
                out.append(make_fragment(current))
                current = []
            current.append(c)
            if ink:
                last_ink = c
        if any(c["text"].strip() for c in current):
            out.append(make_fragment(current))
    return out


def fragment_text(f: Fragment) -> str:
    return "".join(c["text"] for c in f.chars).strip()


def make_fragment(chars: list[dict]) -> Fragment:
    ink = [c for c in chars if c["text"].strip()] or chars
    return Fragment(tuple(chars), min(c["x0"] for c in ink), max(c["x1"] for c in ink),
                    min(c["top"] for c in ink), max(c["bottom"] for c in ink), max(c["size"] for c in ink))


def _bins(f: Fragment, lowest: float) -> frozenset[int]:
    return frozenset(range(int((f.top - lowest) / _BIN), int((f.bottom - lowest) / _BIN) + 1))


def extent(frags: list[Fragment]) -> tuple[float, float, float, float, list[frozenset[int]]]:
    """(body type size, left edge, right edge, text width, each fragment's vertical bins) of a page's text."""
    left_edge, right_edge = min(f.x0 for f in frags), max(f.x1 for f in frags)
    lowest = min(f.top for f in frags)
    return median(f.size for f in frags), left_edge, right_edge, right_edge - left_edge, [_bins(f, lowest) for f in frags]


def side_by_side(frags: list[Fragment], bins: list[frozenset[int]], x: float) -> float:
    """How far down the page text stands on both sides of ``x`` with nothing crossing it, in points."""
    left: set[int] = set()
    right: set[int] = set()
    crossing: set[int] = set()
    for f, b in zip(frags, bins):
        (left if f.x1 <= x else right if f.x0 >= x else crossing).update(b)
    return len((left & right) - crossing) * _BIN


def fills(side: list[Fragment], start: float, end: float, page_width: float, share: float = _COLUMN_SHARE) -> bool:
    """Most of the side's text stands in lines that fill its width: measured row by row, since a narrow
    justified line may open gaps wider than an em between its words and so be cut into fragments, and by
    glyphs, so that a figure's scattered labels in one column weigh little. Rows cut at the same x again and
    again are a table's cells, not justified text (whose wide gaps fall anywhere)."""
    # the side's running text: the size most of its glyphs are set in (a title set larger aside, and a figure's
    # many small axis labels, which outnumber the text's lines as fragments but not as glyphs)
    usual = _usual_size(side)
    rows: dict[int, list[Fragment]] = {}
    for f in side:
        if abs(f.size - usual) <= 0.2 * usual:
            rows.setdefault(round(f.bottom), []).append(f)
    weight = {key: sum(len(f.chars) for f in row) for key, row in rows.items()}
    total = sum(weight.values())
    cuts: dict[int, int] = {}
    for key, row in rows.items():
        # a numbered list's label set apart from its entry by more than an em (BMJ's small-type references: '1',
        # then a hanging indent) cuts every entry's first row at the same x, yet the row is one line of text
        if len(row) == 2 and _LIST_LABEL.match(fragment_text(min(row, key=lambda f: f.x0))):
            continue
        if len(row) > 1:
            cut = round(sorted(row, key=lambda f: f.x0)[1].x0 / 3)
            cuts[cut] = cuts.get(cut, 0) + weight[key]
    if cuts and max(cuts.values()) >= 0.5 * total:
        return False
    # a column of text is a good share of the page's text width: a table's cells are narrower
    need = max(_TEXT_FILL * (end - start), share * page_width)
    full = sum(weight[key] for key, row in rows.items() if max(f.x1 for f in row) - min(f.x0 for f in row) >= need)
    return total > 0 and full >= 0.5 * total


def find_gutter(frags: list[Fragment], known: float | None = None) -> float | None:
    """The x of the gutter between two columns, or None when the page is one column (or a table). ``known``:
    the gutter the document's other pages show, where a short run (a column's last lines at the top of a
    page) is enough."""
    lines = 2 if known is not None else MIN_RUN_LINES
    if len(frags) < 2 * lines:
        return None
    body, left_edge, right_edge, width, bins = extent(frags)
    runs: list[tuple[float, float]] = []  # (x, how far text stands on both sides of it)
    x, last = left_edge + 0.2 * width, left_edge + 0.8 * width
    if known is not None:
        x, last = known - 6, known + 6
    while x <= last:
        # a column of running text is crossed by most of a one-column page's lines: skip those positions cheaply
        if sum(1 for f in frags if f.x0 < x < f.x1) <= 0.6 * len(frags):
            runs.append((x, side_by_side(frags, bins, x)))
        x += 2.0  # a gutter is wider than two points; finer steps only cost time
    longest = max((run for _, run in runs), default=0.0)
    if longest < lines * 1.1 * body:
        return None
    # of the positions where the columns stand longest side by side, the widest stretch: a gutter is as wide
    # on every line, where the gaps a justified line opens between words meet only by chance and narrowly
    stretches: list[list[float]] = []
    for x, run in runs:
        if run >= 0.95 * longest:
            if stretches and x - stretches[-1][-1] <= 2.0 + 1e-6:
                stretches[-1].append(x)
            else:
                stretches.append([x])
    widest = max(stretches, key=lambda xs: xs[-1] - xs[0])
    x = (widest[0] + widest[-1]) / 2
    left = [f for f in frags if f.x1 <= x]
    right = [f for f in frags if f.x0 >= x]
    # the text next to the gutter: a column's lines reach it, a figure's labels further out weigh nothing
    near_left = _whole_rows(left, [f for f in left if f.x1 > x - 0.5 * (x - left_edge)])
    near_right = _whole_rows(right, [f for f in right if f.x0 < x + 0.5 * (right_edge - x)])
    if not near_left or not near_right:
        return None
    spans = ((near_left, min(f.x0 for f in near_left), x), (near_right, x, max(f.x1 for f in near_right)))
    # (a box is taken on the page's own long run only: beside a short one, under the document's gutter, the
    # smaller type is more often an equation's indices or a figure's labels)
    if not all(fills(side, start, end, width) for side, start, end in spans) and not (
            known is None and _beside_box(spans, width)) and not (
            known is not None and _one_table_in_two_columns(near_left, near_right)):
        return None
    return (max(f.x1 for f in near_left) + min(f.x0 for f in near_right)) / 2


def _one_table_in_two_columns(left: list[Fragment], right: list[Fragment]) -> bool:
    """A table set in one column and continued in the next (Neurology's 'Appendix Authors' table, 'Name Location
    Contribution' over each column): its cells cut every row, so neither side reads as running text, yet both
    open with the same header row, its cells words, on one baseline: printed again where the table goes on. Only
    under the gutter the document's other pages show: a table across a one-column page never repeats its header
    beside itself."""
    def header(side: list[Fragment]) -> tuple[int, tuple[str, ...]] | None:
        rows: dict[int, list[Fragment]] = {}
        for f in side:
            rows.setdefault(round(f.bottom), []).append(f)
        for y in sorted(rows):
            if len(rows[y]) >= 2:
                return y, tuple(fragment_text(f) for f in sorted(rows[y], key=lambda f: f.x0))
        return None

    mine = header(left)
    return mine is not None and mine == header(right) and all(any(ch.isalpha() for ch in cell) for cell in mine[1])


_BOX_SHARE = 0.2  # a box in its own smaller type may be this narrow a share of the page's text width
_BOX_WIDTH = 0.6  # ... and is narrower than this share of the text's column beside it


def _beside_box(spans, width: float) -> bool:
    """A narrow column in a type a point smaller or more than the text beside it (PNAS's Significance box by the
    abstract and introduction): a column still, if its lines fill it and the text's lines fill theirs. Narrow:
    its own lines under three fifths as wide as the text's (glyphs a file sets off the page's left edge aside)."""
    sides = [[f for f in side if f.x0 >= 0] for side, _, _ in spans]
    if not all(sides):
        return False
    widths = [max(f.x1 for f in side) - min(f.x0 for f in side) for side in sides]
    narrow = min(range(2), key=lambda i: widths[i])
    _, start, end = spans[narrow]
    _, o_start, o_end = spans[1 - narrow]
    return widths[narrow] < _BOX_WIDTH * widths[1 - narrow] and \
        _usual_size(sides[narrow]) <= _usual_size(sides[1 - narrow]) - 1.0 and \
        fills(sides[narrow], start, end, width, share=_BOX_SHARE) and fills(sides[1 - narrow], o_start, o_end, width)


def _usual_size(side: list[Fragment]) -> float:
    """The size most of a side's glyphs are set in."""
    by_size: dict[float, int] = {}
    for f in side:
        by_size[round(f.size * 2) / 2] = by_size.get(round(f.size * 2) / 2, 0) + len(f.chars)
    return max(by_size, key=lambda size: (by_size[size], size))


def _whole_rows(side: list[Fragment], near: list[Fragment]) -> list[Fragment]:
    """The side's fragments on the rows the near ones stand on (a justified line cut by its wide gaps)."""
    rows = {round(f.bottom) for f in near}
    return [f for f in side if round(f.bottom) in rows]


# a paragraph's number set in the margin beside its first line ('1.3.1' in a guideline's recommendations), in a
# smaller size on a baseline of its own
_MARGIN_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,3}){1,3}|\d{1,3}\.)$")


def margin_host(rows: list[list[dict]], i: int, main: list[float]) -> int | None:
    """The row whose first line a margin number labels: the number alone on its row, level with a line of
    words (its middle within the line's height) and left of it by a few ems at most."""
    row = rows[i]
    if not _MARGIN_LABEL.match("".join(c["text"] for c in row).strip()):
        return None
    middle = (min(c["top"] for c in row) + row[0]["bottom"]) / 2
    right = max(c["x1"] for c in row)
    hosts = [j for j, other in enumerate(rows) if j != i and main[j] >= main[i]
             and min(c["top"] for c in other) <= middle <= other[0]["bottom"]
             and 0 < min(c["x0"] for c in other) - right <= 6 * main[j]
             and sum(c["text"].isalpha() for c in other) >= 12]  # a line of words, not a figure's axis
    return min(hosts, key=lambda j: min(c["x0"] for c in rows[j])) if hosts else None
