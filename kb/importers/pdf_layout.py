"""Lines of a PDF to blocks: headings, paragraphs, list items and tables, in reading order.

A single column is assumed (policies are printed so). Blocks break at a gap
wider than a line's spacing, at a change of type size, at a bullet, and at a
printed label ("4.", "b.", "II.") that hangs left of the text or follows a line
that ended early. A paragraph that runs onto the next page is joined back when
the page's last line was full. Headings are the lines set larger than the body
text, one level per size. How a block's lines are joined into one text (a space,
a new line, or nothing after a hyphen) is ``pdf_join``'s.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from kb.importers.blocks import CONNECTOR, bold_heading
from kb.importers.pdf_entries import hanging_entries, names_reference_list
from kb.importers.pdf_flush_entries import flush_entry_starts, initial_runs_on
from kb.importers.pdf_footnotes import AFTER_COLUMNS
from kb.importers.pdf_join import LineJoiner, runs_on_into_marker
from kb.importers.pdf_manuscript import paragraph_gap

# '4.', 'b)', 'II.', and as reference lists number their entries: '[12]', or a bare '12' before a name, which may
# open with its particle in lower case (Karger: '14 van Buuren S.')
# ('[10]H. Jiang': a bracketed label may touch its entry's first letter, the gap narrower than a space)
LABEL = re.compile(r"^(?P<label>\(?(?:\d{1,3}|[A-Za-z]|[IVXLivxl]{1,5})[.)]|\[\d{1,3}\]|"
                   r"\d{1,3}(?=\s+(?:(?:van|von|de|der|den|du|da|di|del|le|la|ten|ter)\s+)?[A-Z\u00c0-\u00de]))"
                   r"(?:\s+|(?<=\])(?=[A-Z\u00c0-\u00de]))(?P<rest>\S.*)$")
# '18.Angeles-Han ST' under entry 17 of a list whose other labels have a space: the label touches the name. Read as
# the next entry only where it carries the next number of a numbered item and a capitalised word follows
# (a wrapped '2.5 mg' or '2.Results' out of turn stays text).
_GLUED_LABEL = re.compile(r"^(?P<label>\d{1,3}\.)(?P<rest>[A-Z\u00c0-\u00de][a-z\u00df-\u00ff].*)$")
# ACM prints an appendix's letter with no stop ('A INTERVIEWS WITH HEALTHCARE CONSUMERS'); a number or numeral needs one
_CAPS_HEADING = re.compile(r"^(?:(?:\d{1,2}(?:\.\d{1,2})*|[A-Z]|[IVXL]{1,5})\.|[A-Z])\s+"
                           r"(?P<words>[A-Z][A-Z\-\u2010'\u2019&]+(?:\s+[A-Z][A-Z\-\u2010'\u2019&]*){0,9})$")


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float  # the body glyphs' size (markers aside)
    text: str  # markers already as <sup>...</sup>
    first_word: float  # width of the first word: would it have fitted on the line before?
    bullet: bool  # starts with a bullet (glyph or drawn shape), already taken off the text
    marker_x: float  # where the bullet or label starts: its indent gives the list depth
    column: int = 0  # the page's reading-order group (a column of a band) the line was laid out in
    right: float = 0.0  # that column's right edge (0: the page's text width applies)
    left: float = 0.0  # that column's left edge (0: the page's margin, as list depths are measured from)
    cell: bool = False  # laid out in a table's cell (``pdf_cells``): no text runs into or out of it


@dataclass(frozen=True)
class Table:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    rows: tuple[tuple[str | None, ...], ...]  # None where a merged cell spans the grid position

    def contains(self, c: dict) -> bool:
        return (self.x0 - 1 <= c["x0"] and c["x1"] <= self.x1 + 1
                and self.top - 1 <= c["top"] and c["bottom"] <= self.bottom + 1)


@dataclass
class _Block:
    kind: str  # heading, item, paragraph
    lines: list
    label: str = "-"


def write_blocks(out, pages: list[list[Line]], tables: list[list[Table]]) -> list[str]:
    """Hand the blocks to a MarkdownWriter; returns the notes on what was not kept faithfully."""
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    body = Counter(round(line.size, 1) for line in lines for _ in line.text).most_common(1)[0][0]
    layout = _Layout(body, lines)
    stream = sorted([(line.page, line.column, line.top, 0, line) for line in lines]
                    + [(t.page, _table_column(t, lines), t.top, 1, t) for page in tables for t in page],
                    key=lambda e: e[:4])
    blocks: list = []
    held: list[_Block] = []  # footnotes moved out of a column (pdf_footnotes), kept until what they cut ends
    for *_, is_table, thing in stream:
        if is_table:
            blocks += held + [thing]
            held = []
            continue
        if thing.column >= AFTER_COLUMNS:
            if held and layout.continues(held[-1], thing):
                held[-1].lines.append(thing)
            else:
                held.append(layout.start(thing))
            continue
        current = blocks[-1] if blocks and isinstance(blocks[-1], _Block) else None
        if current and layout.continues(current, thing):
            current.lines.append(thing)
        else:
            blocks += held + [layout.start(thing, current)]
            held = []
    blocks += held
    layout.indents = _clusters([b.lines[0].marker_x - b.lines[0].left for b in blocks
                                if isinstance(b, _Block) and b.kind == "item"])
    notes: list[str] = []
    merged_tables = gapped = 0
    for block in blocks:
        if isinstance(block, Table):
            if any(cell is None for row in block.rows for cell in row):
                merged_tables += 1
                out.plain_lines([[c for c in row if c] for row in block.rows])
            else:
                out.table([list(row) for row in block.rows])
            continue
        if block.kind == "item" and 0 < sum("\t" in line.text for line in block.lines) < len(block.lines):
            # a list item of several lines of which some open wide gaps: a justified line stretched around a long
            # URL, not a table's row (a table's every row has its cells): the gaps are word gaps
            block.lines = [replace(line, text=line.text.replace("\t", " ")) for line in block.lines]
        if any("\t" in line.text for line in block.lines):  # columns without rules: kept line by line
            if block.kind == "item" and block.label != "-":  # the printed label is part of the row's text
                block.lines[0] = replace(block.lines[0], text=f"{block.label} {block.lines[0].text}")
            gapped += len(block.lines)
            out.plain_lines([line.text.split("\t") for line in block.lines])
            continue
        text = layout.join(block.lines) if block.kind != "paragraph" or len(block.lines) == 1 else \
            "\n".join(line.text for line in block.lines)
        if len(block.lines) == 1 and caps_heading(text if block.kind != "item" else f"{block.label} {text}"):
            # a numbered heading set in capitals at the text's size (ACM's appendices, 'A. NP-HARDNESS PROOF'):
            # a heading, not a list item, so the reference list above it ends there
            out.heading(min(len(layout.levels) + 1, 6), text if block.kind != "item" else f"{block.label} {text}")
            continue
        if block.kind == "heading":
            first = block.lines[0]
            out.heading(layout.level(first.size) if layout.is_heading(first) else min(len(layout.levels) + 1, 6), text)
        elif block.kind == "item":
            out.item(layout.depth(block.lines[0].marker_x - block.lines[0].left), block.label, text)
        elif len(block.lines) == 1 and (bold_heading(text) or names_reference_list(text)):
            # a heading set in bold at the text's size, or the reference list's heading known by its words
            out.heading(min(len(layout.levels) + 1, 6), text)
        else:
            parts = hanging_entries(block.lines, layout.short)
            if len(parts) == 1:  # no hanging indent: a list set flush left may still start entries after full lines
                out.paragraph(layout.join(block.lines, flush_entry_starts(block.lines, layout.short)))
                continue
            for part in parts:
                out.paragraph(layout.join(part))
    if merged_tables:
        notes.append(f"{merged_tables} table{'s' if merged_tables > 1 else ''} with merged cells kept as plain "
                     "lines, one row per line")
    if gapped:
        notes.append(f"{gapped} lines with columns set apart by wide gaps (a table without rules?) kept as "
                     "plain lines, their cells a tab apart")
    if layout.joiner.kept_hyphens:
        n = layout.joiner.kept_hyphens
        notes.append(f"{n} word{'s' if n > 1 else ''} broken at a line-end hyphen kept {'their' if n > 1 else 'its'} "
                     "hyphen (the document never prints the word whole): check them")
    return notes


class _Layout:
    def __init__(self, body: float, lines: list[Line]) -> None:
        self.body = body
        self.right = max(line.x1 for line in lines if abs(line.size - body) < 0.6)
        # a size that sets a large share of the text is running text too (an article's body above its smaller
        # reference list, an abstract set larger), however much larger than the commonest size it is
        chars = Counter()
        for line in lines:
            chars[round(line.size * 2) / 2] += len(line.text)
        total = sum(chars.values()) or 1
        self.text_sizes = {size for size, n in chars.items() if n >= 0.15 * total}
        sizes = sorted({round(line.size * 2) / 2 for line in lines if self.is_heading(line)}, reverse=True)
        self.levels = {size: min(i + 1, 6) for i, size in enumerate(sizes)}
        self.indents: list[float] = []  # the list items' indents, set once the blocks are known
        self.joiner = LineJoiner(lines)
        self.gap = paragraph_gap(lines, body)  # wider where a manuscript is set double-spaced

    def is_heading(self, line: Line) -> bool:
        return line.size >= 1.12 * self.body and round(line.size * 2) / 2 not in self.text_sizes \
            and not CONNECTOR.match(line.text)

    def level(self, size: float) -> int:
        return self.levels.get(round(size * 2) / 2, 6)

    def depth(self, marker_x: float) -> int:
        return next((i for i, x in enumerate(self.indents) if abs(marker_x - x) <= 8), 0)

    def short(self, before: Line, after: Line, right: float | None = None) -> bool:
        """The line ended early: the next line's first word would have fitted after it (within ``right``,
        the block's own right edge when known, else the page's)."""
        space = 0.3 * before.size
        return before.x1 + space + after.first_word < (right or before.right or self.right) - 1

    def starts_item(self, line: Line, previous: Line | None) -> bool:
        if line.bullet:
            return True
        if not LABEL.match(line.text) or self.is_heading(line):
            return False
        return previous is None or line.x0 < previous.x0 - 2 or self.short(previous, line)

    def start(self, line: Line, before: _Block | None = None) -> _Block:
        if self.is_heading(line) or names_reference_list(line.text):  # 'VII. REFERENCES' is no list item
            return _Block("heading", [line])
        if line.bullet:
            return _Block("item", [line], "-")
        glued = _glued_next_label(before, line) if before is not None else None
        if glued:  # the list's next item, at its depth whatever the glued label's own indent
            first = before.lines[0]
            line = replace(line, text=glued.group("rest"), marker_x=first.marker_x, left=first.left)
            return _Block("item", [line], glued.group("label"))
        m = LABEL.match(line.text)
        if m:
            line = _relabel(line, m.group("rest"))
            return _Block("item", [line], m.group("label"))
        return _Block("paragraph", [line])

    def continues(self, block: _Block, line: Line) -> bool:
        last = block.lines[-1]
        if self.is_heading(line) != (block.kind == "heading"):
            return False
        if abs(line.size - last.size) > 0.6 and not self._hangs_in_item(block, line):
            return False
        if (self.starts_item(line, last) and not _initial_in_entry(block, line)
                and not _citation_opens_line(block, line)
                and not (block.kind == "paragraph" and initial_runs_on(last.text, line.text))) \
                or names_reference_list(line.text) \
                or _next_label(block, line) or _glued_next_label(block, line):
            return False
        if line.column != last.column and line.column >= AFTER_COLUMNS:
            return False  # footnotes moved after the page's columns begin a block of their own
        if (line.cell or last.cell) and (line.page, line.column) != (last.page, last.column):
            return False  # a cell's text is its own: the other cell's, or the text around the table, is not
        if line.page != last.page or line.column != last.column:
            # a paragraph running onto the next page or column: the last line was full
            return block.kind != "heading" and not self.short(last, line) and \
                line.x0 - line.left >= last.x0 - last.left - 2  # not indented as a new paragraph is
        return line.top - last.bottom <= self.gap

    def _hangs_in_item(self, block: _Block, line: Line) -> bool:
        """A line set a little smaller (or larger) under a list item, at the item's text indent, with no label of
        its own: the item runs on in another face, as conference styles print an entry's DOI or URL."""
        first, last = block.lines[0], block.lines[-1]
        return block.kind == "item" and not self.is_heading(line) and line.page == last.page and \
            line.column == last.column and 0.7 * last.size <= line.size <= last.size / 0.7 and \
            line.x0 > first.marker_x + 2 and not LABEL.match(line.text) and not line.bullet and \
            0 <= line.top - last.bottom <= 0.6 * self.body

    def join(self, lines: list[Line], breaks: frozenset[int] = frozenset()) -> str:
        """The lines as one text (``pdf_join``); a line whose index is in ``breaks`` starts a line of its own."""
        return self.joiner.join(lines, self.short, self.is_heading, breaks)


def _initial_in_entry(block: _Block, line: Line) -> bool:
    """A wrapped line of a reference entry that opens with an initial or an abbreviation ('C. Kenyon.', 'J.
    Mammary Gland Biol.'): a capital letter and its dot there is a name, not the label of a lettered item. Lists
    labelled '[n]' hold references, which hold no lettered sub-items; under an item numbered 'n.' only where the
    item reads as an entry so far (a year in it) and does not end in a colon, as a criterion over its lettered
    parts does."""
    m = LABEL.match(line.text)
    if block.kind != "item" or not m or line.bullet or re.fullmatch(r"[A-Z]\.", m.group("label")) is None:
        return False
    if block.label.startswith("["):
        return True
    so_far = " ".join(part.text for part in block.lines)
    return re.fullmatch(r"\d{1,3}\.", block.label) is not None and re.search(r"\b(?:19|20)\d\d\b", so_far) is not None \
        and not so_far.rstrip().endswith(":")


def caps_heading(text: str) -> bool:
    """A section label and words in capitals, nothing else: 'A. NP-HARDNESS PROOF', '4. RESULTS AND DISCUSSION',
    'A INTERVIEWS WITH HEALTHCARE CONSUMERS'."""
    m = _CAPS_HEADING.match(text.strip())
    return bool(m) and sum(ch.isalpha() for ch in m.group("words")) >= 6


def _citation_opens_line(block: _Block, line: Line) -> bool:
    """A paragraph's sentence running on past a marker that opens the next line: the line before ends in no
    stop, colon or semicolon (after which a list's '(2) the second ...' may begin)."""
    return block.kind == "paragraph" and runs_on_into_marker(block.lines[-1].text, line.text)


def _next_label(block: _Block, line: Line) -> bool:
    """The line opens with the number that follows the item's own, printed the same way ('11.' then '12.',
    '[11]' then '[12]'): the next entry, even where the item's one line was full to the margin."""
    m = LABEL.match(line.text)
    if block.kind != "item" or not m:
        return False
    mine, theirs = re.search(r"\d+", block.label), re.search(r"\d+", m.group("label"))
    return bool(mine and theirs) and int(theirs.group()) == int(mine.group()) + 1 and \
        re.sub(r"\d+", "#", block.label) == re.sub(r"\d+", "#", m.group("label"))


def _glued_next_label(block: _Block, line: Line) -> re.Match | None:
    """The line opens with the number after the item's own, its stop touching a capitalised name ('17.' then
    '18.Angeles-Han ST'): the next entry, its label glued to it (the match, or None)."""
    m = _GLUED_LABEL.match(line.text)
    if block.kind != "item" or not m or line.bullet or not re.fullmatch(r"\d{1,3}\.", block.label):
        return None
    return m if int(m.group("label")[:-1]) == int(block.label[:-1]) + 1 else None


def _table_column(table: Table, lines: list[Line]) -> int:
    """A ruled table's place in the reading order: with the column of the text that follows it."""
    below = [line.column for line in lines if line.page == table.page and line.top >= table.bottom - 1
             and line.x0 < table.x1 and table.x0 < line.x1]
    return min(below) if below else max((line.column for line in lines if line.page == table.page), default=0)


def _relabel(line: Line, rest: str) -> Line:
    return replace(line, text=rest)


def _clusters(values: list[float], gap: float = 8) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > gap:
            out.append(value)
    return out
