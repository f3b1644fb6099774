"""Forms met in corpus 32 (60 numbered-citation trial and review reports from 60 journals other than PLOS, one a
journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean case; the
texts are made here."""
from __future__ import annotations

from tests.formtools import in_results, markers_in


def test_a_sentence_s_bracketed_list_of_criteria_is_no_run_of_citations():
    """'excluded: [1] age under 16 years or over 70 years; [2] received antibiotic and/or PPI treatment(s) within 2
    weeks of study commencement; ... or [6] suspected ...': long items, a stop inside *H. pylori*, 'or' before the
    last bracket."""
    line = ("Patients were excluded: [1] age under 18 years; [2] received an antibiotic and/or a proton pump "
            "inhibitor within 2 weeks of the start of the study; [3] a history of *H. pylori* eradication; or [4] "
            "suspected malignant disease.")
    assert markers_in(line) == []
    # Positive: citations after their claims are read, numbered in order or not.
    assert markers_in("Ulcers heal on treatment [1]; relapse is common after it [2]; resistance grows [3].") == [
        "1", "2", "3"]


def test_a_row_of_counts_each_with_its_percentage_in_the_next_cell_holds_no_citation():
    """'| Smoking | Non | 34 | (23) | 114 | (77) | 0.999 |': the n (%) layout of a table split over two cells."""
    assert markers_in("| Smoking | Non | 34 | (23) | 114 | (77) | 0.999 |") == []
    # Positive: a cell holding only a number in parentheses after a study's name cites, even after a count.
    assert markers_in("| Smith | 120 | (12) |") == ["12"]


def test_number_words_joined_by_hyphens_are_read_whole_not_by_their_last_word():
    """'Two-hundred-fifty of 1,063 (23.5%) patients': 250/1063; 'fifty of 1,063' would be 4.7%."""
    assert in_results("Two-hundred-fifty of 1,063 (23.5%) patients allocated to coiling were dead or dependent at "
                      "1 year.", "EST302") == []
    # Positive: a lone number word of the same denominator is still checked.
    assert in_results("Fifty of 1,063 (23.5%) patients allocated to coiling were dead or dependent at 1 year.",
                      "EST302") == [("EST302", "warning")]
