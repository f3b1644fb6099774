"""Forms met in folder 13 (held out: systematic reviews, cohort, case-control and economic studies, surveys and
essays from PLOS and other open-access journals). Each form has a case that still fires and a clean case that no
longer does."""
from __future__ import annotations

import pytest

from kb.read.markers import scan_line
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry
from tests.checks.cit_fixtures import findings as cit_findings
from tests.test_est_checks import findings as est_findings


def _messages(body: str, code: str) -> list[str]:
    return [f.message for f in est_findings(body, code)]


# --- EST201: words that read as a claim about a result but are not -------------------------------------------

@pytest.mark.parametrize("clean, positive", [
    # a hypothetical: what a result would have meant
    ("A model with an interaction term yielded an HR of 1.02 (95% CI 0.95 to 1.09), where an HR significantly above "
     "1 would have indicated a greater hazard in women.<sup>[1]</sup>",
     "A model with an interaction term yielded an HR of 1.02 (95% CI 0.95 to 1.09) and was significantly above "
     "1.<sup>[1]</sup>"),
    # effect modification: the association did not differ by a subgroup
    ("Low levels were associated with lower mortality (HR 0.71, 95% CI 0.67 to 0.76), and this association did not "
     "differ by sex.<sup>[1]</sup>",
     "Mortality (HR 0.71, 95% CI 0.67 to 0.76) did not differ between the groups.<sup>[1]</sup>"),
    # results by stratum with the interaction test between them
    ("Stratified by supplementation we found no difference (no supplement OR = 0.49, 95% CI = 0.23 to 1.04; "
     "supplemented OR = 0.46, 95% CI = 0.22 to 0.96; p for interaction = 0.93).<sup>[1]</sup>",
     "We found no difference (supplemented OR = 0.46, 95% CI = 0.22 to 0.96; p = 0.03).<sup>[1]</sup>"),
    # a relative clause reporting a further, attenuated result
    ("Intake was statistically significantly associated with lower risk (RR: 0.78; 95% CI: 0.64, 0.94), which was "
     "attenuated after multivariable adjustment (RR: 0.88; 95% CI: 0.72, 1.07).<sup>[1]</sup>",
     "Intake was statistically significantly associated with lower risk (RR: 0.78; 95% CI: 0.64, 0.94) and after "
     "multivariable adjustment (RR: 0.88; 95% CI: 0.72, 1.07).<sup>[1]</sup>"),
])
def test_wording_that_is_no_claim_on_the_result(clean, positive):
    assert _messages(clean, "EST201") == []
    assert len(_messages(positive, "EST201")) == 1


# --- EST301 / EST302: counts of people ------------------------------------------------------------------------

_CHILDREN = ("The samples were taken from a total of 433 children: 212 were paired samples at 6 and 18 months, 121 were "
             "paired samples at 12 and 24 months, samples from 74 children were collected four times, while from "
             "another {n} children only one sample was used.<sup>[1]</sup>")


def test_counts_of_people_printed_after_the_arms_complete_the_total():
    assert _messages(_CHILDREN.format(n=26), "EST301") == []  # 212 + 121 + 74 + 26 = 433
    assert _messages(_CHILDREN.format(n=16), "EST301") == ["the arms 212 + 121 add up to 333, not the stated total 433"]


def test_those_who_did_not_attend_or_were_not_enrolled_are_no_arms():
    clean = ("Of 379 eligible female subjects, 334 (88.1%) were enrolled; 45 refused, 15 had moved away, 16 did not "
             "attend the visit and 25 were not enrolled because the target had been reached.<sup>[1]</sup>")
    assert _messages(clean, "EST301") == []
    positive = "Of 379 female subjects, 16 were vaccinated and 25 were controls.<sup>[1]</sup>"
    assert _messages(positive, "EST301") == ["the arms 16 + 25 add up to 41, not the stated total 379"]


def test_a_number_word_of_tens_and_units_apart():
    clean = "Fifty three (79%) out of 67 patients thought the symptom would go away.<sup>[1]</sup>"
    assert _messages(clean, "EST302") == []
    positive = "Fifty three (74%) out of 67 patients thought the symptom would go away.<sup>[1]</sup>"
    assert _messages(positive, "EST302") == ["Fifty three of 67 is 79.1%, not the printed 74%"]


# --- Reference entries: a year and a source in forms the reader missed ----------------------------------------

def _ref_codes(entry: str, code: str) -> list[str]:
    return [f.code for f in cit_findings("A sentence cites it [1].", [entry], code)]


@pytest.mark.parametrize("clean, positive", [
    # a company's product, then the year, closing the first sentence
    ("Frontline Systems Inc, Risk Solver Platform V10.0, 2010. Nevada USA",
     "Frontline Systems Inc, Risk Solver Platform V10.0. Nevada USA"),
    # the year, then the page the report is cited at
    ("Food and Drug Administration. Guidance for Industry: Irritable Bowel Syndrome. US Department of Health and "
     "Human Services, Center for Drug Evaluation and Research (CDER), 2012: 17.",
     "Food and Drug Administration. Guidance for Industry: Irritable Bowel Syndrome. US Department of Health and "
     "Human Services, Center for Drug Evaluation and Research (CDER): 17."),
])
def test_a_year_in_a_report_or_product_entry(clean, positive):
    assert parse_entry(1, clean, 1).year in (2010, 2012)
    assert _ref_codes(clean, "REF111") == []
    assert _ref_codes(positive, "REF111") == ["REF111"]


@pytest.mark.parametrize("clean, positive", [
    # agencies' acronyms authoring a joint report are its issuing bodies
    ("UNICEF, WHO. Progress on Sanitation and Drinking Water: 2010 Update. 2010.",
     "Unicef W, Who A. Progress on Sanitation and Drinking Water: 2010 Update. 2010."),
    # a general journal's one-word name after its volume
    ("Qar Z, et al. Maternal and child undernutrition: what works? 371: The Lancet, 2008.",
     "Qar Z, et al. Maternal and child undernutrition: what works? 2008."),
])
def test_a_source_named_by_its_issuing_bodies_or_a_one_word_journal(clean, positive):
    assert _ref_codes(clean, "REF113") == []
    assert _ref_codes(positive, "REF113") == ["REF113"]


# --- CIT2xx / CIT3xx: who a sentence names and what it counts -------------------------------------------------

_REFS = ["zhao2017", "frey2017", "buchbinder2009"]


@pytest.mark.parametrize("source", ["the National Bureau of Statistics (2009)", "the World Health Survey (2009)"])
def test_an_agency_or_a_survey_dated_in_a_list_of_data_sources_is_no_author(source):
    body = f"Rates were taken from several sources, including {source} [3]."
    assert [f.message for f in cit_findings(body, _REFS, "CIT201") if "2009" in f.message] == []
    # Positive case: a surname in that place is an author whose year the cited entry lacks.
    wrong = "Rates were taken from several sources, including Zhao (2009) [3]."
    assert [f.code for f in cit_findings(wrong, _REFS, "CIT201")] == ["CIT201"]


def test_an_opening_count_whose_markers_back_a_later_clause():
    clean = ("All three trials were of the highest reporting quality, indicating that known sources of bias are "
             "unlikely to occur [1, 2].")
    assert cit_findings(clean, _REFS, "CIT301") == []
    positive = "All three trials were of the highest reporting quality [1, 2]."
    assert [f.code for f in cit_findings(positive, _REFS, "CIT301")] == ["CIT301"]


# --- Markers ----------------------------------------------------------------------------------------------------

def test_a_bracket_holding_the_authors_names_and_the_number_cites_it():
    found, _ = scan_line("data from [Sayal *et al* 32]; the formula in [Donner and Klar 33] gives the factor")
    assert [(r.raw, r.inner) for r in found] == [("[Sayal *et al* 32]", "32"), ("[Donner and Klar 33]", "33")]
    # Clean case: one capitalised word before a number is a label, not a name.
    assert scan_line("as shown in [Table 2] at [Grade 3]")[0] == []


def _paren_document(caption_marks: bool) -> str:
    note = "**TABLE {n}** Characteristics of the cohorts<sup>1</sup>" if caption_marks else \
        "The cohorts were described before<sup>{n}</sup>."
    body = "\n\n".join(
        [f"Flavonoids inhibit growth ({n}). Intake was measured ({n + 3})." for n in (1, 2, 3)]
        + [note.format(n=n) for n in (1, 2, 3)])
    refs = "\n".join(f"{n}. Roe A. Study {n}. *J Nutr*. 2010;{n}:1-9." for n in range(1, 7))
    return f"# Article\n\n## Introduction\n\n{body}\n\n## References\n\n{refs}\n"


def test_raised_numbers_on_table_captions_do_not_outvote_parenthesised_citations():
    doc = parse_policy(_paren_document(caption_marks=True), "a.md")
    assert sorted({n for m in doc.markers for n in m.numbers if "(" in m.raw}) == [1, 2, 3, 4, 5, 6]
    # Positive case: raised numbers in the prose itself still make the parentheses doubtful.
    doc = parse_policy(_paren_document(caption_marks=False), "a.md")
    assert [m.raw for m in doc.markers if "(" in m.raw] == []


def test_six_sizes_in_one_clause_break_the_people_down_and_are_no_arms():
    from tests.test_est_trials import TRIAL, run
    clean = (TRIAL + "The diagnoses were breast cancer (n = 60), colorectal cancer (n = 110), lung cancer (n = 50), "
             "pancreatic cancer (n = 40), gynecological cancer (n = 30) and head and neck cancer (n = 50).")
    assert run(clean, "EST304") == []
    # Positive case: two arms' sizes that miss the total are still reported.
    positive = TRIAL + "It compared the device (n=118) with sham (n=112)."
    assert [f.code for f in run(positive, "EST304")] == ["EST304"]


def test_a_sentence_pointing_at_the_documents_own_figure_reports_its_own_study():
    from tests.test_est_trials import TRIAL, run
    clean = TRIAL + "Of them, 130 were randomized to the device and 122 to sham (Fig 1)."
    assert run(clean, "EST304") == []
    # Positive case: without the pointer the numbers are the cited trial's, and they miss its total.
    positive = TRIAL + "Of them, 130 were randomized to the device and 122 to sham."
    assert [f.code for f in run(positive, "EST304")] == ["EST304"]


# --- Entries' first author and year ------------------------------------------------------------------------------

def test_a_date_exported_with_numeric_month_and_day_is_the_entrys_year():
    raw = ("Ferlay J, Soerjomataram I. Cancer incidence worldwide: major patterns in GLOBOCAN 2012. Int J Cancer. "
           "2015 3 1;136(5):E359-86.")
    e = parse_entry(1, raw, 1)
    assert (e.year, e.volume, e.source) == (2015, "136", "Int J Cancer")
    # Clean case: without the month and day the same entry read the same way already.
    assert parse_entry(1, raw.replace("2015 3 1;", "2015;"), 1).year == 2015


@pytest.mark.parametrize("raw, first", [
    ("Hudgins LC, Hellerstein MK, Neese R a, Hirsch J. Fatty acid synthesis in lean and obese subjects. J Lipid Res. "
     "2000;41:595-604.", "Hudgins"),  # a second initial exported in small letters
    ("Ngoan le T, Lua NT, Hang LT. Cancer mortality pattern in Viet Nam. Asian Pac J Cancer Prev. 2007;8(4):535-8.",
     "Ngoan le"),  # a surname ending in a small particle
    ("Winter W De, DeJongh J, Post T. A disease progression model. J Pharmacokinet Pharmacodyn. 2006;33:313-43.",
     "Winter"),  # PubMed's particle after the initials, capitalised
])
def test_author_lists_with_small_letters_after_the_surname(raw, first):
    assert parse_entry(1, raw, 1).surnames[0] == first
    # Clean case: a title's 'Le Fort' after an ordinary list is no author.
    assert parse_entry(1, "Smith J, Doe A. Use of the Le Fort osteotomy. J Med. 2006;33:313-43.", 1).surnames == \
        ("Smith", "Doe")


def test_a_body_named_first_and_again_as_publisher_is_the_author():
    e = parse_entry(1, "StataCorp. Stata Statistical Software: Release 14. College Station, TX: StataCorp LP, 2015.", 1)
    assert (e.organisation, e.surnames, e.year) == ("StataCorp", (), 2015)
    # Clean case: a person who published their own book is still a person.
    assert parse_entry(1, "Smith J. A book about things. London: Smith J; 2014.", 1).surnames == ("Smith",)


def test_would_after_a_comma_leaves_the_claim_standing():
    # 'would' in a later clause is no hypothetical about the claimed result.
    body = ("Mortality was significantly reduced (HR 1.20, 95% CI 0.90 to 1.50), which would support the "
            "treatment.<sup>[1]</sup>")
    assert len(_messages(body, "EST201")) == 1


def test_a_comparison_arm_that_did_not_undergo_the_treatment_is_still_an_arm():
    body = ("Twelve studies were identified with a total of 1,328 patients (768 underwent operation and 540 did not "
            "undergo operation).<sup>[1]</sup>")
    assert _messages(body, "EST301") == ["the arms 768 + 540 add up to 1308, not the stated total 1,328"]
