"""The suggested-certainty rules: each with a positive and a clean fixture, and the rating they give."""
from kb.estimates.model import EffectEstimate
from kb.evidence.certainty import (curated_rule, imprecision_rule, inconsistency_rule, rate, risk_of_bias_rule,
                                   start_rule)
from kb.evidence.design import Design
from kb.evidence.direction import direction_of


def design(label="Trial (2020)", randomized=True, blinding="blinded", n=500):
    return Design(1, label, "randomized-trial", randomized, blinding, n, "test")


def effect(value, low, high, citations=(1,), timepoint="", i2="", measure="MD"):
    e = EffectEstimate(id="x", line=1, column=None, measure=measure, measure_printed=measure, estimate_text=value,
                       estimate=float(value), ci_low_text=low, ci_low=float(low), ci_high_text=high,
                       ci_high=float(high), citations=citations, timepoint=timepoint, i2=i2,
                       comparison="widgetplasty vs sham", outcome="pain", quote="")
    return direction_of(e, "higher", "widgetplasty", "sham")


def test_start_high_for_randomized_low_otherwise():
    assert start_rule([design(), design()]).verdict == "high"
    low = start_rule([design(), design("Cohort (2019)", randomized=False)])
    assert low.verdict == "low" and "Cohort (2019)" in low.reason


def test_risk_of_bias_open_label_on_a_subjective_outcome():
    assert risk_of_bias_rule(True, [design(blinding="open")]).change == -1
    assert risk_of_bias_rule(True, [design(blinding="blinded")]).change == 0  # clean: blinded
    assert risk_of_bias_rule(False, [design(blinding="open")]).change == 0  # clean: objective outcome
    assert risk_of_bias_rule(True, [design(blinding="unknown")]).verdict == "not judged"


def test_inconsistency_by_i2_or_by_references_on_both_sides():
    assert inconsistency_rule([effect("1.0", "0.5", "1.5", i2="I² = 72%")]).change == -1
    both = [effect("1.0", "0.5", "1.5", (1,), "1 month"), effect("-1.0", "-1.5", "-0.5", (2,), "1 month")]
    assert inconsistency_rule(both).change == -1
    # clean: one side; or one reference at two time points
    assert inconsistency_rule([effect("1.0", "0.5", "1.5", (1,)), effect("0.8", "0.2", "1.4", (2,))]).change == 0
    times = [effect("1.0", "0.5", "1.5", (1,), "1 month"), effect("-1.0", "-1.5", "-0.5", (1,), "6 months")]
    assert inconsistency_rule(times).change == 0


def test_imprecision_by_the_null_or_few_participants():
    assert imprecision_rule([effect("0.9", "-0.4", "2.4")], 1000).change == -1
    assert imprecision_rule([effect("0.9", "0.4", "2.4")], 120).change == -1
    assert imprecision_rule([effect("0.9", "0.4", "2.4")], 1000).change == 0  # clean


def test_indirectness_and_publication_bias_come_from_review():
    assert curated_rule("indirectness", "serious", "older patients").change == -1
    assert curated_rule("indirectness", "no", "same population").change == 0
    assert curated_rule("publication bias", "", "").verdict == "not judged"


def test_rating_starts_and_downgrades_but_never_below_very_low():
    high = start_rule([design()])
    assert rate((high,)) == "high"
    downs = tuple(curated_rule(n, "serious", "r") for n in ("a", "b", "c", "d", "e"))
    assert rate((high,) + downs[:2]) == "low"
    assert rate((start_rule([design(randomized=False)]),) + downs) == "very low"
