"""Document shape: title and issuer from front matter or the heading structure, never guessed; articles."""
import pytest

from kb.read.parse_policy import parse_policy
from kb.read.shape import ARTICLE, NO_CRITERIA, POLICY, front_matter

REFS = "\n\n## References\n\n1. Smith AB. A title. *J*. 2001;1:1-2.\n"


def shape(text):
    doc = parse_policy(text + REFS, "p.md")
    return doc.title, doc.metadata["issuer"]


def test_front_matter_gives_title_and_issuer_and_is_not_read_as_text():
    text = "---\ntitle: 'Widgetplasty for Back Pain'\npublisher: Example Health Plan\n---\n\n# Other\n\nText [1]."
    doc = parse_policy(text + REFS, "p.md")
    assert (doc.title, doc.metadata["issuer"]) == ("Widgetplasty for Back Pain", "Example Health Plan")
    assert doc.metadata["title_from"] == "front matter"
    assert doc.lines[1] == "title: 'Widgetplasty for Back Pain'"  # the printed text is kept
    assert [s.title for s in doc.sections] == ["Other", "References"]
    assert all("title:" not in s.text for s in doc.sentences)


def test_a_rule_followed_by_text_is_no_front_matter():
    assert front_matter(["---", "Some text that is not a key", "---"]) == ({}, 0)


def test_issuer_above_a_title_that_holds_the_dates():
    assert shape("# Regence\n\n## Widgetplasty\n\n**Effective:** May 2026\n\n## Background\n\nText.") == (
        "Widgetplasty", "Regence")


def test_issuer_above_a_title_that_holds_every_section():
    assert shape("# Example Plan\n\n## Widgetplasty for Back Pain\n\n### Criteria\n\nText.\n\n### Rationale\n\nT.") == (
        "Widgetplasty for Back Pain", "Example Plan")


@pytest.mark.parametrize("text, expected", [
    ("# A Trial of Widgets in Back Pain\n\n## Introduction\n\nText.\n\n## Methods\n\nText.",
     ("A Trial of Widgets in Back Pain", None)),  # a lone top heading is the title, not the issuer
    ("# Regence\n\n## Background\n\nText.", ("Regence", None)),  # a section heading is never the title
    ("# A Review\n\n## Abstract\n\n### Background\n\nText.", ("A Review", None)),
    ("## Background\n\nText.\n\n## Methods\n\nText.", (None, None)),
    ("# Introduction\n\nText.\n\n# Methods\n\nText.", (None, None)),  # several top headings are sections
])
def test_no_guessing_from_a_lone_heading(text, expected):
    assert shape(text) == expected


def test_an_article_without_criteria_is_of_kind_article():
    doc = parse_policy("# A Review\n\n## Introduction\n\nTrials agree [1]." + REFS, "p.md")
    assert doc.metadata["kind"] == ARTICLE and doc.statements == ()
    policy = parse_policy("# Widgets\n\n## Policy Criteria\n\n- I. Widgetplasty may be considered **medically "
                          "necessary** when:\n    - A. pain [1]." + REFS, "p.md")
    assert policy.metadata["kind"] == POLICY


def test_evidence_says_no_criteria_for_an_article(tmp_path, capsys):
    from kb.cli import main

    (tmp_path / "policy.md").write_text("# A Review\n\n## Introduction\n\nTrials agree [1]." + REFS)
    assert main(["evidence", str(tmp_path / "policy.md")]) == 0
    assert capsys.readouterr().out.strip() == NO_CRITERIA
