"""The MEDLINE/PubMed text format (PubMed's "Save as PubMed", .nbib files) to records.

Each record is a block of ``TAG - value`` lines (the tag padded to four
characters), values continued on lines indented by six spaces, records
separated by blank lines. The format is small enough that reading it here
costs fewer lines than a dependency would.
"""
from __future__ import annotations

import re

from kb.errors import KbError

from .records import CONCERN_IN, ERRATUM_IN, RETRACTION_IN, PubmedRecord, year_of

_TAG = re.compile(r"([A-Z0-9]{1,4}) *- ?(.*)$")
# MEDLINE tags of the comments/corrections that matter, as the XML's RefType names them.
_CORRECTION_TAGS = {"RIN": RETRACTION_IN, "ECI": CONCERN_IN, "EIN": ERRATUM_IN, "ROF": "RetractionOf",
                    "EFR": "ErratumFor", "ECF": "ExpressionOfConcernFor", "CIN": "CommentIn", "CON": "CommentOn",
                    "UIN": "UpdateIn", "UOF": "UpdateOf", "RPI": "RepublishedIn", "RPF": "RepublishedFrom"}
_PMID_IN_NOTE = re.compile(r"PMID:\s*(\d+)")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _blocks(text: str, source: str):
    """(first line number, [(tag, value, line)]) per record."""
    fields: list[tuple[str, str, int]] = []
    start = None
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            if fields:
                yield start, fields
            fields, start = [], None
            continue
        if line.startswith("      ") and fields:
            tag, value, at = fields[-1]
            fields[-1] = (tag, f"{value} {line.strip()}", at)
            continue
        m = _TAG.match(line)
        if not m:
            raise KbError(f"is not MEDLINE text here: '{line[:40]}' is not a 'TAG - value' line", source, number)
        if start is None:
            start = number
        fields.append((m.group(1), m.group(2).strip(), number))
    if fields:
        yield start, fields


def _iso(dp: str) -> str | None:
    """'2002 Sep 15' -> '2002-09-15'; seasons and ranges keep the year only."""
    parts = dp.split()
    year = year_of(dp)
    if not year:
        return None
    iso = str(year)
    if len(parts) > 1 and parts[1][:3].lower() in _MONTHS:
        iso += f"-{_MONTHS.index(parts[1][:3].lower()) + 1:02d}"
        if len(parts) > 2 and parts[2].isdigit():
            iso += f"-{int(parts[2]):02d}"
    return iso


def _record(start: int, fields, source: str) -> PubmedRecord:
    values: dict[str, list[str]] = {}
    for tag, value, _ in fields:
        values.setdefault(tag, []).append(value)
    one = lambda tag: (values.get(tag) or [""])[0]  # noqa: E731
    if fields[0][0] != "PMID":
        raise KbError(f"a MEDLINE record starts with {fields[0][0]}, not PMID", source, start)
    if not one("TI") and not one("BTI"):
        raise KbError(f"record PMID {one('PMID')} has no title (TI): the file looks truncated", source, start)
    doi = next((v.split(" [")[0] for tag in ("LID", "AID") for v in values.get(tag, []) if v.endswith("[doi]")), None)
    dep = one("DEP")  # electronic publication date, YYYYMMDD
    epub_iso = f"{dep[:4]}-{dep[4:6]}-{dep[6:8]}" if re.fullmatch(r"\d{8}", dep) else None
    corrections = []
    for tag, kind in _CORRECTION_TAGS.items():
        for note in values.get(tag, []):
            m = _PMID_IN_NOTE.search(note)
            corrections.append((kind, m.group(1) if m else note))
    surnames = tuple(a.rsplit(" ", 1)[0] if " " in a else a for a in values.get("AU", []))
    return PubmedRecord(
        pmid=one("PMID"), title=one("TI") or one("BTI"), authors=tuple(values.get("AU", [])) + tuple(values.get("CN", [])),
        surnames=surnames + tuple(values.get("CN", [])), year=year_of(one("DP")),
        epub_year=int(dep[:4]) if epub_iso else None, pub_date=epub_iso or _iso(one("DP")),
        journal=one("TA"), volume=one("VI") or None, issue=one("IP") or None, pages=one("PG") or None, doi=doi,
        status=one("PST") or None, pub_types=tuple(values.get("PT", [])),
        mesh=tuple(m.split("/")[0].lstrip("*") for m in values.get("MH", [])),
        keywords=tuple(values.get("OT", [])), abstract=one("AB"),
        corrections=tuple(corrections), source=source, line=start)


def parse_medline(text: str, source: str) -> list[PubmedRecord]:
    return [_record(start, fields, source) for start, fields in _blocks(text, source)]
