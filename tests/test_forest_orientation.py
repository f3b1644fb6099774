"""Forest plots: one orientation per question, one outcome and scale per panel, and which side favours whom."""
import os
from dataclasses import replace

os.environ.setdefault("MPLBACKEND", "Agg")

from kb.estimates.model import EffectEstimate  # noqa: E402
from kb.outputs.figures import draw, figure_specs  # noqa: E402
from kb.outputs.forest import ForestRow, forest_plot  # noqa: E402
from kb.evidence.direction import NO_DIFFERENCE  # noqa: E402
from kb.outputs.orientation import oriented  # noqa: E402
from kb.outputs.panels import against_its_side, instrument_of, panel_key, sides  # noqa: E402


def estimate(id, comparison, outcome, measure, est, lo, hi, detail="", quote=""):
    return EffectEstimate(id=id, line=1, column=1, measure=measure, measure_printed=measure, estimate_text=str(est),
                          estimate=est, ci_low_text=str(lo), ci_low=lo, ci_high_text=str(hi), ci_high=hi,
                          outcome=outcome, comparison=comparison, question=comparison, detail=detail, quote=quote,
                          source=f"Author{id} (2020)", citations=(1,))


def test_a_row_printed_the_other_way_round_is_turned_and_says_so(bundled_kb):
    rows = oriented(bundled_kb, bundled_kb.effect_estimates.estimates)
    leak = rows["L190.3"]  # Wang: kyphoplasty vs vertebroplasty, RR 0.62 (0.47 to 0.80)
    assert leak.question == "vertebroplasty vs kyphoplasty"
    assert (leak.estimate_text, leak.low_text, leak.high_text) == ("1.61", "1.25", "2.13")
    assert round(leak.estimate, 2) == 1.61 and leak.low < leak.high
    assert "ratio inverted, bounds swapped" in leak.reoriented
    angle = rows["L190.1"]  # SMD 0.98 (0.40 to 1.57)
    assert (angle.estimate_text, angle.low_text, angle.high_text) == ("-0.98", "-1.57", "-0.40")
    assert "difference negated" in angle.reoriented
    zhu = rows["L130.1"]  # printed as vertebroplasty vs kyphoplasty already: untouched
    assert (zhu.estimate_text, zhu.reoriented, zhu.favours) == ("1.31", "", NO_DIFFERENCE)


def test_both_printed_orders_make_one_figure_whose_row_says_it_was_turned(bundled_kb):
    estimates = bundled_kb.effect_estimates.estimates
    spec = next(s for s in figure_specs(estimates, oriented(bundled_kb, estimates))
                if s.slug == "vertebroplasty-vs-kyphoplasty-cement-leakage")
    assert {e.source for e in spec.estimates} == {"Zhu (2022)", "Wang (2018)"}
    assert "1 turned round" in spec.subtitle
    (ax,) = draw(bundled_kb, spec).axes
    texts = {t.get_gid(): t.get_text() for t in ax.texts if t.get_gid()}
    assert texts["text-est:L190.3"] == "1.61" and texts["text-low:L190.3"] == "1.25"
    assert texts["favours:left"] == "\u2190 favours vertebroplasty"
    assert texts["favours:right"] == "favours kyphoplasty \u2192"
    assert not any(s.slug.startswith("kyphoplasty-vs-vertebroplasty") for s in figure_specs(estimates))


def test_sides_follow_the_polarity_of_the_outcome():
    pain = [estimate("a", "widgetplasty vs sham", "pain", "MD", -1.0, -2.0, -0.1)]
    qol = [estimate("b", "widgetplasty vs sham", "quality of life", "MD", 3.0, 1.0, 5.0, detail="EQ-5D")]
    volume = [estimate("c", "widgetplasty vs sham", "cement volume", "MD", 3.0, 1.0, 5.0)]
    o = oriented(None, pain + qol + volume)
    assert sides([o["a"]]) == ("favours widgetplasty", "favours sham")  # less pain is better
    assert sides([o["b"]]) == ("favours sham", "favours widgetplasty")  # more quality of life is better
    assert sides([o["c"]]) is None  # neither more nor less cement is better
    assert (o["a"].favours, o["b"].favours) == ("widgetplasty", "widgetplasty")


def test_a_control_is_always_the_comparator():
    o = oriented(None, [estimate("a", "sham vs widgetplasty", "pain", "MD", 1.0, 0.2, 1.8)])["a"]
    assert o.question == "widgetplasty vs sham" and (o.estimate_text, o.low_text, o.high_text) == ("-1.0", "-1.8",
                                                                                                   "-0.2")


def test_each_instrument_gets_its_own_panel():
    vas = estimate("a", "x vs y", "pain", "MD", 1, 0, 2, detail="VAS")
    eq5d = estimate("b", "x vs y", "quality of life", "MD", 1, 0, 2, detail="EQ-5D")
    qualeffo = estimate("c", "x vs y", "quality of life", "MD", 1, 0, 2,
                        quote="as measured using the Quality of Life Questionnaire of the European Foundation for "
                              "Osteoporosis (MD = 1)")
    unnamed = estimate("d", "x vs y", "pain", "MD", 1, 0, 2, quote="pain relief at one week (MD = 1)")
    smd = estimate("e", "x vs y", "pain", "SMD", 1, 0, 2, detail="VAS")
    assert [instrument_of(e) for e in (vas, eq5d, qualeffo, unnamed)] == ["VAS", "EQ-5D", "QUALEFFO", ""]
    assert len({panel_key(e) for e in (vas, eq5d, qualeffo, unnamed, smd)}) == 5
    assert panel_key(replace(vas, id="z")) == panel_key(vas)
    # QUALEFFO scores burden: lower is better, so a negative difference favours the first treatment.
    assert oriented(None, [replace(qualeffo, estimate=-1, ci_low=-2, ci_high=-0.5)])["c"].favours == "x"


def test_a_row_on_the_other_side_of_its_favoured_treatment_is_noted():
    o = oriented(None, [estimate("a", "x vs y", "pain", "MD", 1.5, 0.5, 2.5)])["a"]
    labels = sides([o])
    assert not against_its_side(o, labels, 0.0)  # the sign says y, and y is on the right
    assert against_its_side(replace(o, favours="x"), labels, 0.0)  # the text said x: it lies on y's side


def test_the_favours_labels_sit_under_the_axis_either_side_of_the_null():
    rows = [ForestRow("a", "A (2020)", "", 0.8, 0.6, 0.95, "0.8", "0.6", "0.95", "ratio")]
    ax = forest_plot(rows, sides=("favours x", "favours y"))
    texts = {t.get_gid(): t for t in ax.texts if t.get_gid()}
    assert texts["favours:left"].get_text() == "\u2190 favours x" and texts["favours:left"].get_ha() == "right"
    assert texts["favours:right"].get_text() == "favours y \u2192" and texts["favours:right"].get_ha() == "left"
    assert texts["favours:left"].get_position()[0] == 1.0
    assert not any(t.get_gid() == "favours:left" for t in forest_plot(rows).texts)


def test_estimates_whose_text_names_no_comparison_are_still_drawn_per_outcome():
    rows = [estimate(i, "", "tooth erosion", "OR", est, lo, hi) for i, est, lo, hi in
            (("a", 12.4, 4.1, 37.5), ("b", 19.6, 5.6, 68.8), ("c", 7.7, 1.9, 30.6))]
    (spec,) = figure_specs(rows)
    assert spec.title == "Associations with no comparison named: tooth erosion"
    assert [e.id for e in spec.estimates] == ["a", "b", "c"]
    assert figure_specs(rows[:1]) == []  # one estimate is no forest
    assert figure_specs([replace(r, measure="proportion") for r in rows]) == []  # nor numbers with no null


def test_row_labels_stay_short_and_say_when_a_result_is_uncited(bundled_kb):
    from kb.outputs.figures import forest_rows

    many = replace(estimate("m", "", "tooth erosion", "OR", 12.4, 4.1, 37.5), source="Johansson (2012)",
                   citations=(4, 18, 20, 21, 22, 30, 31, 32, 33))
    own = replace(estimate("o", "", "tooth erosion", "OR", 19.6, 5.6, 68.8), source="", citations=())
    few = replace(estimate("f", "", "tooth erosion", "OR", 2.5, 1.8, 3.5), source="Roe (2010)", citations=(5, 6))
    labels = [r.label for r in forest_rows(bundled_kb, [many, own, few])]
    assert labels == ["Johansson (2012) [4,18 +7]", "uncited", "Roe (2010) [5,6]"]
