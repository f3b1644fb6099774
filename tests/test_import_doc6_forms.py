"""Forms the coverage documents of /work/corpusdoc6 (eviCore for Cigna, UnitedHealthcare, Anthem, BCBS Arizona,
Carelon, Molina, a Medicare LCD, CareSource, AmeriHealth Caritas, Concert Genetics, Oscar, Point32Health,
Healthfirst, Geisinger, BCBS Michigan, TRICARE) print that kb once misread, each beside its clean case. Texts are
made here; nothing is printed."""
from kb.read.author_year_list import unnumbered_drafts
from kb.read.parse_policy import REFERENCE_HEADING, parse_policy


# CareSource letters its sections ('H. References'); Healthfirst's policies (Avalon's template) say
# 'IV. Reference Materials'. Both were refused for want of a reference list.
def test_a_lettered_section_and_reference_materials_name_the_list():
    for title in ("H. References", "IV. Reference Materials", "Reference Materials", "A. REFERENCES"):
        assert REFERENCE_HEADING.match(title), title


def test_a_letter_without_its_stop_or_other_materials_name_no_list():
    for title in ("H References", "Teaching Materials", "HI. Reference Laboratories", "Materials"):
        assert not REFERENCE_HEADING.match(title), title


# Healthfirst prints its APA list one entry a line with no blank line between, most entries ending with their
# address, not a stop: the lines ran together as one entry.
APA_LINES = [
    "AAFP. (2022). Screening for Abnormal Blood Glucose. *Am Fam Physician*, *105*(1), Online. https://www.aafp.org/x",
    "ADA. (2022, July 28). *Statistics About Diabetes*. https://www.diabetes.org/resources/statistics",
    "Al-Badri, A., Hashmath, Z., & Chirinos, J. A. (2018). Poor Glycemic Control Is Associated With Increased",
    "Extracellular Volume Fraction. *Diabetes Care*, *41*(1), 1-9. https://doi.org/10.2337/dc17-1234",
    "Blunt, B. A., Barrett-Connor, E., & Wingard, D. L. (1991). Evaluation of fasting plasma glucose. *Diabetes Care*.",
    "van 't Riet, E., Alssema, M., & Dekker, J. M. (2010). Relationship between A1C and glucose. https://doi.org/10.2337/x",
]


def test_each_apa_line_that_opens_with_names_and_a_year_in_parentheses_starts_an_entry():
    drafts = unnumbered_drafts(APA_LINES, 10)
    assert [d[1].split(".")[0] for d in drafts] == ["AAFP", "ADA", "Al-Badri, A", "Blunt, B", "van 't Riet, E"]
    assert drafts[2][1].endswith("https://doi.org/10.2337/dc17-1234") and drafts[3][2] == 14


def test_a_wrapped_line_that_mentions_a_year_later_joins_its_entry():
    lines = ["Smith, J. (2010). A long title about trials of drugs that ran in 2008 and",
             "the years after (2009) in clinics. *J Med*, *3*, 1-2. https://doi.org/10.1/x",
             "Young, P. (2012). Another title. *J Med*, *4*, 5-6."]
    assert [d[1][:5] for d in unnumbered_drafts(lines, 1)] == ["Smith", "Young"]


def test_healthfirst_form_is_read_as_a_list():
    policy = ("# Policy\n\nText (Blunt et al., 1991).\n\n# **IV. Reference Materials**\n\n" + "\n".join(APA_LINES)
              + "\n\n# **V. Revision History**\n\nNone.\n")
    doc = parse_policy(policy, "p.md")
    assert [r.first_author for r in doc.references][:4] == ["AAFP", "ADA", "Al-Badri", "Blunt"]
    assert len(doc.references) == 5


# Noridian's LCD bibliography hangs its two-digit labels into the sheet's left strip: the '1' of '10.' stood in it,
# alone, and was taken for a page number beside the text ('0. Guyatt GH ...' was read).
def _glyph(ch: str, x0: float, top: float, size: float = 9.0) -> dict:
    return {"text": ch, "x0": x0, "x1": x0 + 0.55 * size, "top": top, "bottom": top + size, "size": size,
            "fontname": "Arial", "space_before": False}


def test_a_labels_digit_hanging_into_the_strip_stays_with_its_line():
    from kb.importers.pdf_furniture import drop_side_numbers

    line = [_glyph("1", 29, 400)] + [_glyph(c, 34 + 5 * i, 400) for i, c in enumerate("0. Guyatt GH, Akl EA.")]
    assert drop_side_numbers(line, 612.0) == (line, 0)


def test_a_page_number_apart_from_the_text_in_the_strip_still_goes():
    from kb.importers.pdf_furniture import drop_side_numbers

    body = [_glyph(c, 60 + 5 * i, 400) for i, c in enumerate("Guyatt GH, Akl EA, Crowther M, Gutterman DD. Executive.")]
    number = [_glyph("5", 12, 400, 12.0), _glyph("4", 18, 400, 12.0)]
    chars, gone = drop_side_numbers(body + number, 612.0)
    assert gone == 1 and chars == body


# AmeriHealth Caritas cites a GeneReviews chapter by its review year: '(Alders, 2018)' for 'Alders M, ... GeneReviews.
# ... Published 1993. Reviewed 2018.' (the series' first year is 1993): CIT107 said the list has Alders (1993).
GENEREVIEWS = """# Background

Subtypes 1, 2 and 3 contribute 75% of all cases (Alders, 2018). Seventeen genes are known (Skinner, 2019).

# References

Alders M, Bikker H, Christiaans I. Long QT syndrome. In: Adam MP, ed. *GeneReviews*. Seattle (WA): University of Washington. https://www.ncbi.nlm.nih.gov/books/NBK1129/. Published 1993. Reviewed 2018.

Skinner JR, Winbo A, Abrams D. Channelopathies that lead to sudden cardiac death. *Heart Lung Circ*. 2019;28(1):22-30.
"""


def _cit107(policy: str) -> list[tuple[str, str]]:
    from formtools import codes_of
    return codes_of(policy, "CIT107")


def test_a_citation_of_the_year_an_entry_was_reviewed_cites_it():
    assert _cit107(GENEREVIEWS) == []


def test_a_citation_of_another_year_than_the_review_is_still_reported():
    assert _cit107(GENEREVIEWS.replace("(Alders, 2018)", "(Alders, 2016)")) == [("CIT107", "warning")]


# Geisinger prints its record ('**Devised:** 7/23', '**Revised:** ...') and then its notices right after its
# unnumbered list: they were read as four more entries (two REF111).
def test_an_unnumbered_list_ends_at_the_documents_own_record():
    lines = ["Graham RP, Dina MA. SERPINA1 Full Gene Sequencing. J Mol Diagn. 2015;17(6):689-94.", "",
             "Tora R, Welch J. Phenotypic profiling in hyperparathyroidism. J Endocr Soc. 2023;7:1-9.", "",
             "**Devised:** 7/23", "", "**Revised:** 7/24 (add criteria)", "",
             "Geisinger Health Plan may refer collectively to health care coverage sponsors, 2024."]
    assert [d[1][:5] for d in unnumbered_drafts(lines, 1)] == ["Graha", "Tora "]


def test_a_bold_author_list_still_opens_an_entry():
    lines = ["**Afgan E, Baker D.** 2016. The Galaxy platform. NAR 44:W3.", "",
             "**Smith J:** 2018. A colon after the names. J Med 3:1."]
    assert len(unnumbered_drafts(lines, 1)) in (1, 2) and unnumbered_drafts(lines, 1)[0][1].startswith("**Afgan")


# UnitedHealthcare quotes a Cochrane review's GRADE sentences: 'It is uncertain whether PGT-A ... reduces
# miscarriage rate (OR 0.89, 95% CI 0.52 to 1.54 ...)': EST201 read 'reduces' as a claimed effect.
def test_an_effect_asked_about_with_whether_is_no_claim():
    from formtools import codes_of
    text = ("# Evidence\n\nIt is uncertain whether PGT-A with blastocyst stage biopsy reduces miscarriage rate "
            "(OR 0.89, 95% CI 0.52 to 1.54, 1 RCT, n = 661, low-quality evidence).\n")
    assert codes_of(text, "EST201") == []


def test_an_effect_claimed_after_a_whether_in_another_clause_is_still_checked():
    from formtools import codes_of
    text = ("# Evidence\n\nWe asked whether biopsy mattered. Biopsy reduces miscarriage rate "
            "(OR 0.89, 95% CI 0.52 to 1.54).\n")
    assert codes_of(text, "EST201") == [("EST201", "error")]


# Healthfirst's APA list is set flush left, one entry after another, most entries ending with their address: a line
# ending '... https://doi.org/10.2337/dc09-1524' closes its entry, so 'Darukhanavala, A., ...' on the full line
# under it opens the next (two works had been read as one: eight CIT107 'names no entry').
_APA_FLUSH = [
    ("Blunt, B. A., Barrett-Connor, E., & Wingard, D. L. (1991). Evaluation of fasting plasma", 300),
    ("glucose. Diabetes Care, 14(11), 989-993.", 160),
    ("CDC. (2021). CDC National Diabetes Statistics Report. https://www.cdc.gov/diabetes/data", 300),
    ("Cowie, C. C., Rust, K. F., & Fradkin, J. E. (2010). Prevalence of Diabetes Using A1C", 300),
    ("Criteria. Diabetes Care, 33(3), 562. https://doi.org/10.2337/dc09-1524", 300),
    ("Darukhanavala, A., Van Dessel, F., & Alfego, D. (2021). Use of hemoglobin A1c to identify", 300),
    ("dysglycemia in cystic fibrosis. PLoS One, 16(4), e0250036.", 200),
    ("Davidson, K. W., Barry, M. J., & Wong, J. B. (2021). Screening for Prediabetes. Jama.", 250),
    ("Gambino, R. (2007). Glucose: a simple molecule. Clin Chem, 53(12), 2040-2041.", 250),
    ("Jin, J. (2022). Screening for Type 2 Diabetes in Children. Jama, 328(10), 993.", 250),
    ("Kramer, C. K., & Barrett-Connor, E. (2010). A1C and diabetes diagnosis. Diabetes Care.", 260),
]


def test_an_apa_entry_after_a_full_line_ending_with_its_address_opens_its_own_line():
    from importtools import layout_line, written_lines
    text = written_lines([layout_line(t, 100 + 12 * i, 50, x1) for i, (t, x1) in enumerate(_APA_FLUSH)])
    assert "\nDarukhanavala, A." in text and "dc09-1524 Darukhanavala" not in text


def test_a_wrapped_address_does_not_cut_its_entry():
    from importtools import layout_line, written_lines
    rows = _APA_FLUSH[:4] + [("Criteria. Diabetes Care, 33(3), 562. https://doi.org/10.2337/", 300),
                             ("dc09-1524 and the report by the CDC, cited above.", 200)] + _APA_FLUSH[5:]
    text = written_lines([layout_line(t, 100 + 12 * i, 50, x1) for i, (t, x1) in enumerate(rows)])
    assert "10.2337/ dc09-1524" in text or "10.2337/dc09-1524" in text


# Healthfirst's web pages are dated to the day: 'ADA. (2022, July 28). *Statistics About Diabetes*. https://...':
# the italic title was read as a journal's name (REF112 'has no title', three times).
def test_a_web_pages_italic_title_after_a_dated_year_is_its_title():
    policy = ("# Policy\n\nText (ADA, 2022).\n\n# References\n\n"
              "ADA. (2022, July 28). *Statistics About Diabetes*. https://www.diabetes.org/resources/statistics\n")
    assert parse_policy(policy, "p.md").references[0].title == "Statistics About Diabetes"


def test_a_journals_italic_name_after_a_dated_year_stays_the_source():
    policy = ("# Policy\n\nText (ADA, 2022).\n\n# References\n\n"
              "ADA. (2022, July 28). Statistics about diabetes. *Diabetes Care*, *45*(1), 1-9.\n")
    read = parse_policy(policy, "p.md").references[0]
    assert (read.title, (read.source or "").strip("*")) == ("Statistics about diabetes", "Diabetes Care")


def test_a_bodys_apa_entry_opens_a_line_too_and_counts_toward_the_lists_shape():
    from importtools import layout_line, written_lines
    rows = [("AAFP. (2022). Screening for Abnormal Blood Glucose. Am Fam Physician, 105(1).", 200),
            ("ACG. (2024). Metabolic Dysfunction-Associated Steatotic Liver Disease. https://gi.org/x", 300),
            ("ADA. (2022, July 28). Statistics About Diabetes. https://www.diabetes.org/resources/stats", 300),
            ("Al-Badri, A., & Chirinos, J. A. (2018). Poor Glycemic Control. Diabetes Care, 41(1).", 250),
            ("American Diabetes Association Committee. (2023a). Diagnosis. Diabetes Care, 47, S20.", 250),
            ("CDC. (2021). CDC National Diabetes Statistics Report. https://www.cdc.gov/diabetes/x", 240)]
    text = written_lines([layout_line(t, 100 + 12 * i, 50, x1) for i, (t, x1) in enumerate(rows)])
    assert "\nADA. (2022, July 28)" in text and "\nAl-Badri, A." in text
