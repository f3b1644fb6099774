"""Forms met in corpus 25 (60 reports of trials and other clinical studies from 60 journals other than PLOS, one a
journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean case; the
texts are made here."""
from __future__ import annotations

from kb.read.acronyms import defined_elsewhere, fits
from kb.read.author_year import AuthorYearIndex, scan_author_year
from kb.read.parse_policy import parse_policy
from kb.read.author_year_list import read_entry
from tests.formtools import codes_of, in_results, markers_in


def _entry(raw: str):
    return parse_policy(f"# T\n\n## A\n\nText [1].\n\n## References\n\n1. {raw}\n", "f.md").references[0]


# --- author-year citations -------------------------------------------------------------------------------------------

_VET = AuthorYearIndex([
    read_entry(1, "Hartmann T., Brandt D. J., Ruiz C. E. (2010a) Treatment of itching dogs. Vet Dermatol 21, 4-22", 1),
    read_entry(2, "Hartmann T., Okoye A. P., Lindqvist R. S. (2010b) Trials for itching dogs. Vet Dermatol 21, 23-31", 2),
    read_entry(3, "Keller P., Yamada S. (2004) Fatty acids in dogs. Vet Rec 155, 1-5", 3),
])


def _cited(text: str, index=_VET) -> list[str]:
    return [m.inner for m in scan_author_year(text, index)]


def test_and_others_stands_for_et_al_in_an_author_year_citation():
    """The Veterinary Record's '(Hartmann and others 2010a, b)' and 'Hartmann and others (2010b)'."""
    assert _cited("Fatty acids help (Keller and Yamada 2004, Hartmann and others 2010a, b).") == ["3, 1, 2"]
    assert _cited("As Hartmann and others (2010b) showed, they help.") == ["2"]
    # Clean: words that are no names before a year stay unread.
    assert _cited("Fatty acids help (since others 2010).") == []


def test_a_year_s_letter_in_italics_is_read():
    """'(Hartmann *et al.* 2010*b*)': the list prints '(2010*b*)', the text the same."""
    index = AuthorYearIndex([
        read_entry(1, "Hartmann T, Brandt DJ, Ruiz CE (2010*a*). Treatment of itching dogs. Vet Dermatol 21, 4-22", 1),
        read_entry(2, "Hartmann T, Okoye AP, Lindqvist RS (2010*b*). Trials for itching dogs. Vet Dermatol 21, 23-31", 2),
    ])
    assert _cited("A trial (Hartmann *et al.* 2010*b*) and another (Hartmann *et al.* 2010*a*).", index) == ["2", "1"]
    # Clean: plain letters still tell the two apart.
    assert _cited("A trial (Hartmann *et al.* 2010b).", index) == ["2"]


# --- markers ----------------------------------------------------------------------------------------------------------

def test_a_range_in_brackets_after_previous_studies_and_a_comma_cites():
    """'In agreement with previous studies, (14-17) our data demonstrate ...'."""
    assert markers_in("In agreement with previous studies, (14-17) our data demonstrate it.") == ["14-17"]
    # Clean: a list's item after a comma is no citation, nor one number after 'studies,'.
    assert markers_in("We did three things, (1) we read and (2) we wrote.") == []
    assert markers_in("Among the studies, (1) one was small.") == []


def test_a_range_after_a_mean_and_its_sd_is_no_marker():
    """'8.5\u00b12.1 (7\u201310) days': the mean's range, in an article citing '(10)'."""
    assert markers_in("The mean time was 8.5\u00b12.1 (7\u201310) days in group B and 12.5\u00b13.53 (10\u201315) days "
                      "in group A.") == []
    # Clean: a range of numbers that does not hold the mean cites.
    assert markers_in("The mean was 8.5\u00b12.1 (17\u201319) in earlier work.") == ["17\u201319"]


def test_a_raised_number_after_a_unit_of_mass_cites():
    """'20 mg/kg<sup>19</sup>', '2400 mg <sup>3</sup>': no mass is squared, cubed or raised to the 19th power."""
    assert markers_in("A dose of 10 mg/kg<sup>17,18</sup> or 20 mg/kg<sup>19</sup> was given.") == ["17,18", "19"]
    assert markers_in("Kinetics are linear from 300 to 2400 mg <sup>3</sup>. Efficacy was shown.") == ["3"]
    # Clean: lengths are squared and cubed.
    assert markers_in("An area of 3 km<sup>2</sup> and a volume of 5 cm <sup>3</sup> were measured.") == []


def test_a_raised_number_of_five_or_more_after_a_bracketed_name_cites():
    """'brief (3A)<sup>12</sup> versus intensive (5A)<sup>16</sup>', 'creatinine (3-MH/Cr) <sup>18</sup>'."""
    assert markers_in("The aim is to compare brief (3A)<sup>12</sup> versus intensive (5A)<sup>16</sup> care.") == [
        "12", "16"]
    assert markers_in("It was measured as 3-methylhistidine/creatinine (3-MH/Cr) <sup>18</sup> and TTR.") == ["18"]
    # Clean: a square, and a formula with its signs, stay powers.
    assert markers_in("The terms (2ab)<sup>2</sup>, (1 + r)<sup>10</sup> and (x-y)<sup>6</sup> were summed.") == []


# --- counts -----------------------------------------------------------------------------------------------------------

def test_a_later_stage_first_is_the_total_of_the_counts_after_it():
    """'Of the 841 men who were randomized, 826 were included in the analysis reported here; 410 had FI and 416 did
    not': 826 is a later stage, not an arm beside 416."""
    text = "Of the 841 men who were randomized in the trial, 826 were included in the analysis reported here; {}."
    assert in_results(text.format("410 had FI and 416 did not"), "EST301") == []
    # Positive: the counts after the later stage must add up to it.
    assert in_results(text.format("400 were given FI and 416 were not"), "EST301") == [("EST301", "warning")]
    # Clean: with no later stage, the two counts after the total are its arms.
    assert in_results("Of the 841 men who were randomized, 420 were assigned to FI and 416 were assigned to no FI.",
                      "EST301") == [("EST301", "warning")]


def test_parts_before_a_sentence_on_the_remaining_need_not_add_up():
    """'Of the 800 patients, 56 received only A, 3 received only B and 1 received only C. Of the remaining patients,
    690 received A + B ...'."""
    first = "Of the 800 patients, 56 received only rFSH, 3 received only HMG and 1 received only hFSH."
    assert in_results(first + " Of the remaining patients, 690 received rFSH + HMG and 50 other drugs.",
                      "EST301") == []
    # Clean: without the sentence on the rest, the parts fall short of the total ('the other outcomes' is no rest).
    assert in_results(first + " The doses were low.", "EST301") == [("EST301", "warning")]
    assert in_results(first + " The other outcomes were alike.", "EST301") == [("EST301", "warning")]


def test_a_count_after_out_of_with_other_things_between_counts_attempts():
    """'the minimum intensity which produced five motor evoked potentials >50 \u03bcV out of ten trials [1]': ten
    stimuli, not ten studies."""
    text = "# T\n\n## Methods\n\n{}\n\n## References\n\n1. Rossi S. Safety of stimulation. *Clin Neurophysiol*. 2009;1:1-5.\n"
    assert codes_of(text.format("Threshold was the minimum intensity which produced five motor evoked potentials "
                                ">50 \u03bcV out of ten trials [1]."), "CIT301") == []
    # Clean: 'four out of seven trials' counts studies.
    assert codes_of(text.format("The effect was positive in four out of seven trials [1]."), "CIT301") == [
        ("CIT301", "warning")]


# --- acronyms ---------------------------------------------------------------------------------------------------------

def test_an_x_may_stand_for_a_word_opening_with_ex():
    """'Anger Expression Scale (AXS)'."""
    assert fits("AXS", ("Anger", "Expression", "Scale"))
    # Clean: an X the name does not hold at all does not fit.
    assert not fits("AXS", ("Anger", "Scale", "Score"))
    text = "# T\n\n## Methods\n\nWe used the Anger {} Scale (AXS) at entry.\n"
    assert codes_of(text.format("Expression"), "DOC111") == []
    assert codes_of(text.format("Reporting"), "DOC111") != []


def test_a_national_body_named_in_translation_is_only_info():
    """'the Spanish Society of Pneumology and Thoracic Surgery (SEPAR)': the acronym of its Spanish name."""
    text = "# T\n\n## Methods\n\nWe followed the guidelines of the {} Society of Pneumology and Thoracic Surgery (SEPAR).\n"
    assert codes_of(text.format("Spanish"), "DOC111") == [("DOC111", "info")]
    # Clean: an English-speaking body's slip stays a warning.
    assert codes_of(text.format("Southern"), "DOC111") == [("DOC111", "warning")]


def test_a_list_of_abbreviations_with_equals_signs_defines_them():
    """'ACR = American College of Rheumatology, ..., RCT = randomized controlled trial, ...'."""
    assert {"ACR", "RCT"} <= defined_elsewhere("ACR = American College of Rheumatology, RA = rheumatoid arthritis, "
                                               "RCT = randomized controlled trial, SS = Sjogren syndrome")
    text = ("# T\n\n## Abbreviations\n\nACR = American College of Rheumatology, RA = rheumatoid arthritis, {}, "
            "SS = Sjogren syndrome.\n\n## Results\n\nEfficacy has been shown in numerous placebo-controlled "
            "randomized trials (RTC) conducted in patients.\n")
    assert codes_of(text.format("RCT = randomized controlled trial"), "DOC112") == []
    # Clean: RCT listed without its words is used undefined, a slip away from RTC.
    assert codes_of(text.format("RCT"), "DOC112") == [("DOC112", "warning")]
    # Clean: a value after an equals sign defines nothing.
    assert defined_elsewhere("The ratio was ABC = 5, and XYZ = total score.") == set()


# --- reference entries ------------------------------------------------------------------------------------------------

def test_a_later_surname_in_lower_case_keeps_the_author_list():
    """'Rossato M, Di Virgilio F, Rizzuto R, galeazzi C, Foresta C. Title. Journal. 2001;...'."""
    entry = _entry("Rossato M, Di Virgilio F, Rizzuto R, galeazzi C, Foresta C. Calcium store depletion in sperm. "
                   "Mol Hum Reprod. 2001;7:119-28.")
    assert entry.first_author == "Rossato" and entry.title == "Calcium store depletion in sperm"
    # Clean: a title in lower case after the names is still the title.
    entry = _entry("Smith A, Jones B. mRNA in cells. J Cell. 2001;1:1-5.")
    assert entry.surnames == ("Smith", "Jones") and entry.title == "mRNA in cells"


def test_a_company_in_one_word_or_a_service_heads_the_entry():
    """'StataCorp. Stata Statistical Software, 13 edn. ...', 'EngenderHealth. No-scalpel vasectomy ...',
    'American Guidance Service. Minnesota Rate of Manipulation Test ...'."""
    assert _entry("StataCorp. Stata Statistical Software, 13 edn. College Station, TX, 2013.").organisation == \
        "StataCorp"
    assert _entry("EngenderHealth. No-scalpel vasectomy: a guide for surgeons. New York, NY; 2003.").organisation == \
        "EngenderHealth"
    assert _entry("American Guidance Service. Rate of Manipulation Test: Manual. Circle Pines, MN; 1969."
                  ).organisation == "American Guidance Service"
    # Clean: a surname alone, or with a prefix, is no company.
    assert _entry("McDonald. A trial of things. J Med. 2001;1:1-5.").organisation is None


def test_a_personal_communication_needs_no_title():
    """'LaSCA Screening Agency Personal Communication. 2016.'."""
    text = "# T\n\n## A\n\nText [1].\n\n## References\n\n1. {}\n"
    assert codes_of(text.format("Screening Agency Personal Communication. 2016."), "REF112") == []
    # Clean: a journal entry with no title is still reported.
    assert codes_of(text.format("Smith A, Jones B. *N Engl J Med*. 2009;361:557-68."), "REF112") == [
        ("REF112", "warning")]
