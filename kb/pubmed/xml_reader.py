"""PubMed XML (efetch, or PubMed's "Save as XML") to records.

The standard library's ElementTree reads it: PubMed XML is plain, the few
paths we need are stable across DTD versions, and its C parser reads ten
thousand records in well under a second. Expat never fetches the DOCTYPE's
DTD, so reading works offline.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kb.errors import KbError

from .records import PubmedRecord, year_of

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
ROOTS = ("PubmedArticleSet", "PubmedArticle", "PubmedBookArticle")
_CHUNK = 1 << 20


def _text(el) -> str:
    """All text inside an element, markup (<i>, <sup>) dropped, spacing normalised."""
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _date(el) -> tuple[int | None, str | None]:
    """(year, ISO date as precise as the record is) from a PubDate, ArticleDate or MedlineDate."""
    if el is None:
        return None, None
    year_el = el.find("Year")
    if year_el is None:
        year = year_of(_text(el.find("MedlineDate")))
        return year, str(year) if year else None
    year = int(year_el.text) if (year_el.text or "").strip().isdigit() else year_of(year_el.text)
    iso = str(year) if year else None
    month = (el.findtext("Month") or "").strip().lower()
    month_no = int(month) if month.isdigit() else _MONTHS.get(month[:3])
    if iso and month_no:
        iso += f"-{month_no:02d}"
        day = (el.findtext("Day") or "").strip()
        if day.isdigit():
            iso += f"-{int(day):02d}"
    return year, iso


def _authors(container) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names, surnames = [], []
    for a in container.findall("AuthorList/Author") if container is not None else ():
        last = _text(a.find("LastName"))
        if last:
            names.append(f"{last} {_text(a.find('Initials'))}".strip())
            surnames.append(last)
        else:
            collective = _text(a.find("CollectiveName"))
            if collective:
                names.append(collective)
                surnames.append(collective)
    return tuple(names), tuple(surnames)


def _pages(article) -> str | None:
    pgn = _text(article.find("Pagination/MedlinePgn"))
    if pgn:
        return pgn
    start, end = _text(article.find("Pagination/StartPage")), _text(article.find("Pagination/EndPage"))
    if start:
        return f"{start}-{end}" if end else start
    eloc = next((_text(e) for e in article.findall("ELocationID") if e.get("EIdType") == "pii"), "")
    return eloc or None


def _doi(article, data) -> str | None:
    for e in article.findall("ELocationID") if article is not None else ():
        if e.get("EIdType") == "doi" and _text(e):
            return _text(e)
    for e in data.findall("ArticleIdList/ArticleId") if data is not None else ():
        if e.get("IdType") == "doi" and _text(e):
            return _text(e)
    return None


def _corrections(citation) -> tuple[tuple[str, str], ...]:
    out = []
    for c in citation.findall("CommentsCorrectionsList/CommentsCorrections"):
        kind = c.get("RefType") or ""
        if kind in ("Cites", ""):  # the reference list of the paper: not about the paper itself
            continue
        out.append((kind, _text(c.find("PMID")) or _text(c.find("RefSource"))))
    return tuple(out)


def _article(el, source: str) -> PubmedRecord | None:
    citation, data = el.find("MedlineCitation"), el.find("PubmedData")
    if citation is None:
        return None
    article = citation.find("Article")
    journal = article.find("Journal") if article is not None else None
    year, iso = _date(journal.find("JournalIssue/PubDate") if journal is not None else None)
    epub = next((d for d in (article.findall("ArticleDate") if article is not None else ())
                 if d.get("DateType", "Electronic") == "Electronic"), None)
    epub_year, epub_iso = _date(epub)
    names, surnames = _authors(article)
    return PubmedRecord(
        pmid=_text(citation.find("PMID")),
        title=_text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle")) if article is not None else "",
        authors=names, surnames=surnames, year=year, epub_year=epub_year,
        pub_date=epub_iso or iso,
        journal=(_text(journal.find("ISOAbbreviation")) if journal is not None else "")
        or _text(citation.find("MedlineJournalInfo/MedlineTA")),
        volume=_text(journal.find("JournalIssue/Volume")) or None if journal is not None else None,
        issue=_text(journal.find("JournalIssue/Issue")) or None if journal is not None else None,
        pages=_pages(article) if article is not None else None,
        doi=_doi(article, data),
        status=_text(data.find("PublicationStatus")) or None if data is not None else None,
        pub_types=tuple(_text(p) for p in citation.findall("Article/PublicationTypeList/PublicationType")),
        mesh=tuple(_text(m) for m in citation.findall("MeshHeadingList/MeshHeading/DescriptorName")),
        keywords=tuple(_text(k) for k in citation.findall("KeywordList/Keyword")),
        abstract=" ".join(_text(a) for a in citation.findall("Article/Abstract/AbstractText")),
        corrections=_corrections(citation), source=source)


def _book(el, source: str) -> PubmedRecord | None:
    doc = el.find("BookDocument")
    if doc is None:
        return None
    book = doc.find("Book")
    year, iso = _date(book.find("PubDate") if book is not None else None)
    names, surnames = _authors(doc)
    if not names and book is not None:
        names, surnames = _authors(book)
    return PubmedRecord(
        pmid=_text(doc.find("PMID")),
        title=_text(doc.find("ArticleTitle")) or (_text(book.find("BookTitle")) if book is not None else ""),
        authors=names, surnames=surnames, year=year, pub_date=iso,
        journal=_text(book.find("Publisher/PublisherName")) if book is not None else "",
        pub_types=tuple(_text(p) for p in doc.findall("PublicationType")),
        abstract=" ".join(_text(a) for a in doc.findall("Abstract/AbstractText")), source=source, status="ppublish")


_RECORDS = {"PubmedArticle": _article, "PubmedBookArticle": _book}


def _parse_error(exc: ET.ParseError, source: str) -> KbError:
    line, column = exc.position
    reason = str(exc).split(":")[0]
    if reason in ("no element found", "unclosed token"):
        return KbError(f"ends before its XML is complete (column {column}): the file looks truncated", source, line)
    return KbError(f"is not well-formed XML ({reason}, column {column})", source, line)


_DECLARED = re.compile(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


def check_encoding(data: bytes, source: str) -> None:
    """Bytes that are not in the encoding the file declares (UTF-8 unless it says otherwise)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte-order mark is valid XML; expat reads it
    m = _DECLARED.match(data.lstrip()[:200])
    encoding = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        data.decode(encoding)
    except LookupError:
        raise KbError(f"declares an encoding Python does not know ({encoding})", source) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KbError(f"is not {encoding.upper()} as it declares (byte 0x{data[exc.start]:02x}); "
                      "export it again, or re-save it as UTF-8", source, line) from None


# Parts of a record nothing here reads, cut before the record-by-record parse: author affiliations, the
# paper's own reference list, grants, chemicals, processing dates. None of them nests in itself and a
# self-closing tag is never matched; should a cut ever break a record, the whole-document parser reads the
# file as it is.
_UNREAD = (b"AffiliationInfo", b"Identifier", b"Reference", b"GrantList", b"ChemicalList", b"History",
           b"DateCompleted", b"DateRevised", b"InvestigatorList", b"SupplMeshList", b"CoiStatement",
           b"DataBankList", b"QualifierName", b"CopyrightInformation")
_PRUNE = re.compile(rb"<(" + b"|".join(_UNREAD) + rb")(?:\s[^>]*)?(?<!/)>.*?</\1>"
                    rb'|<CommentsCorrections RefType="Cites">.*?</CommentsCorrections>', re.S)
_PROLOG = re.compile(rb"\s*(?:<\?xml[^>]*\?>)?\s*(?:<!DOCTYPE[^>\[]*>)?\s*<PubmedArticleSet>")
_RECORD_END = re.compile(rb"</(?:PubmedArticle|PubmedBookArticle)>")


def parse_xml(data: bytes, source: str) -> list[PubmedRecord]:
    """Every article and book record in a PubMed XML export; anything else is an input error.

    The usual export (UTF-8, a PubmedArticleSet of records) is cut at each
    record's end tag, which cannot occur inside text, and each record is
    parsed on its own: no record is held longer than it takes to read it,
    and the C parser builds each one without a Python call per element.
    Anything else, or any error, goes through the whole-document parser,
    which also gives an error's true line.
    """
    check_encoding(data, source)
    fast = _by_record(_PRUNE.sub(b"", data), source)
    if fast is not None:
        return fast
    return read_whole(data, source)


def read_whole(data: bytes, source: str) -> list[PubmedRecord]:
    """The whole-document reader: any PubMed XML shape and encoding, errors with their true line."""
    try:
        return _parse(data, source)
    except ET.ParseError as exc:
        raise _parse_error(exc, source) from None


def _by_record(data: bytes, source: str) -> list[PubmedRecord] | None:
    head = _PROLOG.match(data)
    declared = _DECLARED.match(data.lstrip()[:200])
    if head is None or (declared and declared.group(1).lower() not in (b"utf-8", b"utf8")):
        return None
    end = data.rfind(b"</PubmedArticleSet>")
    if end < 0 or data[end + len(b"</PubmedArticleSet>"):].strip():
        return None
    out: list[PubmedRecord] = []
    pos = head.end()
    try:
        for m in _RECORD_END.finditer(data, pos, end):
            el = ET.fromstring(data[pos:m.end()])
            record = _RECORDS[el.tag](el, source) if el.tag in _RECORDS else None
            if record is not None and record.pmid:
                out.append(record)
            pos = m.end()
    except ET.ParseError:
        return None
    return out if not data[pos:end].strip() else None


def _parse(data: bytes, source: str) -> list[PubmedRecord]:
    parser = ET.XMLPullParser(events=("end",))
    out: list[PubmedRecord] = []
    last = None
    for start in range(0, len(data), _CHUNK):
        parser.feed(data[start:start + _CHUNK])
        for _, el in parser.read_events():
            last = el
            if el.tag in _RECORDS:
                record = _RECORDS[el.tag](el, source)
                if record is not None and record.pmid:
                    out.append(record)
                el.clear()
    parser.close()
    for _, el in parser.read_events():
        last = el
    if last is None or last.tag not in ROOTS:  # the last element to end is the root
        tag = last.tag if last is not None else "?"
        hint = f" (NCBI says: {_text(last.find('ERROR'))})" if last is not None and last.find("ERROR") is not None else ""
        raise KbError(f"is XML but not PubMed: its root element is <{tag}>, not <PubmedArticleSet>{hint}", source)
    return out
