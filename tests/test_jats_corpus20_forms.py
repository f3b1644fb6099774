"""Forms met in corpus 20 (60 more PLOS trial reports, read first as they came, after folders 17 and 18's fixes).
Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.estimates.claims import claim_for
from tests.formtools import codes_of, in_results, markers_in


def test_a_reference_number_longer_than_a_citation_is_not_cut_to_one():
    """'approved by the Ethics Committee (ref. 13702)': an approval's number, not reference 1370."""
    assert markers_in("Ethics approval was granted by the committee (ref. 13702). All gave consent.") == []
    # Positive: 'ref. 12' cites.
    assert markers_in("as described before (ref. 12).") == ["12"]


def test_a_median_and_its_quartiles_in_a_table_cell_are_no_citation():
    """'| HDL-C (mg/dL), median [IQR] | 42 [35, 54] |': the pair holds the value."""
    assert markers_in("| HDL-C (mg/dL), median [IQR] | 42 [35, 54] | 51 [38, 60] |") == []
    # Positive: a pair that does not hold the number before it cites.
    assert markers_in("| Lipids | 12 [35, 54] |") == ["35, 54"]


def test_no_clinically_meaningful_difference_claims_neither_way():
    text = ("HbA1c was reduced in both groups after 6 weeks with no clinically meaningful difference between "
            "treatments [difference -0.065% (95% CI: -0.495, 0.365)].")
    at = "-0.065% (95% CI: -0.495, 0.365)"
    assert claim_for(text, text.index(at), text.index(at) + len(at), None) == ("", "")
    # Positive: without it, the earlier 'reduced' governs the result.
    text = "HbA1c was reduced in both groups [difference -0.065% (95% CI: -0.495, 0.365)]."
    assert claim_for(text, text.index(at), text.index(at) + len(at), None) == ("significant", "reduced")


def test_the_reasons_for_exclusion_break_down_the_excluded_not_the_total():
    """'Of 152 eligible, 59 were excluded because ... (n = 28); refused (n = 21) or ... (n = 10)'."""
    assert in_results("Out of the initial 152 eligible participants, 59 were excluded because they did not meet the "
                    "inclusion criteria (n = 28); refused to participate (n = 21) or were enrolled in another study "
                    "(n = 10).", "EST301") == []
    # Positive: three arms with no breakdown among them that do not add up.
    assert in_results("Of the 152 participants, 75 received drug A, 60 received drug B and 10 received placebo.",
                    "EST301") == [("EST301", "warning")]


def _acronyms(body: str):
    return codes_of("# Rats\n\n## Methods\n\nWeights were compared by analysis of covariance (ANCOVA).\n\n" + body
                     + "\n\n## References\n\n1. Smith A. Rats. *J Tox*. 2001;1:1-5.\n", "DOC112")


def test_an_analysis_of_variance_needs_no_definition():
    assert _acronyms("A one-way ANOVA with post-hoc t-tests compared all pairs.") == []
    # Positive: a slip of the defined acronym is still reported.
    assert _acronyms("The ANCVA showed no effect of dose.") == [("DOC112", "warning")]


def _entry(entry: str):
    return codes_of("# Games\n\n## Discussion\n\nGames teach [1].\n\n## References\n\n1. " + entry + "\n", "REF113")


def test_a_thesis_closing_with_its_university_is_unsure_of_its_source():
    assert _entry("Montpas M. Comparison of a game versus lecture on nursing students' retention of geriatric nursing "
                  "concepts Wayne State University 2004.") == [("REF113", "info")]
    # Positive: the same entry without its university names no source.
    assert _entry("Montpas M. Comparison of a game versus lecture on nursing students' retention of geriatric nursing "
                  "concepts. 2004.") == [("REF113", "warning")]


def test_a_mimeographed_paper_has_no_source_to_give():
    assert _entry("Chen D (2010) Markets and morality: how does competition affect moral judgment?, mimeo.") == []
    assert _entry("Chen D (2010) Markets and morality: how does competition affect moral judgment?") \
        == [("REF113", "warning")]


def test_initials_glued_to_the_title_end_the_names():
    """'Osumi K, Horiuchi S.Taibanbensyutugono ...': the stop after the last initials ends the names even with no
    space after it, so the entry keeps its title."""
    from kb.read.reference_list import parse_entry

    e = parse_entry(8, "Osumi K, Horiuchi S.Taibanbensyutugono sikyuusyuusyuku no hikaku. J Nurs Res. 2007;11:10-8.", 1)
    assert (e.surnames, e.title) == (("Osumi", "Horiuchi"), "Taibanbensyutugono sikyuusyuusyuku no hikaku")
    # Clean case: initials glued to a journal's abbreviation are left as printed ('Proc Natl Acad Sci U.S.A.').
    e = parse_entry(9, "Smith AB, Jones C. Widgets in mice. Proc Natl Acad Sci U.S.A. 2015;1:1-5.", 1)
    assert (e.surnames, e.title) == (("Smith", "Jones"), "Widgets in mice")
