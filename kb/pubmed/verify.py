"""Each reference entry against its PubMed record: pure functions from entries and an index to verdicts.

The checks (``kb.checks.pmd``) turn verdicts into findings; the site shows
them on reference pages. A verdict says only what the records can show: an
entry with no record is "not found", never wrong.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .match import Match, RecordIndex, norm_pmid, norm_title, similar_titles
from .records import PubmedRecord


@dataclass(frozen=True)
class Verdict:
    number: int
    line: int
    match: Match | None  # the record the entry's PMID, DOI or title names
    wrong_pmid: tuple[str, ...] = ()  # what disagrees when the PMID is another paper's
    correct: PubmedRecord | None = None  # the paper's own record when the PMID is wrong and it was found
    differences: tuple[tuple[str, str, str], ...] = ()  # (field, as printed, in the record)
    final_citation: bool = False  # an ahead-of-print entry whose record now has volume and pages

    @property
    def record(self) -> PubmedRecord | None:
        """The record of the paper the entry means: its own when the PMID is wrong."""
        if self.wrong_pmid:
            return self.correct
        return self.match.record if self.match else None

    @property
    def status(self) -> str:
        if self.match is None:
            return "not found"
        if self.wrong_pmid:
            return "wrong PMID"
        record = self.record
        if record.retracted:
            return "retracted"
        if record.concern:
            return "expression of concern"
        if self.differences or self.final_citation:
            return "differs"
        return "verified"


def _fold(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", text)


def same_surname(a: str | None, b: str | None) -> bool:
    """Equal once accents, case, spaces and hyphens are gone; a particle may be dropped (Van Meirhaeghe)."""
    fa, fb = _fold(a), _fold(b)
    return bool(fa and fb) and (fa == fb or fa.endswith(fb) or fb.endswith(fa))


def year_agrees(year: int | None, record: PubmedRecord) -> bool:
    return year is None or year in (record.year, record.epub_year) or record.year is None


def disagreements(entry, record: PubmedRecord) -> tuple[str, ...]:
    """What says the PMID names another paper: the title, and the first author or the year.

    A title alone that differs (a translated or shortened title) is not enough
    when author and year agree; without a comparable title, author and year
    must both disagree.
    """
    title = None if len(norm_title(entry.title)) < 12 else similar_titles(entry.title, record.title)
    author = None if entry.organisation or not entry.first_author or not record.first_author \
        else same_surname(entry.first_author, record.first_author)
    year = None if not entry.year or not record.year else \
        (entry.year in (record.year, record.epub_year) or abs(entry.year - record.year) <= 1)
    found = tuple(name for name, ok in (("title", title), ("first author", author), ("year", year)) if ok is False)
    if title is False and (len(found) >= 2 or (author is None and year is None)):
        return found
    if title is None and author is False and year is False:
        return found
    return ()


_PAGES = re.compile(r"^\s*([A-Za-z]*)(\d+)\s*(?:[-\u2013]\s*([A-Za-z]*)(\d+))?\s*$")


def page_span(pages: str | None) -> tuple[str, str] | None:
    """('1116', '1122') from '1116-22' or '1116-1122'; None for what is not a page range."""
    m = _PAGES.match(pages or "")
    if not m:
        return None
    first = m.group(1).lower() + m.group(2)
    if not m.group(4):
        return first, first
    start, end = m.group(2), m.group(4)
    if len(end) < len(start):  # MEDLINE prints 1116-22 for 1116-1122
        end = start[: len(start) - len(end)] + end
    return first, (m.group(3) or m.group(1)).lower() + end


def same_pages(printed: str, recorded: str) -> bool:
    a, b = page_span(printed), page_span(recorded)
    if a is None or b is None:
        return re.sub(r"\s", "", printed).lower() == re.sub(r"\s", "", recorded).lower()
    return a[0] == b[0] and (a[1] == b[1] or a[0] == a[1])  # an entry may give the first page only


def _volume(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", value.lower())


def differences(entry, record: PubmedRecord) -> tuple[tuple[str, str, str], ...]:
    out = []
    if entry.year and record.year and not year_agrees(entry.year, record):
        out.append(("year", str(entry.year), str(record.year)))
    if entry.volume and record.volume and _volume(entry.volume) != _volume(record.volume):
        out.append(("volume", entry.volume, record.volume))
    if entry.pages and record.pages and not same_pages(entry.pages, record.pages):
        out.append(("pages", entry.pages, record.pages))
    return tuple(out)


def record_final(record: PubmedRecord) -> bool:
    return bool(record.volume and record.pages) and record.status != "aheadofprint"


def verdict(entry, index: RecordIndex) -> Verdict:
    found = index.match(entry)
    if found is None:
        return Verdict(entry.number, entry.line, None)
    wrong: tuple[str, ...] = ()
    correct = None
    printed = norm_pmid(entry.pmid)
    if found.how != "pmid" and printed and printed != norm_pmid(found.record.pmid):
        # Found by DOI or title under another PMID: the printed one is not this paper's (PMIDs are unique).
        return Verdict(entry.number, entry.line, found, ("PMID",), found.record, differences(entry, found.record),
                       entry.ahead_of_print and record_final(found.record))
    if found.how == "pmid":
        wrong = disagreements(entry, found.record)
        if wrong:
            other = index.by_identity(entry)
            correct = other.record if other and norm_pmid(other.record.pmid) != norm_pmid(entry.pmid) else None
    record = correct if wrong else found.record
    if record is None:
        return Verdict(entry.number, entry.line, found, wrong)
    return Verdict(entry.number, entry.line, found, wrong, correct, differences(entry, record),
                   entry.ahead_of_print and record_final(record))


def verify(entries, index: RecordIndex) -> tuple[Verdict, ...]:
    return tuple(verdict(e, index) for e in entries)
