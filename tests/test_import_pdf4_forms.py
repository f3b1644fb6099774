"""Forms of the held-out clinical PDFs (/work/corpuspdf4: BMJ, JAMA and Annals trials kept by RobotReviewer, and
paper-qa's biomedical articles: Science, a bioRxiv manuscript, an Experimental & Molecular Medicine review) that the
importer or the reader misread, each beside its clean case. Glyphs, lines and texts are made here; no PDF is
printed (notes: /work/notes/corpuspdf4_findings.md)."""
from __future__ import annotations

from importtools import glyph, word

from kb.read.parse_policy import parse_policy


# --- columns -----------------------------------------------------------------------------------------------------

def _bmj_page(labelled: bool) -> list[dict]:
    """BMJ's last text page: the text's left column in body type, and in the right its references set small, each
    entry's number more than an em left of its hanging text."""
    chars = []
    for row in range(30):
        chars += word("running text of the discussion in the left column", 50, 100 + 12 * row)
    for row in range(60):
        first = row % 2 == 0
        if labelled and first:
            chars += word(str(row // 2 + 1), 310, 100 + 6 * row, 5.6)
        chars += word("Author AB, Other CD. A title of the paper. J Med" if first else
                       "continued entry words 2009;46:292-9 and more words", 324, 100 + 6 * row, 5.6)
    return chars


def test_a_list_whose_numbers_stand_an_em_from_their_entries_is_a_column_not_a_table():
    from kb.importers.pdf_columns import find_gutter, fragments

    # every entry's first row is cut at its hanging indent, as a table's rows are at their cells: yet the rows
    # are lines of text, and the page is read in two columns
    assert find_gutter(fragments(_bmj_page(labelled=True))) is not None
    # clean: the same page without the numbers was read so already
    assert find_gutter(fragments(_bmj_page(labelled=False))) is not None


def test_rows_cut_at_one_x_into_cells_are_still_no_column():
    from kb.importers.pdf_columns import find_gutter, fragments

    chars = []
    for row in range(30):
        chars += word("running text of the discussion in the left column", 50, 100 + 12 * row)
        # a table: a word, then a cell of numbers far to its right, on every row
        chars += word("Outcome", 310, 100 + 12 * row) + word("12 (4.5) 13 (5.0) 0.42 0.71", 420, 100 + 12 * row)
    assert find_gutter(fragments(chars)) is None


def _jama_page(split: bool) -> list[dict]:
    """JAMA's last page: the text's two columns, then 'References' and three narrow columns of entries."""
    chars = []
    for row in range(16):
        chars += word("two column running text of the discussion", 40, 100 + 12 * row)
        chars += word("right column running text that goes on", 320, 100 + 12 * row)
    if split:
        chars += word("ARTICLE INFORMATION", 40, 320, 8) + word("REFERENCES", 420, 320, 8)
        for row in range(20):
            for x in (40, 225, 420):
                chars += word(f"{row + 1}. Author AB, et al. A title of", x, 340 + 9 * row, 7.0)
    return chars


def test_a_page_in_two_columns_above_its_reference_heading_and_three_below_is_read_so():
    from kb.importers.pdf_three_columns import Split, page_gutters
    from kb.importers.pdf_order import page_order

    chars = _jama_page(split=True)
    [(frags, gutter)] = page_gutters([chars])
    assert isinstance(gutter, Split) and 245 < gutter.upper < 320 and len(gutter.lower) == 2
    order = page_order(chars, frags, gutter)
    text = ["".join(c["text"] for c in group.chars) for group in order.groups]
    assert text[0].startswith("two column") and text[1].startswith("right column")
    assert "REFERENCES" in "".join(text[2:]) and order.columns == 3
    # clean: the same text columns with no list under them keep their one gutter
    [(_, plain)] = page_gutters([_jama_page(split=False)])
    assert isinstance(plain, float)


def _three_column_body(rows: int = 30) -> list[dict]:
    chars = []
    for row in range(rows):
        for x in (40, 225, 410):
            chars += word("body text of a column goes on", x, 100 + 10 * row, 8.0)
    return chars


def test_three_pages_or_more_in_three_columns_are_read_in_three():
    from kb.importers.pdf_three_columns import page_gutters

    found = page_gutters([_three_column_body() for _ in range(3)])
    assert all(isinstance(gutter, tuple) and len(gutter) == 2 for _, gutter in found)
    # clean: one such page under no reference heading (a table of long cells) is not taken for columns
    [(_, alone)] = page_gutters([_three_column_body()])
    assert alone is None


# --- lists under no heading ----------------------------------------------------------------------------------------

_BMJ_ENTRIES = [f"{n} {name} {initials}, Other AB. A trial of care. Lancet {1990 + n};{n}:1-9."
                for n, name, initials in [(1, "Park", "SC"), (2, "Deyo", "RA"), (3, "Van Tulder", "MW"),
                                          (4, "Carragee", "EJ"), (5, "Verbiest", "H"), (6, "Kallen", "K"),
                                          (7, "Rogers", "JM"), (8, "Salihu", "HM")]]


def _bmj_text(box: bool, cited: bool = True) -> str:
    entries = list(_BMJ_ENTRIES)
    if box:  # the box beside the list, read amid its entries by the column order
        entries[5:5] = ["", "###### **What is already known on this topic**", "",
                        "Lumbar spinal stenosis is a common disease.", ""]
    cite = "<sup>1 2</sup>" if cited else ""
    return ("# A trial\n\n## Discussion\n\nDecompression is the standard" + cite + " of care.\n\n" + "\n".join(entries)
            + "\n\n**Accepted:** 07 October 2013\n\n### **Tables**\n\n" + "\n\n".join(["Row of a table."] * 40))


def test_bmj_entries_numbered_bare_under_no_heading_before_the_tables_are_headed():
    from kb.importers.pdf_entries import head_unheaded_list

    text, note = head_unheaded_list(_bmj_text(box=False))
    assert note and "a References heading was added" in note
    refs = parse_policy(text).references
    assert [e.number for e in refs] == list(range(1, 9)) and refs[2].first_author == "Van Tulder"
    # clean: the same entries that nothing in the text cites are left alone
    untouched, none = head_unheaded_list(_bmj_text(box=False, cited=False))
    assert none is None and "## References" not in untouched


def test_a_box_printed_amid_the_entries_is_moved_after_the_list():
    from kb.importers.pdf_entries import head_unheaded_list

    text, note = head_unheaded_list(_bmj_text(box=True))
    assert "box" in note
    assert [e.number for e in parse_policy(text).references] == list(range(1, 9))
    assert text.index("8 Salihu") < text.index("What is already known")


def test_a_tables_bare_numbered_rows_are_no_list():
    from kb.importers.pdf_entries import head_unheaded_list

    rows = "\n".join(f"{n} Patients randomised in {2000 + n} to the trial" for n in range(1, 9))
    text = "# A trial\n\n## Results\n\nSee the table<sup>1</sup>.\n\n" + rows + "\n"
    assert head_unheaded_list(text) == (text, None)  # no entry opens with a surname and initials


def test_a_label_set_in_bold_before_a_plain_full_stop_is_bare():
    from kb.importers.pdf import _EMPHASISED_LABEL

    assert _EMPHASISED_LABEL.sub(r"\2\3", "**1**. Stevens JA, Rudd RA.") == "1. Stevens JA, Rudd RA."
    assert _EMPHASISED_LABEL.sub(r"\2\3", "**12.** Fischer R.") == "12. Fischer R."
    # clean: a bold number that opens a sentence is left bold
    assert _EMPHASISED_LABEL.sub(r"\2\3", "**12**.5 mg were given.") == "**12**.5 mg were given."


def test_references_and_notes_names_the_list():
    text = "# Report\n\n## Intro\n\nSkin bacteria (1, 2).\n\n## REFERENCES AND NOTES\n\n" \
           "1. Y. Yang et al., Nature 510, 152-156 (2014).\n2. S. Naik et al., Science 337, 1115-1119 (2012).\n"
    assert [e.first_author for e in parse_policy(text).references] == ["Yang", "Naik"]
    # clean: notes alone are no reference list
    notes = text.replace("REFERENCES AND NOTES", "NOTES")
    assert not parse_policy(notes).references


# --- a manuscript's forms -------------------------------------------------------------------------------------------

def _numbered_page(count: int, step: int = 1) -> list[dict]:
    chars = []
    for row in range(count):
        bottom = 100 + 25 * row
        number = str(1 + step * row)
        chars += word(number, 56 - 6 * len(number), bottom, 12.0)
        chars += word("a line of the manuscript's text", 74, bottom, 12.0)
    return chars


def test_a_manuscripts_line_numbers_are_left_out():
    from kb.importers.pdf_manuscript import drop_line_numbers

    chars = _numbered_page(8)
    kept, gone = drop_line_numbers(chars, 612.0)
    assert gone == 8 and not any(c["text"].isdigit() for c in kept)
    # clean: numbers in the margin that do not count on by one (a table's first column) stay
    other = _numbered_page(8, step=3)
    assert drop_line_numbers(other, 612.0) == (other, 0)


def test_a_line_opening_with_its_own_number_keeps_it():
    from kb.importers.pdf_manuscript import drop_line_numbers

    chars = []
    for row in range(8):  # '12 patients were ...': the number is the line's first word, a space from the next
        chars += word(f"{row + 1} patients were seen", 74, 100 + 25 * row, 12.0)
    assert drop_line_numbers(chars, 612.0) == (chars, 0)


def test_double_spaced_lines_are_one_paragraph():
    from importtools import layout_line, written_lines

    double = [layout_line(f"line {i} of a paragraph set double-spaced in a manuscript and", 100 + 24 * i,
                          50, 500, 12.0) for i in range(24)]
    assert written_lines(double).count("\n\n") == 0
    # clean: on a single-spaced page the same gap parts paragraphs
    single = [layout_line(f"line {i} of a paragraph set single-spaced in an article and", 100 + 14 * i, 50, 500, 12.0)
              for i in range(24)]
    single += [layout_line("a paragraph of its own after a wide gap in the article", 100 + 14 * 23 + 24, 50, 500, 12.0)]
    assert written_lines(single).count("\n\n") == 1


# --- the reader --------------------------------------------------------------------------------------------------

def _cited(sentence: str) -> list[tuple]:
    text = f"# T\n\n## Intro\n\nCaspases cleave after aspartate<sup>1</sup>. {sentence}\n\n## References\n\n" \
           "1. Smith J. A paper. J Biol. 2001;1:1-2.\n2. Jones K. Another. J Biol. 2002;2:3-4.\n"
    return [m.numbers for m in parse_policy(text).markers]


def test_the_raised_places_around_a_motif_are_no_markers():
    assert _cited("EPRS1 is cleaved at a conserved site, <sup>926</sup>DQVD<sup>929</sup>.") == [(1,)]
    # clean: a raised number after capitals that no raised place opens cites
    assert _cited("The site reads QRS<sup>2</sup> in mice.") == [(1,), (2,)]


def test_a_year_before_a_biorxiv_number_is_the_year():
    text = "# T\n\n## Intro\n\nText [1, 2].\n\n## References\n\n" \
           "1. Sahoo B, Dai X. How NINJ1 mediates rupture. bioRxiv. 2023: 2023.05.31.543175.\n" \
           "2. Kim J. A volume. J Biol. 2093: 1-10.\n"
    assert [e.year for e in parse_policy(text).references] == [2023, None]  # clean: a volume before pages


def test_a_lists_hanging_labels_counting_its_entries_are_no_line_numbers():
    from kb.importers.pdf_manuscript import drop_line_numbers

    chars = word("A paragraph of the text opens at the list's edge.", 72, 80, 10.0)
    for n in range(1, 9):  # each entry: its label at the edge, two lines hanging beside it
        bottom = 100 + 30 * n
        chars += word(str(n), 72, bottom, 10.0) + word("Author AB. A title of the paper.", 90, bottom, 10.0)
        chars += word("Journal 2009;1:1-9.", 90, bottom + 12, 10.0)
    assert drop_line_numbers(chars, 612.0) == (chars, 0)


def _drop_cap_page(cap_size: float) -> list[dict]:
    chars = [glyph("M", 90, 103, cap_size)]  # three lines high, its top level with the first line's
    chars += word("ore than 250 000 people in the United States", 113, 72, 8.0)
    for row, text in enumerate(["fracture their hip each year, with many", "experiencing severe consequences."], 1):
        chars += word(text, 113, 72 + 11.5 * row, 8.0)
    return chars


def test_a_drop_cap_is_seated_on_its_first_line():
    from kb.importers.pdf_initials import seat_drop_caps

    seated = seat_drop_caps(_drop_cap_page(42.0))
    cap = seated[0]
    assert cap["size"] == 8.0 and cap["bottom"] == 72 and cap["x1"] == 113
    # clean: a large letter that stands beside no lines of text (a figure's panel letter) is left as it is
    alone = [glyph("A", 76, 103, 42.0)] + word("text far below the panel letter", 113, 300, 8.0)
    assert seat_drop_caps(alone) == alone


def test_a_titles_large_letters_are_no_drop_cap():
    from kb.importers.pdf_initials import seat_drop_caps

    title = word("Mo", 69, 103, 42.0) + _drop_cap_page(42.0)[1:]
    assert seat_drop_caps(title) == title


def _boxed_page(box_size: float) -> list[dict]:
    """PNAS's first page: the introduction in a wide column, its Significance box in a narrow one to the right."""
    chars = []
    for row in range(30):
        chars += word("introduction text running across the wide column of page one", 36, 100 + 11 * row, 10.0)
        if row < 24:
            chars += word("significance box of text", 404, 100 + 11 * row, box_size)
    return chars


def test_a_narrow_box_in_smaller_type_beside_the_text_is_a_column():
    from kb.importers.pdf_columns import find_gutter, fragments

    gutter = find_gutter(fragments(_boxed_page(8.5)))
    assert gutter is not None and 366 < gutter < 404
    # clean: a column as narrow in the text's own type is not taken for one (a table's column of words may be)
    assert find_gutter(fragments(_boxed_page(10.0))) is None
