"""kb import on more forms real web pages print (the rebuilt folder of documents written by others,
scripts/web_accuracy.py /work/corpusweb): each form a small fixture with a positive and a clean case."""
import pytest

from kb.errors import KbError
from kb.importers import convert
from kb.read.parse_policy import parse_policy

ENTRY = "Smith J, Jones K. A trial of things. J Foo. 2010;1:1-2."
ENTRY2 = "Brown A. A review of things. J Bar. 2012;3:4-5."
ENTRY3 = "Green B. A third study. J Baz. 2014;5:6-7."


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>".encode()


def _convert(body: str):
    return convert(_page(body), "p.html")


# Hindawi: a range of links in brackets with the source's line break between its parts ------------------------

def test_a_bracketed_range_of_links_broken_over_source_lines_stays_as_printed():
    body = ("<p>Legumes feed pastures [\n  <a href='#B1'>1</a>–\n  <a href='#B3'>3</a>].</p><h2>References</h2><ol>"
            f"<li id='B1'>{ENTRY}</li><li id='B2'>{ENTRY2}</li><li id='B3'>{ENTRY3}</li></ol>")
    md = _convert(body).markdown
    assert "<sup>" not in md and "[ 1– 3]" in md
    assert [m.numbers for m in parse_policy(md).markers] == [(1, 2, 3)]


def test_a_bare_link_after_a_range_sign_outside_brackets_is_still_a_raised_citation():
    body = ("<p>Legumes feed pastures 1–\n  <a href='#B3'>3</a>.</p><h2>References</h2><ol>"
            f"<li id='B1'>{ENTRY}</li><li id='B2'>{ENTRY2}</li><li id='B3'>{ENTRY3}</li></ol>")
    assert "<sup>3</sup>" in _convert(body).markdown


# Wikipedia: numbered notes under 'Citations', then a 'References' of books no marker links to ----------------

def _wiki(last_cited: bool) -> str:
    cite = "".join(f"<sup><a href='#cite_note-{n}'>[{n}]</a></sup>" for n in (1, 2, 3))
    book = "<sup><a href='#book-1'>[4]</a></sup>" if last_cited else ""
    return (f"<p>Ducks swim.{cite}{book}</p><h2>Citations</h2><ol>"
            f"<li id='cite_note-1'>{ENTRY}</li><li id='cite_note-2'>{ENTRY2}</li><li id='cite_note-3'>{ENTRY3}</li>"
            "</ol><h2>References</h2><ul><li id='book-1'>Thorpe IJ (1996). The Origins of Agriculture. Routledge."
            "</li></ul><h2>External links</h2><p>Duck at Commons.</p>")


def test_the_list_the_markers_cite_is_written_after_a_list_of_books_no_marker_cites():
    result = _convert(_wiki(last_cited=False))
    md = result.markdown
    assert md.index("## References") < md.index("## Citations") < md.index("## External links")
    assert f"1. {ENTRY}" in md and "Thorpe IJ (1996)" in md  # every word kept
    doc = parse_policy(md)
    assert [e.first_author for e in doc.references] == ["Smith", "Brown", "Green"]
    assert any("under 'Citations'" in n and "no marker cites" in n for n in result.notes)


def test_a_last_list_the_markers_cite_stays_where_it_is_printed():
    result = _convert(_wiki(last_cited=True))
    assert result.markdown.index("## Citations") < result.markdown.index("## References")
    assert not any("no marker cites" in n for n in result.notes)


# Elsevier: each entry opens with its own author-year label, a link to the entry itself ------------------------

ELSEVIER = """<p>Jaws evolved fast (Albertson et al., 2003).</p><h2>References</h2><ol class="references">
<li id="b0005"><ul class="reference"><li class="label"><a href="#b0005">{label}</a></li>
<li class="author">Albertson RC, Kocher TD.</li><li class="title">Directional selection of jaws.</li>
<li class="source">Proc Natl Acad Sci USA 2003;100:5252-7.</li></ul></li></ol>"""


def test_an_entry_opening_with_its_own_author_year_label_is_read_from_its_authors():
    result = _convert(ELSEVIER.format(label="Albertson et al., 2003"))
    assert "Albertson et al., 2003 Albertson" not in result.markdown
    entry = parse_policy(result.markdown).references[0]
    assert (entry.first_author, entry.year) == ("Albertson", 2003)
    assert any("own citation label ('Albertson et al., 2003')" in n for n in result.notes)


def test_an_entry_opening_with_its_own_number_keeps_it():
    result = _convert(ELSEVIER.format(label="7"))
    assert "7. Albertson RC" in result.markdown and "<sup>" not in result.markdown.split("References")[1]
    assert not any("own citation label" in n for n in result.notes)


# Cambridge: 'REFERENCES' in a paragraph of its own (unclosed, holding the list); the site's footer links -------

CUP = """<p>Calves shed oocysts (Fayer, 2010).</p><p><a id="references-list">REFERENCES</a>
<div class="references-list"><ul><li>Fayer R (2010). Taxonomy of Cryptosporidium. Exp Parasitol 124, 90-7.</li>
<li>{second}</li></ul></div><ul><li><a href="/legal">Copyright Statement</a></li>
<li><a href="/privacy">Privacy Policy</a></li></ul>"""


def test_a_paragraph_printing_only_references_is_the_heading_and_footer_links_are_left_out():
    result = _convert(CUP.format(second=ENTRY2))
    assert "# REFERENCES" in result.markdown and "Privacy Policy" not in result.markdown
    doc = parse_policy(result.markdown)
    assert [e.first_author for e in doc.references] == ["Fayer", "Brown"]
    assert any("printing only the reference list's name" in n for n in result.notes)


def test_a_table_of_contents_link_to_the_references_is_no_heading():
    body = ("<ul class='toc'><li><a href='#refs'>References</a></li></ul><p><a href='#refs'>References</a></p>"
            f"<p>Text (Smith, 2010).</p><h2 id='refs'>References</h2><ul><li>{ENTRY}</li></ul>")
    md = _convert(body).markdown
    assert md.count("# References") == 1


# IOP: 'Export references: BibTeX RIS' under the list, a row of links behind a short label ---------------------

def test_a_labelled_row_of_export_links_under_the_list_is_left_out():
    body = (f"<p>Text [1].</p><h2>References</h2><ul><li>[1] {ENTRY}</li></ul>"
            "<p>Export references: <a href='/x?bib'>BibTeX</a> <a href='/x?ris'>RIS</a></p>")
    md = _convert(body).markdown
    assert "Export references" not in md
    assert len(parse_policy(md).references) == 1


def test_a_line_with_a_label_and_its_own_words_beside_a_link_is_kept():
    body = (f"<p>Text [1].</p><h2>References</h2><ul><li>[1] {ENTRY}</li></ul>"
            "<p>Note: the trial registry is at <a href='https://example.org'>example.org</a></p>")
    assert "Note: the trial registry is at" in _convert(body).markdown


# A page saved with its links resolved: the back-links are full addresses of the page itself -----------------

def _resolved(base: str) -> str:
    back = "".join(f"<li id='cite_note-{n}'><b><a href='{base}#cite_ref-{n}'>^</a></b> {e}</li>"
                   for n, e in ((1, ENTRY), (2, ENTRY2), (3, ENTRY3)))
    cites = "".join(f"<sup id='cite_ref-{n}'><a href='{base}#cite_note-{n}'>[{n}]</a></sup>" for n in (1, 2, 3))
    return f"<p>Loops repeat.{cites}</p><h2>References</h2><ol>{back}</ol>"


def test_back_links_written_as_the_page_s_own_full_address_are_left_out():
    md = _convert(_resolved("https://en.wikipedia.org/wiki/Time_loop")).markdown
    assert f"1. {ENTRY}" in md and "^" not in md


def test_links_to_another_page_s_sections_stay_links_out():
    body = ("<p>See <a href='https://example.org/other#cite_note-1'>1</a>.</p><h2>References</h2><ol>"
            f"<li id='cite_note-1'>{ENTRY}</li></ol>")
    md = _convert(body).markdown
    assert "<sup>" not in md  # one link to another address: not this page's own


def test_an_entry_printed_only_as_a_linked_title_stays_an_entry():
    body = ("<p>Loops.<sup><a href='#cite_note-1'>[1]</a></sup><sup><a href='#cite_note-2'>[2]</a></sup></p>"
            f"<h2>References</h2><ol><li id='cite_note-1'>{ENTRY}</li>"
            "<li id='cite_note-2'><a href='https://example.org/loop'>\"In the Loop\"</a></li></ol>")
    assert len(parse_policy(_convert(body).markdown).references) == 2


# Wikipedia's explanatory notes: '[n 1]' linking to a 'Footnotes' list, beside the numbered citations ----------

NOTES = """<p>Zealandia is a continent.<sup><a href="#cite_note-n1">{mark}</a></sup> It is wet.<sup>
<a href="#cite_note-1">[1]</a></sup></p><h2>Footnotes</h2><ol><li id="cite_note-n1">Some say so.</li></ol>
<h2>References</h2><ol><li id="cite_note-1">{entry}</li></ol>"""


def test_a_note_mark_in_words_is_plain_text_not_a_citation_marker():
    md = _convert(NOTES.format(mark="[n 1]", entry=ENTRY)).markdown
    assert "continent.[n 1]" in md and "<sup>[n 1]</sup>" not in md
    assert [m.numbers for m in parse_policy(md).markers] == [(1,)]


def test_a_numbered_footnote_mark_stays_a_superscript():
    md = _convert(NOTES.format(mark="2", entry=ENTRY)).markdown
    assert "continent.<sup>2</sup>" in md


# Wikipedia's short citations: a note that names a book of its 'Sources' by a link ('Carboneras 1992b') -----

SHORT = """<p>Ducks dabble.<sup id="cite_ref-6"><a href="#cite_note-6">[1]</a></sup></p><h2>Citations</h2><ol>
<li id="cite_note-6"><b><a href="#cite_ref-6">^</a></b> <a href="#CITEREF">{text}</a>, pp. 737–738.</li></ol>
<h2>Sources</h2><ul><li><cite id="CITEREF">Carboneras C (1992). Family Anatidae. Lynx.</cite></li></ul>"""


def test_a_short_citation_linking_to_a_book_elsewhere_keeps_its_author_and_year():
    md = _convert(SHORT.format(text="Carboneras 1992b")).markdown
    assert "1. Carboneras 1992b, pp. 737–738." in md


def test_a_back_link_printing_letters_is_still_left_out():
    md = _convert(SHORT.format(text="a")).markdown
    assert "1. , pp. 737–738." in md or "1. pp. 737–738." in md


# F1000: the authors' line with affiliation marks ('Gabriel M. Leal<sup>1,2</sup>') ---------------------------

def test_affiliation_marks_in_the_authors_line_are_left_out():
    body = ("<div class='authors'>Gabriel M. Leal<sup>1,2</sup>, Walter S. Leal<sup>1</sup></div>"
            f"<p>Odorant binding [1].</p><h2>References</h2><ol><li>{ENTRY}</li><li>{ENTRY2}</li></ol>")
    result = _convert(body)
    assert "Gabriel M. Leal, Walter S. Leal" in result.markdown
    assert [m.numbers for m in parse_policy(result.markdown).markers] == [(1,)]
    assert any("2 affiliation marks" in n for n in result.notes)


def test_a_superscript_outside_the_authors_line_stays_a_marker():
    body = (f"<div class='abstract'>Binding is fast.<sup>1,2</sup></div><h2>References</h2>"
            f"<ol><li>{ENTRY}</li><li>{ENTRY2}</li></ol>")
    assert "fast.<sup>1,2</sup>" in _convert(body).markdown


# Elsevier: an entry printed as blocks, one line each (authors, title, source), with no stop between them -----

def test_an_entry_printed_as_lines_of_blocks_reads_its_authors_and_title_apart():
    body = ("<p>Cichlids radiated (Kocher, 2004).</p><h2>References</h2><ol><li id='b1'><ul>"
            "<li class='author'>T.D. Kocher</li><li class='title'><p>Adaptive evolution and explosive speciation</p>"
            "</li><li class='source'><p>Nature Rev. Genet., 5 (2004), pp. 288–298</p></li></ul></li></ol>")
    md = _convert(body).markdown
    assert "1. T.D. Kocher. Adaptive evolution and explosive speciation. Nature Rev. Genet., 5 (2004)" in md
    entry = parse_policy(md).references[0]
    assert (entry.first_author, entry.year) == ("Kocher", 2004)


def test_blocks_that_end_with_their_own_punctuation_get_no_second_stop():
    body = ("<p>Text (Afkhami, 2014).</p><h2>References</h2><ol><li><ol><li>Afkhami ME,</li><li>Strauss SY</li>"
            "</ol>. Mutualist effects. <i>Ecol Lett</i> 2014;17:1265-73.<div>PubMed</div></li></ol>")
    md = _convert(body).markdown
    assert "Afkhami ME, Strauss SY . Mutualist effects." in md and ".." not in md


# Wiley: the bibliography under no heading (named only in a tab), each entry opening with its number in a span -

def _wiley(links: int) -> str:
    cites = " ".join(f"<a href='#bib-{n}'>[{n}]</a>" for n in range(1, links + 1))
    items = "".join(f"<li id='bib-{n}'><span class='bullet'>{n}</span><cite>{e}</cite></li>"
                    for n, e in ((1, ENTRY), (2, ENTRY2), (3, ENTRY3)))
    return f"<h3>Acknowledgements</h3><p>Nanowires form {cites}.</p><div class='bibliography'><ul>{items}</ul></div>"


def test_the_list_the_citation_links_point_into_under_no_heading_gets_one_and_its_numbers():
    result = _convert(_wiley(links=3))
    assert f"#### References\n\n1. {ENTRY}\n2. {ENTRY2}\n3. {ENTRY3}" in result.markdown
    assert [e.first_author for e in parse_policy(result.markdown).references] == ["Smith", "Brown", "Green"]
    assert any("stands under no heading" in n for n in result.notes)


def test_a_list_linked_only_once_or_twice_gets_no_heading_and_is_refused():
    with pytest.raises(KbError, match="no reference list"):
        _convert(_wiley(links=2))


# Wikipedia: a table's <caption> prints its title and a citation marker -------------------------------------

def test_a_table_caption_is_kept_with_its_marker():
    body = ("<table><caption>Temperatures of six cities<sup><a href='#cite_note-1'>[1]</a></sup></caption>"
            "<tr><th>City</th><th>Jan</th></tr><tr><td>Auckland</td><td>24</td></tr></table>"
            f"<h2>References</h2><ol><li id='cite_note-1'>{ENTRY}</li></ol>")
    md = _convert(body).markdown
    assert "Temperatures of six cities<sup>[1]</sup>\n\n| City | Jan |" in md
    assert [m.numbers for m in parse_policy(md).markers] == [(1,)]


def test_a_table_without_a_caption_is_written_as_before():
    body = ("<table><tr><th>City</th><th>Jan</th></tr><tr><td>Auckland</td><td>24</td></tr></table>"
            f"<p>Warm [1].</p><h2>References</h2><ol><li>{ENTRY}</li></ol>")
    assert _convert(body).markdown.startswith("| City | Jan |")


# HighWire: the journal and the year printed as two elements side by side, spaced only by the style sheet -----

def test_a_journal_and_year_printed_side_by_side_are_read_apart():
    body = ("<p>Dabigatran [1].</p><h2>References</h2><ol><li><cite>Ezekowitz MD. Design of RE-LY. "
            "<abbr>Am Heart J</abbr><span>2009</span>;<span>157</span>:805-10.</cite></li></ol>")
    md = _convert(body).markdown
    assert "*Am Heart J* 2009;157:805-10." in md or "Am Heart J 2009;157:805-10." in md
    assert parse_policy(md).references[0].year == 2009


def test_a_superscript_beside_a_word_in_an_entry_is_not_spaced():
    body = ("<p>Carriers [1].</p><h2>References</h2><ol><li>Smith J. Carriers of 10<sup>22</sup> cm<sup>-3</sup>"
            " in <i>ITO</i>. J Foo. 2010;1:1-2.</li></ol>")
    assert "10<sup>22</sup> cm<sup>-3</sup> in *ITO*" in _convert(body).markdown


# A <pre> block printing a Markdown code fence (a page quoting Markdown) -------------------------------------

def test_a_preformatted_line_opening_like_a_code_fence_is_escaped():
    body = f"<pre>```{{=html}}\nx\n</pre><p>Text [1].</p><h2>References</h2><ol><li>{ENTRY}</li></ol>"
    result = _convert(body)
    assert "\\```{=html}" in result.markdown and len(parse_policy(result.markdown).references) == 1
    assert any("opening with ``` or ~~~" in n for n in result.notes)


def test_a_preformatted_block_without_fences_is_kept_as_printed():
    body = f"<pre>a = 1\nb = 2</pre><p>Text [1].</p><h2>References</h2><ol><li>{ENTRY}</li></ol>"
    result = _convert(body)
    assert "a = 1\nb = 2" in result.markdown and not any("```" in n for n in result.notes)
