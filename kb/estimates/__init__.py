"""Effect estimates reported in a policy's rationale: extraction, curated corrections, table.

``estimates_of(kb)`` is the entry point: the knowledge base's estimates,
sample splits, counts, I² values and study counts (computed once per
knowledge base). Everything here is pure text processing; pandas and
matplotlib are never imported.
"""
from __future__ import annotations

from .model import (CountPercent, EffectEstimate, EstimateSet, Heterogeneity, SampleSplit,  # noqa: F401
                    StudyCount)


def build(kb) -> EstimateSet:
    """Extract from the policy text, apply the curated table beside the policy, if any, then attribute
    rows whose named source resolves to another entry (``attribution``; the EST checks read ``printed``)."""
    from dataclasses import replace

    from .attribution import attribute
    from .curated import apply_curated, read_curated
    from .extract import extract

    found = extract(kb.doc)
    folder = getattr(kb.curated, "folder", None)
    table = folder / "estimates.csv" if folder is not None else None
    if table is not None and table.is_file():
        found = apply_curated(found, read_curated(table, kb), kb, table)
    moved = attribute(kb, found.estimates)
    if moved == found.estimates:
        return found
    return replace(found, estimates=moved, printed=found.from_text)


def estimates_of(kb) -> EstimateSet:
    """The knowledge base's estimates (cached on the knowledge base)."""
    return kb.effect_estimates
