"""``references/<policy>/estimates.csv``: reviewed additions and corrections, by reference number.

Columns (``action`` and ``reference`` required in the header, the rest optional):

    action      add | correct | drop
    reference   the reference number the result comes from (must be in the list)
    line        policy line of the result (correct, drop: required; add: optional)
    printed     the estimate as printed at that line, e.g. 0.91 (correct, drop: required)
    measure     MD, SMD, WMD, RD, difference, RR, OR, HR, IRR (add: required)
    estimate, ci_low, ci_high     numbers (add: required; correct: replace the printed ones)
    ci_level, p_value, outcome, timepoint, comparison, note     text

The policy text is never edited: the EST checks keep reading the numbers as
printed; the table and the forest plots use the corrected rows, marked with
``origin`` = corrected or curated.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kb.knowledge.curated import parse_int, read_csv
from ..errors import KbError
from .model import MEASURE_NAMES, EffectEstimate, EstimateSet
from .numbers import to_float

ACTIONS = ("add", "correct", "drop")
_TEXT_FIELDS = ("ci_level", "p_value", "outcome", "timepoint", "comparison")
_NUMBER_FIELDS = (("estimate", "estimate_text"), ("ci_low", "ci_low_text"), ("ci_high", "ci_high_text"))


def _number(value: str, path: Path, line: int, column: str) -> float:
    try:
        return to_float(value)
    except ValueError:
        raise KbError(f"column '{column}' must be a number, not '{value}'", str(path), line) from None


def read_curated(path: Path, kb) -> list[tuple[int, dict]]:
    """Validated rows with their file line numbers; any problem is a KbError naming file and line."""
    rows = read_csv(path, ("action", "reference"))
    seen: dict[tuple, int] = {}
    for line, row in rows:
        if row["action"] not in ACTIONS:
            raise KbError(f"action '{row['action']}' is not one of {', '.join(ACTIONS)}", str(path), line)
        number = parse_int(row["reference"], path, line, "reference")
        if number not in kb.references:
            raise KbError(f"reference {number} is not in the policy's reference list", str(path), line)
        needed = ("measure", "estimate", "ci_low", "ci_high") if row["action"] == "add" else ("line", "printed")
        missing = [c for c in needed if not row.get(c)]
        if missing:
            raise KbError(f"'{row['action']}' needs column(s): {', '.join(missing)}", str(path), line)
        if row.get("line"):
            parse_int(row["line"], path, line, "line")
        if row.get("measure") and row["measure"] not in MEASURE_NAMES:
            raise KbError(f"measure '{row['measure']}' is not one of {', '.join(MEASURE_NAMES)}", str(path), line)
        for column, _ in _NUMBER_FIELDS:
            if row.get(column):
                _number(row[column], path, line, column)
        key = _identity(row)
        if key in seen:
            raise KbError(f"this row repeats line {seen[key]} (same {'result' if row['action'] == 'add' else 'target'})",
                          str(path), line)
        seen[key] = line
    return rows


def _identity(row: dict) -> tuple:
    """Two rows with the same identity would add one result twice, or correct or drop one result twice."""
    if row["action"] == "add":
        return ("add", row["reference"], *(row.get(c, "") for c in ("measure", "estimate", "ci_low", "ci_high",
                                                                    "outcome", "timepoint", "comparison")))
    return ("target", row["line"], row["printed"])


def _changed(e: EffectEstimate, row: dict, number: int, kb) -> EffectEstimate:
    updates: dict = {f: row[f] for f in _TEXT_FIELDS if row.get(f)}
    for column, text_field in _NUMBER_FIELDS:
        if row.get(column):
            updates[column], updates[text_field] = to_float(row[column]), row[column]
    if row.get("measure"):
        updates["measure"] = row["measure"]
    if "comparison" in updates:
        updates["question"] = updates["comparison"]
    entry = kb.references[number]
    return replace(e, **updates, citations=(number,), cited_in="curated", source=entry.label,
                   note="; ".join(filter(None, [e.note, row.get("note", "")])))


def _added(row: dict, number: int, file_line: int, kb) -> EffectEstimate:
    markers = kb.markers_by_number.get(number, [])
    line = int(row["line"]) if row.get("line") else (markers[0].line if markers else 0)
    base = EffectEstimate(id=f"C{file_line}", line=line, column=None, measure=row["measure"], measure_printed="",
                          estimate_text=row["estimate"], estimate=to_float(row["estimate"]),
                          ci_low_text=row["ci_low"], ci_low=to_float(row["ci_low"]),
                          ci_high_text=row["ci_high"], ci_high=to_float(row["ci_high"]), origin="curated")
    return _changed(base, {k: v for k, v in row.items() if k not in ("estimate", "ci_low", "ci_high")}, number, kb)


def apply_curated(found: EstimateSet, rows: list[tuple[int, dict]], kb, path: Path | None = None) -> EstimateSet:
    estimates = list(found.estimates)
    notes = []
    for file_line, row in rows:
        number = int(row["reference"])
        if row["action"] == "add":
            estimates.append(_added(row, number, file_line, kb))
            notes.append(f"added {row['measure']} {row['estimate']} from reference {number}")
            continue
        target = int(row["line"])
        hits = [i for i, e in enumerate(estimates) if e.line == target and e.estimate_text == row["printed"]]
        if not hits:
            raise KbError(f"no estimate printed '{row['printed']}' at policy line {target}",
                          str(path or "estimates.csv"), file_line)
        i = hits[0]
        if row["action"] == "drop":
            notes.append(f"dropped {estimates[i].id} ({row.get('note') or 'no reason given'})")
            del estimates[i]
        else:
            estimates[i] = replace(_changed(estimates[i], row, number, kb), origin="corrected")
            notes.append(f"corrected {estimates[i].id}")
    return replace(found, estimates=tuple(estimates), printed=found.from_text, notes=tuple(notes))
