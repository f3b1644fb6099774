"""Coverage criteria in the wordings of laboratory and genetic-testing policies (Avalon's, Humana's, Capital Blue
Cross's, BCBS Massachusetts'): each form a small synthetic policy written for the test beside a clean case."""
from __future__ import annotations

from kb.read.criteria_words import category_of
from tests.test_criteria_issuers import outline

AVALON = """# Genetic Testing for a Condition

## I. Policy Description

A condition of the pancreas.

## II. Indications and/or Limitations of Coverage

1) For individuals under 20 years of age, genetic testing **MEETS COVERAGE CRITERIA** when at least one of the following
conditions is met:
  a) For individuals with recurrent attacks.
  b) For individuals with a relative with the condition.

2) For all other situations not described above, genetic testing **DOES NOT MEET COVERAGE CRITERIA**.

## III. Scientific Background

Studies [1] describe the condition.
"""


def test_meets_and_does_not_meet_coverage_criteria_are_categories():
    assert outline(AVALON) == [("1", None, "medically necessary"), ("1.a", "1", "medically necessary"),
                               ("1.b", "1", "medically necessary"), ("2", None, "not covered")]
    assert category_of("genetic testing DOES NOT MEET COVERAGE CRITERIA") == "not covered"
    # clean: the words about criteria that decide nothing ('the criteria of a trial') give no category
    assert category_of("participants met the inclusion criteria") is None


POLICY_HEADING = """# Medical Policy: Genetic Testing for a Condition

## {heading}

Genetic testing for the condition is considered medically necessary for patients with abnormal iron indices.

Screening of the general population is considered investigational.

## Rationale

Studies [1] describe the condition.
"""


def test_a_policy_heading_with_its_outline_number_or_an_endnote_mark_holds_the_criteria():
    for heading in ("I. POLICY", "Policy1 Commercial Members: Managed Care (HMO and POS), PPO, and Indemnity"):
        assert outline(POLICY_HEADING.format(heading=heading)) == [
            ("P1", None, "medically necessary"), ("P2", None, "investigational")], heading
    # clean: a policy's number or its history under a 'Policy' heading is no criteria region (a section under
    # its number whose own text decides coverage in a payer's voice is still read, as any such section is:
    # kb.read.criteria_voice; a history never is)
    from kb.read.criteria_find import CRITERIA_HEADING
    for heading in ("Policy Number 557", "Policy History 2024"):
        assert not CRITERIA_HEADING.search(heading), heading
    assert outline(POLICY_HEADING.format(heading="Policy History 2024")) == []


HUMANA = """# Medical Coverage Policy

## Coverage Determination

Humana members may be eligible under the Plan for **genetic testing** when the following criteria are met:

- Results will change clinical management; **AND**
- Pre- and post-test genetic counseling

## Coverage Limitations

Humana members may **NOT** be eligible under the Plan for **genetic testing** for any of the following:

- Polygenic risk scores
- SNP panels

These are considered experimental/investigational as they are not widely used.

## Coding Information

Codes.
"""


def test_eligible_under_the_plan_and_a_closing_sentence_giving_the_lists_category():
    # 'These are considered experimental/investigational' after the list is its statement's category, not a statement
    assert outline(HUMANA) == [("P1", None, "medically necessary"), ("P1.1", "P1", "medically necessary"),
                               ("P1.2", "P1", "medically necessary"), ("P2", None, "experimental"),
                               ("P2.1", "P2", "experimental"), ("P2.2", "P2", "experimental")]
    # clean: without the closing sentence 'may NOT be eligible' is not medically necessary, and a sentence naming
    # a category after a paragraph that opened no list is a statement of its own
    plain = HUMANA.replace("These are considered experimental/investigational as they are not widely used.\n", "")
    assert [c for _, _, c in outline(plain)][3] == "not medically necessary"
    alone = HUMANA.replace("for any of the following:\n\n- Polygenic risk scores\n- SNP panels\n",
                           "for DNA banking.\n")
    assert [(i, c) for i, p, c in outline(alone) if p is None] == [
        ("P1", "medically necessary"), ("P2", "not medically necessary"), ("P3", "experimental")]
