"""Printed forms of trial results that the Evidence Inference measurement (kbdev/evidence_accuracy.py) found
unread: each is read as printed, a defect printed in it is found, and look-alikes that are no estimate stay
unread. The sentences are made up; only the forms come from the measurement."""
import pytest

from kb.estimates.find import find_estimates
from tests.test_estimates_forms import est_findings

# form: (sentence, (measure, printed name, estimate, low, high, level, unit))
FORMS = {
    "CI with no level, after a colon": (
        "More eggs were retrieved in arm two (OR of 0.52; CI: 0.40-0.66; P < 0.01).",
        ("OR", "OR", "0.52", "0.40", "0.66", "", "")),
    "CI with no level, in brackets": (
        "Pregnancy was more frequent in arm two (OR = 0.61; CI [0.31-1.20]).",
        ("OR", "OR", "0.61", "0.31", "1.20", "", "")),
    "CI before its level": (
        "Intact samples were more common (P < 0.001, OR: 12.5, CI 95%: 3.10-50.20).",
        ("OR", "OR", "12.5", "3.10", "50.20", "95%", "")),
    "C.I. with points": (
        "Scores were a little higher (difference between means of 0.41, 95% C.I. -0.20, 1.02).",
        ("difference", "difference between means of", "0.41", "-0.20", "1.02", "95%", "")),
    "a bound with a plus sign": (
        "Hours of pain per day did not differ (-0.21; 95% CI [-2.9 to +2.5]).",
        ("", "", "-0.21", "-2.9", "2.5", "95%", "")),
    "a named measure with a unit of measurement": (
        "Energy intake was lower (mean difference: -120 kcal, 95% CI: -210 to -9, p = 0.03).",
        ("MD", "mean difference", "-120", "-210", "-9", "95%", "kcal")),
    "a compound unit": (
        "Pulse wave velocity did not change (mean difference 28.5 cm/sec, 95% CI -50.1 to 107.1).",
        ("MD", "mean difference", "28.5", "-50.1", "107.1", "95%", "cm/sec")),
    "a value with a concentration unit": (
        "Cholesterol was lower with the register (-0.17 mmol/l, 95% CI -0.27, -0.07).",
        ("", "", "-0.17", "-0.27", "-0.07", "95%", "mmol/l")),
    "a difference said in words, inside": (
        "Weight did not differ (difference 0.05 kg, 95% CI -0.12 to 0.22, p=0.61).",
        ("difference", "difference", "0.05", "-0.12", "0.22", "95%", "kg")),
    "a difference said in words, before": (
        "The treated group gained less weight (between-group difference -2.4 kg (95% CI -3.1 to -1.7)).",
        ("difference", "between-group difference", "-2.4", "-3.1", "-1.7", "95%", "kg")),
    "a colon after the value": (
        "Events were less frequent (HR = 0.47: 95%CI = 0.23-0.96; P = 0.04).",
        ("HR", "HR", "0.47", "0.23", "0.96", "95%", "")),
    "the before the level, mean with a colon": (
        "Fat loss was higher with more calcium (mean: 2.9%; the 95% CI: 2.1 to 3.6%; P <0.001).",
        ("proportion", "", "2.9", "2.1", "3.6", "95%", "%")),
    "a value with a plus sign": (
        "Peak glucose rose (+1.4 mmol/L, 95%CI: 0.9-2.0 mmol/L; p < 0.001).",
        ("", "", "1.4", "0.9", "2.0", "95%", "mmol/L")),
    "95%-CI": (
        "Referrals were more frequent (OR 2.2, 95%-CI 1.1-4.4).",
        ("OR", "OR", "2.2", "1.1", "4.4", "95%", "")),
    "a semicolon between the bounds after the label": (
        "Survival was shorter in the combined arm (21.4 months versus 13.0 months, HR=2.31 95%CI 1.30; 4.12 p=0.007).",
        ("HR", "HR", "2.31", "1.30", "4.12", "95%", "")),
    "headed in square brackets": (
        "Lung function did not differ (FEV1: mean difference [95% CI] = 0.02 [-0.11 to 0.15] L, p = 0.8).",
        ("MD", "mean difference", "0.02", "-0.11", "0.15", "95%", "")),
    "a difference said by its comparative": (
        "The retinal area on zincovir was 0.021 higher (95% CI: 0.002, 0.040) than on placebo.",
        ("difference", "", "0.021", "0.002", "0.040", "95%", "")),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_is_read_as_printed(form):
    sentence, expected = FORMS[form]
    (f,) = find_estimates(sentence)
    assert (f.measure, f.measure_printed.strip(), f.value, f.low, f.high, f.level, f.unit) == expected


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_is_silent_when_right_and_found_when_backwards(form):
    sentence, (_, _, value, low, high, _, _) = FORMS[form]
    assert est_findings(sentence + "<sup>[1]</sup>")[1] == []
    backwards = sentence.replace(low, "@L").replace(high, low).replace("@L", high)
    assert "EST101" in [f.code for f in est_findings(backwards + "<sup>[1]</sup>")[1]]


@pytest.mark.parametrize("sentence", [
    "The cardiac index was normal (CI 2.1-3.0).",  # a bare "CI" with no value before it: not read
    "Twelve were enrolled (12 patients, 95% CI 3-20).",  # a count and its interval: no estimate read
    "Weight fell by 1.2 kg, (CI 95% -2.1 to 0.2) in the treated group.",  # a value outside a comma: left alone
    "The range was wide (CI 3 to 7 in all centres)",
    # "lower" would make the printed number the difference's magnitude, not its value; "% higher" is often relative
    "The score was 0.4 lower (95% CI 0.1 to 0.7) with zincovir.",
    "The rate was 12% higher (95% CI 5% to 18%) with zincovir.",
    "Pain was 2.1 points more likely (95% CI 1.0 to 3.0) than not.",
    "Ages were similar (2.6; 1.74; 3.37).",  # a semicolon parts bounds only after an interval's label
])
def test_look_alikes_give_no_estimate(sentence):
    assert [f.value for f in find_estimates(sentence) if f.value] == []


@pytest.mark.parametrize("tail", [", Fisher's exact test", " (log-rank test)", " by the chi-squared test"])
def test_a_p_value_followed_by_another_test_s_name_is_not_the_interval_s(tail):
    # the interval gives p near 0.02; the p printed is the named test's own, which may rightly differ
    sentence = f"Failures were fewer with zincovir (OR[95%CI] = 0.086 [0.011-0.686], p = 0.004{tail}).<sup>[1]</sup>"
    assert [f.p for f in find_estimates(sentence)] == [""]
    assert "EST203" not in [f.code for f in est_findings(sentence)[1]]


def test_a_p_value_with_no_test_named_after_it_is_the_interval_s():
    sentence = "Failures were fewer with zincovir (OR[95%CI] = 0.086 [0.011-0.686], p = 0.004).<sup>[1]</sup>"
    assert [f.p for f in find_estimates(sentence)] == ["0.004"]
    assert "EST203" in [f.code for f in est_findings(sentence)[1]]


def test_a_hazard_ratios_p_a_little_below_its_intervals_is_only_worth_a_look():
    # HR 0.185 (0.037-0.915) gives p near 0.04; a printed 0.0199 is likely the log-rank test's: info, not a warning
    sentence = "Relapses were fewer with gatifloxacin (HR[95%CI] = 0.185 [0.037–0.915], p = 0.0199).<sup>[1]</sup>"
    found = [(f.code, f.severity) for f in est_findings(sentence)[1] if f.code == "EST203"]
    assert found == [("EST203", "info")]


@pytest.mark.parametrize("sentence", [
    # a gap far beyond what the log-rank test explains, an odds ratio, and a p larger than the interval's
    "Deaths were fewer with zincovir (HR 0.70, 95% CI 0.56 to 0.88, p<0.0001).<sup>[1]</sup>",
    "Relapses were fewer with gatifloxacin (OR[95%CI] = 0.185 [0.037–0.915], p = 0.0199).<sup>[1]</sup>",
    "Relapses were fewer with gatifloxacin (HR[95%CI] = 0.185 [0.037–0.915], p = 0.09).<sup>[1]</sup>",
])
def test_other_p_value_mismatches_stay_warnings(sentence):
    assert ("EST203", "warning") in [(f.code, f.severity) for f in est_findings(sentence)[1]] or \
        "EST202" in [f.code for f in est_findings(sentence)[1]]
