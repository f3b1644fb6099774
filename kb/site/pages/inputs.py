"""Everything a page family may read: the knowledge base, the check results, the evidence inputs.

Pages are pure functions of a ``Site``. The optional fields are filled by
``gather`` (through ``kb.site.pages.stages``): evidence profiles, studies, effect
estimates and the forest plots drawn from them. A page renders the matching
section only when its input is present, so a test (or another policy) can
leave any of them out.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping, Sequence

from kb.dates import find_date
from kb.read.model import Finding
from kb.ids import slug
from kb.site.pages.plots import ForestFigure, ForestPlot
from kb.site.pages.stages import evidence_inputs, forest_inputs


@dataclass(frozen=True)
class Site:
    kb: object  # kb.knowledge.base.KnowledgeBase
    results: tuple = ()  # kb.checks.Result, in registry order
    intro: str = ""  # the hand-written home text (trusted Markdown: index.md in the docs folder)
    rules: tuple = ()  # every registered kb.checks.Rule, for the check-code pages
    profiles: Mapping[str, Mapping] | None = None  # statement id -> evidence profile (as_dict)
    forest: Mapping[str, Sequence[ForestPlot]] | None = None  # statement id -> forest plots
    age_limit: int | None = None  # years: evidence older than this goes on the worklist
    recent_from: int | None = None  # the earliest publication year that still counts as recent
    studies: Mapping[str, object] | None = None  # study id -> kb.evidence.records.Study
    estimates: tuple | None = None  # kb.estimates EffectEstimate (curated corrections applied)
    oriented: Mapping[str, object] | None = None  # estimate id -> kb.outputs.orientation.Oriented (what it favours)
    summaries: Mapping[str, tuple] | None = None  # criterion id -> kb.evidence.findings.SummaryRow (own evidence)
    stances: Mapping[str, tuple] | None = None  # criterion id -> kb.evidence.stance.Stance (own evidence)
    figures: tuple[ForestFigure, ...] | None = None  # forest plots drawn for this build
    extra_files: Mapping[str, bytes] = field(default_factory=dict)  # figures drawn elsewhere
    diff: object | None = None  # kb.diff.Diff against the previous version, when one is kept

    @cached_property
    def findings(self) -> tuple[tuple[str, Finding], ...]:
        """(anchor id, finding) in report order; the id is stable for the same findings."""
        from kb.outputs.report import flatten

        out, used = [], set()
        for f in flatten(self.results):
            base = "f-" + slug(f"{f.code}-{f.line}-{f.column or 0}")
            anchor, k = base, 2
            while anchor in used:
                anchor, k = f"{base}-{k}", k + 1
            used.add(anchor)
            out.append((anchor, f))
        return tuple(out)

    @cached_property
    def bibtex_by_number(self) -> dict[int, str]:
        """Each reference's BibTeX: the per-reference downloads, and joined, the whole list's (one encoding pass)."""
        from kb.outputs.bibtex import bibtex_by_number

        return bibtex_by_number(self.kb)

    @cached_property
    def open_findings(self) -> tuple[tuple[str, Finding], ...]:
        return tuple((a, f) for a, f in self.findings if not f.waived)

    @cached_property
    def findings_by_line(self) -> dict[int, list[tuple[str, Finding]]]:
        out: dict[int, list] = defaultdict(list)
        for item in self.findings:
            out[item[1].line].append(item)
        return dict(out)

    @cached_property
    def findings_by_reference(self) -> dict[int, list[tuple[str, Finding]]]:
        """Findings naming a reference, or sitting on its entry in the list."""
        entry_at = {e.line: n for n, e in self.kb.references.items()}
        out: dict[int, list] = defaultdict(list)
        for item in self.findings:
            numbers = set(item[1].citations)
            if item[1].line in entry_at:
                numbers.add(entry_at[item[1].line])
            for n in sorted(numbers):
                out[n].append(item)
        return dict(out)

    def findings_between(self, first: int, last: int) -> list[tuple[str, Finding]]:
        return [item for item in self.findings if first <= item[1].line <= last]

    @cached_property
    def crashed(self) -> tuple:
        return tuple(r for r in self.results if r.crashed)

    @cached_property
    def estimates_by_reference(self) -> dict[int, list]:
        out: dict[int, list] = defaultdict(list)
        for e in self.estimates or ():
            for n in dict.fromkeys(e.citations):
                out[n].append(e)
        return dict(out)

    @cached_property
    def figures_of_estimate(self) -> dict[str, list[ForestFigure]]:
        """Estimate id -> the figures that plot it (per-outcome figures before overviews)."""
        out: dict[str, list] = defaultdict(list)
        for fig in sorted(self.figures or (), key=lambda f: f.overview):
            for e in fig.estimates:
                out[e.id].append(fig)
        return dict(out)

    @cached_property
    def studies_of_reference(self) -> dict[int, list]:
        out: dict[int, list] = defaultdict(list)
        for study in (self.studies or {}).values():
            for n in study.references:
                out[n].append(study)
        return dict(out)


def gather(kb, intro: str = "", *, figures: str = "draw") -> Site:
    """Run the checks and waivers, and collect what the pages read.

    This is the one place that decides which inputs a build has: evidence
    profiles with the age limit, studies, effect estimates and the forest
    plots. ``figures``: "draw" draws their SVGs here (in ``extra_files``);
    "plan" gives the figures and their pages but leaves the SVGs to the caller
    (the MkDocs plugin draws them in a process of their own, see
    ``kb.site.pages.draw``); "none" leaves forest plots out.
    """
    from kb.checks import all_rules, run_checks
    from kb.checks.waivers import apply_waivers

    if figures not in ("draw", "plan", "none"):
        raise ValueError(f"figures must be draw, plan or none, not {figures!r}")
    rules = all_rules()
    results = apply_waivers(kb, run_checks(kb, rules=rules))
    inputs = evidence_inputs(kb)
    if figures != "none":
        inputs.update(forest_inputs(kb, inputs["estimates"], inputs["profiles"], draw=figures == "draw"))
    return Site(kb=kb, results=tuple(results), intro=intro, rules=tuple(rules), diff=_diff(kb), **inputs)


def _diff(kb):
    """The changes since the version kept in the policy folder's previous/, or None."""
    from kb.paths import previous_version

    previous = previous_version(kb.path)
    if previous is None:
        return None
    from kb.diff import diff_policies
    from kb.knowledge.base import load_knowledge_base

    return diff_policies(load_knowledge_base(previous), kb)


def source_date_epoch(kb) -> int:
    """Seconds since 1970 of the policy's last review (else its effective date; else 0).

    Builds stamp this date, not the clock, wherever MkDocs writes one (the
    sitemap), so two builds of the same inputs are byte for byte the same.
    """
    import calendar

    for key in ("last_review", "effective"):
        date = find_date(kb.metadata(key))
        if date:
            return calendar.timegm(date.first_day().timetuple())
    return 0
