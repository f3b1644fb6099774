"""The PDF converter on the forms real articles take: two columns under a full-width title and abstract with a
wide table between column bands, reference headings known by their words, '[n]' and hanging-indent entries, and
the clean cases beside them (one column, a table without rules, paragraphs with a first-line indent). Printed by
Chromium from small pages (kbdev.render, one browser run for this module)."""
import logging
import re

import pytest

from importtools import printed_pdfs
from kb.importers import convert

_WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


_SAYS = ["enrolled older patients with painful fractures", "measured pain on a visual analogue scale",
         "followed every patient for a full year", "compared cement injection with a sham procedure",
         "reported function with the Roland-Morris questionnaire", "counted new fractures on radiographs",
         "lost few patients to follow-up", "found no difference in the primary outcome"]


def _paragraph(word: str) -> str:
    # every sentence its own, so that no line repeats on two pages as a running header would
    filler = " ".join(f"The {word} study {says}." for says in _SAYS)
    return f"<p>Start of {word}. {filler} End of {word}.</p>"


ARTICLE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
body{{font-family:"DejaVu Serif",serif;font-size:10pt;margin:0}} h1{{font-size:20pt}}
.cols{{column-count:2;column-gap:26pt;text-align:justify}} p{{margin:0 0 6pt 0}}
.wide{{margin:8pt 0;font-size:10pt}} .ay p{{margin:0;padding-left:2.5em;text-indent:-2.5em}}
</style></head><body>
<h1>A Trial Printed in Two Columns</h1>
<p>Abstract. This abstract runs the full width of the page above the columns, as journals print it, and it says
what the trial found about pain and function in plain words across the whole line.</p>
<div class="cols">{"".join(_paragraph(w) for w in _WORDS[:4])}</div>
<p class="wide">Table 1. Baseline characteristics of the patients in both groups, set across the full width.</p>
<div class="cols">{"".join(_paragraph(w) for w in _WORDS[4:])}</div>
<p>7. References</p>
<p>[1] Smith J, Jones K. A randomized trial of vertebroplasty for painful fractures. N Engl J Med 2009;361:557-68.</p>
<p>[2] Brown A. Another trial. Lancet 2010;376:1085-92.</p>
<p>Literature Cited</p>
<div class="ay">
<p>Buchbinder, R., Osborne, R. H., Ebeling, P. R., Wark, J. D., Mitchell, P. and Wriedt, C. (2009). A randomized
trial of vertebroplasty for painful osteoporotic vertebral fractures. New England Journal of Medicine, 361, 557-568.</p>
<p>Kallmes, D. F. (2009). A short one. Radiology, 1, 2.</p>
<p>Klazen, C. A., Lohle, P. N., de Vries, J., Jansen, F. H., Tielbeek, A. V. and Blonk, M. C. (2010). Vertebroplasty
versus conservative treatment in acute osteoporotic vertebral compression fractures. Lancet, 376, 1085-1092.</p>
</div></body></html>"""

ONE_COLUMN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
body{font-family:"DejaVu Serif",serif;font-size:11pt} p{margin:0;text-indent:2em} table td{padding:0 3em 0 0}
</style></head><body><h1>One Column</h1>
<p>The first paragraph is set with a first-line indent and no space after it, as books and some reports print
their paragraphs, and it runs on for several lines so that its later lines stand at the margin of the page.</p>
<p>The second paragraph follows at once with its own first-line indent, and it too runs on for more than one
line, so that a reader taking indents for entries would cut these paragraphs in the wrong places.</p>
<p>The third paragraph closes the section and also wraps onto a second line, a last time, before the table.</p>
<table><tr><td>CPT</td><td>22511</td><td>lumbosacral</td></tr><tr><td>CPT</td><td>22512</td><td>each additional</td></tr>
<tr><td>HCPCS</td><td>C1062</td><td>implant</td></tr></table>
<h2>References</h2><ol><li>Zhu A. A review. J Bone. 2022;1:1-2.</li></ol></body></html>"""


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    pdfs = printed_pdfs(tmp_path_factory.mktemp("pdf-articles"), {"article": ARTICLE, "onecol": ONE_COLUMN})
    return {name: convert(data, f"{name}.pdf") for name, data in pdfs.items()}


def test_two_columns_are_read_left_column_first_band_by_band(printed):
    md = printed["article"].markdown
    starts = [md.index(f"Start of {w}.") for w in _WORDS]
    assert starts == sorted(starts)  # alpha..delta above the wide table, echo..hotel below it
    assert md.index("Abstract. This abstract") < starts[0]
    assert starts[3] < md.index("Table 1. Baseline") < starts[4]
    for word in _WORDS:  # each paragraph whole, even the one the column break runs through
        assert re.search(rf"Start of {word}\.[^\n]*End of {word}\.", md), word
    assert "\t" not in md  # no row read across the gutter


def test_the_import_report_says_where_the_columns_were_cut(printed):
    notes = printed["article"].notes
    assert any("set in two columns read column by column" in n for n in notes)
    assert any("full-width figure, table or equation stands between two-column text" in n for n in notes)


def test_one_column_with_a_table_without_rules_is_not_taken_for_columns(printed):
    converted = printed["onecol"]
    assert not any("two columns" in n for n in converted.notes)
    assert "CPT\t22511\tlumbosacral" in converted.markdown


def test_reference_headings_are_known_by_their_words(printed):
    md = printed["article"].markdown
    assert re.search(r"^#+ 7\. References$", md, re.M)
    assert re.search(r"^#+ Literature Cited$", md, re.M)


def test_bracketed_entries_start_lines_of_their_own(printed):
    md = printed["article"].markdown
    assert re.search(r"^\[1\] Smith J, Jones K\. A randomized trial .* 2009;361:557-68\.$", md, re.M)
    assert re.search(r"^\[2\] Brown A\. Another trial\.", md, re.M)


def test_author_year_entries_are_cut_at_their_hanging_indents(printed):
    md = printed["article"].markdown
    after = md[md.index("Literature Cited"):]
    paragraphs = [p for p in after.split("\n\n")[1:] if p.strip()]
    assert [p.split(",")[0] for p in paragraphs] == ["Buchbinder", "Kallmes", "Klazen"]
    assert "1085-1092." in paragraphs[2]


def test_paragraphs_with_a_first_line_indent_are_not_cut_as_entries(printed):
    md = printed["onecol"].markdown
    for start, end in (("The first paragraph", "margin of the page."), ("The second paragraph", "wrong places."),
                       ("The third paragraph", "before the table.")):
        assert re.search(rf"{start}[^\n]*{re.escape(end)}", md.replace("\n", " ")), start
    # the three paragraphs stay one block between blank lines: no entry boundaries were invented
    block = md[md.index("The first paragraph"):md.index("before the table.")]
    assert "\n\n" not in block


def test_pdfminer_warnings_stay_off_stderr(caplog):
    # Python prints an unhandled library warning to stderr; inside the import pdfminer's never reach a handler
    from kb.importers.pdf_glyphs import quiet_library_logs

    logger = logging.getLogger("pdfminer.pdfinterp")
    with caplog.at_level(logging.WARNING):
        with quiet_library_logs():
            logger.warning("Cannot set non-stroke color: 2 components specified")
        assert not [r for r in caplog.records if "non-stroke" in r.getMessage()]
        logger.warning("after the import: %s", "heard")  # the setting is put back
        assert [r for r in caplog.records if "heard" in r.getMessage()]


@pytest.mark.parametrize("text", ["References", "REFERENCES", "**References**", "7. References", "VII. REFERENCES",
                                  "Literature Cited", "Reference list", "References:", "Bibliography"])
def test_a_line_naming_the_reference_list(text):
    from kb.importers.pdf_entries import names_reference_list

    assert names_reference_list(text)


@pytest.mark.parametrize("text", ["The references below were screened.", "References to other policies",
                                  "12 references", "See the reference list."])
def test_a_line_mentioning_references_is_no_heading(text):
    from kb.importers.pdf_entries import names_reference_list

    assert not names_reference_list(text)


def _glyphs(text: str, x: float, bottom: float, size: float = 10.0) -> list[dict]:
    out = []
    for ch in text:
        out.append({"text": ch, "x0": x, "x1": x + 0.5 * size, "top": bottom - size, "bottom": bottom, "size": size,
                    "fontname": "Serif", "space_before": False})
        x += 0.5 * size
    return out


def test_a_gutter_is_found_between_two_columns_of_running_text():
    from kb.importers.pdf_columns import find_gutter, fragments

    chars = []
    for row in range(12):  # the right column's baselines sit 3 points lower than the left's
        chars += _glyphs("left column running text line", 50, 100 + 12 * row)
        chars += _glyphs("right column running text here", 320, 103 + 12 * row)
    gutter = find_gutter(fragments(chars))
    assert gutter is not None and 200 < gutter < 320


def test_a_table_of_short_cells_is_no_pair_of_columns():
    from kb.importers.pdf_columns import find_gutter, fragments

    chars = []
    for row in range(12):
        chars += _glyphs("CPT", 50, 100 + 12 * row) + _glyphs("22511", 250, 100 + 12 * row)
        chars += _glyphs("lumbar", 450, 100 + 12 * row)
    assert find_gutter(fragments(chars)) is None


def _line(text: str, top: float, x0: float = 50.0, x1: float = 300.0):
    from kb.importers.pdf_layout import Line

    return Line(1, top, top + 10, x0, x1, 10.0, text, 20.0, False, x0)


def _written(lines) -> str:
    from kb.importers.blocks import MarkdownWriter
    from kb.importers.pdf_layout import write_blocks

    out = MarkdownWriter()
    write_blocks(out, [lines], [[]])
    return out.text()


def test_the_next_number_starts_an_entry_after_a_line_full_to_the_margin():
    text = _written([_line("11. Geerts WH, Jay RM. A prospective study of venous thromboembolism. N Engl J", 100),
                     _line("12. Geerts WH, Pineo GF. Prevention of venous thromboembolism. Chest 2004.", 112)])
    assert "\n12. Geerts WH, Pineo GF." in text


def test_a_number_out_of_sequence_after_a_full_line_runs_on():
    text = _written([_line("11. Geerts WH, Jay RM. A prospective study of venous thromboembolism. N Engl J", 100),
                     _line("13. Med 1994;331:1601-6 and more of the same entry wrapped here at the margin.", 112)])
    assert "\n13." not in text


def test_hanging_entries_with_a_ragged_right_edge_are_cut_by_their_shape():
    # each entry's first line ends early (ragged right), its later lines hang under it
    rows = [("Darriba D, Posada D. 2011. ProtTest 3:", 50, 200), ("fast selection of best-fit models.", 70, 300),
            ("Bioinformatics 27:1164-1165.", 70, 220), ("Eddy SR. 1998. Profile hidden", 50, 180),
            ("Markov models. Bioinformatics 14:755-763.", 70, 290), ("Edgar RC. 2004. MUSCLE: a", 50, 170),
            ("multiple sequence alignment method.", 70, 300), ("BMC Bioinformatics 5:113.", 70, 200)]
    text = _written([_line(t, 100 + 12 * i, x0, x1) for i, (t, x0, x1) in enumerate(rows)])
    assert [p.split(" ")[0] for p in text.strip().split("\n\n")] == ["Darriba", "Eddy", "Edgar"]


def test_a_paragraph_at_the_margin_is_one_paragraph():
    rows = ["The trial enrolled older patients with painful", "fractures and measured pain on a scale, then",
            "followed them for a year. Eddy SR. 1998. Then", "more text of the same paragraph follows here."]
    text = _written([_line(t, 100 + 12 * i) for i, t in enumerate(rows)])
    assert "\n\n" not in text.strip()


def test_a_wide_table_of_many_cells_is_no_pair_of_columns():
    from kb.importers.pdf_columns import find_gutter, fragments

    chars = []
    for row in range(12):  # cells start at the same x row after row, whatever their words
        for x, cell in ((50, "Trial name"), (150, f"{row + 10} patients"), (330, "Sham procedure"),
                        (450, "12 months")):
            chars += _glyphs(cell, x, 100 + 12 * row)
    assert find_gutter(fragments(chars)) is None


def test_a_narrow_justified_column_with_wide_word_gaps_is_still_a_column():
    from kb.importers.pdf_columns import find_gutter, fragments

    chars = []
    for row in range(12):  # the left column's words spread two ems apart, at a different place each line
        gap = 20 + 7 * (row % 4)
        chars += _glyphs("justified", 50, 100 + 12 * row) + _glyphs("words", 95 + gap, 100 + 12 * row)
        chars += _glyphs("spread", 170 + gap, 100 + 12 * row)
        chars += _glyphs("right column running text here", 320, 100 + 12 * row)
    gutter = find_gutter(fragments(chars))
    assert gutter is not None and 250 < gutter < 320
