"""The whole parse on small synthetic policies: sections, criteria, sentences, codes."""
from kb.read.parse_policy import parse_policy

POLICY = """# Acme Health

## ***Widget Therapy for Knees***

**Effective:** January 1, 2027

**Next Review:** June 2027

### MEDICAL POLICY CRITERIA

#### Medically Necessary

- I. Widget therapy may be considered **medically necessary** when all of the following are met:
  - A. Knee pain for six weeks; and
1. Imaging done; and
2. Pain documented:
- a. at rest; or
- b. at night; and
  - B. Failed physiotherapy.

## Investigational

- II. Widget therapy is considered **investigational** for all other uses.

## REQUIRED DOCUMENTATION

- Imaging report
- Notes covering criteria I.A.1-2

## EVIDENCE

Smith (2020) ran a trial of 40 patients.<sup>[1]</sup> It found no effect
(MD = 0.1; 95% CI, -0.2 to

0.4). Jones et al. pooled two trials.<sup>[2, 3]</sup> See also e.g. the review by Roe.<sup>[1-3]</sup>

## CODES

Codes\tNumber\tDescription
CPT\t20999\tUnlisted procedure
HCPCS\tC9999\tWidget device

### REFERENCES

1. Smith AB, Doe C. A widget trial. *Knee*. 2020;1(2):3-4. PMID: 111
2. Jones D, et al. Widgets pooled: a meta-analysis. *Rev*. 2021;5:6-7. PMID: 222
3. Roe E. Widget review. *Rev*. 2019;4:1-2.
"""


def doc():
    return parse_policy(POLICY, "widget.md")


def test_metadata_and_title():
    d = doc()
    assert d.title == "Widget Therapy for Knees"
    assert d.metadata["effective"] == "January 1, 2027"
    assert d.metadata["next_review"] == "June 2027"


def test_criteria_outline_comes_from_label_kinds_not_indentation():
    ids = [s.id for s in doc().statements]
    assert ids == ["I", "I.A", "I.A.1", "I.A.2", "I.A.2.a", "I.A.2.b", "I.B", "II"]


def test_criteria_categories_and_parents():
    st = {s.id: s for s in doc().statements}
    assert st["I.A.2.b"].parent == "I.A.2"
    assert st["I.A.2.b"].category == "medically necessary"
    assert st["II"].category == "investigational"
    assert st["I.A.1"].text == "Imaging done; and"


def test_sections_have_paths_and_spans():
    d = doc()
    evidence = next(s for s in d.sections if s.title == "EVIDENCE")
    assert evidence.id == "evidence"  # a sibling of the title heading, both level 2
    assert evidence.line < evidence.end_line


def test_markers_have_lines_columns_and_sentences():
    d = doc()
    assert [m.numbers for m in d.markers] == [(1,), (2, 3), (1, 2, 3)]
    first = d.markers[0]
    assert d.lines[first.line - 1][first.column - 1:].startswith("<sup>[1]")
    assert d.sentences[first.sentence_index].text.startswith("Smith (2020) ran a trial")


def test_sentence_broken_by_a_page_break_is_joined():
    d = doc()
    s = next(s for s in d.sentences if s.text.startswith("It found no effect"))
    assert "-0.2 to 0.4)" in s.text
    assert s.end_line > s.line


def test_abbreviation_does_not_end_a_sentence():
    d = doc()
    assert any(s.text.startswith("See also e.g. the review by Roe.") for s in d.sentences)


def test_reference_list_and_codes():
    d = doc()
    assert [r.number for r in d.references] == [1, 2, 3]
    assert d.references[1].first_author == "Jones"
    assert [(c.system, c.code) for c in d.codes] == [("CPT", "20999"), ("HCPCS", "C9999")]


def test_required_documentation_items():
    assert [t for _, t in doc().documentation] == ["Imaging report", "Notes covering criteria I.A.1-2"]


def test_crlf_and_bom_parse_the_same():
    crlf = parse_policy("\ufeff" + POLICY.replace("\n", "\r\n"), "x.md")
    assert [m.numbers for m in crlf.markers] == [m.numbers for m in doc().markers]
    assert [s.id for s in crlf.statements] == [s.id for s in doc().statements]


def test_no_reference_list_is_a_problem_not_an_exception():
    d = parse_policy("# Title\n\nSome text.<sup>[1]</sup>\n", "x.md")
    assert d.references == ()
    assert [p.kind for p in d.problems] == ["no-reference-list"]


def test_empty_and_odd_text_never_raise():
    for text in ("", "\n\n", "###", "- I.", "<sup>[</sup>", "1. \n2."):
        parse_policy(text, "x.md")


def test_a_numbered_list_label_is_not_a_sentence_of_its_own():
    from kb.read.prose import split_sentences

    text = "1. Kyphoplasty in selected patients is superior. It works."
    assert [text[a:b].strip() for a, b in split_sentences(text)] == [
        "1. Kyphoplasty in selected patients is superior.", "It works."]


def test_a_lone_top_heading_is_the_issuer_even_when_it_is_long():
    doc = parse_policy("# Example Health Plan West\n\n## ***Widgetplasty for Back Pain***\n\n### Criteria\n", "p.md")
    assert (doc.metadata["issuer"], doc.title) == ("Example Health Plan West", "Widgetplasty for Back Pain")
    alone = parse_policy("# Widgetplasty for Back Pain\n\nText.\n", "p.md")
    assert (alone.metadata["issuer"], alone.title) == (None, "Widgetplasty for Back Pain")
