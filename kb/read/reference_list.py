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
from kb.read.authors import GROUP_WORDS, Authors, comma_initials_authors, initials_first_authors, leading_authors, read_authors
from kb.read.entry_edges import PAGES_THEN_PUBLISHER, YEAR_LAST, late_year, leading, split_rest
from kb.read.model import ReferenceEntry
from kb.read.quoted_title import read_quoted

_ORG_WORDS = lazy(
    r"\b(Academy|Society|Institute|College|Association|Agency|Organi[sz]ation|Committee|"
    r"Foundation|Department|Centers?|Centres?|Council|Board|Task Force|Federation|Excellence|"
    r"Administration|Collaboration|Group|Network|Office|Ministry|Investigators|Consortium|Panel|"
    r"Minist\w+|Secretar\w+|Departamento|Instituto|Universidad\w*|Servi[cç]o|"
    # Portuguese, Spanish and French societies, associations, foundations, councils, agencies
    r"Associa[cç]\w+|Asociaci\w+|Sociedad\w*|Soci[eé]t[eé]|Funda[cç]\w+|Organiza[cç]\w+|Conselho|Consejo|"
    r"Federa[cç]\w+|Ag[eê]ncia|Agencia|Col[eé]gio|Colegio|Academia)\b"
)
_PMID = re.compile(r"\bPMID:?\s*(?P<v>[^\s.;,:][^\s.;,]*)", re.IGNORECASE)
_DOI = re.compile(r"(?:\bdoi:?\s*|https?://(?:dx\.)?doi\.org/)(?P<v>10\.\S+?)(?=[\s>]|\.?\s|\.?$)", re.IGNORECASE)
_URL = re.compile(r"<?(?P<v>(?:https?://|\bwww\.)[^\s>]+?)>?(?=[\s.,]*$|\s|>|,)")
_CITED = re.compile(r"\[(?:cited|accessed)\s*:?\s*(?P<v>[^\]]+)\]", re.IGNORECASE)
_ACCESSED = re.compile(
    r"\b(?:accessed|cited|retrieved)(?:\s+on)?\s*:?\s*(?P<v>[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4}|"
    r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]+ \d{4})", re.IGNORECASE)
_ITALIC = lazy(r"(?<!\*)\*(?!\*)(?P<v>[^*]+?)\*(?!\*)|(?<!_)_(?P<u>[^_]+?)_(?!_)")
_YEAR_RX = r"(?:1[89]|20)\d{2}"
# "2014;29(6):1346-55", "2015;4:CD006349", "2021;9(10)", "2015;25 Suppl 1:S77-85", "2017."
_PUB = lazy(
    rf"(?P<year>{_YEAR_RX})[a-z]?(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?"
    r"(?:\s*;\s*(?P<volume>[\w -]+?)?\s*(?:\((?P<issue>[^)]*)\))?\s*(?::\s*(?P<pages>[\w\-\u2013]+(?:;\s*discussion\s*[\w\-]+)?))?)?"
    r"(?=\s*[.;]|\s*$|\s+PMID|\s+doi)"
)
# A year standing alone: not inside a longer number or an e-locator, not pages after "18: " or "pp. ",
# not the first half of a page range "1905-1910", not a volume before its pages "2093: 1-10".
_YEAR = lazy(rf"(?<![\w:/\-\u2013])(?<!\d\.)(?<!: )(?<!pp\. )(?<!p\. )(?P<y>{_YEAR_RX})(?![\d\u2013])(?!-(?![A-Za-z]{{3}}\b))(?!: )")
# "(2009)", "(2009a)", "(n.d.)", "(in press)" right after the author list (PLOS, APA-like).
_PAREN_YEAR = re.compile(
    rf"^(?P<who>(?:[^()]|\([A-Z][A-Za-z&.]{{1,10}}\)){{1,600}}?)\s*\((?P<y>{_YEAR_RX})[a-z]?(?:,\s*[^)]{{1,30}})?\)|"
    r"^(?P<who2>[^()]{1,600}?)\s*\((?P<nd>n\.\s?d\.|in press|forthcoming|undated)\)", re.IGNORECASE)
# A cheap look for any of them first: most Vancouver entries have none, and the full pattern is slow to fail.
_ANY_PAREN_YEAR = re.compile(rf"\((?:{_YEAR_RX}|n\.\s?d\.|in press|forthcoming|undated)", re.IGNORECASE)
# "Journal 6: e100", "Journal 6(2): 100-110", "Journal, 6(2), 100-110", "Journal 12 (2009) 100-110"
# Also "Bioinformatics 19 Suppl 2: ii215-ii225" and roman pages "124: xvi-xviii".
_VOLUME_PAGES = re.compile(
    r"^(?P<source>[^.]*?[^\s,.])\s*,?\s+(?P<volume>\d+[A-Za-z]?(?:\s+Suppl\.?\s*\d*)?)\s*"
    r"(?:\((?P<issue>[^)]{1,20})\))?\s*[:,]\s*"
    r"(?P<pages>[A-Za-z]{0,3}\d+[\w\-\u2013]*|[ivxlc]+(?:[\-\u2013][ivxlc]+)?)\.?$")
# BMC: "Journal 2009, 6:100", "Journal 2009, 6(Suppl 1):S1"
_BMC = lazy(
    rf"^(?P<source>[^.]*?[^\s,.])\s+(?P<year>{_YEAR_RX}),\s*(?P<volume>\d+)(?:\((?P<issue>[^)]{{1,20}})\))?"
    r"(?::\s*(?P<pages>[\w\-\u2013]+))?\.?$")
# Elsevier: "Title, Journal 12 (2009) 100-110"
_ELSEVIER = lazy(
    rf",\s*(?P<source>[^,]*?[^\s,.])\.?\s+(?P<volume>\d+)\s+\((?P<year>{_YEAR_RX})\)\s+(?P<pages>[\w\-\u2013]+)\.?$")
_EPUB = lazy(r"\bEpub ahead of print\b\.?", re.IGNORECASE)
_AHEAD = lazy(r"\bEpub ahead of print\b|\bin press\b", re.IGNORECASE)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip(" .;,")


def split_authors(author_list: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """'McConnell CT, Jr., Wippold FJ, 2nd' -> authors and their surnames."""
    found = read_authors(author_list)
    if found:
        return found.names, found.surnames
    names = tuple(p.strip() for p in author_list.split(",") if p.strip())
    return names, tuple(n.split()[0] for n in names)


def surname_and_initials(author: str) -> tuple[str, str] | None:
    """'McConnell CT' -> ('McConnell', 'CT'); None when the name is not a surname followed by initials."""
    m = _ONE_AUTHOR.match(author)
    return (m.group("surname"), m.group("initials")) if m else None


_AVAILABLE = lazy(r"'?\s*Available\s+(?:from|at)\s*:?\s*'?", re.IGNORECASE)
_ANY_URL = lazy(r"<?https?://\S+>?")
# (pattern, a lower-case word it cannot match without): skipping a search whose
# word is absent keeps the 76-entry list of a real policy cheap to read.
_TAIL = ((_PMID, "pmid"), (_DOI, "10."), (_CITED, "["), (_ACCESSED, "ccess"), (_ACCESSED, "cited"),
         (_ACCESSED, "retrieved"), (_AVAILABLE, "available"), (_ANY_URL, "http"), (_EPUB, "epub"))


def _strip_tail(text: str) -> str:
    """The entry without PMID, DOI, URL and access notes: what is left is bibliographic."""
    low = text.lower()
    for pattern, word in _TAIL:
        if word in low:
            text = pattern.sub("", text)
    return re.sub(r"[\s,;]+(\.?)\s*$", r"\1", text.strip())  # "2024;44(1), doi: ..." leaves "2024;44(1)."


def year_in(text: str) -> int | None:
    """The first publication year standing alone in a text, never pages or e-locators."""
    m = _YEAR.search(text)
    return int(m.group("y")) if m else None


# Publication details right after an italic journal: "*Lancet*. 2015;385", "*J*. 2010;1:1-2", "*BMJ*. 2018."
_DETAILS_AFTER = re.compile(rf"[\s.,;:]*(?:{_YEAR_RX}[a-z]?\s*(?:[;.(]|$)|\d+\s*[:(;,]|\d+\.?\s*$|$)")


def _source_italic(body: str):
    """The italic span that names the journal, not one inside a title (a species, a book's own title).

    A journal follows the end of the title ('Title. *Journal*'); an italic that
    opens the text after the authors is the journal only when publication details
    follow it (the title is then missing), otherwise it begins the title
    ('*Conus* of the southeastern United States', '*Poisson Processes*. Oxford: OUP').
    """
    for m in _ITALIC.finditer(body):
        before = body[: m.start()].rstrip()
        if (not before and _DETAILS_AFTER.match(body, m.end())) or (before and before[-1] in ".?!,;:"):
            return m
    return None


def _journal_and_pub(body: str) -> tuple[str | None, str, dict]:
    """Find the source (italic if marked) and the 'year;vol(issue):pages' after it."""
    italic = _source_italic(body)
    if italic:
        source = _clean(italic.group("v") or italic.group("u"))
        before = body[: italic.start()]
        after = body[italic.end():]
        pub = _PUB.search(after)
        info = pub.groupdict() if pub else {}
        if not pub:
            year = year_in(after) or year_in(before)
            info = {"year": str(year)} if year else {}
            tail = _VOLUME_PAGES.match(_clean(source) + " " + after.strip(" .,"))
            if tail:
                info.update({k: tail.group(k) for k in ("volume", "issue", "pages")})
        return source, before, info
    last = YEAR_LAST.search(body)  # "Title. Muscle Nerve 55: E15-E16, 2017."
    if last:
        return _clean(last.group("source")), body[: last.start() + 1], last.groupdict()
    imprint = _IMPRINT.search(body)  # a report or book: "Title. Geneva: World Health Organization; 2019."
    if imprint:
        return _clean(imprint.group("source")), body[: imprint.start() + 1], {"year": imprint.group("y"), "imprint": "1"}
    pub = None
    for candidate in _PUB.finditer(body):
        if candidate.group("volume") or candidate.group("pages"):
            pub = candidate
            break
    if pub:
        before = body[: pub.start()].rstrip(" .")
        head, _, source = before.rpartition(". ")
        return (_clean(source) or None) if head else None, head or before, pub.groupdict()
    elsevier = _ELSEVIER.search(body.strip())
    if elsevier:
        return _clean(elsevier.group("source")), body.strip()[: elsevier.start()], elsevier.groupdict()
    head, _, last = body.rstrip(" .").rpartition(". ")
    bmc = _BMC.match(last.strip()) if head else None
    if bmc:
        return _clean(bmc.group("source")), head, bmc.groupdict()
    ending = _YEAR_ENDS.search(body)  # "GenBank 2024 update. Nucleic Acids Res. 2023;": the year printed last
    year = ending.group("y") if ending else year_in(body)
    return None, body, ({"year": str(year)} if year else {})


_YEAR_ENDS = lazy(rf"[.;,]\s+(?P<y>{_YEAR_RX})[a-z]?\s*[.;]?\s*$")
_IMPRINT = lazy(rf"[.?]\s+(?P<source>[A-Z][^.:;]{{1,40}}:\s*[^.:;]{{2,100}}?);\s*(?P<y>{_YEAR_RX})[a-z]?\.?\s*$")
# "Journal 2" (a volume only), "Oxford, UK: Blackwell" (place and publisher), "Princeton University Press"
_VOLUME_ONLY = lazy(r"^(?P<source>[^.]*?[^\s,.])\s+(?P<volume>\d+[A-Za-z]?)$")
_PUBLISHER = lazy(r"^(?:[^.:]{2,60}:\s*)?(?P<source>[^.:]{2,80}?)$")
_PUBLISHER_WORDS = lazy(r"\b(?:Press|Publish\w*|Verlag|Springer|Wiley|Elsevier|Blackwell|Academic|Books?|"
                              r"University|Sinauer|Wiley|Saunders|Lippincott|McGraw|Oxford|Cambridge)\b")
_JOURNAL_LIKE = lazy(r"^(?:[A-Z][\w&\-]*\.?|of|and|the|in|for|&)(?:\s+(?:[A-Z][\w&\-]*\.?|of|and|the|in|for|&))"
                           r"{0,7}$")


_SENTENCE_STOP = re.compile(r"([.?!])\s+(?=\S)")


def _after_year(body: str) -> tuple[str | None, str, dict]:
    """Title and source after a '(2009)' (PLOS, APA-like): 'Title. Journal 6: e100.'"""
    body = re.sub(r"[\s,]*\(?\bin press\b\)?\.?\s*$", "", body, flags=re.IGNORECASE)
    proceedings = PAGES_THEN_PUBLISHER.search(body)
    if proceedings:
        return _clean(proceedings.group("source")), body[: proceedings.start()], {**proceedings.groupdict(), "imprint": "1"}
    text = body.strip().rstrip(".")
    stops = list(_SENTENCE_STOP.finditer(text))  # the last sentence is the source's; a '?' stays with the title
    head = text[: stops[-1].start() + (stops[-1].group(1) != ".")] if stops else ""
    last = text[stops[-1].end():].strip() if stops else text
    if head:
        for pattern in (_VOLUME_PAGES, _VOLUME_ONLY):
            m = pattern.match(last)
            if m:
                return _clean(m.group("source")), head, m.groupdict()
    italic = _source_italic(body)
    if italic:
        return _clean(italic.group("v") or italic.group("u")), body[: italic.start()], {}
    if head and _PUBLISHER_WORDS.search(last) and _PUBLISHER.match(last):
        return _clean(_PUBLISHER.match(last).group("source")), head, {}
    if head and _JOURNAL_LIKE.match(last):
        return _clean(last), head, {}  # "PLoS Med" before "(in press)"
    return None, body, {}


_ACRONYM = lazy(r"[A-Z][A-Z&\-]{1,9}")  # "WHO", "NICE", "CDC" as the author
# The end of the first sentence: ". " or ": ", not after a lone capital ("U.S. General Accounting Office").
_SENTENCE_END = lazy(r"(?<!\b[A-Z])\.\s+|:\s+")


def _first_sentence(body: str) -> tuple[str, str, str]:
    m = _SENTENCE_END.search(body)
    return (body[: m.start()], m.group(0), body[m.end():]) if m else (body, "", "")


# A sentence inside the name, or a person written 'J.A. Smith,': not an organisation ('U.S. Energy ...' is).
_NOT_AN_ORGANISATION = re.compile(r"(?<!\b[A-Z])\.\s+[A-Z][a-z]|^[A-Z]\.(?:\s?-?[A-Z]\.)*\s*[A-Z][\w'-]+,")


_JURISDICTION = lazy(r"[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+){0,2}")


def _front(body: str):
    """(authors, organisation, the text after them, the year printed right after them)."""
    paren = _PAREN_YEAR.match(body) if _ANY_PAREN_YEAR.search(body) else None
    if paren:
        who = (paren.group("who") or paren.group("who2") or "").strip().rstrip(",.")
        rest = body[paren.end():].lstrip(" .,:")
        found = read_authors(who, bare=True) if who else None
        year = paren.group("y")
        if found:
            return found, None, rest, year, True
        lead = leading_authors(body)  # Frontiers: "Wang W, Han C. Title. J Hematol Oncol. (2019) 12:55."
        if lead and lead[1] < paren.end("who" if paren.group("who") is not None else "who2"):
            found, end = lead
            return found, None, body[end:], None, False
        nature = comma_initials_authors(who) if year else None  # "Taylor, S. C. & Germain, H. Title. J. 7 (2017)."
        if nature:
            return nature[0], None, who[nature[1]:], year, False
        if who and len(who.split()) <= 40 and not _NOT_AN_ORGANISATION.search(who):
            return None, _clean(who), rest, year, True
    lead = leading_authors(body) or initials_first_authors(body)
    group, comma, others = body.partition(", ")
    if not lead and comma and GROUP_WORDS.search(group) and len(group.split()) <= 8:
        after = leading_authors(others)  # "Genomes Project Consortium, Abecasis GR, Auton A, et al. Title."
        if after:
            found, end = after
            return found, _clean(group), others[end:], None, False
    if lead:
        found, end = lead
        return found, None, body[end:], None, False
    first, sep, rest = _first_sentence(body)
    if sep and len(first.split()) <= 14 and (_ORG_WORDS.search(first) or GROUP_WORDS.search(first)
                                             or _ACRONYM.fullmatch(first)):
        return None, _clean(first), rest, None, False
    # "Brasil. Ministério da Saúde. Title": a country or state heads the body that wrote it.
    second, sep2, after = _first_sentence(rest) if sep == ". " else ("", "", "")
    if (sep2 and _JURISDICTION.fullmatch(first) and len(second.split()) <= 14
            and (_ORG_WORDS.search(second) or GROUP_WORDS.search(second))):
        return None, _clean(first), after, None, False
    return None, None, body, None, False


def parse_entry(number: int, raw: str, line: int) -> ReferenceEntry:
    """Parse the text of reference ``number`` (without its leading 'N. ')."""
    text, lead_year = leading(number, raw.strip())
    low = text.lower()
    pmid = _PMID.search(text) if "pmid" in low else None
    doi = _DOI.search(text) if "10." in low else None
    url = _URL.search(text) if ("http" in low or "www." in low) else None
    cited = (_CITED.search(text) or _ACCESSED.search(text)) if ("cited" in low or "ccess" in low
                                                                or "retrieved" in low) else None
    body = _strip_tail(text)

    quoted = read_quoted(body)  # 'A. B. Smith, "Title," Journal 12 (2019)': IEEE and Chicago-like
    if quoted:
        authors, organisation, title, source = quoted.authors, quoted.organisation, quoted.title, quoted.source
        paren_year, pub = quoted.year, {k: getattr(quoted, k) for k in ("volume", "issue", "pages")}
    else:
        found, organisation, body, paren_year, after_year = _front(body)
        authors: Authors | None = found
        if found and found.group and organisation is None:
            organisation = found.group
        source, head, pub = _after_year(body) if after_year else _journal_and_pub(body)
        title = _clean(re.sub(rf"^\s*\(?{_YEAR_RX}[a-z]?\)?\.\s*", "", head)) or None
    guessed = bool(quoted and source and not quoted.journal) or bool(pub.get("imprint"))  # a publisher
    if quoted is None and source is None and title and (authors or organisation):
        title, source = split_rest(title)
        guessed = source is not None
    elif quoted is None and authors is None and organisation is None and source is None and title:
        title_first, _, rest = title.partition(". ")
        if rest and not re.search(r"\d{4}", title_first):
            title = title_first
    year_text = paren_year or pub.get("year") or lead_year or (None if quoted else late_year(body))
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
        doi=doi.group("v").rstrip(".") if doi else None,
        url=url.group("v").rstrip(".") if url else None,
        accessed=cited.group("v").strip() if cited else None,
        available_from="available" in low and bool(_AVAILABLE.search(text)),
        epub_ahead=("epub" in low or "press" in low) and bool(_AHEAD.search(text)),
        source_guessed=guessed,
    )
