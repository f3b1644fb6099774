"""REF101-103: gaps, repeats and disorder in the reference list's numbering."""
from kb.checks.ref_numbering import duplicate_number, numbering_gap, numbering_out_of_order

from .policy_text import GOOD_ENTRIES, make_policy, run_rule

FIVE = GOOD_ENTRIES + ["Okafor N. Knee widgets in practice: a case series. *Knee*. 2012;19(4):300-5. PMID: 22000002"]


def lines_of(text):
    return {n: i for i, n in enumerate(text.split("\n"), 1)}


def test_clean_list_has_no_numbering_findings():
    text = make_policy(FIVE)
    for rule in (numbering_gap, duplicate_number, numbering_out_of_order):
        assert run_rule(rule, text) == []


def test_gap_is_reported_on_the_entry_after_it():
    text = make_policy(FIVE, numbers=[1, 2, 4, 5, 6])
    (f,) = run_rule(numbering_gap, text)
    assert f.citations == (4,) and f.severity == "error"
    assert text.split("\n")[f.line - 1].startswith("4. ")
    assert f.message.startswith("reference 3 is missing: the list goes from 2 to 4")
    assert "restore reference 3" in f.suggestion


def test_gap_of_several_numbers_and_at_the_start():
    (f,) = run_rule(numbering_gap, make_policy(FIVE, numbers=[1, 2, 6, 7, 8]))
    assert f.message.startswith("references 3\u20135 are missing")
    (g,) = run_rule(numbering_gap, make_policy(FIVE, numbers=[3, 4, 5, 6, 7]))
    assert "the list starts at 3" in g.message and g.citations == (3,)


def test_duplicate_number_names_the_earlier_entry():
    text = make_policy(FIVE, numbers=[1, 2, 3, 3, 4])
    (f,) = run_rule(duplicate_number, text)
    assert f.citations == (3,) and "American College of Radiology" in f.message
    assert f"at line {f.line - 1}" in f.message and "Rossi 2020" in f.message
    assert run_rule(numbering_out_of_order, text) == []  # a repeat is not also "out of order"


def test_one_misplaced_entry_is_one_finding():
    (f,) = run_rule(numbering_out_of_order, make_policy(FIVE, numbers=[1, 2, 4, 3, 5]))
    assert f.severity == "warning" and f.citations in {(3,), (4,)}
    entries = FIVE + FIVE[:3]
    (g,) = run_rule(numbering_out_of_order, make_policy(entries, numbers=[1, 2, 3, 10, 4, 5, 6, 7]))
    assert g.citations == (10,) and "after reference 3" in g.message


def test_bundled_list_is_numbered_1_to_76_without_findings(bundled_kb):
    for rule in (numbering_gap, duplicate_number, numbering_out_of_order):
        assert list(rule.func(bundled_kb)) == []
