"""Forest plots, inspected through their Axes (rows, interval endpoints, scale, null line), never pixels."""
import os

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from kb.outputs.figures import draw, figure_specs, forest_rows, render_files  # noqa: E402
from kb.outputs.forest import FLAG, ForestRow, forest_plot, notes_of  # noqa: E402


def row(id, est, lo, hi, scale="ratio", **kw):
    return ForestRow(id=id, label=kw.pop("label", f"Author ({id})"), detail=kw.pop("detail", ""), estimate=est,
                     low=lo, high=hi, estimate_text=f"{est}", low_text=f"{lo}", high_text=f"{hi}", scale=scale, **kw)


def _line(ax, gid):
    return next(a for a in ax.get_lines() if a.get_gid() == gid)


def _rows(ax):
    return [t.get_text() for t in ax.get_yticklabels()]


def test_ratios_on_a_log_axis_with_the_null_at_1_and_each_interval_drawn():
    rows = [row("a", 1.22, 0.70, 2.12, design="meta-analysis"), row("b", 0.59, 0.43, 0.81, design="open trial")]
    ax = forest_plot(rows, title="A vs B: fractures")
    assert ax.get_xscale() == "log"
    assert list(_line(ax, "null").get_xdata()) == [1.0, 1.0]
    assert list(_line(ax, "ci:a").get_xdata()) == [0.70, 2.12] and list(_line(ax, "est:a").get_xdata()) == [1.22]
    assert list(_line(ax, "ci:b").get_xdata()) == [0.43, 0.81]
    assert _rows(ax) == ["Author (a)", "Author (b)"]
    assert _line(ax, "est:a").get_ydata()[0] > _line(ax, "est:b").get_ydata()[0]  # first row on top
    assert ax.get_title(loc="left") == "A vs B: fractures"
    lo, hi = ax.get_xlim()
    assert lo < 0.43 and hi > 2.12


def test_differences_on_a_linear_axis_with_the_null_at_0_and_text_columns_as_printed():
    rows = [ForestRow("a", "Xie (2017) [3]", "1 week", 1.36, 0.55, 2.17, "1.36", "0.55", "2.17", "difference")]
    ax = forest_plot(rows)
    assert ax.get_xscale() == "linear"
    assert list(_line(ax, "null").get_xdata()) == [0.0, 0.0]
    texts = {t.get_gid(): t.get_text() for t in ax.texts if t.get_gid()}
    assert (texts["text-est:a"], texts["text-low:a"], texts["text-high:a"]) == ("1.36", "0.55", "2.17")
    assert _rows(ax) == ["Xie (2017) [3] \u00b7 1 week"]


def test_one_panel_never_mixes_ratios_and_differences():
    with pytest.raises(ValueError, match="one scale"):
        forest_plot([row("a", 1.2, 0.7, 2.1), row("b", 0.5, 0.1, 0.9, scale="difference")])


def test_an_inconsistent_row_is_drawn_marked_and_explained():
    bad = row("bad", -5.03, 7.94, -2.12, scale="difference", flag="EST101 the interval runs backwards")
    ax = forest_plot([row("ok", 1.0, 0.5, 1.5, scale="difference"), bad])
    assert sorted(_line(ax, "ci:bad").get_xdata()) == [-2.12, 7.94]  # still drawn, over its printed span
    assert _line(ax, "ci:bad").get_linestyle() == "--"
    assert _rows(ax)[1].startswith(FLAG) and not _rows(ax)[0].startswith(FLAG)
    assert notes_of([bad]) == [f"{FLAG} Author (bad): EST101 the interval runs backwards"]


def test_overlap_groups_are_drawn_together_on_a_labelled_band():
    rows = [row("a", 1.2, 0.9, 1.6), row("b", 0.8, 0.6, 1.1), row("c", 1.1, 0.8, 1.5)]
    ax = forest_plot(rows, overlap_groups=[("pool the same two sham trials", ["a", "c"])])
    assert _rows(ax) == ["Author (a)", "Author (c)", "Author (b)"]
    band = next(p for p in ax.patches if p.get_gid() == "overlap:pool the same two sham trials")
    ys = [_line(ax, f"est:{i}").get_ydata()[0] for i in ("a", "c", "b")]
    extent = band.get_path().get_extents(band.get_transform()).transformed(ax.transData.inverted())
    assert extent.y0 < ys[1] < ys[0] < extent.y1 and not extent.y0 < ys[2] < extent.y1
    assert any("overlapping: pool the same two sham trials" == t.get_text() for t in ax.texts)


def test_markers_follow_the_design():
    rows = [row("m", 1.2, 0.9, 1.6, design="meta-analysis"), row("s", 1.1, 0.8, 1.5, design="sham-controlled trial"),
            row("o", 0.9, 0.6, 1.3, design="open trial"), row("x", 1.0, 0.7, 1.4, design="observational")]
    ax = forest_plot(rows)
    markers = {i: (_line(ax, f"est:{i}").get_marker(), _line(ax, f"est:{i}").get_markerfacecolor()) for i in "msox"}
    assert markers["m"][0] == "D" and markers["s"][0] == markers["o"][0] == "s" and markers["x"][0] == "o"
    assert markers["s"][1] != markers["o"][1]  # sham-controlled filled, open trial hollow


def test_bundled_policy_figures_cover_every_question_with_two_estimates(bundled_kb):
    estimates = bundled_kb.effect_estimates.estimates
    specs = figure_specs(estimates)
    # "Kyphoplasty vs vertebroplasty" (Wang) is the same question as "vertebroplasty vs kyphoplasty" (Zhu): one
    # orientation, so Wang's cement leakage and Zhu's now make a figure of their own.
    assert [s.slug for s in specs] == [
        "vertebroplasty-vs-kyphoplasty-cement-leakage", "vertebroplasty-vs-kyphoplasty-all-outcomes",
        "vertebroplasty-vs-conservative-care-pain", "vertebroplasty-vs-conservative-care-all-outcomes",
        "vertebral-augmentation-vs-conservative-care-new-fracture",
        "vertebral-augmentation-vs-conservative-care-mortality",
        "vertebral-augmentation-vs-conservative-care-all-outcomes",
        "kyphoplasty-vs-conservative-care-quality-of-life", "kyphoplasty-vs-conservative-care-all-outcomes",
        "risk-factors-for-cement-leakage-cement-leakage"]
    questions = {}
    for e in estimates:
        questions.setdefault(frozenset(e.question.split(" vs ")), []).append(e)
    drawn = {frozenset(e.question.split(" vs ")) for s in specs for e in s.estimates}
    assert {q for q, rows in questions.items() if len(rows) >= 2} <= drawn
    assert frozenset({"vertebroplasty", "sham"}) not in drawn  # VAPOUR's single interval


def test_bundled_figure_panels_rows_and_flags(bundled_kb):
    spec = next(s for s in figure_specs(bundled_kb.effect_estimates.estimates)
                if s.slug == "vertebroplasty-vs-conservative-care-all-outcomes")
    fig = draw(bundled_kb, spec)
    # One outcome on one scale per panel: pain on an unnamed scale, on the VAS, pain relief (which runs the
    # other way) and QUALEFFO never share an axis.
    fracture, pain, vas, relief, qol = fig.axes
    assert fracture.get_xscale() == "log" and {a.get_xscale() for a in (pain, vas, relief, qol)} == {"linear"}
    assert _rows(fracture) == [f"{FLAG} Xie (2017) [3] \u00b7 adjacent-level vertebral\u2026"]
    assert _rows(pain) == ["Xie (2017) [3]\u2020 \u00b7 1 month"]
    assert _rows(vas) == ["Klazen (2010) [16]\u2020 \u00b7 1 month", "Klazen (2010) [16]\u2020 \u00b7 1 year"]
    assert _rows(relief) == ["Xie (2017) [3] \u00b7 1 week", "Xie (2017) [3] \u00b7 6 months"]
    assert _rows(qol) == [f"{FLAG} Xie (2017) [3] \u00b7 Osteoporosis"]
    panels = [t.get_text() for t in fig.texts if t.get_fontweight() == "bold"][1:]
    assert panels == ["New fracture: ratio", "Pain: mean difference, scale not named", "Pain: mean difference, VAS",
                      "Pain relief or improvement: mean difference, scale not named",
                      "Quality of life: mean difference, QUALEFFO"]
    sides = {a: [t.get_text() for t in a.texts if (t.get_gid() or "").startswith("favours:")] for a in fig.axes}
    assert sides[vas] == ["\u2190 favours vertebroplasty", "favours conservative care \u2192"]  # less pain is better
    assert sides[relief] == ["\u2190 favours conservative care", "favours vertebroplasty \u2192"]  # more relief is
    # Klazen's VAS differences favour vertebroplasty (the text says so) though printed on the other side: noted.
    notes = " ".join(notes_of(forest_rows(bundled_kb, spec.estimates)))
    assert "Klazen (2010) [16]\u2020: drawn as printed on the side marked for the other treatment" in notes
    designs = {r.label.rstrip("\u2020"): r.design for r in forest_rows(bundled_kb, spec.estimates)}
    assert designs == {"Xie (2017) [3]": "meta-analysis", "Klazen (2010) [16]": "open trial"}


def test_same_input_gives_byte_identical_svg(bundled_kb):
    spec = figure_specs(bundled_kb.effect_estimates.estimates)[0]
    first = render_files(draw(bundled_kb, spec))
    second = render_files(draw(bundled_kb, spec))
    assert first["svg"] == second["svg"] and first["svg"].startswith(b"<?xml")
    assert first["png"][:8] == b"\x89PNG\r\n\x1a\n"


def test_a_figure_passes_overlap_groups_to_its_panels(bundled_kb):
    spec = next(s for s in figure_specs(bundled_kb.effect_estimates.estimates)
                if s.slug == "vertebral-augmentation-vs-conservative-care-mortality")
    ids = [e.id for e in spec.estimates]
    (ax,) = draw(bundled_kb, spec, overlap_groups=[("same cohorts", ids[1:])]).axes
    assert any(p.get_gid() == "overlap:same cohorts" for p in ax.patches)


def test_rows_from_reviews_pooling_the_same_trial_are_grouped(tmp_path):
    """Two meta-analyses that both pool the WIDGET trial: their rows form one overlap group."""
    from evidence_helpers import POLICY, full, load

    from kb.estimates import estimates_of
    from kb.outputs.figures import overlap_groups_of

    text = POLICY.replace(
        "### RANDOMIZED CONTROLLED TRIALS",
        "Pain improved with widgetplasty (MD = 1.2; 95% CI, 0.5 to 1.9).<sup>[1]</sup>\n\n"
        "Doe (2021) pooled the WIDGET trial with others (MD = 0.9; 95% CI, 0.2 to 1.6).<sup>[9]</sup>\n\n"
        "### RANDOMIZED CONTROLLED TRIALS",
    ) + ("9. Doe J. Widgetplasty: a meta-analysis. *Pain Physician*. 2021;24(1):1-9. PMID: 99999999\n")
    kb = load(full(tmp_path / "p", text, includes="review,included,source,note,reviewer,date\n"
                                                   "9,2,curated,WIDGET,test,2026-01-01\n"))
    estimates = estimates_of(kb).estimates
    ((label, ids),) = overlap_groups_of(kb, estimates)
    assert "[1], [9]" in label
    assert sorted(e.citations[0] for e in estimates if e.id in ids) == [1, 9]


def test_reviews_without_shared_trials_are_not_grouped(tmp_path):
    from evidence_helpers import POLICY, full, load

    from kb.estimates import estimates_of
    from kb.outputs.figures import overlap_groups_of

    text = POLICY.replace("### RANDOMIZED CONTROLLED TRIALS",
                          "Pain improved with widgetplasty (MD = 1.2; 95% CI, 0.5 to 1.9).<sup>[1]</sup>\n\n"
                          "### RANDOMIZED CONTROLLED TRIALS")
    kb = load(full(tmp_path / "p", text))
    assert overlap_groups_of(kb, estimates_of(kb).estimates) == []
