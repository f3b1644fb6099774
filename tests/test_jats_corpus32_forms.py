"""Forms met in corpus 32 (60 numbered-citation trial and review reports from 60 journals other than PLOS, one a
journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean case; the
texts are made here."""
from __future__ import annotations

from tests.formtools import codes_of, in_results, markers_in


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


def test_one_more_work_named_after_the_count_may_have_a_list_of_adjectives():
    """'Two open-label trials and a randomized, double-blind clinical trial has shown ... (20-22)': 2 + 1 works."""
    text = ("# Review\n\n## Background\n\nSide effects include weight loss and sedation [1]. Two open-label trials and "
            "a randomized, double-blind clinical trial has shown the effectiveness of cinnarizine in reducing the "
            "monthly migraine frequency in adults [2-4]. These studies reported no serious adverse effect.\n\n"
            "## References\n\n1. Smith A. Side effects of drugs. *J Med*. 2001;1:1-5.\n"
            "2. Rossi P. Cinnarizine in migraine prophylaxis: an open-label pilot trial. *Funct Neurol*. 2003;18:155-9.\n"
            "3. Togha M. Open-label trial of cinnarizine in migraine prophylaxis. *Headache*. 2006;46:498-502.\n"
            "4. Togha M. Cinnarizine in refractory migraine prophylaxis: a comparison with sodium valproate. "
            "*J Headache Pain*. 2008;9:77-82.\n")
    assert codes_of(text, "CIT301") == []
    # Positive: without the third work named, two trials do not make three entries.
    assert codes_of(text.replace(" and a randomized, double-blind clinical trial has", " have"), "CIT301") == [
        ("CIT301", "warning")]


def test_a_dose_in_international_units_is_no_arm():
    """'17,614 healthy adults ... an average increase of 12 nmol/L per 1000 IU for daily dosing interval of 0 to
    1000 IU': IU is a unit, not an arm's short name ('17 AIT')."""
    text = ("A review of recordings of 17,614 healthy adults found an average increase of 12 nmol/L per 1000 IU for a "
            "daily dosing interval of 0 to 1000 IU.")
    assert in_results(text, "EST301") == []
    # Positive: counts before arms' short names that do not make the total.
    assert in_results("A review of recordings of 17,614 healthy adults found 1000 AIT and 1000 MVIT.", "EST301") == [
        ("EST301", "warning")]


def test_a_book_s_place_and_publisher_set_off_by_commas_name_its_source():
    """'Klauer KJ. Handbuch kognitives Training, Göttingen: Hogrefe, 2001.' (a <mixed-citation> printed as is)."""
    text = ("# Trial\n\n## Methods\n\nEffect sizes were calculated according to Klauer [1].\n\n## References\n\n"
            "1. Klauer KJ. Handbuch kognitives Training, Göttingen: Hogrefe, 2001.\n")
    assert codes_of(text, "REF113") == []
    # Positive: the title and year alone name no source.
    assert codes_of(text.replace(", Göttingen: Hogrefe", ""), "REF113") == [("REF113", "warning")]
