"""``kb diff``: what changed between two versions of a policy, for the annual review.

``diff_policies(old_kb, new_kb)`` returns a ``Diff`` (see ``model``): criteria
added, removed, changed (with the changed words) or relabelled; references
added, removed, updated, and renumbered (one line per run of entries that
moved together); sentences whose citations moved to another paper; sentences
added, removed or edited; findings new in NEW and fixed since OLD.
"""
from __future__ import annotations

from kb.knowledge.base import KnowledgeBase
from .compare import compare_criteria, compare_references, compare_sentences, reference_map
from .findings import compare_findings
from .model import KINDS, Change, Diff


def _findings(kb: KnowledgeBase) -> list:
    from ..checks import run_checks
    from kb.outputs.report import flatten

    results = run_checks(kb)
    try:
        from kb.checks.waivers import apply_waivers
    except ImportError:
        pass
    else:
        results = apply_waivers(kb, results)
    return [f for f in flatten(results) if not f.waived]


def diff_policies(old: KnowledgeBase, new: KnowledgeBase, *, findings: bool = True) -> Diff:
    mapping = reference_map(old, new)
    changes: list[Change] = []
    changes += compare_criteria(old, new)
    changes += compare_references(old, new, mapping)
    changes += compare_sentences(old, new, mapping)
    if findings:
        changes += compare_findings(old, _findings(old), new, _findings(new))
    order = {k: i for i, k in enumerate(KINDS)}
    ranked = sorted(changes, key=lambda c: (order[c.kind], c.new_line or c.old_line or 0))
    return Diff(old.path, new.path, tuple(ranked))


__all__ = ["Change", "Diff", "diff_policies"]
