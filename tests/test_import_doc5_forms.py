"""Forms the payer policies of /work/corpusdoc5 (Regence, Asuris, BCBS plans, Capital Blue Cross, Avalon, Aetna,
Humana, Highmark) print that kb once misread, each beside its clean case: a section label set just above a list's
first line, a reference list set in italics, the lists' heading words, citations raised in a table's cells, a
median's range, HCSC's citations after a comma or a full stop, a study cited at its paragraph's end, an age before
an interval, a count of a part of the studies, a body's statements listed under one label. Glyphs and texts are
made here; nothing is printed."""
from formtools import codes_of
from kb.importers.pdf import _lines
from kb.importers.pdf_glyphs import a_box, cell_markers
from kb.read.parse_policy import REFERENCE_HEADING, parse_policy


def _glyphs(text: str, x0: float, baseline: float, size: float, font: str = "Garamond") -> list[dict]:
    """One glyph a character, as kb.importers.pdf_glyphs gives them: the font's box around the baseline."""
    out, x = [], x0
    for ch in text:
        width = 0.5 * size
        out.append({"text": ch, "x0": x, "x1": x + width, "top": baseline + 0.24 * size - size,
                    "bottom": baseline + 0.24 * size, "size": size, "fontname": font, "space_before": False})
        x += width
    return out


def _texts(chars: list[dict]) -> list[str]:
    return [line.text for line in _lines(chars, [], 1)]


# BCBSRI prints 'REFERENCES' at 9 pt just above '1. American Medical ...' at 11 pt: the label's box touches the
# entry's, but its baseline is above the entry's whole height. It was read as the entry's superscripts.
def test_a_label_set_just_above_a_bigger_line_is_a_line_of_its_own():
    entry_baseline = 694.9
    label_baseline = entry_baseline - 11.04 * 0.76 - 0.24 * 9.0  # its box's foot on the entry's box's head
    chars = _glyphs("REFERENCES", 72, label_baseline, 9.0, "Verdana-Bold") + _glyphs("1. American", 72,
                                                                                       entry_baseline, 11.04)
    assert _texts(chars) == ["**REFERENCES**", "1. American"]


def test_a_raised_marker_is_still_its_lines_superscript():
    chars = _glyphs("Risk rose", 72, 700.0, 11.0) + _glyphs("12", 72 + 9 * 5.5, 696.0, 7.0)
    assert _texts(chars) == ["Risk rose<sup>12</sup>"]


# Capital Blue Cross sets its whole reference list in italics: '*1. Whitlock EP, ...*' hid the entry's number.
def test_a_list_set_in_italics_keeps_its_label_outside_the_emphasis():
    chars = _glyphs("1. Whitlock EP. Screening.", 72, 700.0, 10.0, "Garamond-Italic")
    assert _texts(chars) == ["1. *Whitlock EP. Screening.*"]


def test_an_italic_line_without_a_label_is_unchanged():
    chars = _glyphs("Gastroenterology. 1991.", 72, 700.0, 10.0, "Garamond-Italic")
    assert _texts(chars) == ["*Gastroenterology. 1991.*"]


def test_payers_words_for_the_reference_list():
    for title in ("VIII. Evidence-based Scientific References", "Reference Sources", "IX. REFERENCES TOP",
                  "Scientific References"):
        assert REFERENCE_HEADING.match(title), title
    for title in ("References top", "Sources", "Scientific Background", "TOP", "Reference Laboratories"):
        assert not REFERENCE_HEADING.match(title), title


# The Blue Cross Blue Shield Association's evidence tables: 'Tester et al (2006)^30,' in a cell, whose text comes
# without sizes.
def test_a_citation_raised_after_a_cells_year_is_raised_again():
    assert cell_markers("Tester et al (2006)30,") == "Tester et al (2006)<sup>30,</sup>"
    assert cell_markers("Bai et al (2009)31, 32,") == "Bai et al (2009)<sup>31,</sup> 32,"


def test_a_cells_year_and_a_count_apart_are_unchanged():
    for cell in ("Tester et al (2006) 30 patients", "541", "(2006)", None, "Smith (1890)12,"):
        assert cell_markers(cell) == cell


# (a document is read as citing in parentheses when it does so often enough: the last sentences make it so)
_HCT = ("# Policy\n\n## Rationale\n\nThe first DLI was given at a median time of 258 days (55\u20133,784) after HCT, "
        "as other series found (3). {sentence} Others agreed (6). A trial showed it (7). A review did too (8)."
        "\n\n## References\n\n"
        + "".join(f"{n}. Author{n} A. Study {n}. J Med. 2001;{n}:1-5.\n" for n in range(1, 9)))


def _numbers(text: str) -> list[tuple[int, ...]]:
    return [m.numbers for m in parse_policy(text, "p.md").markers]


def test_a_medians_range_grouped_by_thousands_is_no_citation():
    assert _numbers(_HCT.format(sentence="More came later (4).")) == [(3,), (4,), (6,), (7,), (8,)]


def test_a_range_after_a_count_still_cites():
    assert _numbers(_HCT.format(sentence="Five studies reported it (4\u20136).")) == [(3,), (4, 5, 6), (6,), (7,),
                                                                                     (8,)]


# HCSC prints its citations after a clause's comma: 'in relapsed MM, (5-7) with the highest response ...'
def test_a_citation_after_a_clauses_comma_is_read():
    text = _HCT.format(sentence="Response was reported in relapsed MM, (5-7) with the highest at 62%.")
    assert (5, 6, 7) in _numbers(text)


def test_a_lists_second_item_after_a_comma_is_no_citation():
    text = _HCT.format(sentence="The aims were (1) to count the cases, (2) to follow them up.")
    assert (2,) not in _numbers(text) and (1,) not in _numbers(text)


_MASTECTOMY = ("# Policy\n\n## Rationale\n\n{text} Rates varied (1). Costs rose (2). Stays were longer (1)."
               "\n\n## References\n\n"
               "1. Miller ME, Czechura T. Operative risks. Ann Surg. 2013;1:1-5.\n"
               "2. Eck DL, Perdikis G. Incremental risk. Ann Surg. 2014;2:1-5.\n")


# ... and its citation after the sentence's full stop: '... than unilateral mastectomy. (20) Moreover, in a study
# by Eck et al. (2014) ...' cites the sentence before the marker.
def test_a_citation_after_the_full_stop_cites_the_sentence_before():
    text = _MASTECTOMY.format(text="Complications were more frequent after bilateral mastectomy. (1) Moreover, in "
                                   "a study by Eck et al. (2014), 94 women had complications. (2)")
    assert codes_of(text, "CIT201") == []


def test_a_citation_inside_the_sentence_is_still_checked():
    text = _MASTECTOMY.format(text="Moreover, in a study by Eck et al. (2014), 94 women had complications (1).")
    assert codes_of(text, "CIT201") == [("CIT201", "error")]


_ZHANG = ("# Policy\n\n## Rationale\n\n{text}\n\n## References\n\n"
          "1. Other A. A study. J Med. 2001;1:1-5.\n"
          "2. Zhang B, Beeghly-Fadiel A. Genetic variants and breast-cancer risk. Lancet Oncol. 2011;12:477-88.\n")


# Regence describes a study over a paragraph and cites it once, at the paragraph's end.
def test_a_study_cited_at_its_paragraphs_end_is_cited():
    text = _ZHANG.format(text="Zhang (2011) performed a systematic review of association studies. Meta-analysis "
                              "covered 279 variants. Associations were found for 29 variants. Four were in "
                              "CHEK2.<sup>[2]</sup>")
    assert codes_of(text, "CIT205") == []


def test_a_study_cited_in_another_paragraph_only_is_still_reported():
    text = _ZHANG.format(text="Zhang (2011) performed a systematic review of association studies. Meta-analysis "
                              "covered 279 variants. Associations were found for 29 variants.\n\nFour were in "
                              "CHEK2, as another paper found.<sup>[2]</sup>")
    assert codes_of(text, "CIT205") == [("CIT205", "warning")]



def test_the_authors_other_paper_cited_later_in_the_paragraph_does_not_cite_the_named_one():
    # folder 24: 'In 2004, Tesarik et al. demonstrated ... In 2006, the same investigators ... (16).', 16 the 2006
    # paper and the 2004 one (15) cited nowhere in the paragraph
    text = ("# Review\n\n## Discussion\n\nIn 2004, Tesarik et al. demonstrated a benefit. The implantation rate "
            "rose. The birth rate rose too. In 2006, the same investigators evaluated a second dose. Only one "
            "regimen helped [2].\n\n## References\n\n"
            "1. Tesarik J, Hazout A. A single dose. Hum Reprod. 2004;19:1176-80.\n"
            "2. Tesarik J, Mendoza C. A second dose. Hum Reprod. 2006;21:2572-9.\n")
    assert codes_of(text, "CIT205") == [("CIT205", "warning")]
    # clean: the named year's own paper closing the paragraph cites it
    assert codes_of(text.replace("helped [2]", "helped [1]"), "CIT205") == []

_RISK = ("# Policy\n\n## Rationale\n\n{text}\n\n## References\n\n1. Hall MJ. ATM variants. JCO. 2021;1:1-5.\n")


def test_a_risk_by_an_age_before_its_interval_is_not_the_age():
    text = _RISK.format(text="The cumulative risk was 6.02% by age 50 (95% credible interval 4.58% to 7.42%).[1]")
    assert codes_of(text, "EST102") == []


def test_an_estimate_outside_its_interval_is_still_reported():
    text = _RISK.format(text="The cumulative risk was 9.02% (95% credible interval 4.58% to 7.42%).[1]")
    assert codes_of(text, "EST102") == [("EST102", "error")]


_STUDIES = ("# Policy\n\n## Rationale\n\n{text}\n\n## References\n\n"
            + "".join(f"{n}. Priori{n} SG. Study {n}. Circulation. 200{n};1:1-5.\n" for n in range(1, 5)))


# 'Three of the 4 studies^52,53,54, reported ...': the three it cites.
def test_a_part_of_the_counted_studies_cited_is_no_mismatch():
    text = _STUDIES.format(text="Three of the 4 studies<sup>1,2,3</sup> reported higher event rates.")
    assert codes_of(text, "CIT301") == []


def test_a_count_the_markers_miss_is_still_reported():
    text = _STUDIES.format(text="Two of the 4 studies<sup>1,2,3</sup> reported higher event rates.")
    assert codes_of(text, "CIT301") == [("CIT301", "warning")]


_ACMG = ("# Policy\n\n## Background\n\nThe college's statements apply.<sup>1,2</sup>\n\n## References\n\n"
         "1. American College of Medical Genetics and Genomics (ACMG). ACMG Statement. Laboratory perspectives in "
         "the development of polygenic risk scores. https://www.acmg.net. Published 2023.\n"
         "2. American College of Medical Genetics and Genomics (ACMG). ACMG Statement. {second}. "
         "https://www.acmg.net. Published 2023.\n")


# Humana lists ACMG's statements as 'ACMG Statement. <title>': the label is read as the title.
def test_two_statements_under_one_label_are_two_documents():
    text = _ACMG.format(second="The clinical application of polygenic risk scores")
    assert codes_of(text, "REF134") == []


def test_one_statement_listed_twice_is_still_reported():
    text = _ACMG.format(second="Laboratory perspectives in the development of polygenic risk scores")
    assert [c for c, _ in codes_of(text, "REF134")] == ["REF134"]


_ITALIC_LIST = ("# Policy\n\n## Rationale\n\nScreening is debated.<sup>1</sup>\n\n## References\n\n"
                "1. {entry}\n")


# Capital Blue Cross's list, set wholly in italics: each entry reaches the reader as '*Whitlock EP, ... PMID
# 16880463*'.
def test_an_entry_set_wholly_in_italics_is_read_as_the_plain_entry():
    entry = ("*Whitlock EP, Garlitz BA, Harris EL, et al. Screening for hereditary hemochromatosis. Ann Intern Med. "
             "Aug 01 2006; 145(3): 209-23. PMID 16880463*")
    read = parse_policy(_ITALIC_LIST.format(entry=entry), "p.md").references[0]
    assert (read.first_author, read.year, read.pmid, read.raw) == ("Whitlock", 2006, "16880463", entry)
    assert codes_of(_ITALIC_LIST.format(entry=entry), "REF131") == []


def test_an_entry_with_its_journal_in_italics_is_read_as_before():
    entry = "Whitlock EP. Screening for hereditary hemochromatosis. *Ann Intern Med*. 2006;145:209-23. PMID 16880463"
    read = parse_policy(_ITALIC_LIST.format(entry=entry), "p.md").references[0]
    assert (read.first_author, read.year, read.pmid) == ("Whitlock", 2006, "16880463")


_TERMS = ("# Policy\n\n## Table of Terminology\n\nTerm\tDefinition\nAP\tAcute pancreatitis\n{row}\n\n"
          "## Scientific Background\n\nRecurrent pancreatitis in children with idiopathic acute recurrent "
          "pancreatitis (IARP) is studied.[1]\n\nIndividuals with IAP should be referred for counseling.[1]\n\n"
          "## References\n\n1. Whitcomb DC. Pancreatitis. Gastroenterology. 2019;1:1-5.\n")


# Avalon's policies define their acronyms in a 'Table of Terminology' printed as lines, a tab between the cells.
def test_an_acronym_spelled_out_in_a_terminology_row_is_defined():
    assert codes_of(_TERMS.format(row="IAP\tIdiopathic acute pancreatitis"), "DOC112") == []


def test_a_row_that_does_not_spell_the_acronym_defines_nothing():
    assert codes_of(_TERMS.format(row="IAP\tHereditary disease of the gland"), "DOC112") == [("DOC112", "warning")]


# Regence prints its MEDICAL POLICY CRITERIA inside a ruled frame, which pdfplumber gives as a table of one column:
# kept as a table's plain lines, its heading and its items I., A., 1. were lost.
def test_a_ruled_frame_around_text_is_no_table():
    assert a_box((("MEDICAL POLICY CRITERIA\nI. Genetic testing ... may be considered medically necessary",),
                   (None,), ("II. Genetic testing ... is considered not medically necessary", "")))


def test_a_table_of_two_columns_is_a_table():
    assert not a_box((("Study", "N"), ("Tester et al (2006)", "541"), ("Bai et al (2009)", None)))


def test_a_frame_around_a_label_or_mostly_empty_rules_stays_out_of_the_text():
    # a figure's axis ruled around '10 1' (Science), a summary box whose rules between parts leave most rows empty
    assert not a_box((("10 1",), (None,), (None,)))
    assert not a_box((("INTRODUCTION",), (None,), ("RATIONALE",), (None,), (None,), ("RESULTS",), (None,)))


def test_a_bold_numbered_title_keeps_its_number_inside_the_bold():
    chars = _glyphs("1. Background:", 72, 700.0, 10.0, "Arial-Bold")
    assert _texts(chars) == ["**1. Background:**"]


_REVISIONS = ("# Policy\n\n## Rationale\n\nCatecholaminergic polymorphic ventricular tachycardia (CPVT) is rare.[1]\n\n"
              "## Revisions\n\n3. signs indicating a moderate-to-high pretest probability of CPVT Updated Rationale "
              "section In Coding section\n    - Added: {code} code 0237U and ICD10 Z13.6\n\n## References\n\n"
              "1. Priori SG. CPVT. Circulation. 2002;1:1-5.\n")


# A payer's revision history names its code set ('Added: CPT code 0237U') beside a defined CPVT: no slip.
def test_the_code_set_a_policy_lists_is_no_slip():
    assert codes_of(_REVISIONS.format(code="CPT"), "DOC112") == []


def test_two_swapped_letters_of_a_defined_acronym_are_still_reported():
    assert codes_of(_REVISIONS.format(code="CVPT"), "DOC112") == [("DOC112", "warning")]


_APA = ("# Policy\n\n## Background\n\nHereditary pancreatitis is rare (ASCO, 2021; Whitcomb, 2019).\n\n"
        "## References\n\n{entry}\n\nWhitcomb, D. C. (2019). Pancreatitis. *Gastroenterology*, 1(2), 1-5.\n")


# Avalon's APA list: a web page's title set in italics after the year, nothing but its address after it.
def test_a_stand_alone_works_italic_title_is_its_title():
    text = _APA.format(entry="ASCO. (2021). *Hereditary Pancreatitis*. https://www.cancer.net/cancer-types/x")
    assert parse_policy(text, "p.md").references[0].title == "Hereditary Pancreatitis"
    assert codes_of(text, "REF112") == []


def test_a_journals_italic_name_stays_the_source():
    text = _APA.format(entry="ASCO. (2021). Hereditary pancreatitis care. *JCO Oncology Practice*, 17(2), 1-9.")
    read = parse_policy(text, "p.md").references[0]
    assert (read.title, read.source.strip("*")) == ("Hereditary pancreatitis care", "JCO Oncology Practice")


def test_a_possessive_in_a_bodys_name_is_no_author_of_an_author_year_citation():
    # Aetna: 'Guidelines from the National Collaborating Centre for Women's and Children's Health (2004) recommend'
    # read 'Women's (2004)' as a citation naming no entry (CIT107)
    refs = ("## References\n\n- National Collaborating Centre for Women's and Children's Health. Type 1 diabetes. "
            "London: RCOG Press; 2004.\n- Smith J. A trial of screening. Diabetes Care. 2005;28:1-5.\n")
    body = ("# Policy\n\n## Background\n\nScreening helps (Smith, 2005). Guidelines from the National Collaborating "
            "Centre for Women's and Children's Health (2004) recommend screening children.\n\n")
    assert codes_of(body + refs, "CIT107") == []
    # clean: a possessive author's own paper is still read, and a wrong year still said ('Smith's (2006) trial')
    assert codes_of(body.replace("Screening helps (Smith, 2005).", "Smith's (2006) trial helped.") + refs,
                    "CIT107") == [("CIT107", "warning")]
