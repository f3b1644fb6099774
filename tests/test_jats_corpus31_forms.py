"""Forms met in corpus 31 (60 Europe PMC full texts with numbered citations, from clinical and public-health
journals, kept by one data-citation project; read first as they came). Each form has a positive and a clean case;
the texts are made here."""
from __future__ import annotations

from kb.estimates.counts import sample_splits
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, in_results, markers_in

_REFS = ("## References\n\n"
         "1. Brown A, Green B. Oral amoxicillin versus injectable penicillin for severe pneumonia in children: a "
         "randomized controlled trial. *Clin Infect Dis*. 2015;60:1216-24.\n"
         "2. American College of Cardiology. Guideline on the management of blood cholesterol. "
         "*J Am Coll Cardiol*. 2013;63:2889-934.\n"
         "3. White C, Black D. High event rate after coronary intervention in patients with diabetes: a registry "
         "cohort study. *Circ Cardiovasc Interv*. 2016;8:e002328.\n")


def _review(body: str, code: str) -> list[tuple[str, str]]:
    return codes_of(f"# Review\n\n## Discussion\n\n{body}\n\n{_REFS}", code)


def test_a_failure_to_find_a_significant_effect_denies_the_claim():
    """'... failed to identify a significant benefit of the treatment ... (HR = 0.64; 95% CI = 0.38-1.07).'"""
    denied = ("Subgroup analysis failed to identify a significant benefit of the treatment in reducing events "
              "(HR = 0.64; 95% CI = 0.38-1.07).")
    assert in_results(denied, "EST201") == []
    # Positive: the same result claimed significant still disagrees with its interval.
    claimed = ("Subgroup analysis identified a significant benefit of the treatment in reducing events "
               "(HR = 0.64; 95% CI = 0.38-1.07).")
    assert in_results(claimed, "EST201") == [("EST201", "error")]


def test_a_count_of_places_is_not_of_the_people_the_sentence_opens_with():
    """'Of 806 eligible participants from 26 sites ..., 90 (11.2%) participants from 5 (19.2%) sites had ...'."""
    places = ("Of 806 eligible participants from 26 sites enrolled in the trial, 90 (11.2%) participants from "
              "5 (19.2%) sites had blood cultures.")
    assert in_results(places, "EST302") == []
    # Positive: a count of people whose percentage is not of the opening total is still reported.
    people = ("Of 806 eligible participants from 26 sites enrolled in the trial, 90 (19.2%) participants had "
              "blood cultures.")
    assert in_results(people, "EST302") == [("EST302", "warning")]


def test_specimen_kinds_and_dashed_names_are_no_arms():
    """'1 specimen from 65 patients (48 sera, 19 CSF) or controls (237 sera, 20 CSF), all tested by ... all 5
    NIF–IgG CBAs'."""
    legend = ("Each row represents 1 specimen from 65 patients (48 sera, 19 CSF) or controls (237 sera, 20 CSF), "
              "all tested by both assays and all 5 NIF\u2013IgG CBAs.")
    assert sample_splits(legend) == []
    # Positive: counts before arms' short names still split a total.
    arms = "Of 65 patients, 19 AIT, 20 MVIT and 5 WALK completed the programme."
    assert sample_splits(arms) == [("65", 3, (("19", 19), ("20", 20), ("5", 5)))]


_TECCU = ("# Trial\n\n## Methods\n\nWe evaluated a web system\u2014*Telemonitorizaci\u00f3n de la Enfermedad de "
          "Crohn y Colitis Ulcerosa* or Telemonitoring of Crohn's Disease and Ulcerative Colitis ({abbr})\u2014in "
          "patients with complex disease.\n")


def test_an_acronym_read_off_the_first_of_two_names_joined_by_or_fits():
    """'... Telemonitorización de la Enfermedad de Crohn y Colitis Ulcerosa* or Telemonitoring of Crohn's Disease and
    Ulcerative Colitis (TECCU)'."""
    assert codes_of(_TECCU.format(abbr="TECCU"), "DOC111") == []
    # Positive: an acronym neither name gives is still reported.
    assert codes_of(_TECCU.format(abbr="TQCU"), "DOC111") != []


def test_a_body_whose_guidelines_were_cited_above_is_not_the_marker_s_source():
    """'As outlined in the ACC guidelines mentioned above, ... around 3-4% per year [3].'"""
    pre = "The American College of Cardiology (ACC) issued new guidelines on cholesterol in 2013 [2]. "
    back = (pre + "As outlined in the ACC guidelines mentioned above, the likely role for these agents is in patients "
            "whose annual cardiovascular event rate might be around 3-4% per year [3].")
    assert _review(back, "CIT203") == []
    # Positive: the body named without the back-reference still disagrees with the registry study cited.
    plain = (pre + "As outlined in the ACC guidelines, the likely role for these agents is in patients whose annual "
             "cardiovascular event rate might be around 3-4% per year [3].")
    assert _review(plain, "CIT203") == [("CIT203", "error")]


def test_a_study_of_the_cited_entry_s_year_named_in_the_sentence_makes_the_body_only_a_note():
    """'The 2015 results of a Kenyan trial ... prompted a change ... to align with the new WHO guidance in 2016
    [11].' (11 is the 2015 trial)."""
    named = ("The 2015 results of a Kenyan trial also suggesting equivalence prompted a change in national "
             "guidelines to align with the American College of Cardiology guidance in 2016 [1].")
    assert _review(named, "CIT203") in ([], [("CIT203", "info")])
    # Positive: without the study of that year the body stays an error.
    unnamed = ("National guidelines changed to align with the American College of Cardiology guidance in 2016 "
               "[1].")
    assert _review(unnamed, "CIT203") == [("CIT203", "error")]


def test_a_stop_typed_after_the_number_in_a_bracket_still_cites():
    """'a scoping review [17] which included studies by Carr et al. [16.] and Freibert et al. [36]'."""
    assert markers_in("which included studies by Carr et al. [16.] and Freibert et al. [36], concluded") == ["16", "36"]
    # Clean: a decimal in brackets is still no marker.
    assert markers_in("the value fell in [1.5] units and [0.5, 1.5] elsewhere") == []


def test_a_raised_two_after_a_quantity_divided_by_is_its_power():
    """'body mass index (BMI = weight/height<sup>2</sup> (kg/m<sup>2</sup>)) was calculated'."""
    assert markers_in("body mass index (BMI = weight/height<sup>2</sup> (kg/m<sup>2</sup>)) was calculated") == []
    # Positive: a higher raised number after the same words cites, and so does a raised 2 after a plain word.
    assert markers_in("as weight/height<sup>14</sup> and in adults' height<sup>2</sup> was measured") == ["14", "2"]


_ENTRY = "# Review\n\n## Methods\n\nWe followed the report [1].\n\n## References\n\n1. {}\n"


def test_the_journal_s_year_beats_a_year_the_title_holds():
    """'... in the British 1946 birth cohort. Lancet (1994) 344(8934):1398-402' (Frontiers), '... in France from, 2002
    to 2008. BEH InVS. 2012;10-11:125.' (a volume range)."""
    frontiers = ("Jones P, Rodgers B, Murray R, Marmot M. Child development risk factors for adult schizophrenia in "
                 "the British 1946 birth cohort. Lancet (1994) 344(8934):1398\u2013402")
    vancouver = ("De Peretti C, Chin F, Tuppin P. Trends in annual incidence of hospitalized stroke in France from, "
                 "2002 to 2008. BEH InVS. 2012;10\u201311:125.")
    assert parse_policy(_ENTRY.format(frontiers), "f.md").references[0].year == 1994
    assert parse_policy(_ENTRY.format(vancouver), "f.md").references[0].year == 2012
    # Clean: without the journal's details the title's year is still the only one.
    assert parse_policy(_ENTRY.format("Jones P. The British 1946 birth cohort. London: HMSO."),
                        "f.md").references[0].year == 1946


def test_a_list_s_first_item_after_a_word_is_no_citation():
    """'twin studies might contribute to (1) validate the GxE interaction postulate, (2) quantify the relative
    effect ...', 'Studies were eligible if (1) they used neuroimaging ..., (2) they were original studies'."""
    assert markers_in("twin studies might contribute to (1) validate the postulate, (2) quantify the effect") == []
    assert markers_in("Studies were eligible if (1) they used imaging, (2) they were original, and (3) reported") == []
    # Positive: a citation (1) with no second item after it cites, and so does one beside a later citation (2).
    assert markers_in("as twin studies have shown (1), the effect is heritable (2).") == ["1", "2"]
    # Positive: '(1)' closing a sentence cites, though a list's '(2)' opens a later one.
    assert markers_in("observed in men over 60 (1). Risk rises with age, (2) the first factor, and diet.") == ["1"]


def test_a_number_in_parentheses_before_the_line_says_sd_still_cites():
    """'... observed in 90 percent of men over 60 (1). ... The mean (SD) age was 62 (7) years.' (folder 24, read
    after folder 30's form for an SD the line announces)."""
    line = "Common in men over 60 (1). In our cohort the mean (SD) age was 62 (7) years and weight 80 (12) kg."
    assert markers_in(line) == ["1"]
    # Clean: after the line has said its parentheses hold an SD, a smaller number after a value is that SD.
    assert markers_in("The mean (SD) age was 62 (7) years.") == []
