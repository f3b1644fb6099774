"""A table row of two cells drawn without rules (a guideline's recommendation beside its strength) is read cell
by cell, not line by line; lists and label tables that look alike are left as they were. The PDFs are written by
hand here (Helvetica, placed line by line as a typesetter places them); the texts are made up."""
from __future__ import annotations

from importtools import hand_pdf
from kb.importers.pdf import convert

# the left cell's lines end in a space glyph, as WHO's do: the gap before the right cell is then no word gap
_LEFT = ["The panel suggests that adults who have no symptoms of an ",
         "infection and are seen in primary care for routine visits be ",
         "offered a test for the infection in settings where the ",
         "prevalence is high and resources are available. Local ",
         "guidance on symptomatic care should still be followed."]
_RIGHT = ["Conditional recommendation, ", "low certainty of evidence ", "(new 2025)"]


def _page(placed: list[tuple[float, float, str]], size: float = 9.5) -> bytes:
    """A one-page PDF with each text at (x, y), y from the page's foot."""
    content = " ".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET" for x, y, text in placed)
    return hand_pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                     "/Resources << /Font << /F1 5 0 R >> >> >>",
                     f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
                     "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"], "/Root 1 0 R")


def _row(left: list[str], right: list[str], top: float = 600.0, pitch: float = 11.4) -> list[tuple]:
    placed = [(68, 700, "Table 2. What the panel recommends for adults seen in primary care")]
    placed += [(77, top - pitch * i, text) for i, text in enumerate(left)]
    placed += [(381, top - pitch * i, text) for i, text in enumerate(right)]
    below = top - pitch * max(len(left), len(right)) - 12
    return placed + [(77, below, "Remarks: testing is voluntary and done with consent.")]


def _flat(markdown: str) -> str:
    return " ".join(markdown.split())


def test_a_two_cell_row_is_read_cell_by_cell():
    md = convert(_page(_row(_LEFT, _RIGHT)), "row.pdf").markdown
    flat = _flat(md)
    assert ("The panel suggests that adults who have no symptoms of an infection and are seen in primary care for "
            "routine visits be offered a test for the infection in settings where the prevalence is high and "
            "resources are available. Local guidance on symptomatic care should still be followed.") in flat
    # the right cell after the left, a paragraph of its own, and the text below the table apart from both
    cells = md.split("\n\n")
    strength = next(i for i, block in enumerate(cells) if block.startswith("Conditional recommendation,"))
    assert _flat(cells[strength]) == "Conditional recommendation, low certainty of evidence (new 2025)"
    assert cells[strength - 1].startswith("The panel suggests") or "The panel suggests" in cells[strength - 1]
    assert cells[strength + 1].startswith("Remarks:")


def test_the_cells_own_text_stays_whole_when_the_left_cell_is_full_to_its_last_line():
    # the left cell's last line is its longest: its text still does not run on into the right cell's
    left = _LEFT[:-1] + ["guidance on symptomatic care should still be followed fully."]
    md = convert(_page(_row(left, _RIGHT)), "full.pdf").markdown
    assert "followed fully.\n\nConditional recommendation" in md


_ITEMS = ["to offer a test to people seen for routine visits;", "to count the infections found in a year;",
          "to treat the partners of people who test positive."]


def _list(labels: list[str]) -> bytes:
    """A list whose labels stand an em and more left of each item's text, the texts flush at one x (the line that
    opens it set apart by a gap, so that the list's rows are a run of their own)."""
    placed = [(68, 720, "The tests serve these aims:")]
    placed += [(78, 688 - 12 * i, label) for i, label in enumerate(labels)]
    return _page(placed + [(96, 688 - 12 * i, t) for i, t in enumerate(_ITEMS)], 10.0)


def test_a_list_whose_labels_stand_apart_from_their_text_is_no_table():
    # clean: lettered in lower case, each label 'runs on' into the next as a cell's wrapped text would; a label
    # alone on the left is a list's
    md = convert(_list(["a.", "b.", "c."]), "letters.pdf").markdown
    assert "The tests serve these aims:" in md and all(f"{t}" in md for t in _ITEMS)
    assert _flat(md).index("b.") < _flat(md).index(_ITEMS[1]) < _flat(md).index("c.")
    md = convert(_list(["\\225"] * 3), "bullets.pdf").markdown
    assert "\n".join(f"- {t}" for t in _ITEMS) in md


def test_a_table_of_labels_beside_their_values_is_kept_row_by_row():
    # clean: one-line labels, each beside its value: rows of a table, not one cell's wrapped text
    labels = ["Policy number", "Effective date", "Next review"]
    values = ["MP-0042 and its annexes", "1 January 2025 for all plans", "December 2026 or sooner"]
    placed = [(77, 600 - 11.4 * i, label + " ") for i, label in enumerate(labels)]
    placed += [(381, 600 - 11.4 * i, value) for i, value in enumerate(values)]
    md = convert(_page(placed), "labels.pdf").markdown
    # (each label is read with its value, as before: the cells are not gathered)
    assert "Policy number MP-0042 and its annexes Effective date 1 January 2025 for all plans Next review" in _flat(md)


def test_a_column_of_dates_beside_a_wrapped_note_is_kept_row_by_row():
    # clean: one word a line on the left (dates, codes): table rows, whatever the right side holds
    placed = [(77, 600 - 11.4 * i, date + " ") for i, date in enumerate(["07/01/2008", "06/01/2005", "08/01/2003"])]
    placed += [(140, 600 - 11.4 * i, t) for i, t in enumerate(["Policy reviewed without a literature",
                                                                 "review; a new review date only."])]
    flat = _flat(convert(_page(placed), "dates.pdf").markdown)
    assert flat.index("07/01/2008") < flat.index("Policy reviewed") < flat.index("06/01/2005")


def _even(left: list[str], right: list[str]) -> str:
    placed = [(77, 600 - 11.4 * i, text + " ") for i, text in enumerate(left)]
    placed += [(200, 600 - 11.4 * i, text) for i, text in enumerate(right)]
    return _flat(convert(_page(placed), "even.pdf").markdown)


def test_cells_of_as_many_lines_are_one_row_only_where_the_left_goes_on_in_lower_case():
    # a cell whose second line goes on in lower case beside a cell of two lines: one row of two cells
    flat = _even(["For the policy-", "makers"], ["The advice can be adopted as", "policy in most settings."])
    assert "For the policy-makers The advice can be adopted as policy in most settings." in flat
    # clean: two one-line rows of two cells each, a capital opening each label: kept row by row
    flat = _even(["Prior approval needed", "Step therapy applies"], ["Required for all plans", "Not for the basic plan"])
    assert flat.index("Prior approval needed") < flat.index("Required for all plans") < flat.index("Step therapy")


def test_a_table_of_three_columns_is_no_two_cell_row():
    # clean: a short first column ('yes', 'no') before the second: three cells a row, not a left cell's label
    rows = [("yes", "Corpus one (full)", "multi"), ("no", "Corpus two", "bio, med"), ("yes", "Corpus three", "physics")]
    placed = []
    for i, cells in enumerate(rows):
        placed += [(x, 600 - 11.4 * i, text + " ") for x, text in zip((77, 120, 260), cells)]
    flat = _flat(convert(_page(placed), "three.pdf").markdown)
    assert flat.index("Corpus one") < flat.index("multi") < flat.index("Corpus two") < flat.index("bio, med")
