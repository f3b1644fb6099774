"""Forms of the held-out clinical PDFs of /work/corpuspdf5 (oddpub's test articles: Research Square, Karger, Wiley,
Frontiers, Taylor & Francis, Annals of Surgery Open, ASM, NDT, AME; SmartNMA's NEJM and EHJ trials) that the
importer or the reader misread, each beside its clean case. Glyphs, lines, matrices and texts are made here; no
publisher's PDF is read (notes: /work/notes/corpuspdf5_findings.md)."""
from __future__ import annotations

from formtools import codes_of, in_results, markers_in
from importtools import word

from kb.read.parse_policy import parse_policy

# --- glyphs and tables ------------------------------------------------------------------------------------------


def test_a_slanted_glyph_is_upright_text_and_a_turned_one_is_not():
    from kb.importers.pdf_glyphs import sideways

    # Research Square obliques a regular font for its italics (journal names): a shear, no turn; kept
    assert not sideways(10.0, 0.0, 2.1, 10.0)
    # clean: an upright glyph is kept, a glyph turned a quarter (a margin note) or mirrored is left out
    assert not sideways(10.0, 0.0, 0.0, 10.0)
    assert sideways(0.0, 10.0, -10.0, 0.0)
    assert sideways(-10.0, 0.0, 0.0, 10.0)


def test_a_grid_whose_rules_reach_far_past_the_page_is_no_table():
    from kb.importers.pdf_glyphs import off_page

    page = (0.0, 0.0, 612.0, 792.0)
    # Research Square's frame: lines running thousands of points above and below the page
    assert off_page((0.0, -4328.0, 612.0, 6311.0), page)
    # clean: a table drawn on the page, or one whose rule runs a little past a margin, stays a table
    assert not off_page((72.0, 300.0, 540.0, 500.0), page)
    assert not off_page((-5.0, 300.0, 617.0, 500.0), page)


# --- the reference list -------------------------------------------------------------------------------------------

def _layout_list(entries: list[str]) -> str:
    from importtools import layout_line, written_lines

    lines = [layout_line("References", 60.0, size=12.0)]
    for i, text in enumerate(entries):
        lines.append(layout_line(text, 80.0 + 14 * i))
    return written_lines(lines)


def test_a_bare_number_before_a_name_with_a_lower_case_particle_opens_an_entry():
    # Karger prints '14 van Buuren S.' with its number bare: the entry is the list's 14th, not 13's tail
    text = _layout_list(["13 Cocks K, King MT. Quality of life data. Eur J Cancer. 2008;44:1793-8.",
                         "14 van Buuren S. Flexible imputation of missing data. Boca Raton: CRC Press; 2012.",
                         "15 Mesia R, Rivera F. Quality of life with cetuximab. Ann Oncol. 2010;21:1967-73."])
    assert "\n14 van Buuren S." in text
    doc = parse_policy("# A\n\nText [1] and [2] and [3].\n\n## References\n\n"
                       "1 Cocks K, King MT. Quality of life data. Eur J Cancer. 2008;44:1793-8.\n"
                       "2 van Buuren S. Flexible imputation of missing data. Boca Raton: CRC Press; 2012.\n"
                       "3 Mesia R, Rivera F. Quality of life with cetuximab. Ann Oncol. 2010;21:1967-73.\n")
    assert [e.number for e in doc.references] == [1, 2, 3]
    # clean: a line that opens with a number and a lower-case word is still a wrapped line, not an entry
    text = _layout_list(["13 Cocks K, King MT. Quality of life data in 2008. Eur J Cancer.",
                         "14 patients were seen; 2008;44:1793-8."])
    assert "\n14 patients" not in text


def test_a_raised_number_glued_to_the_next_lines_word_is_not_joined_to_the_marker_before_it():
    from importtools import layout_line, written_lines

    # 'of the right lobe.<sup>17</sup>' over '<sup>90</sup>Y-resin microspheres': a citation, then a mass number
    lines = [layout_line("adjusted according to the volume of the right lobe.<sup>17</sup>", 80.0, x1=300.0),
             layout_line("<sup>90</sup>Y-resin microspheres were delivered selectively into the artery.", 94.0,
                         x1=300.0)]
    text = written_lines(lines)
    assert "<sup>17</sup> <sup>90</sup>Y-resin" in text
    assert markers_in(text.strip().splitlines()[0]) == ["17"]
    # clean: a marker broken over two lines is still one marker
    lines = [layout_line("as the earlier trials showed.<sup>5,6,</sup>", 80.0, x1=300.0),
             layout_line("<sup>7</sup> The activity was calculated for the whole liver.", 94.0, x1=300.0)]
    assert "<sup>5,6, 7</sup>" in written_lines(lines)


def test_two_raised_numbers_a_space_apart_the_second_glued_to_a_word_are_two_runs():
    from kb.importers.pdf import _line

    def glyphs(text, x, kind="", size=10.0):
        return [({"text": ch, "x0": x + 5 * i, "x1": x + 5 * i + 5, "top": 90 - size, "bottom": 90, "size": size,
                  "fontname": "Serif", "space_before": False}, kind) for i, ch in enumerate(text)]

    parts = glyphs("lobe.", 50) + glyphs("17", 76, "sup", 6.0) + glyphs("90", 92, "sup", 6.0) + glyphs("Y-resin", 102)
    assert _line(parts, [], 1).text == "lobe.<sup>17</sup> <sup>90</sup>Y-resin"
    # clean: BMJ's raised list '4 5' before a space is one run
    parts = glyphs("lobe.", 50) + glyphs("4", 76, "sup", 6.0) + glyphs("5", 88, "sup", 6.0) + glyphs("Then", 102)
    assert _line(parts, [], 1).text.startswith("lobe.<sup>4 5</sup>")


# --- markers ------------------------------------------------------------------------------------------------------

def test_a_mass_number_before_an_elements_name_is_not_a_citation():
    # 'infusion of <sup>90</sup>yttrium (<sup>90</sup>Y)-labeled glass': the isotope, spelled out
    assert markers_in("the infusion of <sup>90</sup>yttrium (<sup>90</sup>Y)-labeled microspheres") == []
    # clean: a citation before a word that only begins like an element's name still cites
    assert markers_in("as in the radioembolization trials<sup>9</sup> ironically shown") == ["9"]


def test_a_raised_list_glued_to_a_gene_name_still_cites():
    # BCBS: '(n=1049).<sup>61,</sup>SCN5A mutations were associated': the italic gene name kept (a slanted glyph)
    # follows the citation with no space; 'S' is no sulfur there, the comma says a list of citations
    assert markers_in("patients with BrS (n=1049).<sup>61,</sup>SCN5A mutations were associated with events") \
        == ["61"]
    # clean: a mass number before an element's symbol is still none
    assert markers_in("labelled with <sup>35</sup>S-methionine and counted") == []


def test_an_affiliations_raised_label_glued_to_its_institution_is_no_citation():
    line = ("Berlin, Germany, <sup>2</sup>Ambulanzpartner Soziotechnologie APST GmbH, Berlin, Germany, "
            "<sup>3</sup>Department of Neurology, Essen, Germany, and<sup>15</sup>Precision Neurology, Kiel")
    assert markers_in(line) == []
    # clean: a citation after a comma, set apart from the next word, cites
    assert markers_in("as in earlier cohorts,<sup>3</sup> Department heads reported delays") == ["3"]


def test_a_byline_set_bold_or_as_a_heading_or_with_names_lacking_numbers_is_a_byline():
    from kb.read.byline import is_byline

    assert is_byline("**Ethan A. DeJongh**<sup>1</sup>\t**Alexander A. Pryanichnikov**<sup>2,3 1</sup>")
    assert is_byline("#### Chang Chu<sup>1,2</sup>, Anne Sch\u00f6nbrunn<sup>3</sup>, Kristin Klemm<sup>1,4</sup>, "
                     "Volker von Baehr , Bernhard K. Kr\u00e4mer , Saban Elitok <sup>*</sup>")
    assert is_byline("<sup>1,2 1,2</sup>\ufffd <sup>3 4</sup> THOMAS MEYER , SUSANNE SPITTEL , "
                     "ROBERT STEINBACH<sup>5</sup>, DAGMAR KETTEMANN<sup>1</sup>,")
    assert is_byline("ANDR\u00c9 MAIER<sup>1</sup>", continues=True)
    # clean: a sentence naming authors with their citations is no byline, nor is one name on its own line
    assert not is_byline("Smith<sup>1</sup> and Jones<sup>2</sup> found that the scale was reliable")
    assert not is_byline("ANDR\u00c9 MAIER<sup>1</sup>")


def test_a_long_line_of_names_that_is_no_byline_is_refused_quickly():
    import time

    from kb.read.byline import is_byline

    start = time.monotonic()
    assert not is_byline(", ".join(["Aaa Bbb Ccc"] * 60) + "<sup>1</sup> <sup>2</sup> and so on")
    assert not is_byline(" ".join(["<sup>1</sup>"] * 60) + " x")
    assert time.monotonic() - start < 2.0


def test_parentheses_cite_when_the_title_blocks_raised_numbers_are_affiliations():
    byline = ("Chang Chu<sup>1,2</sup>, Anne Lee<sup>3</sup>, Kristin Klemm<sup>1,4</sup>, Volker von Baehr , "
              "Saban Elitok <sup>*</sup>\n\n<sup>1</sup>Fifth Department of Medicine, Mannheim, Germany, "
              "<sup>2</sup>Department of Nephrology, Berlin, Germany, <sup>3</sup>Institute of Medical Immunology, "
              "Berlin, Germany, <sup>4</sup>Charite, Berlin, Germany\n\n")
    body = "## Introduction\n\nInfection led to humoral responses (1). Hypertension delays clearance (2). " \
           "The scale was reliable (3). Others agreed (4).\n\n"
    refs = "## References\n\n" + "\n".join(f"{n}. Author{n} A. Title {n}. J Med. 2020;{n}:1-2." for n in range(1, 5))
    doc = parse_policy("# Hypertension and the response to infection\n\n" + byline + body + refs)
    assert sorted(n for m in doc.markers for n in m.numbers) == [1, 2, 3, 4]
    # clean: with a sentence citing by raised numbers beside the parentheses, parentheses are no style
    doc = parse_policy("# T\n\n" + body + "Raised here<sup>2</sup> and there<sup>3</sup> too<sup>4</sup>.\n\n" + refs)
    assert sorted(n for m in doc.markers for n in m.numbers) == [2, 3, 4]


def test_a_count_and_its_percentage_in_a_row_of_tab_set_cells_are_no_citation():
    # ASM's resistance table, printed without rules: 'R, n (%)' cells a tab apart
    assert markers_in("Meropenem\t158 (100)\t0 (0.00)\t80 (100)\t0 (0)\t61 (100)\t0 (0)") == []
    # Taylor & Francis's table, its cells a space apart: a mean and its count
    assert markers_in("Age at onset, years 42.6 (393) 36.0 (350) 0.004") == []
    # clean: a sentence with a tab in it still cites with parentheses after its words
    assert markers_in("Carbapenems are a last resort (1).\tOther agents fail (2).") == ["1", "2"]
    assert markers_in("The revised scale was validated in 2009 cohorts (4,5).") == ["4,5"]


# --- entries and estimates ----------------------------------------------------------------------------------------

def test_a_year_before_a_chapters_own_page_numbers_is_the_entrys_year():
    from kb.read.reference_list import parse_entry

    entry = parse_entry(10, "Pavkov ME, Collins AJ, Coresh J et al. Kidney disease in diabetes. In: CC Cowie (eds). "
                        "Diabetes in America, 3rd edn. Bethesda, MD, National Institutes of Health, "
                        "2018: 22-1\u201322-80.", 1)
    assert entry.year == 2018
    # clean: a volume and its pages after the year stay a volume and pages
    entry = parse_entry(11, "Smith A. A trial. Lancet 2015; 385: 117-171.", 1)
    assert entry.year == 2015


def test_a_year_between_the_volume_and_a_supplement_is_the_entrys_year():
    from kb.read.reference_list import parse_entry

    # JCO prints ASCO's abstracts so: 'J Clin Oncol 34: 2016 (15 suppl)', 'J Clin Oncol 34, 2016 (suppl; abstr 9036)'
    for source in ("J Clin Oncol 34: 2016 (15 suppl)", "J Clin Oncol 34, 2016 (suppl; abstr 9036)"):
        assert parse_entry(26, f"Verschraegen C, Chen F, et al: Avelumab in NSCLC. {source}", 1).year == 2016
    # clean: a volume and a page before a supplement carry no year
    assert parse_entry(27, "Smith A. A trial. J Clin Oncol 34: 1234 (suppl 2)", 1).year is None


def test_each_arms_own_value_under_a_no_difference_claim_is_no_difference():
    sentence = ("PRODIGE-12 reported no statistically significant difference in mRFS for GEMOX (30.4 months, "
                "CI: 15.4-43.0) compared to BSC (18.5 months, CI: 12.6-38.2) [1].")
    assert ("EST201", "error") not in in_results(sentence, "EST201")
    sentence = ("The small numbers underlie the statistically non-significant group differences (1 year OS 50.2% "
                "(CI: 30.0-67.3) *vs.* ECF: 21% (CI: 7.8-38.6)) [1].")
    assert ("EST201", "error") not in in_results(sentence, "EST201")
    # clean: a difference with its interval excluding zero, said not significant, is still reported
    sentence = "There was no statistically significant difference of 12.1 months (95% CI 3.2-21.0) [1]."
    assert ("EST201", "error") in in_results(sentence, "EST201")


def test_the_tab_row_rule_leaves_a_table_with_bars_alone():
    # the n (%) cells of a Markdown table were read so before; the tab rule adds nothing there
    assert markers_in("| Smoking | 34 | (23) | 114 | (77) |") == []
    assert codes_of("# T\n\nText (1).\n\n## References\n\n1. Smith A. A trial. J Med. 2001;1:1-5.\n", "CIT101") == []


def _foot_of_page_list(heading: str) -> list[dict]:
    """Haematologica's page: the discussion in two columns, then a heading and a dozen rows of references in
    three narrow columns at the page's foot (eight rows: shorter than a list needs elsewhere)."""
    chars = []
    for row in range(40):
        chars += word("running text of the discussion left", 68, 60 + 12 * row, 9.5)
        chars += word("running text of the discussion right", 315, 60 + 12 * row, 9.5)
    chars += word(heading, 68, 560, 11.0)
    for row in range(8):
        for x in (70, 236, 401):
            chars += word("Author AB, Other C. A title and", x, 575 + 8.5 * row, 7.5)
    return chars


def test_a_reference_list_opening_in_three_columns_near_the_pages_foot_is_read_in_three():
    from kb.importers.pdf_three_columns import Split, page_gutters

    from kb.importers.pdf_columns import fragments
    from kb.importers.pdf_three_columns import three_column_list

    [(_, gutter)] = page_gutters([_foot_of_page_list("References")])
    assert isinstance(gutter, Split) and len(gutter.lower) == 2
    # the rows are too few for three columns anywhere but under the list's heading
    below = [f for f in fragments(_foot_of_page_list("References")) if f.top >= 548]
    assert three_column_list(below) is None
    # clean: the same rows under a heading that names no reference list stay in the page's two columns
    [(_, gutter)] = page_gutters([_foot_of_page_list("Discussion")])
    assert not isinstance(gutter, Split)


def _appendix_page(repeated: bool) -> list[dict]:
    """Neurology's appendix page: the authors' table in the left column, continued in the right under the same
    header row (or, clean, one table across the page with its header once)."""
    chars = []
    right_cells = (("Name", 301), ("Location", 357), ("Contribution", 455)) if repeated else \
        (("Affiliation", 301), ("Role", 357), ("Funding", 455))
    chars += word("Name", 47, 73, 7.0) + word("Location", 103, 73, 7.0) + word("Contribution", 200, 73, 7.0)
    for label, x in right_cells:
        chars += word(label, x, 73, 7.0)
    for row in range(30):
        y = 92 + 8.5 * row
        for label, x in (("Michael", 47), ("University", 103), ("Acquisition", 200),
                         ("Gunther", 301), ("Hospital", 357), ("Acquisition", 455)):
            chars += word(label, x, y, 7.0)
    return chars


def test_a_table_continued_in_the_next_column_under_its_header_is_read_column_by_column():
    from kb.importers.pdf_columns import find_gutter, fragments

    assert find_gutter(fragments(_appendix_page(repeated=True)), known=300.8) is not None
    # clean: a table across the page, its header printed once, is no pair of columns
    assert find_gutter(fragments(_appendix_page(repeated=False)), known=300.8) is None
    # ... nor is the repeated header taken for columns where the document shows no gutter elsewhere
    assert find_gutter(fragments(_appendix_page(repeated=True))) is None
