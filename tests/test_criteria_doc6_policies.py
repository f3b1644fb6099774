"""Coverage statements of the payer policies of /work/corpusdoc6 that kb once misread, each beside its clean case:
a list announced by a long lead, a note's or a limit's list, ... Texts are made here."""
from kb.read.parse_policy import parse_policy


def _tops(policy: str) -> list[tuple[str, str | None]]:
    return [(s.text[:30], s.category) for s in parse_policy(policy, "p.md").statements if s.parent is None]


# Anthem's 'Position Statement': the lead's 'following' stands far from its colon; its lettered items were read
# as top statements of no category.
ANTHEM = """# Position Statement

**Investigational and Not Medically Necessary:**

The following tests or procedures are considered **investigational and not medically necessary** for diagnosing or managing infertility:

A. Endometrial receptivity analysis;
B. Sperm-capacitation test; and
C. Uterine natural killer (uNK) cells test.

# References

1. Bergin K. The use of propensity score matching. Fertil Steril. 2021;116(2):396-403.
"""


def test_items_under_a_statement_ending_in_a_colon_are_its_items():
    doc = parse_policy(ANTHEM, "p.md")
    assert [(s.id, s.parent, s.category) for s in doc.statements] == [
        ("P1", None, "investigational"), ("P1.A", "P1", "investigational"), ("P1.B", "P1", "investigational"),
        ("P1.C", "P1", "investigational")]


def test_labelled_statements_after_a_statement_without_a_colon_stay_statements():
    policy = ANTHEM.replace("infertility:", "infertility.").replace(
        "A. Endometrial receptivity analysis;", "A. Endometrial receptivity analysis is considered medically necessary.")
    tops = _tops(policy)
    assert ("Endometrial receptivity analys", "medically necessary") in tops and len(tops) >= 2


# Healthfirst's 'Note 2: Measurement of hemoglobin A1c should not be performed in any of the following situations:'
# and Molina's '**Frequency Limitations:**' head numbered lists that are no statements.
HEALTHFIRST = """# Indications and/or Limitations of Coverage

  1. For individuals with classic symptoms, measurement of plasma glucose **MEETS COVERAGE CRITERIA**.
  2. For all other situations, measurement of hemoglobin A1c **DOES NOT MEET COVERAGE CRITERIA.**

**Note 2**: Measurement of hemoglobin A1c **should not** be performed in **any** of the following situations:

  1. To test for diabetes in individuals presenting with classic symptoms.
  2. In pregnant individuals without an established diagnosis of diabetes.

**Frequency Limitations:**

  1. Testing is allowed once during the member's lifetime per disease
  2. A second genetic test may be authorized in one of the following circumstances:
        a. The test identifies other mutations

Genetic testing **is NOT considered medically necessary** under the following circumstances:

  1. Testing for informational purposes

# References

1. Selvin E. Measurements of glycemic control. 2022.
"""


def test_a_notes_or_a_limits_list_holds_no_statements():
    assert _tops(HEALTHFIRST) == [("For individuals with classic s", "medically necessary"),
                                  ("For all other situations, meas", "not covered"),
                                  ("Genetic testing is NOT conside", "not medically necessary")]


def test_an_item_deciding_coverage_after_a_lead_that_decides_nothing_is_still_a_statement():
    policy = """# Policy

The following general criteria apply to genetic testing:

I. Genetic testing to establish a diagnosis may be considered medically necessary when all of the following:
   A. The test is valid.
II. Genetic testing for screening is considered not medically necessary.

# References

1. Smith J. A study. 2020.
"""
    doc = parse_policy(policy, "p.md")
    assert [(s.id, s.parent) for s in doc.statements] == [("I", None), ("I.A", "I"), ("II", None)]
