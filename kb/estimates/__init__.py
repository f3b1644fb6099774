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
    """Extract from the policy text, then apply the curated table beside the policy, if any."""
    from .curated import apply_curated, read_curated
    from .extract import extract

    found = extract(kb.doc)
    folder = getattr(kb.curated, "folder", None)
    if folder is None:
        return found
    table = folder / "estimates.csv"
    return apply_curated(found, read_curated(table, kb), kb, table) if table.is_file() else found


def estimates_of(kb) -> EstimateSet:
    """The knowledge base's estimates (cached on the knowledge base)."""
    return kb.effect_estimates
