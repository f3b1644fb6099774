"""REF11x: what one entry is missing (a year, a title, a source). REF12x are in ``ref_status``."""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.entry_edges import NO_SOURCE_BY_NATURE

from . import finding, rule
from .entry_doubt import source_may_hold_title, title_may_hold_source
from .entry_signs import DETAILS, has_source
from .helpers import clip, describe

# An entry that says it has no date ('(n.d.)', 'no date') is honest about it: nothing to report.
# ... and 's.f.' / 's.d.' (Spanish 'sin fecha', French 'sans date', Latin 'sine die'), as in 'FAO. (s.f): Agua ...'
# (in parentheses only: a bare 'S. D.' is a name's initials)
UNDATED = re.compile(r"\(n\.\s?d\.?\)|\bn\.\s?d\.|\bno date\b|\bundated\b|\((?-i:s)\.\s?(?-i:[fd])\.?\)|\bsin fecha\b|"
                      r"\bsans date\b", re.I)
# Nor is one not yet published: its year is not known when the list is printed.
# So is one only submitted, in review, in preparation ('(in prep.)') or unpublished ('... diminishes biocompatibility. Submitted',
# '(in review)', 'Pediatric Obesity. in review.'), or a manuscript ('... digital information tool (in manuscript).').
_NOT_YET = re.compile(r"\bin press\b|\bforthcoming\b|\baccepted for publication\b|\((?:in|under) review\)|\(submitted\)|"
                      r"\bsubmitted (?:for publication|to)\b|\bin prep(?:aration|\.)|\((?:in )?manuscript(?: in preparation)?\)|"
                      r"\b(?:submitted(?: for publication)?|(?:in|under) review|unpublished(?: data| observations)?)\W*$",
                      re.I)
# When more entries than this share lack the same part, the list is in a style the reader does not
# know: one info finding says so instead of one warning per entry.
UNREAD_SHARE = 1 / 3


_ADDRESS = re.compile(r"\S*(?:https?://|www\.)\S*")
_RUN_TOGETHER = re.compile(r"[^\W\d_]\d{8,}")  # 'Ann Surg19862041657110.1097': year, volume and pages glued


def _unread(e) -> bool:
    """No author could be read, and the entry is one run of text (a bare name such as 'SourceForge', parts
    printed without punctuation) or shows nothing of a reference at all (an address, a note). The reader
    does not know what the entry is, so the parts it lacks are not reported one by one."""
    if e.surnames or e.organisation:
        return False
    text = _ADDRESS.sub(" ", e.raw).strip()
    if not re.search(r"[.?!]\s+\S", text) or _RUN_TOGETHER.search(text):
        return True
    return not (e.year or e.source or e.doi or e.pmid or e.volume or DETAILS.search(text))


def _per_entry(r, kb, lacking: list, what: str, message, suggestion: str, in_doubt=None, why=None, check=""):
    """A finding per entry, or, when a third of the list or more lacks the part, one info finding.

    Entries the reader could not read at all are said once, at info, whatever their number; an entry
    ``in_doubt`` (the part may be hiding in another the reader did read) gets an info finding saying ``why(e)``,
    with ``check`` as its suggestion.
    """
    entries = kb.doc.references
    unread = [e for e in lacking if _unread(e)]
    if unread:
        lacking = [e for e in lacking if not _unread(e)]
        yield finding(r, unread[0].line, f"{len(unread)} of {len(entries)} entries could not be read as a reference "
                                         f"(no author, year or source; a bare name, an address or a note): their "
                                         f"{what} is not checked", citations=tuple(e.number for e in unread),
                      severity="info", suggestion=f"check the entries by eye; add the {what} where one is missing")
    if len(lacking) >= 5 and len(lacking) > UNREAD_SHARE * len(entries):
        yield finding(r, lacking[0].line, f"{len(lacking)} of {len(entries)} entries: no {what} could be read; "
                                          f"the list may be in a style the reader does not know, so they are not "
                                          f"reported one by one", citations=tuple(e.number for e in lacking),
                      severity="info", suggestion=f"check the entries' {what} by eye")
        return
    for e in lacking:
        if in_doubt is not None and in_doubt(e):
            yield finding(r, e.line, f"{describe(e)}: {why(e)}", citations=(e.number,), severity="info",
                          suggestion=check)
        else:
            yield finding(r, e.line, message(e), citations=(e.number,), suggestion=suggestion)


def _web_page(e) -> bool:
    """An address and no journal: a page that often has no date or title of its own beyond its publisher's. An
    italic name with no title before it is the page's own ('CrossFit, Inc: *CrossFit Affiliate Gym Locator*.
    http://map.crossfit.com'), not a journal."""
    journal = e.source and not e.source_guessed and e.title
    return bool(e.url) and not (e.volume or e.pages or e.pmid or e.doi or journal)


@rule("REF111", "missing-year", "warning")
def missing_year(kb):
    """An entry without a year of publication.

    What: no year can be read from the entry. Entries that give an access
    date (`[cited ...]`) but no publication date are REF123's, not this rule's;
    an entry that says it is undated (`(n.d.)`) or not yet published (`in
    press`, or ending `Submitted` or `in preparation`), and a web page (an
    address and no journal), are left alone. When a third of the list or
    more has no year, the list is in a style the reader does not know: one
    info finding says so instead; entries of which nothing
    could be read (a bare name such as `SourceForge`, an address, a note) are
    also said once, at info (the same holds for REF112 and REF113). An entry
    with no pages whose only year stands where the pages go (`Toxics. 6: 2018 doi: ...`: the year printed after
    the volume, or a page that looks like one), and an entry
    whose only date is in the meeting it names (`In Proc. *QoMEX 2012*`,
    `Proc. IPAC’15`), are reported at info.

    Why: the year tells a reader which version of the evidence the policy
    rests on and lets the annual review see how old it is; it is also how the
    text names studies (`Smith (2015)`), so the name cannot be checked without it.

    Example: `12. Leali PT, Solla F. Safety and efficacy of vertebroplasty. *Clin Cases Miner Bone Metab*. PMID: 28228788`

    Fix: add the year, for a journal article before the volume: `2016;13(3):234-36`.
    """
    lacking = [e for e in kb.doc.references if e.year is None and not e.accessed and not UNDATED.search(e.raw)
               and not _NOT_YET.search(e.raw) and not _web_page(e)]
    yield from _per_entry(missing_year, kb, lacking, "year", _no_year_message,
                          "add the year of publication (for a journal article: 'YYYY;volume(issue):pages')",
                          in_doubt=lambda e: _meeting_year(e) or _page_year(e), why=_year_in_doubt,
                          check="check by eye that the year it names is the year of publication")


# A meeting named with its year, as proceedings are cited: 'In Proc. *QoMEX 2012*', 'Proc. IPAC’15': the entry
# does give a date, only inside the meeting's name.
_MEETING_YEAR = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:['\u2019]\d{2}|\s+(?:19|20)\d{2})(?!\w)")


def _meeting_year(e):
    return _MEETING_YEAR.search(e.raw)


# 'Toxics. 6: 2018 doi: 10.3390/...': a year where the pages go, after the volume, and no pages anywhere; it may be
# the year printed after the volume or a page that looks like one, so neither is sure.
_PAGE_YEAR = re.compile(r"\b\d{1,4}(?:\s*\(\d{1,4}\))?\s*:\s*(?P<y>(?:19|20)\d\d)\s*(?:[.;]\s*)?(?=$|doi\b|https?://|PMID\b)",
                        re.IGNORECASE)


def _page_year(e):
    return None if e.pages else _PAGE_YEAR.search(e.raw.strip())


def _year_in_doubt(e) -> str:
    meeting = _meeting_year(e)
    if meeting:
        return f"no year of publication was read, but the meeting it names carries one ('{meeting.group(0)}')"
    return (f"no year of publication was read; '{_page_year(e).group(0).strip()}' prints a year where the pages go "
            f"(the year after the volume, or a page that looks like one)")


# A number in brackets where PLOS and APA print the year, but no year of publication: '(200)', '(1776)'.
_YEAR_PLACE = re.compile(r"\((\d{3,4})\)")


def _no_year_message(e) -> str:
    printed = _YEAR_PLACE.search(e.raw)
    if printed:
        return (f"{describe(e)} has no year of publication: it prints '({printed.group(1)})' where the year goes, "
                f"which cannot be the year of this entry")
    return f"{describe(e)} has no year of publication"


# A report's own number where an issue would stand ('2015;(HHS Publication No. SMA 15-4927, NSDUH Series H-50)'):
# words naming a publication or report number or a series, not a journal's issue.
_REPORT_NUMBER = re.compile(r"\b(?:Publication|Report|Pub|Document|Paper|Bulletin)\.?\s+No\b|\bSeries\b", re.IGNORECASE)


def _bodys_own_document(e) -> bool:
    """'U.S. Department of State. *FY 2009 Annual Report on Intercountry Adoptions*. 2009.': a body's own report
    or statement, its title set in italics where a journal would stand, with no volume, issue or pages. A
    report's number printed as the issue ('(HHS Publication No. SMA 15-4927)') is no journal's issue."""
    issue = e.issue and not _REPORT_NUMBER.search(e.issue)
    return bool(e.organisation and e.source and not (e.volume or issue or e.pages))


# 'LaSCA Screening Agency Personal Communication. 2016.': what someone said or wrote to the authors has no title.
_PERSONAL = lazy(r"\bpersonal\s+communication\b|\bpers\.\s*comm\b", re.IGNORECASE)


@rule("REF112", "missing-title", "warning")
def missing_title(kb):
    """An entry without a title.

    What: after the authors, no title can be read before the journal or the
    publication details. (A word in italics opening the title, such as a
    species, is the title's, not the journal; an organisation's home page is
    named by the organisation; a body's own report set in italics with no
    volume or pages, `WHO. *World Malaria Report*. 2011.`, has its title; a personal communication has none.)
    When what was read as the source may hold the title (F1000's
    `Author: *Title. Source.* 2020`, a standalone work's title in italics
    with no volume or pages), the entry is reported at info instead.

    Why: the title is what a reader and a search engine use to find the work;
    without it the entry cannot be told apart from the author's other papers.

    Example: `5. Buchbinder R, Osborne RH. *N Engl J Med*. 2009;361(6):557-68.`

    Fix: add the article's or document's title after the authors.
    """
    lacking = [e for e in kb.doc.references if not e.title and not (e.organisation and _web_page(e))
               and not _bodys_own_document(e) and not _PERSONAL.search(e.raw)]
    yield from _per_entry(missing_title, kb, lacking, "title", lambda e: f"{describe(e)} has no title",
                          "add the title after the authors, as printed on the work",
                          in_doubt=source_may_hold_title,
                          why=lambda e: f"no title was read apart from what was read as its source "
                                        f"('{clip(e.source, 60)}'), which may hold the title",
                          check="check by eye that the entry gives the work's title before its source")


@rule("REF113", "missing-source", "warning")
def missing_source(kb):
    """An entry that does not say where the work was published.

    What: the entry names no journal or publisher, no web address and no
    issuing organisation. (An organisation that wrote a guideline counts as its
    publisher; an entry that prints a volume and pages, a DOI or a publisher's
    place (`College Station, TX: StataCorp LP`, `Brisbane: University of Queensland`,
    a report's `Hanoi: 2012.`, a book's `Manila: World Health Organization; 2015. In press.`) or an
    issuing body (a ministry, agency,
    directorate) is taken to name its source, and so is the text after a book's,
    report's or preprint's title (`Ithaca, NY: PRI; 1967`, `Technical Report
    12`, `arXiv:1505.0710`); an entry whose `Available from:` lacks its address
    is REF122's; a personal communication or unpublished work has no source to
    give.) When the reader did not split the entry cleanly, so that what it
    read as the title may hold the publisher or journal (no author read, the
    author read again as the title, a second sentence, a year in brackets,
    pages or a volume, a place and publisher: `Wolf - Hund - Mensch,
    Brandstätter, 231.`; a volume in bold after a journal the reader
    missed, `Ann. Phys. **87**, 289`; proceedings named inside the title
    part), the entry is reported at info instead.

    Why: without a source a reader cannot find the work, and the kind of
    evidence (journal article, guideline, web page) cannot be told.

    Example: `17. Yi X, Lu H. Recompression in new levels after percutaneous vertebroplasty. 2014.`

    Fix: add the journal with volume, issue and pages; for a web document, the
    issuing body and `Available from: <address>`.
    """
    lacking = [e for e in kb.doc.references if not has_source(e) and not e.available_from
               and not NO_SOURCE_BY_NATURE.search(e.raw)]
    yield from _per_entry(missing_source, kb, lacking, "journal, publisher, issuing body or web address",
                          lambda e: f"{describe(e)} names no journal, publisher, issuing body or web address",
                          "add the journal (with volume, issue and pages) or, for a web document, the issuing "
                          "body and its address", in_doubt=title_may_hold_source,
                          why=lambda e: f"no journal, publisher or address was read, but the entry is in a form the "
                                        f"reader did not split, and what it read as the title ('{clip(e.title, 60)}') "
                                        f"may hold one",
                          check="check by eye that the entry says where the work was published")


RULES = (missing_year, missing_title, missing_source)
