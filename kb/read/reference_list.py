"""Parse one numbered reference-list entry into fields, in the common numbered styles.

Pure: text in, ``ReferenceEntry`` out, never raises on content. Fields the
entry does not have stay ``None``; the checks decide what is missing.

Styles read (the author lists themselves are read by ``kb.read.authors``):
- NLM/Vancouver and AMA: ``Surname AB, Other C, et al. Title. *Journal*. 2009;361(6):557-68.``
- BMC/Springer: ``Surname AB, Other C: Title. Journal 2009, 6:100.``
- PLOS and APA-like: ``Surname AB, Other C (2009) Title. Journal 6: e100.``,
  ``Surname, A. B., & Other, C. (2009). Title. Journal, 6(2), 100-110.``
- Elsevier numbered: ``A.B. Surname, C. Other, Title, Journal 12 (2009) 100-110.``
- organisations and groups as authors, web pages, books, reports and trial registrations.
A year is never taken from pages, volumes or e-locators (``e1002093``, ``18: 1905``).
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.authors import SURNAME_WORD, UPPER, Authors
from kb.read.entry_edges import late_year, leading, split_rest
from kb.read.entry_front import read_front
from kb.read.entry_source import YEAR_RX, after_year, clean, journal_and_pub
from kb.read.model import ReferenceEntry
from kb.read.quoted_title import read_quoted

# The last author's initials glued to the title's first word ('Osumi K, Horiuchi S.Taibanbensyutugono ...'): the
# stop ends the names, so a space goes after it before the entry is read.
_GLUED_TITLE = lazy(rf"(,\s*{SURNAME_WORD}\s+{UPPER}{{1,3}}\.)(?={UPPER}[a-z]{{3,}}\s+[a-z])")
# Not inside an address: "annals.org/cgi/pmidlookup?view=reprint&pmid=10610626" is a link; "PMID: 10610626" follows.
# '(PMID: 17693180)', '[PMID: 24055351]' (Annals of Internal Medicine's pages): the closing bracket is not part
# of the number
_PMID = re.compile(r"(?<![/&?=\w])PMID(?![A-Za-z]):?\s*(?P<v>[^\s.;,:)\]][^\s.;,)\]]*)", re.IGNORECASE)
_DOI = re.compile(r"(?:\bdoi:?\s*|https?://(?:dx\.)?doi\.org/)(?P<v>10\.\S+?)(?=[\s>]|\.?\s|\.?$)", re.IGNORECASE)
# "DOI: 10.1159/ 000491999": a space printed after the DOI's slash (a line broken there); the suffix is the next word.
_DOI_SUFFIX_AFTER_SPACE = re.compile(r"\s(?P<v>[A-Za-z0-9][^\s>]*?)(?=[\s>]|\.?\s|\.?$)")
# Springer prints a bare DOI as the address: "Available from: 10.1007/BF00337288."
_AVAILABLE_DOI = re.compile(r"\bAvailable\s+(?:from|at)\s*:?\s*(?P<v>10\.\d{4,9}/\S+?)(?=\s|\.?$)", re.IGNORECASE)
_URL = re.compile(r"<?(?P<v>(?:https?://|\bwww\.)[^\s>]+?)>?(?=[\s.,]*$|\s|>|,)")
_CITED = re.compile(r"\[(?:cited|accessed)\s*:?\s*(?P<v>[^\]]+)\]", re.IGNORECASE)
_ACCESSED = re.compile(
    r"\b(?:accessed|cited|retrieved)(?:\s+on)?\s*:?\s*(?P<v>[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|"
    r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{4})", re.IGNORECASE)
_EPUB = lazy(r"\bEpub ahead of print\b\.?", re.IGNORECASE)
_AHEAD = lazy(r"\bEpub ahead of print\b|\bin press\b", re.IGNORECASE)


_AVAILABLE = lazy(r"'?\s*Available\s+(?:from|at)\s*:?\s*'?", re.IGNORECASE)
_ANY_URL = lazy(r"<?https?://\S+>?")
# (pattern, a lower-case word it cannot match without): skipping a search whose
# word is absent keeps the 76-entry list of a real policy cheap to read.
_TAIL = ((_PMID, "pmid"), (_DOI, "10."), (_AVAILABLE_DOI, "available"), (_CITED, "["), (_ACCESSED, "ccess"), (_ACCESSED, "cited"),
         (_ACCESSED, "retrieved"), (_AVAILABLE, "available"), (_ANY_URL, "http"), (_EPUB, "epub"))


_EMPTY_ISSUE = lazy(r"(?<=\d)\s?\(\)(?=\s?[:,])")


def _strip_tail(text: str) -> str:
    """The entry without PMID, DOI, URL and access notes: what is left is bibliographic."""
    low = text.lower()
    for pattern, word in _TAIL:
        if word in low:
            text = pattern.sub("", text)
    if "()" in text:  # "iScience 25():103922", "158 (), 1851": an issue left empty after the volume
        text = _EMPTY_ISSUE.sub("", text)
    return re.sub(r"[\s,;]+(\.?)\s*$", r"\1", text.strip())  # "2024;44(1), doi: ..." leaves "2024;44(1)."


# A short proper name standing alone after a title: an issuing body or a database ("Health Canada", "Toxbase®"):
# two to five words, or one marked as a trade name; not a lone word such as "Revised" or "URL".
_BODY_NAME = lazy(r"[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w\u00ae&'.-]*|of|and|for|the|de|du|des)){1,4}|[A-Z][\w&'.-]*[\u00ae\u2122]")

# A drug's label, printed title first ('Humira subcutaneous injection [prescribing information]. North Chicago, IL:
# AbbVie; October 2023.', 'Afinitor[package insert]. East Hanover, NJ: Novartis ...'): the maker after the place
# issued it, as a body issues a report, and is what the entry is known by.
_DRUG_LABEL = lazy(r"\[(?:prescribing information|package insert|product information|product monograph)\]"
                   r"|\b(?:prescribing information|package insert)\s*\.", re.IGNORECASE)
_MAKER = lazy(r"\.\s*(?:[A-Z][A-Za-z.'\u2019-]*\s+){0,3}[A-Z][A-Za-z.'\u2019-]*,\s*[A-Z]{2}\s*:\s*"
              r"(?P<maker>[A-Z][^;:]{1,80}?)\s*(?:;|\.?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
              r"(?:19|20)\d\d|\.\s+(?:19|20)\d\d)")


def _drug_label_maker(text: str) -> str | None:
    """The company a drug's label names after its place ('... [package insert]. Tarrytown, NY: Regeneron
    Pharmaceuticals, Inc. January 2024.'), or None."""
    label = _DRUG_LABEL.search(text)
    if not label:
        return None
    m = _MAKER.search(text, label.end() - 1)
    return m.group("maker").strip(" .,") if m else None


# Reference managers print the date as they hold it: '2012-2.' (year and month), '08/2019.' (month and year).
_BARE_YEAR_FIRST = re.compile(rf"^\s*(?:(?:0?[1-9]|1[0-2])/)?(?P<y>{YEAR_RX})(?:-(?:0?[1-9]|1[0-2]))?[a-z]?\.\s+(?=\S)")


def _doi_value(text: str, m: re.Match) -> str:
    """The DOI a match found; when it stops at its slash, the word after one space is its suffix."""
    value = m.group("v").rstrip(".")
    if value.endswith("/"):
        rest = _DOI_SUFFIX_AFTER_SPACE.match(text, m.end())
        if rest:
            value += rest.group("v")
    return value


_NAMED_MONTH_YEAR = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?P<y>(?:19|20)\d{2})\b")


def parse_entry(number: int, raw: str, line: int) -> ReferenceEntry:
    """Parse the text of reference ``number`` (without its leading 'N. ')."""
    text, lead_year = leading(number, raw.strip())
    if "." in text[:200]:
        text = _GLUED_TITLE.sub(r"\1 ", text, count=1)
    low = text.lower()
    pmid = _PMID.search(text) if "pmid" in low else None
    doi = (_DOI.search(text) or _AVAILABLE_DOI.search(text)) if "10." in low else None
    url = _URL.search(text) if ("http" in low or "www." in low) else None
    cited = (_CITED.search(text) or _ACCESSED.search(text)) if ("cited" in low or "ccess" in low
                                                                or "retrieved" in low) else None
    body = _strip_tail(text)

    quoted = read_quoted(body)  # 'A. B. Smith, "Title," Journal 12 (2019)': IEEE and Chicago-like
    if quoted:
        authors, organisation, title, source = quoted.authors, quoted.organisation, quoted.title, quoted.source
        paren_year, pub = quoted.year, {k: getattr(quoted, k) for k in ("volume", "issue", "pages")}
    else:
        found, organisation, body, paren_year, year_first = read_front(body)
        bare_year = _BARE_YEAR_FIRST.match(body) if found and not year_first else None
        if bare_year:
            # "Walczak M, ..., et al. 2018. *Stictocephala bisonia* Kopp et Yonke, 1977 (...). Pol J Entomol.":
            # the year right after the authors is the entry's, as a bracketed one is (Taylor & Francis, CSE)
            body, paren_year, year_first = body[bare_year.end():], bare_year.group("y"), True
        authors: Authors | None = found
        if found and found.group and organisation is None:
            organisation = found.group
        source, head, pub = after_year(body) if year_first else journal_and_pub(body)
        title = clean(re.sub(rf"^\s*\(?{YEAR_RX}[a-z]?\)?\.\s*", "", head)) or None
    guessed = bool(quoted and source and not quoted.journal) or bool(pub.get("imprint"))  # a publisher
    if quoted is None and source is None and title and (authors or organisation):
        title, source = split_rest(title)
        guessed = source is not None
    elif quoted is None and authors is None and organisation is None and source is None and title:
        title_first, _, rest = title.partition(". ")
        if rest and not re.search(r"\d{4}", title_first):
            title = title_first
            body_name = re.sub(rf"[.,;]?\s*{YEAR_RX}[a-z]?\.?$", "", rest).strip(" .")
            if _BODY_NAME.fullmatch(body_name):  # "Title. Health Canada. 1999.": the body that issued it
                source, guessed = body_name, True
    if authors is None and organisation is None and quoted is None:
        organisation = _drug_label_maker(text)  # a label names no author: its maker issued it
    # a body's report dated in its front ('ACOG Committee Opinion 690, March 2017: Carrier screening ...'), the front
    # read as the issuing body: its date is the entry's (an access date later in the entry is not)
    named_month = _NAMED_MONTH_YEAR.search(organisation or "") if not (quoted or authors) else None
    year_text = paren_year or pub.get("year") or lead_year or (None if quoted else late_year(body) or (
        named_month.group("y") if named_month else None))
    year = int(year_text) if year_text else None
    return ReferenceEntry(
        number=number,
        raw=raw,
        line=line,
        authors=authors.names if authors else (),
        surnames=authors.surnames if authors else (),
        organisation=organisation,
        year=year,
        title=title,
        source=source,
        volume=(pub.get("volume") or "").strip() or None,
        issue=(pub.get("issue") or "").strip() or None,
        pages=(pub.get("pages") or "").strip() or None,
        pmid=pmid.group("v") if pmid else None,
        doi=_doi_value(text, doi) if doi else None,
        url=url.group("v").rstrip(".") if url else None,
        accessed=cited.group("v").strip() if cited else None,
        available_from="available" in low and bool(_AVAILABLE.search(text)),
        epub_ahead=("epub" in low or "press" in low) and bool(_AHEAD.search(text)),
        source_guessed=guessed,
    )
