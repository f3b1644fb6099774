"""Reference-list forms real articles print that the PDF reader once misread (CERMINE's, GROBID's,
science-parse's and refextract's test folders), each beside its clean case: entries and their labels as the
lines are written, and where the list stands (under no heading; a supplement's own list after the article's).
Lines are made here, no PDF printed; the glyph, marker, column and page forms are in test_import_pdf_forms.py."""
import re

import pytest

from importtools import layout_line as _line, written_lines as _written


@pytest.mark.parametrize("text,label", [("[10]H. Jiang, H. Lu. Path materializing.", "[10]"),
                                        ("[10] H. Jiang, H. Lu.", "[10]"), ("12. Smith J.", "12.")])
def test_a_bracketed_label_may_touch_its_entry(text, label):
    from kb.importers.pdf_layout import LABEL

    assert LABEL.match(text).group("label") == label



@pytest.mark.parametrize("text", ["[10]and more words", "(10)H. Jiang", "[10]"])
def test_a_bracket_before_lower_case_or_no_text_is_no_label(text):
    from kb.importers.pdf_layout import LABEL

    assert not LABEL.match(text)



def test_entries_whose_label_touches_the_text_are_cut_there():
    text = _written([_line("[9] L. Guo, F. Shao. XRANK: Ranked Keyword Search over XML. SIGMOD 2003.", 100),
                     _line("[10]H. Jiang, H. Lu, W. Wang. Path Materialization Revisited. SIGMOD 2003.", 112)])
    assert "\n[10] H. Jiang, H. Lu" in text



def test_an_entrys_doi_line_in_a_smaller_face_runs_on():
    lines = [_line("[1] R. Paparella et al., Coaxial Blade Tuner for European XFEL", 100, 50, 300, 9.0),
             _line("3.9 GHz Cavities, in Proc. SRF13, Paris, France, Sep. 2013,", 110, 65, 300, 9.0),
             _line("https://doi.org/10.18429/JACoW-THP077", 120, 65, 200, 7.5),
             _line("[2] Y. Pischalnikov et al., Design and Test of the Prototype", 132, 50, 300, 9.0)]
    text = _written(lines)
    assert re.search(r"^\[1\] R\. Paparella .* Sep\. 2013, https://doi\.org/10\.18429/JACoW-THP077$", text, re.M)
    # clean: smaller text at the label's own margin, after the item, is a block of its own
    note = _written(lines[:2] + [_line("Table 2 notes in a smaller face.", 120, 50, 200, 7.5)])
    assert "\n\nTable 2 notes in a smaller face." in note



def test_an_entry_with_one_justified_line_of_wide_gaps_is_no_table_row():
    text = _written([_line("[25] I. Sultan.\tAcademic purposes?, 2016.\tURL https://www.kaggle.com/c/", 100),
                     _line("state-farm-distracted-driver-detection/discussion/20043.", 112, 65)])
    assert "[25] I. Sultan. Academic purposes?, 2016. URL https://www.kaggle.com/c/" in text
    assert "\t" not in text
    # clean: rows that all hold cells stay a table's rows, and a one-line item keeps its printed label
    table = _written([_line("CPT\t22511\tlumbosacral", 100), _line("HCPCS\tC1062\timplant", 112)])
    assert "CPT\t22511\tlumbosacral\nHCPCS\tC1062\timplant" in table
    single = _written([_line("[7] Tensorflow.\tTensorFlow-Slim library.\tURL https://github.com/x", 100)])
    assert single.startswith("[7] Tensorflow.\t")



def test_a_numbered_heading_in_capitals_at_the_text_size_is_a_heading():
    text = _written([_line("Wolf, J. 1995. DASD dancing. In Proceedings of SIGMETRICS. 157-166.", 100),
                     _line("A. NP-HARDNESS PROOF", 130, 50, 160),
                     _line("In this appendix we give our proof of Theorem 1.3.", 150)])
    assert re.search(r"^#+ A\. NP-HARDNESS PROOF$", text, re.M)
    clean = _written([_line("A. Patient has pain at rest.", 100, 50, 200), _line("1. CT", 130, 50, 80)])
    assert not re.search(r"^#", clean, re.M)



def test_an_initial_opening_a_wrapped_bracketed_entry_is_a_name():
    text = _written([_line("[2] F. Afrati, E. Bampis, A. V. Fishkin, K. Jansen, and", 100, 50, 250),
                     _line("C. Kenyon. Scheduling to minimize the average completion time.", 112, 65)])
    assert "[2] F. Afrati, E. Bampis, A. V. Fishkin, K. Jansen, and C. Kenyon. Scheduling" in text
    # clean: under a numbered criterion, a lettered line is its own item
    clean = _written([_line("1. The patient has all of the following:", 100, 50, 250),
                      _line("A. Pain for six weeks.", 112, 65)])
    assert "\nA. Pain for six weeks." in clean or "\n  A. Pain for six weeks." in clean



_CITED = "Heavy quarks thermalize slowly [1], as transport models show [2, 3].\n\n"



_BODY = "".join(f"Paragraph {i} of the letter's text.\n\n" for i in range(6))



_LIST = "[1] H. van Hees, Phys. Rev. C 71 (2005).\n[2] M. He, Prog. Part. Nucl. Phys. 130 (2023).\n" \
        "[3] S. K. Das, Phys. Rev. C 80 (2009).\n"



def test_a_numbered_list_at_the_end_under_no_heading_gets_one():
    from kb.importers.pdf_entries import head_unheaded_list

    md, note = head_unheaded_list("# A Letter\n\n" + _CITED + _BODY + _LIST)
    assert "\n## References\n\n[1] H. van Hees" in md and "entries [1] to [3]" in note



@pytest.mark.parametrize("markdown", [
    "# A Letter\n\n" + _CITED + _BODY + "## References\n\n" + _LIST,  # a heading is there already
    "# A Letter\n\nNothing here cites a number.\n\n" + _BODY + _LIST,  # the text never cites the run
    "# A Letter\n\n" + _CITED + _LIST + _BODY + _BODY,  # a numbered run near the top is the text's own
])
def test_a_numbered_run_is_left_alone_when_it_need_not_be_the_list(markdown):
    from kb.importers.pdf_entries import head_unheaded_list

    assert head_unheaded_list(markdown) == (markdown, None)



_ARTICLE = "# Fragment-based design\n\nACE binds zinc [1, 2].\n\n#### **REFERENCES**\n\n" + \
           "".join(f"{n} Author{n}, A. (2003) A title. J. Biol. Chem. {n}, 1-2\n" for n in range(1, 6))



_SUPPLEMENT = "\n## **SUPPLEMENTARY ONLINE DATA**\n\nThe synthesis used a method [1].\n\n#### **REFERENCES**\n\n" + \
              "1 Bergmann, R. (2009) SHOP. J. Chem. Inf. Model 49, 658-669\n"



def test_a_supplements_own_list_after_the_articles_is_kept_as_text():
    from kb.importers.pdf_entries import set_apart_supplement_lists
    from kb.read.parse_policy import parse_policy

    md, note = set_apart_supplement_lists(_ARTICLE + _SUPPLEMENT)
    assert "\nREFERENCES\n" in md and md.count("#### **REFERENCES**") == 1
    assert "SUPPLEMENTARY ONLINE DATA" in note
    assert len(parse_policy(md).references) == 5  # the article's own list is the one read



def test_two_lists_with_no_supplement_between_are_left_alone():
    from kb.importers.pdf_entries import set_apart_supplement_lists

    markdown = _ARTICLE + "\n## Further reading\n\n#### **REFERENCES**\n\n1 Other, B. (2001) More. J. 2, 3-4\n"
    assert set_apart_supplement_lists(markdown) == (markdown, None)
    assert set_apart_supplement_lists(_ARTICLE) == (_ARTICLE, None)



def test_a_doi_broken_at_a_line_end_is_one_address():
    text = _written([_line("17. Obata T, Witt S. Metabolite profiles of maize leaves. Plant physiol. 2015.", 100),
                     _line("https://doi.org/10.", 112, 50, 140),
                     _line("1104/pp.15.01164 PMID: 26424159", 124, 50, 200)])
    assert "https://doi.org/10.1104/pp.15.01164 PMID: 26424159" in text
    # clean: an address that ends a sentence is followed by a space and the next word
    clean = _written([_line("The data are at https://example.org/data. Then the trial", 100),
                      _line("enrolled patients and e.g. counted new fractures on radiographs.", 112)])
    assert "https://example.org/data. Then the trial enrolled patients and e.g. counted" in clean



def test_a_journal_abbreviation_opening_a_wrapped_numbered_entry_runs_on():
    text = _written([_line("13. Baumrucker CR, Bruckmaier RM. 2014 Colostrogenesis: IgG1 mechanisms.", 100, 50, 240),
                     _line("J. Mammary Gland Biol. Neoplasia 19, 103-117.", 112, 65)])
    assert "13. Baumrucker CR, Bruckmaier RM. 2014 Colostrogenesis: IgG1 mechanisms. J. Mammary Gland" in text
    # clean: a criterion dated in its words that ends in a colon keeps its lettered parts
    clean = _written([_line("2. Since 2019 the plan requires all of the following:", 100, 50, 250),
                      _line("A. Pain for six weeks.", 112, 65)])
    assert "\nA. Pain for six weeks." in clean or "\n  A. Pain for six weeks." in clean



_NATURE_LIST = "".join(f"  {n}. Author{n}, A. & Other, B. A finding about cells. Neuron {n}, 1-9 ({1990 + n}).\n"
                       for n in range(1, 7))



def test_a_journals_numbered_list_at_the_end_under_no_heading_gets_one():
    from kb.importers.pdf_entries import head_unheaded_list

    md, note = head_unheaded_list("# A Letter\n\nNeurons fire together.<sup>1,2</sup>\n\n" + _BODY + _NATURE_LIST)
    assert "\n## References\n\n  1. Author1, A." in md and "entries 1. to 6." in note



@pytest.mark.parametrize("markdown", [
    # a numbered procedure at the end holds no years: steps, not references
    "# A Letter\n\nNeurons fire together.<sup>1,2</sup>\n\n" + _BODY +
    "".join(f"{n}. Wash the slide and dry it.\n" for n in range(1, 7)),
    # dated entries the text never cites
    "# A Letter\n\nNeurons fire together.\n\n" + _BODY + _NATURE_LIST,
])
def test_a_numbered_run_without_years_or_citations_is_left_alone(markdown):
    from kb.importers.pdf_entries import head_unheaded_list

    assert head_unheaded_list(markdown) == (markdown, None)
