"""A two- or three-column page read band by band: full-width stretches cut it, and in each band the left
column is read before the right (``page_order``; the gutters come from ``kb.importers.pdf_columns``).

Pure: glyph dicts and fragments in, groups of glyph dicts out, with what was decided for the import report.
"""
from __future__ import annotations

from statistics import median

from kb.importers.pdf_columns import Fragment, Group, PageOrder, find_gutter, make_fragment
from kb.importers.pdf_three_columns import Split


def page_order(chars: list[dict], frags: list[Fragment], gutter: float | tuple | Split | None,
               known: float | None = None) -> PageOrder:
    """The page's glyphs in reading order, as groups to be laid out one after another. ``gutter``: the one
    found on the page (or the two of a three-column list, or a page split into two columns above its list's
    heading and three below); else ``known``, the document's (``document_gutter``), is tried with a short run
    allowed."""
    if isinstance(gutter, Split):
        above = [f for f in frags if f.top < gutter.y - 1]
        below = [f for f in frags if f.top >= gutter.y - 1]
        upper = page_order([c for f in above for c in f.chars], above, gutter.upper, known)
        lower = page_order([c for f in below for c in f.chars], below, gutter.lower)
        return PageOrder(upper.groups + lower.groups, lower.columns, upper.spanning_cuts + lower.spanning_cuts)
    if gutter is None and known is not None:
        gutter = find_gutter(frags, known)
        banded = _bands_apart(frags, known) if gutter is None else None
        if banded is not None:
            return banded
    if gutter is None:
        return PageOrder((Group(tuple(chars), 0.0, False),), 1, 0)
    gutter = gutter if isinstance(gutter, tuple) else (gutter,)
    frags = [part for f in frags for part in _split_at_gutters(f, gutter)]
    groups: list[Group] = []
    band: list[Fragment] = []
    shape: list[str] = []  # "2" a band with both columns, "1" a band with one, "-" a full-width stretch
    cuts = iter(_size_breaks(frags, gutter) + [float("inf")])
    cut = next(cuts)
    for f in sorted(frags, key=lambda f: (f.top, f.x0)):
        if f.top >= cut:
            # both columns stop above a common gap and resume below it in another type size (a preprint's text
            # above, its smaller reference list set in two columns of its own below): a new band
            if band:
                shape.append("2" if _has_both(band, gutter) else "1")
                groups += _band_groups(band, gutter)
                band = []
            while f.top >= cut:
                cut = next(cuts)
        if any(f.x0 < g < f.x1 for g in gutter):
            if band:
                shape.append("2" if _has_both(band, gutter) else "1")
                groups += _band_groups(band, gutter)
                band = []
            if groups and not groups[-1].column:
                groups[-1] = Group(groups[-1].chars + f.chars, 0.0, False)
            else:
                groups.append(Group(f.chars, 0.0, False))
                shape.append("-")
        else:
            band.append(f)
    if band:
        shape.append("2" if _has_both(band, gutter) else "1")
        groups += _band_groups(band, gutter)
    groups = _merge_full_width(groups)
    # a full-width stretch with columns above and below it (a wide figure or table, or an equation) is where a
    # column may run on beneath it rather than stop above it: the order there is a guess worth a look
    text = "".join(shape)
    cuts = sum(1 for i, s in enumerate(text) if s == "-" and "2" in text[:i] and "2" in text[i + 1:])
    return PageOrder(tuple(groups), len(gutter) + 1, cuts)


def _bands_apart(frags: list[Fragment], known: float) -> PageOrder | None:
    """A full-width table above two columns of text (or below them), the type size changing on both sides across
    a gap between them (Egyptian Heart Journal's Table 1 over nine rows of text): the page as a whole shows no
    gutter, the text's band alone shows the document's. Each band is read on its own, the table's as one."""
    breaks = _size_breaks(frags, (known,))
    if not breaks:
        return None
    edges = [float("-inf"), *breaks, float("inf")]
    bands = [band for i in range(len(edges) - 1) if (band := [f for f in frags if edges[i] <= f.top < edges[i + 1]])]
    found = [find_gutter(band, known) for band in bands]
    if all(g is None for g in found):
        return None
    orders = [page_order([c for f in band for c in f.chars], band, g) for band, g in zip(bands, found)]
    return PageOrder(tuple(g for o in orders for g in o.groups), max(o.columns for o in orders),
                     sum(o.spanning_cuts for o in orders))


_GUTTER_GAP_EMS = 0.6  # the gap at the gutter is at least this wide ...
_GUTTER_GAP_WORDS = 1.8  # ... and this many times the line's usual space between words


def _split_at_gutters(f: Fragment, gutters: tuple) -> list[Fragment]:
    """A row of two columns' lines that came out as one fragment, cut at the gutter. NEJM's gutter is 9 points,
    under the em that parts fragments, so most rows of a page join across it and would be read as full-width
    lines, the columns interleaved row by row. Cut only where the widest gap of the row stands at a gutter, wider
    than half an em and than twice the row's spaces between words: a full-width line's spaces are all alike."""
    if not any(f.x0 < g < f.x1 for g in gutters):
        return [f]
    ink = [c for c in f.chars if c["text"].strip()]
    gaps = [(b["x0"] - a["x1"], a, b) for a, b in zip(ink, ink[1:])]
    spaces = [gap for gap, _, _ in gaps if gap > 0.1 * f.size]
    if len(spaces) < 3:
        return [f]
    widest = max(spaces)
    usual = median(spaces)
    for k, (gap, a, b) in enumerate(gaps):
        if gap == widest and gap >= _GUTTER_GAP_EMS * f.size and gap >= _GUTTER_GAP_WORDS * usual and any(
                a["x1"] <= g <= b["x0"] for g in gutters) and _words_beside(gaps, k, f.size):
            cut = next(i for i, c in enumerate(f.chars) if c is b)
            rest = make_fragment(list(f.chars[cut:]))
            return [make_fragment(list(f.chars[:cut])), *_split_at_gutters(rest, gutters)]
    return [f]


def _words_beside(gaps: list, k: int, size: float) -> bool:
    """A column's full line on one side of the gap at ``k`` at least: four words or more (the other side may be a
    paragraph's last words; a table row's cells across the gutter are a word or a number each, and stay one
    full-width row)."""
    def spaces(part: list) -> int:
        return sum(1 for gap, _, _ in part if gap > 0.1 * size)

    return max(spaces(gaps[:k]), spaces(gaps[k + 1:])) >= 3


def _sides(frags: list[Fragment], gutters: tuple) -> list[list[Fragment]]:
    """The fragments between each pair of gutters, left to right (those crossing one are in none)."""
    edges = [float("-inf"), *gutters, float("inf")]
    return [[f for f in frags if edges[i] <= f.x0 and f.x1 <= edges[i + 1]] for i in range(len(edges) - 1)]


def _size_breaks(frags: list[Fragment], gutter: tuple) -> list[float]:
    """The y of each gap that crosses both columns, over a line high, where each column's type size changes."""
    sides = _sides(frags, gutter)
    if not all(sides):
        return []
    body = median(f.size for f in frags)
    spans = sorted((f.top, f.bottom) for f in frags)
    breaks = []
    reach = spans[0][1]
    for top, bottom in spans[1:]:
        if top - reach >= 1.2 * body and all(_size_changes(side, reach, top) for side in sides):
            breaks.append(top - 0.5)
        reach = max(reach, bottom)
    return breaks


def _size_changes(side: list[Fragment], above: float, below: float) -> bool:
    """The side's lines just above ``above`` and just below ``below`` are set in sizes half a point apart."""
    before = [f for f in side if f.bottom <= above + 0.5]
    after = [f for f in side if f.top >= below - 0.5]
    if not before or not after:
        return False
    last = max(f.bottom for f in before)
    first = min(f.top for f in after)
    size_before = max((f for f in before if f.bottom >= last - 1), key=lambda f: len(f.chars)).size
    size_after = max((f for f in after if f.top <= first + 1), key=lambda f: len(f.chars)).size
    return abs(size_before - size_after) >= 0.5


def _merge_full_width(groups: list[Group]) -> list[Group]:
    """Full-width stretches that follow one another are one group: a title's lines stay one heading."""
    out: list[Group] = []
    for group in groups:
        if out and not group.column and not out[-1].column:
            out[-1] = Group(out[-1].chars + group.chars, 0.0, False)
        else:
            out.append(group)
    return out


def _has_both(band: list[Fragment], gutter: tuple) -> bool:
    """Lines of text on two sides of a gutter or more (a row of affiliation digits under a title is not a
    column)."""
    def line(f: Fragment) -> bool:
        return f.x1 - f.x0 >= 4 * f.size

    return sum(1 for side in _sides(band, gutter) if any(line(f) for f in side)) >= 2


def _band_groups(band: list[Fragment], gutter: tuple) -> list[Group]:
    if not _has_both(band, gutter):
        # text on one side only (a title's or an abstract's short last line, a column ending above a figure):
        # read on with the full-width text around it
        return [Group(tuple(c for f in band for c in f.chars), 0.0, False)]
    out = []
    for side in _sides(band, gutter):
        if side:
            out.append(Group(tuple(c for f in side for c in f.chars), max(f.x1 for f in side), True,
                             min(f.x0 for f in side)))
    return out
