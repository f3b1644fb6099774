"""Immutable records shared by every stage of policykb.

Parsing produces these; nothing downstream mutates them. Content problems
travel as ``Problem`` (from the parser) or ``Finding`` (from the checks).
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Problem:
    """Something the parser noticed but could not make sense of."""

    kind: str
    line: int
    message: str
    column: int | None = None


@dataclass(frozen=True)
class Section:
    id: str  # slug path, e.g. "rationale/percutaneous-vertebroplasty/systematic-reviews"
    title: str
    level: int
    path: tuple[str, ...]  # titles from the outermost heading down to this one
    line: int
    end_line: int


@dataclass(frozen=True)
class Sentence:
    text: str  # markup removed, markers kept as "[n]"
    line: int
    end_line: int
    section_id: str
    index: int  # position in the document, 0-based

    @functools.cached_property
    def acronym_definitions(self) -> tuple:
        """Its 'name (ACRONYM)' definitions (kb.read.acronyms): read once, though two checks and the estimates'
        topics each walk every sentence's (kept in the instance's __dict__, outside the fields)."""
        from kb.read.acronyms import definitions

        return tuple(definitions(self.text))


@dataclass(frozen=True)
class Paragraph:
    """A paragraph or list item of running text, as the reader sees it."""

    text: str  # markup removed, markers kept as "[n]", the list label left out
    line: int
    end_line: int
    section_id: str
    label: str | None = None  # list label as printed without its dot: "1", "a", "IV", "-" for a bullet


@dataclass(frozen=True)
class CitationMarker:
    raw: str  # as printed, e.g. "<sup>[5, 6, 65-67]</sup>"
    inner: str  # the bracket content, e.g. "5, 6, 65-67"
    numbers: tuple[int, ...]  # expanded, in printed order, duplicates kept
    line: int
    column: int  # 1-based
    section_id: str
    sentence_index: int | None
    problems: tuple[str, ...] = ()
    in_range: frozenset[int] = frozenset()  # numbers that came from a range


@dataclass(frozen=True)
class ReferenceEntry:
    number: int
    raw: str
    line: int
    authors: tuple[str, ...] = ()  # "Surname Initials" as printed
    surnames: tuple[str, ...] = ()
    organisation: str | None = None
    year: int | None = None
    title: str | None = None
    source: str | None = None  # journal or publisher
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pmid: str | None = None
    doi: str | None = None
    url: str | None = None
    accessed: str | None = None
    available_from: bool = False  # the entry says "Available from:"
    epub_ahead: bool = False  # the entry says "Epub ahead of print"
    source_guessed: bool = False  # the source is the text after the title (a publisher, a series), not a journal read
    part: int = 0  # the list's part whose numbers restart at 1 under a label of its own (Anthem's 'Government ...:')

    @property
    def first_author(self) -> str | None:
        return self.surnames[0] if self.surnames else None

    @property
    def ahead_of_print(self) -> bool:
        """Marked 'Epub ahead of print', or a journal (read as one, not a publisher) with a year but no volume,
        issue, pages or address yet: how an article is cited before it appears in an issue."""
        return self.epub_ahead or bool(self.source and not self.source_guessed and self.year
                                       and not (self.volume or self.issue or self.pages or self.url))

    @property
    def label(self) -> str:
        """Short human label: 'Buchbinder (2009)' or the organisation."""
        who = self.first_author or self.organisation or (self.title or "untitled")[:40]
        return f"{who} ({self.year})" if self.year else who


@dataclass(frozen=True)
class Statement:
    """A coverage criterion such as I.A.5.k."""

    id: str
    text: str
    line: int
    end_line: int
    parent: str | None
    category: str | None  # e.g. "medically necessary", "investigational"
    marker: str  # the list label as printed: "I", "A", "5", "k"


@dataclass(frozen=True)
class Code:
    system: str  # CPT, HCPCS, ...
    code: str
    description: str
    line: int


@dataclass(frozen=True)
class PolicyDocument:
    path: str
    lines: tuple[str, ...]
    title: str | None
    metadata: dict = field(default_factory=dict, hash=False, compare=False)
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    markers: tuple[CitationMarker, ...] = ()
    references: tuple[ReferenceEntry, ...] = ()
    reference_section: Section | None = None
    statements: tuple[Statement, ...] = ()
    documentation: tuple[tuple[int, str], ...] = ()  # (line, item) of required documentation
    codes: tuple[Code, ...] = ()
    problems: tuple[Problem, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()  # running text outside the reference list and codes
    skipped: tuple = ()  # (line, kb.read.markers.Skipped): spans that may be markers, left unread
    # "numbered", or "author-year": a list printed without numbers, numbered by the reader in printed order
    # and cited in the text by name and year (kb.read.author_year)
    citation_style: str = "numbered"

    def section_at(self, line: int) -> Section | None:
        """The innermost section containing ``line``: the last heading above it."""
        i = bisect.bisect_right([s.line for s in self.sections], line) - 1
        return self.sections[i] if i >= 0 else None


@dataclass(frozen=True)
class Finding:
    """One result of a check. The field set is a contract (see ARCHITECTURE.md)."""

    code: str
    severity: str
    line: int
    message: str
    column: int | None = None
    citations: tuple[int, ...] = ()
    suggestion: str | None = None
    waived: str | None = None  # the waiver's reason when an editor accepted it

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "citations": list(self.citations),
            "message": self.message,
            "suggestion": self.suggestion,
        }
