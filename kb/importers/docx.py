"""A Word file (.docx) to Markdown, with python-docx.

Paragraph styles give the headings ("Heading 1".."Heading 6", "Title", or an
outline level); Word's list numbering gives each list item the number or letter
Word prints for it ("4.", "b.", "II."), computed from numbering.xml with its
start values and restarts, since those labels are not in the text itself. Runs
set in superscript (``vertAlign``, directly or through a character style)
become citation markers as printed; bold and italic runs stay bold and italic.
Deleted revisions are left out, inserted ones kept. Tables become pipe tables; a
table with merged cells is kept as plain lines and counted in the notes, as are
footnotes and text boxes (whose text is not in the body's flow). Endnotes numbered
in digits after a closing 'References' heading are that list
(``kb.importers.docx_notes``); a 'References:' line standing alone is a heading
and EndNote's ``12<tab>Author`` entries are read as numbered entries.
"""
from __future__ import annotations

import io
import re
import warnings
import zipfile

from kb.errors import KbError
from kb.importers.blocks import (MarkdownWriter, bold_heading, caps_heading, emphasis, fence_notes, reference_title,
                                 sup)
from kb.importers.docx_bibliography import WRITTEN_TITLE, number_alone, numbers_note
from kb.importers.docx_bibliography import note as bibliography_note
from kb.importers.docx_notes import ENDNOTE_REFERENCE, EndnoteList, endnote_list
from kb.importers.docx_numbering import Numbering, numbering_xml
from kb.importers.model import Converted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CONTAINERS = {f"{W}{t}" for t in ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml",
                                   "moveTo", "dir", "bdo")}
_HEADING_STYLE = re.compile(r"^heading\s*(\d)$", re.I)
# EndNote's '12<tab>Author', and ACS's '(12)<tab>Author' (Word's bibliography in the ACS style)
TAB_NUMBER = re.compile(r"^\s*(?:(\d{1,4})|\((\d{1,4})\))\s*\t\s*(?=\S)")


def convert(data: bytes, source_name: str) -> Converted:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        with warnings.catch_warnings():  # zipfile's 'Duplicate name' and the like: a library's, not the user's
            warnings.simplefilter("ignore")
            document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError, EOFError) as exc:
        raise KbError(f"is not a readable Word document (damaged: {type(exc).__name__}: {exc})") from None
    reader = _Reader(document)
    body = document.element.body
    reader.deepest = max((reader.styles.heading_level(_val(p.find(f"{W}pPr"), "pStyle"), p.find(f"{W}pPr")) or 1
                          for p in body.iter(f"{W}p")), default=1)
    reader.endnotes = endnote_list(document, body, _ends_with_reference_heading(body))
    reader.body(body)
    if reader.bibliography and not reader.seen_reference_heading:
        many = "s" if reader.bibliography != 1 else ""
        raise KbError(f"has a bibliography ({reader.bibliography} paragraph{many} in Word's 'Bibliography' style) "
                      "with no heading above it; add a 'References' heading in Word and import again")
    notes = []
    if reader.endnotes:
        for note_id, number in sorted(reader.endnotes.numbers.items(), key=lambda item: item[1]):
            note = reader.endnotes.notes[note_id]
            reader.out.item(0, f"{number}.", " ".join(reader.runs(p) for p in note.iter(f"{W}p")))
        notes.append(f"{len(reader.endnotes.numbers)} endnotes were written as the reference list under the last "
                     "heading, numbered as Word prints them, and their references as markers (<sup>n</sup>)")
    if reader.footnotes:
        notes.append(f"{reader.footnotes} footnote or endnote references: the notes' text is not imported")
    if reader.text_boxes:
        notes.append(f"{reader.text_boxes} text boxes or drawings with text are not imported")
    if reader.tab_numbered:
        notes.append(f"{reader.tab_numbered} reference entries printed as a number and a tab were written "
                     "with a dot after the number ('12.', also for '(12)'), as the reader reads a numbered entry")
    if reader.held_count:
        notes.append(numbers_note(reader.held_count))
    notes += fence_notes(reader.out)
    notes += reader.notes
    return Converted(markdown=reader.out.text(), format="docx", notes=tuple(notes))


def _ends_with_reference_heading(body) -> bool:
    """Whether the last paragraph with text names the reference list (Word prints endnotes after it)."""
    last = ""
    for p in body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t")).strip()
        last = text or last
    return bool(last) and reference_title(last)


class _Reader:
    def __init__(self, document) -> None:
        self.out = MarkdownWriter()
        self.notes: list[str] = []
        self.footnotes = 0
        self.text_boxes = 0
        self.styles = _Styles(document.styles.element)
        self.numbering = Numbering(numbering_xml(document))
        self.deepest = 1  # the deepest heading level the styles give: a hand-set heading goes below it
        self.in_refs = False  # under a reference heading
        self.seen_reference_heading = False
        self.bibliography = 0  # paragraphs in Word's Bibliography style (a reference manager's list)
        self.endnotes = EndnoteList()  # endnotes written as the reference list, when they are that
        self.tab_numbered = 0  # entries printed 'n<tab>', written 'n.'
        self.after_heading: tuple[int, str] | None = None  # the heading just written, until a paragraph follows
        self.held: str | None = None  # an entry's number printed alone, waiting for the entry's paragraph
        self.held_count = 0

    def body(self, element) -> None:
        for child in element:
            if child.tag == f"{W}p":
                self.paragraph(child)
            elif child.tag == f"{W}tbl":
                self.table(child)
            elif child.tag in _CONTAINERS:
                self.body(child)

    def paragraph(self, p) -> None:
        ppr = p.find(f"{W}pPr")
        style = _val(ppr, "pStyle")
        text = self.runs(p)
        cited = bool(text.strip()) and self.styles.named(style, "bibliography")
        self.bibliography += cited
        if cited and not self.in_refs and self.after_heading is not None:  # under a heading naming no list
            self.notes.append(bibliography_note(self.after_heading[1]))
            self.heading(min(self.after_heading[0] + 1, 6), WRITTEN_TITLE)
        if text.strip():  # an empty paragraph (Word's spacing) keeps the heading above the list
            self.after_heading = None
        level = self.styles.heading_level(style, ppr)
        num_id, ilvl = self.styles.numbering(style, ppr)
        label = self.numbering.label(num_id, ilvl) if num_id else None
        tab_label = TAB_NUMBER.match(text) if self.in_refs and not label else None
        if self.in_refs and not (level or label) and (alone := number_alone(text)):
            self.held = alone  # '1.' alone: the label of the entry in the next paragraph
        elif self.held and text.strip() and not level:
            self.held_count += 1
            self.out.item(0, f"{self.held}.", text)
            self.held = None
        elif level:
            self.heading(level, f"{label} {text}" if label and label != "-" else text)
        elif label:
            self.out.item(ilvl, label, text)
        elif tab_label:  # EndNote's numbered bibliography: '12<tab>Author A...', the tab Word's label gap
            self.tab_numbered += 1
            self.out.item(0, (tab_label.group(1) or tab_label.group(2)) + ".", text[tab_label.end():])
        elif bold_heading(text) or caps_heading(text) or reference_title(text):  # set by hand: a short bold line, or
            self.heading(min(self.deepest + 1, 6), text)     # 'References:' alone on a line in body text
        else:
            self.out.paragraph(text)

    def heading(self, level: int, text: str) -> None:
        self.in_refs = reference_title(text)
        self.seen_reference_heading |= self.in_refs
        self.out.heading(level, text)
        self.after_heading = (level, text)

    def runs(self, p) -> str:
        pieces: list[tuple[tuple[bool, bool, bool], str]] = []
        self._collect(p, pieces)
        out, group, kind = [], [], None
        for key, text in pieces + [(None, "")]:
            if key != kind and group:
                out.append(_format(kind, "".join(group)))
                group = []
            kind = key
            group.append(text)
        return "".join(out)

    def _collect(self, element, pieces) -> None:
        for child in element:
            ref = child.find(ENDNOTE_REFERENCE) if child.tag == f"{W}r" and self.endnotes else None
            if ref is not None and ref.get(f"{W}id") in self.endnotes.numbers:
                pieces.append(((True, False, False), str(self.endnotes.numbers[ref.get(f"{W}id")])))
            elif child.tag == f"{W}r":
                key = self.styles.run_format(child.find(f"{W}rPr"))
                pieces.append((key, self._run_text(child)))
            elif child.tag in _CONTAINERS:
                self._collect(child, pieces)

    def _run_text(self, run) -> str:
        parts = []
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
                self.footnotes += 1
            elif tag in (f"{W}drawing", f"{W}pict", f"{W}object") and any(
                    el.tag == f"{W}txbxContent" for el in child.iter()):
                self.text_boxes += 1
        return "".join(parts)

    def table(self, tbl) -> None:
        self.after_heading = None
        rows, merged = [], False
        for tr in tbl.findall(f"{W}tr"):
            cells = []
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = _val(tcpr, "gridSpan")
                merged |= (span not in (None, "1")) or (tcpr is not None and tcpr.find(f"{W}vMerge") is not None)
                cells.append(" ".join(self.runs(p) for p in tc.iter(f"{W}p")))
            rows.append(cells)
        if merged:
            self.out.plain_lines(rows)
            self.notes.append(f"a table with merged cells ({len(rows)} rows) is kept as plain lines, one row per line")
        else:
            self.out.table(rows)


def _format(key, text: str) -> str:
    if key is None:
        return text
    superscript, bold, italic = key
    if superscript:
        return sup(text)
    return emphasis(emphasis(text, "*" if italic else ""), "**" if bold else "")


def _val(parent, name: str) -> str | None:
    if parent is None:
        return None
    el = parent.find(f"{W}{name}")
    return None if el is None else el.get(f"{W}val")


def _on(rpr, name: str) -> bool | None:
    """A toggle property (bold, italic): True, False, or None when the run does not say."""
    if rpr is None:
        return None
    el = rpr.find(f"{W}{name}")
    if el is None:
        return None
    return el.get(f"{W}val", "true").lower() not in ("0", "false", "off", "none")


class _Styles:
    """Paragraph and character styles, with what a paragraph or run inherits through basedOn."""

    def __init__(self, styles_element) -> None:
        self.by_id = {s.get(f"{W}styleId"): s for s in styles_element.findall(f"{W}style")}

    def _chain(self, style_id):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style, "basedOn")

    def named(self, style_id, name: str) -> bool:
        """Whether the style, or one it is based on, has this name (case aside)."""
        return any((_val(style, "name") or "").lower() == name for style in self._chain(style_id))

    def heading_level(self, style_id, ppr) -> int | None:
        outline = _val(ppr, "outlineLvl")
        for style in self._chain(style_id):
            name = _val(style, "name") or ""
            m = _HEADING_STYLE.match(name)
            if m:
                return int(m.group(1))
            if name.lower() == "title":
                return 1
            outline = outline or _val(style.find(f"{W}pPr"), "outlineLvl")
        return int(outline) + 1 if outline and outline.isdigit() and int(outline) < 6 else None

    def numbering(self, style_id, ppr) -> tuple[str | None, int]:
        sources = [ppr] + [s.find(f"{W}pPr") for s in self._chain(style_id)]
        for source in sources:
            numpr = None if source is None else source.find(f"{W}numPr")
            if numpr is not None:
                num_id = _val(numpr, "numId")
                ilvl = _val(numpr, "ilvl")
                return (None if num_id in (None, "0") else num_id), int(ilvl) if ilvl and ilvl.isdigit() else 0
        return None, 0

    def run_format(self, rpr) -> tuple[bool, bool, bool]:
        values: dict[str, bool | None] = {"vertAlign": None, "b": _on(rpr, "b"), "i": _on(rpr, "i")}
        align = _val(rpr, "vertAlign")
        position = _val(rpr, "position")
        if align:
            values["vertAlign"] = align == "superscript"
        elif position and position.lstrip("-").isdigit() and int(position) > 0:
            values["vertAlign"] = True  # raised text: Word's other way of setting a marker up
        for style in self._chain(_val(rpr, "rStyle")):
            srpr = style.find(f"{W}rPr")
            if values["vertAlign"] is None and _val(srpr, "vertAlign"):
                values["vertAlign"] = _val(srpr, "vertAlign") == "superscript"
            for name in ("b", "i"):
                if values[name] is None:
                    values[name] = _on(srpr, name)
        return bool(values["vertAlign"]), bool(values["b"]), bool(values["i"])
