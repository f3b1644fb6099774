"""The tables the commands write and ``kb.frames`` returns, as plain rows (no pandas here)."""
from __future__ import annotations

from kb.checks import run_checks
from kb.checks.waivers import apply_waivers
from kb.estimates import estimates_of
from kb.estimates.table import COLUMNS, rows_of
from kb.evidence.profile import profiles
from kb.outputs.report import flatten

FINDING_COLUMNS = ("code", "severity", "line", "column", "citations", "message", "suggestion", "waived")
PROFILE_COLUMNS = ("id", "text", "inherited_from", "references", "studies", "randomized_trials",
                   "sham_controlled_trials", "randomized_patients", "newest_year", "median_year", "guidelines",
                   "guidelines_disagreeing", "undated_references", "sections")


def estimate_rows(kb, table: str = "estimates") -> tuple[list[dict], tuple]:
    rows = rows_of(estimates_of(kb), table)
    return rows, tuple(COLUMNS if table == "estimates" else (rows[0].keys() if rows else ()))


def profile_rows(kb) -> list[dict]:
    return [p.as_dict() for p in profiles(kb)]


def finding_rows(kb) -> list[dict]:
    """Every finding of every check, waived ones marked, in line order."""
    return [{**f.as_dict(), "waived": f.waived or ""} for f in flatten(apply_waivers(kb, run_checks(kb)))]
