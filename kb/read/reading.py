"""How well a document was read: the reading report ``kb info`` prints.

Pure: a ``PolicyDocument`` in, a ``ReadingReport`` out. It says what share of
the reference entries were read with an author, a year and a source, how many
markers were read and in which styles, which spans were left unread because
they may or may not be markers, and, once for the whole document, which
checks are skipped for the parts that could not be read.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kb.read.author_year_index import NO_ENTRY
from kb.read.model import PolicyDocument

# Examples of skipped spans shown in the report; the count is always complete.
_EXAMPLES = 5


def readable_author(entry) -> bool:
    """Can the checks tie a named author or organisation to this entry?"""
    return bool(entry.surnames or entry.organisation)


@dataclass(frozen=True)
class ReadingReport:
    entries: int
    with_author: int
    with_year: int
    with_source: int
    complete: int  # author, year and source all read
    markers: int
    numbers_cited: int
    marker_styles: dict
    skipped: int
    skipped_by_reason: dict
    skipped_examples: tuple  # (line, text, reason)
    notes: tuple[str, ...]  # what the checks skip, said once

    def as_dict(self) -> dict:
        share = (lambda k: round(k / self.entries, 3) if self.entries else None)
        return {
            "entries": self.entries,
            "entries_with_author": self.with_author,
            "entries_with_year": self.with_year,
            "entries_with_source": self.with_source,
            "entries_complete": self.complete,
            "share_complete": share(self.complete),
            "markers": self.markers,
            "numbers_cited": self.numbers_cited,
            "marker_styles": dict(self.marker_styles),
            "skipped_as_ambiguous": self.skipped,
            "skipped_by_reason": dict(self.skipped_by_reason),
            "skipped_examples": [{"line": ln, "text": t, "reason": r} for ln, t, r in self.skipped_examples],
            "notes": list(self.notes),
        }

    def lines(self) -> list[str]:
        """The report as text, one fact a line."""
        pct = (lambda k: f"{k} of {self.entries} ({k / self.entries:.0%})" if self.entries else "0")
        out = [f"entries read with author, year and source: {pct(self.complete)}",
               f"  with an author {pct(self.with_author)}, a year {pct(self.with_year)}, "
               f"a source {pct(self.with_source)}",
               f"markers read: {self.markers} citing {self.numbers_cited} numbers"
               + (f" ({', '.join(f'{k} {v}' for k, v in sorted(self.marker_styles.items()))})"
                  if self.marker_styles else ""),
               f"spans skipped as ambiguous: {self.skipped}"]
        out += [f"  line {ln}: {text} ({reason})" for ln, text, reason in self.skipped_examples]
        out += [f"note: {n}" for n in self.notes]
        return out


def _style(raw: str) -> str:
    if raw.lower().startswith("<sup"):
        return "superscript"
    if raw.startswith("("):
        return "parentheses"
    return "brackets" if raw.startswith("[") else "unicode superscript"


def reading_report(doc: PolicyDocument) -> ReadingReport:
    refs = doc.references
    n = len(refs)
    no_author = sum(1 for e in refs if not readable_author(e))
    no_year = sum(1 for e in refs if e.year is None)
    complete = sum(1 for e in refs if readable_author(e) and e.year and (e.source or e.url))
    reasons = Counter(s.reason for _, s in doc.skipped)
    notes = []
    if no_author:
        notes.append(f"{no_author} of {n} entries have no readable first author; author checks skipped for them")
    if no_year:
        notes.append(f"{no_year} of {n} entries have no readable year; year checks skipped for them")
    if doc.citation_style != "numbered":
        unanswered = sum(1 for m in doc.markers for p in m.problems if NO_ENTRY in p)
        notes.append(f"the text cites its {n} entries by author and year (a list printed without numbers is "
                     f"numbered in printed order); {unanswered} citations name no entry")
    if len(doc.skipped) == 1:
        notes.append("1 span that may be a citation marker was not read; no check sees it")
    elif doc.skipped:
        notes.append(f"{len(doc.skipped)} spans that may be citation markers were not read; no check sees them")
    return ReadingReport(
        entries=n,
        with_author=n - no_author,
        with_year=n - no_year,
        with_source=sum(1 for e in refs if e.source or e.url),
        complete=complete,
        markers=len(doc.markers),
        numbers_cited=len({x for m in doc.markers for x in m.numbers}),
        marker_styles=dict(Counter("author and year" if doc.citation_style != "numbered" else _style(m.raw)
                                   for m in doc.markers)),
        skipped=len(doc.skipped),
        skipped_by_reason=dict(reasons),
        skipped_examples=tuple((ln, s.text, s.reason) for ln, s in doc.skipped[:_EXAMPLES]),
        notes=tuple(notes),
    )
