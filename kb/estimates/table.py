"""Estimates (and the other extracted numbers) as tidy tables: one row per record."""
from __future__ import annotations

import csv
import io
import json

from .consistency import count_issue, estimate_issues, heterogeneity_issue, sample_issue
from .model import EffectEstimate, EstimateSet

COLUMNS = ("id", "line", "column", "citations", "printed_citations", "attribution", "cited_in", "source", "measure", "measure_printed", "estimate",
           "ci_low", "ci_high", "ci_level", "p_value", "unit", "outcome", "timepoint", "comparison", "question",
           "detail", "claim", "n_studies", "i2", "flags", "origin", "note", "quote")
KINDS = ("estimates", "samples", "counts", "heterogeneity", "studies")


def _cites(numbers) -> str:
    return ";".join(str(n) for n in numbers)


def flags(e: EffectEstimate, siblings=()) -> str:
    """The EST codes this row's numbers fail, ';'-separated ('' when consistent)."""
    return ";".join(i.code for i in estimate_issues(e, siblings))


def estimate_rows(estimates) -> list[dict]:
    by_sentence: dict = {}
    for e in estimates:
        by_sentence.setdefault(e.sentence_index, []).append(e)
    out = []
    for e in estimates:
        out.append({
            "id": e.id, "line": e.line, "column": e.column or "", "citations": _cites(e.citations),
            "printed_citations": _cites(e.printed_citations or e.citations), "attribution": e.attribution,
            "cited_in": e.cited_in, "source": e.source, "measure": e.measure, "measure_printed": e.measure_printed,
            "estimate": e.estimate_text, "ci_low": e.ci_low_text, "ci_high": e.ci_high_text, "ci_level": e.ci_level,
            "p_value": e.p_value, "unit": e.unit, "outcome": e.outcome, "timepoint": e.timepoint,
            "comparison": e.comparison, "question": e.question, "detail": e.detail, "claim": e.claim,
            "n_studies": "" if e.n_studies is None else e.n_studies, "i2": e.i2,
            "flags": flags(e, by_sentence.get(e.sentence_index, ()) if e.sentence_index is not None else ()),
            "origin": e.origin, "note": e.note, "quote": e.quote,
        })
    return out


def _issue_code(issue) -> str:
    return issue.code if issue else ""


def rows_of(found: EstimateSet, kind: str = "estimates") -> list[dict]:
    if kind == "estimates":
        return estimate_rows(found.estimates)
    if kind == "samples":
        return [{"line": s.line, "citations": _cites(s.citations), "total": s.total_text,
                 "arms": ";".join(t for t, _ in s.arms), "arm_sum": s.arm_sum, "flags": _issue_code(sample_issue(s)),
                 "quote": s.quote} for s in found.samples]
    if kind == "counts":
        return [{"line": c.line, "citations": _cites(c.citations), "count": c.count_text, "percent": c.percent_text,
                 "denominator": c.denominator or "", "denominator_source": c.denominator_source,
                 "flags": _issue_code(count_issue(c)), "quote": c.quote} for c in found.counts]
    if kind == "heterogeneity":
        return [{"line": h.line, "citations": _cites(h.citations), "i2": h.text,
                 "flags": _issue_code(heterogeneity_issue(h)), "quote": h.quote} for h in found.heterogeneity]
    if kind == "studies":
        return [{"line": s.line, "citations": _cites(s.citations), "studies": s.n, "text": s.text}
                for s in found.study_counts]
    raise ValueError(f"unknown table {kind!r}")


def to_csv(rows: list[dict], columns=None) -> str:
    columns = list(columns or (rows[0].keys() if rows else COLUMNS))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
