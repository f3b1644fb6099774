"""A manuscript's forms in a PDF: line numbers in the margin, and text set double-spaced.

Preprints and submitted manuscripts (bioRxiv, medRxiv, a journal's accepted manuscript) print a number
beside every line of text in the left margin, counting on down the page. Left in, each number opens its
line ('11 several meta-analyses'), where a check reads it as a count. They are taken out before lines are
built (``drop_line_numbers``). Such manuscripts are set double-spaced too, where the gap between a
paragraph's lines is wider than the one a single-spaced page leaves between paragraphs
(``paragraph_gap``). Pure: glyph dicts or lines in.
"""
from __future__ import annotations

from collections import Counter

_STRIP = 0.15  # of the page width: the left margin strip where the numbers stand
_LEAST = 5  # numbered lines on a page before its margin numbers are taken for line numbers
_NUMBERED_SHARE = 0.7  # ... and the share of the lines beside them they number at least


def drop_line_numbers(chars: list[dict], width: float) -> tuple[list[dict], int]:
    """The page's glyphs without its line numbers, and how many went: runs of digits in the left strip, each set
    apart from the next glyph on its baseline by an em or more (a line of text may open with a number
    too, followed by its word), aligned on one edge, five or more counting up by one from the top of the page
    (a figure's axis labels or a table's first column count otherwise)."""
    digits = sorted((c for c in chars if c["x1"] < _STRIP * width and c["text"].isdigit()),
                    key=lambda c: (round(c["bottom"]), c["x0"]))
    runs: list[list[dict]] = []
    for c in digits:
        last = runs[-1][-1] if runs else None
        if last and abs(c["bottom"] - last["bottom"]) <= 0.3 * c["size"] and c["x0"] - last["x1"] < 0.3 * c["size"]:
            runs[-1].append(c)
        else:
            runs.append([c])
    numbered = [run for run in runs if _apart(run, chars)]
    if len(numbered) < _LEAST:
        return chars, 0
    # the numbers stand in one column: right-aligned (or left-aligned) on one edge
    edge = Counter(round(run[-1]["x1"]) for run in numbered).most_common(1)[0][0]
    start = Counter(round(run[0]["x0"]) for run in numbered).most_common(1)[0][0]
    numbered = [run for run in numbered if abs(run[-1]["x1"] - edge) <= 2 or abs(run[0]["x0"] - start) <= 2]
    numbered.sort(key=lambda run: run[0]["top"])
    values = [int("".join(c["text"] for c in run)) for run in numbered]
    steps = sum(1 for a, b in zip(values, values[1:]) if b == a + 1)
    if len(values) < _LEAST or steps < 0.8 * (len(values) - 1) or not _in_margin(numbered, chars):
        return chars, 0
    ids = {id(c) for run in numbered for c in run}
    return [c for c in chars if id(c) not in ids], len(numbered)


def _in_margin(numbered: list[list[dict]], chars: list[dict]) -> bool:
    """The numbers stand left of all the text beside them and number most of its lines: a reference list's
    labels, hanging at its column's edge, count its entries, not its lines, and the text's other paragraphs
    open at that edge too."""
    ids = {id(c) for run in numbered for c in run}
    edge = max(run[-1]["x1"] for run in numbered)
    top, bottom = numbered[0][0]["top"], numbered[-1][-1]["bottom"]
    rows: dict[int, float] = {}  # each line of words between the first number and the last: its first letter
    for c in chars:
        if id(c) not in ids and c["text"].isalpha() and top <= c["top"] and c["bottom"] <= bottom:
            key = round(c["bottom"])
            rows[key] = min(rows.get(key, c["x0"]), c["x0"])
    return all(x0 > edge for x0 in rows.values()) and len(numbered) >= _NUMBERED_SHARE * len(rows)


def _apart(run: list[dict], chars: list[dict]) -> bool:
    """Nothing inked stands within an em right of the run on its baseline (a word space is a quarter of one), and
    a line of words stands further along it."""
    right, size, bottom = run[-1]["x1"], run[-1]["size"], run[-1]["bottom"]
    level = [c for c in chars if abs(c["bottom"] - bottom) <= 0.3 * size and c["x0"] >= right - 0.1
             and c["text"].strip() and c not in run]
    return bool(level) and min(c["x0"] for c in level) - right >= size and \
        sum(1 for c in level if c["text"].isalpha()) >= 3


_SINGLE_GAP = 0.6  # of the body size: the widest gap between a paragraph's lines on a single-spaced page
_DOUBLE_GAP = 0.8  # ... and the usual gap, in body sizes, from which the text is taken as double-spaced
_LEAST_GAPS = 20  # gaps between body lines measured before the text is taken for double-spaced


def paragraph_gap(lines: list, body: float) -> float:
    """The widest gap between two lines of one paragraph: 0.6 of the body size, or, where most gaps between
    body lines in one column are 0.8 of it or more (a manuscript set double-spaced), that usual gap and a
    quarter of the body size more."""
    gaps: Counter = Counter()
    for before, after in zip(lines, lines[1:]):
        if (before.page, before.column) == (after.page, after.column) and abs(before.size - body) < 0.6 \
                and abs(after.size - body) < 0.6 and after.top > before.bottom:
            gaps[round(after.top - before.bottom)] += 1
    if not gaps:
        return _SINGLE_GAP * body
    usual, count = gaps.most_common(1)[0]
    # (a manuscript runs to pages of such lines: a few gaps prove nothing)
    if usual < _DOUBLE_GAP * body or count < 0.4 * sum(gaps.values()) or sum(gaps.values()) < _LEAST_GAPS:
        return _SINGLE_GAP * body
    return usual + 0.25 * body
