"""Effect-estimate extraction: the printed forms, the bundled policy's intervals, and their context.

The bundled policy's list below was made by reading lines 120-330 of the
policy by hand and writing down every confidence interval with its numbers
exactly as printed, before comparing with the extractor.
"""
import pytest

from kb.estimates.counts import counts_with_percent, sample_splits
from kb.estimates.find import find_estimates
from kb.estimates.extract import extract
from kb.read.parse_policy import parse_policy

# (line, measure, estimate, lower, upper, level, p) - 28 intervals, read by hand.
BUNDLED_INTERVALS = [
    (128, "MD", "0.17", "-0.39", "0.73", "95%", ".56"),  # Zhu: the sentence breaks over a blank line at "P ="
    (130, "OR", "1.31", "0.62", "2.74", "95%", ".47"),
    (130, "MD", "0.51", "-1.87", "2.88", "95%", ".68"),
    (130, "MD", "-0.52", "-0.88", "-0.15", "95%", ".005"),
    (134, "MD", "1.36", "0.55", "2.17", "95%", ""),  # Xie: pain 1 week
    (134, "MD", "1.56", "0.43", "2.70", "95%", ""),  # one month
    (134, "MD", "-1.59", "-2.9", "-0.27", "95%", "<0.05"),  # six months
    (134, "MD", "-5.03", "7.94", "-2.12", "95%", ""),  # quality of life: reversed as printed
    (134, "RR", "0.59", "0.43", "0.81", "95%", ""),  # "relative risk: 0.59"
    (154, "RD", "48", "27", "68", "95%", ""),  # VAPOUR: "48% (95% CI, 27% to 68%) more patients"
    (174, "difference", "2.6", "1.74", "3.37", "", "<0.001"),  # VERTOS II: no "95% CI" label printed
    (174, "difference", "2.0", "1.13", "2.80", "", "<0.001"),
    (186, "RR", "1.22", "0.70", "2.12", "95%", ""),  # Sun
    (186, "RR", "0.91", "0.71", "2.12", "95%", ""),
    (188, "HR", "0.78", "0.66", "0.92", "95%", ""),  # Hinde
    (188, "HR", "0.70", "0.69", "0.71", "95%", ""),
    (188, "HR", "0.79", "0.62", "1.00", "95%", ""),
    (190, "SMD", "0.98", "0.40", "1.57", "95%", ""),  # Wang: "standard mean difference"
    (190, "SMD", "-1.27", "-1.86", "-0.67", "95%", ""),
    (190, "RR", "0.62", "0.47", "0.80", "95%", ""),
    (196, "MD", "0.94", "-0.40", "2.39", "95%", ""),  # "Zhao (2017)"
    (196, "MD", "-0.10", "-0.17", "-0.01", "95%", ""),
    (196, "MD", "5.72", "1.05", "10.60", "95%", ""),
    (206, "difference", "5.2", "2.9", "7.4", "95%", "<0.001"),  # FREE: "5.2 points (95% confidence interval ..."
    (258, "OR", "1.40", "1.09", "1.78", "95%", ""),  # Zhan
    (258, "OR", "5.56", "1.84", "16.81", "95%", ""),
    (258, "OR", "3.32", "1.36", "8.07", "95%", ""),
    (258, "WMD", "0.59", "0.02", "1.17", "95%", ""),
]


def test_the_bundled_policy_reports_28_intervals_and_all_are_extracted_as_printed(bundled_kb):
    assert len(BUNDLED_INTERVALS) == 28
    got = [(e.line, e.measure, e.estimate_text, e.ci_low_text, e.ci_high_text, e.ci_level, e.p_value)
           for e in bundled_kb.effect_estimates.estimates]
    assert got == BUNDLED_INTERVALS


@pytest.mark.parametrize("text, expected", [
    ("(MD = 0.17; 95% CI, -0.39 to 0.73; P = .56)", ("MD", "0.17", "-0.39", "0.73", "95%", ".56")),
    ("(RR, 1.22; 95% CI, 0.70 to 2.12)", ("RR", "1.22", "0.70", "2.12", "95%", "")),
    ("(odds ratio [OR] = 1.31; 95% CI, 0.62 to 2.74; P = .47)", ("OR", "1.31", "0.62", "2.74", "95%", ".47")),
    ("(standard mean difference: 0.98; 95% CI 0.40-1.57)", ("SMD", "0.98", "0.40", "1.57", "95%", "")),
    ("(OR=1.40; 95% CI, 1.09-1.78)", ("OR", "1.40", "1.09", "1.78", "95%", "")),
    ("with 48% (95% CI, 27% to 68%) more patients", ("RD", "48", "27", "68", "95%", "")),
    ("The difference was 5.2 points (95% confidence interval, 2.9 to 7.4; p < 0.001).",
     ("difference", "5.2", "2.9", "7.4", "95%", "<0.001")),
    ("(HR, 0.78; 95% CI, 0.66 to 0.92)", ("HR", "0.78", "0.66", "0.92", "95%", "")),
    ("(hazard ratio 0.78, 95% CI 0.66 to 0.92)", ("HR", "0.78", "0.66", "0.92", "95%", "")),
    ("(WMD=0.59; 95% CI, 0.02-1.17)", ("WMD", "0.59", "0.02", "1.17", "95%", "")),
    ("(MD \u22120.52; 95% CI \u22120.88 to \u22120.15)", ("MD", "\u22120.52", "\u22120.88", "\u22120.15", "95%", "")),
    ("(RR 0.62; 95% CI 0.47\u20130.80)", ("RR", "0.62", "0.47", "0.80", "95%", "")),
    ("an odds ratio of 2.1 (95% CI 1.2 to 3.6)", ("OR", "2.1", "1.2", "3.6", "95%", "")),
    ("(RR 0.9; 90% CI [0.7, 1.1]; p = 0.40)", ("RR", "0.9", "0.7", "1.1", "90%", "0.40")),
    ("differences in mean VAS score at one month (2.6; 1.74 to 3.37; p < 0.001)",
     ("difference", "2.6", "1.74", "3.37", "", "<0.001")),
])
def test_common_printed_forms(text, expected):
    found = find_estimates(text)
    assert len(found) == 1
    f = found[0]
    assert (f.measure, f.value, f.low, f.high, f.level, f.p) == expected


def test_a_change_that_names_no_comparison_has_no_measure():
    (f,) = find_estimates("Pain improved by 5.2 points (95% CI, 2.9 to 7.4) from baseline.")
    assert (f.measure, f.value, f.unit) == ("", "5.2", "points")  # a within-group change: no null to test against


def test_numbers_that_are_not_estimates_are_left_alone():
    for text in ("The average stay was 7.8 ± 4.7 days (range, 2-15 days).",
                 "(18 total; 9 adjacent, 9 nonadjacent)", "a mean follow-up of 49.4 months (range, 36-80)",
                 "Pain reduction ranged from 20% to 79%."):
        assert find_estimates(text) == []


def test_unicode_minus_parses_to_a_negative_number():
    doc = parse_policy("# T\n\n## Evidence\n\nA trial found a difference (MD \u22121.5; 95% CI \u22122.0 to \u22121.0)."
                       "<sup>[1]</sup>\n\n## References\n\n1. Roe A. A trial. *J*. 2020;1:1-2.\n", "t.md")
    (e,) = extract(doc).estimates
    assert (e.estimate, e.ci_low, e.ci_high, e.estimate_text) == (-1.5, -2.0, -1.0, "\u22121.5")


def _row(kb, line, estimate):
    return next(e for e in kb.effect_estimates.estimates if e.line == line and e.estimate_text == estimate)


@pytest.mark.parametrize("line, estimate, citations, cited_in, source", [
    (128, "0.17", (1,), "paragraph", "Zhu (2022)"),  # the marker sits on the paragraph's first sentence
    (134, "0.59", (3,), "paragraph", "Xie (2017)"),
    (174, "2.6", (16,), "section", "Klazen (2010)"),  # a paragraph with no marker: the one above it
    (206, "5.2", (25,), "paragraph", "Wardlaw (2009)"),  # [26, 27] sits on the sentence before: not it
    # the text names Zhao (2017) but cites [22] (Frey): CIT201 resolves it, so the row belongs to Zhao [54]
    (196, "0.94", (54,), "paragraph", "Zhao (2017)"),
])
def test_citations_and_source_of_bundled_rows(bundled_kb, line, estimate, citations, cited_in, source):
    e = _row(bundled_kb, line, estimate)
    assert (e.citations, e.cited_in, e.source) == (citations, cited_in, source)


def test_an_attributed_row_keeps_its_printed_marker_and_says_why(bundled_kb):
    e = _row(bundled_kb, 196, "0.94")
    assert e.printed_citations == (22,) and e.attribution.startswith("CIT201: Zhao (2017) is printed as [22]")
    # the EST checks read the rows as printed
    printed = next(p for p in bundled_kb.effect_estimates.from_text if p.id == e.id)
    assert printed.citations == (22,) and printed.attribution == ""
    # a row whose named source matches its marker is not moved
    assert _row(bundled_kb, 128, "0.17").printed_citations == ()


@pytest.mark.parametrize("line, estimate, comparison, outcome, timepoint", [
    (128, "0.17", "vertebroplasty vs kyphoplasty", "pain", ""),
    (130, "1.31", "vertebroplasty vs kyphoplasty", "cement leakage", ""),
    (134, "1.36", "vertebroplasty vs conservative care", "pain", "1 week"),
    (134, "-1.59", "vertebroplasty vs conservative care", "pain", "6 months"),
    (134, "0.59", "vertebroplasty vs conservative care", "new fracture", ""),
    (154, "48", "vertebroplasty vs sham", "pain", ""),  # sham from the heading "... with Sham Controls"
    (174, "2.0", "vertebroplasty vs conservative care", "pain", "1 year"),
    (186, "0.91", "vertebral augmentation vs conservative care", "new fracture", ""),
    (188, "0.79", "vertebral augmentation vs conservative care", "mortality", "5 years"),  # "Compared with B, A"
    (190, "0.62", "kyphoplasty vs vertebroplasty", "cement leakage", ""),
    (196, "-0.10", "kyphoplasty vs conservative care", "quality of life", ""),
    (206, "5.2", "kyphoplasty vs conservative care", "quality of life", ""),  # SF-36 PCS, previous sentence
])
def test_comparison_outcome_and_timepoint_of_bundled_rows(bundled_kb, line, estimate, comparison, outcome,
                                                         timepoint):
    e = _row(bundled_kb, line, estimate)
    assert (e.comparison, e.outcome, e.timepoint) == (comparison, outcome, timepoint)


def test_risk_factors_are_their_own_question(bundled_kb):
    rows = [e for e in bundled_kb.effect_estimates.estimates if e.line == 258]
    assert {e.question for e in rows} == {"risk factors for cement leakage"}
    assert [e.detail for e in rows] == ["intravertebral cleft", "cortical disruption", "cement viscosity",
                                        "injected cement volume"]


@pytest.mark.parametrize("line, estimate, claim", [
    (128, "0.17", "not significant"), (130, "0.51", "not significant"),  # one phrase governs a list of three
    (130, "-0.52", ""),  # "linked to a markedly lower trend": no claim about significance
    (134, "1.56", "significant"), (134, "-1.59", "significant"),  # "superior" ... ; "inferior"
    (134, "0.59", "not significant"), (186, "0.91", "not significant"),
    (188, "0.78", "significant"), (196, "5.72", "significant"), (206, "5.2", ""),
])
def test_the_wording_that_governs_each_bundled_estimate(bundled_kb, line, estimate, claim):
    assert _row(bundled_kb, line, estimate).claim == claim


def test_clauses_split_the_governing_wording():
    text = ("There was no significant difference in pain (MD 0.5; 95% CI -0.2 to 1.2) but a significant "
            "reduction in disability (MD -5; 95% CI -8 to -2), while function (MD 1; 95% CI 0 to 2) was similar.")
    doc = parse_policy(f"# T\n\n## Evidence\n\n{text}<sup>[1]</sup>\n\n## References\n\n1. Roe A. T. *J*. 2020.\n")
    assert [e.claim for e in extract(doc).estimates] == ["not significant", "significant", ""]


def test_sample_splits_read_only_arms_printed_as_arms():
    assert sample_splits("data from 644 patients, 330 who received VP and 284 who received KP.") == \
        [("644", 10, (("330", 330), ("284", 284)))]
    assert sample_splits("(total N=2046 participants; vertebroplasty, 816; kyphoplasty, 478; CT = 752)")[0][2] == \
        (("816", 816), ("478", 478), ("752", 752))
    assert sample_splits("1,787 patients (887 PVP, and 900 BKP)")[0][:1] == ("1,787",)
    # A subgroup "(n=209 patients; ...)" is not a total; "1 to 3 fractures" is a range, not arms.
    assert sample_splits("a sham (n=209 patients; A and B), usual care (n=566), and kyphoplasty (n=545)") == []
    assert sample_splits("300 adult participants with 1 to 3 painful fractures were assigned") == []


def test_counts_with_percent_and_their_printed_denominators():
    (m, d), = counts_with_percent("Out of 431 patients who were eligible, 229 (53%) had relief.")
    assert (m.group("c"), m.group("p"), d) == ("229", "53", "431")
    (m, d), = counts_with_percent("complete for 67 (86%) of 78.")
    assert d == "78"
    (m, d), = counts_with_percent("while only 12 (23.5%) patients could stand")
    assert d is None


def test_bundled_sample_splits_counts_and_study_counts(bundled_kb):
    found = bundled_kb.effect_estimates
    assert [(s.line, s.total, s.arm_sum) for s in found.samples] == [
        (128, 644, 614), (134, 1231, 1231), (150, 180, 180), (196, 2046, 2046), (256, 1328, 1328),
        (260, 1787, 1787)]
    assert [(c.line, c.count, c.percent_text, c.denominator) for c in found.counts if c.denominator] == [
        (156, 67, "86%", 78), (156, 57, "73%", 78), (170, 229, "53%", 431)]
    assert found.heterogeneity == ()  # the policy prints no I²
    assert _row(type("K", (), {"effect_estimates": found})(), 134, "1.36").n_studies == 13  # "Thirteen studies"


def test_synthetic_estimates_are_read_back_exactly():
    from kbdev.synthetic import Estimate, generate, render

    for seed in range(6):
        policy = generate(seed, n_references=40)
        doc = parse_policy(render(policy).text, "synthetic.md")
        model = [p for s in policy.sentences() for p in s.parts if isinstance(p, Estimate)]
        found = extract(doc)
        assert [(e.measure, e.estimate, e.ci_low, e.ci_high) for e in found.estimates] == \
            [(m.measure, m.value, m.low, m.high) for m in model]
        assert len(found.samples) == sum(1 for m in model if m.arms)
        assert [c.denominator for c in found.counts] == [m.followed[1] for m in model if m.followed]
        assert len(found.heterogeneity) == sum(1 for m in model if m.i2 is not None)
