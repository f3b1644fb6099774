"""JATS lists without <label>: numbered by position when the printed citations agree, refused otherwise.

BMC, Nature, SciELO and many PMC articles print a numbered list but tag no
label; author-year articles have no numbers at all, and are imported without
them. The real BMC articles and the author-year 3 Biotech article are under
tests/data/jats (see its README).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kb.errors import KbError
from kb.importers.jats import convert, ground_truth
from kbdev.corpus_accuracy import compare_entries, compare_markers, corpus_files, measure, summary, table

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "jats"

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>BMC Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Unlabelled</article-title></title-group></article-meta></front>
<body><sec><title>Background</title>
"""
# BMC as PMC stores it: no <label>, citation parts side by side with no punctuation.
REFS = """</sec></body><back><ref-list>
<ref id="B1"><mixed-citation publication-type="journal"><name><surname>Avery</surname><given-names>SV</given-names></name><article-title>Cell individuality</article-title><source>Nat Rev Microbiol</source><year>2006</year><volume>4</volume><fpage>577</fpage><lpage>587</lpage><pub-id pub-id-type="pmid">16845428</pub-id></mixed-citation></ref>
<ref id="B2"><citation citation-type="journal"><person-group person-group-type="author"><collab>WHO Working Group</collab></person-group><article-title>A report</article-title><source>Bull WHO</source><year>2001</year></citation></ref>
<ref id="B3"><nlm-citation citation-type="journal"><person-group person-group-type="author"><name><surname>Lee</surname><given-names>K</given-names></name><etal/></person-group><article-title>A trial</article-title><source>Lancet</source><year>2010</year><volume>3</volume><fpage>1</fpage></nlm-citation></ref>
<ref id="B4"><element-citation publication-type="journal"><person-group person-group-type="author"><name><surname>Kim</surname><given-names>J</given-names></name></person-group><article-title>A cohort</article-title><source>BMJ</source><year>2012</year></element-citation></ref>
</ref-list></back></article>
"""
NUMBERED = HEAD + """<p>Cells vary [<xref ref-type="bibr" rid="B1">1</xref>-<xref ref-type="bibr" rid="B3">3</xref>].</p>
<p>So do cohorts<sup><xref ref-type="bibr" rid="B2">2</xref>,<xref ref-type="bibr" rid="B4">4</xref></sup>.</p>
""" + REFS


def _error(text: str) -> KbError:
    with pytest.raises(KbError) as err:
        convert(text.encode(), "bad.xml")
    assert "\n" not in str(err.value) and str(err.value).startswith("bad.xml")
    return err.value


def test_unlabelled_list_is_numbered_by_position_and_printed_numbered():
    lines = convert(NUMBERED.encode(), "bmc.xml").markdown.split("\n")
    assert "Cells vary [1-3]." in lines and "So do cohorts<sup>2,4</sup>." in lines
    refs = lines[lines.index("## References") + 2:]
    assert refs[0] == "1. Avery SV. Cell individuality. Nat Rev Microbiol. 2006;4:577\u2013587. PMID: 16845428"
    assert refs[1].startswith("2. WHO Working Group. A report. Bull WHO. 2001.")
    assert refs[2].startswith("3. Lee K, et al. A trial. Lancet. 2010;3:1.")
    assert refs[3].startswith("4. Kim J. A cohort. BMJ. 2012.")


def test_unlabelled_ground_truth_follows_the_same_numbers():
    truth = ground_truth(NUMBERED.encode())
    assert [(m.numbers, m.numbered) for m in truth.markers] == [((1, 2, 3), True), ((2, 4), True)]
    assert [(e.number, e.first_author, e.organisation, e.year) for e in truth.entries] == [
        (1, "Avery", False, 2006), (2, "WHO Working Group", True, 2001), (3, "Lee", False, 2010), (4, "Kim", False, 2012)]


def test_a_range_printed_in_one_xref_is_expanded():
    text = NUMBERED.replace('<xref ref-type="bibr" rid="B1">1</xref>-<xref ref-type="bibr" rid="B3">3</xref>',
                            '<xref ref-type="bibr" rid="B1 B3">1\u20133</xref>')
    assert ground_truth(text.encode()).markers[0].numbers == (1, 2, 3)


def test_mixed_labels_are_refused_naming_the_reference():
    err = _error(NUMBERED.replace('<ref id="B2">', '<ref id="B2"><label>2</label>'))
    assert "reference 'B1' has no number" in str(err) and err.line == NUMBERED.split("\n").index(
        next(line for line in NUMBERED.split("\n") if '<ref id="B1">' in line)) + 1


def test_printed_numbers_that_are_not_the_positions_are_refused():
    err = _error(NUMBERED.replace('rid="B4">4</xref>', 'rid="B4">5</xref>'))
    assert "reference 'B4' has no <label>" in str(err) and "'5'" in str(err) and "entry 4" in str(err)
    assert err.line is not None


def test_author_year_articles_are_imported_without_numbers():
    text = NUMBERED.replace("[<xref", "(<xref").replace("</xref>].", "</xref>).")
    text = text.replace(">1</xref>-", ">Avery 2006</xref>; ").replace(">3</xref>", ">Lee et al. 2010</xref>")
    text = text.replace("<sup><xref", " (<xref").replace("</xref></sup>", "</xref>)")
    text = text.replace(">2</xref>,", ">WHO Working Group 2001</xref>; ").replace(">4</xref>", ">Kim 2012</xref>")
    from kb.read.parse_policy import parse_policy

    markdown = convert(text.encode(), "ay.xml").markdown
    listed = markdown.split("## References\n\n", 1)[1]
    assert listed.startswith("Avery SV. Cell individuality.") and "\n\nWHO Working Group" in listed
    assert "(Avery 2006; Lee et al. 2010)" in markdown
    doc = parse_policy(markdown, "ay.md")
    assert doc.citation_style == "author-year"
    assert [m.numbers for m in doc.markers] == [(1, 3), (2, 4)]
    assert not any(m.numbered for m in ground_truth(text.encode()).markers)
    # Springer's author-year markup puts only the year in the xref: a year is not an entry's number.
    real = (DATA / "PMC3339582.xml").read_bytes()
    assert parse_policy(convert(real, "PMC3339582.xml").markdown, "r.md").citation_style == "author-year"


def test_a_list_nothing_cites_by_number_is_refused():
    assert "no citation in the text prints one" in str(_error(HEAD + "<p>No citations.</p>" + REFS))


def test_superscript_separators_set_bare_citation_numbers_superscript():
    # SciELO tags the commas and dashes superscript and leaves the numbers bare; its pages print all superscript.
    text = HEAD + ('<p>Pain is common.<xref ref-type="bibr" rid="B1">1</xref> Studies<xref ref-type="bibr" rid="B2">'
                   '2</xref><sup>,</sup><xref ref-type="bibr" rid="B3">3</xref> agree<sup>(</sup><xref ref-type="bibr" '
                   'rid="B1">1</xref><sup>-</sup><xref ref-type="bibr" rid="B4">4</xref><sup>)</sup>.</p>') + REFS
    lines = convert(text.encode(), "x").markdown.split("\n")
    assert "Pain is common.<sup>1</sup> Studies<sup>2,3</sup> agree<sup>(1-4)</sup>." in lines
    assert [m.numbers for m in ground_truth(text.encode()).markers] == [(1,), (2, 3), (1, 2, 3, 4)]
    # Without superscript separators a bare number stays as printed.
    assert "Cells vary [1-3]." in convert(NUMBERED.encode(), "x").markdown


def test_typeset_entries_keep_their_text_without_a_copied_number():
    text = NUMBERED.replace('<ref id="B1"><mixed-citation publication-type="journal">',
                            '<ref id="B1"><mixed-citation>1. Avery SV. Cell individuality. ')
    text = text.replace('<name><surname>Avery</surname><given-names>SV</given-names></name><article-title>'
                        'Cell individuality</article-title><source>', '<source>')
    lines = convert(text.encode(), "x").markdown.split("\n")
    assert any(line.startswith("1. Avery SV. Cell individuality. Nat Rev Microbiol 2006") for line in lines)


def test_bmc_microbiology_ranges_over_several_xrefs():
    data = (DATA / "1471-2180-11-174.xml").read_bytes()
    truth = ground_truth(data)
    assert len(truth.entries) == 64 and truth.entries[0].first_author == "Avery"
    assert truth.markers[0].numbers == tuple(range(1, 10))  # <xref>1</xref>-<xref>9</xref>
    refs = [line for line in convert(data, "x").markdown.split("\n") if line[:3] == "1. "]
    assert refs[-1].startswith("1. Avery SV. Microbial cell individuality")


def test_bmc_article_round_trips_through_kb_import(tmp_path):
    """`kb import jats` on a real BMC article: its markers and entries as the reader reads them are the XML's."""
    from kb.knowledge.base import load_knowledge_base

    source = DATA / "1472-6831-8-11.xml"
    env = dict(os.environ, KB_REFERENCES=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "kb", "import", "jats", str(source), "--id", "ohip"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    policy = tmp_path / "ohip" / "policy.md"
    assert policy.read_text(encoding="utf-8") == convert(source.read_bytes(), source.name).markdown
    truth, doc = ground_truth(source.read_bytes()), load_knowledge_base(policy).doc
    wanted, read, right = compare_markers(truth, doc)
    assert wanted > 40 and wanted == read == right
    entries, got, known, both = compare_entries(truth, doc)
    assert entries == got == 31 and known == both == 30


def test_bad_unlabelled_articles_exit_2_with_one_line(tmp_path):
    bad = tmp_path / "nocite.xml"
    bad.write_text(HEAD + "<p>No citations.</p>" + REFS, encoding="utf-8")
    env = dict(os.environ, KB_REFERENCES=str(tmp_path / "refs"))
    proc = subprocess.run([sys.executable, "-m", "kb", "import", str(bad)], capture_output=True, text=True,
                          env=env, cwd=ROOT)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "no citation in the text" in proc.stderr
    assert "Traceback" not in proc.stderr and not (tmp_path / "refs" / "nocite").exists()


def test_corpus_script_measures_author_year_articles_on_a_line_of_their_own(tmp_path):
    for name in ("1472-6831-8-11.xml", "PMC3339582.xml"):
        shutil.copy(DATA / name, tmp_path / name)
    done, by_name = [measure(p, draws=1) for p in corpus_files(tmp_path)]
    assert done.skipped is None and done.entries_true == 31 and done.marker_pairs_true > 40
    assert by_name.skipped is None and by_name.style == "author-year" and by_name.seeded_injected == 0
    assert by_name.marker_pairs_true == 31 and by_name.marker_pairs_right >= 30
    text = table([done, by_name]) + summary([done, by_name])
    assert "| PMC3339582.xml (author-year) |" in text and "1 articles measured, 0 skipped" in text
    assert "author-year articles: 1 measured; citations precision" in text
    assert "all 2 articles measured: error+warning findings" in text


def test_an_xref_naming_a_reference_entry_is_a_citation_whatever_its_ref_type():
    # A SciELO sample tags one citation ref-type="foo"; its rid still names entry B4.
    text = NUMBERED.replace('<xref ref-type="bibr" rid="B4">', '<xref ref-type="foo" rid="B4">')
    assert [m.numbers for m in ground_truth(text.encode()).markers] == [(1, 2, 3), (2, 4)]
    other = NUMBERED.replace('<xref ref-type="bibr" rid="B4">4</xref>', '<xref ref-type="table" rid="T1">4</xref>')
    assert [m.numbers for m in ground_truth(other.encode()).markers] == [(1, 2, 3), (2,)]


def test_separators_join_superscript_citations_only_between_citations():
    # SciELO's pretty-printed XML: spaces inside each xref, a footnote after the last citation.
    text = HEAD + ('<p>Stress,<xref ref-type="bibr" rid="B1">\n <sup>1</sup>\n</xref>\n<sup>,</sup>\n'
                   '<xref ref-type="bibr" rid="B2">\n <sup>2</sup>\n</xref>\n<sup>,</sup>\n'
                   '<xref ref-type="fn" rid="fn1"><sup>a</sup></xref> adapts.</p>') + REFS
    lines = convert(text.encode(), "x").markdown.split("\n")
    assert "Stress, <sup>1,2</sup> <sup>,</sup> <sup>a</sup> adapts." in lines  # the spaces are the XML's


def test_a_book_given_as_parts_is_printed_place_publisher_year():
    book = ('<element-citation publication-type="book"><person-group person-group-type="author"><name><surname>Sokal'
            '</surname><given-names>RR</given-names></name></person-group><source>Biometry</source><publisher-loc>New '
            'York</publisher-loc><publisher-name>Freeman</publisher-name><year>1995</year></element-citation>')
    text = NUMBERED.replace(NUMBERED[NUMBERED.index('<element-citation'):NUMBERED.index('</element-citation>')
                                               + len('</element-citation>')], book)
    assert text != NUMBERED
    assert "4. Sokal RR. Biometry. New York: Freeman; 1995." in convert(text.encode(), "x").markdown.split("\n")
