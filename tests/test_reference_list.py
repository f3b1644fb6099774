"""One reference-list entry to structured fields, including awkward and broken ones."""
import pytest

from kb.read.reference_list import parse_entry


def entry(text):
    return parse_entry(1, text, 10)


@pytest.mark.parametrize("text, first, year", [
    ("Buchbinder R, Osborne RH, Ebeling PR, et al. A randomized trial. *N Engl J Med*. 2009;361(6):557-68. PMID: 19657121",
     "Buchbinder", 2009),
    ("de Vries J, Smith AB. Particles stay with the surname. *Lancet*. 2011;1:2-3.", "de Vries", 2011),
    ("Van Meirhaeghe J, Bastian L. A capitalised particle. *Spine (Phila Pa 1976)*. 2013. PMID: 23446769",
     "Van Meirhaeghe", 2013),
    ("Blasco Andaluz J, Martinez-Ferrer A. Two-word surname. *J Bone Miner Res*. 2012. PMID: 22307990",
     "Blasco Andaluz", 2012),
    ("McConnell CT, Jr., Wippold FJ, 2nd, Ray CE, Jr., et al. Suffixes. *JACR*. 2014;11(8):757-63.",
     "McConnell", 2014),
    ("Martin-Lopez JE, Pavon-Gomez MJ. Hyphens. *OTSR*. 2015;101(5):627-32.", "Martin-Lopez", 2015),
    ("Garant M. A single author. *J Vasc Interv Radiol*. 2002;13(12):1265-7. PMID: 12471192", "Garant", 2002),
])
def test_person_authors_and_year(text, first, year):
    e = entry(text)
    assert e.first_author == first
    assert e.year == year


def test_suffix_stays_with_its_author():
    e = entry("McConnell CT, Jr., Wippold FJ, 2nd, Ray CE, Jr., et al. T. *J*. 2014;11:1-2.")
    assert e.authors == ("McConnell CT, Jr.", "Wippold FJ, 2nd", "Ray CE, Jr.")
    assert e.surnames == ("McConnell", "Wippold", "Ray")


def test_journal_with_year_in_its_name_does_not_give_the_year():
    e = entry("Yang EZ, Xu JG. Title here. *Spine (Phila Pa 1976)*. 2016;41(8):653-60. PMID: 26630417")
    assert (e.source, e.year, e.volume, e.issue, e.pages) == ("Spine (Phila Pa 1976)", 2016, "41", "8", "653-60")
    assert e.title == "Title here"
    assert e.pmid == "26630417"


@pytest.mark.parametrize("text, volume, issue, pages", [
    ("A B. T. *Cochrane*. 2015;4:CD006349.", "4", None, "CD006349"),
    ("A B. T. *JBJS Rev*. 2021;9(10). PMID: 1", "9", "10", None),
    ("A B. T. *Eur J*. 2015;25 Suppl 1:S77-85.", "25 Suppl 1", None, "S77-85"),
    ("A B. T. *Clin Radiol*. 2007;62(11):1094-100; discussion 101-3.", "62", "11", "1094-100; discussion 101-3"),
])
def test_volume_issue_pages_forms(text, volume, issue, pages):
    e = entry(text)
    assert (e.volume, e.issue, e.pages) == (volume, issue, pages)


def test_entry_without_volume_or_pages_keeps_them_empty():
    e = entry("Zhan Y, Jiang J. Risk factors. *World neurosurgery*. 2017. PMID: 28192270")
    assert (e.year, e.volume, e.issue, e.pages) == (2017, None, None, None)


def test_organisational_web_entry():
    e = entry("National Institute for Health and Clinical Excellence (NICE). Percutaneous vertebroplasty [TA279]. "
              "[cited 5/11/2026]. 'Available from:' <https://www.nice.org.uk/guidance/ta279>.")
    assert e.organisation == "National Institute for Health and Clinical Excellence (NICE)"
    assert e.authors == ()
    assert e.url == "https://www.nice.org.uk/guidance/ta279"
    assert e.accessed == "5/11/2026"
    assert e.available_from
    assert e.year is None  # an access date is not a publication date


def test_dangling_available_from_has_no_url():
    e = entry("American Academy of Orthopaedic Surgeons Guideline and Evidence Report. 2010. Treatment of X. "
              "[cited 5/11/2026]. 'Available from:'")
    assert e.available_from and e.url is None
    assert e.year == 2010
    assert e.title == "Treatment of X"


def test_entry_without_authors_keeps_title():
    e = entry("Practice guidelines for chronic pain management. *Anesthesiology*. 2010;112(4):810-33. PMID: 20124882")
    assert e.authors == () and e.organisation is None
    assert e.title == "Practice guidelines for chronic pain management"
    assert e.year == 2010


def test_doi_and_epub_ahead_of_print():
    e = entry("Roe A. Fresh paper. *J Pain*. 2025. doi: 10.1000/xyz.123. Epub ahead of print.")
    assert e.doi == "10.1000/xyz.123"
    assert e.epub_ahead


def test_entry_with_no_year_parses_without_raising():
    e = entry("Doe J. Undated work. *Some Journal*.")
    assert e.year is None and e.first_author == "Doe"


@pytest.mark.parametrize("text", ["", "   ", "*", "12345", "<script>alert(1)</script>", "et al."])
def test_garbage_never_raises(text):
    assert entry(text).number == 1


@pytest.mark.parametrize("tail, pmid", [("PMID:", None), ("PMID: ", None), ("PMID: 24967454", "24967454"),
                                        ("PMID:24967454.", "24967454")])
def test_a_bare_pmid_label_is_no_pmid(tail, pmid):
    assert parse_entry(1, f"Kroon F. Two-year results. *J Bone Miner Res*. 2014;29(6):1346-55. {tail}", 1).pmid == pmid
