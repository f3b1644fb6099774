"""Forms met in corpus 15 (a second fresh random sample of PLOS trial reports, read first as it came). Each form has
a positive and a clean case."""
from __future__ import annotations

from kb.estimates.claims import claim_for
from tests.test_jats_corpus14_forms import codes_of


def _claim(text: str, at: str, upto: str | None = None):
    start = text.find(at)
    nxt = text.find(upto) if upto else None
    return claim_for(text, start, start + len(at), nxt)


def test_a_near_significant_result_claims_neither_way():
    """PLOS ONE: 'a near-significant difference for pain (HR 0.49 [0.22-1.06])' concedes the threshold was missed."""
    text = "The treatment yielded a near-significant difference for pain (HR 0.49 [0.22\u20131.06]) in this analysis."
    assert _claim(text, "HR 0.49 [0.22\u20131.06]") == ("", "")
    # Clean case: the same result called significant is a claim.
    assert _claim(text.replace("near-significant", "significant"), "HR 0.49 [0.22\u20131.06]")[0] == "significant"


def test_a_reduction_qualified_as_non_significant_is_no_claim_of_significance():
    """PLOS ONE: 'a non-significant 46% reduced odds of mortality (OR 0.54, 95% CI 0.14-2.05)'."""
    text = ("The intervention was associated with a non-significant 46% reduced odds of mortality (OR 0.54, 95% CI "
            "0.14\u20132.05, p = 0.37) and 54% reduction in composite EAO (OR 0.46, 95% CI 0.13\u20131.62).")
    assert _claim(text, "OR 0.54, 95% CI 0.14\u20132.05", "OR 0.46")[0] == "not significant"
    assert _claim(text, "OR 0.46, 95% CI 0.13\u20131.62")[0] == "not significant"
    # Clean case: 'reduced' with no qualifier before it still claims a reduction.
    plain = "Surgery reduced pain (MD -1.3, 95% CI -7.6 to 5.0)."
    assert _claim(plain, "MD -1.3, 95% CI -7.6 to 5.0") == ("significant", "reduced")


_MIXED = ["| Characteristic | RAO n = 152 | RA+ n = 173 | {head} | p value |", "| --- | --- | --- | --- | --- |",
          "| Self reported hours of sleep | 6.46\u00b11.7 | 6.36\u00b11.7 | 0.19(\u22120.40\u20130.80) | 0.51 |"]


def test_a_column_of_mean_differences_or_odds_ratios_names_no_measure():
    """PLOS ONE: 'Cluster-adjusted difference between groups, Mean or Odds Ratio (95% CI value)': a row's negative
    bound is a mean difference's, not an odds ratio's (no EST103)."""
    from kb.estimates.rows import table_rows

    (row,) = table_rows([line.format(head="Difference between groups, Mean or Odds Ratio (95% CI value)")
                         for line in _MIXED])
    assert (row.found.measure, row.found.value, row.found.low) == ("", "0.19", "\u22120.40")
    # Clean case: a column of odds ratios alone keeps its measure.
    (row,) = table_rows([line.format(head="Odds Ratio (95% CI)") for line in _MIXED])
    assert row.found.measure == "OR"


def test_a_count_of_the_trials_whose_data_one_cited_analysis_used():
    """PLOS ONE: 'the results of factor analysis of asthma outcome data from three asthma clinical trials [21]'."""
    from tests.checks.cit_fixtures import findings

    refs = ["buchbinder2009", "kallmes2009", "rousing2009"]
    body = ("The findings are consistent with a factor analysis of asthma outcome data from three asthma clinical "
            "trials.<sup>[1]</sup>")
    assert findings(body, refs, "CIT301") == []
    # Clean case: three trials cited as one entry with no analysis between them is still a mismatch.
    found = findings("The findings are consistent with three asthma clinical trials.<sup>[1]</sup>", refs, "CIT301")
    assert [f.severity for f in found] == ["warning"]


def test_the_definite_article_points_back_at_the_works_cited_just_before():
    """PLOS ONE: '... SMILE studies [19]-[22]. The four SMILE studies enrolled patients in Europe [23].'"""
    from tests.checks.cit_fixtures import findings

    refs = ["buchbinder2009", "kallmes2009", "rousing2009", "diamond2006", "clark2016"]
    before = "A pooled analysis of the SMILE studies was made.<sup>[1-4]</sup> "
    after = "The four SMILE studies enrolled patients in most European countries.<sup>[5]</sup>"
    assert findings(before + after, refs, "CIT301") == []
    # Positive: with no sentence before citing four works, the count is checked against its own marker.
    assert [f.severity for f in findings("Vertebroplasty was studied. " + after, refs, "CIT301")] == ["warning"]


def test_a_number_word_inside_a_word_is_no_count():
    """PLOS ONE: 'the targeted weight loss (6%)' holds no count 'eight (6%)'."""
    from kb.estimates.counts import counts_with_percent

    assert counts_with_percent("Of 23 participants, most kept the targeted weight loss (6%) at week 36.") == []
    # Clean case: the number word standing alone is still a count.
    assert [m.group("c") for m, _ in counts_with_percent("Of 40 patients, eight (20%) had pain.")] == ["eight"]


def test_arms_percentages_that_add_past_a_hundred_are_each_of_their_arm():
    """PLOS ONE: 'Out of 23 participants achieved weight loss, 10 (57.5%) intervention participants and 3 (75%) from
    the comparison group retained it': each percentage is of its own arm (19 and 4), not of 23."""
    from kb.estimates.counts import counts_with_percent

    text = ("Out of 23 participants achieved weight loss, 10 (57.5%) intervention participants and 3 (75%) from the "
            "comparison group retained the targeted weight loss.")
    assert [d for _, d in counts_with_percent(text)] == [None, None]
    # Clean case: percentages that can all be of the shared total keep it, so a wrong one is still found.
    text = text.replace("57.5%", "43.5%").replace("75%", "15%")
    assert [d for _, d in counts_with_percent(text)] == ["23", "23"]


def test_a_years_range_opening_an_entry_gives_its_first_year():
    from kb.read.reference_list import parse_entry

    entry = parse_entry(27, "(2010\u20132011) Zimbabwe Demographic and Health Survey. Calverton, MD: Zimbabwe National "
                            "Statistics Agency.", 1)
    assert (entry.year, entry.title) == (2010, "Zimbabwe Demographic and Health Survey")
    # Clean case: a single year there is read as before.
    assert parse_entry(1, "(2000) Adolescent Medicine Network. Report.", 1).year == 2000


def test_a_books_place_and_year_with_no_publisher_between():
    from kb.read.reference_list import parse_entry

    entry = parse_entry(40, "Brambell R. Report of the Technical Committee on Welfare. London: 1965. Report No.: ISBN 0 "
                            "10 850286 4.", 1)
    assert entry.year == 1965
    # Clean case: a volume's colon before pages is no place.
    assert parse_entry(1, "Smith J. A title here. J Biol. 18: 1905.", 1).year is None


OTHER = "Smith A. Title of a paper on haptoglobin. *J Biol*. 2005;1:1-5."


def test_an_entry_in_review_has_no_source_yet():
    review = ("Weissgerber TL, Gandley RE, Roberts JM. (in review) Haptoglobin phenotype and preeclampsia incidence in "
              "women with Type 1 Diabetes.")
    assert codes_of([review, OTHER], "REF113") == []
    # Positive: without the note the entry names no source.
    assert codes_of([review.replace("(in review) ", "(2012) "), OTHER], "REF113") == [("warning", 1)]


def test_a_publisher_closing_the_title_makes_no_source_unsure():
    book = "Schwarzer R (2014) Self-efficacy: Thought control of action : Taylor & Francis."
    assert codes_of([book, OTHER], "REF113") == [("info", 1)]
    # An Elsevier-numbered book, commas throughout (the PDF folder): 'Harvard university press'.
    burt = "R. S. Burt, Structural holes: The social structure of competition, Harvard university press, 2009."
    assert codes_of([burt, OTHER], "REF113") == [("info", 1)]
    # Clean case: a title closing with an ordinary word still names no source.
    assert codes_of([book.replace(" : Taylor & Francis", ""), OTHER], "REF113") == [("warning", 1)]


def test_a_heart_rate_in_its_unit_is_no_hazard_ratio():
    """PLOS ONE (folder 16): '| HR (beats/min), mean (95% CI) | -2.6 (-4.8 to -0.4) |' is a heart rate (no EST103)."""
    from kb.estimates.rows import table_rows

    lines = ["| | Difference |", "| --- | --- |", "| HR (beats/min), mean (95% CI) | -2.6 (-4.8 to -0.4) |"]
    (row,) = table_rows(lines)
    assert (row.found.measure, row.found.value) == ("", "-2.6")
    # Clean case: a hazard ratio's row keeps its measure.
    (row,) = table_rows([lines[0], lines[1], "| HR (95% CI) | 0.80 (0.70 to 0.91) |"])
    assert row.found.measure == "HR"


def test_a_count_and_one_more_work_named_after_it():
    """PLOS ONE (folder 16): 'Two earlier trials of a gp120 vaccine, ..., and a recent trial with a DNA prime showed
    no efficacy [2-4]': two and one more, three cited."""
    from tests.checks.cit_fixtures import findings

    refs = ["buchbinder2009", "kallmes2009", "rousing2009", "diamond2006"]
    body = ("Two earlier trials of vertebroplasty, one in Australia and the other in the United States, and a recent "
            "trial with a sham procedure showed no efficacy.<sup>[1-3]</sup>")
    assert findings(body, refs, "CIT301") == []
    # Positive: without the third work named, three entries against 'Two' is a mismatch.
    plain = "Two earlier trials of vertebroplasty showed no efficacy.<sup>[1-3]</sup>"
    assert [f.severity for f in findings(plain, refs, "CIT301")] == ["warning"]


def test_arms_assigned_in_a_list_have_no_total_and_an_arm_printed_otherwise_completes_one():
    """PLOS ONE (folder 16): '123 patients assigned to Cotrifazid, 123 to mefloquine, and 123 to quinine + SP';
    '2,243 ... randomised to one of three arms: 754 to the SoC arm, 734 to the PoCCD4 arm and 755 in the ... arm'."""
    from kb.estimates.counts import sample_splits

    assert sample_splits("The population included 123 patients assigned to Cotrifazid, 123 to mefloquine, and 123 to "
                         "quinine + SP.") == []
    assert sample_splits("In all, 2,243 patients were randomised to one of three arms: 754 to the SoC arm, 734 to the "
                         "CD4 arm and 755 in the CD4 +IPT arm (Fig 1).") == []
    # Clean cases: a total before a colon, and arms that leave a number unaccounted for, are still read.
    assert sample_splits("In all, 300 patients assigned to the trial: 150 to X and 140 to Y.") == [
        ("300", 8, (("150", 150), ("140", 140)))]
    assert sample_splits("In all, 2,243 patients were randomised: 754 to the SoC arm and 734 to the CD4 arm.") != []


def test_a_correction_notice_reprinting_the_corrected_papers_numbers_is_info():
    from kb.checks import run_checks
    from kb.knowledge.base import build_knowledge_base
    from kb.outputs.report import flatten
    from kb.read.parse_policy import parse_policy

    text = ("# Correction: The effects of scanning training on mobility\n\nThere is an error in Table 3.\n\n"
            "Table 3. Effect sizes (Cohen's d [52]) and interactions as described by Morris [51].\n\n"
            "The original article cites it [1].\n\n## References\n\n"
            "1. Smith A. The effects of scanning training on mobility. PLoS ONE. 2016;11:e0165863.\n")
    found = [(f.code, f.severity) for f in flatten(run_checks(build_knowledge_base(parse_policy(text, "c.md"))))
             if f.code == "CIT101"]
    assert found == [("CIT101", "info"), ("CIT101", "info")]
    # Clean case: the same numbers in a document that is no correction notice are errors.
    plain = text.replace("# Correction: The", "# The")
    found = [(f.code, f.severity) for f in flatten(run_checks(build_knowledge_base(parse_policy(plain, "c.md"))))
             if f.code == "CIT101"]
    assert found == [("CIT101", "error"), ("CIT101", "error")]
