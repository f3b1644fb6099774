"""Bring a policy in from the form it arrives in: detect the format, convert it to Markdown.

The format is read from the content (a PDF starts with ``%PDF-``, a Word file is
a zip archive holding ``word/document.xml``, JATS is XML with an ``<article>``
root), the file name only breaks ties. Each format has a converter module,
``kb.importers.<module>``, with ``convert(data, source_name) -> Converted``; it
is imported only when a file of that format is imported, so its library (PDF,
Word, HTML parsing) costs nothing to the other commands.
"""
from __future__ import annotations

import importlib
import io
import re
import zipfile

from kb.errors import KbError
from kb.importers.model import Converted

# format -> converter module under kb.importers
CONVERTERS = {
    "html": "html",
    "docx": "docx",
    "pdf": "pdf",
    "jats": "jats",
    "markdown": "text",
}
FORMAT_WORDS = {"html": "html", "htm": "html", "docx": "docx", "word": "docx", "pdf": "pdf", "jats": "jats",
                "xml": "jats", "nxml": "jats", "markdown": "markdown", "md": "markdown", "text": "markdown",
                "txt": "markdown"}
KNOWN = "HTML, Word .docx, PDF, JATS XML, Markdown or plain text"

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of .doc, .xls, and of password-protected .docx
_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*", re.S)
_HTML_HINT = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|h[1-6]|table|ol|ul)[\s>]",
                        re.I)


def detect(data: bytes, name: str = "") -> str:
    """The format of a file from its first bytes: one of CONVERTERS, or a KbError naming what it is."""
    head = data[:4096]
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(_OLE):
        if _ENCRYPTED_OOXML in data:
            raise KbError("is a password-protected Word document; save a copy without a password and import that")
        raise KbError("is an old binary Office file (.doc); save it as .docx (Word) and import that")
    if not data.strip():
        raise KbError("is empty")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise KbError("is UTF-16 text; re-save it as UTF-8")
    if b"\x00" in head:
        raise KbError(f"is a binary file in a format kb import does not read (it reads {KNOWN})")
    start = head[_XML_START.match(head).end():]
    if re.match(rb"<!DOCTYPE\s+article|<article[\s>]", start, re.I) or (
            head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml") and re.search(rb"<article[\s>]", head)):
        return "jats"
    if _HTML_HINT.search(head) and start.startswith(b"<"):
        return "html"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        raise KbError(f"is XML but neither JATS (an <article>) nor XHTML; kb import reads {KNOWN}")
    if name.lower().endswith((".html", ".htm", ".xhtml")) and _HTML_HINT.search(head):
        return "html"
    return "markdown"


def _zip_format(data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise KbError(f"is a damaged zip archive (a corrupt .docx?): {exc}") from None
    if "word/document.xml" in names:
        return "docx"
    raise KbError(f"is a zip archive but not a Word document (no word/document.xml); kb import reads {KNOWN}")


def format_word(word: str) -> str | None:
    """The format an explicit word on the command line names ('pdf', 'jats', 'word'), or None."""
    return FORMAT_WORDS.get(word.lower())


def convert(data: bytes, source_name: str, fmt: str | None = None, *, require_references: bool = True) -> Converted:
    """Convert a file's bytes: ``fmt`` if given, else the detected format. Bad input raises KbError, and so does a
    text with no reference list unless ``require_references`` is false (a measurement of other parts)."""
    fmt = fmt or detect(data, source_name)
    module_name = CONVERTERS.get(fmt)
    if module_name is None:
        raise KbError(f"unknown format '{fmt}' (kb import reads {', '.join(CONVERTERS)})")
    try:
        module = importlib.import_module(f"kb.importers.{module_name}")
    except ModuleNotFoundError as exc:
        missing = exc.name or module_name
        if missing == f"kb.importers.{module_name}":
            raise KbError(f"{fmt} import is not available in this installation (kb.importers.{module_name} "
                          "is missing)") from None
        raise KbError(f"{fmt} import needs the Python package '{missing.split('.')[0]}'; install policykb "
                      "with its dependencies (pip install -c constraints.txt -e .)") from None
    converted = module.convert(data, source_name)
    if require_references:
        require_reference_list(converted.markdown)
    return converted


def require_reference_list(markdown: str) -> None:
    """Every command reads the reference list: a page saved without its policy (only the site's frame), or a
    document whose references were not found, is refused rather than written. The policy reader itself is
    asked, so an import never writes a policy that `kb check` would then refuse (a References heading with
    no entries under it, one Markdown would read inside a code block)."""
    from kb.read.parse_policy import HEADING, REFERENCE_HEADING, heading_title, parse_policy

    if not any((m := HEADING.match(line)) and REFERENCE_HEADING.match(heading_title(m.group("title")))
               for line in markdown.splitlines()):
        last = _unheaded_entries(markdown)
        if last:
            # a preprint may print its numbered list under no heading at all: say what was seen, not just what wasn't
            raise KbError(f"no reference list was found (no References heading): entries numbered 1 to {last} are "
                          "printed under no heading, which kb does not read as the reference list")
        raise KbError("no reference list was found (no References heading); import the whole policy, "
                      "for a web page its full or printable version")
    doc = parse_policy(markdown)
    if not doc.references:
        problem = next((p for p in doc.problems if p.kind in ("no-reference-list", "empty-reference-list")), None)
        why = problem.message if problem else "the policy has no reference list"
        where = f" (line {problem.line} of the converted text)" if problem and problem.line > 1 else ""
        raise KbError(f"no reference list could be read in the converted text: {why}{where}")


def _unheaded_entries(markdown: str) -> int:
    """The last number of a run of lines numbered from [1] (or 1.) in order, three or more; 0 if none."""
    from kb.read.parse_policy import ENTRY

    expected = 1
    for line in markdown.splitlines():
        m = ENTRY.match(line)
        if m and int(m.group("b") or m.group("n")) == expected:
            expected += 1
        elif m and int(m.group("b") or m.group("n")) == 1:
            expected = 2
    return expected - 1 if expected > 3 else 0
