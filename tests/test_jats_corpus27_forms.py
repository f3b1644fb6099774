"""Forms met in corpus 27 (60 reports of trials and other clinical studies from 60 journals other than PLOS, one a
journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean case; the
texts are made here."""
from __future__ import annotations

from kb.estimates.counts import sample_splits
from kb.estimates.find import find_estimates
from kb.estimates.trials import totals
from kb.read.parse_policy import parse_policy
from kb.sources.claims import count_claims
from tests.formtools import codes_of, in_results, markers_in


def test_a_bound_printed_with_a_space_between_its_thousands_is_one_number():
    """'£9762 (95% uncertainty interval 6955–12 577)': the upper bound is 12577, not 12."""
    found = find_estimates("The mean total cost was £9762 (95% uncertainty interval 6955–12 577), which was less.")
    assert [(f.low, f.high) for f in found] == [("6955", "12 577")]
    assert in_results("The mean total cost was £9762 (95% uncertainty interval 6955–12 577).", "EST101") == []
    # Clean: a bound already above the lower one takes no number after it; a backwards interval is still one.
    found = find_estimates("The HR was 0.8 (95% CI 0.6–0.9) 120 patients.")
    assert [(f.low, f.high) for f in found] == [("0.6", "0.9")]
    assert in_results("The mean total cost was £9762 (95% CI 6955–1257).", "EST101") == [("EST101", "error")]


def test_a_day_s_number_before_an_interval_is_no_estimate():
    """'was 0.027 at day 90 (95% credible interval, −0.146 to 0.199)': 90 names the day."""
    assert in_results("The posterior mean treatment difference was 0.027 at day 90 (95% credible interval, −0.146 to "
                      "0.199).", "EST102") == []
    # Positive: a measure's value outside its interval.
    assert in_results("The mean difference was 90 (95% CI −0.146 to 0.199).", "EST102") == [("EST102", "error")]


def test_weak_evidence_hedges_the_claim_it_opens():
    """'There was weak evidence that ... was associated with reduced odds of death (OR, 0.3; 95% CI: 0.1–1.1)'."""
    assert in_results("There was weak evidence that up-to-date immunization status was associated with reduced odds "
                      "of death (OR, 0.3; 95% CI: 0.1–1.1).", "EST201") == []
    # Positive: the same claim without the hedge.
    assert in_results("Up-to-date immunization status was associated with reduced odds of death (OR, 0.3; 95% CI: "
                      "0.1–1.1).", "EST201") == [("EST201", "error")]


def test_the_first_of_parallel_clauses_is_an_arm_not_a_total():
    """'58 patients underwent hepatic resection, 43 underwent RFA, and 12 underwent both'."""
    assert sample_splits("During the study period, 58 patients underwent hepatic resection, 43 underwent RFA, and 12 "
                         "underwent simultaneous resection and RFA.") == []
    # Positive: a total set off by a colon, then its arms with the same verb.
    assert [(s[0], s[2]) for s in sample_splits("In all, 100 patients underwent surgery: 60 underwent laparoscopy and "
                                                "30 underwent open repair.")] == [("100", (("60", 60), ("30", 30)))]


def test_the_missing_part_printed_before_the_others_completes_them():
    """'Of the 3489 children ..., 116 had died since randomization, 2674 were lost ..., 267 were excluded ...'."""
    text = ("Of the 3489 children randomized but not followed up at 16 years, 116 had died since randomization, {} "
            "were lost to follow-up, 267 were excluded from one clinic, and 432 were unable to come for their visit.")
    assert sample_splits(text.format(2674)) == []
    # Positive: parts that still fall short with the first one added.
    assert [s[0] for s in sample_splits(text.format(2600))] == ["3489"]


def test_analysis_populations_are_nested_not_parts():
    """'133 were included in the safety population ..., 120 ... in the intent-to-treat population ..., and 104 ...
    in the PP population'."""
    text = ("Of the 134 subjects randomized into the study, 133 were included in the safety population (placebo: n=68; "
            "drug: n=65), 120 were included in the intent-to-treat population (placebo: n=60; drug: n=60), and 104 "
            "were included in the PP population.")
    assert not [s for s in sample_splits(text) if s[2] == (("120", 120), ("104", 104))]
    # Positive: one analysis set split into its arms is read.
    assert [(s[0], s[2]) for s in sample_splits("Of the 134 subjects randomized, 133 were included in the safety "
                                                "population (placebo: n=68; drug: n=60).")] == [
        ("133", (("68", 68), ("60", 60)))]


def test_a_total_after_a_slash_is_a_denominator():
    """'109/159 participants in the wash group were strictly compliant, 10 were mainly compliant, ...'."""
    assert sample_splits("By first follow-up, 109/159 participants in the wash group were strictly compliant, 10 were "
                         "mainly compliant, 3 were partially compliant, 9 were rarely compliant, and 4 were "
                         "noncompliant.") == []
    # Positive: the same total with no count before it.
    assert [s[0] for s in sample_splits("Of 159 participants in the wash group, 10 were mainly compliant, 3 were "
                                        "partially compliant, 9 were rarely compliant, and 4 were noncompliant.")] == ["159"]


def test_people_left_out_are_no_trial_size():
    """'A total of 34 patients were not included in this analysis because no data ... were available.[15]'."""
    assert totals("A total of 34 patients were not included in this analysis because no data were available in "
                  "the trial.") == []
    assert totals("A total of 34 patients were excluded from the trial.") == []
    # Positive: people included are its size.
    assert [t[2] for t in totals("A total of 34 patients were included in the trial.")] == [34]


def _claim(text: str):
    at = text.index("[")
    return count_claims(text, [(at, text.index("]") + 1)])


def test_an_evaluation_across_trials_counts_its_own_contents():
    """'An evaluation of reported side effects after single doses in 15 double-blind randomized trials [4]'."""
    assert [c.of_review for c in _claim("An evaluation of reported side effects after single doses in 15 "
                                        "double-blind randomized trials [4] showed no difference.")] == [True]
    # Clean: a count of the cited trials themselves.
    assert [c.of_review for c in _claim("Side effects were equally distributed in 15 double-blind randomized "
                                        "trials [4].")] == [False]


_ASAP = """# Statins

## Discussion

{sentence}

## References

1. Smilde TJ, van Wissen S, Trip MD. Effect of aggressive versus conventional lipid lowering on atherosclerosis
progression in familial hypercholesterolaemia (ASAP): a prospective, randomised, double-blind trial. *Lancet*.
2001;357:577-81.
2. Van Tits LJ, Smilde TJ, de Graaf J. Effects of atorvastatin and simvastatin on low-density lipoprotein oxidizability.
*J Investig Med*. 2004;52:177-84.
"""


def test_a_sub_study_of_a_named_trial_is_its_own_paper():
    """'in a sub-study from the ASAP trial, no effect was seen ... [22]', 22 the sub-study's paper."""
    assert codes_of(_ASAP.format(sentence="However, in a sub-study from the ASAP trial, no effect was seen of both "
                                          "regimens on oxidation [2]."), "CIT203") == [("CIT203", "info")]
    # Positive: the trial itself cited to another paper.
    assert codes_of(_ASAP.format(sentence="However, in the ASAP trial, no effect was seen of both regimens on "
                                          "oxidation [2]."), "CIT203") == [("CIT203", "error")]


_ADHD = """# Adults with attention problems

## Background

{definition} It is underdiagnosed in adults.

## Discussion

The familiality of the diagnosis highlights the need to screen parents of children with ADHD [2].

## References

1. Buitelaar JK, Michelson D. A comparison of North American versus non-North American ADHD study populations.
*Eur Child Adolesc Psychiatry*. 2006;15:177-81.
2. Faraone SV, Mick E. Molecular genetics of hyperactivity. *Psychiatr Clin North Am*. 2010;33:159-80.
"""


def test_a_condition_spelled_out_at_a_sentence_s_opening_is_no_trial():
    """'Attention deficit/hyperactivity disorder (ADHD) often presents ...': the capital is the sentence's."""
    assert codes_of(_ADHD.format(definition="Attention deficit/hyperactivity disorder (ADHD) often presents in "
                                            "adults."), "CIT203") == []
    # Positive: a name the text never spells out as a thing.
    assert codes_of(_ADHD.format(definition="It often presents in adults."), "CIT203") == [("CIT203", "error")]


_FALLS = """# Hip fracture

## Methods

Participants were given a comprehensive geriatric assessment ({cited}).

## References

Cook WL, Khan KM, Bech MH (2011). Post-discharge management following hip fracture. *BMC Geriatr*, 11, 13.

Panel on Prevention of Falls in Older Persons American Geriatrics Society and British Geriatrics Society. (2011).
Summary of the updated AGS/BGS clinical practice guideline for prevention of falls in older persons. *Journal of the
American Geriatrics Society*, 59, 148-157.
"""


def test_a_body_cited_by_its_first_word_as_if_a_surname():
    """'(Panel et al., 2011)' for 'Panel on Prevention of Falls in Older Persons ... (2011)'."""
    assert codes_of(_FALLS.format(cited="Panel et al., 2011"), "CIT107") == []
    # Positive: a word that opens no entry's name.
    assert codes_of(_FALLS.format(cited="Board et al., 2011"), "CIT107") == [("CIT107", "warning")]


_LAW = """# Generics

## Methods

The law was followed [1].

## References

1. {entry}
"""


def test_a_law_in_an_official_gazette_names_its_source():
    """'Law 29/2006, of 26th July 2006, on Guarantees ... Official State Gazette no. 178'."""
    law = "Law 29/2006, of 26th July 2006, on Guarantees and Reasonable Use of Medicinal and Healthcare Products"
    assert codes_of(_LAW.format(entry=law + " Official State Gazette no. 178"), "REF113") == []
    # Positive: the law with no gazette is still reported (at info: its title's commas may hold a source).
    assert codes_of(_LAW.format(entry=law + "."), "REF113") == [("REF113", "info")]
    assert codes_of(_LAW.format(entry="Law on Guarantees and Reasonable Use of Medicinal Products. 2006."),
                    "REF113") == [("REF113", "warning")]


def test_a_year_and_month_after_the_publisher_s_colon_is_the_date():
    """'Rockville (MD): CDER: 2002 Dec [online]. Available from URL: ... [Accessed 2012 Jul 31]'."""
    entry = ("Center for Drug Evaluation and Research [CDER], Food and Drug Administration. Guidance for industry: "
             "food-effect bioavailability and fed bioequivalence studies. Rockville (MD): CDER{date} [online]. "
             "Available from URL: http://www.fda.example/ucm126833.pdf [Accessed 2012 Jul 31]")
    doc = parse_policy(_LAW.format(entry=entry.format(date=": 2002 Dec")), "f.md")
    assert doc.references[0].year == 2002
    assert codes_of(_LAW.format(entry=entry.format(date=": 2002 Dec")), "REF123") == []
    # Positive: no date of publication, only the access date.
    assert codes_of(_LAW.format(entry=entry.format(date="")), "REF123") == [("REF123", "warning")]
    # Clean: an access date after a colon is not the date of publication.
    doc = parse_policy(_LAW.format(entry=entry.format(date="").replace("[Accessed 2012", "[cited: 2012")), "f.md")
    assert doc.references[0].year is None


def test_quartiles_after_a_median_inside_a_table_cell_are_no_citation():
    """'| 28.43 ± 25.60 (0 to 120) 20 [15, 30] |': a mean ± SD (range), then a median [quartiles]."""
    assert markers_in("| Ambulation, min | 28.43 ± 25.60 (0 to 120) 20 [15, 30] | 28.83 ± 24.41 (0 to 90) 20 [10, 45] "
                      "| .973 |") == []
    # Positive: a study's citation in its cell, and a pair that does not hold the number before it.
    assert markers_in("| Smith et al. [10, 45] | 20 |") == ["10, 45"]
    assert markers_in("| Studies 2 [10, 45] | 20 |") == ["10, 45"]


def test_an_example_in_brackets_before_a_raised_number_is_no_base():
    """'a relatively modest number of subjects (*e.g*., 18–40)<sup>21</sup>'."""
    assert markers_in("a modest number of subjects (*e.g*., 18–40)<sup>21</sup>. The method") == ["21"]
    # Clean: a bracketed difference squared stays a power.
    assert markers_in("the square (*x* − 1)<sup>2</sup> is") == []


def test_an_index_with_a_digit_makes_a_power_of_the_symbol():
    """'If *σ*<sub>WR</sub><sup>2</sup>=*σ*<sub>W0</sub><sup>2</sup>': variances, not citations."""
    assert markers_in("If *σ*<sub>WR</sub><sup>2</sup>=*σ*<sub>W0</sub><sup>2</sup>, the limits are equal") == []
    # Positive: a citation after an indexed symbol's name in words still cites.
    assert markers_in("the peak plasma level C<sub>max</sub> was reported<sup>12</sup>.") == ["12"]


def test_a_serotype_s_name_before_a_raised_number_of_two_digits_cites():
    """'neutralising antibody response to Ad4<sup>19</sup> were assayed'."""
    assert markers_in("neutralising antibody response to Ad4<sup>19</sup> were assayed") == ["19"]
    # Clean: a small power after such a name stays a power.
    assert markers_in("the area was Ab2<sup>2</sup> in all") == []


def test_a_decree_s_number_carries_its_year():
    """'Royal Decree 1344/2007, of 11th October, which regulates ... Official State Gazette no. 262'."""
    entry = "Royal Decree {}, of 11th October, which regulates the pharmacovigilance of drugs. Official State Gazette no. 262"
    doc = parse_policy(_LAW.format(entry=entry.format("1344/2007")), "f.md")
    assert doc.references[0].year == 2007
    assert codes_of(_LAW.format(entry=entry.format("1344/2007")), "REF111") == []
    # Positive: a decree cited without its number's year has none.
    assert codes_of(_LAW.format(entry=entry.format("1344")), "REF111") == [("REF111", "warning")]
