"""DOC101-102: cross-references to criteria and item ranges."""
from kb.checks.doc_xref import criterion_not_found, item_range_mismatch

from .policy_text import make_policy, run_rule

CRITERIA = """- I. Widget therapy may be considered **medically necessary** when all of the following (A or B) are met:
  - A. Knee pain for six weeks, when all of the following (1 - 3) criteria are met:

1. Imaging done; and
2. Pain documented; and
3. No contraindication:
  - a. Infection; and
  - b. Bleeding disorder; and
  - c. Allergy to the device; or
  - B. Failed physiotherapy.

## Investigational

- II. Widget therapy is considered **investigational** for all other uses."""


def policy(body: str, criteria: str = CRITERIA) -> str:
    return make_policy(body=body, criteria=criteria)


def test_references_that_exist_and_ranges_that_match_are_clean():
    body = ("Reviewers check the contraindications in criteria I.A.3. a-c and criterion I.B. "
            "Criteria I.A.1-2 need imaging, and criteria I.A.3.b-c are the rarest.<sup>[1]</sup>")
    assert run_rule(criterion_not_found, policy(body)) == []
    assert run_rule(item_range_mismatch, policy(body)) == []


def test_reference_to_a_missing_criterion_is_an_error():
    text = policy("Reviewers check criteria I.A.6 before approval.<sup>[1]</sup>")
    (f,) = run_rule(criterion_not_found, text)
    assert f.severity == "error" and "criterion I.A.6, which does not exist; I.A has items 1\u20133" in f.message
    line = text.split("\n")[f.line - 1]
    assert line[f.column - 1:].startswith("criteria I.A.6")


def test_range_past_the_end_of_a_list_is_an_error():
    (f,) = run_rule(criterion_not_found, policy("See criteria I.A.3. a-e for details.<sup>[1]</sup>"))
    assert "names item I.A.3.e, which does not exist; I.A.3 has items a\u2013c" in f.message


def test_range_that_stops_short_of_the_list_is_a_warning():
    (f,) = run_rule(item_range_mismatch, policy("- Assessment of contraindications in criteria I.A.3. a-b"))
    assert f.severity == "warning" and "leaving out c" in f.message and "write a\u2013c" in f.suggestion


def test_own_range_that_does_not_match_the_items_below():
    wrong = CRITERIA.replace("(1 - 3)", "(1 - 4)")
    (f,) = run_rule(item_range_mismatch, policy("Text.<sup>[1]</sup>", wrong))
    assert "criterion I.A announces items '(1 - 4)', but its items are 1\u20133" in f.message
    assert run_rule(criterion_not_found, policy("Text.<sup>[1]</sup>", wrong)) == []


def test_bundled_policy(bundled_kb):
    """Line 81 says 'criteria I.A.5. a-i' while I.A.5 lists a (line 51) to k (line 62);
    'criteria (A or B)' (line 35) and '(1 \u2013 5)' (line 36) match the items printed below them."""
    assert list(criterion_not_found.func(bundled_kb)) == []
    (f,) = item_range_mismatch.func(bundled_kb)
    assert (f.line, f.column) == (81, 81) and "a\u2013k" in f.message and "j\u2013k" in f.message
