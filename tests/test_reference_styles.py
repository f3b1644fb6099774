"""Reference entries in the common numbered styles: first author (or organisation), year, source.

One fixture per style or form; the clean cases show what must not be read (a year from pages,
volumes or e-locators; a person from an organisation).
"""
import pytest

from kb.read.authors import read_authors
from kb.read.reference_list import parse_entry


def entry(text):
    return parse_entry(1, text, 10)


@pytest.mark.parametrize("style, text, first, year, source", [
    ("NLM/Vancouver", "Buchbinder R, Osborne RH, Ebeling PR, et al. A randomized trial. N Engl J Med. "
     "2009;361(6):557-68.", "Buchbinder", 2009, "N Engl J Med"),
    ("AMA", "Kallmes DF, Comstock BA, Heagerty PJ. A randomized trial of vertebroplasty. *N Engl J Med*. "
     "2009;361(6):569-579. doi:10.1056/NEJMoa0900563", "Kallmes", 2009, "N Engl J Med"),
    ("PLOS", "Couzin ID, Krause J, James R (2002) Collective memory and spatial sorting in animal groups. "
     "J Theor Biol 218: 1\u201311.", "Couzin", 2002, "J Theor Biol"),
    ("PLOS e-locator", "Smith AB, Jones C (2009) A title. PLoS Med 6: e1002093.", "Smith", 2009, "PLoS Med"),
    ("BMC/Springer", "Moher D, Liberati A, Tetzlaff J, Altman DG: Preferred reporting items for systematic "
     "reviews. BMC Med 2009, 6:100.", "Moher", 2009, "BMC Med"),
    ("Elsevier numbered", "J.A. Smith, B. Jones, Vertebroplasty for fractures, Spine J. 12 (2012) 100\u2013110.",
     "Smith", 2012, "Spine J"),
    ("APA-like", "Smith, J. A., & Jones, B. (2010). A title of a paper. Journal of Things, 6(2), 100\u2013110.",
     "Smith", 2010, "Journal of Things"),
])
def test_styles(style, text, first, year, source):
    e = entry(text)
    assert (e.first_author, e.year, e.source) == (first, year, source), style


@pytest.mark.parametrize("text, surname", [
    ("\u0141ukasiewicz J, Nowak A. Title. *J*. 2010;1:1-2.", "\u0141ukasiewicz"),
    ("\u00d8stergaard L, Hansen B. Title. *J*. 2010;1:1-2.", "\u00d8stergaard"),
    ("Do\u011fan M, Y\u0131lmaz A. Title. *J*. 2010;1:1-2.", "Do\u011fan"),
    ("\u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2 \u0391, Smith B. Title. *J*. 2010;1:1-2.",
     "\u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2"),
    ("\u0160koda P, Nov\u00e1k J (2011) Title. J Czech 3: 4\u20135.", "\u0160koda"),
    ("Palmarini M, Sharp JM, de las Heras M, Fan H (1999) Jaagsiekte. J Virol 73: 6964\u20136972.", "Palmarini"),
    ("Milo R, Shen\u2013Orr S, Itzkovitz S (2002) Network motifs. Science 298: 824\u2013827.", "Milo"),
    ("O'Brien K, D\u2019Amico L. Title. *J*. 2010;1:1-2.", "O'Brien"),
    ("Fischl B, Kouwe Avd, Destrieux C, et al. Parcellating. Cerebral Cortex. 2004;14(1):11\u201322.", "Fischl"),
    ("vanEngelsdorp D, Meixner MD (2010) A historical review. J Invertebr Pathol 103: 80\u201395.", "vanEngelsdorp"),
    ("Kopa\u0301c\u030cek J, Norton SA (2005) Decomposed accents. Environ Sci Technol 39: 3656\u20133662.",
     "Kopa\u0301c\u030cek"),
    ("Cohen R, Havlin S, ben-Avraham D (2003) Immunization. Phys Rev Lett 91: 247901.", "Cohen"),
    ("Grandvaux N, tenOever B, Sen GC, et al. Profiling. *J Virol*. 2002;76(11):5532-9.", "Grandvaux"),
    ("Dibner C, Sage D, d\u2019Eysmond T, et al. Circadian. *Genes Dev*. 2008;22:1-2.", "Dibner"),
    ("Cisse B, Sokhna C, B\u00e2 eH, et al. (2006) Seasonal. Lancet 367: 659\u2013667.", "Cisse"),
])
def test_surnames_in_any_script(text, surname):
    assert entry(text).first_author == surname


def test_surname_only_lists_before_a_year():
    assert entry("Fontana, Stadler, Bornberg-Bauer et al. (1993) Rna folding. Phys Rev E 47: 2083\u20132099."
                 ).surnames == ("Fontana", "Stadler", "Bornberg-Bauer")


@pytest.mark.parametrize("text, organisation, year", [
    ("World Health Organization (2010) Working to overcome the global impact. Geneva: WHO.",
     "World Health Organization", 2010),
    ("President's Council on Bioethics (2003) Beyond therapy. New York: Regan Books.",
     "President's Council on Bioethics", 2003),
    ("WHO. Report on the Global Tobacco Epidemic, 2008. Geneva: World Health Organization; 2008.", "WHO", 2008),
    ("U.S. General Accounting Office. Synar Amendment Implementation. Washington, DC; 2001.",
     "U.S. General Accounting Office", 2001),
    ("DART Virology Group and Trial Team (2006) Virological response. AIDS 20: 1391\u20131399.",
     "DART Virology Group and Trial Team", 2006),
    ("StatSoft Inc (2005). STATISTICA, version 7.1. Available: www.statsoft.com.", "StatSoft Inc", 2005),
    ("No Lie MRI, Inc. (n.d.) No Lie MRI home page. Available: http://noliemri.com/. Accessed 13 January 2012.",
     "No Lie MRI, Inc", None),
])
def test_organisations_as_authors_with_their_year(text, organisation, year):
    e = entry(text)
    assert (e.authors, e.organisation, e.year) == ((), organisation, year)


def test_a_list_ending_in_a_group_keeps_its_people():
    e = entry("Wardlaw D, Cummings SR, Boonen S, FREE investigators. Efficacy and safety of balloon kyphoplasty. "
              "*Lancet*. 2009;373(9668):1016-24.")
    assert e.surnames == ("Wardlaw", "Cummings", "Boonen")
    assert e.organisation == "FREE investigators"
    assert e.year == 2009


def test_a_group_named_before_its_members():
    e = entry("Genomes Project Consortium, Abecasis GR, Auton A, et al. An integrated map. *Nature*. 2012;491:56-65.")
    assert e.organisation == "Genomes Project Consortium"
    assert e.surnames == ("Abecasis", "Auton") and e.year == 2012


def test_a_title_is_not_read_as_more_authors():
    e = entry("J.A. Smith, B. Jones, Vertebroplasty for fractures, Spine J. 12 (2012) 100\u2013110.")
    assert e.surnames == ("Smith", "Jones")


def test_et_al_is_not_an_author():
    found = read_authors("Smith AB, Jones C, et al.")
    assert found.surnames == ("Smith", "Jones") and found.et_al


@pytest.mark.parametrize("text", [
    "Smith AB (2015) A title. *J*. In press.",
    "Smith AB, Jones C (in press) A title. J Things.",
    "Smith AB. A title. *Spine*. 2020. [Epub ahead of print]",
])
def test_in_press_and_epub_are_ahead_of_print(text):
    assert entry(text).epub_ahead


def test_a_published_entry_is_not_ahead_of_print():
    assert not entry("Smith AB. A study of the press. *J*. 2010;1:1-2.").epub_ahead


@pytest.mark.parametrize("text, year", [
    ("Smith AB, Jones C (2011) A title. PLoS One 6: e1002093.", 2011),
    ("Smith AB. A title. *Neurosurg Focus*. 2005;18: 1905-10.", 2005),
    ("Smith AB. A title. Annu Rev Biochem 18: 1905\u20131910.", None),
    ("Smith AB. A title. J Things 2093: 1\u201310.", None),
    ("Smith AB. A title. Cell Prolif.1991. 24: 447\u2013459.", 1991),
])
def test_years_never_come_from_pages_volumes_or_e_locators(text, year):
    assert entry(text).year == year


@pytest.mark.parametrize("text, first, year", [
    ("Smith J (2012) Care of fractures. In: Jones A, Brown B, editors. Spine care. Oxford: OUP. pp. 3\u201310.",
     "Smith", 2012),
    ("Bell G (1988) Sex and death of protozoa. Cambridge, UK: Cambridge University Press.", "Bell", 1988),
    ("Smith AB. Vertebroplasty versus sham (VERTOS V). ClinicalTrials.gov identifier: NCT01963039. 2013.",
     "Smith", 2013),
    ("Agency for Healthcare Research and Quality. Vertebral augmentation. Technology assessment report. "
     "Rockville, MD: AHRQ; 2014.", None, 2014),
    ("Piel WH, Donoghue MJ (2012) TreeBASE: a database. Available: http://treebase.org/. Accessed 2 May 2013.",
     "Piel", 2012),
])
def test_books_chapters_reports_registrations_and_web_pages(text, first, year):
    e = entry(text)
    assert (e.first_author, e.year) == (first, year)
