"""Forest-plot figures for a knowledge base: which figures, their rows, and the files written.

One figure per question (what is compared) and outcome with at least two
estimates (those whose text names no comparison together, under ``NO_COMPARISON``), and one
overview per question whose estimates span several outcomes. Ratio and difference measures go
to separate panels of a figure. Each figure is written as SVG and PNG with a CSV of its rows beside it; the
SVG is byte-identical for the same input (fixed hash salt, no date).
"""
from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass

from kb.estimates.consistency import estimate_issues
from kb.estimates.vocabulary import timepoint_days
from kb.outputs.forest import RATIO, ForestRow, forest_plot, legend_handles, notes_of
from kb.ids import slug
from kb.outputs.panels import against_its_side, panel_key, sides

SVG_SALT = "policykb"
_WIDTH = 10.0  # inches
_ROW, _PANEL_EXTRA, _TOP, _NOTE, _LEGEND = 0.34, 1.75, 0.95, 0.2, 0.45  # inches


@dataclass(frozen=True)
class FigureSpec:
    slug: str  # file name without extension
    title: str
    subtitle: str
    estimates: tuple  # EffectEstimate rows in drawing order
    overview: bool  # several outcomes in one figure
    oriented: tuple = ()  # kb.outputs.orientation.Oriented, one per estimate, same order
    question: str = ""  # as oriented: "vertebroplasty vs kyphoplasty"


# Where ratios and differences whose sentence names no comparison go (an article's associations, a review's
# pooled results): still drawn, per outcome, under a title that says what is missing.
NO_COMPARISON = "associations with no comparison named"


def _year(source: str) -> int:
    m = re.search(r"\((\d{4})\)", source)
    return int(m.group(1)) if m else 9999


def _sort_key(e, overview: bool, panels: dict, oriented: dict):
    return (panels[panel_key(e, oriented[e.id].polarity)], timepoint_days(e.timepoint), _year(e.source), e.source, e.line, e.id)


def figure_specs(estimates, oriented: dict | None = None) -> list[FigureSpec]:
    """The figures to draw: per question and outcome (two or more rows), plus per-question overviews.

    ``oriented`` (estimate id -> ``kb.outputs.orientation.Oriented``) gives each question its one orientation,
    so rows printed either way round share a figure; without it every row stays as printed.
    """
    from kb.outputs.orientation import oriented as orient

    oriented = oriented if oriented is not None else orient(None, estimates)
    by_question: dict[str, list] = {}
    for e in estimates:
        if e.scale:
            by_question.setdefault(oriented[e.id].question if e.question else NO_COMPARISON, []).append(e)
    specs = []
    for question, rows in by_question.items():
        outcomes: dict[str, list] = {}
        for e in rows:
            outcomes.setdefault(e.outcome or "unnamed outcome", []).append(e)
        for outcome, group in outcomes.items():
            if len(group) >= 2:
                specs.append(_spec(question, outcome, group, False, oriented))
        if len(rows) >= 2 and len(outcomes) >= 2:
            specs.append(_spec(question, "all outcomes", rows, True, oriented))
    return specs


def _spec(question: str, outcome: str, rows: list, overview: bool, oriented: dict) -> FigureSpec:
    panels = {k: i for i, k in enumerate(dict.fromkeys(panel_key(e, oriented[e.id].polarity) for e in rows))}
    if overview:
        panels = {k: i for i, k in enumerate(sorted(panels, key=lambda k: (k.outcome, k.reading, k.family,
                                                                           k.instrument)))}
    rows = sorted(rows, key=lambda e: _sort_key(e, overview, panels, oriented))
    head = question[0].upper() + question[1:]
    title = head if question.startswith("risk factors") and outcome in question else f"{head}: {outcome}"
    measures = ", ".join(dict.fromkeys(e.measure for e in rows))
    turned = sum(1 for e in rows if oriented[e.id].reoriented)
    subtitle = (f"{len(rows)} estimates ({measures}) from {len({e.source for e in rows})} source(s), as printed"
                + (f" ({turned} turned round to read {question})" if turned else "")
                + "; sorted by time point and year")
    return FigureSpec(slug(f"{question} {outcome}"), title, subtitle, tuple(rows), overview,
                      tuple(oriented[e.id] for e in rows), question)


def design_of(kb, e) -> str:
    """Marker design from the cited entry's kind; a trial is sham-controlled if its title or comparison says so."""
    number = e.citations[0] if e.citations else None
    kind = kb.kind(number) if number is not None else None
    if kind == "systematic-review":
        return "meta-analysis"
    if kind == "randomized-trial":
        entry = kb.references.get(number)
        text = f"{entry.title or '' if entry else ''} {e.comparison}"
        return "sham-controlled trial" if re.search(r"sham|placebo", text, re.IGNORECASE) else "open trial"
    if kind == "observational":
        return "observational"
    return "other"


def _detail(e) -> str:
    if e.timepoint:
        return e.timepoint
    words = e.detail.lower()
    return "" if not words or words in e.outcome.lower() else e.detail


def _source_note(e) -> str:
    named, source = e.named_source, e.source
    if not named or not source or named.split(" (")[0].lower() == source.split(" (")[0].lower() and \
            named[-5:-1] == source[-5:-1]:
        return ""
    cited = ",".join(str(n) for n in e.citations)
    return f"the text names {named}; reference {cited} is {source}"


def forest_rows(kb, rows, overview: bool = False, oriented=None) -> list[ForestRow]:
    """One ForestRow per estimate: its numbers as its question's orientation reads them (``oriented``, one
    ``kb.outputs.orientation.Oriented`` per row; without it, as printed), flags and notes."""
    from kb.outputs.orientation import oriented as orient

    oriented = list(oriented) if oriented else [orient(kb, rows)[e.id] for e in rows]
    by_sentence: dict = {}
    for e in rows:
        by_sentence.setdefault(e.sentence_index, []).append(e)
    labels = _panel_sides(rows, oriented)
    out = []
    for e, o in zip(rows, oriented):
        issues = estimate_issues(e, by_sentence.get(e.sentence_index, ()) if e.sentence_index is not None else ())
        # Errors and warnings mark the row; an info-level remark is a footnote, not a failure.
        flags = [f"{i.code} {i.message} (line {e.line})" for i in issues if i.severity != "info"]
        remarks = [f"{i.code} {i.message} (line {e.line})" for i in issues if i.severity == "info"]
        if o.reoriented:
            remarks.insert(0, f"{o.reoriented} to read {o.question}")
        if against_its_side(o, labels[panel_key(e, o.polarity)], e.null or 0.0):
            remarks.append(f"drawn as printed on the side marked for the other treatment, but it favours "
                           f"{o.favours}: {o.basis}")
        dagger = "\u2020" if _source_note(e) or remarks else ""
        out.append(ForestRow(
            id=e.id, label=f"{_row_source(e)}{dagger}",
            detail=_detail(e), estimate=o.estimate, low=o.low, high=o.high,
            estimate_text=o.estimate_text + ("%" if e.unit == "%" else ""),
            low_text=o.low_text, high_text=o.high_text, scale=e.scale, design=design_of(kb, e),
            flag="; ".join(flags), note="; ".join(filter(None, [_source_note(e)] + remarks)), favours=o.favours))
    return out


def _row_source(e) -> str:
    """'Xie (2017) [3]'; a long run of citations as its first two and a count ('[4,18 +7]'), so the label fits
    beside the axis; 'uncited' for a result the text gives no reference for (an article's own findings)."""
    if not e.citations:
        return e.source or "uncited"
    numbers = [str(n) for n in e.citations]
    cited = ",".join(numbers) if len(numbers) <= 3 else f"{','.join(numbers[:2])} +{len(numbers) - 2}"
    return f"{e.source or 'unknown source'} [{cited}]"


def _panel_sides(rows, oriented) -> dict:
    """Panel -> ('favours X', 'favours Y') under its axis, or None."""
    members: dict = {}
    for e, o in zip(rows, oriented):
        members.setdefault(panel_key(e, o.polarity), []).append(o)
    return {key: sides(group) for key, group in members.items()}


def _slots(panel, overlap_groups) -> float:
    """Row heights a panel needs: one per row, and room for each overlap group's label."""
    ids = {r.id for r in panel}
    groups = sum(1 for _, members in (overlap_groups or []) if len(ids.intersection(members)) >= 2)
    return len(panel) + 0.6 * groups


def _xlabel(key, estimates) -> str:
    measures = ", ".join(dict.fromkeys(e.measure for e in estimates))
    if key.family == "ratio":
        return f"ratio, log scale ({measures}); 1 = no difference"
    return f"{key.family} ({measures}); 0 = no difference"


def draw(kb, spec: FigureSpec, overlap_groups=None):
    """The figure for ``spec`` (a matplotlib Figure, not saved): one panel per outcome and scale."""
    from matplotlib.figure import Figure

    from kb.outputs.orientation import oriented as orient

    oriented = list(spec.oriented) or [orient(kb, spec.estimates)[e.id] for e in spec.estimates]
    rows = forest_rows(kb, spec.estimates, spec.overview, oriented)
    key_of = {e.id: panel_key(e, o.polarity) for e, o in zip(spec.estimates, oriented)}
    keys = list(dict.fromkeys(key_of.values()))
    panels = [[(e, r) for e, r in zip(spec.estimates, rows) if key_of[e.id] == k] for k in keys]
    labels = _panel_sides(spec.estimates, oriented)
    notes = [line for n in notes_of(rows) for line in textwrap.wrap(n, 150, subsequent_indent="   ")]
    heights = [_ROW * _slots([r for _, r in p], overlap_groups) + _PANEL_EXTRA for p in panels]
    total = _TOP + sum(heights) + _LEGEND + (_NOTE * len(notes) + 0.3 if notes else 0.1)
    fig = Figure(figsize=(_WIDTH, total))
    fig.text(0.02, 1 - 0.3 / total, spec.title, fontsize=13, fontweight="bold", va="center")
    fig.text(0.02, 1 - 0.6 / total, spec.subtitle, fontsize=8.5, color="#555555", va="center")
    level = Counter(e.ci_level or "CI" for e in spec.estimates).most_common(1)[0][0]
    top = _TOP
    for key, panel, height in zip(keys, panels, heights):
        plot_h = _ROW * _slots([r for _, r in panel], overlap_groups) + 0.45
        ax = fig.add_axes((0.30, 1 - (top + 0.45 + plot_h) / total, 0.40, plot_h / total))
        fig.text(0.02, 1 - (top + 0.2) / total, key.label[0].upper() + key.label[1:], fontsize=10,
                 fontweight="bold", va="center", color="#1f3b57")
        forest_plot([r for _, r in panel], ax=ax, xlabel=_xlabel(key, [e for e, _ in panel]),
                    level=level if level != "CI" else "", overlap_groups=overlap_groups, legend=False,
                    sides=labels.get(key))
        top += height
    fig.legend(handles=legend_handles(rows), loc="upper left", bbox_to_anchor=(0.02, 1 - (top - 0.2) / total),
               ncol=4, frameon=False, fontsize=8.5, handletextpad=0.4, columnspacing=1.5)
    top += _LEGEND
    if notes:
        fig.text(0.02, 1 - (top + 0.05) / total, "Notes\n" + "\n".join(notes), fontsize=7.8, va="top",
                 color="#333333", linespacing=1.35)
    return fig


_METADATA = {"svg": {"Date": None}, "png": {"Software": None}}


def render_files(fig, formats=("svg", "png"), *, text_as_paths: bool = True) -> dict[str, bytes]:
    """SVG (byte-stable) and PNG bytes of a figure; ``formats`` picks which (the site needs only SVG).

    ``text_as_paths`` draws the SVG's letters as outlines, so the file looks the same anywhere; without it
    the text stays text (a quarter of the size and about twice as fast to write), set in DejaVu Sans or the
    reader's nearest sans-serif, which is what the review site uses.
    """
    import io

    import matplotlib

    out = {}
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path" if text_as_paths else "none"}):
        for fmt in formats:
            meta = _METADATA[fmt]
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, metadata=meta, dpi=150)
            out[fmt] = buf.getvalue()
    return out


def overlap_groups_of(kb, estimates) -> list[tuple[str, list[str]]]:
    """Rows from reviews that pool at least one same trial (per the evidence graph), grouped.

    Reviews are joined transitively (A shares with B, B with C: one group), and
    a group is drawn only when its rows come from two or more reviews.
    """
    from kb.evidence.overlap import overlapping_reviews

    group_of: dict[int, set[int]] = {}
    for a, b, _ in overlapping_reviews(kb.graph):
        joined = group_of.get(a, {a}) | group_of.get(b, {b})
        for n in joined:
            group_of[n] = joined
    out, seen = [], []
    for members in group_of.values():
        if members in seen:
            continue
        seen.append(members)
        rows = [e for e in estimates if e.citations and e.citations[0] in members]
        if len({e.citations[0] for e in rows}) >= 2:
            cited = ", ".join(f"[{n}]" for n in sorted({e.citations[0] for e in rows}))
            out.append((f"overlapping reviews {cited}: they pool some of the same trials", [e.id for e in rows]))
    return out


def write_figures(kb, folder, overlap_groups=None) -> list[str]:
    """Write every figure of ``kb`` into ``folder``; returns the written file names.

    Without ``overlap_groups`` the groups come from the evidence graph (``overlap_groups_of``).
    """
    from pathlib import Path

    from kb.estimates import estimates_of
    from kb.estimates.table import COLUMNS, estimate_rows, to_csv
    from kb.io import write_atomic
    from kb.outputs.orientation import oriented

    folder = Path(folder)
    estimates = estimates_of(kb).estimates
    if overlap_groups is None:
        overlap_groups = overlap_groups_of(kb, estimates)
    # Every figure is drawn before the first file is written: a figure that fails to draw
    # leaves the folder as the previous run left it, not half old and half new.
    out: dict[str, bytes] = {}
    for spec in figure_specs(estimates, oriented(kb, estimates)):
        files = render_files(draw(kb, spec, overlap_groups))
        files["csv"] = to_csv(estimate_rows(spec.estimates), COLUMNS).encode("utf-8")
        out.update((f"{spec.slug}.{ext}", data) for ext, data in files.items())
    for name, data in out.items():
        write_atomic(folder / name, data)
    return list(out)
