"""Estimates in the other common printed forms (issue 12, item 4): each form is read as printed, a
defect printed in it is found, and the same form printed correctly raises nothing."""
import pytest

from kb.checks import run_checks
from kb.estimates.find import find_estimates
from kb.estimates.rows import table_rows
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.parse_policy import parse_policy

REFS = "## References\n\n1. Roe A, Poe B. A randomized trial. *J Spine*. 2020;1:1-9.\n"


def est_findings(body: str):
    text = f"# Plan\n\n## ***Widget Therapy***\n\n## Evidence\n\n{body}\n\n{REFS}"
    kb = build_knowledge_base(parse_policy(text, "fixture.md"))
    return kb, flatten(run_checks(kb, select=["EST"]))


FORMS = {  # form: (clean sentence, (measure, printed, estimate, low, high, level), sentence with a defect, code)
    "x (95% confidence interval [CI] = a-b)": (
        "Recovery was faster (hazard ratio 0.80 (95% confidence interval [CI] = 0.64-0.99)).",
        ("HR", "hazard ratio", "0.80", "0.64", "0.99", "95%"),
        "Recovery was faster (hazard ratio 0.80 (95% confidence interval [CI] = 0.84-0.99)).", "EST102"),
    "measure (95% CI) was x (a to b)": (
        "The odds ratio (95% CI) for relapse was 1.52 (1.10 to 2.10).",
        ("OR", "odds ratio", "1.52", "1.10", "2.10", "95%"),
        "The odds ratio (95% CI) for relapse was 1.52 (2.10 to 1.10).", "EST101"),
    "OR = x [95% CI, a-b]": (
        "Mortality did not differ (OR = 0.95 [95% CI, 0.81\u20131.10]).",
        ("OR", "OR", "0.95", "0.81", "1.10", "95%"),
        "Mortality did not differ (OR = 0.95 [95% CI, 1.10\u20130.81]).", "EST101"),
    "aOR: x [a-b]": (
        "Smoking was associated with failure (aOR: 2.5 [1.6\u20133.9]).",
        ("OR", "aOR", "2.5", "1.6", "3.9", ""),
        "Smoking was associated with failure (aOR: 2.5 [2.6\u20133.9]).", "EST102"),
    "aHR": (
        "Death was less frequent (aHR 0.80; 95% CI 0.70 to 0.91).",
        ("HR", "aHR", "0.80", "0.70", "0.91", "95%"),
        "Death was less frequent (aHR 0.80; 95% CI 0.91 to 0.70).", "EST101"),
    "IRR": (
        "Falls were less frequent (IRR 0.62; 95% CI 0.47\u20130.80).",
        ("IRR", "IRR", "0.62", "0.47", "0.80", "95%"),
        "Falls were less frequent (IRR 0.62; 95% CI 0.47\u20132.80).", "EST104"),
    "kappa with its interval": (
        "Agreement between readers was moderate (\u03ba = 0.62; 95% CI 0.48\u20130.76).",
        ("kappa", "\u03ba", "0.62", "0.48", "0.76", "95%"),
        "Agreement between readers was moderate (\u03ba = 0.62; 95% CI 0.68\u20130.76).", "EST102"),
    "PE: x%, 95%CI: a-b%": (
        "Protection was uncertain (PE: 49%, 95%CI: \u2212459\u201395%).",
        ("PE", "PE", "49", "\u2212459", "95", "95%"),
        "Protection was uncertain (PE: 49%, 95%CI: 59\u201395%).", "EST102"),
    "MD x points, 95% CI a to b": (
        "Quality of life improved (MD 3.2 points, 95% CI 1.1 to 5.3).",
        ("MD", "MD", "3.2", "1.1", "5.3", "95%"),
        "Quality of life improved (MD 3.2 points, 95% CI 3.5 to 5.3).", "EST102"),
    "Summary OR = x, 95%CI = a-b (a qualifier before the measure)": (
        "Vomiting was associated with erosion (Summary OR = 19.6, 95%CI = 5.6\u201368.8).",
        ("OR", "OR", "19.6", "5.6", "68.8", "95%"),
        "Vomiting was associated with erosion (Summary OR = 19.6, 95%CI = 25.6\u201368.8).", "EST102"),
    "pooled RR x (95% CI a to b)": (
        "Falls were fewer (pooled RR 0.78; 95% CI 0.66 to 0.93).",
        ("RR", "RR", "0.78", "0.66", "0.93", "95%"),
        "Falls were fewer (pooled RR 0.78; 95% CI 0.80 to 0.93).", "EST102"),
    "AOR, x; 95% CI, a-b (adjusted, in capitals)": (
        "Statin use was associated with lower fatality (AOR, 0.17; 95% CI, 0.03\u20130.93; p=.041).",
        ("OR", "AOR", "0.17", "0.03", "0.93", "95%"),
        "Statin use was associated with lower fatality (AOR, 0.17; 95% CI, 0.23\u20130.93; p=.041).", "EST102"),
    "Group AOR = x, 95% CI: a-b (the group named before the measure)": (
        "Girls had higher odds (National AOR = 2.97, 95% CI: 2.62\u20133.38).",
        ("OR", "AOR", "2.97", "2.62", "3.38", "95%"),
        "Girls had higher odds (National AOR = 2.97, 95% CI: 3.62\u20134.38).", "EST102"),
    "GMR x; 90% CI, a-b": (
        "Exposure fell (geometric mean ratio 0.75; 90% CI, 0.71\u20130.78; p < 0.001).",
        ("GMR", "geometric mean ratio", "0.75", "0.71", "0.78", "90%"),
        "Exposure fell (geometric mean ratio 0.75; 90% CI, 0.78\u20130.71; p < 0.001).", "EST101"),
    "ICC = x, 95% CI a-b": (
        "Readers agreed (ICC = 0.978, 95% CI 0.916\u20130.994).",
        ("ICC", "ICC", "0.978", "0.916", "0.994", "95%"),
        "Readers agreed (ICC = 0.978, 95% CI 0.986\u20130.994).", "EST102"),
    "group: HR x, 95% confidence interval (CI) a-b": (
        "Shock predicted death [DM: hazard ratio (HR) 6.59, 95% confidence interval (CI) 2.90-14.95].",
        ("HR", "hazard ratio (HR)", "6.59", "2.90", "14.95", "95%"),
        "Shock predicted death [DM: hazard ratio (HR) 6.59, 95% confidence interval (CI) 7.90-14.95].", "EST102"),
    "adRR = x, 95% CI = a-b": (
        "The vaccinated were less likely to die (adRR = 0.54, 95% CI = 0.30\u20130.97, p = 0.041).",
        ("RR", "adRR", "0.54", "0.30", "0.97", "95%"),
        "The vaccinated were less likely to die (adRR = 0.54, 95% CI = 0.60\u20130.97, p = 0.041).", "EST102"),
    "sHR x; 95% CI a-b (subdistribution)": (
        "Liver events were not more frequent (sHR 1.18; 95% CI 0.70-2.00).",
        ("HR", "sHR", "1.18", "0.70", "2.00", "95%"),
        "Liver events were not more frequent (sHR 1.18; 95% CI 2.00-0.70).", "EST101"),
    "mean x days, 95% CI a-b": (
        "Vaccinated patients survived longer (mean 30.3 days, 95% CI 27.3\u201333.2).",
        ("", "", "30.3", "27.3", "33.2", "95%"),
        "Vaccinated patients survived longer (mean 30.3 days, 95% CI 31.3\u201333.2).", "EST102"),
    "prevalence ratio [PR] x, 95% CI a-b": (
        "Asthma was more common in cities (prevalence ratio [PR] 1.3, 95% CI 1.1\u20131.5).",
        ("PR", "prevalence ratio [PR]", "1.3", "1.1", "1.5", "95%"),
        "Asthma was more common in cities (prevalence ratio [PR] 1.3, 95% CI 1.5\u20131.1).", "EST101"),
    "\u03b2 = x, 95% CI a-b (a regression coefficient)": (
        "Scores rose with dose (\u03b2 = 0.12, 95% CI 0.05\u20130.19).",
        ("beta", "\u03b2", "0.12", "0.05", "0.19", "95%"),
        "Scores rose with dose (\u03b2 = 0.12, 95% CI 0.15\u20130.19).", "EST102"),
    "mean difference x mm Hg (95% CI a to b)": (
        "Blood pressure fell by a mean difference \u22124.2 mm Hg (95% CI \u22126.0 to \u22122.4).",
        ("MD", "mean difference", "\u22124.2", "\u22126.0", "\u22122.4", "95%"),
        "Blood pressure fell by a mean difference \u22124.2 mm Hg (95% CI \u22123.0 to \u22122.4).", "EST102"),
    "x (95% UI a-b), an uncertainty interval": (
        "The prevalence was 14.2% (95% UI 12.3\u201315.6).",
        ("proportion", "", "14.2", "12.3", "15.6", "95%"),
        "The prevalence was 14.2% (95% UI 15.3\u201316.6).", "EST102"),
    "x times the rate ... (95%CI a-b)": (
        "Treated children had 0.51 times the rate of malaria episodes of untreated children (95%CI 0.28\u20130.95).",
        ("IRR", "times the rate", "0.51", "0.28", "0.95", "95%"),
        "Treated children had 0.51 times the rate of malaria episodes of untreated children (95%CI 0.58\u20130.95).",
        "EST102"),
}


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_is_read_as_printed(form):
    clean, expected, _, _ = FORMS[form]
    (f,) = find_estimates(clean)
    assert (f.measure, f.measure_printed, f.value, f.low, f.high, f.level) == expected


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_clean_is_silent_and_a_defect_in_it_is_found(form):
    clean, _, bad, code = FORMS[form]
    assert est_findings(clean + "<sup>[1]</sup>")[1] == []
    assert [f.code for f in est_findings(bad + "<sup>[1]</sup>")[1]] == [code]


def test_a_p_value_after_a_comma_closing_a_bracketed_interval_is_read():
    (f,) = find_estimates("manual ventilation (OR = 10.1 [2.0\u201350.5], p = 0.005), and age")
    assert (f.value, f.low, f.high, f.p) == ("10.1", "2.0", "50.5", "0.005")
    assert find_estimates("age (OR = 10.1 [2.0\u201350.5], and p = 0.5 for trend)")[0].p == ""
    (f,) = find_estimates("Pain fell (MD \u22128.2 points on a 0\u2013100 scale, 95% CI \u221211.4 to \u22125.0).")
    assert (f.measure, f.value, f.unit) == ("MD", "\u22128.2", "points")
    (f,) = find_estimates("Hospitalisation fell (RR 0.81 [95% CI, 0.70\u20130.94]; P = .005) and")
    assert (f.measure, f.value, f.p) == ("RR", "0.81", ".005")
    kb, found = est_findings("Ventilation mattered (OR = 10.1 [2.0\u201350.5], p = 0.005).<sup>[1]</sup>")
    assert [e.p_value for e in kb.effect_estimates.estimates] == ["0.005"] and found == []


def test_a_zero_lower_bound_is_rounding_not_an_impossible_ratio():
    kb, found = est_findings("Failure was rarer (OR 0.05; 95% CI 0.00 to 0.42; p = 0.004).<sup>[1]</sup>")
    assert found == [] and kb.effect_estimates.estimates[0].ci_low_text == "0.00"
    assert [f.code for f in est_findings("Failure was rarer (OR 0.05; 95% CI -0.01 to 0.42).<sup>[1]</sup>")[1]] \
        == ["EST103"]


MARKDOWN = ("Roe (2020) reported the results below.<sup>[1]</sup>\n\n"
            "| Outcome | OR | 95% CI |\n| --- | --- | --- |\n| Mortality | 0.95 | {bounds} |\n"
            "| Age, years | 64 | 58 |\n")
HTML = ("Roe (2020) reported the results below.<sup>[1]</sup>\n\n<table><tr><th>Outcome</th><th>aHR (95% CI)</th>"
        "</tr>\n<tr><td>Death</td><td>0.80 ({bounds})</td></tr></table>\n")


@pytest.mark.parametrize("template, good, bad, line", [
    (MARKDOWN, "0.81\u20131.10", "1.10\u20130.81", 11),
    (HTML, "0.70-0.91", "0.91-0.70", 10),
])
def test_intervals_in_tables(template, good, bad, line):
    kb, found = est_findings(template.format(bounds=good))
    (e,) = kb.effect_estimates.estimates
    assert (e.line, e.measure, e.ci_level, e.citations, e.outcome) == (line, e.measure, "95%", (1,), e.outcome)
    assert e.outcome in ("Mortality", "Death") and e.measure in ("OR", "HR") and found == []
    _, found = est_findings(template.format(bounds=bad))
    assert [(f.code, f.line) for f in found] == [("EST101", line)]


GROUPED = ["| Variables | Univariable analysis |  | Multivariable analysis |  |", "| --- | --- | --- | --- | --- |",
           "|  | HR (95% CI) | p value | HR (95% CI) | p value |",
           "| Age \u2265 65 years | 1.90 (1.31\u20132.75) | 0.001 | 1.49 (1.01\u20132.20) | 0.045 |",
           "| **Male sex** | 1.21 (0.74\u20131.96) | 0.446 |  |  |"]


def test_a_grouped_header_gives_its_measure_on_its_second_line():
    rows = table_rows(GROUPED)
    assert [(r.line, r.label, r.found.measure, r.found.value, r.found.low, r.found.high) for r in rows] == [
        (4, "Age \u2265 65 years", "HR", "1.90", "1.31", "2.75"), (5, "Male sex", "HR", "1.21", "0.74", "1.96")]
    # a second line that holds results is a row, not a header: the table names no measure
    assert table_rows(GROUPED[:2] + GROUPED[3:]) == []


def test_tables_without_a_measure_or_interval_header_are_not_read():
    lines = ["| Study | Year | N |", "| --- | --- | --- |", "| Roe | 2019 | 120 (80-160) |"]
    assert table_rows(lines) == []


def test_citations_and_integers_are_not_bare_estimates():
    for text in ("as shown before [12], [13] and [3\u20135].", "OR 2 (1-3) in the heading",
                 "HR 1.5 in 45 patients [12]"):
        assert find_estimates(text) == []


# ---- ordinary published text that must stay quiet (found on the PLOS development corpus) ------------------


@pytest.mark.parametrize("body", [
    # the exponent of a unit is not an estimate
    "LS BMD was reduced by 0.04 g/cm2 (95% CI \u22120.06, \u22120.02) per risk allele carried.<sup>[1]</sup>",
    "The mean speed was 14.03\u00b11.01 ms\u22121 (95% CI: 12.05\u201316.01 ms\u22121) for all sharks.<sup>[1]</sup>",
    # thresholds and a range's bounds are not arm sizes
    "The homogenization changed the category of 13 individuals: from heavy (\u2265400 EPG) to moderate "
    "(100\u2013399 EPG), from moderate to light (1\u201399 EPG).<sup>[1]</sup>",
    # words between two results govern the second one, not the first
    "Only mentalizing was a significant predictor: participants were 21% as likely, OR = .21, 95% CI = .06, .73, "
    "Wald = 6.07, p = .01, and again IQ was not a significant predictor, OR = 1.03, 95% CI = .98, 1.08, "
    "p = .33.<sup>[1]</sup>",
    # a table's header sizes are datasets, not arms; percentiles are not an interval
    "Roe (2020) reported the cohorts below.<sup>[1]</sup>\n\n| Characteristic | Development (N = 831) | "
    "External (n = 349) | Additional (n = 222) |\n| --- | --- | --- | --- |\n| Age | 60 | 61 | 59 |",
    "Roe (2020) reported the differences below.<sup>[1]</sup>\n\n| Equation | Median of difference (25%, 75% "
    "Percentile) |\n| --- | --- |\n| CG | \u22121.23(9.96,12.25) |",
])
def test_published_forms_that_are_not_defects_stay_quiet(body):
    assert est_findings(body)[1] == []


SEVERAL = ["| Model | AUC | Predictors | Adjusted odds ratio (95% CI, *P*) |", "| --- | --- | --- | --- |",
           "| Base + ICEB | 0.804 | Risk score, ICEB | OR = 1.243 (95% CI: 1.124-1.374, *P* < .001) "
           "OR = 0.453 (95% CI: 0.253-0.810, *P* = .008) |"]


def test_a_cell_printing_several_labelled_estimates_gives_each_of_them():
    rows = table_rows(SEVERAL)
    assert [(r.line, r.found.measure, r.found.value, r.found.low, r.found.high) for r in rows] == [
        (3, "OR", "1.243", "1.124", "1.374"), (3, "OR", "0.453", "0.253", "0.810")]
    # one of them printed without its estimate leaves the cell unread rather than half read
    assert table_rows(SEVERAL[:2] + [SEVERAL[2].replace("OR = 0.453 (", "(")]) == []


def test_words_before_a_number_make_it_an_estimate_only_with_a_measure_or_mean_or_median():
    (f,) = find_estimates("Pain fell (in the two groups 12.5, 95% CI 3 to 7).")
    assert (f.value, f.low, f.high) == ("", "3", "7")
    (g,) = find_estimates("Pain fell (median 12.5, 95% CI 3 to 17).")
    assert (g.value, g.low, g.high) == ("12.5", "3", "17")


def test_a_relative_risk_reduction_is_a_percentage_not_a_ratio():
    (f,) = find_estimates("Deaths fell, a relative risk reduction of 23% (95% CI 10%\u201334%).")
    assert (f.measure, f.value, f.low, f.high) == ("RRR", "23", "10", "34")
    # read as a risk ratio of 23, its interval would be lopsided on the log scale (EST104)
    assert est_findings("Deaths fell, a relative risk reduction of 23% (95% CI 10%\u201334%).<sup>[1]</sup>")[1] == []


def test_a_unit_before_the_interval_needs_a_measure_name_so_a_time_point_is_not_an_estimate():
    (f,) = find_estimates("Pain was lower at 12 months (95% CI 1.2 to 3.4).")
    assert (f.value, f.low, f.high) == ("", "1.2", "3.4")


def test_a_table_row_named_by_its_study_gives_no_outcome_but_keeps_its_name():
    body = ("Roe (2020) and others reported the results below.<sup>[1]</sup>\n\n"
            "| Study | Setting | Outcomes (OR; 95% CI) |\n| --- | --- | --- |\n"
            "| Roe et al., 2020 [1] | Schools | Erosion was more frequent (OR = 2.1; 95% CI = 1.2\u20133.4) |\n"
            "| Mortality | Clinics | (OR = 0.9; 95% CI = 0.7\u20131.1) |\n")
    kb, _ = est_findings(body)
    rows = [(e.outcome, e.detail) for e in kb.effect_estimates.estimates]
    assert rows == [("", "Erosion was more frequent"), ("Mortality", "Mortality")]


def test_the_lancets_raised_decimal_point_is_read_as_a_point():
    body = "Survival did not differ (hazard ratio 1\u00b718 [95% CI 0\u00b795\u20131\u00b745]; p=0\u00b714).<sup>[1]</sup>"
    kb, found = est_findings(body)
    (e,) = kb.effect_estimates.estimates
    assert (e.measure, e.estimate, e.ci_low, e.ci_high) == ("HR", 1.18, 0.95, 1.45)
    assert found == []
    _, wrong = est_findings(body.replace("0\u00b795\u20131\u00b745", "1\u00b745\u20130\u00b795"))
    assert [f.code for f in wrong] == ["EST101"]
    table = "| Outcome | HR (95% CI) |\n| --- | --- |\n| Death | 0\u00b766 (0\u00b755\u20130\u00b779) |\n\nDeaths fell.<sup>[1]</sup>"
    (row,) = est_findings(table)[0].effect_estimates.estimates
    assert (row.estimate, row.ci_low, row.ci_high) == (0.66, 0.55, 0.79)
    # Clean: a middle dot that is no decimal point (between words, or spaced) is no number.
    assert find_estimates("the NO\u00b7sGC complex rose (HR 2 \u00b7 7)") == []


def test_a_label_announcing_an_interval_without_numbers_after_it_is_no_estimate():
    assert find_estimates("HR (95% CI) values are shown in Table 2 (see 3).") == []
    (f,) = find_estimates("Similar across quartiles (AMTD (95% CI) Q1-Q3 vs Q4: -0.21 (-0.64 to 0.23); p=0.358).")
    assert (f.measure_printed, f.value, f.low, f.high, f.p) == ("AMTD", "-0.21", "-0.64", "0.23", "0.358")


def test_a_row_saying_it_holds_intervals_is_read_cell_by_cell():
    table = ("| HbA1c | Placebo | Drug 100 mg | Drug 300 mg |\n| --- | --- | --- | --- |\n"
             "| Baseline, mean (SD) | 8.0 (0.9) | 8.1 (0.9) | 8.0 (0.9) |\n"
             "| \u0394LSM (95% CI), % | \u2013 | \u22120.68 (\u22120.98, \u22120.37) | {cell} |\n\nThe drug lowered HbA1c.<sup>[1]</sup>")
    kb, found = est_findings(table.format(cell="\u22120.99 (\u22121.30, \u22120.69)"))
    assert [(e.estimate, e.ci_low, e.ci_high, e.ci_level) for e in kb.effect_estimates.estimates] == [
        (-0.68, -0.98, -0.37, "95%"), (-0.99, -1.30, -0.69, "95%")]
    assert found == []
    _, wrong = est_findings(table.format(cell="\u22120.99 (\u22121.30, \u22121.09)"))
    assert [f.code for f in wrong] == ["EST102"]
    # Clean: a row of means and SDs, with no interval named, is not read.
    assert [e.estimate for e in kb.effect_estimates.estimates if e.estimate == 8.1] == []
