"""The evidence inputs of a site build, made once by ``gather``: profiles, studies, estimates, figures.

The pages only read what these return. A figure's page needs its rows and
notes, which are pure data; only its image needs matplotlib. So the figures
are planned here (``figure_plan``: which figures, under which file names)
and their SVGs drawn by ``svg_files``, either in this process or, in a site
build, by a separate process started early (``python -m kb.site.pages.draw``)
while MkDocs reads the pages. Both draw the same plan with the same code, so
the files are the same bytes. SVGs are byte-stable (kb.outputs.figures fixes the
hash salt and drops the date); their text stays text, which is smaller and
faster to write than outlines.
"""
from __future__ import annotations

from kb.site.pages import links
from kb.site.pages.forest import plots_for_criteria
from kb.site.pages.plots import ForestFigure


def evidence_inputs(kb) -> dict:
    """Profiles by criterion, the age limit EVD102 uses, the studies, and the effect estimates."""
    from kb.estimates import estimates_of
    from kb.evidence.dates import max_age_years, oldest_recent_year
    from kb.evidence.profile import profiles
    from kb.outputs.orientation import oriented

    estimates = tuple(estimates_of(kb).estimates)
    found = profiles(kb)
    return {
        "profiles": {p.id: p.as_dict() for p in found},
        "age_limit": max_age_years(kb),
        "recent_from": oldest_recent_year(kb),
        "studies": dict(kb.evidence.studies),
        "estimates": estimates,
        "oriented": oriented(kb, estimates),
        **findings_inputs(kb, [p.id for p in found if p.inherited_from is None]),
    }


def findings_inputs(kb, statements) -> dict:
    """Each criterion's summary of findings and stances (criteria that inherit their evidence are left out:
    their page points to the criterion they inherit from)."""
    from kb.evidence.findings import summary_of_findings
    from kb.evidence.stance import stances

    rows = summary_of_findings(kb)
    by_statement: dict[str, list] = {sid: [] for sid in statements}
    for row in rows:
        if row.statement in by_statement:
            by_statement[row.statement].append(row)
    return {"summaries": {sid: tuple(r) for sid, r in by_statement.items()},
            "stances": {sid: stances(kb, sid) for sid in statements}}


def figure_plan(kb, estimates) -> list[tuple[str, object]]:
    """(file name without extension, kb.outputs.figures.FigureSpec) for every figure, in order, names unique."""
    from kb.outputs.figures import figure_specs
    from kb.outputs.orientation import oriented

    plan, used = [], set()
    for spec in figure_specs(estimates, oriented(kb, estimates)):
        slug, k = spec.slug or "figure", 2
        while slug in used:  # two questions that slug alike must not overwrite each other's files
            slug, k = f"{spec.slug or 'figure'}-{k}", k + 1
        used.add(slug)
        plan.append((slug, spec))
    return plan


def svg_files(kb, estimates, plan=None) -> dict[str, bytes]:
    """Docs path -> SVG bytes of every planned figure (imports matplotlib only when there is one)."""
    plan = figure_plan(kb, estimates) if plan is None else plan
    if not plan:
        return {}
    from kb.outputs.figures import draw, overlap_groups_of, render_files

    groups = overlap_groups_of(kb, estimates)
    return {links.forest_path(slug, "svg"): render_files(draw(kb, spec, groups), ("svg",), text_as_paths=False)["svg"]
            for slug, spec in plan}


def _outcome(spec) -> str:
    return "all outcomes" if spec.overview else (spec.estimates[0].outcome or "unnamed outcome")


def forest_inputs(kb, estimates, profiles, *, draw: bool = True) -> dict:
    """Every forest plot of the estimates: the figures, their CSVs (and SVGs when ``draw``), and which
    criteria each bears on. Without ``draw`` the caller supplies the SVGs (``svg_files``) itself."""
    from kb.estimates.table import COLUMNS, estimate_rows, to_csv
    from kb.outputs.figures import forest_rows
    from kb.outputs.forest import notes_of

    plan = figure_plan(kb, estimates)
    figures, files = [], {}
    for slug, spec in plan:
        files[links.forest_path(slug, "csv")] = to_csv(estimate_rows(spec.estimates), COLUMNS).encode("utf-8")
        rows = tuple(forest_rows(kb, spec.estimates, spec.overview, spec.oriented))
        figures.append(ForestFigure(slug=slug, title=spec.title, subtitle=spec.subtitle,
                                    question=spec.question or spec.estimates[0].question, outcome=_outcome(spec),
                                    overview=spec.overview, estimates=tuple(spec.estimates), rows=rows,
                                    notes=tuple(notes_of(rows))))
    if draw:
        files.update(svg_files(kb, estimates, plan))
    return {"figures": tuple(figures), "forest": plots_for_criteria(profiles, figures), "extra_files": files}
