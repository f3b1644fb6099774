"""The EST checks: one positive and one clean fixture per code, then the bundled policy's findings."""
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.checks import est, run_checks
from kb.estimates.consistency import estimate_issues
from kb.estimates.model import EffectEstimate
from kb.knowledge.base import build_knowledge_base
from kb.read.parse_policy import parse_policy
from kb.outputs.report import flatten

REFS = "## References\n\n1. Roe A, Poe B. A meta-analysis of trials. *J Spine*. 2020;1:1-9.\n" \
       "2. Doe C. A randomized trial. *Lancet*. 2019;2:10-19.\n"


def findings(body: str, code: str):
    """Findings of one EST rule on a small policy whose evidence section is ``body``."""
    text = f"# Plan\n\n## ***Widget Therapy***\n\n## Evidence\n\n{body}\n\n{REFS}"
    kb = build_knowledge_base(parse_policy(text, "fixture.md"))
    rule = next(r for r in est.RULES if r.code == code)
    return flatten(run_checks(kb, rules=(rule,)))


CASES = {  # code: (positive sentence, clean sentence)
    "EST101": ("Quality of life improved (MD = -5.03; 95% CI, 7.94 to -2.12).<sup>[1]</sup>",
               "Quality of life improved (MD = -5.03; 95% CI, -7.94 to -2.12).<sup>[1]</sup>"),
    "EST102": ("Pain scores (MD = 0.17; 95% CI, 0.39 to 0.73) were reported.<sup>[1]</sup>",
               "Pain scores (MD = 0.17; 95% CI, -0.39 to 0.73) were reported.<sup>[1]</sup>"),
    "EST103": ("Cement leakage (OR = -1.31; 95% CI, 0.62 to 2.74) was reported.<sup>[1]</sup>",
               "Cement leakage (OR = 1.31; 95% CI, 0.62 to 2.74) was reported.<sup>[1]</sup>"),
    "EST104": ("Radiological fracture (RR, 0.91; 95% CI, 0.71 to 2.12) was reported.<sup>[1]</sup>",
               "Radiological fracture (RR, 0.91; 95% CI, 0.71 to 1.17) was reported.<sup>[1]</sup>"),
    "EST201": ("No statistically significant differences were found for fractures (relative risk: 0.59; "
               "95% CI, 0.43 to 0.81).<sup>[1]</sup>",
               "No statistically significant differences were found for fractures (relative risk: 0.99; "
               "95% CI, 0.73 to 1.31).<sup>[1]</sup>"),
    "EST202": ("Pain did not change (MD = 0.17; 95% CI, -0.39 to 0.73; P = .005).<sup>[1]</sup>",
               "Pain did not change (MD = 0.17; 95% CI, -0.39 to 0.73; P = .56).<sup>[1]</sup>"),
    "EST203": ("Pain did not change (MD = 0.17; 95% CI, -0.39 to 0.73; P = .25).<sup>[1]</sup>",
               "Pain did not change (MD = 0.17; 95% CI, -0.39 to 0.73; P = .55).<sup>[1]</sup>"),
    "EST301": ("Roe (2020) pooled data from 644 patients, 330 who received VP and 284 who received KP.<sup>[1]</sup>",
               "Roe (2020) pooled data from 644 patients, 330 who received VP and 314 who received KP.<sup>[1]</sup>"),
    "EST302": ("Out of 431 patients who were eligible, 259 (53%) had spontaneous relief.<sup>[2]</sup>",
               "Out of 431 patients who were eligible, 229 (53%) had spontaneous relief.<sup>[2]</sup>"),
    "EST303": ("Pain fell (MD -0.4; 95% CI -0.7 to -0.1; I\u00b2 = 112%).<sup>[1]</sup>",
               "Pain fell (MD -0.4; 95% CI -0.7 to -0.1; I\u00b2 = 45%).<sup>[1]</sup>"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_positive_fixture_is_found_with_line_citation_and_suggestion(code):
    found = findings(CASES[code][0], code)
    assert [f.code for f in found] == [code]
    assert found[0].line == 7 and found[0].citations in ((1,), (2,)) and found[0].suggestion


@pytest.mark.parametrize("code", sorted(CASES))
def test_clean_fixture_is_silent(code):
    assert findings(CASES[code][1], code) == []


def test_every_rule_is_documented_what_why_example_fix():
    for r in est.RULES:
        for part in ("What:", "Why:", "Example:", "Fix:"):
            assert part in r.doc, (r.code, part)


def test_suggestions_name_the_likely_fix():
    assert "-7.94 to -2.12" in findings(CASES["EST101"][0], "EST101")[0].suggestion
    assert "-0.39" in findings(CASES["EST102"][0], "EST102")[0].suggestion or \
        "minus" in findings(CASES["EST102"][0], "EST102")[0].suggestion
    assert "314" in findings(CASES["EST301"][0], "EST301")[0].suggestion
    assert "1.17" in findings(CASES["EST104"][0], "EST104")[0].suggestion  # 0.91^2 / 0.71


def test_asymmetry_allows_for_rounding_and_names_a_copied_bound():
    assert findings("Mortality (HR, 0.70; 95% CI, 0.69 to 0.71) fell.<sup>[1]</sup>", "EST104") == []
    both = ("No differences in clinical fracture (RR, 1.22; 95% CI, 0.70 to 2.12) or radiological fracture "
            "(RR, 0.91; 95% CI, 0.71 to 2.12).<sup>[1]</sup>")
    (f,) = findings(both, "EST104")
    assert "0.91" in f.message and "also a bound of RR 1.22" in f.suggestion


@pytest.mark.parametrize("body, severities", [
    ("The procedure was superior for pain (MD, 0.94; 95% CI, -0.40 to 2.39).<sup>[1]</sup>", ["error"]),
    ("Benefits remained significant at 5 years (HR, 0.79; 95% CI, 0.62 to 1.00).<sup>[1]</sup>", ["info"]),
    ("There was no clinically significant difference (MD 0.5; 95% CI 0.1 to 0.9).<sup>[1]</sup>", []),
    ("There was no significant difference in pain (MD 0.5; 95% CI -0.2 to 1.2) or function (MD 0.1; 95% CI "
     "-0.3 to 0.4), but disability was significantly reduced (MD -5; 95% CI -8 to -2).<sup>[1]</sup>", []),
    ("There was no significant difference in pain (MD 0.5; 95% CI -0.2 to 1.2) or function (MD 0.9; 95% CI "
     "0.3 to 1.4).<sup>[1]</sup>", ["error"]),  # the list's second result is governed by the same words
    ("Disability (MD -5; 95% CI -8 to 2) was significantly reduced.<sup>[1]</sup>", ["error"]),
    ("Only a prior infarction was marginally significant (OR = 10.7 [0.92\u2013124.38], p = 0.058).<sup>[1]</sup>",
     []),
    ("A borderline significant fall in pain (MD -0.3; 95% CI -0.6 to 0.01) was seen.<sup>[1]</sup>", []),
    ("Only a prior infarction was significant (OR = 10.7 [0.92\u2013124.38], p = 0.058).<sup>[1]</sup>", ["error"]),
])
def test_wording_governs_only_its_own_estimates(body, severities):
    assert [f.severity for f in findings(body, "EST201")] == severities


def test_a_total_smaller_than_an_arm_is_a_groups_own_size():
    body = ("Cells were counted in healthy controls (N = 15), patients with active disease (n = 18) and patients "
            "in remission (n = 15).<sup>[2]</sup>")
    assert findings(body, "EST301") == []
    (f,) = findings("In all, 35 patients were randomised: VP (n = 18) and sham (n = 15).<sup>[2]</sup>", "EST301")
    assert "add up to 33" in f.message


def test_a_flow_of_participants_is_checked_at_its_last_stage():
    body = "Of 1200 patients screened, 840 were randomised: 421 to VP and {b} to sham.<sup>[2]</sup>"
    assert findings(body.format(b=419), "EST301") == []
    (f,) = findings(body.format(b=410), "EST301")
    assert "add up to 831, not the stated total 840" in f.message


def test_p_value_below_0001_and_inequalities_agree_with_clear_intervals():
    body = "Pain fell (MD = -1.59; 95% CI, -2.9 to -0.27; p<0.05) and (MD 2.6; 95% CI 1.74 to 3.37; p < 0.001)."
    assert findings(body + "<sup>[1]</sup>", "EST202") == findings(body + "<sup>[1]</sup>", "EST203") == []


def test_a_geometric_mean_ratio_is_judged_only_for_a_decision_error():
    # a crossover trial of 12 volunteers: t with 11 degrees of freedom gives p of about 0.001
    body = "Cmax fell (geometric mean ratio 0.84; 90% CI, 0.79-0.90; p = {p}).<sup>[1]</sup>"
    assert findings(body.format(p="0.001"), "EST203") == []
    assert [f.code for f in findings(body.format(p="0.40"), "EST202")] == ["EST202"]
    assert [f.code for f in findings(body.replace("geometric mean ratio", "RR").format(p="0.001"), "EST203")] \
        == ["EST203"]


def test_percentages_allow_truncation_and_inferred_denominators_are_info():
    assert findings("Of 3 patients enrolled, 2 (66%) improved.<sup>[2]</sup>", "EST302") == []
    body = ("Roe compared VP (n=38) with sham (n=40).<sup>[2]</sup> Complete data were available for 60 (86%) "
            "of participants.")
    assert [f.severity for f in findings(body, "EST302")] == ["info"]


def test_a_reversed_interval_is_reported_once_not_again_by_wording_or_p():
    body = "There was no significant difference (MD = -5.03; 95% CI, 7.94 to -2.12; P = .50).<sup>[1]</sup>"
    text = f"# Plan\n\n## ***Widget Therapy***\n\n## Evidence\n\n{body}\n\n{REFS}"
    kb = build_knowledge_base(parse_policy(text, "fixture.md"))
    assert [f.code for f in flatten(run_checks(kb, select=["EST"]))] == ["EST101"]


BUNDLED_FINDINGS = [  # confirmed by reading the policy (see the report for the reasoning)
    (128, "EST301", "warning"),  # 644 patients, 330 VP + 284 KP = 614
    (134, "EST101", "error"),  # MD -5.03; 95% CI, 7.94 to -2.12
    (134, "EST201", "error"),  # "No statistically significant differences" with RR 0.59 (0.43 to 0.81)
    (186, "EST104", "warning"),  # RR 0.91 (0.71 to 2.12): 2.12 is also the bound of RR 1.22 before it
    (188, "EST201", "info"),  # "remained significant" with HR 0.79 (0.62 to 1.00)
    (196, "EST201", "error"),  # "superior" with MD 0.94 (-0.40 to 2.39)
]


def test_bundled_policy_est_findings(bundled_kb):
    found = flatten(run_checks(bundled_kb, select=["EST"]))
    assert [(f.line, f.code, f.severity) for f in found] == BUNDLED_FINDINGS
    assert all(f.citations for f in found)
    assert [f.citations for f in found] == [(1,), (3,), (3,), (18,), (19,), (22,)]


def _estimate(measure, est, lo, hi, p):
    def text(v):
        return f"{v:.2f}"
    return EffectEstimate(id="x", line=1, column=None, measure=measure, measure_printed=measure,
                          estimate_text=text(est), estimate=round(est, 2), ci_low_text=text(lo), ci_low=round(lo, 2),
                          ci_high_text=text(hi), ci_high=round(hi, 2), ci_level="95%", p_value=p,
                          claim="significant")


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["MD", "RR", "OR", "HR", "SMD", "RD", "difference", ""]),
       st.floats(-50, 50), st.floats(-50, 50), st.floats(-50, 50),
       st.sampled_from(["", "<0.001", ".05", "0.000", "1.00", ">0.05", ".5"]))
def test_no_combination_of_numbers_crashes_the_checks(measure, est, lo, hi, p):
    issues = estimate_issues(_estimate(measure, est, lo, hi, p))
    assert all(i.code.startswith("EST") and i.message for i in issues)
    assert not any(math.isnan(x) for x in (est, lo, hi))


def test_thousands_grouped_by_a_space_are_one_number():
    # JNCI, Lancet and BMJ group thousands with a thin space, which the import keeps as a space.
    body = "Of the 53 456 participants, 34 614 (65%) came from screening sites.<sup>[2]</sup>"
    assert findings(body, "EST302") == []
    wrong = findings(body.replace("(65%)", "(75%)"), "EST302")
    assert [f.message for f in wrong] == ["34 614 of 53456 is 64.8%, not the printed 75%"]


def test_a_count_before_another_count_is_no_total_and_an_empty_arm_is_no_arm():
    body = ("Group I had 6 patients with pain on day 3 and 22 patients on day 5, whereas in group II no pain was "
            "reported on day 3 (n=0) and 5 (n=0).<sup>[2]</sup>")
    assert findings(body, "EST301") == []
    # Positive: a total and arms that do not add up are still found.
    wrong = "Of 60 patients enrolled, 25 were randomised to X and 30 were randomised to Y.<sup>[2]</sup>"
    assert [f.code for f in findings(wrong, "EST301")] == ["EST301"]


def test_a_percentage_with_its_interval_as_a_proportion_is_one_info_remark():
    # PLOS ONE: 'a sensitivity of 71.4% (95% CI: 0.52, 0.91)': the two scales agree, the print mixes them.
    (f,) = findings("The swab had a sensitivity of 71.4% (95% CI: 0.52, 0.91).<sup>[1]</sup>", "EST102")
    assert f.severity == "info" and "as a proportion" in f.message and "52 to 91%" in f.suggestion
    # Clean case: a percentage outside its proportion interval on either scale stays an error.
    (g,) = findings("The swab had a sensitivity of 31.4% (95% CI: 0.52, 0.91).<sup>[1]</sup>", "EST102")
    assert g.severity == "error"


def test_wording_in_an_although_clause_governs_that_clause_only():
    # PLOS ONE: 'Although ... score was not a significant predictor OR = 0.98 (...), participants ... were less
    # likely ... OR = 0.80 (95% CI: 0.65 to 0.98)': the second result is the main clause's.
    body = ("Although the score was not a significant predictor (OR = 0.98, 95% CI: 0.97 to 1.00), participants "
            "with depression were less likely to stay (OR = 0.80, 95% CI: 0.65 to 0.98).<sup>[1]</sup>")
    assert [f.message[:40] for f in findings(body, "EST201") if "0.80" in f.message] == []
    # Clean case: without the subordinate clause, the wording governs the result of its own clause.
    wrong = "Depression was not a significant predictor of staying (OR = 0.80, 95% CI: 0.65 to 0.98).<sup>[1]</sup>"
    assert [f.severity for f in findings(wrong, "EST201")] == ["error"]


def test_a_total_between_the_denominator_and_the_count_is_the_counts_group():
    # PLOS ONE: 'Out of the 537 patients originally randomized, a total of 484 participants, 276 male (57.0%) ...'
    body = ("Out of the 537 patients originally randomized, a total of 484 participants, 276 male (57.0%) and 208 "
            "female (43.0%), completed the follow-up.<sup>[2]</sup>")
    assert findings(body, "EST302") == []
    # Clean case: with no total in between, the denominator printed first still counts.
    wrong = "Out of the 537 patients originally randomized, 276 male (57.0%) completed it.<sup>[2]</sup>"
    assert [f.severity for f in findings(wrong, "EST302")] == ["warning"]


@pytest.mark.parametrize("body", [
    # PLOS ONE trial reports: numbers that are no trial's arms
    "Of 572 patients screened, 509 were randomized to treatment, and 421 were enrolled in the study.<sup>[1]</sup>",
    "Of the cohort (n = 101), 8 individuals withdrew for time, 1 was dissatisfied, and 1 was lost.<sup>[1]</sup>",
    "Of the 18 camps, 11 did not serve at least 50 children, 5 were specialty camps, and 2 were overnight "
    "camps.<sup>[1]</sup>",
    "Twenty camps serving 1,830 children were assigned to the intervention (n = 10) or control (n = 10).<sup>[1]</sup>",
    "Events: PCP (TPV/r100, 3 subjects), HSV (TPV/r200, 1; LPV/r, 1), tuberculosis (TPV/r200, 1; LPV/r, 1).<sup>[1]</sup>",
    "Initially 12 participants were enrolled, receiving GEO-D03 DNA and 36 receiving MVA-B12 DNA.<sup>[1]</sup>",
])
def test_flows_thresholds_clusters_and_names_are_no_arms(body):
    assert findings(body, "EST301") == []


def test_arms_that_disagree_with_their_total_are_still_found():
    # Clean-case counterparts: a real total with arms that do not add up, once per form above.
    for body in ("Of 572 patients randomized, 309 were assigned to treatment and 221 were assigned to "
                 "control.<sup>[1]</sup>",
                 "In all, 1,830 children were assigned to the intervention (n = 910) or control (n = 910).<sup>[1]</sup>"):
        assert [f.code for f in findings(body, "EST301")] == ["EST301"], body
