"""Pages set in three columns, and pages in two above a reference list and three below it.

A reference list may be set in three columns (Royal Society, some Elsevier journals), JAMA sets its last page in
two columns above 'References' and three below, and Science sets its body text in three. Each page's gutters
are found here (``page_gutters``), the two-column ones by ``kb.importers.pdf_columns.find_gutter``, and the
document's common gutter (``document_gutter``). Moved out of ``pdf_columns`` so each file stays short.

Pure: fragments in, gutters out.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from kb.importers.pdf_columns import (MIN_RUN_LINES, Fragment, extent, fills, find_gutter, fragment_text, fragments,
                                      side_by_side)


@dataclass(frozen=True)
class Split:
    """A page set in two columns above a line naming the reference list and in three below it (JAMA prints its
    article information and references in three narrow columns under the text's last two)."""
    y: float  # the top of the line naming the list
    upper: float | None  # the gutter of the two columns above (None: too few lines there to show it)
    lower: tuple[float, float]  # the gutters of the three below


def page_gutters(pages: list[list[dict]]) -> list[tuple[list[Fragment], float | tuple | Split | None]]:
    """Each page's fragments and the gutter found on it alone: an x, or two (a reference list set in three
    columns, taken only under the list's heading and on the pages that follow one set so), or a ``Split``."""
    out = []
    in_list = False  # the last page read a reference list in three columns: the next may go on with it
    for chars in pages:
        frags = fragments(chars)
        gutter = find_gutter(frags)
        if gutter is None:
            three = three_column_list(frags, continued=in_list) or _band_holding_heading(frags)
            gutter, in_list = (three, True) if three else (None, False)
        else:
            split = _split_at_list(frags, gutter)
            gutter, in_list = (split, True) if split else (gutter, False)
        out.append((frags, gutter))
    return _three_column_body(out)


_THREE_COLUMN_PAGES = 3  # pages of three columns of running text before a document is taken as set so


def _three_column_body(found: list) -> list:
    """Science and its sister journals set their body text in three columns, not only the list: where three
    pages or more that show no two columns show three (each side lines of running text over a long run, as a
    list in three columns does), every such page is read in three. A three-column table is a page or two."""
    three = {i: g for i, (frags, gutter) in enumerate(found) if gutter is None
             and (g := three_column_list(frags, continued=True))}
    if len(three) < _THREE_COLUMN_PAGES:
        return found
    return [(frags, three.get(i, gutter)) for i, (frags, gutter) in enumerate(found)]


def _split_at_list(frags: list[Fragment], gutter: float) -> Split | None:
    """Two columns above the line naming the reference list, and three below it: the three are read only
    where the text below that line, taken alone, shows them (``three_column_list``)."""
    from kb.importers.pdf_entries import names_reference_list

    heading = [f for f in frags if names_reference_list(fragment_text(f))]
    if not heading:
        return None
    y = min(f.top for f in heading)
    if not any(f.bottom <= y for f in frags):
        return None
    # the list may open near the page's foot (Haematologica: 'References' under the discussion's last lines, a
    # dozen rows of three columns below it): under its heading a shorter run of three columns is enough
    three = three_column_list([f for f in frags if f.top >= y - 1], run_lines=MIN_RUN_LINES)
    return Split(y, gutter, three) if three else None


def _band_holding_heading(frags: list[Fragment]) -> Split | None:
    """Two columns above and three below, the list's heading inside the three rather than over them (CHEST:
    acknowledgements and disclosures open the first narrow column, 'References' stands under them and its
    entries run on through the second and third). The band is the highest stretch of three columns that holds
    the heading with no line crossing either of its gutters; above it, the two columns are read as such."""
    from kb.importers.pdf_entries import names_reference_list

    heading = [f for f in frags if names_reference_list(fragment_text(f))]
    if not heading:
        return None
    tops = sorted({round(f.top, 1) for f in frags if f.top <= min(f.top for f in heading)})
    for y in tops[1:]:
        below = [f for f in frags if f.top >= y - 0.5]
        three = three_column_list(below, run_lines=MIN_RUN_LINES, anywhere=True)
        if three and not any(f.x0 < g < f.x1 for f in below for g in three):
            return Split(y, find_gutter([f for f in frags if f.top < y - 0.5]), three)
    return None


def document_gutter(found: list[tuple[list[Fragment], float | tuple | Split | None]]) -> float | None:
    """The gutter the pages set in two columns share (journals keep one page grid), or None."""
    gutters = [g.upper if isinstance(g, Split) else g for _, g in found if isinstance(g, (float, Split))]
    gutters = [g for g in gutters if g is not None]  # (a Split's two columns above may be too few lines to show)
    return median(gutters) if gutters else None


def three_column_list(frags: list[Fragment], continued: bool = False, run_lines: int = 2 * MIN_RUN_LINES,
                      anywhere: bool = False) -> tuple[float, float] | None:
    """Two gutters of a reference list set in three columns (Royal Society, some Elsevier journals): text on all
    three sides of both over a long run (``run_lines`` rows), each side lines of running text. Taken under a line
    naming the list (or, ``continued``, on the page after one read so): a three-column table of long cells
    elsewhere stays a table. ``anywhere``: the caller has found the heading inside the fragments given."""
    from kb.importers.pdf_entries import names_reference_list

    if len(frags) < 3 * MIN_RUN_LINES:
        return None
    heading = [f for f in frags if names_reference_list("".join(c["text"] for c in f.chars).strip())]
    below = None if anywhere else min((f.bottom for f in heading), default=None)
    if below is None and not (continued or anywhere):
        return None
    body_frags = [f for f in frags if below is None or f.top >= below - 1]
    if len(body_frags) < 3 * MIN_RUN_LINES:
        return None
    body, left_edge, right_edge, width, bins = extent(body_frags)

    def widest(lo: float, hi: float) -> float | None:
        runs = []
        x = lo
        while x <= hi:
            runs.append((x, side_by_side(body_frags, bins, x)))
            x += 2.0
        longest = max((run for _, run in runs), default=0.0)
        if longest < run_lines * 1.1 * body:
            return None
        stretch: list[float] = []
        best: list[float] = []
        for x, run in runs:
            if run >= 0.95 * longest:
                stretch = stretch + [x] if stretch and x - stretch[-1] <= 2.0 + 1e-6 else [x]
                best = max(best, stretch, key=lambda xs: xs[-1] - xs[0] if xs else -1)
        return (best[0] + best[-1]) / 2 if best else None

    first = widest(left_edge + 0.22 * width, left_edge + 0.45 * width)
    second = widest(left_edge + 0.55 * width, left_edge + 0.78 * width)
    if first is None or second is None:
        return None
    sides = [[f for f in body_frags if f.x1 <= first], [f for f in body_frags if first <= f.x0 and f.x1 <= second],
             [f for f in body_frags if f.x0 >= second]]
    if any(len(side) < MIN_RUN_LINES for side in sides):
        return None
    edges = [left_edge, first, second, right_edge]
    if not all(fills(side, edges[i], edges[i + 1], width, share=0.2) for i, side in enumerate(sides)):
        return None
    return ((max(f.x1 for f in sides[0]) + min(f.x0 for f in sides[1])) / 2,
            (max(f.x1 for f in sides[1]) + min(f.x0 for f in sides[2])) / 2)
