"""The PubMed record: what verification and triage need from one citation, whatever the export format."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Comments/corrections that change what a citing editor must do (PubMed XML RefType -> MEDLINE tag).
RETRACTION_IN = "RetractionIn"
CONCERN_IN = "ExpressionOfConcernIn"
ERRATUM_IN = "ErratumIn"
RETRACTED_TYPES = ("Retracted Publication",)


@dataclass(frozen=True)
class PubmedRecord:
    pmid: str
    title: str
    authors: tuple[str, ...] = ()  # "Surname Initials", or a collective name
    surnames: tuple[str, ...] = ()  # surnames only (collective names as printed)
    year: int | None = None  # the issue's publication year
    epub_year: int | None = None  # the electronic publication year, when it differs in kind
    pub_date: str | None = None  # best-known ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for "since" filters
    journal: str = ""  # ISO abbreviation (MEDLINE TA)
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None  # MedlinePgn as printed: "296-302", "e0123"
    doi: str | None = None
    status: str | None = None  # publication status: ppublish, epublish, aheadofprint
    pub_types: tuple[str, ...] = ()
    mesh: tuple[str, ...] = ()  # descriptor names, without qualifiers or stars
    keywords: tuple[str, ...] = ()
    abstract: str = ""
    corrections: tuple[tuple[str, str], ...] = ()  # (RefType, PMID or the note's source text)
    source: str = ""  # the file it was read from, for messages
    line: int | None = None  # where in that file, when known

    @property
    def first_author(self) -> str | None:
        return self.surnames[0] if self.surnames else None

    def related(self, ref_type: str) -> tuple[str, ...]:
        return tuple(v for t, v in self.corrections if t == ref_type)

    @property
    def retracted(self) -> bool:
        return any(t in self.pub_types for t in RETRACTED_TYPES) or bool(self.related(RETRACTION_IN))

    @property
    def concern(self) -> bool:
        # "Expression of Concern" as a publication type marks the notice itself, not the paper it concerns.
        return bool(self.related(CONCERN_IN))

    def citation(self) -> str:
        """Vancouver style, as policy reference lists print it: authors, title, journal year;vol(issue):pages."""
        names = list(self.authors[:6]) + (["et al"] if len(self.authors) > 6 else [])
        who = ", ".join(names)
        where = f"{self.journal}. {self.year or ''}"
        if self.volume:
            where += f";{self.volume}"
            if self.issue:
                where += f"({self.issue})"
        if self.pages:
            where += f":{self.pages}"
        parts = [p for p in (who, self.title.rstrip("."), where) if p]
        text = ". ".join(parts) + f". PMID: {self.pmid}."
        return text + (f" doi: {self.doi}" if self.doi else "")


_YEAR = re.compile(r"(1[89]|20)\d\d")


def year_of(text: str | None) -> int | None:
    """The first plausible four-digit year in a date as printed ('2002 Sep', 'Winter 1990-1991')."""
    m = _YEAR.search(text or "")
    return int(m.group(0)) if m else None
