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
    ("IEEE", 'A. B. Smith, C. Jones, and D. Lee, "A title," J. Name, vol. 12, no. 3, pp. 45\u201367, 2019.',
     "Smith", 2019, "J. Name"),
    ("Chicago-like numbered (Wiley)", "E. Leclerc , R. B. Mansur , and E. Brietzke , \u201cA title,\u201d "
     "Journal of Affective Disorders 149, no. 1\u20133 (2013): 1\u20139.", "Leclerc", 2013, "Journal of Affective Disorders"),
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
    ("Lebedev M. A, Nicolelis M. A. L (2006) Brain-machine interfaces. Trends Neurosci 29: 536\u2013546.", "Lebedev"),
    ("Antonov AV, Tetko IV, Mewes HW. A systematic approach. *Nucleic Acids Res*. 2006;34(1):e6.", "Antonov"),
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


@pytest.mark.parametrize("form, text, first, year, title, source", [
    ("Vancouver book", "Olsson AA. Some Tertiary mollusks. Ithaca, NY: Paleontological Research Institution; 1967.",
     "Olsson", 1967, "Some Tertiary mollusks", "Ithaca, NY: Paleontological Research Institution"),
    ("PLOS book", "Sacconi SF (1979) The secrets of Stradivari. Cremona, Italy: Libreria Del Convegno.",
     "Sacconi", 1979, "The secrets of Stradivari", "Cremona, Italy: Libreria Del Convegno"),
    ("volume of a book", "Rockel D. Manual of the living Conidae. Volume 1: Indo-Pacific Region. Hackenheim: "
     "Verlag Christa Hemmen; 1995.", "Rockel", 1995, "Manual of the living Conidae. Volume 1: Indo-Pacific Region",
     "Hackenheim: Verlag Christa Hemmen"),
    ("report", "Wagner S, Wagner D (2007) Comparing clusterings. Technical Report, Universit\u00e4t Karlsruhe.",
     "Wagner", 2007, "Comparing clusterings", "Technical Report, Universit\u00e4t Karlsruhe"),
    ("preprint", "Caiafa CF, Pestilli F (2015) Sparse multiway decomposition. ArXiv: 1505.0710.",
     "Caiafa", 2015, "Sparse multiway decomposition", "ArXiv: 1505.0710"),
    ("italic word opening the title", "Le Conte Y, Ellis M (2010) *Varroa* mites and honey bee health: can *Varroa* "
     "explain the losses? Apidologie 41: 353\u2013363.", "Le Conte", 2010,
     "Varroa mites and honey bee health: can Varroa explain the losses?", "Apidologie"),
    ("italic book title", "Ripley BD. *Pattern Recognition and Neural Networks*. Cambridge, UK: Cambridge University "
     "Press. 1996.", "Ripley", 1996, "Pattern Recognition and Neural Networks",
     "Cambridge, UK: Cambridge University Press"),
    ("italic journal after a missing title", "Smith AB, Jones C. *Lancet*. 2015;385(9):100-9.", "Smith", 2015, None,
     "Lancet"),
    ("supplement and roman pages", "Stanke M, Waack S (2003) Gene prediction. Bioinformatics 19 Suppl 2: ii215\u2013ii225.",
     "Stanke", 2003, "Gene prediction", "Bioinformatics"),
    ("roman pages after a question", "Sturm RA (2005) A first step towards invasion? J Invest Dermatol 124: xiv\u2013xv.",
     "Sturm", 2005, "A first step towards invasion?", "J Invest Dermatol"),
    ("volume with a letter", "Woodring WP. Geology of Panama. U S Geol Surv Prof Pap. 1970;306-D: 299\u2013452.",
     "Woodring", 1970, "Geology of Panama", "U S Geol Surv Prof Pap"),
])
def test_books_reports_preprints_and_titles_in_italics(form, text, first, year, title, source):
    e = entry(text)
    assert (e.first_author, e.year, e.title, e.source) == (first, year, title, source), form


def test_a_title_with_no_source_after_it_keeps_no_source():
    e = entry("Smith AB, Jones C. Widget therapy for knee pain. 2015.")
    assert (e.title, e.source, e.year) == ("Widget therapy for knee pain", None, 2015)
    note = entry("Smith AB (2013) Chiroping robots and sonar. personal communication.")
    assert note.source is None
    assert entry("Smith AB, Jones C. *Lancet*. 2015;385(9):100-9.").source_guessed is False
    assert entry("Olsson AA. Mollusks. Ithaca, NY: PRI; 1967.").source_guessed is True


@pytest.mark.parametrize("text, organisation, year", [
    ("(2000) Adolescent Medicine HIV/AIDS Research Network. Reaching for excellence. Brooklyn, NY: SUNY.",
     "Adolescent Medicine HIV/AIDS Research Network", 2000),
    ("Energy Information Administration (EIA) (2011) International energy outlook.",
     "Energy Information Administration (EIA)", 2011),
    ("U.S. Energy Information Administration (2012) Annual energy review 2011.",
     "U.S. Energy Information Administration", 2012),
    ("Minist\u00e9rio da Sa\u00fade (BR). Envelhecimento e sa\u00fade. Bras\u00edlia: Minist\u00e9rio da Sa\u00fade; 2007.",
     "Minist\u00e9rio da Sa\u00fade (BR)", 2007),
])
def test_organisations_with_a_year_before_or_an_acronym(text, organisation, year):
    e = entry(text)
    assert (e.organisation, e.year) == (organisation, year)


def test_a_stray_stop_or_the_entry_number_printed_again_is_not_the_author():
    assert parse_entry(4, "4. Prata-Barbosa A, Lima-Setta F. Title. J Pediatr. 2020;96(5):582-92.", 1).first_author \
        == "Prata-Barbosa"
    assert parse_entry(4, ". Lipp MEN. Manual do invent\u00e1rio. S\u00e3o Paulo: Casa do Psic\u00f3logo; 2005.",
                       1).first_author == "Lipp"
    assert parse_entry(18, "18 Meretoja R, Isoaho H. Nurse competence. J Adv Nurs. 2004;47(2):124-33.", 1).first_author \
        == "Meretoja"
    other = parse_entry(4, "12. Smith AB. Title. J. 2020;1:2.", 1)
    assert other.first_author is None  # another number is not this entry's own: it is left as printed


def test_an_address_without_a_scheme_is_an_address():
    e = entry("Energy Resources Conservation Board (2012) Energy reserves, www.ercb.ca/st98.pdf.")
    assert e.url == "www.ercb.ca/st98.pdf"


@pytest.mark.parametrize("text, organisation, year", [
    ("Sociedade Brasileira de Pediatria. Vacinas COVID-19 em crian\u00e7as no Brasil [Internet]. S\u00e3o Paulo: SBP; 2021.",
     "Sociedade Brasileira de Pediatria", 2021),
    ("Associa\u00e7\u00e3o Brasileira de Transplantes de \u00d3rg\u00e3os. Dimensionamento dos transplantes no Brasil "
     "[Internet]. S\u00e3o Paulo: ABTO; 2022.", "Associa\u00e7\u00e3o Brasileira de Transplantes de \u00d3rg\u00e3os", 2022),
    ("Asociaci\u00f3n Espa\u00f1ola de Pediatr\u00eda. Calendario de vacunaciones. Madrid: AEP; 2020.",
     "Asociaci\u00f3n Espa\u00f1ola de Pediatr\u00eda", 2020),
    # a country heading the ministry that wrote it (SciELO's Vancouver form)
    ("Brasil. Minist\u00e9rio da Sa\u00fade. Plano Nacional de Operacionaliza\u00e7\u00e3o [Internet]. "
     "Bras\u00edlia (DF): Minist\u00e9rio da Sa\u00fade; 2021.", "Brasil", 2021),
])
def test_organisations_in_portuguese_and_spanish(text, organisation, year):
    e = entry(text)
    assert (e.authors, e.organisation, e.year) == ((), organisation, year)


def test_a_person_before_an_organisations_title_stays_a_person():
    e = entry("Silva A. Ministério da Saúde e a vacinação. Rev Saude Publica. 2021;55:1-9.")
    assert e.surnames == ("Silva",) and e.organisation is None and e.year == 2021


def test_frontiers_year_in_parentheses_after_the_journal():
    """Frontiers: 'Names. Title. Journal. (2019) 12:55.' is Vancouver with the year moved, not 'Who (2019)'."""
    e = entry("Wang W, Han C, Sun Y, Chen T, Chen Y. Noncoding RNAs in cancer therapy resistance. J Hematol Oncol. "
              "(2019) 12:55. doi: 10.1186/s13045-019-0748-z")
    assert (e.surnames, e.organisation, e.year) == (("Wang", "Han", "Sun", "Chen", "Chen"), None, 2019)
    plos = entry("Smith AB, Jones C (2009) A trial of a drug. Trials J 6: e100.")
    assert (plos.surnames, plos.year, plos.title) == (("Smith", "Jones"), 2009, "A trial of a drug")


@pytest.mark.parametrize("text, first, year, source", [
    # Nature with parentheses in the title: the year's own pattern stops at them, the authors still open the entry
    ("Peltier, W. R. Global glacial isostasy and the surface of the ice-age Earth: the ICE-5G (VM2) model and "
     "grace. *Annu. Rev. Earth Planet. Sci.* **32**, 111\u2013149 (2004).", "Peltier", 2004, "Annu. Rev. Earth Planet. Sci"),
    ("Reimer, P. J. et al. The IntCal20 Northern Hemisphere radiocarbon age calibration curve (0-55 cal ka BP). "
     "*Radiocarbon* **62**, 725\u2013757 (2020).", "Reimer", 2020, "Radiocarbon"),
    # Nature with a particle's surname among the authors: "van de Wal, R. S. W."
    ("Bintanja, R., van de Wal, R. S. W. & Oerlemans, J. Modelled atmospheric temperatures and global sea levels "
     "over the past million years. *Nature* **437**, 125\u2013128 (2005).", "Bintanja", 2005, "Nature"),
    ("ter Braak, C. J. F. & Juggins, S. Weighted averaging partial least squares regression (WA-PLS): an improved "
     "method. *Hydrobiologia* **269**, 485\u2013502 (1993).", "ter Braak", 1993, "Hydrobiologia"),
    # Science / Science Advances: initials first, the title after a comma, "Journal Vol, pages (year)."
    ("W. E. Johns, M. O. Baringer, R. Curry, Continuous, array-based estimates of Atlantic Ocean heat transport at "
     "26.5 N. J. Climate 24, 2429\u20132449 (2011).", "Johns", 2011, "J. Climate"),
    ("L. C. Jackson, A. Biastoch, J. Robson, The evolution of the North Atlantic meridional overturning circulation "
     "since 1980. Nat. Rev. Earth Environ. 3, 241\u2013254 (2022).", "Jackson", 2022, "Nat. Rev. Earth Environ"),
    ("R. M. van Westen, H. A. Dijkstra, Persistent climate model biases in the Atlantic Ocean\u2019s freshwater "
     "transport. EGUsphere, 1\u201329 (2023).", "van Westen", 2023, "EGUsphere"),
])
def test_nature_and_science_entries(text, first, year, source):
    e = entry(text)
    assert (e.first_author, e.year, e.source) == (first, year, source)


def test_vancouver_names_and_a_title_in_parentheses_are_read_as_before():
    # Clean cases: no dotted initials after the comma, so nothing is joined; an organisation stays one.
    e = entry("Smith J, van de Wal R, Jones K. A title (the ABC trial). Nature. 2005;4:1-2.")
    assert (e.first_author, e.year) == ("Smith", 2005)
    e = entry("World Health Organization. Guidelines on malaria (third edition). Geneva: WHO; 2015.")
    assert e.first_author is None and e.organisation == "World Health Organization" and e.year == 2015


@pytest.mark.parametrize("text, first, year, title, source", [
    # Nature: a title the author reader once took for more names ("Kubelka-Munk"), an italic "et al."
    ("Barron, V. & Torrent, J. Use of the Kubelka-Munk theory to study the influence of iron oxides on soil colour. "
     "*J. Soil Sci.* **37**, 499\u2013510 (1986).", "Barron", 1986,
     "Use of the Kubelka-Munk theory to study the influence of iron oxides on soil colour", "J. Soil Sci"),
    ("Kageyama, M. et al. Climatic impacts of fresh water hosing under Last Glacial Maximum conditions: a multi-model "
     "study. *Climate* **9**, 935\u2013953 (2013).", "Kageyama", 2013,
     "Climatic impacts of fresh water hosing under Last Glacial Maximum conditions: a multi-model study", "Climate"),
    ("Qu, Y. *et al.* Inverse design of an integrated-nanophotonics optical neural network. *Sci. Bull.* (2020).",
     "Qu", 2020, "Inverse design of an integrated-nanophotonics optical neural network", "Sci. Bull"),
])
def test_nature_entries_keep_their_title_and_journal(text, first, year, title, source):
    e = entry(text)
    assert (e.first_author, e.year, e.title, e.source) == (first, year, title, source)


def test_apa_names_before_the_year_stay_the_authors():
    # Clean case: an APA list ends at its year; no title follows the names there.
    e = entry("Smith, J. A., & Jones, B. (2010). A title of a paper. Journal of Things, 6(2), 100\u2013110.")
    assert (e.first_author, e.year, e.title, e.source) == ("Smith", 2010, "A title of a paper", "Journal of Things")


def test_a_title_ending_in_parentheses_is_not_a_science_journal():
    # Clean case: a capitalised last sentence that ends with no "(year)" after pages is left to the other forms.
    e = entry("Smith J, Jones K. A title. Some Report Series, 12 (ABC). Geneva: WHO; 2015.")
    assert e.year == 2015 and e.source != "Some Report Series"
