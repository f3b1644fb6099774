"""EST201: words that govern one result and not the next (found when more printed forms were read in held-out
folders 13, 20 and 22), each beside the case that is still reported."""
from __future__ import annotations

from tests.formtools import in_results


def test_a_word_of_the_other_direction_after_a_result_starts_the_next_results_claim():
    text = ("Digoxin conferred reduced mortality in men (absolute difference -1.6%, 95% CI -4.2% to -1.0%) and "
            "increased mortality in women (absolute difference 4.2%, 95% CI -0.5% to 8.8%).")
    assert in_results(text, "EST201") == []
    # positive: the first result's interval includes 0 under 'reduced'
    assert in_results(text.replace("-4.2% to -1.0%", "-4.2% to 1.0%"), "EST201") == [("EST201", "error")]


def test_an_exception_after_no_difference_is_the_result():
    text = ("Use of the devices was not different except for less use of a car seat among intervention mothers "
            "(9.5% vs. 16.4%, p=.04, OR .54, 95% CI .30-.95).")
    assert in_results(text, "EST201") == []
    assert in_results(text.replace(" except for less use of a car seat", ""), "EST201") == [("EST201", "error")]


def test_a_claim_after_a_result_with_its_own_numbers_is_another_comparisons():
    text = ("Changes of bronchiectasis were more frequent in patients (19 (21%) vs. 9 (9%); P = 0.032, OR 2.49 "
            "(CI 1.1–5.8)), with no difference in prevalence of symptomatic disease (6 (7%) vs. 3 (3%), P = 0.32).")
    assert in_results(text, "EST201") == []
    # positive: the same words with no result of their own may be this one's
    assert in_results(text.replace(" (6 (7%) vs. 3 (3%), P = 0.32)", ""), "EST201") == [("EST201", "error")]


def test_a_reduction_that_might_be_is_hedged():
    text = "Cooling might reduce the total blood loss (MD = -20.6 g, 95% CI = -45.18 to 4.06, p = 0.10)."
    assert in_results(text, "EST201") == []
    assert in_results(text.replace("might reduce", "reduced"), "EST201") == [("EST201", "error")]


def test_one_claim_over_a_list_of_verbs_still_governs_each_result():
    text = ("Kyphoplasty significantly decreased the wedge angle (standard mean difference: 0.98; 95% CI 0.40-1.57), "
            "increased the vertebral height (standard mean difference, -1.27; 95% CI -1.86 to 0.67).")
    assert in_results(text, "EST201") == [("EST201", "error")]
