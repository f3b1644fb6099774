"""Criteria printed without labels, as many issuers print them: paragraphs that state a coverage category."""
from __future__ import annotations

from kb.read.criteria import read_statements
from kb.read.parse_policy import parse_policy

POLICY = """# Minimally Invasive Approaches to Vertebral Fractures

## POLICY:

Percutaneous vertebroplasty may be considered medically necessary for painful osteoporotic fractures.

Percutaneous sacroplasty is considered investigational for all indications.

Balloon kyphoplasty may be considered medically necessary for the following conditions:

- Osteoporotic vertebral fractures that failed six weeks of conservative treatment.
- Severe pain due to osteolytic lesions of the spine.

See the Key Points for details.

- A bullet after a paragraph that names no category is not an item.

## KEY POINTS:

Two trials found no benefit.<sup>[1]</sup>

## REFERENCES:

1. Buchbinder R. A randomized trial of vertebroplasty. N Engl J Med. 2009;361:557-68.
"""


def test_paragraphs_that_state_a_category_are_statements_and_announced_bullets_their_items():
    doc = parse_policy(POLICY, "p.md")
    assert [(s.id, s.parent, s.category) for s in doc.statements] == [
        ("P1", None, "medically necessary"), ("P2", None, "investigational"), ("P3", None, "medically necessary"),
        ("P3.1", "P3", "medically necessary"), ("P3.2", "P3", "medically necessary")]
    assert doc.statements[3].text.startswith("Osteoporotic vertebral fractures") and doc.statements[3].line == 11


def test_a_policy_heading_alone_heads_the_criteria_but_a_title_naming_policy_does_not():
    titled = POLICY.replace("## POLICY:", "## Medical Policy Notes")
    assert parse_policy(titled, "p.md").statements == ()
    assert len(parse_policy(POLICY.replace("## POLICY:", "## Position Statement"), "p.md").statements) == 5


def test_labelled_items_keep_their_labels_beside_the_unlabelled_paragraphs_that_state_a_category():
    labelled = POLICY.replace("Percutaneous vertebroplasty may", "I. Percutaneous vertebroplasty may")
    assert [s.id for s in parse_policy(labelled, "p.md").statements] == ["I", "P1", "P2", "P2.1", "P2.2"]


def test_paragraphs_without_a_category_are_not_statements():
    region = [(1, "Coverage depends on the member's benefit plan."), (2, ""), (3, "- Prior authorization applies.")]
    assert read_statements(region, lambda line: None)[0] == []
