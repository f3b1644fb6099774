"""Triage a literature search: drop what the list cites, name each record's design, mark what is new,
and rank each record against every criterion.

Pure: records, a policy document and a date in; ``Triaged`` rows out. The
criterion's query is its own words (counted twice), its parents' words (the
treatment an item belongs to: "percutaneous vertebroplasty" sits on the
parent of "I.A.5.k") and the policy's title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .design import classify
from .match import RecordIndex
from .rank import BM25, words
from .records import PubmedRecord

MAX_CRITERIA = 3
SHARE_OF_BEST = 0.5  # a further criterion is listed when it scores at least half the best one


@dataclass(frozen=True)
class Triaged:
    record: PubmedRecord
    design: str
    after_review: bool | None  # published after the last review (None: no date to compare)
    criteria: tuple[tuple[str, float], ...]  # (criterion id, BM25 score), best first

    @property
    def best(self) -> str | None:
        return self.criteria[0][0] if self.criteria else None

    @property
    def score(self) -> float:
        return self.criteria[0][1] if self.criteria else 0.0


def criterion_queries(doc) -> dict[str, list[str]]:
    by_id = {s.id: s for s in doc.statements}
    out = {}
    for s in doc.statements:
        query = words(s.text) * 2
        parent = by_id.get(s.parent) if s.parent else None
        while parent is not None:
            query += words(parent.text)
            parent = by_id.get(parent.parent) if parent.parent else None
        out[s.id] = query
    return out


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def date_key(value: str | None, *, end: bool = True) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date or a part of one; missing parts as late as possible when ``end``."""
    m = _DATE.match(str(value or "").strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    day = int(m.group(3)) if m.group(3) else (31 if end else 1)
    return year, month, day


def published_after(record: PubmedRecord, since: str | None) -> bool | None:
    """After the date; a record dated only by year or month counts as after when it may be (nothing new is missed)."""
    limit, when = date_key(since), date_key(record.pub_date)
    if limit is None or when is None:
        return None
    return when > limit


def cited_pmids(entries, index: RecordIndex) -> set[str]:
    """The records the reference list already cites (by PMID, DOI or title)."""
    out = set()
    for e in entries:
        found = index.match(e)
        if found:
            out.add(found.record.pmid)
    return out


def triage(records, doc, since: str | None) -> list[Triaged]:
    records = list(records)
    cited = cited_pmids(doc.references, RecordIndex(records))
    fresh = [r for r in records if r.pmid not in cited]
    queries = criterion_queries(doc)
    engine = BM25([words(" ".join((r.title, r.title, r.abstract, " ".join(r.mesh), " ".join(r.keywords))))
                   for r in fresh], vocabulary={w for q in queries.values() for w in q})
    per_record: list[list[tuple[str, float]]] = [[] for _ in fresh]
    for sid, query in queries.items():
        for i, score in engine.scores(query).items():
            per_record[i].append((sid, score))
    rows = []
    for record, scored in zip(fresh, per_record):
        scored.sort(key=lambda p: (-p[1], p[0]))
        best = scored[0][1] if scored else 0.0
        kept = tuple((sid, round(s, 2)) for sid, s in scored[:MAX_CRITERIA] if s >= SHARE_OF_BEST * best and s > 0)
        rows.append(Triaged(record, classify(record), published_after(record, since), kept))
    rows.sort(key=lambda t: (t.after_review is not True, -t.score, t.record.pmid))
    return rows
