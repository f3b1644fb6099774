"""kb import on the forms real web pages print (found on a folder of documents written by
others, scripts/web_accuracy.py): each form a small fixture with a positive and a clean case."""
import pytest

from kb.errors import KbError
from kb.importers import convert
from kb.read.parse_policy import parse_policy

ENTRY = "Smith J, Jones K. A trial of things. J Foo. 2010;1:1-2."
ENTRY2 = "Brown A. A review of things. J Bar. 2012;3:4-5."


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>".encode()


def _md(body: str) -> str:
    return convert(_page(body), "p.html").markdown


# Wikipedia: [edit] links beside headings, <sup class="reference"> markers, back-links before each entry ----

WIKI = """<div id="content" role="main"><p>Ducks eat plants.<sup id="cite_ref-1" class="reference">
<a href="#cite_note-1">[1]</a></sup> They swim.<sup id="cite_ref-b_2-0"><a href="#cite_note-b-2">[2]</a></sup></p>
<h2><span class="mw-headline">References</span><span class="mw-editsection"><span>[</span>
<a href="/w/index.php?action=edit&amp;section=3">edit</a><span>]</span></span></h2>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>
<span class="reference-text"><cite>{e1}</cite></span></li>
<li id="cite_note-b-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-b_2-0"><sup><i><b>a</b></i></sup></a>
<a href="#cite_ref-b_2-1"><sup><i><b>b</b></i></sup></a></span> <span class="reference-text">{e2}</span></li></ol>
</div><div id="mw-panel"><h3>Navigation</h3><p>Main page</p></div>"""


def test_a_wiki_page_reads_its_references_without_edit_links_or_back_links():
    md = _md(WIKI.format(e1=ENTRY, e2=ENTRY2))
    assert "## References\n" in md and "[edit]" not in md and "edit" not in md.split("## References")[1][:5]
    assert f"1. {ENTRY}\n2. {ENTRY2}" in md  # no '^', no 'a b'
    doc = parse_policy(md)
    assert [e.first_author for e in doc.references] == ["Smith", "Brown"]
    assert [m.numbers for m in doc.markers] == [(1,), (2,)]
    assert "Navigation" not in md  # the role="main" element is the page, not the wiki's side panel


def test_a_heading_without_edit_links_and_an_entry_without_back_links_are_kept_as_printed():
    md = _md(f"<p>Text.<sup>[1]</sup></p><h2>References</h2><ol><li>^ is a caret: {ENTRY}</li></ol>")
    assert "## References\n" in md and f"1. ^ is a caret: {ENTRY}" in md


# HighWire (BMJ, SAGE, OUP, Royal Society): a back arrow, then the entry in a <div> with a nested author list --

HIGHWIRE = """<main><p>As shown before.<sup><a href="#ref-1">1</a></sup></p><h2>References</h2><ol class="cit-list">
<li><a class="rev-xref-ref" href="#xref-ref-1-1">↵</a><div class="cit" id="ref-1"><ol class="cit-auth-list">
<li>Afkhami ME ,</li><li>Strauss SY</li></ol>. Mutualist effects on range limits. <i>Ecol Lett</i> 2014;17:1265-73.
</div></li></ol></main>"""


def test_an_entry_with_a_nested_author_list_is_one_line():
    md = _md(HIGHWIRE)
    assert "1. Afkhami ME , Strauss SY . Mutualist effects on range limits. *Ecol Lett* 2014;17:1265-73." in md
    assert "↵" not in md
    entry = parse_policy(md).references[0]
    assert (entry.first_author, entry.year) == ("Afkhami", 2014)


def test_a_nested_list_outside_the_reference_list_stays_a_nested_list():
    md = _md("<main><ol><li>Criteria<ol><li>Pain</li><li>Age</li></ol></li></ol><h2>References</h2>"
             f"<ol><li>{ENTRY}</li></ol></main>")
    assert "1. Criteria\n  1. Pain\n  2. Age" in md


# Link-outs on lines of their own under an entry (Frontiers' 'Google Scholar', APA's 'go to ...') ---------------

def test_link_only_lines_in_the_reference_list_are_left_out_and_counted():
    body = (f"<p>Text (Smith, 2010).</p><h2>References</h2><p>{ENTRY}</p>"
            "<p><a href='https://scholar.google.com/x'>Google Scholar</a></p>"
            f"<p>{ENTRY2}</p><p><a href='#x1'>PubMed</a> | <a href='#x2'>Full Text</a></p>"
            "<div><a href='#next'><img alt='go to next section' src='a.png'></a></div>"
            "<div><img alt='go to previous section' src='b.png'></div>")
    result = convert(_page(body), "p.html")
    assert "Google Scholar" not in result.markdown and "PubMed" not in result.markdown
    assert "go to next section" not in result.markdown and "previous section" not in result.markdown
    assert any("4 link-only lines" in n for n in result.notes)


def test_a_linked_entry_or_a_link_in_the_text_is_kept():
    body = ("<p>See <a href='https://example.org'>the guideline</a>.</p><p><img alt='Figure 1: a chart' src='f.png'>"
            f"</p><h2>References</h2><p><a href='https://doi.org/10.1/x'>{ENTRY}</a></p>")
    result = convert(_page(body), "p.html")
    assert "the guideline" in result.markdown and ENTRY in result.markdown and "Figure 1: a chart" in result.markdown
    assert not any("link-only" in n for n in result.notes)


# A citation printed as a bare link into the list, raised by the page's style (BMJ, HighWire) ------------------

CITING = """<main><p>The guidelines<a href="#ref-2">2</a> agree.<a href="#ref-1">1</a> <a href="#ref-2">2</a>
Trials [<a href="#ref-1">1</a>,<a href="#ref-2">2</a>] and <a href="#sec-2">section 2</a>, table <a href="#t1">1</a>.
Smith et al. <a href="#ref-1">2010</a> found it.</p>
<table id="t1"><tr><td>x</td></tr></table><h2>References</h2><ol><li id="ref-1">{e1}</li><li id="ref-2">{e2}</li></ol>
</main>"""


def test_a_bare_citation_link_into_the_list_is_a_marker_and_the_import_report_says_so():
    result = convert(_page(CITING.format(e1=ENTRY, e2=ENTRY2)), "p.html")
    assert "The guidelines<sup>2</sup> agree.<sup>1</sup> <sup>2</sup>" in result.markdown
    assert any("3 citation links" in n for n in result.notes)
    doc = parse_policy(result.markdown)
    assert sorted(n for m in doc.markers for n in m.numbers) == [1, 1, 2, 2, 2]


def test_a_link_in_brackets_or_to_a_table_or_section_is_left_as_printed():
    md = convert(_page(CITING.format(e1=ENTRY, e2=ENTRY2)), "p.html").markdown
    assert "Trials [1,2] and section 2, table 1. Smith et al. 2010 found it." in md


# The page's own content: the first of <main>, role="main", <article> that holds the reference list ----------

def test_the_root_is_the_element_that_holds_the_reference_list():
    body = (f"<main><p>Abstract only.</p></main><article><p>Full text.<sup>[1]</sup></p><h2>References</h2>"
            f"<ol><li>{ENTRY}</li></ol></article>")
    md = _md(body)
    assert "Full text" in md and "Abstract only" not in md


def test_a_main_that_holds_the_reference_list_is_the_root():
    md = _md(f"<p>Site banner</p><main><p>Text.<sup>[1]</sup></p><h2>References</h2><ol><li>{ENTRY}</li></ol></main>")
    assert "Site banner" not in md and "Text." in md


# Entries that print their own label, in bold, inside a <ul> (Taylor & Francis) or an <ol> (PLOS) ------------

def test_an_entry_printing_its_own_number_keeps_it_and_bold_is_left_out_of_entries():
    md = _md(f"<main><p>T.<sup>1</sup></p><h2>References</h2><ul><li><b>1.</b> {ENTRY}</li>"
             f"<li><b>2.</b> <b>Brown A.</b> A review. <i>J Bar</i>. 2012;3:4-5.</li></ul>"
             f"<ol><li>1. {ENTRY}</li></ol></main>")
    assert f"1. {ENTRY}\n2. Brown A. A review. *J Bar*. 2012;3:4-5." in md
    assert "1. 1." not in md


def test_an_entry_without_a_printed_label_gets_the_browser_number_or_its_bullet():
    md = _md(f"<main><p>T.<sup>1</sup></p><h2>References</h2><ol start='3'><li>{ENTRY}</li></ol>"
             f"<h2>Bibliography</h2><ul><li>{ENTRY2}</li></ul></main>")
    assert f"3. {ENTRY}" in md and f"- {ENTRY2}" in md


# Landmarks a page names as not its content (a journal's side box with its own 'References' export panel) ------

def test_a_side_box_the_page_marks_complementary_is_left_out():
    md = _md(f"<main><p>T.<sup>[1]</sup></p><h2>References</h2><ol><li>{ENTRY}</li></ol>"
             "<aside role='complementary'><h4>References</h4><ul><li><a href='#x'>Export</a></li></ul></aside></main>")
    assert md.count("References") == 1 and "Export" not in md
    assert parse_policy(md).references[0].first_author == "Smith"


def test_back_matter_in_a_footer_without_a_role_is_kept():
    md = _md(f"<main><p>T.<sup>[1]</sup></p><footer class='back'><h2>References</h2><ol><li>{ENTRY}</li></ol>"
             "</footer></main>")
    assert f"1. {ENTRY}" in md


# Markers that point to a numbered list the reader does not take for the reference list (Wikipedia) -----------

WIKI_SPLIT = """<main><p>Fact.<sup><a href="#cite_note-1">[1]</a></sup>
More.<sup><a href="#cite_note-2">[2]</a></sup></p>
<h2>Citations</h2><ol><li id="cite_note-1">{e1}</li><li id="cite_note-2">{e2}</li></ol>
<h2>{last}</h2><ul><li>Alley R (2008). New Zealand in World Affairs. VUP.</li></ul></main>"""


def test_markers_citing_a_list_above_the_last_reference_list_are_reported():
    result = convert(_page(WIKI_SPLIT.format(e1=ENTRY, e2=ENTRY2, last="References")), "p.html")
    assert any(n.startswith("2 citation markers point to a list under 'Citations'") for n in result.notes)


def test_markers_citing_the_last_reference_list_are_not_reported():
    result = convert(_page(WIKI_SPLIT.format(e1=ENTRY, e2=ENTRY2, last="Further reading")), "p.html")
    assert not any("point to a list" in n for n in result.notes)


# An <ol> the browser letters or numbers in Roman (its type attribute, its list-style-type) -------------------

def test_a_lettered_or_roman_list_keeps_the_labels_the_browser_prints():
    md = _md("<main><h2>Policy</h2><ol type='I'><li>Covered when<ol type='a'><li>pain</li><li>age</li></ol></li>"
             "<li>Not covered</li></ol><ol style='list-style-type: lower-roman' start='3'><li>third</li></ol>"
             f"<h2>References</h2><ol><li>{ENTRY}</li></ol></main>")
    assert "I. Covered when\n  a. pain\n  b. age\nII. Not covered" in md and "iii. third" in md


def test_a_plain_ol_is_numbered():
    md = _md(f"<main><ol type='1' style='color: red'><li>one</li><li>two</li></ol><h2>References</h2>"
             f"<ol><li>{ENTRY}</li></ol></main>")
    assert "1. one\n2. two" in md


# Library noise stays off stderr: one line for a refusal, the summary and notes for an import -----------------

def test_a_page_that_looks_like_a_url_is_refused_in_one_line(tmp_path):
    # a real process: pytest would catch the library's warning before it reached stderr
    import os
    import subprocess
    import sys
    from pathlib import Path

    page = tmp_path / "y.html"
    page.write_text("http://example.org/page.html")
    kb = Path(sys.executable).with_name("kb")
    done = subprocess.run([str(kb), "import", "html", str(page)], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "KB_REFERENCES": str(tmp_path / "references")})
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Warning" not in done.stderr
    assert "no reference list" in done.stderr


def test_a_page_imported_prints_only_its_summary_and_notes(tmp_path, monkeypatch, capsys):
    from kb.cli import main

    monkeypatch.setenv("KB_REFERENCES", str(tmp_path / "references"))
    page = tmp_path / "p.html"
    page.write_bytes(_page(f"<p>T.<sup>[1]</sup></p><h2>References</h2><ol><li>{ENTRY}</li></ol>"))
    assert main(["import", str(page)]) == 0
    assert capsys.readouterr().err.startswith("imported p.html (html)")


def test_a_page_nested_thousands_deep_is_refused_in_one_line():
    deep = "<span>" * 5000 + "x" + "</span>" * 5000
    with pytest.raises(KbError, match="nested too deeply"):
        convert(_page(f"<p>{deep}</p><h2>References</h2><ol><li>{ENTRY}</li></ol>"), "p.html")


def test_a_page_nested_a_few_levels_is_read():
    deep = "<div>" * 40 + "Deep text.<sup>[1]</sup>" + "</div>" * 40
    assert "Deep text.<sup>[1]</sup>" in _md(f"{deep}<h2>References</h2><ol><li>{ENTRY}</li></ol>")
