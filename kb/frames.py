"""pandas DataFrames of what policykb reads and finds, for analysts in notebooks.

    import kb.frames as kf
    kf.estimates("references/regence-surgery-107")      # one row per effect estimate
    kf.evidence_profiles(kb)                             # one row per criterion
    kf.findings(kb), kf.summary_of_findings(kb), kf.worklist(kb)

Each function takes a knowledge base, a policy file or folder, or nothing (the
project's default policy). A library facade: it may import any stage below
the site and the commands. pandas is imported here, so ``kb check`` and
``kb info`` never pay for it.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from kb.knowledge.base import KnowledgeBase, load_knowledge_base
from kb.outputs.rows import FINDING_COLUMNS, PROFILE_COLUMNS, estimate_rows, finding_rows, profile_rows
from kb.paths import resolve_policy

WORKLIST_COLUMNS = ("task", "item", "line", "detail")


def knowledge_base(policy: KnowledgeBase | str | Path | None = None) -> KnowledgeBase:
    if isinstance(policy, KnowledgeBase):
        return policy
    return load_knowledge_base(resolve_policy(None if policy is None else str(policy)))


def worklist_rows(kb: KnowledgeBase) -> list[dict]:
    """What an annual review should look at: open errors and warnings, references ahead of print, criteria
    whose evidence is stale or thin."""
    from kb.evidence.dates import max_age_years, oldest_recent_year
    from kb.evidence.profile import profiles
    from kb.site.pages.worklist import stale_criteria, thin_criteria

    rows = [{"task": f"fix or waive {f['severity']}", "item": f["code"], "line": f["line"], "detail": f["message"]}
            for f in finding_rows(kb) if f["severity"] in ("error", "warning") and not f["waived"]]
    rows += [{"task": "check whether it is now published", "item": f"reference {e.number}", "line": e.line,
              "detail": e.label} for e in kb.references.values() if e.ahead_of_print]
    found = {p.id: p.as_dict() for p in profiles(kb)}
    statements = kb.statements
    recent = oldest_recent_year(kb)
    for sid, newest in stale_criteria(found, recent):
        rows.append({"task": f"look for evidence newer than {max_age_years(kb)} years", "item": sid,
                     "line": statements[sid].line if sid in statements else None,
                     "detail": f"newest supporting reference: {newest or 'undated'}"})
    for sid, why in thin_criteria(found):
        rows.append({"task": "thin evidence", "item": sid, "line": statements[sid].line if sid in statements else None,
                     "detail": why})
    return rows


def estimates(policy=None, table: str = "estimates") -> pd.DataFrame:
    """Every reported effect estimate (or another ``table``: samples, counts, heterogeneity, studies)."""
    rows, columns = estimate_rows(knowledge_base(policy), table)
    return pd.DataFrame(rows, columns=list(columns))


def evidence_profiles(policy=None) -> pd.DataFrame:
    """One row per criterion: its references, studies, trials, patients, years and guidelines."""
    return pd.DataFrame(profile_rows(knowledge_base(policy)), columns=list(PROFILE_COLUMNS))


def findings(policy=None) -> pd.DataFrame:
    return pd.DataFrame(finding_rows(knowledge_base(policy)), columns=list(FINDING_COLUMNS))


def summary_of_findings(policy=None) -> pd.DataFrame:
    """Findings counted by code and severity (waived ones apart)."""
    frame = findings(policy)
    frame["status"] = frame["waived"].map(lambda w: "waived" if w else "open")
    counts = frame.groupby(["code", "severity", "status"]).size().rename("findings").reset_index()
    return counts.sort_values(["severity", "code", "status"], key=_severity_order).reset_index(drop=True)


def _severity_order(column: pd.Series) -> pd.Series:
    if column.name == "severity":
        return column.map({"error": 0, "warning": 1, "info": 2}).fillna(3)
    return column


def worklist(policy=None) -> pd.DataFrame:
    return pd.DataFrame(worklist_rows(knowledge_base(policy)), columns=list(WORKLIST_COLUMNS))
