"""The glyphs and shapes of a PDF's pages, read with pypdfium2 (PDFium, the engine of Chromium's viewer).

Each glyph comes as a dict: text, x0, x1, top, bottom (from the top of the page,
the font's full height, so glyphs of one size on one line share their bottom),
size in points (the font size times the text matrix's scale), the font's name
and whether it stands upright. PDFium reads a 30-page policy in about a second,
where a pure-Python parser takes tens of seconds. Ruled tables are found by
pdfplumber's table finder, opened only for pages that draw rules.
"""
from __future__ import annotations

import contextlib
import ctypes
import io
import logging
import math
import re

from kb.errors import KbError

_FONT_NAME = 128


def open_pdf(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise KbError("is an encrypted PDF that needs a password; save an unprotected copy and import that") \
                from None
        raise KbError(f"is not a readable PDF ({exc})") from None


def owner_password_only(pdf) -> bool:
    """Encrypted, but readable without a password (printing or copying restrictions only)."""
    import pypdfium2.raw as raw

    return raw.FPDF_GetSecurityHandlerRevision(pdf.raw) >= 0


class PageGlyphs:
    """Glyphs, bullet-sized shapes and whether rules are drawn, for one page."""

    def __init__(self, page) -> None:
        import pypdfium2.raw as raw

        self.height = page.get_height()
        self.width = page.get_width()
        self.rotated = 0
        self.unmapped = 0
        self.off_page = 0
        self.chars = self._chars(page, raw)
        self.shapes: list[dict] = []
        self.ruled = False
        for left, bottom, right, top in _path_bounds(page, raw):
            width, height = right - left, top - bottom
            shape = {"x0": left, "x1": right, "top": self.height - top, "bottom": self.height - bottom}
            if 1 < width < 9 and 1 < height < 9 and 0.5 < width / height < 2:
                self.shapes.append(shape)  # a drawn bullet: disc, circle or square
            elif (height > 8 and width < 2.5) or (width > 15 and height > 8):
                self.ruled = True  # a vertical rule or a box: a table may be drawn (an underline is not one)

    def _chars(self, page, raw) -> list[dict]:
        textpage = page.get_textpage()
        handle = textpage.raw
        name = ctypes.create_string_buffer(_FONT_NAME)
        matrix = raw.FS_MATRIX()
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        chars = []
        space = False
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(handle, i):  # a space PDFium infers from the advance widths: a word gap
                space = space or raw.FPDFText_GetUnicode(handle, i) == 0x20
                continue
            code = raw.FPDFText_GetUnicode(handle, i)
            if code in (0x0D, 0x0A):
                continue
            if code == 0x02:  # PDFium's mark for a hyphen it took for a line-end break: the layout decides
                code = 0x2D
            if code == 0x09:  # a tab set between words (Word's exports print one): a word gap, not a table cell
                code = 0x20
            raw.FPDFText_GetMatrix(handle, i, matrix)
            if sideways(matrix.a, matrix.b, matrix.c, matrix.d):
                self.rotated += 1
                continue
            if code < 0x20 and code not in (0x09, 0x20):
                # a control code is no character: a font without a Unicode map (TeX's symbol fonts print their
                # bullet as code 15) gives its raw glyph number, which would put control bytes into the text
                code = 0
            if code in (0, 0xFFFD, 0xFFFE):
                self.unmapped += 1
            x0, _, x1, _ = textpage.get_charbox(i, loose=True)
            raw.FPDFText_GetCharOrigin(handle, i, origin_x, origin_y)
            raw.FPDFText_GetFontInfo(handle, i, name, _FONT_NAME, None)
            size = raw.FPDFText_GetFontSize(handle, i) * math.sqrt(abs(matrix.a * matrix.d))
            # the font's height around the baseline, the same for every glyph of a line (the parts of a
            # ligature PDFium splits come with tight boxes of their own)
            bottom = self.height - origin_y.value + 0.24 * size
            if self._off_page(x0, x1, bottom - size, bottom):
                self.off_page += 1
                continue
            chars.append({
                "text": chr(code) if 0 < code < 0x110000 and code not in (0xFFFE,) else "\ufffd",
                "x0": x0, "x1": x1, "top": bottom - size, "bottom": bottom, "size": size,
                "fontname": name.value.decode("latin-1", "replace"), "space_before": space,
            })
            space = False
        return _join_surrogates(chars)

    def _off_page(self, x0: float, x1: float, top: float, bottom: float) -> bool:
        """A glyph set a whole page's width or height beyond the page's edges: nothing prints it (a damaged file
        can place text millions of points away), and the layout, which measures the page's text, must not meet it."""
        return x1 < -self.width or x0 > 2 * self.width or bottom < -self.height or top > 2 * self.height


_SLANT = 0.5  # a glyph leaning further than this (run over rise) is set at an angle, not merely slanted


def sideways(a: float, b: float, c: float, d: float) -> bool:
    """A glyph's text matrix turns it (a watermark, a margin note set up the page) or mirrors it. A shear alone
    (b = 0, c a fraction of d) is a slanted upright glyph: Research Square prints its journal names and italics
    so, obliquing a regular font, and those words belong to the line they stand on."""
    return abs(b) > 1e-3 or a <= 0 or d <= 0 or abs(c) > _SLANT * d


def _join_surrogates(chars: list[dict]) -> list[dict]:
    """PDFium gives a character beyond the Basic Multilingual Plane (a mathematical italic letter, an emoji) as
    two UTF-16 halves, one glyph record each: joined into the one character over both boxes. A half standing
    alone is no character at all (and could not be written as UTF-8): it reads as U+FFFD."""
    out: list[dict] = []
    for c in chars:
        code = ord(c["text"]) if len(c["text"]) == 1 else 0
        if 0xDC00 <= code <= 0xDFFF and out and len(out[-1]["text"]) == 1 and 0xD800 <= ord(out[-1]["text"]) <= 0xDBFF:
            high = ord(out[-1]["text"])
            joined = chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
            out[-1] = dict(out[-1], text=joined, x1=max(out[-1]["x1"], c["x1"]))
            continue
        out.append(c)
    return [dict(c, text="\ufffd") if len(c["text"]) == 1 and 0xD800 <= ord(c["text"]) <= 0xDFFF else c
            for c in out]


def _path_bounds(page, raw):
    """(left, bottom, right, top) of each top-level path object: read raw, since wrapping every text object
    of a page as a Python object costs more than the whole text."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(
                obj, left, bottom, right, top):
            yield left.value, bottom.value, right.value, top.value


def ruled_tables(data: bytes, page_numbers: list[int]) -> tuple[dict[int, list[tuple]], list[int]]:
    """pdfplumber's tables on the given pages (1-based): (top, bottom, x0, x1, rows) each, and the pages whose
    tables it could not read. pdfplumber reads the file with another parser than the page text: on a damaged
    file it may see fewer pages or fail on one, and then that page's tables are read as plain lines."""
    if not page_numbers:
        return {}, []
    import pdfplumber

    found: dict[int, list[tuple]] = {}
    unread: list[int] = []
    try:
        with quiet_library_logs(), pdfplumber.open(io.BytesIO(data)) as pdf:
            for number in page_numbers:
                try:
                    found.update(_page_tables(pdf, number))
                except Exception:  # noqa: BLE001 - a damaged page loses its table layout, not its text
                    unread.append(number)
    except Exception:  # noqa: BLE001 - the whole file unreadable to pdfplumber: every table is read as lines
        return {}, list(page_numbers)
    return found, unread


def _page_tables(pdf, number: int) -> dict[int, list[tuple]]:
    found: dict[int, list[tuple]] = {}
    page = pdf.pages[number - 1]
    for table in page.find_tables():
        if off_page(table.bbox, page.bbox):
            continue
        texts = table.extract()
        rows = [[cell_markers(clean_cell(cell)) for cell in row] for row in table_rows(texts, table.rows)]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = _written_extent(table, texts)
        found.setdefault(number, []).append((top, bottom, x0, x1, tuple(tuple(r) for r in rows)))
    return found


# A frame drawn round a table with its rules a few points apart (EHJ Open's summary tables: a box whose one cell
# holds the whole table) leaves empty rows this thin between the rules: they are no rows of the table, and left in
# they make a frame round text look like a grid with rows to spare (``a_box``).
_EDGE_STRIP = 10.0


def table_rows(texts: list[list], grid_rows) -> list[list]:
    """The rows of cell texts, less the empty strips between a frame's rules (see ``_EDGE_STRIP``) where the frame
    holds two rows of text at most (a caption and the one cell holding the whole table). A frame of more parts with
    empty rules between them (Science's summary box) keeps its strips, and stays out of the text as before."""
    filled = [any(cell and cell.strip() for cell in row) for row in texts]
    if sum(filled) > 2:
        return texts
    return [row for row, grid, full in zip(texts, grid_rows, filled) if full or _height(grid.cells) >= _EDGE_STRIP]


def _height(cells) -> float:
    boxes = [c for c in cells if c]
    return max(c[3] for c in boxes) - min(c[1] for c in boxes) if boxes else 0.0


def _written_extent(table, texts: list[list]) -> tuple[float, float, float, float]:
    """The box of the table, as wide as its cells that hold text: the page's glyphs inside it are the table's and
    are left out of the text. A rule across the page's head joined to a box drawn round a table in one column (Europace)
    makes a grid whose empty 'cell' covers the other column's running text, which would be lost with it."""
    boxes = [cell for row, cells in zip(table.rows, texts) for cell, text in zip(row.cells, cells)
             if cell and text and text.strip()]
    if not boxes:
        return table.bbox
    # (across only: the table's top and foot stay the grid's, which place it among the page's lines)
    return min(b[0] for b in boxes), table.bbox[1], max(b[2] for b in boxes), table.bbox[3]


_OFF_PAGE = 0.2  # a share of the page's height or width a table's rules may reach past its edge


def off_page(box: tuple, page: tuple) -> bool:
    """A grid whose rules reach far past the page (Research Square draws each page's text in a frame of lines
    running thousands of points above and below it) is no table printed there: its 'cells' would cut every line
    of the page's text at the frame's inner rule. (x0, top, x1, bottom) both."""
    x0, top, x1, bottom = box
    px0, ptop, px1, pbottom = page
    height, width = pbottom - ptop, px1 - px0
    return top < ptop - _OFF_PAGE * height or bottom > pbottom + _OFF_PAGE * height or \
        x0 < px0 - _OFF_PAGE * width or x1 > px1 + _OFF_PAGE * width


def clean_cell(cell: str | None) -> str | None:
    """A table cell's text as pdfplumber reads it, without control bytes: a two-byte font it cannot map comes out
    as NUL and a glyph number per character; NULs go, other control codes read as U+FFFD (tab and newline kept)."""
    if cell is None:
        return None
    cell = cell.replace("\x00", "")
    return "".join("\ufffd" if ord(ch) < 0x20 and ch not in "\t\n" else ch for ch in cell)


# A study named in a table's cell with its citation raised after the year, as the Blue Cross Blue Shield Association's
# evidence tables print it ('Tester et al (2006)^30,'): pdfplumber gives a cell's text without sizes, so the raised
# number comes out glued to the year's parenthesis, '(2006)30,'. Nothing else prints digits glued there.
_YEAR_THEN_RAISED = re.compile(r"(?<=\((?:19|20)\d\d\))(\d{1,3}(?:,\d{1,3})*,?)(?=\s|$)")


def cell_markers(cell: str | None) -> str | None:
    """A cell's '(2006)30,' written with its citation marker raised again: '(2006)<sup>30,</sup>'."""
    if not cell:
        return cell
    return _YEAR_THEN_RAISED.sub(r"<sup>\1</sup>", cell)


@contextlib.contextmanager
def quiet_library_logs():
    """pdfminer (under pdfplumber) logs every colour or font it cannot follow as a warning, which Python prints
    to stderr when nothing else handles it: lines a user cannot act on. Our own notes say what was lost."""
    logger = logging.getLogger("pdfminer")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    try:
        yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def a_box(rows) -> bool:
    """A ruled frame around text, not a table: no row holds two cells with text (Regence prints its MEDICAL
    POLICY CRITERIA in such a box), and text fills most of its rows, two at least (a figure's frame or an
    axis ruled around one label, a summary box of Science's with empty rules between its parts, stay out of the
    text). Its text is read as the page's, headings and list items as they are set."""
    filled = sum(1 for row in rows if any(cell and cell.strip() for cell in row))
    return filled >= 2 and filled >= _BOX_FILLED * len(rows) and \
        all(sum(1 for cell in row if cell and cell.strip()) <= 1 for row in rows)


_BOX_FILLED = 0.6  # Regence's criteria box: 7 of 8 rows; Science's summary box: 6 of 11
