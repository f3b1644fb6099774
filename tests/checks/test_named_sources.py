"""The name reader: which sources a sentence names, as (kind, name or acronym, year)."""
import pytest

from kb.sources.named import read_mentions
from kb.sources.index import build_index
from .cit_fixtures import build


@pytest.fixture(scope="module")
def index():
    kb = build("x", ["zhao2017", "vanmeirhaeghe2013", "blasco2012", "wardlaw2009", "aaos2010", "mcconnell2014"])
    return build_index(kb.references, "The American College of Radiology (ACR) met.")


@pytest.mark.parametrize("text, expected", [
    ("Zhao (2017) examined X. [1]", [("person", "Zhao", 2017)]),
    ("Buchbinder [2009] [5] and Kallmes [2009] [6], detailed below",
     [("person", "Buchbinder", 2009), ("person", "Kallmes", 2009)]),
    ("The initial report (Buchbinder 2009 [5]) found", [("person", "Buchbinder", 2009)]),
    ("A 2015 Cochrane review by Buchbinder evaluated X. [4]", [("person", "Buchbinder", 2015)]),
    ("VERTOS II, reported by Klazen in 2010, was open-label. [16]", [("person", "Klazen", 2010)]),
    ("were reported by Boonen in 2011 and by Van Meirhaeghe in 2013. [26, 27]",
     [("person", "Boonen", 2011), ("person", "Van Meirhaeghe", 2013)]),
    ("Blasco Andaluz (2012) randomised patients.", [("person", "Blasco Andaluz", 2012)]),
    ("Using Noriega (2019) as a guide", [("person", "Noriega", 2019)]),
    ("Smith and Jones (2015) agreed.", [("person", "Smith", 2015)]),
    ("Two authors had participated in the 2009 study published by Kallmes.", [("person", "Kallmes", 2009)]),
    ("Zhao conducted a review. [1]", [("person", "Zhao", None)]),
    ("Vertebroplasty reduced pain. [1]", []),  # a capitalised word that is no known author
    ("from 2011 to 2015. [9]", []),
    ("In 2010, the American Academy of Orthopaedic Surgeons (AAOS) Board approved a guideline. [64]",
     [("org", "AAOS", 2010)]),
    ("The ACR published criteria in 2014. [73]", [("org", "ACR", 2014)]),
    ("In 2009, Wardlaw reported on the FREE trial. [25]", [("person", "Wardlaw", 2009), ("trial", "FREE", None)]),
    ("An updated 2012 joint practice guideline addresses it. [70]", [("year", None, 2012)]),
])
def test_reads_the_named_sources(index, text, expected):
    got = [(m.kind, m.acronym if m.kind == "org" else m.name, m.year) for m in read_mentions(text, index)]
    assert got == expected


@pytest.mark.parametrize("text", ["In 2016, Stryker acquired the maker of the device.",
                                  "In 2015, Congress passed a law.", "In 2014, Medicare began paying for it."])
def test_companies_and_institutions_doing_other_things_are_no_studies(index, text):
    assert [m for m in read_mentions(text, index) if m.kind == "person"] == []


def test_a_unit_after_a_number_is_no_name(index):
    # '145 Ma [95, 96]' (mega-annum) in a palaeontology preprint was read as the surname Ma; a year before a name
    # still lets it name its source
    def names(text):
        return [(m.kind, m.name) for m in read_mentions(text, index) if m.kind == "person"]

    assert names("The node was placed at 145 Zhao [1] in that tree.") == []
    assert names("Ages of 119.5 Zhao [1] are assumed.") == []
    assert names("In 2017 Zhao et al. [1] found it.") == [("person", "Zhao")]
