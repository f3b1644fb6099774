"""kb import, the reader and the checks on forms met in the fifth folder of web pages and Word files written by
others (scripts/web_accuracy.py /work/corpusweb5): a distill article whose script moves its bibliography under the
appendix's heading, an R Markdown page whose pandoc bibliography stands under no heading, a LaTeX-to-HTML thesis
with a second <html>/<body> and a table never closed around the rest of the page, manubot's entry for a tool (its
name and its address), a PNAS-style Word list printing each number as a paragraph of its own, a thesis's author-year
entries broken into two paragraphs, and Unicode powers '10⁻¹⁰⁰'. Each form a small fixture with a positive and a
clean case."""
from bs4 import BeautifulSoup

from importtools import docx_bytes
from kb.importers import convert, html
from kb.importers.html_refs import link_chrome
from kb.read.parse_policy import parse_policy
from tests.formtools import markers_in

ENTRY = "Smith J, Jones K. A trial of things. J Foo. 2010;1:1-2."
ENTRY2 = "Brown A. A review of things. J Bar. 2012;3:4-5."


def _md(body: str) -> str:
    page = f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    return html.convert(page.encode(), "p.html").markdown


def _csl(n: int, text: str) -> str:
    return (f"<div id='ref-k{n}' class='csl-entry' role='doc-biblioentry'><div class='csl-left-margin'>{n}. </div>"
            f"<div class='csl-right-inline'>{text}</div></div>")


_REFS = f"<div id='refs' class='references csl-bib-body' role='doc-bibliography'>{_csl(1, ENTRY)}{_csl(2, ENTRY2)}</div>"
_TEXT = "<p>Sedation is common.<a href='#ref-k1'>1</a> Apnea is too.<a href='#ref-k2'>2</a></p>"


# distill: the bibliography after the text, an empty place for it under the appendix's 'References' ------------

def _distill(listing: str) -> str:
    return (f"<h2>Methods</h2>{_TEXT}<h3>Conclusion</h3><p>It works.</p>{_REFS}"
            f"<div class='appendix-bottom'><h3 id='references'>References</h3>{listing}</div>")


def test_a_distill_bibliography_is_read_under_the_heading_its_script_moves_it_to():
    page = _distill("<div id='references-listing'></div>")
    result = html.convert(f"<html><body>{page}</body></html>".encode(), "p.html")
    doc = parse_policy(result.markdown)
    assert [e.number for e in doc.references] == [1, 2]
    assert any("where the page's script moves it" in n for n in result.notes)
    # Clean case: a place already holding something is left alone, and so is the list.
    page = _distill("<div id='references-listing'>see below</div>")
    result = html.convert(f"<html><body>{page}</body></html>".encode(), "p.html")
    assert not any("script moves it" in n for n in result.notes)
    assert result.markdown.index("Smith J") < result.markdown.index("### References")


# pandoc's bibliography printed under no heading -------------------------------------------------------------

def test_pandocs_bibliography_under_no_heading_is_read_as_the_reference_list():
    md = _md(f"<h1>A meta-analysis</h1>{_TEXT}{_REFS}")
    assert "# References" in md
    assert [e.number for e in parse_policy(md).references] == [1, 2]
    # Under a heading naming something else ('Appendix') it is still pandoc's bibliography, the list the text cites.
    md = _md(f"<h1>A meta-analysis</h1>{_TEXT}<h2>Appendix</h2>{_REFS}")
    assert [e.number for e in parse_policy(md).references] == [1, 2]
    # Clean cases: under its own heading no second one is written; a page with no bibliography gets none.
    md = _md(f"<h1>A meta-analysis</h1>{_TEXT}<h2>References</h2>{_REFS}")
    assert md.count("References") == 1
    assert "References" not in _md(f"<h1>A note</h1><p>Nothing cited.</p><div id='refs'></div>")


# A second <html>/<body> and a table never closed: the page's headings stay headings ----------------------------

def test_a_second_html_and_body_start_tag_are_ignored_as_a_browser_does():
    page = f"<html><body><p>Title page</p><html><body><h1>Chapter 1</h1>{_TEXT}<h2>References</h2>{_REFS}"
    md = html.convert(page.encode(), "p.html").markdown
    assert "# Chapter 1" in md and [e.number for e in parse_policy(md).references] == [1, 2]
    # Clean case: one <html> and one <body> read the same.
    md = html.convert(f"<html><body><h1>Chapter 1</h1>{_TEXT}<h2>References</h2>{_REFS}</body></html>".encode(),
                      "p.html").markdown
    assert "# Chapter 1" in md and [e.number for e in parse_policy(md).references] == [1, 2]


def test_a_table_whose_cells_hold_headings_is_read_as_the_pages_blocks():
    md = _md("<table><tr><td>GPCR</td><td>G protein coupled receptor</td></tr><tr><td>"
             f"<h2>Chapter 1</h2>{_TEXT}<h2>References</h2>{_REFS}")
    assert "## Chapter 1" in md and [e.number for e in parse_policy(md).references] == [1, 2]
    # Clean cases: a table of data stays a table, also with a heading alone in a cell as a row label or in its caption.
    md = _md("<table><tr><th>Arm</th><th>n</th></tr><tr><td>A</td><td>12</td></tr></table>")
    assert "| Arm | n |" in md
    md = _md("<table><caption><h2>CPT Codes</h2></caption><tr><th>Code</th><th>Description</th></tr>"
             "<tr><td colspan='2'><h3>Codes covered:</h3></td></tr><tr><td>97010</td><td>Hot or cold packs</td></tr>"
             "</table>")
    assert "97010\tHot or cold packs" in md or "| 97010 | Hot or cold packs |" in md


# manubot's entry for a tool: its name, then its address ------------------------------------------------------

def _block(markup: str):
    return BeautifulSoup(markup, "html.parser").div


def test_a_tools_name_before_its_address_is_an_entry_not_a_row_of_links():
    assert not link_chrome(_block("<div><strong>kana</strong> <a href='https://www.kanaverse.org/kana/'>"
                                  "https://www.kanaverse.org/kana/</a></div>"))
    # Clean case: a label and its colon before a row of links is still the page's chrome.
    assert link_chrome(_block("<div>Export references: <a href='#'>BibTeX</a> <a href='#'>RIS</a></div>"))


# A Word list printing each number as a paragraph of its own --------------------------------------------------

def test_a_word_entrys_number_alone_on_its_paragraph_labels_the_next():
    def build(d):
        d.add_paragraph("Subtypes differ (1). They respond differently (2).")
        d.add_paragraph("References")
        for n, entry in ((1, ENTRY), (2, ENTRY2)):
            d.add_paragraph(f"{n}.")
            d.add_paragraph(entry)
    result = convert(docx_bytes(build), "p.docx")
    assert f"1. {ENTRY}" in result.markdown and f"2. {ENTRY2}" in result.markdown
    assert [e.number for e in parse_policy(result.markdown).references] == [1, 2]
    assert any("printed as paragraphs of their own" in n for n in result.notes)

    # Clean case: a number alone in the body, before any reference heading, stays a paragraph.
    def body(d):
        d.add_paragraph("3.")
        d.add_paragraph("Results were good [1].")
        d.add_paragraph("References")
        d.add_paragraph(f"1. {ENTRY}")
    result = convert(docx_bytes(body), "p.docx")
    assert "3. Results were good" not in result.markdown
    assert not any("printed as paragraphs of their own" in n for n in result.notes)


# Author-year entries broken into two paragraphs ---------------------------------------------------------------

_FIRST = "Araki, H., Knapp, C., and Print, C. (2012) GeneSetDB: A comprehensive"
_SECOND = "meta-database, statistical and visualisation framework. *FEBS Open Bio*, **2**: 76–82."
_NAMES = "Bell, D., Berchuck, A., Birrer, M., Chien, J.,"
_REST = "Cramer, D., Dao, F., et al. (2011) Integrated genomic analyses of ovarian carcinoma. *Nature*, **474**: 609–615."
_LAST = "Zweig, M.H. and Campbell, G. (1993) Receiver-operating characteristic plots. *Clin Chem*, **39**(4): 561–577."


def _author_year(*paragraphs: str) -> list:
    text = ("# Review\n\nGene sets help (Araki et al., 2012). Ovaries too (Bell et al., 2011). ROC (Zweig and Campbell, "
            "1993).\n\n## References\n\n" + "\n\n".join(paragraphs) + "\n")
    return parse_policy(text).references


def test_an_author_year_entry_broken_into_two_paragraphs_is_one_entry():
    refs = _author_year(_FIRST, _SECOND, _NAMES, _REST, _LAST)
    assert len(refs) == 3
    assert refs[0].year == 2012 and "FEBS" in refs[0].raw
    assert refs[1].year == 2011 and refs[1].first_author.startswith("Bell")
    # Clean cases: whole entries stay apart, and an undated entry after one ending on its address is its own.
    assert len(_author_year(_FIRST + " framework. *FEBS Open Bio*, **2**: 76–82.", _LAST)) == 2
    refs = _author_year("Araki, H. (2012) Gene sets. https://doi.org/10.1093/genesetdb",
                        "World Health Organization. Fact sheet: Cancer. Geneva", _LAST)
    assert len(refs) == 3
    # ... and so is an entry opening with Vancouver names after a dated one printed without a stop (a year glued to
    # its month, 'Jul2012', names no year by word).
    refs = _author_year("Niemann-Pick Disease (2015). In: Genetics Home Reference: Understanding Genetic Conditions",
                        "Patterson MC, Walterfang M, et al. Recommendations for Niemann-Pick disease type C. Mol Genet "
                        "Metab. Jul2012;106(3):330-44.", _LAST)
    assert len(refs) == 3


# Powers typed in Unicode: '10⁻¹⁰⁰' ---------------------------------------------------------------------------

def test_unicode_digits_after_a_raised_minus_are_a_power_not_a_citation():
    assert markers_in("the likelihood ratio test gave p < 10⁻¹⁰⁰ and HR = 2.26, p = 3.97 × 10⁻⁶¹") == []
    assert markers_in("a charge of 10⁺³ was applied") == []
    # Clean cases: raised digits citing, with a raised dash between them, are still markers.
    assert markers_in("as shown before¹⁻³ and since⁵") == ["1-3", "5"]
