"""Word endnotes that are the reference list: a document that ends with its 'References' heading and cites by
endnote prints the endnotes right there, numbered 1, 2, 3 in the order they are cited.

Word keeps an endnote's text apart (word/endnotes.xml) and marks the place it is
cited with a reference whose number is not in the text: Word counts the
references in reading order and prints the count in the note format the
settings give (lower-case Roman numerals unless the author chose digits). Only
when the format is digits and nothing follows the last reference heading are
the endnotes written as that list, their references as superscript markers;
otherwise they stay out as before (counted in the import report).
"""
from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENDNOTE_REFERENCE = f"{W}endnoteReference"


@dataclass(frozen=True)
class EndnoteList:
    numbers: dict = field(default_factory=dict)  # endnote id -> the number Word prints for it
    notes: dict = field(default_factory=dict)  # endnote id -> its <w:endnote> element

    def __bool__(self) -> bool:
        return bool(self.numbers)


def endnote_list(document, body, ends_with_reference_heading: bool) -> EndnoteList:
    """The endnotes to write as the reference list, or an empty EndnoteList when they are not that."""
    if not ends_with_reference_heading or _format(document, body) != "decimal":
        return EndnoteList()
    notes = _endnotes(document)
    numbers: dict = {}
    for ref in body.iter(ENDNOTE_REFERENCE):
        note_id = ref.get(f"{W}id")
        if note_id in notes and note_id not in numbers:
            numbers[note_id] = len(numbers) + 1
    return EndnoteList(numbers, notes) if numbers else EndnoteList()


def _format(document, body) -> str:
    """The endnotes' number format: the last section's setting, else the document settings', else Word's
    default (lowerRoman)."""
    places = [body.find(f"{W}sectPr")]
    try:
        places.append(document.settings.element)
    except (KeyError, ValueError, AttributeError):
        pass
    for place in places:
        pr = None if place is None else place.find(f"{W}endnotePr")
        fmt = None if pr is None else pr.find(f"{W}numFmt")
        if fmt is not None and fmt.get(f"{W}val"):
            return fmt.get(f"{W}val")
    return "lowerRoman"


def _endnotes(document) -> dict:
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/endnotes.xml":
            root = etree.fromstring(part.blob)
            return {n.get(f"{W}id"): n for n in root.iter(f"{W}endnote")
                    if n.get(f"{W}type") in (None, "normal")}
    return {}
