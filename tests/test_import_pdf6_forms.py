"""Forms of the held-out clinical PDFs of /work/corpuspdf6 (mahmood726-cyber/rct-extractor-v2's cardiology trials and
meta-analyses: CHEST, Dove, NEJM, Europace, NIH author manuscripts, Egyptian Heart Journal, Medicine) that the
importer or the reader misread, each beside its clean case. Glyphs, tables and texts are made here; no publisher's
PDF is read (notes: /work/notes/corpuspdf6_findings.md)."""
from __future__ import annotations

from dataclasses import dataclass

from importtools import word

# --- the page's columns ---------------------------------------------------------------------------------------------


def _chest_page(heading: str) -> list[dict]:
    """CHEST's last page: the discussion's end in two columns, then three narrow columns; the first holds the
    acknowledgements and, at its foot, the list's heading and first entry, which runs on in the second and third."""
    chars = []
    for row in range(6):
        chars += word("the last lines of the discussion on the left", 40, 60 + 12 * row, 9.0)
        chars += word("the last lines of the discussion right", 300, 60 + 12 * row, 9.0)
    for row in range(30):
        y = 150 + 10 * row
        if row == 20:
            chars += word(heading, 40, y, 9.0)
        else:
            text = "Author contributions: the guarantor" if row < 20 else "1. Author AB, Other C. A title"
            chars += word(text, 40, y, 7.0)
        chars += word(f"{row + 2}. Author AB, Other C. Title", 205, y, 7.0)
        chars += word(f"{row + 32}. Author AB, Other C. Title", 370, y, 7.0)
    return chars


def test_a_list_whose_heading_stands_inside_three_columns_under_two_is_read_in_three():
    from kb.importers.pdf_order import page_order
    from kb.importers.pdf_three_columns import Split, page_gutters

    chars = _chest_page("References")
    [(frags, gutter)] = page_gutters([chars])
    assert isinstance(gutter, Split) and len(gutter.lower) == 2 and 130 < gutter.y < 150
    order = page_order(chars, frags, gutter)
    text = ["".join(c["text"] for c in group.chars) for group in order.groups]
    assert text[0].startswith("the last lines of the discussion on the left")
    assert text[1].startswith("the last lines of the discussion right")
    # the first narrow column, then the second and the third: entry 1 before entry 2, entry 31 before 32
    assert text[2].startswith("Author contributions") and "References" in text[2]
    assert text[3].startswith("2. Author") and text[4].startswith("32. Author")
    # clean: the same page under a heading that names no reference list is not cut into three
    [(_, gutter)] = page_gutters([_chest_page("Disclosures")])
    assert not isinstance(gutter, Split)


def _nejm_row(gap: float) -> list[dict]:
    """One row of NEJM's two columns: a justified line in each, 'gap' points apart (its words 3 points apart)."""
    from importtools import glyph

    chars, x = [], 100.0
    for w in "of persistent atrial fibrillation. This factor may".split():
        chars += [glyph(ch, x + 5.0 * i, 200.0, 10.0) for i, ch in enumerate(w)]
        x += 5.0 * len(w) + 3.0
    x += gap - 3.0
    for w in "tory to manage stroke risk appropriately in pa-".split():
        chars += [glyph(ch, x + 5.0 * i, 200.0, 10.0) for i, ch in enumerate(w)]
        x += 5.0 * len(w) + 3.0
    return chars


def test_two_columns_lines_joined_across_a_narrow_gutter_are_cut_there():
    from kb.importers.pdf_columns import fragments
    from kb.importers.pdf_order import _split_at_gutters

    [joined] = fragments(_nejm_row(9.0))  # under the em that parts fragments: one fragment across both
    gutter = joined.chars[0]["x0"] + 0.5 * (joined.x1 - joined.x0)
    at = next(c["x1"] for c in joined.chars if c["text"] == "y" and c["x1"] > gutter - 40)
    parts = _split_at_gutters(joined, (at + 4.5,))
    assert ["".join(c["text"] for c in p.chars).strip() for p in parts] == [
        "ofpersistentatrialfibrillation.Thisfactormay", "torytomanagestrokeriskappropriatelyinpa-"]
    # clean: a full-width line whose spaces are all alike is not cut, wherever the gutter falls
    [line] = fragments(_nejm_row(3.0))
    assert _split_at_gutters(line, (at + 4.5,)) == [line]


def _table_over_text(columns: bool) -> list[dict]:
    """Egyptian Heart Journal's page: an unruled table across the page in 8-point type, then nine rows of text in
    9.8-point type, in two columns (or, clean, in one)."""
    chars = []
    for row in range(30):
        for x, cell in ((56, "Yue et al. [15]"), (153, "8853"), (210, "3.20"), (272, "57.38"), (337, "38.45"),
                        (367, "Prospective cohort"), (484, "JNC7")):
            chars += word(cell, x, 100 + 12 * row, 8.0)
    for row in range(9):
        if columns:
            chars += word("the pooled hazard ratio of the studies", 56, 470 + 12 * row, 9.8)
            chars += word("the trim-fill analysis resulted in", 305, 470 + 12 * row, 9.8)
        else:
            chars += word("one line of text across the whole page in its single column here", 56, 470 + 12 * row,
                          9.8)
    return chars


def test_two_columns_under_a_full_width_table_in_other_type_are_read_as_columns():
    from kb.importers.pdf_columns import find_gutter, fragments
    from kb.importers.pdf_order import page_order

    chars = _table_over_text(columns=True)
    frags = fragments(chars)
    assert find_gutter(frags) is None and find_gutter(frags, 297.6) is None  # the page as a whole shows none
    order = page_order(chars, frags, None, 297.6)
    text = ["".join(c["text"] for c in group.chars) for group in order.groups]
    assert order.columns == 2 and text[0].startswith("Yue")
    assert text[1].startswith("the pooled hazard ratio") and "trim-fill" not in text[1]
    assert text[2].startswith("the trim-fill analysis")
    # clean: one column of text under the table stays one reading, in the page's order
    chars = _table_over_text(columns=False)
    order = page_order(chars, fragments(chars), None, 297.6)
    assert order.columns == 1 and len(order.groups) == 1


# --- ruled tables -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    cells: tuple


@dataclass(frozen=True)
class _Table:
    rows: tuple
    bbox: tuple


def test_a_tables_box_is_as_wide_as_its_cells_that_hold_text():
    from kb.importers.pdf_glyphs import _written_extent

    # Europace: a rule across the page's head joined to the box drawn round a table in the left column; the grid's
    # empty right 'cell' covers the right column's running text
    table = _Table(rows=(_Row(((43, 35, 547, 57),)), _Row(((52, 60, 274, 86), (283, 57, 547, 342))),
                         _Row(((52, 86, 274, 320), None))), bbox=(43, 35, 547, 342))
    texts = [[""], ["Table 2 Adverse events", ""], ["Dysgeusia 0 15 (38)", None]]
    assert _written_extent(table, texts) == (52, 35, 274, 342)  # cut across; its top and foot the grid's
    # clean: a table whose every cell holds text keeps its own box
    table = _Table(rows=(_Row(((40, 100, 200, 120), (200, 100, 400, 120))),
                         _Row(((40, 120, 200, 140), (200, 120, 400, 140)))), bbox=(40, 100, 400, 140))
    texts = [["Outcome", "n (%)"], ["Death", "4 (10)"]]
    assert _written_extent(table, texts) == (40, 100, 400, 140)


def test_a_frame_round_a_whole_table_is_a_box_once_its_edge_strips_are_left_out():
    from kb.importers.pdf_glyphs import a_box, table_rows

    # EHJ Open: a box round Table 2, its rules a few points apart; one cell holds the whole table (with its raised
    # citations, which a cell's text loses); the strips between the rules are rows of no text
    grid = (_Row(((48, 59, 553, 72),)), _Row(((48, 72, 553, 80),)), _Row(((54, 80, 547, 715),)),
            _Row(((48, 715, 54, 727),)))
    texts = [["Table 2 Summary of articles"], [""], ["Study Design and aim Algorithm Itu 2016 5 ..."], [""]]
    assert not a_box(texts) and a_box(table_rows(texts, grid))
    # clean: an empty row as tall as a line of text is the table's own, and a table of cells stays a table
    grid = (_Row(((40, 100, 200, 120), (200, 100, 400, 120))), _Row(((40, 120, 200, 136), (200, 120, 400, 136))),
            _Row(((40, 136, 200, 156), (200, 136, 400, 156))))
    texts = [["Outcome", "n (%)"], ["", ""], ["Death", "4 (10)"]]
    assert table_rows(texts, grid) == texts and not a_box(table_rows(texts, grid))
    # clean: a box of several parts with empty rules between them (Science's summary box) keeps its strips
    grid = tuple(_Row(((48, 60 + 30 * i, 553, 60 + 30 * i + (26 if i % 2 == 0 else 4)),)) for i in range(7))
    texts = [["INTRODUCTION text"], [""], ["RATIONALE text"], [""], ["RESULTS text"], [""], ["CONCLUSION text"]]
    assert table_rows(texts, grid) == texts


# --- the reference list ---------------------------------------------------------------------------------------------

_ENTRIES = [f"{n}. Author{chr(64 + n)} AB, Other C. A trial of care {n}. Lancet. {1990 + n};{n}:1-9."
            for n in range(1, 9)]


def test_a_box_printed_amid_a_headed_lists_entries_is_moved_after_it():
    from kb.importers.pdf_entries import rejoin_boxed_list

    # NEJM's 'Article metrics now available', Dove's 'Publish your work in this journal': between entry 4 and 5
    box = ["", "#### **International Journal of COPD**", "", "### **Publish your work in this journal**", "",
           "The journal is an international, peer-reviewed journal.", ""]
    markdown = "\n".join(["# A trial", "", "Text.<sup>1-8</sup>", "", "## References", "", *_ENTRIES[:4], *box,
                          *_ENTRIES[4:], ""])
    out, note = rejoin_boxed_list(markdown)
    lines = out.split("\n")
    assert note and "moved after the list" in note
    start = lines.index(_ENTRIES[0])
    assert lines[start:start + 8] == _ENTRIES
    assert "### **Publish your work in this journal**" in lines[start + 8:]
    # clean: a new list under the heading (numbered from 1 again), or two entries only after it, stays where it is
    again = "\n".join(["## References", "", *_ENTRIES[:4], *box, *_ENTRIES[:4], ""])
    assert rejoin_boxed_list(again) == (again, None)
    short = "\n".join(["## References", "", *_ENTRIES[:4], *box, *_ENTRIES[4:6], ""])
    assert rejoin_boxed_list(short) == (short, None)


# --- the reader ---------------------------------------------------------------------------------------------------


def test_a_byline_whose_last_name_follows_a_serial_comma_and_and_is_a_byline():
    from kb.read.byline import is_byline

    # an NIH author manuscript: '..., Joel Eggebeen<sup>6</sup>, and Barbara J. Nicklas, PhD<sup>7</sup>'
    assert is_byline("**Dalane W. Kitzman**<sup>1</sup>, **Peter Brubaker, PhD**<sup>2</sup>, **Joel Eggebeen**"
                     "<sup>6</sup>, and **Barbara J. Nicklas, PhD**<sup>7</sup>")
    # clean: a sentence naming authors with their citations has other words too
    assert not is_byline("Smith<sup>1</sup>, Jones<sup>2</sup>, and others found that the drug works.")


def test_a_score_of_n_among_the_included_studies_is_no_count_of_them():
    from kb.sources.claims import count_claims

    # Medicine: '..., and Yu (2017), who achieved scores of 7 among the included studies.[13-18]'
    text = "Girerd (2022), Sultana (2010), and Yu (2017), who achieved scores of 7 among the included studies.[13-18]"
    assert count_claims(text, [(text.index("[13"), len(text))]) == []
    # clean: a count of the studies is still a count
    text = "Seven among the included studies were randomised.[13-18]"
    assert [c.count for c in count_claims(text, [(text.index("[13"), len(text))])] == [7]


def test_reduced_before_the_measures_own_name_claims_no_effect():
    from kb.estimates.claims import claim_for

    # Egyptian Heart Journal: trim-and-fill gave 'a slightly reduced pooled HR of 1.09 (95% CI 0.94, 1.25)'
    text = "Trim-fill analysis resulted in a slightly reduced pooled HR of 1.09 (95% CI 0.94, 1.25)."
    assert claim_for(text, text.index("1.09"), text.index(").") + 1, None) == ("", "")
    assert claim_for(text, text.index("HR of"), text.index(").") + 1, None) == ("", "")
    # clean: 'reduced' before what is measured is still a claim of an effect
    text = "Treatment reduced mortality (HR 1.09, 95% CI 0.94, 1.25)."
    assert claim_for(text, text.index("(HR"), text.index(").") + 1, None)[0] == "significant"


def test_a_legends_abbreviation_whose_name_opens_with_a_capital_and_a_hyphen_is_defined():
    from kb.read.acronyms import defined_elsewhere

    # EuroIntervention's Table 1 legend: '...; CKD: chronic kidney disease; CRP: C-reactive protein; DES: ...'
    legend = ("ACE: angiotensin-converting enzyme; CKD: chronic kidney disease; CRP: C-reactive protein; "
              "DES: drug-eluting stent")
    assert {"ACE", "CKD", "CRP", "DES"} <= defined_elsewhere(legend)
    # clean: a capital and a hyphen that do not spell the acronym define nothing
    assert "CRP" not in defined_elsewhere("Values are given as means; CRP: T-cell counts were low.")
