"""Which record is a reference entry: by PMID, then DOI, then title (and year).

An index over the records answers each entry in constant time, so a list
of thousands of entries is matched against tens of thousands of records in
a blink. Titles are compared as words (case, punctuation and markup gone);
a title is a match when it equals the record's, or one is the other's start
(lists drop subtitles) and that start is long enough to name one paper.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .records import PubmedRecord

MIN_TITLE = 24  # characters of a normalised title that name one paper
_PREFIX_WORDS = 5


def norm_title(title: str | None) -> str:
    if not title:
        return ""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def norm_doi(doi: str | None) -> str:
    return (doi or "").strip().rstrip(".").lower()


def norm_pmid(pmid: str | None) -> str:
    value = (pmid or "").strip(" :;,.")
    return value.lstrip("0") if value.isdigit() else ""


def title_words(title: str | None) -> set[str]:
    return set(norm_title(title).split())


def similar_titles(a: str | None, b: str | None) -> bool:
    """Same paper by title: equal, one the start of the other, or most words shared."""
    ta, tb = norm_title(a), norm_title(b)
    if not ta or not tb:
        return False
    if ta == tb or (min(len(ta), len(tb)) >= MIN_TITLE and (ta.startswith(tb) or tb.startswith(ta))):
        return True
    wa, wb = set(ta.split()), set(tb.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.8


@dataclass(frozen=True)
class Match:
    record: PubmedRecord
    how: str  # "pmid", "doi" or "title"


class RecordIndex:
    """Records by PMID, DOI and title prefix."""

    def __init__(self, records):
        self.records = list(records)
        self.by_pmid: dict[str, PubmedRecord] = {}
        self.by_doi: dict[str, PubmedRecord] = {}
        self.by_prefix: dict[str, list[PubmedRecord]] = {}
        for r in self.records:
            self.by_pmid.setdefault(norm_pmid(r.pmid), r)
            if r.doi:
                self.by_doi.setdefault(norm_doi(r.doi), r)
            key = " ".join(norm_title(r.title).split()[:_PREFIX_WORDS])
            if key:
                self.by_prefix.setdefault(key, []).append(r)

    def __len__(self) -> int:
        return len(self.records)

    def by_title(self, title: str | None, year: int | None) -> PubmedRecord | None:
        """The record with this title, published within a year of ``year`` (when the entry has one)."""
        key = " ".join(norm_title(title).split()[:_PREFIX_WORDS])
        if len(key) < MIN_TITLE // 2:
            return None
        for r in self.by_prefix.get(key, ()):
            close = year is None or any(y is not None and abs(y - year) <= 1 for y in (r.year, r.epub_year))
            if close and similar_titles(title, r.title):
                return r
        return None

    def by_identity(self, entry) -> Match | None:
        """The record the entry's DOI or title names, ignoring its PMID."""
        doi = norm_doi(entry.doi)
        if doi and doi in self.by_doi:
            return Match(self.by_doi[doi], "doi")
        found = self.by_title(entry.title, entry.year)
        return Match(found, "title") if found else None

    def match(self, entry) -> Match | None:
        pmid = norm_pmid(entry.pmid)
        if pmid and pmid in self.by_pmid:
            return Match(self.by_pmid[pmid], "pmid")
        return self.by_identity(entry)
