"""Paragraphs and list items of the running text, with their lines and list labels."""
from kb.read.parse_policy import parse_policy

TEXT = """# Acme

## EVIDENCE

Smith (2020) ran a trial.<sup>[1]</sup> It found
no effect.

The society recommended:

1. Widgets for patients with knee pain
2. and swelling (Class IIA).
- a. At rest; or
- Imaging report

### REFERENCES

1. Smith AB. A widget trial. *Knee*. 2020;1(2):3-4.
"""


def test_paragraphs_keep_lines_labels_and_clean_text():
    doc = parse_policy(TEXT, "p.md")
    got = [(p.line, p.end_line, p.label, p.text) for p in doc.paragraphs]
    assert got == [
        (5, 6, None, "Smith (2020) ran a trial. [1] It found no effect."),
        (8, 8, None, "The society recommended:"),
        (10, 10, "1", "Widgets for patients with knee pain"),
        (11, 11, "2", "and swelling (Class IIA)."),
        (12, 12, "a", "At rest; or"),
        (13, 13, "-", "Imaging report"),
    ]
    assert all(p.section_id == "evidence" for p in doc.paragraphs)


def test_reference_list_is_not_a_paragraph():
    doc = parse_policy(TEXT, "p.md")
    assert not any("widget trial" in p.text for p in doc.paragraphs)


def test_bundled_split_list_items_are_two_paragraphs(bundled_kb):
    by_line = {p.line: p for p in bundled_kb.doc.paragraphs}
    assert by_line[294].label == "1" and by_line[294].text.endswith("for patients with cancer")
    assert by_line[295].label == "2" and by_line[295].text.startswith("and disabling back pain")
    assert (by_line[176].end_line, by_line[264].label) == (176, None)
