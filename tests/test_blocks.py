"""The policy's block structure comes from a Markdown parser with line numbers (kb.read.blocks)."""
from kb.read.blocks import headings
from kb.read.parse_policy import parse_policy

BODY = "## Rationale\n\nSham trials found no benefit [1]. A later trial agreed [2].\n\n"
ENTRIES = ("1. Buchbinder R, Osborne RH. A randomized trial. N Engl J Med. 2009;361(6):557-68.\n"
           "2. Kallmes DF, Comstock BA. A randomized trial. N Engl J Med. 2009;361(6):569-79.\n")


def _codes(doc):
    return [p.code for p in doc.problems]


def test_a_setext_references_heading_is_found():
    doc = parse_policy(f"# Policy\n\n{BODY}References\n==========\n\n{ENTRIES}")
    assert "no-reference-list" not in _codes(doc)
    assert [e.number for e in doc.references] == [1, 2]
    assert doc.reference_section.line == 7


def test_a_bold_references_line_is_found():
    doc = parse_policy(f"# Policy\n\n{BODY}**References**\n\n{ENTRIES}")
    assert "no-reference-list" not in _codes(doc)
    assert [e.number for e in doc.references] == [1, 2]


def test_a_hash_line_in_a_code_fence_or_an_html_comment_is_no_section():
    text = (f"# Policy\n\n{BODY}```\n# not a section\n```\n\n<!--\n## hidden draft\n-->\n\n"
            f"## References\n\n{ENTRIES}")
    doc = parse_policy(text)
    assert [s.title for s in doc.sections] == ["Policy", "Rationale", "References"]
    assert [e.number for e in doc.references] == [1, 2]


def test_headings_keep_source_lines():
    found = headings("# A\n\nText\n\nB\n---\n\n**Bold**\n")
    assert [(h.line, h.last_line, h.level, h.text, h.bold) for h in found] == [
        (1, 1, 1, "A", False), (5, 6, 2, "B", False), (8, 8, 0, "**Bold**", True)]


def test_an_ordinary_bold_line_is_no_heading():
    doc = parse_policy(f"# Policy\n\n{BODY}**Note**\n\nMore text.\n\n## References\n\n{ENTRIES}")
    assert [s.title for s in doc.sections] == ["Policy", "Rationale", "References"]


def test_a_comment_never_closed_hides_nothing():
    """CommonMark runs an unclosed comment to the end of the text; the policy's later headings still count."""
    doc = parse_policy(f"# Policy\n\n<!-- never closed\n\n{BODY}## References\n\n{ENTRIES}")
    assert [s.title for s in doc.sections] == ["Policy", "Rationale", "References"]
    assert [e.number for e in doc.references] == [1, 2]
