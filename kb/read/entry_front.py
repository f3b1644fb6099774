"""Who opens a reference entry: its authors or the body that issued it, and a year printed with them.

Pure: the entry's bibliographic text in, ``(authors, organisation, the text after them, year, year_first)``
out. ``year_first`` is true when the year follows the names (PLOS, APA-like, Nature's closing year), so the
source is read after it. Split from ``kb.read.reference_list`` so each file has one job.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.author_lists import comma_initials_authors, full_name_authors, initials_first_authors, leading_authors
from kb.read.authors import GROUP_WORDS, read_authors
from kb.read.entry_source import YEAR_RX, clean
from kb.read.person_names import COUNTRY_BODY

ORG_WORDS = lazy(
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


_JURISDICTION = lazy(r"[A-Z][a-z\u00e0-\u00ff]+(?: [A-Z][a-z\u00e0-\u00ff]+){0,2}")


_NOT_A_GROUP = lazy(r"[a-z]\.\s+[A-Z]|\d")


def _publisher_again(first: str, rest: str) -> bool:
    """'StataCorp. Stata Statistical Software. College Station, TX: StataCorp LP; 2011.', 'United Nations. The
    millennium development goals report. New York: United Nations; 2014.': the words opening the entry come back
    as its publisher after the place, so they name the body that issued it, not a person."""
    name = first.strip()
    if ":" in rest and re.search(rf":\s*{re.escape(name)}\b", rest) is not None:
        return True
    # 'Sport England. Towards an active nation. Sport England, 2016.', 'Migration Observatory. Title. Oxford:
    # University of Oxford, Migration Observatory; 2017.': the name comes back right before the year, as the
    # publisher does (two words at least: a surname alone is too short to be sure of)
    return len(name.split()) >= 2 and re.search(
        rf"(?:^|[.,;:]\s+){re.escape(name)}\s*[,;.]\s*(?:(?:19|20)\d\d\b|$)", rest) is not None


def _more_than_a_date(text: str) -> bool:
    """Words left after a year and its stops: 'The White House. The Obama Administration and Community Health
    Centers. 2012.' has only the year after its second sentence, which is then the title, not a body's name."""
    return bool(re.sub(rf"{YEAR_RX}[a-z]?", "", text).strip(" .,;:"))


# 'ASGE Bariatric Endoscopy Task Force and ASGE Technology Committee, Abu Dayyeh BK, ...': two bodies joined by
# 'and' head the names, each of them short and named as a body.
_JOINT_BODIES = lazy(rf"(?P<first>(?:\S+\s+){{0,7}}?{GROUP_WORDS.pattern})\s+and\s+(?:\S+\s+){{0,7}}?{GROUP_WORDS.pattern}",
                     re.IGNORECASE)


def read_front(body: str):
    """(authors, organisation, the text after them, the year printed right after them)."""
    paren = _PAREN_YEAR.match(body) if _ANY_PAREN_YEAR.search(body) else None
    if paren:
        read = _with_paren_year(body, paren)
        if read:
            return read
    return _without_paren_year(body, paren)


# 'European Centre for Disease Prevention and Control. ECDC International Relations Policy 2020. (2018). Available
# online at: https://...': the address taken off, its lead-in is all that follows the year, which still closes the entry.
_LEAD_IN_ONLY = re.compile(r"^[\s.]*(?:(?:Available|Accessible|Retrieved)\s+(?:online\s+)?(?:at|from)\s*:?)?[\s.]*$",
                           re.IGNORECASE)


def _closes(rest: str) -> bool:
    """Nothing but stops, or an address's lead-in, after the bracketed year."""
    return bool(_LEAD_IN_ONLY.match(rest))


def _with_paren_year(body: str, paren: re.Match):
    """The front of an entry whose names are followed by a bracketed year (PLOS, APA-like, Nature), or None
    when the words before that year are neither names nor a body."""
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
        if (year and _closes(rest) and sep and len(first.split()) <= 14 and ORG_WORDS.search(first)
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
        if year and _closes(rest) and sep and len(first.split()) <= 14 and (
                ORG_WORDS.search(first) or GROUP_WORDS.search(first)):
            # "European Association for Study of Liver. EASL Clinical Practice Guidelines: ... J. Hepatol. 60,
            # 392-420 (2014).": a body heads a Nature entry whose year closes it, as names do.
            return None, clean(first), after, year, False
        return None, clean(who), rest, year, True
    return None


def _without_paren_year(body: str, paren: re.Match | None):
    """The front of a Vancouver, AMA or Elsevier entry: names, a body or a group, then the title."""
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
    if sep and len(first.split()) <= 14 and (ORG_WORDS.search(first) or GROUP_WORDS.search(first)
                                             or _ACRONYM.fullmatch(first) or _publisher_again(first, rest)
                                             or COUNTRY_BODY.fullmatch(first)
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
            and (ORG_WORDS.search(second) or GROUP_WORDS.search(second))):
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
