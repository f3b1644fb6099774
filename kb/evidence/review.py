"""A reviewer's judgements beside a policy: outcome polarity, stances, certainty ratings.

Each file is optional and each row names who decided, when and why:

- ``polarity.csv`` (``outcome,polarity,reason,reviewer,date``): corrects the
  outcome vocabulary's polarity for this policy (``lower``, ``higher`` or
  ``none``);
- ``stances.csv`` (``statement,evidence,stance,reason,reviewer,date``): a piece
  of evidence is ``for``, ``against`` or ``inconclusive`` for a criterion's
  claim, whatever the rules suggest;
- ``certainty.csv`` (``statement,question,outcome,certainty,indirectness,
  publication_bias,reason,reviewer,date``): confirms (same level) or overrides
  (another level) a suggested certainty, and records the two GRADE domains the
  text cannot show (``serious`` downgrades one level, empty or ``no`` does not).

A malformed row is an input error naming the file and line.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from kb.knowledge.curated import read_csv
from ..errors import KbError

POLARITIES = ("lower", "higher", "none")
STANCE_VALUES = ("for", "against", "inconclusive")
LEVELS = ("very low", "low", "moderate", "high")
DOMAIN_VALUES = ("", "no", "serious")


@dataclass(frozen=True)
class Decision:
    """Who decided, when and why (every reviewed row carries one)."""

    reason: str
    reviewer: str
    date: str
    file: str
    line: int


@dataclass(frozen=True)
class CertaintyReview:
    statement: str
    question: str
    outcome: str
    certainty: str  # "" confirms nothing by itself: the domains alone may be recorded
    indirectness: str
    publication_bias: str
    decision: Decision


@dataclass(frozen=True)
class Reviews:
    polarity: tuple[tuple[str, str, Decision], ...] = ()  # (outcome, polarity, decision)
    stances: tuple[tuple[str, str, str, Decision], ...] = ()  # (statement, evidence node, stance, decision)
    certainty: tuple[CertaintyReview, ...] = ()

    def polarity_of(self, outcome: str) -> str | None:
        for name, value, _ in self.polarity:
            if name == outcome:
                return "" if value == "none" else value
        return None

    def stance(self, statement: str, evidence: str) -> tuple[str, Decision] | None:
        for s, node, value, decision in self.stances:
            if s == statement and node == evidence:
                return value, decision
        return None

    def certainty_for(self, statement: str, question: str, outcome: str) -> CertaintyReview | None:
        return next((c for c in self.certainty if (c.statement, c.question, c.outcome) == (statement, question, outcome)),
                    None)


def _decision(row: dict, path: Path, line: int) -> Decision:
    for column in ("reason", "reviewer", "date"):
        if not row.get(column):
            raise KbError(f"column '{column}' is empty: every reviewed row says why, who and when", str(path), line)
    try:
        datetime.date.fromisoformat(row["date"])
    except ValueError:
        raise KbError(f"date '{row['date']}' is not a date (YYYY-MM-DD)", str(path), line) from None
    return Decision(row["reason"], row["reviewer"], row["date"], path.name, line)


def _choice(value: str, allowed: tuple[str, ...], column: str, path: Path, line: int) -> str:
    if value not in allowed:
        shown = ", ".join(a or "empty" for a in allowed)
        raise KbError(f"column '{column}' must be one of {shown}, not '{value}'", str(path), line)
    return value


def _statement(value: str, kb, path: Path, line: int) -> str:
    if value not in kb.statements:
        raise KbError(f"criterion '{value}' is not in the policy", str(path), line)
    return value


def _evidence(value: str, kb, path: Path, line: int) -> str:
    if value.isdigit() and int(value) in kb.references:
        return f"ref:{int(value)}"
    if value in kb.evidence.studies:
        return f"study:{value}"
    raise KbError(f"evidence '{value}' is neither a reference number nor a study id", str(path), line)


def read_reviews(kb) -> Reviews:
    folder = kb.curated.folder
    if folder is None:
        return Reviews()
    folder = Path(folder)
    polarity, stances, certainty = [], [], []
    seen: dict = {}

    def once(key, path: Path, line: int) -> None:
        if key in seen:
            raise KbError(f"this row repeats line {seen[key]}", str(path), line)
        seen[key] = line
    path = folder / "polarity.csv"
    if path.is_file():
        for line, row in read_csv(path, ("outcome", "polarity", "reason", "reviewer", "date")):
            once(("p", row["outcome"]), path, line)
            polarity.append((row["outcome"], _choice(row["polarity"], POLARITIES, "polarity", path, line),
                             _decision(row, path, line)))
    path = folder / "stances.csv"
    if path.is_file():
        for line, row in read_csv(path, ("statement", "evidence", "stance", "reason", "reviewer", "date")):
            key = (_statement(row["statement"], kb, path, line), _evidence(row["evidence"], kb, path, line))
            once(("s",) + key, path, line)
            stances.append((*key, _choice(row["stance"], STANCE_VALUES, "stance", path, line),
                            _decision(row, path, line)))
    path = folder / "certainty.csv"
    if path.is_file():
        for line, row in read_csv(path, ("statement", "question", "outcome", "certainty", "reason", "reviewer",
                                         "date")):
            key = (_statement(row["statement"], kb, path, line), row["question"], row["outcome"])
            once(("c",) + key, path, line)
            certainty.append(CertaintyReview(
                *key, _choice(row["certainty"], ("",) + LEVELS, "certainty", path, line),
                _choice(row.get("indirectness", ""), DOMAIN_VALUES, "indirectness", path, line),
                _choice(row.get("publication_bias", ""), DOMAIN_VALUES, "publication_bias", path, line),
                _decision(row, path, line)))
    return Reviews(tuple(polarity), tuple(stances), tuple(certainty))
