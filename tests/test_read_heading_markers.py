"""Citation markers printed in a heading ('##### Disability Rating Index (DRI) [21]'): read as citations that
belong to no sentence, in the body's styles and only for numbers on the list."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of

_LIST = ("## References\n\n1. Smith A. Pain scales. *J Pain*. 2001;1:1-5.\n2. Jones B. Disability index. *J Pain*. "
         "2003;2:1-5.\n3. Lee C. Quality of life. *J Pain*. 2005;3:1-5.\n")


def _policy(headings: str) -> str:
    return "# Hip fracture\n\n## Methods\n\nPain was scored [1]. Quality of life too [3].\n\n" + headings + _LIST


def test_a_marker_in_a_subsection_heading_cites():
    text = _policy("##### Disability Rating Index (DRI) [2]\n\nThe index has twelve items.\n\n")
    doc = parse_policy(text, "fixture.md")
    (heading,) = [m for m in doc.markers if m.sentence_index is None]
    assert heading.numbers == (2,) and text.split("\n")[heading.line - 1].startswith("#####")
    assert [m.numbers for m in doc.markers] == [(1,), (3,), (2,)]  # in document order
    assert codes_of(text, "CIT104") == []  # entry 2 is cited, in its heading
    # Positive: without the heading's marker, entry 2 is uncited.
    assert codes_of(_policy("##### Disability Rating Index (DRI)\n\nThe index has twelve items.\n\n"), "CIT104") \
        == [("CIT104", "warning")]


def test_numbers_in_headings_that_are_no_citations_stay_out():
    """A section's number, a style the body does not use, a number past the list: not read."""
    text = _policy("## 2. Results (2)\n\nText.\n\n### Study [7]\n\nText.\n\n### Scores<sup>2</sup>\n\nText.\n\n")
    assert [m.numbers for m in parse_policy(text, "fixture.md").markers if m.sentence_index is None] == []


def test_a_heading_of_symbols_names_nothing():
    """A formula's line set large in a PDF becomes '## x [110]': no words, so no citation."""
    text = _policy("## x [2]\n\nText.\n\n")
    assert [m for m in parse_policy(text, "fixture.md").markers if m.sentence_index is None] == []
