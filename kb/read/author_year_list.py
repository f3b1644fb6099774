"""An author-year reference list: entries printed without numbers, and the fields such entries put first.

Issuers and journals that cite by name and year print the list alphabetically, one entry a paragraph, a bullet
or a line, often with the year right after the names (``Albert DM, Bowyer RT 1991 Title.``, Wiley's
``Abuya, B. A. , and D. Moore . 2011. "Title."``). The entries are read as numbered ones are
(``kb.read.reference_list``), and then what such a list puts first settles what that reader left open.

Pure: lines or an entry's text in, drafts and ``ReferenceEntry`` records out.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kb.patterns import lazy
from kb.read.authors import PARTICLE
from kb.read.entry_source import YEAR_RX
from kb.read.model import ReferenceEntry
from kb.read.reference_list import parse_entry

YEAR = YEAR_RX
# The reader's particles, and the capitalised forms that open a cited name ('Delle Monache et al. (1991)').
# A name opens with a capital, of Latin-1 or Latin Extended-A ('\u015eener', '\u010cech', '\u0141ukasz').
CAPITAL = r"[A-Z\u00c0-\u00de\u0100-\u017f]"
PARTICLES = rf"(?:(?:{PARTICLE}|Del|Della|Delle|Dos)\s+)*"
_BULLET = lazy(r"^\s*[-*+\u2022]\s+")
_HAS_YEAR = lazy(rf"\b{YEAR}[a-z]?\b")
# A bullet that is one Markdown link to the document, its words as the link's text and an attribute list after it
# ('- [ACR 2021 Rheumatoid Arthritis Guidelines](https://...){ :target="_blank" }', as mkdocs pages print their
# sources): the entry reads as its words and then the address.
_LINK_ITEM = lazy(r"^\[(?P<words>[A-Za-z0-9\u00c0-\u017f][^\]]*)\]\((?P<url>[^)\s]+(?:\([^)\s]*\)[^)\s]*)*)\)"
                  r"(?:\{[^}]*\})?\s*$")
# an entry may open in bold or italic, as journals set the authors ('**Afgan E, Baker D. 2016.**')
_ENTRY_START = lazy(r"^\s*(?:[-*+\u2022]\s+)?(?:\*{1,3}|_{1,2})?[A-Z\u00c0-\u00de]")


def unnumbered_drafts(lines: list[str], first_line: int) -> list[list]:
    """[number, text, line] for each entry of a list printed without numbers: paragraphs, bullet items, or
    lines that each open with a name and hold a year. Empty unless most of them look like references, or
    else, when they do not, the heading opens a bulleted list (then its items, dated or not, up to the first
    paragraph after it). A table after the list (its cells a tab apart: 'Status<tab>Date<tab>Action', an approval
    log) ends it, unless the list then reads as no list, when the table's dates were what held it up."""
    for tables_end in (True, False):
        drafts = _drafts(lines, first_line, tables_end)
        dated = sum(1 for d in drafts if (_HAS_YEAR.search(d[1]) or _NO_DATE.search(d[1])) and _ENTRY_START.match(d[1]))
        if drafts and dated >= 0.6 * len(drafts):
            return drafts
    return _bullet_run(lines, first_line)


def _drafts(lines: list[str], first_line: int, tables_end: bool) -> list[list]:
    drafts: list[list] = []
    gap = True  # a blank line before: a new entry
    for offset, text in enumerate(lines):
        if not text.strip() or _PART_LABEL.match(text) or _DATED_FIELD.match(text):
            # a part's label alone ('**Peer Reviewed Publications:**') names the entries under it; a running
            # header's date line left amid the list ('Last reviewed: 03/08/2023') is none of them
            gap = True
            continue
        if _FIELD_LABEL.match(text) or (tables_end and text.count("\t") >= 2):
            break  # the document's own record after its list ('**Devised:** 7/23', '**Revised:** ...'), then notices
        if drafts and _TAIL.match(text):
            gap = False  # an entry's PMID or address a page break set apart ('PMID: 15749997' after the page number)
        starts = _BULLET.match(text) or (gap and not (drafts and _second_half(drafts[-1][1], text))) or (
            drafts and _ENTRY_START.match(text) and drafts[-1][1].rstrip().endswith(".")
            and (_HAS_YEAR.search(drafts[-1][1]) or _undated_before_named(text))) or (
            drafts and _APA_OPENING.match(text) and _HAS_YEAR.search(drafts[-1][1]))
        if starts:
            drafts.append([len(drafts) + 1, _BULLET.sub("", text).strip(), first_line + offset])
        else:
            drafts[-1][1] += " " + text.strip()
        gap = False
    return _split_glued(drafts)


# A part of the list named by a bold label alone on its line, its colon in or after the bold: Texas Children's Health
# Plan's '**Government Agency, Medical Society, and Other Publications:**' and '**Peer Reviewed Publications:**'.
_PART_LABEL = lazy(r"^\s*\*\*[A-Z][^*]{2,120}?(?::\*\*|\*\*:)\s*$")
_ET_AL = lazy(r",?\s+et\s+al\.?$")
# A dated field on a line of its own, a page header's: 'Last reviewed: 03/08/2023'.
_DATED_FIELD = lazy(r"^\s*(?:last\s+)?(?:reviewed|revised|updated|review date|revision date)\s*:\s*"
                    r"\d{1,2}/\d{1,2}/\d{2,4}\s*$", re.IGNORECASE)
# An entry's tail set apart from it: its PMID, DOI or address on a line of its own.
_TAIL = lazy(r"^\s*(?:PMID\b|PMCID\b|doi:|DOI:|https?://)")
# APA's '(n.d.)': an entry that says it has no date is as much a reference as a dated one (Neighborhood Health Plan
# of Rhode Island's 'Trompeter, E.- Editor. ... (n.d.). Genetic Testing and Diagnostic Tools ...').
_NO_DATE = lazy(r"\(n\.\s?d\.\)")


# A field of the document's own record, a bold label with its colon: Geisinger prints '**Devised:** 7/23',
# '**Revised:** ...', '**CMS UM Oversight Committee Approval:** 12/23' right after its list, then its notices.
_FIELD_LABEL = lazy(r"^\s*\*\*[A-Z][^*]{0,60}:\s*\*\*")


# The first half of an entry broken into two paragraphs ends inside its title or its names: on a letter, a comma or
# a hyphen, never on a stop, a bracket, a page number or a web address ('Araki, H., ... (2012) GeneSetDB: A
# comprehensive' then 'meta-database, statistical and visualisation framework ... *FEBS Open Bio*, **2**: 76-82.',
# a thesis's list whose BibTeX fields held a paragraph break, in Word and in HTML alike).
# A year anywhere, also glued to a month ('Jul2012;106(3):330-44', a payer's PDF), and an entry opening with Vancouver
# names ('Patterson MC, Hendriksz CJ, ...'): an entry of its own after an undated-looking one, never its second half.
_ANY_YEAR = lazy(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)")
_VANCOUVER_OPENING = lazy(r"^\s*[A-Z\u00c0-\u00de][\w'\u2019-]+(?:\s[A-Z\u00c0-\u00de][\w'\u2019-]+)?\s[A-Z]{1,3}[,.]")
_OPEN_END = lazy(r"[^\W\d_][*_]*$|[,\-\u2010-\u2013]$|\((?:1[6-9]|20)\d\d[a-z]?\)$")


def _second_half(before: str, text: str) -> bool:
    """Whether a paragraph after a blank line goes on the entry before it: that entry names its year and stops
    mid-title or right after the year (see ``_OPEN_END``), and the paragraph names no year and opens no bullet; or
    that entry stops on a comma inside its names, before any year ('Bell, D., ..., Dhir, R.,' then the rest of the
    names and the year). An undated entry after a dated one that printed no stop is not taken in: it names a year
    or ends on a web address."""
    last = before.rstrip().split()[-1] if before.strip() else ""
    if not _OPEN_END.search(before.rstrip()) or "/" in last or "www." in last or _BULLET.match(text):
        return False
    if _HAS_YEAR.search(before) is None:
        return before.rstrip().endswith(",")
    return _ANY_YEAR.search(text) is None and not _VANCOUVER_OPENING.match(text) and not _NAMES_OPENING.match(text)


# An APA entry's opening, the names and then the year in parentheses closed by a stop ('Blunt, B. A., Barrett-Connor,
# E., & Wingard, D. L. (1991). Evaluation ...', 'ADA. (2022, July 28). *Statistics ...*'): a line so opening starts an
# entry even when the one before ends with its address rather than a stop (Healthfirst's lists, one entry a line with
# no blank line between, most ending 'https://doi.org/...'). A wrapped line opens with a title's or a journal's words,
# which seldom run straight into a year in parentheses and a stop. A particle may open the name ('van 't Riet, E.').
_APA_OPENING = lazy(r"^\s*(?:(?:van|von|de|der|den|da|di|du|del|della|le|la|ten|ter)\s+(?:['\u2019]t\s+)?)?"
                    r"[A-Z\u00c0-\u00de][^()\n]{0,600}?[.\w]\s\((?:19|20)\d\d[a-z]?(?:,\s[^()]{1,30})?\)\.(?:\s|$)")


# '... Surg Obes Relat Dis. 2016 Mar-Apr;12(3):460-461.Parmar CD, Gan J, Stier C, et al. One Anastomosis ...': an
# entry's last page, its stop, and with no space the next entry's authors (two Vancouver names): a PDF that lost the
# paragraph break between them. A stop after a digit with no space before a capital is no sentence in a title.
_GLUED_NEXT = lazy(r"(?<=\d)\.(?=[A-Z][a-z'\u2019-]+(?:\s[A-Z][a-z'\u2019-]+)?\s[A-Z]{1,3},\s[A-Z][a-z'\u2019-]+\s[A-Z]{1,3}[,.])")


def _split_glued(drafts: list[list]) -> list[list]:
    """The drafts with each one holding two entries glued at a page's stop split in two, numbered again in order."""
    out: list[list] = []
    for _, text, line in drafts:
        start = 0
        for m in _GLUED_NEXT.finditer(text):
            out.append([0, text[start:m.end()].strip(), line])
            start = m.end()
        out.append([0, text[start:].strip(), line])
    for k, d in enumerate(out, 1):
        d[0] = k
    return out


# 'S. Cheng-Xian Li and B. Marlin. A scalable ... NIPS, 2016.': initials then a surname, or a surname, a comma and
# initials, at the start of a line that holds a year
_NAMES_OPENING = lazy(r"^\s*(?:[A-Z]\.\s?(?:-?[A-Z]\.\s?)*\s*[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?(?:,|\s+and\s)"
                      r"|[A-Z][\w'\u2019-]+,\s+[A-Z]\.)")


def _undated_before_named(text: str) -> bool:
    """A line opening with an author's name and initials and holding a year starts an entry even after an entry
    that printed no year ('L. Cheng, ..., B. E. Engelhardt. Sparse multi-output ... March . URL ...'): a wrapped line
    of one entry opens with a journal or a title, not with a person's initials and name."""
    return bool(_NAMES_OPENING.match(text)) and _HAS_YEAR.search(text) is not None


def _bullet_run(lines: list[str], first_line: int) -> list[list]:
    """The items of a bulleted list standing first under the heading, two or more, each opening with a letter or
    a digit (NHS and payer documents list the guidance they drew on, 'NICE guideline NG28', often undated and
    uncited), or each one Markdown link to the document (mkdocs pages); a bullet's wrapped lines join it; the
    list ends at a blank line followed by anything else."""
    drafts: list[list] = []
    gap = False
    for offset, text in enumerate(lines):
        if not text.strip():
            gap = True
            continue
        link = _LINK_ITEM.match(_BULLET.sub("", text).strip()) if _BULLET.match(text) else None
        if link:
            drafts.append([len(drafts) + 1, f"{link.group('words').rstrip('. ')}. {link.group('url')}",
                           first_line + offset])
        elif _BULLET.match(text) and _BULLET.sub("", text)[:1].isalnum():
            drafts.append([len(drafts) + 1, _BULLET.sub("", text).strip(), first_line + offset])
        elif drafts and not gap and not text.lstrip().startswith(("#", "|")):
            drafts[-1][1] += " " + text.strip()
        else:
            break
        gap = False
    return drafts if len(drafts) >= 2 else []


# The names before the year that opens an author-year entry: 'Albert DM, Bowyer RT 1991 Title.',
# 'Abuya, B. A. , E. O. Onsomu , and D. Moore . 2011. "Title."' (Wiley), 'Smith, J. (2010). Title.'
_NAMES_THEN_YEAR = lazy(rf"^(?P<names>[^\u201c\"(]{{2,600}}?)[\s.,]*\(?{YEAR}[a-z]?\)?(?:[.,:;]|\s|$)")
_LETTERS = "\\w'\u2019\u2010-"
_FIRST_AUTHOR = lazy(rf"^(?P<name>{PARTICLES}[A-Z\u00c0-\u00de][{_LETTERS}]+(?:\s+[A-Z\u00c0-\u00de][a-z\u00df-\u00ff][{_LETTERS}]*)?)"
                     r"(?:\s+[A-Z]{1,3}\.?(?:\s?[A-Z]\.)*)?$")


# Wiley's author-year entry: the names, the year closed by a stop, then the quoted title: 'Frost, M. B. , R. Forste ,
# and D. W. Haas . 2005. "Maternal Education ..." Social Science & Medicine (1982) 60'. That year is the entry's; a
# year printed later is a journal title's (PubMed's '(1982)' tells two journals of one name apart) or a volume's.
_NAMES_YEAR_QUOTE = lazy(rf"^(?P<names>[^\u201c\"(\d]{{2,600}}?)[\s.,]+(?P<year>{YEAR})[a-z]?\.\s+[\u201c\"]")


_LEAD_SURNAME = lazy(rf"^(?P<name>{PARTICLES}[A-Z\u00c0-\u00de][{_LETTERS}]+(?:\s+[A-Z\u00c0-\u00de][a-z\u00df-\u00ff][{_LETTERS}]*)?)"
                     r"\s+[A-Z\u00c0-\u00de]{1,3}\b")


# A Vancouver author list and the year right after it: 'Silk JB, Alberts SC, Altmann J 2014 Title ... 369(1859)'.
_LIST_THEN_YEAR = lazy(rf"^(?P<first>{PARTICLES}[A-Z\u00c0-\u00de][{_LETTERS}]+(?:\s+[A-Z\u00c0-\u00de][a-z\u00df-\u00ff][{_LETTERS}]*)?)"
                       rf"\s+[A-Z]{{1,3}}(?:[,\s]+(?:and\s+|&\s+)?{PARTICLES}[A-Z\u00c0-\u00de][{_LETTERS}]+(?:\s+[A-Z]{{1,3}}))*"
                       rf"(?:,?\s+et\s+al\.?)?[.,]?\s+\(?(?P<year>{YEAR})[a-z]?\b")


# A journal's date before its volume, as Vancouver prints it: '. Obes Surg. 2023 Jan;33(1)', '. JAMA. 2019;321:'
_JOURNAL_DATE = lazy(rf"\.\s+(?P<y>{YEAR})(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?;\s*\d")
_DATED_BODY = lazy(rf"^(?P<body>.+?)[\s.,]+\(?(?P<year>{YEAR})[a-z]?\)?\.?$")
# Harvard without stops (Ubiquity Press): 'Ipsos 2016 Citizens Perception of Peace ...', 'Farsight Africa Group 2017
# Final Report': the body's name, its year, then the title, all read as one body's name.
_BODY_YEAR_TITLE = lazy(rf"^(?P<body>[A-Z][^\d]{{1,60}}?)\s+(?P<year>{YEAR})[a-z]?\s+(?P<title>[A-Z\u2018\u201c\"].+)$")


# A body's name and the year right after it, each closed by a full stop: 'Brasil - Estado da Bahia. 2003a. Decreto ...',
# 'Brasil. Ministério Público do Estado da Bahia. 2015. Parecer ...'. The name's words are capitalised, or the small
# words of a body's name ('da', 'of', 'for'), so a title ('Guidelines for using the ...') is none.
_BODY_THEN_YEAR = lazy(rf"^(?P<body>[^\d\u201c\"(]{{2,120}}?)\.\s+\(?(?P<year>{YEAR})[a-z]?\)?\.(?:\s|$)")
_BODY_WORD = lazy(r"(?:[A-Z\u00c0-\u00de][\w'\u2019./-]*|da|de|do|das|dos|del|la|du|des|of|for|the|-)[,.]?")
# What tells a body from a person's name ('Quoc Le', given name first): one word alone ('Brasil'), a dash between
# two names, or a body's small word ('Estado da Bahia', 'Ministry of Health').
_BODY_SIGN = lazy(r"^\S+$|\s[-\u2013]\s|\s(?:da|de|do|das|dos|del|of|for|the)\s")


def _body_then_year(text: str) -> tuple[str, int] | None:
    """(the first body's name, the year) of an entry opening with a body's name and its year."""
    found = _BODY_THEN_YEAR.match(text)
    body, _, rest = found.group("body").partition(". ") if found else ("", "", "")
    # What stands between the body and the year is short: the issuing office, or the act's name ('Brasil. Decreto
    # s/n. 2007.')
    if (not body or not _BODY_SIGN.search(body) or not all(_BODY_WORD.fullmatch(w) for w in body.split())
            or len(rest.split()) > 8):
        return None
    return body.strip(), int(found.group("year"))


# APA sets the title of a work that stands alone (a web page, a report) in italics right after the year, with nothing
# but its address after it: 'ASCO. (2021). *Hereditary Pancreatitis*. https://www.cancer.net/...'. The italics, a
# journal's or a book's elsewhere, are the title here. A web page's date may carry its day ('(2022, July 28).',
# Healthfirst's lists).
_WHOLE_WORK = lazy(r"\((?:19|20)\d\d[a-z]?(?:,\s[^()]{1,30})?\)\.\s*\*(?P<title>[^*]{3,200})\*\.?\s*(?:(?:https?://|doi:|www\.)\S+\s*)?$")


def read_entry(number: int, text: str, line: int) -> ReferenceEntry:
    """An entry of an unnumbered list (see ``_read_entry``); a stand-alone work's italic title read as its title."""
    entry = _read_entry(number, text, line)
    whole = _WHOLE_WORK.search(text) if entry.title is None and entry.source else None
    if whole and whole.group("title").strip(" .") == entry.source.strip(" .*"):
        return replace(entry, title=entry.source.strip(" .*"), source=None)
    return entry


def _read_entry(number: int, text: str, line: int) -> ReferenceEntry:
    """An entry of an unnumbered list: read as a numbered one; then the year printed right after a Vancouver
    author list wins over one read later (a volume such as '(1859)'), and where no author was read, the name
    before the year that opens the entry (author-year lists put the year right after the names)."""
    entry = parse_entry(number, text, line)
    dated = _DATED_BODY.match(entry.organisation or "")
    if dated and entry.year is None:  # 'ICNIRP. 2020. "Guidelines ..."': the body's name took its year along
        entry = replace(entry, organisation=dated.group("body"), year=int(dated.group("year")))
    titled = _BODY_YEAR_TITLE.match(entry.organisation or "") if entry.year is None else None
    if titled and len(titled.group("body").split()) <= 6:
        entry = replace(entry, organisation=titled.group("body"), year=int(titled.group("year")),
                        title=titled.group("title"))
    quoted = _NAMES_YEAR_QUOTE.match(text)
    if quoted and entry.surnames and entry.year != int(quoted.group("year")):
        entry = replace(entry, year=int(quoted.group("year")))
    lead = _LIST_THEN_YEAR.match(text)
    if lead:
        year = int(lead.group("year"))
        dated = _JOURNAL_DATE.search(text, lead.end())
        closed = "." in text[max(0, lead.start("year") - 3):lead.start("year")]  # the names end in a stop
        if closed and entry.year and entry.year != year and dated and int(dated.group("y")) == entry.year:
            # 'Eisenberg D, ..., et al. 2022 American Society ... Indications ... Obes Surg. 2023 Jan;33(1):3-14.':
            # the journal's date before its volume is the entry's; the year after the names opens the title
            return entry
        named = entry if entry.surnames or entry.organisation else replace(entry, surnames=(lead.group("first"),))
        return replace(named, year=year) if named.year != year else named
    body = None if entry.surnames else _body_then_year(text)
    if body:  # the year after the body's name wins over a later one (a decree's, an access date: '13 Oct. 2022')
        return replace(entry, organisation=entry.organisation or body[0], year=body[1])
    if entry.surnames or entry.organisation:
        return entry
    person = _LEAD_SURNAME.match(text)  # 'Renehan AG, Zwahlen M, ...', 'Jung YE(G), ...', 'Loretto M-C, ...'
    if person:
        return replace(entry, surnames=(person.group("name"),))
    names = _NAMES_THEN_YEAR.match(text)
    head = re.split(r",|\s+(?:and|&)\s+", names.group("names"), maxsplit=1)[0].strip(" .") if names else ""
    first = _FIRST_AUTHOR.match(_ET_AL.sub("", head))  # 'Mainzer et al. 2011, ApJ, 741, 90' (AAS journals)
    if not first:
        return entry
    year = entry.year or int(_HAS_YEAR.search(text, names.end("names")).group(0)[:4])
    return replace(entry, surnames=(first.group("name"),), year=year)
