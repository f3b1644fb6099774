"""Forms met in corpus 21 (60 trial reports, 34 from journals other than PLOS and 26 PLOS ONE / PLoS Clinical Trials,
read first as they came). Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, in_results, markers_in


def test_a_median_and_its_quartiles_split_by_a_semicolon_in_a_cell_are_no_citation():
    """'| Pain before surgery | 35.0 [15; 40] |': European journals print the quartiles with a semicolon."""
    assert markers_in("| Pain score before surgery | 35.0 [15; 40] | 23.0 [12; 30] | 0.23 |") == []
    # Positive: a pair that does not hold the value before it cites.
    assert markers_in("| Pain score | 5.0 [15; 40] |") == ["15; 40"]


def test_a_raised_list_spaced_like_bmj_holds_its_ranges():
    """'<sup>11 42\u201344</sup>': a space where other journals print a comma, before a range too."""
    assert markers_in("more appealing to families.<sup>11 42\u201344</sup> The leaders were bilingual.") \
        == ["11, 42\u201344"]
    assert markers_in("good mental health.<sup>20\u201323 46</sup> Studies suggest") == ["20\u201323, 46"]
    # Clean: a comma-separated list reads as before, and a lone range too.
    assert markers_in("more appealing to families.<sup>11, 42\u201344</sup> The") == ["11, 42\u201344"]
    assert markers_in("as before.<sup>42\u201344</sup> The") == ["42\u201344"]


def test_a_decrease_printed_by_size_with_its_interval_from_the_smaller_decrease_is_a_note():
    """'HbA1c declined by 0.7% (95% CI: -0.4 to -1.0%)': the bounds in order of size around 0.7."""
    assert in_results("HbA1c declined by 0.7% (95% CI: -0.4 to -1.0%) in the diet group.", "EST101") == [
        ("EST101", "info")]
    # Positive: the same bounds around a size outside them, or with no words for the direction, stay errors.
    assert in_results("HbA1c declined by 0.7% (95% CI: -0.2 to -0.5%) in the diet group.", "EST101") == [
        ("EST101", "error")]
    assert in_results("HbA1c changed by -0.7% (95% CI: -0.4 to -1.0%) in the diet group.", "EST101") == [
        ("EST101", "error")]


def test_one_size_for_each_of_several_arms_is_not_summed():
    """'17 into WALK and 16 into each of the MVIT and AIT groups': 16 is two arms' size."""
    assert in_results("The 49 participants were randomized as follows; 17 into WALK and 16 into each of the MVIT and "
                    "AIT groups.", "EST301") == []
    # Positive: three arms of their own that do not add up.
    assert in_results("The 49 participants were randomized as follows; 17 into WALK, 16 into MVIT and 10 into AIT.",
                    "EST301") == [("EST301", "warning")]


def test_arm_sizes_given_as_name_n_equals_are_not_read_across_the_comma():
    """'WALK n = 17, AIT n = 16, MVIT n = 16': the name after a comma opens the next item, so '17, AIT' is no arm."""
    assert in_results("Intention to treat population N = 49; WALK n = 17, AIT n = 16, MVIT n = 16.", "EST301") == []
    # Positive: arms in parentheses that do not add up are still read.
    assert in_results("Intention to treat population N = 49 (WALK, n = 17; AIT, n = 16; MVIT, n = 10).", "EST301") == [
        ("EST301", "warning")]


_REFS = "\n".join(f"{i}. Author{chr(64 + i)} A. A randomized trial number {i}. *J Med*. 2001;1:{i}-5."
                  for i in range(1, 7))


def _count(sentence: str):
    return codes_of(f"# Fitness\n\n## Background\n\n{sentence}\n\n## References\n\n{_REFS}\n", "CIT301")


def test_a_count_may_be_of_the_run_of_markers_closing_the_sentence():
    """'Two earlier trials ... an objective measure [1], and a predictor of mortality [2],[3], as their primary
    outcome [4],[5]': the markers inside cite the words beside them; the closing run holds the two trials."""
    assert _count("Two earlier trials in inactive adults measured maximal oxygen uptake, an objective measure of "
                  "fitness [1], and a predictor of mortality [2],[3], as their primary outcome [4],[5].") == []
    # Positive: a closing run of one entry, or one marker for the whole sentence, that does not hold the count.
    assert _count("Two earlier trials in inactive adults measured fitness [1], and a predictor of mortality [2],[3], "
                  "as their primary outcome [4].") == [("CIT301", "warning")]
    assert _count("Two earlier trials in inactive adults measured maximal oxygen uptake as their primary outcome "
                  "[1]-[3].") == [("CIT301", "warning")]


def _acronyms(body: str):
    return codes_of("# Bone\n\n## Methods\n\nRaloxifene is a selective estrogen receptor modulator (SERM).\n\n" + body
                     + "\n\n## References\n\n1. Smith A. Bone. *J Bone*. 2001;1:1-5.\n", "DOC112")


def test_the_standard_error_of_the_mean_needs_no_definition():
    assert _acronyms("Values are presented as least squares means \u00b1 SEM unless otherwise noted.") == []
    # Positive: a slip of the defined acronym is still reported.
    assert _acronyms("The SRM dose was doubled after four weeks.") == [("DOC112", "warning")]


def _entry(entry: str):
    return codes_of("# Eating\n\n## Discussion\n\nIt is common [1].\n\n## References\n\n1. " + entry + "\n", "REF113")


def test_a_report_closing_with_its_institute_in_another_language_is_unsure_of_its_source():
    assert _entry("Garcia A, Lopez B. Trastornos del sue\u00f1o en adolescentes de Madrid [Sleep disorders in "
                  "adolescents in Madrid] Documentos T\u00e9cnicos de Salud P\u00fablica, Instituto de Salud "
                  "P\u00fablica 2003; 85.") == [("REF113", "info")]
    # Positive: the same entry without its institute names no source.
    assert _entry("Garcia A, Lopez B. Trastornos del sue\u00f1o en adolescentes de Madrid [Sleep disorders in "
                  "adolescents in Madrid] 2003; 85.") == [("REF113", "warning")]


def _years(*entries: str) -> list:
    text = ("# T\n\n## Body\n\n" + " ".join(f"Text [{i}]." for i in range(1, len(entries) + 1)) + "\n\n## References"
            "\n\n" + "\n".join(f"{i}. {e}" for i, e in enumerate(entries, 1)) + "\n")
    return [r.year for r in parse_policy(text, "fixture.md").references]


def test_a_year_before_a_volume_and_pages_split_by_a_comma_or_a_psycinfo_number_is_the_year():
    assert _years("Able CL, Baker FW. Networks and cooperation in foragers. Nature 2012: 481, 497\u2013499.",
                  "Cole JB, Dale DJ. Wise additions to clinical practice. J Psychother Integr. 2016: "
                  "2016-24946-001. doi: 10.1037/int0000038",
                  "Eden JH, Fox NA. The spread of calm in a network. BMJ 2008: 337, a2338 doi: 10.1136/bmj.a2338",
                  "Gale JJ, Hart JE. Tie strength online. PLOS One 2013: 8(1), e52168") == [2012, 2016, 2008, 2013]
    # Clean: a number before pages ('2093: 1-10') is a volume, and a record number of another year is no sign.
    assert _years("Able CL. A title. Some Journal 2093: 1-10.",
                  "Cole JB. Wise additions. J Psychother Integr. 2016: 2015-24946-001.") == [None, None]
