"""A PDF with a text layer to Markdown: glyphs by pypdfium2, ruled tables by pdfplumber.

Every glyph comes with its font, size and position (``pdf_glyphs``), which is
what a faithful reading needs: a citation marker is told from the text by its smaller
size and raised baseline (and becomes ``<sup>[n]</sup>``), a heading by its
larger size, a list item by its bullet (a glyph, or a small filled shape as
browsers draw it) or its printed label with a hanging indent. Running headers
and footers (lines in the top or bottom margin that repeat on most pages) and
page numbers are dropped (``pdf_furniture``); ligature glyphs are unfolded. Ruled tables become
pipe tables, or plain lines with a note when cells are merged. The layout of
lines into blocks is in ``pdf_layout``.

Refused with one line: a PDF that needs a password, and one with no text at all
(a scan: "no text layer: run OCR first").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from kb.errors import KbError
from kb.importers.blocks import LIGATURES, MarkdownWriter, emphasis, sup
from kb.importers.model import Converted
from kb.importers.pdf_cells import cell_groups
from kb.importers.pdf_columns import baseline_rows, margin_host
from kb.importers.pdf_entries import head_unheaded_list, rejoin_boxed_list, set_apart_supplement_lists
from kb.importers.pdf_footnotes import notes_after_columns
from kb.importers.pdf_furniture import drop_running_lines, drop_side_numbers
from kb.importers.pdf_initials import seat_drop_caps
from kb.importers.pdf_layout import Line, Table, write_blocks
from kb.importers.pdf_manuscript import drop_line_numbers
from kb.importers.pdf_order import page_order
from kb.importers.pdf_three_columns import document_gutter, page_gutters

_TEXT_BULLETS = "\u2022\u25e6\u25aa\u2023\u25cf\u25cb\u25a0\u25a1\u2043\u27a2\uf0b7"
_MARKER_TEXT = re.compile(r"^\s*[\[(]?[\d\s,;\-\u2013]{1,20}[\])]?\s*$")  # '[71]', '67]', '5,6'
_LEAD_LABEL = re.compile(r"^(?:\(?(?:\d{1,3}|[A-Za-z]|[IVXLivxl]{1,5})[.)]|[\u2022\u25e6\u25aa\u25cf\uf0b7-])$")
# bold as font names say it: '-Bold', 'Black', 'Heavy', 'Semibold', Times' '-Medi' (NimbusRomNo9L-Medi), and
# TeX's Computer Modern bold faces ('CMBX10', 'CMB10', 'CMSSBX10')
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|-medi(?:um)?$|(?:^|\+)cm(?:b|bx|ssbx)\d")
# spacing accents as TeX's older fonts print them, and the combining marks they stand for
_COMBINING = {"\u00b4": "\u0301", "`": "\u0300", "\u02dc": "\u0303", "\u00a8": "\u0308", "\u02c6": "\u0302",
              "\u02c7": "\u030c", "\u00af": "\u0304", "\u02d8": "\u0306", "\u02da": "\u030a", "\u00b8": "\u0327",
              "\u02d9": "\u0307", "\u02dd": "\u030b"}
_NUMBER_LABEL = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}[.)])(?:\s|$)")
# (JAMA sets the number alone in bold and its full stop plain: '**1**. Stevens JA')
_EMPHASISED_LABEL = re.compile(r"^(\*{1,3})(\(?\[?\d{1,3}[.\])]?)\1([.\])]?)(?=\s)")
# a list set wholly in italics ('*1. Whitlock EP, ... PMID 2065*', Capital Blue Cross's references): the label opens
# the emphasis, where a reader looks for the entry's number. Italics only: a bold run opening with a number is a
# section's title ('**1. Background:**', UnitedHealthcare's), no list's entry.
_LABEL_IN_EMPHASIS = re.compile(r"^(\*)(\[\d{1,3}\]|\d{1,3}[.)])\s+(?=[^\s*])")
_SUP_E_RANGE = re.compile(r"\d+(?:\s*[,e\u2013-]?\s*\d+)*")


def convert(data: bytes, source_name: str) -> Converted:
    from kb.importers.pdf_glyphs import PageGlyphs, a_box, open_pdf, owner_password_only, ruled_tables

    pdf = open_pdf(data)
    notes: list[str] = []
    try:
        if owner_password_only(pdf):
            notes.append("the PDF is encrypted with an owner password only (no password is needed to read it)")
        pages = []
        for number in range(1, len(pdf) + 1):
            try:
                pages.append(PageGlyphs(pdf[number - 1]))
            except Exception as exc:  # noqa: BLE001 - one unreadable page is reported, not fatal
                notes.append(f"page {number} could not be read ({type(exc).__name__}); its text is missing")
                pages.append(None)
    finally:
        pdf.close()
    tables, unread_tables = ruled_tables(data, [n for n, page in enumerate(pages, 1) if page and page.ruled])
    if unread_tables:
        notes.append(f"the ruled tables on page{'s' if len(unread_tables) > 1 else ''} "
                     f"{', '.join(map(str, unread_tables))} could not be read as tables; their cells are kept as lines")
    per_page = []
    in_columns: list[str] = []
    in_three: list[str] = []  # pages whose reference list is set in three columns
    cut_pages: list[str] = []
    found_tables = [[Table(number, *t) for t in tables.get(number, []) if not a_box(t[4])]
                    for number in range(1, len(pages) + 1)]
    page_chars = [[c for c in page.chars if not any(t.contains(c) for t in found)] if page else []
                  for page, found in zip(pages, found_tables)]
    side_numbers = line_numbers = 0
    for i, page in enumerate(pages):
        if page:
            page_chars[i], numbered = drop_line_numbers(seat_drop_caps(page_chars[i]), page.width)
            page_chars[i], removed = drop_side_numbers(page_chars[i], page.width)
            side_numbers, line_numbers = side_numbers + removed, line_numbers + numbered
    gutters = page_gutters(page_chars)
    known = document_gutter(gutters)
    for number, (page, found, chars, (frags, gutter)) in enumerate(zip(pages, found_tables, page_chars, gutters), 1):
        order = page_order(chars, frags, gutter, known)
        if order.columns == 2:
            in_columns.append(str(number))
        elif order.columns > 2:
            in_three.append(str(number))
        if order.spanning_cuts:
            cut_pages.append(str(number))
        lines = []
        # (a table row of two cells drawn without rules is read cell by cell: ``pdf_cells``)
        for column, group in enumerate(g for group in order.groups for g in cell_groups(group)):
            lines += [replace(line, column=column, right=group.right, left=group.left, cell=group.cell)
                      for line in _lines(list(group.chars), page.shapes if page else [], number, group.column)]
        per_page.append((lines, found))
    if not any(lines for lines, _ in per_page):
        raise KbError("has no text layer (a scanned PDF?): no text layer: run OCR first")
    empty = [str(n) for n, (lines, found) in enumerate(per_page, 1) if not lines and not found]
    if empty:
        notes.append(f"page{'s' if len(empty) > 1 else ''} {', '.join(empty)} ha{'ve' if len(empty) > 1 else 's'} "
                     "no text layer (scanned?); their content is missing: run OCR on them")
    kept, dropped = drop_running_lines([lines for lines, _ in per_page], [p.height if p else 792 for p in pages])
    dropped += side_numbers
    if not any(kept) and not any(found for _, found in per_page):
        raise KbError("has text only in its running headers or page numbers (a scanned PDF?): no text layer: "
                      "run OCR first")
    out = MarkdownWriter()
    notes += write_blocks(out, notes_after_columns(kept), [found for _, found in per_page])
    markdown = out.text()
    for form in (head_unheaded_list, rejoin_boxed_list, set_apart_supplement_lists):
        markdown, note = form(markdown)
        if note:
            notes.append(note)
    if dropped:
        notes.insert(0, f"{dropped} running header, footer and page-number lines were dropped")
    if line_numbers:
        notes.append(f"{line_numbers} line numbers printed in the left margin (a manuscript's) were left out")
    if in_columns:
        notes.append(f"{_pages(in_columns)} set in two columns read column by column (the left column first, "
                     "band by band under full-width titles, abstracts and figures)")
    if in_three:
        notes.append(f"{_pages(in_three)}: the reference list set in three columns read column by column")
    if cut_pages:
        notes.append(f"{_pages(cut_pages)}: a full-width figure, table or equation stands between two-column "
                     "text; the columns were read as stopping above it and resuming below it: check the order there")
    rotated = sum(p.rotated for p in pages if p)
    unmapped = sum(p.unmapped for p in pages if p)
    if rotated:
        notes.append(f"{rotated} characters set sideways or rotated (a watermark, a margin note) were left out")
    off_page = sum(p.off_page for p in pages if p)
    if off_page:
        notes.append(f"{off_page} characters set far outside their page (not printed) were left out")
    if unmapped:
        notes.append(f"{unmapped} glyphs have no Unicode text in the PDF's fonts and read as \ufffd")
    return Converted(markdown=markdown, format="pdf", notes=tuple(notes))


def _pages(numbers: list[str]) -> str:
    return f"page {numbers[0]}" if len(numbers) == 1 else f"{len(numbers)} pages ({', '.join(numbers)})"


def _lines(chars: list[dict], bullets: list[dict], page: int, in_column: bool = False) -> list[Line]:
    rows = baseline_rows(chars)
    # a row's size is its ink's: a space set at the text's size on a marker's raised baseline (as some
    # typesetters place the word gap after '5,6') would make the marker a line of body text of its own
    main = [max((c["size"] for c in row if c["text"].strip()), default=max(c["size"] for c in row)) for row in rows]
    merged: dict[int, list[tuple[dict, str]]] = {i: [(c, "") for c in row] for i, row in enumerate(rows)}
    for i, row in enumerate(rows):
        # a row of smaller glyphs whose baseline lies within a bigger row's height is that row's super- or
        # subscript: the citation markers a browser or word processor sets smaller and raised
        bottom = row[0]["bottom"]
        # its baseline within the bigger row's height: a smaller line set just above, its font's descent
        # touching the row below (BCBSRI's 'REFERENCES' label over '1. American ...'), is a line of its own
        baseline = bottom - 0.24 * main[i]
        hosts = [j for j, other in enumerate(rows) if j != i and main[j] >= 1.1 * main[i]
                 and min(c["top"] for c in other) - 1 <= bottom <= other[0]["bottom"] + 0.35 * main[j]
                 and baseline > min(c["top"] for c in other)
                 and min(c["x0"] for c in other) - 12 <= max(c["x1"] for c in row)
                 and min(c["x0"] for c in row) <= max(c["x1"] for c in other) + 12]
        if not hosts:
            beside = margin_host(rows, i, main)
            if beside is not None:
                merged[beside].extend((c, "label") for c in row)
                merged[i] = []
                continue
            # a marker wrapped onto a line of its own: it closes the line just above
            # (a wrapped line starts where the line above it starts, a first-line indent aside: small digits
            # further right under a line are a figure's labels, not its marker)
            above = [j for j, other in enumerate(rows) if main[j] >= 1.1 * main[i]
                     and 0 <= min(c["top"] for c in row) - other[0]["bottom"] < 0.6 * main[j]
                     and -2 <= min(c["x0"] for c in row) - min(c["x0"] for c in other) <= 2 * main[j]
                     and merged[j] and _MARKER_TEXT.match("".join(c["text"] for c in row))]
            if above:
                merged[above[-1]].extend((c, "sup-end") for c in row)
                merged[i] = []
            continue
        j = min(hosts, key=lambda j: abs(rows[j][0]["bottom"] - bottom))
        kind = "sup" if bottom < rows[j][0]["bottom"] - 0.12 * main[j] else "sub"
        merged[j].extend((c, kind) for c in row)
        merged[i] = []
    lines = []
    for glyphs in merged.values():
        if glyphs:
            line = _line(glyphs, bullets, page, in_column)
            if line:
                lines.append(line)
    return sorted(lines, key=lambda line: (line.top, line.x0))


def _line(glyphs: list[tuple[dict, str]], bullets: list[dict], page: int, in_column: bool = False) -> Line | None:
    glyphs = _compose_accents(sorted(glyphs, key=lambda g: (g[1] == "sup-end", g[0]["x0"])))
    # a narrow justified column spreads a short line's few words evenly, two ems apart or more: there a gap
    # is a cell boundary only when it is much wider than the line's own word gaps
    table_gap = 3 * _median_word_gap([c for c, kind in glyphs if not kind]) if in_column else 0.0
    body = [c for c, kind in glyphs if not kind] or [c for c, _ in glyphs]
    size = Counter(round(c["size"], 1) for c in body).most_common(1)[0][0]
    parts: list[str] = []
    run: list[str] = []  # glyphs of one style: (bold, italic) or "sup"
    style = None
    previous, previous_kind = None, ""
    for c, kind in glyphs:
        text = "".join(LIGATURES.get(ch, ch) for ch in c["text"])
        gap = previous is not None and text != " " and previous["text"] != " " and _word_gap(previous, c, kind)
        this = "sup" if kind.startswith("sup") else _style(c)
        if this != style and run:
            parts.append(_styled("".join(run), style))
            run = []
        if gap:
            # a gap of two ems or more between words is a column boundary (a table drawn without rules),
            # unless it only follows the list label at the start of the line
            column = kind == "" and previous_kind != "label" and c["x0"] - previous["x1"] > max(
                2 * c["size"], table_gap) and not _LEAD_LABEL.match("".join(parts + run).strip())
            (run if run else parts).append("\t" if column else " ")
        style = this
        run.append(text)
        previous, previous_kind = c, kind
    if run:
        parts.append(_styled("".join(run), style))
    text = _RAISED_PREFIX_IN_RUN.sub(r"<sup>\1</sup> <sup>\2</sup>", "".join(parts).strip())
    if not text:
        return None
    top = min(c["top"] for c in body)
    bottom = max(c["bottom"] for c in body)
    x0 = min(c["x0"] for c in body)
    # an entry number set in bold or italic ('**1.** Fischer R'): the emphasis is the label's typography, and a
    # label is read as one only bare
    text = _LABEL_IN_EMPHASIS.sub(r"\2 \1", _EMPHASISED_LABEL.sub(r"\2\3", text))
    bullet = text[0] in _TEXT_BULLETS
    marker_x = x0
    if bullet:
        text = text[1:].lstrip()
    elif not _NUMBER_LABEL.match(text):  # a line that prints its own number needs no bullet: a small shape beside
        # it (a box's corner mark, a link's frame) is not one
        for shape in bullets:
            middle = (shape["top"] + shape["bottom"]) / 2
            if top - 1 <= middle <= bottom + 1 and 0 <= x0 - shape["x1"] <= 2.5 * size:
                bullet, marker_x = True, shape["x0"]
                break
    word_end = body[0]["x1"]
    for before, c in zip(body, body[1:]):
        if c["text"] == " " or _word_gap(before, c, ""):
            break
        word_end = c["x1"]
    return Line(page, top, bottom, x0, max(c["x1"] for c, _ in glyphs), size, text, word_end - x0, bullet,
                marker_x)


# 'lobe.<sup>17 90</sup>Y-resin': two raised numbers a space apart, the second glued to the word after it, are a
# citation and a mass number (<sup>90</sup>Y): the last opens its word and is a run of its own
_RAISED_PREFIX_IN_RUN = re.compile(r"<sup>([^<]*[^<\s]) (\d{1,3}m?)</sup>(?=[^\W\d_])")


def _compose_accents(glyphs: list[tuple[dict, str]]) -> list[tuple[dict, str]]:
    """TeX without T1 fonts prints an accented letter as two glyphs, the letter and a spacing accent set over it
    ('Uren ˜a' for Ureña, 'Bo ¨hmer' for Böhmer): an accent whose middle stands over a neighbouring letter is
    composed with it into the one accented letter, and the gap the reader saw before the accent goes."""
    out = list(glyphs)
    i = 0
    while i < len(out):
        c, kind = out[i]
        mark = _COMBINING.get(c["text"])
        if mark:
            middle = (c["x0"] + c["x1"]) / 2
            for j in (i - 1, i + 1):
                if 0 <= j < len(out) and out[j][0]["text"].isalpha() and out[j][1] == kind and \
                        out[j][0]["x0"] - 0.5 <= middle <= out[j][0]["x1"] + 0.5:
                    base = out[j][0]
                    # (a dotless i takes the accent where TeX sets 'ï' as '\\"\\i')
                    composed = unicodedata.normalize("NFC", base["text"].replace("\u0131", "i") + mark)
                    if len(composed) == 1:  # only where Unicode has the accented letter
                        # the gaps PDFium infers around an accent set out of the text's order are no word gaps:
                        # the letter has a gap before it only where its distance from the glyph before shows one
                        before = out[min(i, j) - 1][0] if min(i, j) > 0 else None
                        space = before is not None and base["x0"] - before["x1"] > 0.22 * base["size"]
                        out[j] = (dict(base, text=composed, space_before=space), out[j][1])
                        del out[i]
                        i -= 1
                        break
        i += 1
    return out


def _median_word_gap(chars: list[dict]) -> float:
    ink = [c for c in chars if c["text"].strip()]
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(ink, ink[1:]) if _word_gap(a, b, ""))
    return gaps[len(gaps) // 2] if gaps else 0.0


def _word_gap(before: dict, c: dict, kind: str) -> bool:
    """A space between two glyphs: the PDF's own word gap (where the reader marks one), or a wide gap."""
    if c.get("space_before") and not kind:
        return True
    return c["x0"] - before["x1"] > 0.22 * min(c["size"], before["size"])


def _style(c: dict) -> tuple[bool, bool]:
    font = c["fontname"].lower()
    return bool(_BOLD_FONT.search(font)), "italic" in font or "oblique" in font


def _styled(text: str, style) -> str:
    if style == "sup":
        if _SUP_E_RANGE.fullmatch(text.strip()):
            # some journals' fonts (BMJ's) map the en dash to 'e' in their text layer: '5e7' is the range 5-7
            text = re.sub(r"(?<=\d)e(?=\d)", "\u2013", text)
        return sup(text)
    bold, italic = style
    return emphasis(emphasis(text, "*" if italic else ""), "**" if bold else "")
