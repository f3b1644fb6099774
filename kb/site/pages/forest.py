"""Forest plots: an index by question and outcome, one page per figure, and which criteria each bears on.

A figure's page shows its image (SVG drawn at build time), its rows exactly
as the policy prints them, the notes on flagged estimates, and the criteria
it bears on. The criterion -> figure rule (``plots_for_criteria``) is
documented on the method page: a figure bears on a criterion when it plots
an estimate reported by one of the references cited for the criterion (``bearing``).
"""
from __future__ import annotations

from kb.site.pages import links
from kb.site.pages.plots import ForestPlot
from kb.site.pages.text import nav_title, link, plain, table, title

INDEX = links.FOREST


def printed(e) -> tuple[int, ...]:
    """The marker as printed: an estimate attributed to another entry (kb.estimates.attribution) bears on the
    criteria where the policy prints it."""
    return getattr(e, "printed_citations", ()) or e.citations


def bearing(profiles, figures) -> dict[str, dict[str, tuple[int, ...]]]:
    """Figure slug -> {criterion id: the criterion's references whose estimates the figure plots}.

    The one relation between figures and criteria: a figure's page lists these
    criteria, and a criterion page chooses which of these figures to show.
    """
    out: dict[str, dict[str, tuple[int, ...]]] = {f.slug: {} for f in figures}
    for sid, profile in (profiles or {}).items():
        refs = set(profile.get("references") or ())
        for f in figures:
            via = tuple(sorted(refs.intersection(n for e in f.estimates for n in printed(e))))
            if via:
                out[f.slug][sid] = via
    return out


def plots_for_criteria(profiles, figures) -> dict[str, list[ForestPlot]]:
    """Criterion id -> the figures to show on its page, of those that bear on it (``bearing``).

    Per-outcome figures come first; an overview is shown only when it plots
    a matching estimate that no matching per-outcome figure shows, so each
    estimate appears once where it can.
    """
    related = bearing(profiles, figures)
    out: dict[str, list[ForestPlot]] = {}
    for sid, profile in (profiles or {}).items():
        refs = set(profile.get("references") or ())
        matched = {f.slug: [e for e in f.estimates if refs.intersection(printed(e))] for f in figures}
        covered = {e.id for f in figures if not f.overview for e in matched[f.slug]}
        plots = []
        for f in figures:
            via = related[f.slug].get(sid)
            if not via or (f.overview and all(e.id in covered for e in matched[f.slug])):
                continue
            plots.append(ForestPlot(links.forest_path(f.slug, "svg"), f.title, links.forest_path(f.slug), via))
        if plots:
            out[sid] = plots
    return out


def _refs(page: str, kb, numbers) -> str:
    return ", ".join(link(str(n), links.rel(page, links.reference_path(n))) if n in kb.references else plain(n)
                     for n in dict.fromkeys(numbers))


# Material hides the page's table of contents with this front matter: a figure page has few headings,
# and the figure and its table need the width.
WIDE = "---\nhide:\n  - toc\n---\n\n"


def figure_image(page: str, image: str, caption: str) -> str:
    """The figure, linked to its own file so a reader can open it at full size."""
    target = links.rel(page, image)
    return f"[![{title(caption, 120)}]({target})]({target}){{: .kb-figure title=\"Open the figure at full size\" }}"


def _row_table(page: str, site, fig) -> str:
    kb = site.kb
    rows, checked = [], any(r.flag or r.note for r in fig.rows)
    for e, r in zip(fig.estimates, fig.rows):
        interval = (f"{plain(e.ci_level)} CI " if e.ci_level else "") + f"{plain(e.ci_low_text)} to {plain(e.ci_high_text)}"
        row = [plain(e.source or "unknown source") + " &#91;" + _refs(page, kb, e.citations) + "&#93;",
               plain(r.detail), plain(e.measure_printed or e.measure),
               f"{plain(r.estimate_text)} ({interval})" if e.ci_low_text else plain(r.estimate_text), plain(e.p_value),
               link(f"line {e.line}", links.policy_line(page, kb.doc.lines, e.line))]
        if checked:
            row.append("\u26a0 " + plain(r.flag) if r.flag else ("\u2020 " + plain(r.note) if r.note else ""))
        rows.append(row)
    header = ["source [ref]", "detail", "measure", "estimate (interval)", "p", "in the policy"]
    return table(header + (["check"] if checked else []), rows)


def _criteria_of(site, fig) -> list[str]:
    """Criteria with evidence of their own that this figure bears on (items that inherit it are not repeated)."""
    page = links.forest_path(fig.slug)
    shown = {sid for sid, plots in (site.forest or {}).items() if any(p.page == page for p in plots)}
    out = []
    for sid, via in bearing(site.profiles, site.figures or ()).get(fig.slug, {}).items():
        profile = (site.profiles or {}).get(sid) or {}
        if profile.get("inherited_from"):
            continue
        where = "" if sid in shown else " (its page shows these rows in the per-outcome figures)"
        out.append(f"- {link(plain(sid), links.rel(page, links.criterion_path(sid)))}: "
                   f"reference{'s' if len(via) > 1 else ''} {_refs(page, site.kb, via)} cited for it{where}")
    return out


def figure_page(site, fig) -> str:
    page = links.forest_path(fig.slug)
    parts = [f"{WIDE}# {title(fig.title, 120)}", plain(fig.subtitle) + ".",
             figure_image(page, links.forest_path(fig.slug, "svg"), fig.title),
             "Each row is one estimate as the policy prints it, with its interval; the legend under the figure "
             "names the markers, and the dashed vertical line marks no difference. Click the figure to open it "
             "at full size. " + link("The rows as CSV", links.rel(page, links.forest_path(fig.slug, "csv"))) + ".",
             "## Rows", _row_table(page, site, fig)]
    if fig.notes:
        parts += ["## Notes on flagged estimates",
                  "\u26a0 marks numbers that fail a consistency check (the dashed red rows in the figure); "
                  "\u2020 marks a remark about the source.",
                  "\n".join(f"- {plain(n)}" for n in fig.notes)]
    criteria = _criteria_of(site, fig)
    parts += ["## Criteria it bears on",
              "\n".join(criteria) if criteria else "No reference cited for a criterion reports these estimates."]
    return "\n\n".join(parts) + "\n"


def index_page(site) -> str:
    if not site.figures:
        return ("# Forest plots\n\nThe policy reports no question and outcome with two or more estimates that "
                "have an interval, so there is nothing to plot.\n")
    by_question: dict[str, list] = {}
    for fig in site.figures:
        by_question.setdefault(fig.question, []).append(fig)
    parts = ["# Forest plots",
             "The effect estimates the rationale reports with an interval, drawn by question (what is compared) "
             "and outcome: one figure per outcome with at least two estimates, and an overview per question "
             "whose estimates span several outcomes. Numbers are shown exactly as printed, wrong ones included; "
             "*flagged* counts the estimates whose numbers fail a consistency check (explained on each figure's "
             "page)."]
    for question, figs in by_question.items():
        rows = [[link(plain(f.outcome), links.rel(INDEX, links.forest_path(f.slug))), str(len(f.estimates)),
                 plain(", ".join(dict.fromkeys(e.source for e in f.estimates if e.source))),
                 str(sum(1 for r in f.rows if r.flag))] for f in figs]
        parts += [f"## {title(question[0].upper() + question[1:], 100)}",
                  table(["outcome", "estimates", "sources", "flagged"], rows, ["---", "---:", "---", "---:"])]
    return "\n\n".join(parts) + "\n"


def pages(site) -> dict[str, str]:
    if site.figures is None:
        return {}
    out = {INDEX: index_page(site)}
    for fig in site.figures:
        out[links.forest_path(fig.slug)] = figure_page(site, fig)
    return out


def nav(site) -> list:
    if site.figures is None:
        return []
    return [{"Forest plots": [INDEX] + [{nav_title(f.title): links.forest_path(f.slug)} for f in site.figures]}]
