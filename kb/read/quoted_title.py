"""Reference entries with initials-first authors and a title in quotation marks.

Pure. The form of IEEE, of many engineering and physics journals, and of the
Chicago-like numbered style Wiley prints:

- ``A. B. Smith, C. Jones, and D. Lee, "Title," J. Name, vol. 12, no. 3, pp. 45-67, 2019.``
- ``A. Smith, "Title," J. Name 12, 45 (2019).`` (AIP)
- ``E. Leclerc , R. B. Mansur , and E. Brietzke , "Title," Journal 149, no. 1-3 (2013): 1-9.``
- ``WHO , "Burns," 2023, https://...`` and ``"Title," in Book (Publisher, 2019).``
- a book in the same style, its title unquoted: ``American Psychiatric Association , Title, 5th ed. (Publisher, 2013).``

Read only when the whole text before the opening quote is a list of
initials-first names (or an organisation's name): any other style falls
through to the general reader unchanged. The year is taken only after the
title, so a year inside a title ("PRISMA-P 2015 Statement") is never read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.authors import GROUP_WORDS, UPPER, Authors, name_and_initials, person, read_authors

_YEAR_RX = r"(?:1[89]|20)\d{2}"
# The opening quote right after the author list: 'Lee, "Title' or 'University of York . "Title'.
_OPEN = lazy(r"\s*[,.]\s*[\u201c\"]")
# The closing quote: punctuation inside it (US style, '...,"') or after it ('..."."').
_CLOSE = lazy(r"[,.?!]\s*[\u201d\"]|[\u201d\"]\s*[,.](?=\s|$)")
_SPLIT = lazy(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
_SUFFIX = lazy(r"(?:Jr|Sr|2nd|3rd|[4-9]th|II|III|IV)\.?")
_ETAL = lazy(r"(?P<name>.*?)\s*\bet\.?\s+al\.?$")
_STARTS_WITH_INITIAL = lazy(rf"{UPPER}\.")
# An organisation's name as the author: a few words, with a corporate word or an acronym ("WHO", "GBD 2017 ...").
_ORGANISATION = lazy(r"\b(?:Universit\w+|Organi[sz]ation|Association|Institute|Agency|Society|College|Academy|"
                     r"Foundation|Department|Ministry|Cent(?:er|re)s?|Council|Committee|Collaborators|Inc|LLC|Ltd)\b"
                     r"|^[A-Z][A-Z&\-]{1,9}\b")
# Chicago-like: "Journal 149, no. 1-3 (2013): 1-9", "Journal 5 (2024): 296-308", "Journal 12, no. 3 (March 2013)",
# online first with no volume: "Journal (2021): 912174211030163"
_CHICAGO = lazy(
    rf"^(?P<source>.+?)(?:\s*,?\s+(?P<volume>\d+[A-Za-z]?)(?:\s*,\s*no\.\s*(?P<issue>[^()]+?))?)?\s*"
    rf"\((?:[A-Z][a-z]+\.?\s+(?:\d{{1,2}},?\s+)?)?(?P<year>{_YEAR_RX})[a-z]?\)\s*:?\s*(?P<pages>[^\s,;]*)")
# AIP and others: "J. Name 12, 45 (2019)"
_VOLUME_PAGES_YEAR = lazy(
    rf"^(?P<source>.+?)\s+(?P<volume>\d+[A-Za-z]?),\s*(?P<pages>[\w\-\u2013]+)\s*\((?P<year>{_YEAR_RX})[a-z]?\)")
# IEEE: "J. Name, vol. 12, no. 3, pp. 45-67, Mar. 2019"
_IEEE = lazy(
    r"^(?P<source>.+?),\s*vol\.\s*(?P<volume>[\w\-\u2013]+)(?:,\s*no\.\s*(?P<issue>[\w\-\u2013/]+))?"
    r"(?:,\s*(?:pp?\.|art\.(?:\s*no\.)?)\s*(?P<pages>[\w\-\u2013]+))?")
# A year after the title: in brackets ("(Wiley, 2019)", "(2023)") or standing alone, never pages after "pp. ".
_PAREN_YEAR = lazy(rf"\((?:[^()]*?[\s,])?(?P<y>{_YEAR_RX})[a-z]?\)")
# A book: "Title, 5th ed. (Publisher, 2013)" ending the entry.
_BOOK_END = lazy(rf"\s+\((?P<source>[^()]{{2,120}}?),\s*(?P<year>{_YEAR_RX})[a-z]?\)[\s.,]*$")
# ('Paris, France, Sep. 2013': a month's 'p. ' is no page's)
_BARE_YEAR = lazy(rf"(?<![\w:/\-\u2013.])(?<!\bpp\. )(?<!\bp\. )(?P<y>{_YEAR_RX})[a-z]?(?![\w\-\u2013])")


@dataclass(frozen=True)
class QuotedEntry:
    authors: Authors | None
    organisation: str | None
    title: str | None
    source: str | None
    year: str | None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    journal: bool = False  # the source was read before a volume or year as a journal prints it, not a book's publisher


def _clean(text: str | None) -> str | None:
    text = re.sub(r"\s+", " ", (text or "").replace("*", "")).strip(" .,;:")
    return text or None


def initials_first_list(who: str) -> Authors | None:
    """'A. B. Smith, C. Jones, and D. Lee' (or 'E. Leclerc , R. B. Mansur') as names; None if any part is not one."""
    names: list[str] = []
    surnames: list[str] = []
    et_al = False
    for piece in _SPLIT.split(who.strip()):
        if not piece:
            continue
        if names and _SUFFIX.fullmatch(piece):
            names[-1] = f"{names[-1]}, {piece}"  # "P. E. Keck, Jr."
            continue
        tail = _ETAL.fullmatch(piece)
        if tail:
            et_al, piece = True, tail.group("name")
            if not piece:
                if not names:
                    return None
                continue
        found = name_and_initials(piece) if _STARTS_WITH_INITIAL.match(piece) else None
        if not found or found[0] != piece[len(piece) - len(found[0]):] or person(piece) is None:
            return None  # a surname-first name or a word of a title: not this style
        names.append(piece)
        surnames.append(found[0])
    return Authors(tuple(names), tuple(surnames), None, et_al) if names else None


def _surnames_first(who: str) -> Authors | None:
    """'Krupsky K. L., Sliwa S., Seligman H., et al.,' (Wiley's Vancouver-like names before a quoted title);
    only a list of two names or more, so a lone capitalised word is not taken for one; a group named last is
    the entry's organisation."""
    found = read_authors(who.strip().rstrip(",").strip())
    return found if found and (len(found.names) >= 2 or found.et_al) else None


def _organisation(who: str) -> str | None:
    who = who.strip()
    if 0 < len(who.split()) <= 8 and not re.search(r"[\"\u201c\u201d()]", who) and (
            _ORGANISATION.search(who) or GROUP_WORDS.search(who)):
        return who
    return None


def _after_title(after: str) -> tuple[str | None, str | None, dict]:
    """Source, year and volume details from what follows the closing quote."""
    after = re.sub(r"[\s,.;]+$", "", after.strip(" ,.;"))
    for pattern in (_VOLUME_PAGES_YEAR, _CHICAGO, _IEEE):
        m = pattern.match(after)
        if m:
            rest = after[m.end():]
            year = m.groupdict().get("year") or _year(rest) or _year(after[m.end("source"):]) \
                or _dated_source(m.group("source"))
            details = {k: m.groupdict().get(k) for k in ("volume", "issue", "pages")}
            chapter = m.group("source").startswith("in ")  # 'in Book' or 'in Proc. ...': not a journal
            return _clean(re.sub(r"^in\s+", "", m.group("source"))), year, {**details, "journal": not chapter}
    year = _year(after)
    source = re.sub(r"^in\s+", "", after)
    source = re.split(r"\s*\(|,\s|\s+\d", source, maxsplit=1)[0]
    if not re.search(r"[^\W\d_]{2}", source) or re.fullmatch(rf"{_YEAR_RX}[a-z]?", source):
        source = ""
    return _clean(source), year, {}


# IEEE's proceedings put the meeting's place and date before the volume: 'in Proc. MMCN, San Jose, CA, Feb. 1995,
# vol. 2417, pp. 338-345'; the date closing the source is the entry's (a year alone there may be the meeting's name).
_MONTH_YEAR_END = lazy(rf",\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                       rf"(?:\s*[\-\u2013/]\s*[A-Z][a-z]+\.?)?\s+(?:\d{{1,2}},?\s+)?(?P<y>{_YEAR_RX})$")


def _dated_source(source: str) -> str | None:
    m = _MONTH_YEAR_END.search(source.strip())
    return m.group("y") if m else None


def _year(text: str) -> str | None:
    m = _PAREN_YEAR.search(text) or _BARE_YEAR.search(text)
    return m.group("y") if m else None


def _book(body: str) -> QuotedEntry | None:
    """'A. Smith , Title (Publisher, 2013).' or 'Organisation , Title, 5th ed. (Publisher, 2013).'"""
    end = _BOOK_END.search(body)
    if not end:
        return None
    front = body[: end.start()]
    authors, cut = None, None
    for comma in re.finditer(r"\s*,\s+", front):  # the longest run of names before the title
        found = initials_first_list(front[: comma.start()])
        if found is None:
            break
        authors, cut = found, comma.end()
    organisation = None
    if authors is None:
        head, comma, _ = front.partition(",")
        organisation = _organisation(head) if comma else None
        cut = len(head) + 1 if organisation else None
    if cut is None or not _clean(front[cut:]):
        return None
    return QuotedEntry(authors, organisation, _clean(front[cut:]), _clean(end.group("source")), end.group("year"))


def read_quoted(body: str) -> QuotedEntry | None:
    """The entry's fields when it is written 'A. Smith, "Title," Source ...', else None."""
    if "\u201c" not in body and '"' not in body:
        return _book(body) if " , " in body else None  # the Wiley book form; most entries: nothing to try
    opening = _OPEN.search(body)
    if not opening:
        return None
    who = body[: opening.start()].replace("*", "")  # 'A. Smith *et al.*'
    authors = initials_first_list(who) or _surnames_first(who)
    organisation = authors.group if authors else _organisation(who)  # "..., and Schweitzer H., <Programme>"
    if authors is None and organisation is None:
        return None
    rest = body[opening.end():]
    closing = _CLOSE.search(rest)
    if not closing:
        return None
    title = _clean(rest[: closing.start()] + (rest[closing.start()] if rest[closing.start()] in "?!" else ""))
    source, year, details = _after_title(rest[closing.end():])
    return QuotedEntry(authors, organisation, title, source, year, **details)
