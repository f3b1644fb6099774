"""The evidence inputs of a site build, made once by ``gather``: profiles, studies, estimates, figures.

The pages only read what these return. Figures are drawn here, once per
build, as SVG (byte-stable: kb.figures fixes the hash salt and drops the
date; text stays text, which is smaller and faster to write than outlines)
with a CSV of each figure's rows; matplotlib is imported only when the
policy has estimates to plot.
"""
from __future__ import annotations

from . import links
from .inputs import ForestFigure


def evidence_inputs(kb) -> dict:
    """Profiles by criterion, the age limit EVD102 uses, the studies, and the effect estimates."""
    from ..estimates import estimates_of
    from ..evidence.dates import max_age_years, oldest_recent_year
    from ..evidence.profile import profiles

    return {
        "profiles": {p.id: p.as_dict() for p in profiles(kb)},
        "age_limit": max_age_years(kb),
        "recent_from": oldest_recent_year(kb),
        "studies": dict(kb.evidence.studies),
        "estimates": tuple(estimates_of(kb).estimates),
    }


def _outcome(spec) -> str:
    return "all outcomes" if spec.overview else (spec.estimates[0].outcome or "unnamed outcome")


def forest_inputs(kb, estimates, profiles) -> dict:
    """Every forest plot of the estimates: the figures, their files, and which criteria each bears on."""
    from ..figures import figure_specs

    specs = figure_specs(estimates)
    if not specs:
        return {"figures": (), "forest": {}, "extra_files": {}}
    from ..estimates.table import COLUMNS, estimate_rows, to_csv
    from ..figures import draw, forest_rows, overlap_groups_of, render_files
    from ..forest import notes_of
    from .forest import plots_for_criteria

    groups = overlap_groups_of(kb, estimates)
    figures, files, used = [], {}, set()
    for spec in specs:
        slug, k = spec.slug or "figure", 2
        while slug in used:  # two questions that slug alike must not overwrite each other's files
            slug, k = f"{spec.slug}-{k}", k + 1
        used.add(slug)
        files[links.forest_path(slug, "svg")] = render_files(draw(kb, spec, groups), ("svg",), text_as_paths=False)["svg"]
        files[links.forest_path(slug, "csv")] = to_csv(estimate_rows(spec.estimates), COLUMNS).encode("utf-8")
        rows = tuple(forest_rows(kb, spec.estimates, spec.overview))
        figures.append(ForestFigure(slug=slug, title=spec.title, subtitle=spec.subtitle,
                                    question=spec.estimates[0].question, outcome=_outcome(spec),
                                    overview=spec.overview, estimates=tuple(spec.estimates), rows=rows,
                                    notes=tuple(notes_of(rows))))
    return {"figures": tuple(figures), "forest": plots_for_criteria(profiles, figures), "extra_files": files}
