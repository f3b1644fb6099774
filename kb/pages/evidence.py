"""Sections a criterion page shows when evidence inputs are given (see ``Site.profiles`` / ``Site.forest``).

The evidence profile is a mapping such as ``EvidenceProfile.as_dict()``:
``{"id", "text", "references", "studies", "randomized_trials",
"sham_controlled_trials", "randomized_patients", "newest_year",
"guidelines"}``. References and guidelines are reference numbers; studies
are ids, or mappings with ``id``, ``label`` and optionally ``page`` (a
docs-relative path of the study's page). Missing keys are shown as unknown,
never guessed.
"""
from __future__ import annotations

from . import links
from .text import link, plain, safe_url, table, title


def _count(profile, key) -> str:
    value = profile.get(key)
    return plain(value) if value is not None else "not known"


def _reference_rows(page: str, kb, numbers) -> list[list[str]]:
    rows = []
    for n in numbers or ():
        entry = kb.references.get(n) if isinstance(n, int) else None
        if entry is None:
            rows.append([plain(n), "not in the reference list", ""])
            continue
        kind = kb.kind(n) or ""
        rows.append([link(str(n), links.rel(page, links.reference_path(n))), plain(entry.label),
                     plain(kind.replace("-", " "))])
    return rows


def _study(page: str, study) -> str:
    if isinstance(study, dict):
        label = plain(study.get("label") or study.get("id"))
        target = study.get("page")
        return link(label, links.rel(page, target)) if isinstance(target, str) and target.endswith(".md") else label
    return plain(study)


def profile_section(page: str, kb, profile) -> str:
    """The evidence behind a criterion: counts, then the supporting references, studies and guidelines."""
    summary = table(["measure", "value"], [
        ["Supporting references", plain(len(profile.get("references") or ()))],
        ["Studies", plain(len(profile.get("studies") or ()))],
        ["Randomized trials", _count(profile, "randomized_trials")],
        ["of which sham-controlled", _count(profile, "sham_controlled_trials")],
        ["Randomized patients", _count(profile, "randomized_patients")],
        ["Newest evidence (year)", _count(profile, "newest_year")],
        ["Guidelines", plain(len(profile.get("guidelines") or ()))],
    ], ["---", "---:"])
    parts = ["## Evidence", summary]
    rows = _reference_rows(page, kb, profile.get("references"))
    if rows:
        parts += ["### Supporting references", table(["ref", "who (year)", "kind"], rows)]
    studies = profile.get("studies") or ()
    if studies:
        parts += ["### Studies", "\n".join(f"- {_study(page, s)}" for s in studies)]
    rows = _reference_rows(page, kb, profile.get("guidelines"))
    if rows:
        parts += ["### Guidelines", table(["ref", "who (year)", "kind"], rows)]
    if not (profile.get("references") or studies):
        parts.append("No evidence in the knowledge base supports this criterion.")
    return "\n\n".join(parts)


def forest_section(page: str, plots) -> str:
    """Forest plots bearing on a criterion: each image (from inside the site) with its caption."""
    parts = ["## Forest plots"]
    for plot in plots:
        if safe_url(plot.image) or plot.image.startswith("/") or ".." in plot.image.split("/"):
            continue  # only images inside the site: the site must work offline
        caption = plain(plot.caption)
        parts.append(f"![{title(plot.caption, 120)}]({links.rel(page, plot.image)})\n\n{caption}"
                     + (" " + link("Table and notes", links.rel(page, plot.page)) if plot.page else ""))
    return "\n\n".join(parts) if len(parts) > 1 else ""
