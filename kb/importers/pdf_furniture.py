"""A page's furniture, taken out of a PDF before its text is read: running headers and footers, page numbers
(in the margin, beside a chapter's running title, or halfway down the sheet's outer edge)."""
from __future__ import annotations

import re
from collections import Counter

from kb.importers.pdf_layout import Line

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$", re.I)
_MARGIN = 0.09  # of the page height: where running headers and footers sit
_BLOCK = 0.25  # of the page height: how far a running header or footer block of several lines may reach
_SIDE = 0.06  # of the page width: the outer strip where a page number may stand beside the text block
# a page number and its chapter's running title set apart by a wide gap: '43\tReferences', 'Introduction\t7'
_FOLIO = re.compile(r"^\d{1,4}\t+\S.*$|^.*\S\t+\d{1,4}$")
_EMPHASIS_ENDS = re.compile(r"^[*_]+|[*_]+$")


def drop_side_numbers(chars: list[dict], width: float) -> tuple[list[dict], int]:
    """A page number standing alone in the outer strip of the sheet, halfway down its edge (WHO's guidelines,
    left and right in turn), is taken out before lines are built: set beside a body line, its larger digits
    would make that line's glyphs read as superscripts. Returns the other glyphs and how many numbers went."""
    strip = [c for c in chars if c["x1"] < _SIDE * width or c["x0"] > (1 - _SIDE) * width]
    if not strip or len(strip) * 20 > len(chars):  # text set in the strip as a rule (line numbers, a margin column)
        return chars, 0
    groups: dict[tuple[bool, int], list[dict]] = {}
    for c in strip:
        groups.setdefault((c["x0"] > width / 2, round(c["top"] / 4)), []).append(c)
    gone = [g for g in groups.values() if re.fullmatch(r"\d{1,4}", "".join(c["text"] for c in g).strip())
            and not _runs_on(g, chars, strip)]
    if not gone:
        return chars, 0
    ids = {id(c) for g in gone for c in g}
    return [c for c in chars if id(c) not in ids], len(gone)


def _runs_on(group: list[dict], chars: list[dict], strip: list[dict]) -> bool:
    """Whether digits in the strip run straight on into the text beside them: a list's two-digit label hanging
    into the margin ('10.' at the sheet's edge, a Medicare LCD's bibliography, its '1' in the strip and '0.' out of
    it) is the line's own, not a page number beside it."""
    inside = {id(c) for c in strip}
    first, last = min(c["x0"] for c in group), max(c["x1"] for c in group)
    top, size = group[0]["top"], max(c.get("size", 10) or 10 for c in group)
    return any(id(c) not in inside and abs(c["top"] - top) < 0.3 * size
               and (0 <= c["x0"] - last < 0.5 * size or 0 <= first - c["x1"] < 0.5 * size) for c in chars)


def _plain(line: Line) -> str:
    """A line's text without the bold or italic marks around it, or around each part a wide gap sets apart: a
    page number set in bold is one still, beside its chapter's title too ('References<tab>**31**')."""
    return "\t".join(_EMPHASIS_ENDS.sub("", part) for part in line.text.strip().split("\t"))


def drop_running_lines(pages: list[list[Line]], heights: list[float]) -> tuple[list[list[Line]], int]:
    """Lines in the top or bottom margin that repeat on most pages (digits aside), bare page numbers, and a
    page number set apart from its chapter's title ('43<tab>References') where that title comes back on
    another page."""
    def key(line: Line) -> str:
        # digits aside: page numbers, and a number set before the running title on alternate pages; and of a
        # line a wide gap cuts, its longest part (the title, whether or not 'Page 5 of 10' stands beside it)
        longest = max(line.text.split("\t"), key=len)
        return " ".join(re.sub(r"\d+", " ", longest.lower()).split())

    def in_margin(line: Line, height: float, lines: list[Line], depth: int = 1) -> bool:
        # the page's first or last lines count too: a small page grid printed on a larger sheet (an ACM or
        # Springer journal page on Letter paper) sets its running title and footer well inside 9% of the sheet
        # (two deep for a repeated line, where a printer's own header or page number may stand further out)
        # (in the outer fifth of the sheet still: a short page's body line is not its edge)
        tops = sorted({round(other.top) for other in lines})
        bottoms = sorted({round(other.bottom) for other in lines}, reverse=True)
        return line.top < _MARGIN * height or line.bottom > (1 - _MARGIN) * height or (
            line.top < 0.2 * height and round(line.top) <= tops[min(depth, len(tops)) - 1]) or (
            line.bottom > 0.8 * height and round(line.bottom) >= bottoms[min(depth, len(bottoms)) - 1])

    counts, folios = Counter(), Counter()
    for lines, height in zip(pages, heights):
        counts.update({key(line) for line in lines if in_margin(line, height, lines, 2)})
        # a chapter's running title is printed on a few pages only, not on a third of them
        folios.update({key(line) for line in lines if in_margin(line, height, lines) and _FOLIO.match(_plain(line))})
    # a third of the pages: journals print one running title on odd pages and another on even ones
    repeated = max(2, (len(pages) + 2) // 3)
    slots, chapters = _header_slots(pages, heights, lambda line: counts[key(line)] >= repeated), Counter()
    for lines, height in zip(pages, heights):
        chapters.update({key(line) for line in lines if _in_slot(line, height, lines, slots)})
    # a header or footer block of several lines reaching past the margin (Scott and White's seven lines: the title,
    # the service, 'Policy Number: 037', three dates, 'Page 1 of 8'): lines repeated at the same height on a third
    # of the pages that stand, with every line between them and the sheet's edge, in the outer quarter (a drug
    # policy's text repeated under each indication, 'Reauthorization ... Authorization will be issued for 12
    # months.', falls at other heights)
    def slot(line: Line) -> tuple[str, int]:
        return key(line), round(line.top / 2)

    deep = Counter()
    for lines, height in zip(pages, heights):
        deep.update({slot(line) for line in lines if line.top < _BLOCK * height or line.bottom > (1 - _BLOCK) * height})
    kept, dropped = [], 0
    for lines, height in zip(pages, heights):
        page_kept = []
        block = _edge_block(lines, height, lambda line: deep[slot(line)] >= repeated)
        for line in lines:
            margin = in_margin(line, height, lines)
            if id(line) in block or (in_margin(line, height, lines, 2) and counts[key(line)] >= repeated) or (
                    margin and _PAGE_NUMBER.match(_plain(line))) or (
                    margin and _FOLIO.match(_plain(line)) and folios[key(line)] >= 2) or (
                    chapters[key(line)] >= 2 and _in_slot(line, height, lines, slots)):
                dropped += 1
            else:
                page_kept.append(line)
        kept.append(page_kept)
    return kept, dropped


def _edge_block(lines: list[Line], height: float, running) -> set[int]:
    """The ids of the lines of a page's header (footer) block: from the top (bottom) edge inwards, each line
    running, within the outer quarter of the sheet, up to the first that is not; three lines at least, or none
    (one or two are the margin's own rule)."""
    out: set[int] = set()
    for order, inside in ((sorted(lines, key=lambda l: l.top), lambda l: l.top < _BLOCK * height),
                          (sorted(lines, key=lambda l: -l.bottom), lambda l: l.bottom > (1 - _BLOCK) * height)):
        run = []
        for line in order:
            if not (inside(line) and running(line)):
                break
            run.append(id(line))
        if len(run) >= 3:
            out.update(run)
    return out


def _header_slots(pages: list[list[Line]], heights: list[float], running) -> set[tuple[bool, int]]:
    """Where the document's own running header or footer stands: the height (top for a header, bottom for a
    footer) of the page's outermost line where that line is one repeated on a third of the pages."""
    slots = set()
    for lines, height in zip(pages, heights):
        for line in lines:
            if running(line) and _outermost(line, height, lines):
                slots.add((line.top < height / 2, round(line.top if line.top < height / 2 else line.bottom)))
    return slots


def _outermost(line: Line, height: float, lines: list[Line]) -> bool:
    """The page's first line set in its top margin, or its last set in its bottom margin."""
    if line.top < _MARGIN * height:
        return line.top <= min(other.top for other in lines)
    return line.bottom > (1 - _MARGIN) * height and line.bottom >= max(other.bottom for other in lines)


def _in_slot(line: Line, height: float, lines: list[Line], slots: set[tuple[bool, int]]) -> bool:
    """A page's outermost line standing where the document's running header (or footer) stands on other pages:
    a chapter's running title, printed on that chapter's pages only (WHO: the guideline's title heads each
    left-hand page, the chapter's, 'References' say, each right-hand page at the same height). Read as text,
    it became a heading on every other page of the chapter."""
    if not slots or not _outermost(line, height, lines):
        return False
    top = line.top < height / 2
    edge = round(line.top if top else line.bottom)
    return any(side == top and abs(edge - at) <= 2 for side, at in slots)
