"""Printed forms of results that the third Evidence Inference round (hevi3) found unread: each is read as printed,
the same form printed with its bounds backwards is found, and look-alikes that are no estimate stay unread (a
wrong estimate is worse than none). The sentences are made up; only the forms come from the measurement."""
import pytest

from kb.estimates.find import find_estimates
from tests.test_estimates_forms import est_findings

# form: (sentence, (measure, printed name, estimate, low, high, level, unit), the sentence with its bounds backwards)
FORMS = {
    "a named ratio and a bracketed pair, no '%', ';' or '[' in the sentence": (
        "Relapse was less frequent with zincovir, OR 0.62 (0.45-0.85).",
        ("OR", "OR", "0.62", "0.45", "0.85", "", ""),
        "Relapse was less frequent with zincovir, OR 0.62 (0.85-0.45)."),
    "a bare CI, no '%', ';' or '[' in the sentence": (
        "Quitting was more likely with the new leaflet (OR=1.54, CI 1.18-2.02, P=.002).",
        ("OR", "OR", "1.54", "1.18", "2.02", "", ""),
        "Quitting was more likely with the new leaflet (OR=1.54, CI 2.02-1.18, P=.002)."),
    "a relative rate headed by its interval, the value right after": (
        "The relative rate (95% CI) 0.54 (0.40-0.72) favoured the vaccine.",
        ("IRR", "relative rate", "0.54", "0.40", "0.72", "95%", ""),
        "The relative rate (95% CI) 0.54 (0.72-0.40) favoured the vaccine."),
    "a plural headed name, the value with its unit": (
        "The mean differences (95% CI) versus placebo at week 24 were -4.3 kg (-4.8, -3.8) and -3.9 kg (-4.4, -3.4).",
        ("MD", "mean differences", "-4.3", "-4.8", "-3.8", "95%", "kg"),
        "The mean differences (95% CI) versus placebo at week 24 were -4.3 kg (-3.8, -4.8) and -3.9 kg (-4.4, -3.4)."),
    "headed in square brackets, no verb": (
        "Haemoglobin fell with zincovir (mean difference [95% CI] -0.4 [-0.5 to -0.3]).",
        ("MD", "mean difference", "-0.4", "-0.5", "-0.3", "95%", ""),
        "Haemoglobin fell with zincovir (mean difference [95% CI] -0.4 [-0.3 to -0.5])."),
    "a difference in words headed by its interval, a comma after the label": (
        "Balance improved more with exercise (average intergroup difference (95% CI), 5.5 (4.3-6.7), p < 0.001).",
        ("difference", "difference", "5.5", "4.3", "6.7", "95%", ""),
        "Balance improved more with exercise (average intergroup difference (95% CI), 5.5 (6.7-4.3), p < 0.001)."),
    "headed plural differences, a p after a comma inside the bounds' bracket": (
        "The between-group differences (95% CI) were 2.7 (1.2-4.2, p = 0.001) at 4 weeks.",
        ("difference", "differences", "2.7", "1.2", "4.2", "95%", ""),
        "The between-group differences (95% CI) were 2.7 (4.2-1.2, p = 0.001) at 4 weeks."),
    "headed, bounds parted by a semicolon": (
        "Weight fell with coaching (mean difference (95% CI) =-0.90 kg (-1.50; -0.30), P<0.01).",
        ("MD", "mean difference", "-0.90", "-1.50", "-0.30", "95%", "kg"),
        "Weight fell with coaching (mean difference (95% CI) =-0.90 kg (-0.30; -1.50), P<0.01)."),
    "bounds parted by the hyphen U+2010": (
        "Dust was higher with straw (difference in logarithmic mean 1.92 (95%CI 1.71\u20102.12)).",
        ("difference", "", "1.92", "1.71", "2.12", "95%", ""),
        "Dust was higher with straw (difference in logarithmic mean 1.92 (95%CI 2.12\u20101.71))."),
    "a value labelled 'estimate'": (
        "Air resorption was faster on oxygen (ANCOVA; estimate: -0.63; 95% CI: [-1.01, -0.26]; p = 0.0015).",
        ("", "", "-0.63", "-1.01", "-0.26", "95%", ""),
        "Air resorption was faster on oxygen (ANCOVA; estimate: -0.63; 95% CI: [-0.26, -1.01]; p = 0.0015)."),
    "the unit on both bounds": (
        "Visceral fat fell, a mean difference of -31.4 cm2 (95% CI -56.5 cm2 to -6.3 cm2; p = 0.02).",
        ("MD", "mean difference", "-31.4", "-56.5", "-6.3", "95%", "cm2"),
        "Visceral fat fell, a mean difference of -31.4 cm2 (95% CI -6.3 cm2 to -56.5 cm2; p = 0.02)."),
    "an unnamed value whose unit its bounds repeat": (
        "Blood loss with zincovir was lower by 120 mL (95% CI 80 to 160 mL).",
        ("", "", "120", "80", "160", "95%", "mL"),
        None),
    "'units' after the value": (
        "Contrast sensitivity was slightly (0.021 units, 95% CI -0.010, 0.052) higher on zincovir.",
        ("", "", "0.021", "-0.010", "0.052", "95%", "units"),
        None),
    "the measure named earlier in the clause, a verb, the value and a comma": (
        "The mean difference in pain at 12 weeks was 1.8, 95% CI 0.4 to 3.2.",
        ("MD", "", "1.8", "0.4", "3.2", "95%", ""),
        "The mean difference in pain at 12 weeks was 1.8, 95% CI 3.2 to 0.4."),
    "difference words, a colon and 'from ... to'": (
        "Referrals rose: difference in change from baseline to 6 months: 2.4, 95%-CI from 0.3 to 4.5 in all.",
        ("difference", "", "2.4", "0.3", "4.5", "95%", ""),
        "Referrals rose: difference in change from baseline to 6 months: 2.4, 95%-CI from 4.5 to 0.3 in all."),
    "amounts in pounds": (
        "There was no difference in care costs (\u00a395, 95% CI -\u00a31410 to \u00a31599).",
        ("difference", "", "95", "-1410", "1599", "95%", ""),
        "There was no difference in care costs (\u00a395, 95% CI \u00a31599 to -\u00a31410)."),
    "amounts in euros, the sign after": (
        "Costs fell, a difference between the groups of 1,586.01\u20ac (95% CI 1,087.18 to 2,085.02; p<0.001).",
        ("difference", "difference between the groups of", "1,586.01", "1,087.18", "2,085.02", "95%", ""),
        "Costs fell, a difference between the groups of 1,586.01\u20ac (95% CI 2,085.02 to 1,087.18; p<0.001)."),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_is_read_as_printed(form):
    sentence, expected, _ = FORMS[form]
    f = find_estimates(sentence)[0]
    assert (f.measure, f.measure_printed.strip(), f.value, f.low, f.high, f.level, f.unit) == expected


@pytest.mark.parametrize("form", sorted(f for f in FORMS if FORMS[f][2]))
def test_each_form_is_silent_when_right_and_found_when_backwards(form):
    sentence, _, backwards = FORMS[form]
    assert est_findings(sentence + "<sup>[1]</sup>")[1] == []
    assert "EST101" in [f.code for f in est_findings(backwards + "<sup>[1]</sup>")[1]]


def test_a_relative_rate_reduction_stays_a_reduction():
    (f,) = find_estimates("The relative rate reduction was 25% (95% CI 10% to 40%).")
    assert (f.measure, f.value) == ("RRR", "25")


@pytest.mark.parametrize("sentence", [
    "Vital signs were stable (HR 72.5 (65.0-80.0) bpm).",  # a heart rate and its range
    "The heart rate rose in the treated arm, HR 88.5 (80.0-97.0), and fell later.",
    "Breathing was calm, RR 18.5 (16.0-20.5) breaths/min.",
    "Median age was 54.5 (40.5-62.0) years.",  # no measure's name
    "The expected difference in scores is 3 (95 CI, 1-5).",  # a level without its '%' is no value
    "The mean score was 4.55, ranging from 4 to 5 (CI: 4.31-4.79).",  # a range's end, not the mean
    "The mean score was 4.55, ranging from 4 to 5 (95% CI 4.31-4.79).",
    "Participants lost 7.3 kg (95% CI -5.8 to -8.8 kg) in a year.",  # a loss printed positive: no defect to report
    "Pain at 12 months (95% CI 2.1 to 3.4) was lower.",  # a time point's unit is not repeated in the bounds
    "The risk difference was 25 of 120, 95% CI 10 to 30.",  # a count of a total
    "The odds ratio, p = 0.03, 95% CI 1.1 to 2.0, was shown.",  # a p-value
    "The drug costs \u00a312.50 per dose (range \u00a310 to \u00a315).",  # a price and its range
    "Patients lost 2.1 kg at 12 months, 95% CI 1.0 to 3.2.",  # no measure named, no verb before the number
    "The mean (95% CI) was 12.3 (10.1-14.5) in group A.",  # an arm's mean: "mean" names no comparison
    "The difference (95% CI) 12 months after surgery (n = 40) was small.",  # a time point, then a count
    "Ages were similar (2.6 (1.7; 3.4)).",  # a semicolon parts bounds only after an interval's label
])
def test_look_alikes_give_no_estimate(sentence):
    assert [f.value for f in find_estimates(sentence) if f.value] == []
