"""A guideline's numbered recommendations (NICE's '1.2.1 Offer structured education ...') read as its statements:
the number a PDF sets in the margin beside the first line joins that line, and a region headed 'Recommendations'
gives one top statement per number, for or against or pointing elsewhere. Each form has a positive and a clean
case."""
from __future__ import annotations

from kb.importers.pdf import _lines
from kb.read.criteria_words import recommendation_category
from kb.read.parse_policy import parse_policy


def _glyph(text: str, x: float, bottom: float, size: float) -> dict:
    return {"text": text, "x0": x, "x1": x + 0.5 * size, "top": bottom - size, "bottom": bottom, "size": size,
            "fontname": "Sans", "space_before": False}


def _run(text: str, x: float, bottom: float, size: float) -> list[dict]:
    return [_glyph(ch, x + 0.5 * size * i, bottom, size) for i, ch in enumerate(text)]


def test_a_margin_number_beside_a_first_line_opens_that_line():
    # NICE: '1.3.1' at x 40 in 10 pt, its box a little above the 12 pt line's, the text from x 91
    chars = (_run("1.3.1", 40, 185.3, 10) + _run("Provide individualised and ongoing advice", 91.5, 186.5, 12)
             + _run("from a healthcare professional.", 91.5, 204.5, 12))
    texts = [line.text for line in _lines(chars, [], 1)]
    assert texts == ["1.3.1 Provide individualised and ongoing advice", "from a healthcare professional."]


def test_a_decimal_beside_a_figures_axis_letter_stays_apart():
    # clean: '2.0' on an axis beside a panel letter is no label of a line of words
    chars = _run("2.0", 40, 185.3, 10) + _run("c", 80, 186.5, 12)
    assert sorted(line.text for line in _lines(chars, [], 1)) == ["2.0", "c"]
    # and a number alone on its line with no words level with it stays where it is
    lone = _run("1.3.1", 40, 185.3, 10) + _run("Provide individualised and ongoing advice", 91.5, 204.5, 12)
    assert [line.text for line in _lines(lone, [], 1)][0] == "1.3.1"


GUIDELINE = """# Type 2 diabetes in adults

## Overview

This guideline covers care for adults with type 2 diabetes.

## Recommendations

People have the right to be involved in decisions about their care.

### 1.1 Education

1.1.1 Offer structured education to adults with type 2 diabetes at diagnosis. [2009]

1.1.2 Ensure that any structured education programme:

- is evidence-based
- is delivered by trained educators

### 1.2 Drug treatment

1.2.1 Do not offer rosiglitazone. [2015]

1.2.2 For guidance on managing kidney disease, see the guideline on chronic kidney disease. [2015]

## Recommendations for research

1.3.1 Research the effects of stopping drug treatments.
"""


def outline(text: str):
    return [(s.id, s.parent, s.category) for s in parse_policy(text, "g.md").statements]


def test_each_numbered_recommendation_is_a_top_statement_with_its_stance():
    assert outline(GUIDELINE) == [("1.1.1", None, "recommended"), ("1.1.2", None, "recommended"),
                                  ("1.1.2.1", "1.1.2", "recommended"), ("1.1.2.2", "1.1.2", "recommended"),
                                  ("1.2.1", None, "not recommended"), ("1.2.2", None, "other")]


def test_numbered_paragraphs_outside_a_recommendations_section_are_no_statements():
    # clean: the same paragraphs under a results heading, and one numbered paragraph alone under 'Recommendations'
    assert outline(GUIDELINE.replace("## Recommendations\n", "## Results\n")) == []
    single = GUIDELINE.split("1.1.2 Ensure")[0].replace("## Recommendations for research", "")
    assert outline(single) == []


def test_the_stance_of_a_recommendation_is_read_from_its_opening_words():
    assert recommendation_category("Offer metformin as first-line treatment.") == "recommended"
    assert recommendation_category("Do not routinely offer self-monitoring.") == "not recommended"
    assert recommendation_category("Insulin pumps are not recommended for adults with type 2 diabetes.") \
        == "not recommended"
    assert recommendation_category("For further guidance on eye disease, see the NICE guideline on retinopathy.") \
        == "other"
    assert recommendation_category("See NICE's guidelines on end of life care for adults.") == "other"
    # clean: advice that mentions other guidance in passing is a recommendation
    assert recommendation_category("Offer advice on diet, and see the person again in 3 months.") == "recommended"


SPLIT = """# Suspected cancer

## Recommendations organised by site of cancer

### 1.1 Lung cancer

1.1.1 Refer people using a suspected cancer pathway referral for lung cancer if their chest X-ray suggests it.

1.1.2 Offer an urgent chest X-ray to people aged 40 and over with unexplained haemoptysis.

## Recommendations on patient support

### 1.2 Safety netting

1.2.1 Explain to people who are being referred that they are being referred to a cancer service.

## Recommendations organised by symptom

| Symptom | Possible cancer | Recommendation |
| --- | --- | --- |
| Haemoptysis | Lung | Offer an urgent chest X-ray [1.1.2] |

## Recommendations for research

1.3.1 Research the value of a symptom checklist.
"""


def test_recommendations_under_several_headings_are_one_list():
    assert [(s.id, s.category) for s in parse_policy(SPLIT, "g.md").statements] == [
        ("1.1.1", "recommended"), ("1.1.2", "recommended"), ("1.2.1", "recommended")]


WHO = """# WHO guidelines for the clinical management of arboviral diseases

## 3 Methods

### 3.2 Making recommendations

WHO recommends that guideline groups use GRADE; this paragraph is methods, not a recommendation.

## 4 Recommendations for patients with non-severe disease

4.1.1 Evidence to decision

4.1 Screening and triage.................................................. 17

Conditional recommendation for
WHO suggests the use of protocolized oral fluid treatment in patients with non-severe disease.

The evidence was of low certainty (a remark).

Strong recommendation against
WHO recommends against the use of non-steroidal anti-inflammatory medications in patients with arboviral disease.

Interim guidance (Published 10 June 2022)
WHO recommends that antibiotic therapy NOT be used in patients with uncomplicated lesions.

## 5 Research priorities

WHO suggests more trials.
"""


def test_a_who_guidelines_recommendation_sentences_are_its_statements():
    # numbered titles and contents lines under the heading are no recommendations; remarks and methods are none
    assert [(s.id, s.category) for s in parse_policy(WHO, "w.md").statements] == [
        ("R1", "recommended"), ("R2", "not recommended"), ("R3", "not recommended")]


def test_sentences_that_only_mention_a_body_recommending_are_no_statements():
    # clean: outside a recommendations heading, or opening otherwise, the same words give nothing
    assert parse_policy(WHO.replace("## 4 Recommendations for patients", "## 4 Care of patients"), "w.md").statements == ()
    assert recommendation_category("Offer metformin; the committee does not suggest otherwise.") == "recommended"


def test_a_recommendations_text_is_its_own_words_without_the_box_label_or_the_remarks_run_on_after_it():
    text = WHO.replace("in patients with non-severe disease.\n",
                       "in patients with non-severe disease. [Conditional recommendation, low certainty evidence]. "
                       "• Monitoring of hydration should be performed in all patients.\n")
    first, second, third = parse_policy(text, "w.md").statements
    assert first.text == ("WHO suggests the use of protocolized oral fluid treatment in patients with non-severe "
                          "disease. [Conditional recommendation, low certainty evidence].")
    assert second.text.startswith("WHO recommends against the use of non-steroidal")
    # clean: a recommendation printed without a box label or a strength keeps every word
    assert third.text == "WHO recommends that antibiotic therapy NOT be used in patients with uncomplicated lesions."
