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


# Geisinger heads its criteria by condition ('Genetic Syndromes', 'Cystic Fibrosis'), Oscar's 'Clinical Indications'
# came out of its PDF as a plain line: no section named for criteria, so none was read (0 of 22, 0 of 24).
GEISINGER = """# Geisinger Health Plan Policies and Procedure Manual

## Genetic Syndromes

General Indications: Genetic testing for inheritable diseases is considered to be medically necessary when:

- There is a reasonable expectation that a genetically inherited condition exists; and
- The test results will guide treatment decisions.

## Cystic Fibrosis

Genetic testing of the CFTR gene may be considered medically necessary when one or more of the following criteria are met:

- Member with a negative sweat test who exhibit symptoms of CF

## Background

Testing is considered medically necessary when results change management (Smith, 2020).

## References

Smith J. A study of testing. J Med. 2020;3:1-2.
"""


def test_sections_that_decide_coverage_in_a_payers_voice_hold_the_criteria():
    doc = parse_policy(GEISINGER, "p.md")
    tops = [s for s in doc.statements if s.parent is None]
    assert [(s.text[:25], s.category) for s in tops] == [
        ("General Indications: Gene", "medically necessary"), ("Genetic testing of the CF", "medically necessary")]
    assert [s.parent for s in doc.statements if s.parent] == ["P1", "P1", "P2"]


def test_an_articles_mention_of_medical_necessity_is_no_criterion():
    article = """# Hospital use after surgery

## Methods

We asked whether each stay was medically necessary and counted stays of two days or more.

## Results

Of 200 stays, 80 were judged medically necessary by two reviewers; investigational drugs were not used.

## References

1. Smith J. A study of stays. J Med. 2020;3:1-2.
"""
    assert parse_policy(article, "a.md").statements == ()


def test_an_article_that_concludes_or_quotes_in_a_payers_voice_decides_nothing():
    """A research article concluding that a referral 'may not be considered medically necessary', or quoting an
    insurer, states no coverage criteria (folder 18's whiplash study, folder 29's Lyme disease review)."""
    article = """# Physical therapy after whiplash injury

## Introduction

Whiplash injuries are common.

## Methods

We followed 120 patients for a year.

## Results

Range of motion improved in both groups.

## Conclusion

Thus, a referral for physical therapy may not be considered medically necessary for restoring range of motion.

## Misinterpretation of the trials

One company policy states that IV therapy beyond 28 days is considered experimental for Lyme disease.

## References

1. Smith J. A study of therapy. J Med. 2020;3:1-2.
"""
    assert parse_policy(article, "a.md").statements == ()
    # Positive: the same wording in a policy's own section, with no article parts around it, is read.
    policy = "# Medical Policy\n\n## Physical Therapy\n\n" + article.split("## Conclusion\n\n")[1]
    assert [s.category for s in parse_policy(policy, "p.md").statements if s.parent is None][:1] == [
        "not medically necessary"]


def test_a_modal_before_not_negates_the_category():
    from kb.read.criteria_words import category_of
    for text in ("Testing may not be considered medically necessary.", "Testing will not be medically necessary.",
                 "Testing is not considered to be medically necessary."):
        assert category_of(text) == "not medically necessary", text
    # clean: a 'not' elsewhere in the sentence leaves the category as it is
    assert category_of("Testing may be considered medically necessary when it does not duplicate a test.") == \
        "medically necessary"


def test_a_plain_remark_inside_an_outline_keeps_the_outline_going():
    policy = """# Medical Policy Criteria

I. Vertebroplasty may be considered medically necessary when all of the following:
  A. Treatment of no more than three fractures when all of the following are met:

1. Appropriate imaging has been performed; and
2. Functional impairment is documented.

Clinical records must specifically document the following:

- a. The specific instrumental ADL that is impaired; and
3. A pre-procedure assessment has documented the absence of contraindications.

# References

1. Smith J. A study. 2020.
"""
    ids = [s.id for s in parse_policy(policy, "p.md").statements]
    assert "I.A.3" in ids and ids[0] == "I"


def test_an_algorithm_that_considers_a_thing_beside_experimental_data_decides_nothing():
    article = """# Melting transitions

## Fitting

We used the SIDD algorithm, which considers only strand separation, to fit the experimental data on the melting.

## References

1. Smith J. A study of melting. J Mol Biol. 2020;3:1-2.
"""
    assert parse_policy(article, "a.md").statements == ()
