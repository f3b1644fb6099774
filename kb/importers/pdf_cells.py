"""A two-cell table row drawn without rules, read cell by cell: the left cell's lines, then the right cell's.

Guidelines print a recommendation beside its strength ('WHO suggests that pregnant women who have no symptoms
of a' over five more lines, and to its right 'Conditional recommendation,' / 'low certainty in evidence of
effects' / '(new 2024)'). Read row by row, the two cells' lines interleave and the sentence is lost. Such a row
is told by its shape, within a run of lines set at one size and spacing (a wider gap ends it):

- the right cell's lines start at one x (within a point and a half) on two rows or more, and nothing else on
  those rows reaches that x: the left cell's text ends half an em short of it on every row;
- each cell's rows follow one another with no row missing (a cell is one stretch of lines; two table rows, each
  a label beside its value, leave the left or the right side empty between them);
- the left cell has two lines or more, each running on into the next (the next line opens in lower case, or its
  first word would not have fitted before an em short of the right cell): a wrapped text, not a list of labels
  or a contents page; its lines but the last hold two words or more (a column of dates or codes is rows); and
  no left line is a bullet or a list's number alone (a list whose labels stand an em from their text);
- the two cells differ in their number of lines, or the left cell's lines go on in lower case: one-line rows,
  each a label beside its value, look like two cells of as many lines.

Anything else is left as it was (read row by row). The glyphs of such a run (markers raised beside its lines
included) are handed on as two groups, the left cell's and the right cell's, each read as a block of its own;
the text above and below stays in groups of its own, in order.

Pure: a group of glyph dicts in, groups out.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kb.importers.pdf_columns import Fragment, Group, fragment_text, fragments

_SAME_X = 1.5  # points: the right cell's lines start at one x
_RUN_GAP = 1.5  # a gap between baselines wider than this many times the type size ends a run of lines
_SMALL = 0.8  # a row set smaller than this share of the run's size is a marker's (raised or lowered), not a line
# a list's bullet or label ('•', '1.', 'a)'): alone on a row's left, a list whose labels stand an em or more from
# their text (no table); before more text on the left, the label of a list in the left cell
_LABEL = re.compile(r"^(?:\(?(?:\d{1,3}|[A-Za-z]|[ivxlIVXL]{1,5})[.):]?|[^\w\s]{1,2})$")


def cell_groups(group: Group) -> list[Group]:
    """The group as it is, or cut where a two-cell row stands: the text above, the left cell, the right cell,
    the text below (each cell a group marked ``cell``)."""
    chars = list(group.chars)
    found = [row for row in (_cells(run) for run in _runs(fragments(chars))) if row]
    if not found:
        return [group]
    out: list[Group] = []
    rest = chars
    for low, high, gutter in found:
        above = [c for c in rest if c["bottom"] <= low]
        inside = [c for c in rest if low < c["bottom"] <= high]
        rest = [c for c in rest if c["bottom"] > high]
        if above:
            out.append(replace(group, chars=tuple(above)))
        for side in ([c for c in inside if c["x0"] < gutter], [c for c in inside if c["x0"] >= gutter]):
            ink = [c for c in side if c["text"].strip()] or side
            # (its own right edge, where its lines end early or not; the group's left, from which list depths
            # are measured on the whole page)
            out.append(Group(tuple(side), max(c["x1"] for c in ink), group.column, group.left, cell=True))
    if rest:
        out.append(replace(group, chars=tuple(rest)))
    return out


def _rows(frags: list[Fragment]) -> list[list[Fragment]]:
    """Fragments on one baseline together, top to bottom, each row left to right."""
    rows: list[list[Fragment]] = []
    for f in sorted(frags, key=lambda f: (f.bottom, f.x0)):
        if rows and abs(f.bottom - rows[-1][0].bottom) <= max(0.8, 0.08 * f.size):
            rows[-1].append(f)
        else:
            rows.append([f])
    for row in rows:
        row.sort(key=lambda f: f.x0)
    return rows


def _runs(frags: list[Fragment]) -> list[list[list[Fragment]]]:
    """Rows set one under another at one size with no gap wider than a line's between them (a marker's row set
    smaller among them skipped: its glyphs go with the cell they stand in)."""
    runs: list[list[list[Fragment]]] = []
    for row in _rows(frags):
        size = max(f.size for f in row)
        if runs:
            run = runs[-1]
            last = run[-1]
            run_size = max(f.size for f in last)
            if size < _SMALL * run_size and row[0].bottom <= last[0].bottom + run_size:
                continue
            if abs(size - run_size) <= 0.6 and row[0].bottom - last[0].bottom <= _RUN_GAP * run_size:
                run.append(row)
                continue
        runs.append([row])
    return [run for run in runs if len(run) >= 2]


def _cells(run: list[list[Fragment]]) -> tuple[float, float, float] | None:
    """(the bottom just above the run, the bottom of its last line's lowest glyph, the x between the cells) where
    the run is one two-cell row as the module says; None where it is anything else."""
    size = max(f.size for row in run for f in row)
    starts = [row[-1].x0 for row in run if len(row) >= 2]
    if len(starts) < 2:
        return None
    # the x most rows' last fragments start at
    right_x = max(starts, key=lambda x: (sum(abs(y - x) <= _SAME_X for y in starts), -x))
    lefts: list[list[Fragment]] = []
    rights: list[Fragment | None] = []
    for row in run:
        right = row[-1] if abs(row[-1].x0 - right_x) <= _SAME_X else None
        left = row[:-1] if right else row
        if any(f.x1 > right_x - 0.5 * size for f in left):
            return None  # the text crosses where the right cell starts: no table here
        if len(left) > 2 or (len(left) == 2 and not _LABEL.match(fragment_text(left[0]))):
            return None  # more cells than two (or a line cut by wide gaps): not a two-cell row
        if left and _LABEL.match(" ".join(fragment_text(f) for f in left)):
            return None  # a bullet or a number alone beside its text: a list
        lefts.append(left)
        rights.append(right)
    left_rows = [i for i, left in enumerate(lefts) if left]
    right_rows = [i for i, right in enumerate(rights) if right]
    if len(right_rows) < 2 or len(left_rows) < 2 or not _unbroken(left_rows) or not _unbroken(right_rows):
        return None
    cell_right = max(f.x1 for i in left_rows for f in lefts[i])
    # (the cell's text may reach an em short of the right cell: its widest line is no measure where every line
    # is a short label)
    if not all(_runs_on(lefts[i], lefts[i + 1], right_x - size) for i in left_rows[:-1]):
        return None
    if any(len(" ".join(fragment_text(f) for f in lefts[i]).split()) < 2 for i in left_rows[:-1]):
        return None  # a word a line: a column of dates or codes, one table row each
    if set(left_rows) == set(right_rows) and not all(
            fragment_text(lefts[i][0])[:1].islower() for i in left_rows[1:]):
        # as many lines on each side, row for row: as like one-line table rows (a date beside what changed) as
        # one row's two cells, unless the left side's lines go on in lower case, as a sentence does
        return None
    low = run[0][0].bottom - 1.1 * size  # the row above the run ends a line and a half higher or more
    high = run[-1][0].bottom + 0.4 * size  # a lowered marker of the last line, not the next line
    return low, high, (cell_right + right_x) / 2


def _unbroken(rows: list[int]) -> bool:
    return rows == list(range(rows[0], rows[-1] + 1))


def _runs_on(line: list[Fragment], following: list[Fragment], limit: float) -> bool:
    """The left cell's line runs on into the next: the next opens in lower case, or its first word would not have
    fitted at the end of this one (before ``limit``)."""
    text = fragment_text(following[0])
    if text[:1].islower():
        return True
    first = following[0]
    word_end = first.x0
    for c in first.chars:
        if not c["text"].strip():
            if word_end > first.x0:
                break
            continue
        word_end = c["x1"]
    size = max(f.size for f in line)
    return line[-1].x1 + 0.3 * size + (word_end - first.x0) > limit
