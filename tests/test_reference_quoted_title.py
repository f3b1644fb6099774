"""Reference entries with initials-first authors and a quoted title (IEEE, Wiley's Chicago-like numbered style).

Each form has a positive fixture and a clean case: what this reader must leave to
the general one (a surname-first list, a quote inside an unquoted title), and
years it must not read (inside the title, pages).
"""
import pytest

from kb.read.quoted_title import initials_first_list, read_quoted
from kb.read.reference_list import parse_entry


def entry(text):
    return parse_entry(1, text, 10)


def fields(e):
    return e.first_author or e.organisation, e.year, e.title, e.source


def test_chicago_like_journal_entry_with_volume_issue_and_year_in_brackets():
    e = entry("E. Leclerc , R. B. Mansur , and E. Brietzke , \u201cDeterminants of Adherence to Treatment in Bipolar "
              "Disorder: A Comprehensive Review,\u201d Journal of Affective Disorders 149, no. 1\u20133 (2013): "
              "247\u2013252.PMID: 23489405 doi: 10.1016/j.jad.2013.01.028")
    assert e.surnames == ("Leclerc", "Mansur", "Brietzke")
    assert fields(e) == ("Leclerc", 2013, "Determinants of Adherence to Treatment in Bipolar Disorder: A Comprehensive "
                         "Review", "Journal of Affective Disorders")
    assert (e.volume, e.issue, e.pages, e.pmid) == ("149", "1\u20133", "247\u2013252", "23489405")


@pytest.mark.parametrize("text, first, year, source", [
    ("S. Yuan and S. C. Larsson , \u201cEpidemiology of Sarcopenia,\u201d Metabolism 144 (2023): 155533, "
     "doi: 10.1016/j.metabol.2023.155533.", "Yuan", 2023, "Metabolism"),  # two names joined by 'and', no issue
    ("P. E. Keck, Jr. , S. L. McElroy , and M. L. Bourne , \u201cCompliance,\u201d Psychopharmacology Bulletin 33, "
     "no. 1 (1997): 87\u201391.", "Keck", 1997, "Psychopharmacology Bulletin"),  # a suffix after a comma
    ("F. Vizzutti , C. Celsa , et al., \u201cMortality After TIPS,\u201d Hepatology 77, no. 2 (2023): 476\u2013488.",
     "Vizzutti", 2023, "Hepatology"),
    ("Z. Al Duhailib , R. de Franchis , and A. J. Cruz\u2010Jentoft , \u201cGRADE Pearls,\u201d BMJ (Online) 340 "
     "(2010): c241.", "Al Duhailib", 2010, "BMJ (Online)"),
])
def test_chicago_like_author_lists(text, first, year, source):
    e = entry(text)
    assert (e.first_author, e.year, e.source) == (first, year, source)


@pytest.mark.parametrize("text, first, year, source, pages", [
    ('A. B. Smith, C. Jones, and D. Lee, "Deep learning for widgets," IEEE Trans. Widget Eng., vol. 12, no. 3, '
     "pp. 45\u201367, Mar. 2019.", "Smith", 2019, "IEEE Trans. Widget Eng", "45\u201367"),
    ('R. Smith, "A title," J. Name, vol. 5, pp. 1987\u20131999, 2005.', "Smith", 2005, "J. Name",
     "1987\u20131999"),  # pages that look like years are pages
    ('A. B. Smith et al., "Widgets," in Proc. IEEE Int. Conf. Widgets, Paris, France, 2019, pp. 1\u20135.',
     "Smith", 2019, "Proc. IEEE Int. Conf. Widgets", None),
    ('A. B. Smith *et al.*, "Widgets," *IEEE Trans. Widget Eng.*, vol. 12, pp. 4\u20139, 2019.',
     "Smith", 2019, "IEEE Trans. Widget Eng", "4\u20139"),  # italics kept by an importer
    ('J.-P. Dupont and A. Martin, "Widgets," J. Name 12, 45 (2001).', "Dupont", 2001, "J. Name", "45"),  # AIP
])
def test_ieee_and_aip_entries(text, first, year, source, pages):
    e = entry(text)
    assert (e.first_author, e.year, e.source, e.pages) == (first, year, source, pages)


def test_a_year_inside_the_title_is_not_the_year():
    e = entry("D. Moher , L. Shamseer , et al., \u201cPreferred Reporting Items for Systematic Review and Meta\u2010"
              "Analysis Protocols (PRISMA\u2010P) 2015 Statement,\u201d Revista Espanola 20, no. 2 (2016): 148\u2013160.")
    assert e.year == 2016
    no_year = entry("D. B. Wilson , \u201cEffect Size Calculator (Version 2023.11.27),\u201d https://example.org/calc.")
    assert (no_year.first_author, no_year.year, no_year.source, no_year.url) == (
        "Wilson", None, None, "https://example.org/calc")


@pytest.mark.parametrize("text, expected", [
    ("GBD 2017 Cirrhosis Collaborators , \u201cThe Global Burden of Cirrhosis, 1990\u20132017,\u201d Lancet "
     "Gastroenterology & Hepatology 5, no. 3 (2020): 245\u2013266.",
     ("GBD 2017 Cirrhosis Collaborators", 2020, "The Global Burden of Cirrhosis, 1990\u20132017",
      "Lancet Gastroenterology & Hepatology")),
    ("University of York . \u201cPROSPERO: International Register,\u201d https://www.crd.york.ac.uk/prospero/.",
     ("University of York", None, "PROSPERO: International Register", None)),
    ("WHO , \u201cBurns,\u201d 2023, https://www.who.int/burns.", ("WHO", 2023, "Burns", None)),
])
def test_organisations_before_a_quoted_title(text, expected):
    assert fields(entry(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("M. J. Page and J. A. C. Sterne , \u201cAssessing Risk of Bias,\u201d in Cochrane Handbook for Systematic "
     "Reviews of Interventions (Wiley, 2019), https://training.cochrane.org/handbook.",
     ("Page", 2019, "Assessing Risk of Bias", "Cochrane Handbook for Systematic Reviews of Interventions")),
    ("American Psychiatric Association , Diagnostic and Statistical Manual of Mental Disorders, 5th ed. "
     "(American Psychiatric Publishing, 2013).",
     ("American Psychiatric Association", 2013, "Diagnostic and Statistical Manual of Mental Disorders, 5th ed",
      "American Psychiatric Publishing")),
    ("D. Luo , Statistical Learning of Median (Hong Kong Baptist University, 2017), https://example.org/a.pdf.",
     ("Luo", 2017, "Statistical Learning of Median", "Hong Kong Baptist University")),
])
def test_chapters_and_books_in_the_same_style(text, expected):
    e = entry(text)
    assert fields(e) == expected
    assert e.source_guessed  # a publisher or a book, not a journal: no ahead-of-print note for want of a volume


def test_an_online_first_article_keeps_its_e_locator_and_its_journal():
    e = entry("S. Ghosal and A. Pal , \u201cMedication Adherence,\u201d International Journal of Psychiatry in "
              "Medicine (2021): 912174211030163.")
    assert (e.year, e.source, e.volume, e.pages, e.source_guessed) == (
        2021, "International Journal of Psychiatry in Medicine", None, "912174211030163", False)


@pytest.mark.parametrize("text", [
    'Smith J, "Quoted title." Lancet 2009;1:1-2.',  # surname first: the general reader's
    "A.B. Surname, C. Other, The \u201cX\u201d effect, Journal 12 (2009) 100-110.",  # a quote inside the title
    "Smith AB, Jones C. Title. JAMA. 2019;321(2):45-67.",  # no quote at all
    "Smith, J. A., & Jones, B. (2010). A title. Journal of Things, 6(2), 100\u2013110.",
    'The "best" practice in medicine, a review. Some Journal 2010, 5:1.',  # words before the quote are no names
])
def test_other_styles_are_left_to_the_general_reader(text):
    assert read_quoted(text) is None


def test_the_general_reader_still_reads_those_styles():
    assert (entry("A.B. Surname, C. Other, The \u201cX\u201d effect, Journal 12 (2009) 100-110.").first_author,
            entry("Smith AB, Jones C. Title. JAMA. 2019;321(2):45-67.").source) == ("Surname", "JAMA")


@pytest.mark.parametrize("who", ["Smith AB, Jones C", "A. B. Smith, Title words", "The Lancet", "et al."])
def test_initials_first_list_refuses_what_is_not_one(who):
    assert initials_first_list(who) is None
