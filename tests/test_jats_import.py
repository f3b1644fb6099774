"""The JATS converter: Markdown as printed, the XML's ground truth, and one-line errors for bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.errors import KbError
from kb.importers.jats import convert, ground_truth

DATA = Path(__file__).parent / "data" / "jats"

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink">
<front><journal-meta><journal-title-group><journal-title>Journal of Tests</journal-title></journal-title-group>
</journal-meta><article-meta><title-group><article-title>A <italic>small</italic> trial</article-title></title-group>
</article-meta></front>
<body><sec><title>Introduction</title>
<p>Earlier trials [<xref ref-type="bibr" rid="r1">1</xref>&#8211;<xref ref-type="bibr" rid="r3">3</xref>] and one
review<sup><xref ref-type="bibr" rid="r2">2</xref></sup> found it; heterogeneity was low (I<sup>2</sup> = 10%).</p>
<p>Smith and colleagues <xref ref-type="bibr" rid="r1">[1]</xref>, <xref ref-type="bibr" rid="r3">[3]</xref> agree.</p>
<table-wrap id="t1"><label>Table 1</label><caption><title>Trials.</title></caption>
<table><thead><tr><th>Trial</th><th>n</th></tr></thead>
<tbody><tr><td>Smith <xref ref-type="bibr" rid="r1">[1]</xref></td><td>40</td></tr></tbody></table></table-wrap>
</sec></body>
<back><ref-list><title>References</title>
<ref id="r1"><label>1</label><mixed-citation><name><surname>Smith</surname><given-names>AB</given-names></name>,
<name><surname>Jones</surname><given-names>C</given-names></name> (<year>2009</year>) <article-title>A trial</article-title>.
<source>Trials J</source> <volume>6</volume>: <fpage>e100</fpage>.</mixed-citation></ref>
<ref id="r2"><label>2</label><element-citation publication-type="journal"><person-group person-group-type="author">
<collab>World Health Organization</collab></person-group><article-title>A review</article-title><source>Bull WHO</source>
<year>2011b</year><volume>89</volume><fpage>10</fpage><lpage>19</lpage></element-citation></ref>
<ref id="r3"><label>3</label><element-citation publication-type="journal"><person-group person-group-type="author">
<name><surname>Łukasz</surname><given-names>K</given-names></name><etal/></person-group>
<article-title>Another trial</article-title><source>Lancet</source><year>2015</year><volume>3</volume>
<fpage>1</fpage><lpage>9</lpage></element-citation></ref>
</ref-list></back></article>
"""


def test_markdown_keeps_markers_and_entries_as_printed():
    c = convert(ARTICLE.encode(), "small.xml")
    lines = c.markdown.split("\n")
    assert c.format == "jats" and c.title == "A small trial" and c.issuer == "Journal of Tests"
    assert lines[0] == "# A *small* trial"
    assert "Earlier trials [1\u20133] and one review<sup>2</sup> found it; heterogeneity was low (I<sup>2</sup> = 10%)." in lines
    assert "Smith and colleagues [1], [3] agree." in lines
    assert "| Trial | n |" in lines and "| Smith [1] | 40 |" in lines
    refs = lines[lines.index("## References") + 2:]
    assert refs[0] == "1. Smith AB, Jones C (2009) A trial. Trials J 6: e100."
    # Parts-only entries in a journal that is not PLOS: Vancouver punctuation.
    assert refs[1] == "2. World Health Organization. A review. Bull WHO. 2011b;89:10\u201319."
    assert refs[2] == "3. \u0141ukasz K, et al. Another trial. Lancet. 2015;3:1\u20139."
    plos = convert(ARTICLE.replace("Journal of Tests", "PLoS ONE").encode(), "small.xml").markdown
    assert "2. World Health Organization (2011b) A review. Bull WHO 89: 10\u201319." in plos.split("\n")
    assert "\ue000" not in c.markdown and "\ue002" not in c.markdown
    assert any("element-citation" in n for n in c.notes)


def test_ground_truth_lines_ranges_and_entries():
    truth = ground_truth(ARTICLE.encode())
    lines = convert(ARTICLE.encode(), "small.xml").markdown.split("\n")
    by_line = {}
    for m in truth.markers:
        by_line.setdefault(lines[m.line - 1][:14], []).append(m.numbers)
    assert by_line["Earlier trials"] == [(1, 2, 3), (2,)]  # the printed range 1-3 is expanded
    assert by_line["Smith and coll"] == [(1, 3)]  # "[1], [3]" is a run, not a range
    assert by_line["| Smith [1] | "] == [(1,)]
    assert all(m.numbered for m in truth.markers)
    facts = {e.number: (e.first_author, e.organisation, e.year) for e in truth.entries}
    assert facts == {1: ("Smith", False, 2009), 2: ("World Health Organization", True, 2011), 3: ("\u0141ukasz", False, 2015)}


def test_an_empty_xref_inside_a_printed_range_belongs_to_it():
    """PLOS prints '[1-3]' as 1, an empty <xref/> to 2, then -3: the marker still cites 1 to 3."""
    empty = '[<xref ref-type="bibr" rid="r1">1</xref><xref ref-type="bibr" rid="r2"/>-<xref ref-type="bibr" rid="r3">3</xref>]'
    text = ARTICLE.replace('[<xref ref-type="bibr" rid="r1">1</xref>&#8211;<xref ref-type="bibr" rid="r3">3</xref>]', empty)
    assert empty in text
    truth = ground_truth(text.encode())
    assert [m.numbers for m in truth.markers][0] == (1, 2, 3)
    assert all(m.numbered for m in truth.markers)


def test_author_year_citations_are_not_numbered_markers():
    text = ARTICLE.replace('rid="r2">2</xref>', 'rid="r2">WHO 2011</xref>')
    truth = ground_truth(text.encode())
    assert [m.numbered for m in truth.markers if m.numbers == (2,)] == [False]


def test_plos_fixtures_convert(tmp_path):
    data = (DATA / "journal.pntd.0000149.xml").read_bytes()
    c, truth = convert(data, "journal.pntd.0000149.xml"), ground_truth(data)
    lines = c.markdown.split("\n")
    refs = [line for line in lines[lines.index("## References"):] if line[:1].isdigit()]
    assert len(refs) == len(truth.entries) == 32
    assert refs[0].startswith("1. Hotez PJ, Bethony J, Bottazzi ME, Brooker S, Buss P (2005) Hookworm")
    assert truth.entries[0].first_author == "Hotez" and truth.entries[0].year == 2005
    for m in truth.markers:  # every marker's line holds what it printed
        assert m.printed.split()[0] in lines[m.line - 1]
    mixed = (DATA / "journal.pone.0046041.xml").read_bytes()
    assert convert(mixed, "x").issuer == "PLoS ONE"
    assert "[Epub ahead of print]" in convert(mixed, "x").markdown


@pytest.mark.parametrize("data, message, line", [
    (b"<article><body><p>unclosed</body></article>", "not XML", 1),
    (b"just text", "not XML", 1),
    (b"<html><body/></html>", "not a JATS article", None),
    (ARTICLE.split("<back>")[0].encode() + b"</article>", "no reference list", None),
    (ARTICLE.replace("<label>2</label>", "").encode(), "reference 'r2' has no number", 18),
    (ARTICLE.replace("<label>2</label>", "<label>b</label>").encode(), "reference 'r2' has no number", 18),
])
def test_bad_input_is_one_line(data, message, line):
    with pytest.raises(KbError) as err:
        convert(data, "bad.xml")
    assert message in str(err.value) and str(err.value).startswith("bad.xml")
    assert "\n" not in str(err.value)
    assert err.value.line == line


def test_fixture_without_references_is_refused():
    with pytest.raises(KbError, match="no reference list"):
        convert((DATA / "journal.pcbi.0030158.xml").read_bytes(), "journal.pcbi.0030158.xml")
