"""Parse one numbered reference-list entry (Vancouver/NLM style) into fields.

Pure: text in, ``ReferenceEntry`` out, never raises on content. Fields the
entry does not have stay ``None``; the checks decide what is missing.
"""
from __future__ import annotations

import re

from kb.read.model import ReferenceEntry

_PARTICLE = r"(?:van|von|de|der|den|da|di|du|la|le|del|della|dos|das|ten|ter|St\.?|Mc|Mac)"
_SURNAME_WORD = r"[A-Z\u00C0-\u00DE][\w'\u2019\u00C0-\u00FF\-]*"
_SURNAME = rf"(?:{_PARTICLE}\s+)*{_SURNAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_SURNAME_WORD})*?"
_INITIALS = r"[A-Z](?:\.?-?[A-Z]){0,3}\.?"
_SUFFIX = r"(?:Jr|Sr|2nd|3rd|4th|II|III|IV)\.?"
_AUTHOR = rf"{_SURNAME}\s+{_INITIALS}(?:,?\s+{_SUFFIX})?"
_AUTHOR_LIST = re.compile(
    rf"^\s*(?P<list>{_AUTHOR}(?:,\s*{_AUTHOR})*)(?P<etal>,?\s*et\s+al)?\.?\s+(?=\S)"
)
_ONE_AUTHOR = re.compile(rf"(?P<surname>{_SURNAME})\s+(?P<initials>{_INITIALS})(?:,?\s+{_SUFFIX})?$")

_ORG_WORDS = re.compile(
    r"\b(Academy|Society|Institute|College|Association|Agency|Organi[sz]ation|Committee|"
    r"Foundation|Department|Centers?|Council|Board|Task Force|Federation|Excellence|"
    r"Administration|Collaboration|Group|Network|Office|Ministry)\b"
)
_PMID = re.compile(r"\bPMID:?\s*(?P<v>[^\s.;,:][^\s.;,]*)", re.IGNORECASE)
_DOI = re.compile(r"(?:\bdoi:?\s*|https?://(?:dx\.)?doi\.org/)(?P<v>10\.\S+?)(?=[\s>]|\.?\s|\.?$)", re.IGNORECASE)
_URL = re.compile(r"<?(?P<v>https?://[^\s>]+?)>?(?=[\s.]*$|\s|>)")
_CITED = re.compile(r"\[(?:cited|accessed)\s*:?\s*(?P<v>[^\]]+)\]", re.IGNORECASE)
_ACCESSED = re.compile(r"\b(?:accessed|cited)\s*:?\s*(?P<v>[A-Z][a-z]+ \d{1,2},? \d{4}|\d{1,2}/\d{1,2}/\d{4})", re.IGNORECASE)
_ITALIC = re.compile(r"(?<!\*)\*(?!\*)(?P<v>[^*]+?)\*(?!\*)|(?<!_)_(?P<u>[^_]+?)_(?!_)")
# "2014;29(6):1346-55", "2015;4:CD006349", "2021;9(10)", "2015;25 Suppl 1:S77-85", "2017."
_PUB = re.compile(
    r"(?P<year>(?:1[89]|20)\d{2})[a-z]?(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?"
    r"(?:\s*;\s*(?P<volume>[\w ]+?)?\s*(?:\((?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>[\w\-\u2013]+(?:;\s*discussion\s*[\w\-]+)?))?)?"
    r"(?=\s*[.;]|\s*$|\s+PMID|\s+doi)"
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip(" .;,")


def split_authors(author_list: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """'McConnell CT, Jr., Wippold FJ, 2nd' -> authors and their surnames."""
    pieces = [p.strip() for p in author_list.split(",")]
    merged: list[str] = []
    for piece in pieces:
        if re.fullmatch(_SUFFIX, piece) and merged:
            merged[-1] += f", {piece}"  # a suffix belongs to the author before it
        elif piece:
            merged.append(piece)
    surnames = []
    for author in merged:
        m = _ONE_AUTHOR.match(author.split(",")[0].strip())
        surnames.append(m.group("surname") if m else author.split()[0])
    return tuple(merged), tuple(surnames)


def surname_and_initials(author: str) -> tuple[str, str] | None:
    """'McConnell CT' -> ('McConnell', 'CT'); None when the name is not a surname followed by initials."""
    m = _ONE_AUTHOR.match(author)
    return (m.group("surname"), m.group("initials")) if m else None


_AVAILABLE = re.compile(r"'?\s*Available\s+(?:from|at)\s*:?\s*'?", re.IGNORECASE)
_ANY_URL = re.compile(r"<?https?://\S+>?")
_EPUB = re.compile(r"\bEpub ahead of print\b\.?", re.IGNORECASE)
# (pattern, a lower-case word it cannot match without): skipping a search whose
# word is absent keeps the 76-entry list of a real policy cheap to read.
_TAIL = ((_PMID, "pmid"), (_DOI, "10."), (_CITED, "["), (_AVAILABLE, "available"),
         (_ANY_URL, "http"), (_EPUB, "epub"))


def _strip_tail(text: str) -> str:
    """The entry without PMID, DOI, URL and access notes: what is left is bibliographic."""
    low = text.lower()
    for pattern, word in _TAIL:
        if word in low:
            text = pattern.sub("", text)
    return text.strip()


def _journal_and_pub(body: str) -> tuple[str | None, str, dict]:
    """Find the source (italic if marked) and the 'year;vol(issue):pages' after it."""
    italic = _ITALIC.search(body)
    if italic:
        source = _clean(italic.group("v") or italic.group("u"))
        before = body[: italic.start()]
        after = body[italic.end():]
        pub = _PUB.search(after)
        info = pub.groupdict() if pub else {}
        if not pub:
            year = _YEAR.search(after) or _YEAR.search(before)
            info = {"year": year.group(0)} if year else {}
        return source, before, info
    pub = None
    for candidate in _PUB.finditer(body):
        if candidate.group("volume") or candidate.group("pages"):
            pub = candidate
            break
    if pub:
        before = body[: pub.start()].rstrip(" .")
        head, _, source = before.rpartition(". ")
        return (_clean(source) or None) if head else None, head or before, pub.groupdict()
    year = _YEAR.search(body)
    return None, body, ({"year": year.group(0)} if year else {})


def parse_entry(number: int, raw: str, line: int) -> ReferenceEntry:
    """Parse the text of reference ``number`` (without its leading 'N. ')."""
    text = raw.strip()
    low = text.lower()
    pmid = _PMID.search(text) if "pmid" in low else None
    doi = _DOI.search(text) if "10." in low else None
    url = _URL.search(text) if "http" in low else None
    cited = (_CITED.search(text) or _ACCESSED.search(text)) if ("cited" in low or "accessed" in low) else None
    body = _strip_tail(text)

    authors: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    organisation = None
    m = _AUTHOR_LIST.match(body)
    if m and not _ORG_WORDS.search(m.group("list")):
        authors, surnames = split_authors(m.group("list"))
        body = body[m.end():]
    else:
        first, sep, rest = body.partition(". ")
        if sep and _ORG_WORDS.search(first) and len(first.split()) <= 14:
            organisation = _clean(first)
            body = rest

    source, head, pub = _journal_and_pub(body)
    title = _clean(re.sub(r"^\s*(?:1[89]|20)\d{2}\.\s*", "", head)) or None
    if not authors and organisation is None and source is None and title:
        title_first, _, rest = title.partition(". ")
        if rest and not re.search(r"\d{4}", title_first):
            title = title_first
    year = int(pub["year"]) if pub.get("year") else None
    if year is None and cited:
        year = None  # an access date is not a publication date
    return ReferenceEntry(
        number=number,
        raw=raw,
        line=line,
        authors=authors,
        surnames=surnames,
        organisation=organisation,
        year=year,
        title=title,
        source=source,
        volume=(pub.get("volume") or "").strip() or None,
        issue=(pub.get("issue") or "").strip() or None,
        pages=(pub.get("pages") or "").strip() or None,
        pmid=pmid.group("v") if pmid else None,
        doi=doi.group("v").rstrip(".") if doi else None,
        url=url.group("v").rstrip(".") if url else None,
        accessed=cited.group("v").strip() if cited else None,
        available_from="available" in low and bool(_AVAILABLE.search(text)),
        epub_ahead="epub" in low and bool(_EPUB.search(text)),
    )
