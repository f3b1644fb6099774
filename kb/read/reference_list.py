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
from kb.read.author_lists import comma_initials_authors, full_name_authors, initials_first_authors, leading_authors
from kb.read.authors import GROUP_WORDS, SURNAME_WORD, UPPER, Authors, read_authors
from kb.read.entry_edges import late_year, leading, split_rest
from kb.read.entry_source import YEAR_RX, after_year, clean, journal_and_pub
from kb.read.model import ReferenceEntry
from kb.read.quoted_title import read_quoted

_ORG_WORDS = lazy(
    r"\b(Academy|Society|Institute|College|Association|Agency|Organi[sz]ation|Committee|"
    r"Foundation|Department|Centers?|Centres?|Council|Board|Task Force|Federation|Excellence|"
    r"Administration|Collaboration|Group|Network|Office|Ministry|Investigators|Consortium|Panel|"
    r"Minist\w+|Secretar\w+|Departamento|Instituto|Institut|Institutet|Universidad\w*|Servi[cç]o|"
    # Portuguese, Spanish and French societies, associations, foundations, councils, agencies
    r"Associa[cç]\w+|Asociaci\w+|Sociedad\w*|Soci[eé]t[eé]|Funda[cç]\w+|Organiza[cç]\w+|Conselho|Consejo|"
    r"Federa[cç]\w+|Ag[eê]ncia|Agencia|Col[eé]gio|Colegio|Academia|"
    # programmes, bureaus, commissions and companies that author reports and web pages
    r"Program(?:me)?|Project|Bureau|Commission|Directorate|Authority|Inc|Ltd|LLC|Corporation|(?<=\w\s)Corp|Partnership|Executive|"
    # a registry that reports its own figures ("China Liver Transplant Registry. 2012. http://...")
    r"Registry|"
    # a service that publishes tests and manuals ("American Guidance Service. Minnesota Rate of Manipulation Test")
    r"Services?)\b"
)
# Not inside an address: "annals.org/cgi/pmidlookup?view=reprint&pmid=10610626" is a link; "PMID: 10610626" follows.
# '(PMID: 17693180)', '[PMID: 24055351]' (Annals of Internal Medicine's pages): the closing bracket is not part
# of the number
# The last author's initials glued to the title's first word ('Osumi K, Horiuchi S.Taibanbensyutugono ...'): the
# stop ends the names, so a space goes after it before the entry is read.
_GLUED_TITLE = lazy(rf"(,\s*{SURNAME_WORD}\s+{UPPER}{{1,3}}\.)(?={UPPER}[a-z]{{3,}}\s+[a-z])")
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
# "(2009)", "(2009a)", "(2013-09-03)", "(n.d.)", "(in press)" right after the author list (PLOS, APA-like, Wikipedia's
# ISO dates); a report's month may come first: "Water Supply & Sanitation Collaborative Council (February 2009) HIV/AIDS & WASH."
_MONTH_FIRST = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)\s+(?:\d{1,2},?\s+)?)?")
# An '(in press)' closing the entry ('Title. Health Psychology. (in press)') follows its source, not the authors; an
# '(n.d.)' there still follows them ('EMA (n.d.) http://...', its address cut off before).
_PAREN_YEAR = re.compile(
    rf"^(?P<who>(?:[^()]|\([A-Z][A-Za-z&.]{{1,10}}\)){{1,600}}?)\s*(?<!\d)\({_MONTH_FIRST}(?P<y>{YEAR_RX})(?:-\d\d(?:-\d\d)?)?[a-z]?(?:,\s*[^)]{{1,30}})?\)|"
    r"^(?P<who2>[^()]{1,600}?)\s*\((?P<nd>n\.\s?d\.|undated|(?:in press|forthcoming)(?=\)(?!\.?\s*$)))\)", re.IGNORECASE)
# A cheap look for any of them first: most Vancouver entries have none, and the full pattern is slow to fail.
# An issue glued to its volume is no year: "2019;286(1916):20192047".
_ANY_PAREN_YEAR = re.compile(rf"(?<!\d)\((?:{_MONTH_FIRST}{YEAR_RX}|n\.\s?d\.|in press|forthcoming|undated)", re.IGNORECASE)
# 'Smith, B., Lundmark, J.E., 1982. Title.' (Elsevier's Harvard form): the year closes the author list.
_LIST_CLOSING_YEAR = re.compile(rf",\s*(?P<y>{YEAR_RX})[a-z]?[.:]?\s*$")
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


_ACRONYM = lazy(r"[A-Z][A-Z&\-]{1,13}(?:/[A-Z]{2,8})?")  # "WHO", "NICE", "UNESCO-IPBES", "OPTN/SRTR" as the author
# A company or charity written as one word of two capitalised parts ("StataCorp", "EngenderHealth"); the first part
# three letters or more, so "McDonald", "MacArthur" and "DeLuca" (no body alone before a title anyway) stay out.
_ONE_WORD_BODY = lazy(r"[A-Z][a-z]{3,}[A-Z][a-z]+")
# The end of the first sentence: ". " or ": ", not after a lone capital ("U.S. General Accounting Office").
_SENTENCE_END = lazy(r"(?<!\b[A-Z])\.\s+|:\s+")


def _first_sentence(body: str) -> tuple[str, str, str]:
    m = _SENTENCE_END.search(body)
    return (body[: m.start()], m.group(0), body[m.end():]) if m else (body, "", "")


# A sentence inside the name, or a person written 'J.A. Smith,': not an organisation ('U.S. Energy ...' is).
_NOT_AN_ORGANISATION = re.compile(r"(?<!\b[A-Z])\.\s+[A-Z][a-z]|^[A-Z]\.(?:\s?-?[A-Z]\.)*\s*(?:[a-z]+\s+){0,2}[A-Z][\w'-]+,")


# A short proper name standing alone after a title: an issuing body or a database ("Health Canada", "Toxbase®"):
# two to five words, or one marked as a trade name; not a lone word such as "Revised" or "URL".
_BODY_NAME = lazy(r"[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w\u00ae&'.-]*|of|and|for|the|de|du|des)){1,4}|[A-Z][\w&'.-]*[\u00ae\u2122]")
_JURISDICTION = lazy(r"[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+){0,2}")


_NOT_A_GROUP = lazy(r"[a-z]\.\s+[A-Z]|\d")


def _publisher_again(first: str, rest: str) -> bool:
    """'StataCorp. Stata Statistical Software. College Station, TX: StataCorp LP; 2011.', 'United Nations. The
    millennium development goals report. New York: United Nations; 2014.': the words opening the entry come back
    as its publisher after the place, so they name the body that issued it, not a person."""
    return ":" in rest and re.search(rf":\s*{re.escape(first.strip())}\b", rest) is not None


def _more_than_a_date(text: str) -> bool:
    """Words left after a year and its stops: 'The White House. The Obama Administration and Community Health
    Centers. 2012.' has only the year after its second sentence, which is then the title, not a body's name."""
    return bool(re.sub(rf"{YEAR_RX}[a-z]?", "", text).strip(" .,;:"))


# 'ASGE Bariatric Endoscopy Task Force and ASGE Technology Committee, Abu Dayyeh BK, ...': two bodies joined by
# 'and' head the names, each of them short and named as a body.
_JOINT_BODIES = lazy(rf"(?P<first>(?:\S+\s+){{0,7}}?{GROUP_WORDS.pattern})\s+and\s+(?:\S+\s+){{0,7}}?{GROUP_WORDS.pattern}",
                     re.IGNORECASE)


def _front(body: str):
    """(authors, organisation, the text after them, the year printed right after them)."""
    paren = _PAREN_YEAR.match(body) if _ANY_PAREN_YEAR.search(body) else None
    if paren:
        who = (paren.group("who") or paren.group("who2") or "").strip().rstrip(",.")
        rest = body[paren.end():].lstrip(" .,:")
        found = read_authors(who, bare=True) if who else None
        year = paren.group("y")
        if found and found.group and ". " in found.group and year:
            # "Goldberg R. B. & Mather K. Title. Journal 32, 2077 (2012).": Scientific Reports' names end at a stop
            # and the year closes the entry; the names read up to the year would swallow the title as a group.
            if rest.strip(" ."):
                # "Ladas SD, Spada C, et al. European Society of ... (ESGE): recommendations (2009) on clinical use
                # ... Endoscopy. 2010;42(3):220-227.": words go on after the bracketed year, so it is the title's
                # own year, not the entry's; the title runs to the journal, whose year is the entry's
                lead = leading_authors(body)
                if lead and not lead[0].group:
                    return lead[0], None, body[lead[1]:], None, False
            lead = leading_authors(who)
            if lead and not lead[0].group:
                return lead[0], None, who[lead[1]:], year, False
        if found:
            nature = comma_initials_authors(who) if year else None
            if nature and len(who[nature[1]:].split()) >= 4 and (
                    "*" in who[nature[1]:] or (found.group and _NOT_A_GROUP.search(found.group))):
                # "Barron, V. & Torrent, J. Use of the Kubelka-Munk theory ... *J. Soil Sci.* **37**, 499-510 (1986)":
                # the year closes a Nature entry, whose title follows the names; an APA list ends at the year.
                # Without italics (preprints) a title with 'network' or 'case study' is no group's name when a
                # sentence ends inside it or a volume follows: 'Sinkjaer, T. Neural network ... Neurol. Res. 23'.
                return nature[0], None, who[nature[1]:], year, False
            science = initials_first_authors(who) if found.group and _NOT_A_GROUP.search(found.group) else None
            if science and len(who[science[1]:].split()) >= 4:  # Science: 'Z. N. Gerek, S. B. Ozkan, Title ... network'
                return science[0], None, who[science[1]:].strip(), year, False
            first, sep, after = _first_sentence(who)
            if (year and not rest.strip(" .") and sep and len(first.split()) <= 14 and _ORG_WORDS.search(first)
                    and not leading_authors(first) and not comma_initials_authors(first)):
                # "ACMG, Board of Directors. Clinical utility ... *Genet. Med.* **17**, 505-507 (2015).": a body in two
                # parts heads a Nature entry whose year closes it; read as a name, it swallowed the title.
                return None, clean(first), after, year, False
            return found, None, rest, year, True
        lead = leading_authors(body)  # Frontiers: "Wang W, Han C. Title. J Hematol Oncol. (2019) 12:55."
        if lead and lead[1] < paren.end("who" if paren.group("who") is not None else "who2"):
            found, end = lead
            return found, None, body[end:], None, False
        nature = comma_initials_authors(who) if year else None  # "Taylor, S. C. & Germain, H. Title. J. 7 (2017)."
        if nature:
            return nature[0], None, who[nature[1]:], year, False
        if who and len(who.split()) <= 40 and not _NOT_AN_ORGANISATION.search(who):
            science = initials_first_authors(who)  # "J. A. Doudna and J. W. Szostak, Nature 339, 519 (1989)."
            if science and science[1] < len(who):
                return science[0], None, who[science[1]:].strip(), year, False
            first, sep, after = _first_sentence(who)
            if year and not rest.strip(" .") and sep and len(first.split()) <= 14 and (
                    _ORG_WORDS.search(first) or GROUP_WORDS.search(first)):
                # "European Association for Study of Liver. EASL Clinical Practice Guidelines: ... J. Hepatol. 60,
                # 392-420 (2014).": a body heads a Nature entry whose year closes it, as names do.
                return None, clean(first), after, year, False
            return None, clean(who), rest, year, True
    lead = leading_authors(body) or initials_first_authors(body) or full_name_authors(body)
    if not lead and paren is None and _ANY_PAREN_YEAR.search(body):
        # Nature with parentheses in its title, "Peltier, W. R. Global ... the ICE-5G (VM2) model. *J.* **32**,
        # 111-149 (2004).": the year's pattern above stops at them, the authors still open the entry.
        nature = comma_initials_authors(body)
        if nature:
            return nature[0], None, body[nature[1]:], None, False
    group, comma, others = body.partition(", ")
    if not lead and comma and GROUP_WORDS.search(group) and (len(group.split()) <= 8 or _JOINT_BODIES.fullmatch(group)):
        after = leading_authors(others)  # "Genomes Project Consortium, Abecasis GR, Auton A, et al. Title."
        if after:
            found, end = after
            return found, clean(group), others[end:], None, False
    if lead:
        found, end = lead
        closing = _LIST_CLOSING_YEAR.search(body, 0, end)
        return found, None, body[end:], closing.group("y") if closing else None, False
    first, sep, rest = _first_sentence(body)
    if sep and len(first.split()) <= 14 and (_ORG_WORDS.search(first) or GROUP_WORDS.search(first)
                                             or _ACRONYM.fullmatch(first) or _publisher_again(first, rest)
                                             or _ONE_WORD_BODY.fullmatch(first)):
        # 'Frontline Systems Inc, Risk Solver Platform V10.0, 2010. Nevada USA': a company's product and the
        # year close the first sentence; the year is the entry's, not part of the body's name.
        closing = _LIST_CLOSING_YEAR.search(first)
        if closing and closing.start() > 0:
            return None, clean(first[:closing.start()]), rest, closing.group("y"), False
        return None, clean(first), rest, None, False
    # "Brasil. Ministério da Saúde. Title": a country or state heads the body that wrote it.
    second, sep2, after = _first_sentence(rest) if sep == ". " else ("", "", "")
    if (sep2 and _JURISDICTION.fullmatch(first) and len(second.split()) <= 14
            and (_ORG_WORDS.search(second) or GROUP_WORDS.search(second))):
        # ... unless only a date follows: then the second sentence is the title the body issued
        return None, clean(first), after if _more_than_a_date(after) else rest, None, False
    titled = _TITLE_THEN_IN.match(body)
    if titled:
        # "Urological aspects of chronic pelvic pain. In: Engeler D, Baranowski AP, et al. Guidelines on ...": a
        # chapter's title first, then the book's authors, whom the text cites; the chapter's title stays the title
        lead = leading_authors(body[titled.end():])
        if lead and not lead[0].group:
            return lead[0], None, f"{titled.group('title')}. {body[titled.end() + lead[1]:]}", None, False
    return None, None, body, None, False


# A title (no year in it) then 'In:' and the names of the book it is part of.
_TITLE_THEN_IN = lazy(r"(?P<title>[A-Z][^.]{10,200}?)\.\s+In:\s+(?=[A-Z])")


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
        found, organisation, body, paren_year, year_first = _front(body)
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
        doi=_doi_value(text, doi) if doi else None,
        url=url.group("v").rstrip(".") if url else None,
        accessed=cited.group("v").strip() if cited else None,
        available_from="available" in low and bool(_AVAILABLE.search(text)),
        epub_ahead=("epub" in low or "press" in low) and bool(_AHEAD.search(text)),
        source_guessed=guessed,
    )
