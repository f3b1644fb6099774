"""The screening list: triaged records with decision columns, written as CSV or XLSX, read back reviewed.

A reviewer fills ``decision`` (include, exclude or maybe), ``reason`` and
``reviewer``; the reviewed file, kept as ``screening.csv`` in the policy
folder, feeds the decisions back: the next list carries them, and the site
shows them.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kb.errors import KbError
from kb.io import read_text

DECISIONS = ("include", "exclude", "maybe")
COLUMNS = ("pmid", "published_after_review", "design", "best_criterion", "score", "criteria", "first_author",
           "year", "title", "journal", "pub_date", "doi", "decision", "reason", "reviewer")
REQUIRED = ("pmid", "decision", "reason", "reviewer")


@dataclass(frozen=True)
class Decision:
    pmid: str
    decision: str  # one of DECISIONS, or "" when not screened yet
    reason: str
    reviewer: str
    line: int


def read_screening(path: Path | str) -> dict[str, Decision]:
    """PMID -> decision; a bad decision word or a PMID listed twice is an input error."""
    text = read_text(path, "screening table")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise KbError(f"missing column(s): {', '.join(missing)}", str(path), 1)
    out: dict[str, Decision] = {}
    for line, row in enumerate(reader, start=2):
        pmid = (row.get("pmid") or "").strip()
        if not pmid:
            continue
        if not pmid.isdigit():
            raise KbError(f"column 'pmid' must be a PubMed number, not {pmid!r}", str(path), line)
        decision = (row.get("decision") or "").strip().lower()
        if decision and decision not in DECISIONS:
            raise KbError(f"column 'decision' must be include, exclude or maybe, not {decision!r}", str(path), line)
        if pmid in out:
            raise KbError(f"PMID {pmid} is already on line {out[pmid].line}", str(path), line)
        out[pmid] = Decision(pmid, decision, (row.get("reason") or "").strip(), (row.get("reviewer") or "").strip(),
                             line)
    return out


def rows(triaged, decisions: dict[str, Decision]) -> list[dict[str, str]]:
    out = []
    for t in triaged:
        r, d = t.record, decisions.get(t.record.pmid)
        after = {True: "yes", False: "no", None: ""}[t.after_review]
        out.append({
            "pmid": r.pmid, "published_after_review": after, "design": t.design, "best_criterion": t.best or "",
            "score": f"{t.score:.2f}", "criteria": "; ".join(f"{sid} ({s:.2f})" for sid, s in t.criteria),
            "first_author": r.first_author or "", "year": str(r.year or ""), "title": r.title, "journal": r.journal,
            "pub_date": r.pub_date or "", "doi": r.doi or "",
            "decision": d.decision if d else "", "reason": d.reason if d else "", "reviewer": d.reviewer if d else ""})
    return out


def to_csv(table: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue()


def to_xlsx(table: list[dict[str, str]]) -> bytes:
    """The same table as a workbook, with the decision column limited to the allowed words."""
    try:
        from openpyxl import Workbook
        from openpyxl.worksheet.datavalidation import DataValidation
    except ImportError:
        raise KbError("writing .xlsx needs openpyxl (pip install openpyxl); write .csv instead") from None
    book = Workbook()
    sheet = book.active
    sheet.title = "screening"
    sheet.append(list(COLUMNS))
    for row in table:
        sheet.append([row[c] for c in COLUMNS])
    rule = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True)
    column = chr(ord("A") + COLUMNS.index("decision"))
    rule.add(f"{column}2:{column}{max(2, len(table) + 1)}")
    sheet.add_data_validation(rule)
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
