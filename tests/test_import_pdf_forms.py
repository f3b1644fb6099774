"""Forms real articles print that the PDF reader once misread (found on PDFs from CERMINE's, GROBID's,
science-parse's and refextract's test folders), each beside its clean case: glyphs PDFium splits or
mis-spaces, superscript markers, running lines inside a small page grid, entry labels drawn or set in bold, two
column bands, the unheaded list of a printed preprint (the list's lines and place are in
test_import_pdf_list_forms.py).
Small pages are printed by Chromium (one run for this module); the rest are glyphs or lines made here."""
import re

import pytest

from importtools import hand_pdf, layout_line as _line, printed_pdfs
from kb.importers.pdf import convert  # the converter alone: the grid page holds no reference list

_STYLE = 'body{font-family:"DejaVu Serif",serif;font-size:10pt} p{margin:0 0 4pt 0}'

# a small page grid on a large sheet: the running title and footer sit well inside the sheet's top and
# bottom 9%, as ACM's and Springer's journal pages printed on Letter paper set them
_GRID_PAGE = ('<div class="pg"><p class="run">Approximation Algorithms for Data Placement</p>{body}'
              '<p class="run">ACM Journal Name, Vol. V, No. N, Month 20YY.</p></div>')
GRID = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_STYLE}
.pg {{ height: 9.2in; box-sizing: border-box; padding: 0.9in 1.2in;
page-break-after: always; display: flex; flex-direction: column; justify-content: space-between }}
</style></head><body>
{"".join(_GRID_PAGE.format(body=f"<div><p>Page {w} opens with its own words about disks, {w} and more.</p>"
                                  f"<p>The {w} placement is computed by the {w} scheme.</p></div>")
          for w in ("alpha", "bravo", "charlie", "delta"))}
</body></html>"""

PREPRINT = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body>
<h1>A Short Letter</h1>
<p>Heavy quarks thermalize slowly [1], as transport models show [2, 3]; the 𝑆 matrix stays unitary.</p>
<p>More of the letter's text follows here, with no further citation at all in it.</p>
<p>Acknowledgments are in a plain paragraph, as revtex prints them in a preprint.</p>
<p>[1] H. van Hees and R. Rapp, Phys. Rev. C 71, 034907 (2005).</p>
<p>[2] M. He, H. van Hees, and R. Rapp, Prog. Part. Nucl. Phys. 130, 104020 (2023).</p>
<p>[3] S. K. Das, J. Alam, and P. Mohanty, Phys. Rev. C 80, 054916 (2009).</p>
</body></html>"""

BOLD_LABELS = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>{_STYLE}</style></head><body>
<h1>Heat Stress in Wheat</h1><p>Heat lowers the yield [1], and the grain weight [2].</p>
<p><b>Note</b> this paragraph opens with a bold word, which stays bold.</p>
<h2>References</h2>
<p><b>1.</b> Fischer R, Byerlee D. Trends of wheat production. CIMMYT; 1991.</p>
<p><b>2.</b> Asseng S. Rising temperatures reduce global wheat production. Nat Clim Change. 2015; 5: 143-147.</p>
</body></html>"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    pdfs = printed_pdfs(tmp_path_factory.mktemp("pdf-forms"),
                        {"grid": GRID, "preprint": PREPRINT, "bold": BOLD_LABELS})
    return {name: convert(data, f"{name}.pdf") for name, data in pdfs.items()}


# --- glyphs -------------------------------------------------------------------------------------------------

def _glyph(text: str, x: float, bottom: float = 100.0, size: float = 10.0, space: bool = False,
           font: str = "Serif") -> dict:
    return {"text": text, "x0": x, "x1": x + 0.5 * size, "top": bottom - size, "bottom": bottom, "size": size,
            "fontname": font, "space_before": space}


def _word(text: str, x: float, bottom: float = 100.0, size: float = 10.0) -> list[dict]:
    return [_glyph(ch, x + 0.5 * size * i, bottom, size) for i, ch in enumerate(text)]


def test_a_character_beyond_the_bmp_comes_whole_and_a_lone_half_is_no_character():
    from kb.importers.pdf_glyphs import _join_surrogates

    joined = _join_surrogates([_glyph("\ud835", 10), _glyph("\udc46", 12), _glyph("x", 20)])
    assert [c["text"] for c in joined] == ["\U0001d446", "x"]
    assert joined[0]["x1"] == 17.0  # over both halves' boxes
    assert [c["text"] for c in _join_surrogates([_glyph("a", 0), _glyph("\udc46", 5)])] == ["a", "\ufffd"]
    assert [c["text"] for c in _join_surrogates(_word("plain", 0))] == list("plain")  # clean


def test_a_mathematical_letter_survives_the_import(printed):
    md = printed["preprint"].markdown
    assert "the 𝑆 matrix stays unitary" in md
    md.encode("utf-8")  # writable: no lone surrogate


def _text_pdf(line: str) -> bytes:
    content = f"BT /F1 11 Tf 72 700 Td ({line}) Tj 0 -14 Td (A second line of plain words.) Tj ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return hand_pdf(objects, "/Root 1 0 R")


def test_a_tab_glyph_between_words_is_a_word_gap():
    md = convert(_text_pdf("Abbott,\tB.\tP. et al. Observation of waves"), "tabs.pdf").markdown
    assert "Abbott, B. P. et al. Observation of waves" in md and "\t" not in md
    clean = convert(_text_pdf("Abbott, B. P. et al. Observation of waves"), "plain.pdf").markdown
    assert "Abbott, B. P. et al. Observation of waves" in clean


def test_tex_spacing_accents_are_set_on_their_letters():
    from kb.importers.pdf import _compose_accents

    glyphs = [(g, "") for g in _word("Uren", 0)] + [(_glyph("\u02dc", 15.5, space=True), ""), (_glyph("a", 20), "")]
    assert "".join(g["text"] for g, _ in _compose_accents(glyphs)) == "Ureña"
    assert not any(g["space_before"] for g, _ in _compose_accents(glyphs))
    # clean: a tilde standing by itself ('~ 10 GeV') is no accent
    alone = [(_glyph("\u02dc", 0), ""), (_glyph("1", 12, space=True), ""), (_glyph("0", 17), "")]
    assert "".join(g["text"] for g, _ in _compose_accents(alone)) == "\u02dc10"


# --- superscript markers --------------------------------------------------------------------------------------

def test_a_marker_with_a_body_size_space_on_its_baseline_is_still_a_superscript():
    from kb.importers.pdf import _lines

    host = _word("antimutagenic activities.", 50, bottom=110)
    marker = [_glyph("5", 175, bottom=105, size=6.5), _glyph(",", 178.3, bottom=105, size=6.5),
              _glyph("6", 180, bottom=105, size=6.5), _glyph(" ", 183.3, bottom=105, size=10.0)]
    lines = _lines(host + marker, [], 1)
    assert [line.text for line in lines] == ["antimutagenic activities.<sup>5,6</sup>"]
    # clean: a row of body-size words on its own baseline is a line of its own
    other = _word("next line of text", 50, bottom=122)
    assert [line.text for line in _lines(host + other, [], 1)] == ["antimutagenic activities.", "next line of text"]


def test_a_wrapped_marker_starts_at_the_left_edge_and_a_figure_label_does_not():
    from kb.importers.pdf import _lines

    host = _word("compared with published data.", 50, bottom=100)
    wrapped = _word("30", 50, bottom=110, size=6.0)  # the marker broke onto the next line's start
    assert [line.text for line in _lines(host + wrapped, [], 1)] == ["compared with published data.<sup>30</sup>"]
    label = _word("30", 150, bottom=110, size=6.0)  # small digits further right: a figure's label
    assert "<sup>" not in " ".join(line.text for line in _lines(host + label, [], 1))


def test_bmj_dash_mapped_to_e_in_a_marker_is_read_as_a_range():
    from kb.importers.pdf import _styled

    assert _styled("4 36e38", "sup") == "<sup>4 36\u201338</sup>"
    assert _styled("5e7", "sup") == "<sup>5\u20137</sup>"
    assert _styled("th", "sup") == "<sup>th</sup>"  # clean: letters in a superscript stay
    assert _styled("2e", "sup") == "<sup>2e</sup>"


# --- running lines ----------------------------------------------------------------------------------------------

def test_running_title_and_footer_inside_a_small_page_grid_are_dropped(printed):
    md = printed["grid"].markdown
    assert "Approximation Algorithms for Data Placement" not in md
    assert "ACM Journal Name" not in md
    for word in ("alpha", "bravo", "charlie", "delta"):  # clean: each page's first and last words stay
        assert f"Page {word} opens with its own words" in md
        assert f"The {word} placement is computed by the {word} scheme." in md


# --- list entries and labels -------------------------------------------------------------------------------------

def test_a_drawn_shape_beside_a_numbered_entry_is_no_bullet():
    from kb.importers.pdf import _line as pdf_line

    shape = {"x0": 40.0, "x1": 44.0, "top": 93.0, "bottom": 97.0}  # a box's corner mark at the line's left
    numbered = pdf_line([(g, "") for g in _word("13. Pope C", 50)], [shape], 1)
    assert not numbered.bullet and numbered.text == "13. Pope C"
    plain = pdf_line([(g, "") for g in _word("A bullet item", 50)], [shape], 1)  # clean: a bullet it is
    assert plain.bullet



def test_an_entry_number_set_in_bold_is_a_bare_label(printed):
    md = printed["bold"].markdown
    assert "\n1. Fischer R, Byerlee D." in md and "\n2. Asseng S. Rising" in md
    assert "**Note** this paragraph" in md  # clean: a bold word that is no label stays bold


# --- columns -------------------------------------------------------------------------------------------------------

def test_a_figures_many_small_labels_do_not_set_its_columns_text_size():
    from kb.importers.pdf_columns import find_gutter, fragments

    chars = []
    for row in range(10):
        chars += _word("left column running text line", 50, 100 + 12 * row)
        chars += _word("right column running text here", 320, 100 + 12 * row)
    figure = []
    for row in range(14):  # axis ticks and labels, each a fragment of its own, in the left column below
        for x in (55, 95, 135, 175, 215):
            figure += _word(str(row * 10 + x % 7), x, 240 + 6 * row, size=4.9)
    for row in range(14):
        chars += _word("right column running text here", 320, 220 + 12 * row)
    assert find_gutter(fragments(chars + figure)) is not None
    # clean: the same page without the figure is read as two columns too
    assert find_gutter(fragments(chars)) is not None


def _two_column_rows(top: float, count: int, size: float, left: str, right: str) -> list[dict]:
    chars = []
    for row in range(count):
        chars += _word(f"{left} {row} text of the column", 50, top + 1.2 * size * row, size)
        chars += _word(f"{right} {row} text of the column", 320, top + 1.2 * size * row, size)
    return chars


def _read_order(chars: list[dict]) -> list[str]:
    from kb.importers.pdf_columns import find_gutter, fragments
    from kb.importers.pdf_order import page_order

    frags = fragments(chars)
    order = page_order(chars, frags, find_gutter(frags))
    return ["".join(c["text"] for c in group.chars)[:2] for group in order.groups]


def test_columns_that_stop_above_a_gap_and_resume_in_another_size_are_two_bands():
    chars = _two_column_rows(100, 8, 10.0, "ta", "tb") + _two_column_rows(230, 8, 8.0, "ra", "rb")
    assert _read_order(chars) == ["ta", "tb", "ra", "rb"]  # the text's columns, then the list's
    # clean: the same gap with no change of size is one band read column by column
    same = _two_column_rows(100, 8, 10.0, "ta", "tb") + _two_column_rows(230, 8, 10.0, "ra", "rb")
    assert _read_order(same) == ["ta", "tb"]


# --- where the reference list stands -----------------------------------------------------------------------------


def test_a_preprints_unheaded_list_is_read(printed):
    from kb.read.parse_policy import parse_policy

    converted = printed["preprint"]
    assert [e.number for e in parse_policy(converted.markdown).references] == [1, 2, 3]
    assert any("a References heading was added above them" in n for n in converted.notes)


def test_a_running_title_with_the_page_number_beside_it_on_some_pages_is_still_one_title():
    from kb.importers.pdf_furniture import drop_running_lines

    pages = []
    for n in range(1, 7):
        title = "Agyeman-Duah et al. BMC Health Services Research 2014, 14:1"
        top = _line(title + (f"\tPage {n} of 6" if n in (5, 6) else ""), 30)  # landscape pages print both
        pages.append([top, _line(f"Body text of page {n} about the hospital's quality.", 300),
                      _line(f"{n}", 760, 300, 310)])
    pages[2].insert(0, _line("A line in the margin of one page only", 20))
    kept, dropped = drop_running_lines(pages, [792.0] * 6)
    texts = [line.text for page in kept for line in page]
    assert not any("Agyeman-Duah" in t for t in texts) and dropped == 12
    assert "A line in the margin of one page only" in texts  # clean: a margin line printed once stays


def _font_pdf(text: str) -> bytes:
    content = f"BT /F1 11 Tf 72 700 Td ({text}) Tj ET"
    return hand_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                     "/Resources << /Font << /F1 5 0 R >> >> >>",
                     f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
                     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"], "/Root 1 0 R")


def test_a_glyphs_raw_control_code_is_no_character():
    from kb.importers.pdf_glyphs import PageGlyphs, open_pdf

    page = PageGlyphs(open_pdf(_font_pdf("Bullet \\017 item and \\020 more"))[0])
    assert "".join(c["text"] for c in page.chars) == "Bullet \ufffd item and \ufffd more" and page.unmapped == 2
    clean = PageGlyphs(open_pdf(_font_pdf("Bullet item and more"))[0])
    assert "".join(c["text"] for c in clean.chars) == "Bullet item and more" and clean.unmapped == 0


def test_a_table_cell_read_without_a_font_map_loses_its_control_bytes():
    from kb.importers.pdf_glyphs import clean_cell

    assert clean_cell("\x001\x000\x002\x006\x00\x03") == "1026\ufffd"
    assert clean_cell("Code\n22510\tx") == "Code\n22510\tx" and clean_cell(None) is None  # clean


def _three_column_page(heading: bool, rows: int = 14) -> list[dict]:
    chars = _word("Acknowledgements. The authors thank the staff of the zoo for their help with samples", 50, 80)
    if heading:
        chars += _word("References", 50, 100, size=12.0)
    for row in range(rows):
        for column, x in enumerate((50, 230, 410)):
            text = f"{column + 1}{row:02d}. Author A, Other B. 2009 A title of the paper" if row % 3 == 0 else \
                f"c{column + 1} r{row} words of an entry that runs on"
            chars += _word(text[:32], x, 120 + 9 * row, size=7.0)
    return chars


def test_a_reference_list_in_three_columns_under_its_heading_is_read_column_by_column():
    from kb.importers.pdf_columns import fragments
    from kb.importers.pdf_three_columns import three_column_list
    from kb.importers.pdf_order import page_order

    chars = _three_column_page(heading=True)
    gutters = three_column_list(fragments(chars))
    assert gutters is not None and 162 < gutters[0] < 230 and 342 < gutters[1] < 410
    order = page_order(chars, fragments(chars), gutters)
    text = "".join(c["text"] for group in order.groups for c in group.chars)
    assert order.columns == 3 and text.index("References") < text.index("100.") < text.index("c1 r13") < \
        text.index("200.") < text.index("c2 r13") < text.index("300.")  # down the first column, then the next
    # clean: the same three columns under no reference heading (a table of long cells, say) are not taken
    plain = _three_column_page(heading=False)
    assert three_column_list(fragments(plain)) is None
    assert three_column_list(fragments(plain), continued=True) is not None  # unless the list runs on from before




def test_glyphs_set_far_outside_the_page_are_left_out_and_said():
    # A damaged file placed a line 281 million points to the right: nothing prints it, and the column search,
    # which steps across the page's text, took minutes over it.
    from kb.importers.pdf_glyphs import PageGlyphs, open_pdf

    far = PageGlyphs(open_pdf(_font_pdf("Kept words) Tj 99999999 0 Td (Far words"))[0])
    assert "".join(c["text"] for c in far.chars) == "Kept words" and far.off_page == len("Far words")
    near = PageGlyphs(open_pdf(_font_pdf("Kept words) Tj 480 0 Td (Edge"))[0])  # clean: at the page's edge, kept
    assert "".join(c["text"] for c in near.chars) == "Kept wordsEdge" and near.off_page == 0
