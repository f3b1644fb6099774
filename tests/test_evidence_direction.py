"""Direction of an estimate and one orientation per question: each rule with a positive and a clean case."""
import pytest

from kb.estimates.model import EffectEstimate
from kb.evidence.direction import (COMPARATOR, INTERVENTION, NO_DIFFERENCE, NOT_JUDGED, direction_of,
                                   framing_order, orient)


def est(quote, value, low, high, measure="MD", comparison="vertebroplasty vs conservative care", outcome="pain",
        **kw):
    return EffectEstimate(id="L1.1", line=1, column=None, measure=measure, measure_printed=measure,
                          estimate_text=value, estimate=float(value), ci_low_text=low, ci_low=float(low),
                          ci_high_text=high, ci_high=float(high), quote=quote, comparison=comparison,
                          outcome=outcome, **kw)


def test_orientation_puts_controls_second_and_follows_the_criteria():
    order = framing_order(["Kiva, percutaneous vertebroplasty, or balloon kyphoplasty may be considered"])
    assert orient("kyphoplasty", "vertebroplasty", order) == ("vertebroplasty", "kyphoplasty")
    assert orient("vertebroplasty", "kyphoplasty", order) == ("vertebroplasty", "kyphoplasty")  # clean
    assert orient("sham", "vertebroplasty", order) == ("vertebroplasty", "sham")
    assert orient("conservative care", "kyphoplasty", {}) == ("kyphoplasty", "conservative care")


def test_a_ratio_printed_the_other_way_is_inverted_with_bounds_swapped():
    e = est("kyphoplasty decreased the risk of cement leakage (RR 0.62; 95% CI 0.47 to 0.80)", "0.62", "0.47",
            "0.80", measure="RR", comparison="kyphoplasty vs vertebroplasty", outcome="cement leakage")
    d = direction_of(e, "lower", "vertebroplasty", "kyphoplasty")
    assert (d.estimate_text, d.ci_low_text, d.ci_high_text) == ("1.61", "1.25", "2.13")
    assert d.value == pytest.approx(1 / 0.62) and d.ci_low == pytest.approx(1 / 0.80)
    assert "ratio inverted, bounds swapped" in d.reoriented
    assert d.favours == COMPARATOR and d.favours_label == "kyphoplasty"


def test_a_difference_printed_the_other_way_is_negated():
    e = est("text (SMD 0.98; 95% CI 0.40 to 1.57)", "0.98", "0.40", "1.57", measure="SMD",
            comparison="kyphoplasty vs vertebroplasty", outcome="kyphotic angle")
    d = direction_of(e, "lower", "vertebroplasty", "kyphoplasty")
    assert (d.estimate_text, d.ci_low_text, d.ci_high_text) == ("-0.98", "-1.57", "-0.40")
    clean = direction_of(e, "lower", "kyphoplasty", "vertebroplasty")
    assert clean.reoriented == "" and clean.estimate_text == "0.98"


def test_an_interval_including_the_null_is_no_clear_difference():
    d = direction_of(est("Vertebroplasty was superior (MD 0.94; 95% CI -0.40 to 2.39)", "0.94", "-0.40", "2.39"),
                     "lower", "vertebroplasty", "conservative care")
    assert d.favours == NO_DIFFERENCE and "includes the null" in d.basis
    touching = est("(HR 0.79; 95% CI 0.62 to 1.00)", "0.79", "0.62", "1.00", measure="HR", outcome="mortality")
    assert direction_of(touching, "lower", "vertebroplasty", "conservative care").favours == NO_DIFFERENCE


def test_the_texts_own_words_name_the_favoured_treatment():
    quote = ("Vertebroplasty was superior for pain relief at 1 week (MD 1.36; 95% CI 0.55 to 2.17); it was "
             "inferior to conservative treatment for pain relief at six months (MD = -1.59; 95% CI, -2.9 to -0.27)")
    first = est(quote, "1.36", "0.55", "2.17")
    second = est(quote, "-1.59", "-2.9", "-0.27")
    assert direction_of(first, "higher", "vertebroplasty", "conservative care").favours == INTERVENTION
    d = direction_of(second, "higher", "vertebroplasty", "conservative care")
    assert d.favours == COMPARATOR and "inferior to conservative" in d.basis


def test_sign_and_polarity_decide_when_the_text_is_silent():
    e = est("The difference between the groups was (HR 0.70; 95% CI 0.69 to 0.71)", "0.70", "0.69", "0.71",
            measure="HR", outcome="mortality")
    assert direction_of(e, "lower", "vertebroplasty", "conservative care").favours == INTERVENTION
    assert direction_of(e, "higher", "vertebroplasty", "conservative care").favours == COMPARATOR
    assert direction_of(e, "", "vertebroplasty", "conservative care").favours == NOT_JUDGED  # no polarity


def test_the_text_wins_over_the_sign_and_says_so():
    e = est("kyphoplasty was superior to conservative therapy as assessed by EQ-5D (MD -0.10; 95% CI, -0.17 to "
            "-0.01)", "-0.10", "-0.17", "-0.01", comparison="kyphoplasty vs conservative care",
            outcome="quality of life")
    d = direction_of(e, "higher", "kyphoplasty", "conservative care")
    assert d.favours == INTERVENTION and "would favour conservative care" in d.basis


def test_a_backwards_interval_or_a_risk_factor_is_not_judged():
    backwards = est("(MD = -5.03; 95% CI, 7.94 to -2.12)", "-5.03", "7.94", "-2.12")
    assert direction_of(backwards, "higher", "vertebroplasty", "conservative care").favours == NOT_JUDGED
    factor = est("(OR=1.40; 95% CI, 1.09-1.78)", "1.40", "1.09", "1.78", measure="OR",
                 comparison="intravertebral cleft vs none")
    assert direction_of(factor, "lower", "intravertebral cleft", "none").favours == NOT_JUDGED
