"""The year of a reference entry: where each style prints it, and the numbers that are not it.

Positive and clean cases side by side: a year after the authors, in brackets, closing the entry, as part of
a date or an edition; never one from pages, volumes, issues, e-locators or a title.
"""
import pytest

from kb.read.reference_list import parse_entry


def entry(text):
    return parse_entry(1, text, 10)


@pytest.mark.parametrize("text, year", [
    ("NetworkX [Internet]. NetworkX developer team; c2014 May. Available from: http://networkx.github.io.", 2014),
    ("Gmelin JF. Systema naturae. Vol 1. Leipzig, Germany: G. E. Beer; 1791.", 1791),
    ("Eddy JA (1776) The Maunder Minimum. Science 192, 1189\u20131202.", None),  # a misprint is not read as a year
    ("Smith AB. A title. J Things 18: 1791.", None),
    ("Navarro R. Envelhecimento. S\u00e3o Paulo; USP: 2010.", 2010),  # after a publisher's colon, not pages
    ("Alec L v. Jackson DDC, No. 11-CV-02235, 12/14/11 (United States District Court).", 2011),  # a court's date
    ("Smith AB. A title. J Things 12/14: 11-20.", None),
    # reference managers print the date they hold: year and month, month and year (Zotero, Mendeley exports)
    ("Eberlein J, Davenport B, Homann D. 2012-2. Multiple layers of costimulatory activity. J Virol 86:1955\u20131970.",
     2012),
    ("Gagnon JD, Kageyama R, Ansel KM. 08/2019. miR-15/16 restrain memory T cell differentiation. Cell Rep 28:2169.",
     2019),
    # R's citation(): the year glued to the 'ed' after a package's version
    ("Neuwirth E. RColorBrewer: ColorBrewer Palettes. 1.1\u20132 ed2014.", 2014),
    # a guideline dated day-month-year at the end
    ("International Conference on Harmonisation. Guideline for Good Clinical Practice E6 (R1), Step 4. 6-10-1996.",
     1996),
    # only a date closing the entry counts, not one inside a title or a journal's run of numbers
    ("Smith J. A study of pages 1-10-1996. J Tests 12.", None),
    ("Smith J. Title of a work in 2001-2. Lancet 2009;1:2-3.", 2009),
])
def test_years_printed_outside_the_usual_places(text, year):
    assert entry(text).year == year


@pytest.mark.parametrize("text, first, year, title", [
    # Taylor & Francis / CSE: "Authors. YEAR. Title. Journal.": the year after the authors, not one in the title
    ("Walczak M, Jolanta J, \u0141ukasz KK, Ma\u0142gorzata M, et al. 2018. *Stictocephala bisonia* Kopp et Yonke, "
     "1977 (Hemiptera: Cicadomorpha, Membracidae) in Poland. Pol J Entomol. 27(10):1\u201313.", "Walczak", 2018,
     "Stictocephala bisonia Kopp et Yonke, 1977 (Hemiptera: Cicadomorpha, Membracidae) in Poland"),
    # Royal Society: a book's italic title after the year is the title, the publisher its source
    ("Rumelhart DE, Hinton GE, Williams RJ. 1986. *Learning Internal Representations by Error Propagation*, "
     "pp. 318\u2013362. Cambridge, MA: MIT Press", "Rumelhart", 1986,
     "Learning Internal Representations by Error Propagation, pp. 318\u2013362"),
])
def test_a_bare_year_after_the_authors_is_the_entrys(text, first, year, title):
    e = entry(text)
    assert (e.first_author, e.year, e.title) == (first, year, title)


def test_a_year_inside_a_vancouver_title_is_not_taken_for_the_entrys():
    # Clean case: no bare year right after the authors, so the journal's year stays the entry's.
    e = entry("Smith J. A title of 2009. J Tests. 2010;12:1-9.")
    assert (e.first_author, e.year, e.title) == ("Smith", 2010, "A title of 2009")


def test_a_year_closing_the_author_list_is_the_entrys_year_not_one_inside_the_title():
    """Elsevier's Harvard form: 'Surname, I., Surname, I., YEAR. Title.' (its 'Journal 12, 100-110' is not split)."""
    e = entry("Smith, B., Lundmark, J.E., 1982. Widget growth in forests. For. Ecol. Manage. 12, 100\u2013110.")
    assert (e.surnames, e.year, e.title) == (("Smith", "Lundmark"), 1982, "Widget growth in forests")
    assert entry("Roe, A., 2004. Widgets of the north. Widget Press, Oslo.").year == 2004
    assert entry("Roe A, Poe B. Widgets counted in 1990, a history. Widget Press; 2004.").year == 2004


def test_a_year_before_a_comma_and_the_doi_is_read():
    """'Biosci Rep. 2024;44(1), doi: ...': the DOI's comma must not hide the year."""
    e = entry("Noorbakhsh Varnosfaderani S, Ebrahimzadeh F. Potential anticancer applications of beta-glucans: a "
              "review. Biosci Rep. 2024;44(1), doi: 10.1042/BSR20231686.")
    assert (e.surnames, e.year, e.doi) == (("Noorbakhsh Varnosfaderani", "Ebrahimzadeh"), 2024, "10.1042/BSR20231686")
    assert entry("Smith A, Jones B. A review. Biosci Rep. 2024;44(1).").year == 2024


def test_a_year_after_a_journal_abbreviation_ending_in_p_is_its_year_not_a_page():
    """'Mol Med Rep. 2021. 24': the 'p. ' of 'Rep. ' is no page marker; 'p. 2021' still is a page."""
    entry = parse_entry(53, "Du H, Yang X. Claudin 6: therapeutic prospects. Mol Med Rep. 2021. 24", 1)
    assert entry.year == 2021
    from kb.read.entry_source import year_in

    assert year_in("Mol Med Rep. 2021. 24") == 2021
    assert year_in("A long book, p. 2021 onwards") is None and year_in("Proceedings, pp. 1999-2005") is None


def test_an_issue_glued_to_its_volume_is_no_year():
    # "2019;286(1916):20192047": Proceedings B's issue number 1916, printed in parentheses, is not the year.
    e = entry("Chapman CA, Bicca-Marques JC, Chr. Stenseth N. Games academics play and their consequences. "
              "Proceedings of the Royal Society B: Biological Sciences. 2019;286(1916):20192047.")
    assert (e.first_author, e.year) == ("Chapman", 2019)
    assert entry("Smith AB, Jones C (2009) A title. PLoS Med 6: e1002093.").year == 2009  # a spaced year still is


def test_a_work_of_several_volumes_has_the_year_its_first_came_out():
    e = entry("Roe J: *Widget tales. Volumes I-IV*. Leipzig: Hirzel; 1901\u20131909")
    assert (e.first_author, e.year) == ("Roe", 1901)
    assert entry("Roe J: *Widget tales*. Leipzig: Hirzel; 1901.").year == 1901
