"""CIT202 for a zoologist's authority printed right before a marker that cites the authority's own paper."""
from .cit_fixtures import BODY_LINE, findings

ENTRIES = ["Garcia EF. Conus sauros, a new Conus species from the Gulf of Mexico. *Novapex*. 2006;7(2):71-6.",
           "Puillandre N, Duda TF, Meyer C, et al. One, four or 100 genera? A new classification of the cone "
           "snails. *J Molluscan Stud*. 2015;81:1-23.",
           "Petuch EJ. New Caribbean molluscan faunas. *Coastal Education*. 1987."]


def test_cit202_the_authority_of_the_cited_paper_with_another_year_is_a_warning():
    (f,) = findings("Specimens of *Conasprella* cf. *sauros* (Garcia, 2007) [1] were examined.", ENTRIES, "CIT202")
    assert (f.line, f.severity, f.citations) == (BODY_LINE, "warning", (1,))
    assert "Garcia, 2007" in f.message and "correct the year to 2006" in f.suggestion


def test_cit202_clean_when_the_authority_has_the_cited_paper_s_year():
    assert findings("Specimens of *Conasprella* cf. *sauros* (Garcia, 2006) [1] were examined.", ENTRIES, "CIT202") == []


def test_cit202_an_authority_who_did_not_write_the_cited_entry_is_a_taxon_s_author_and_left_alone():
    # The type species is named with its authority (Petuch 1987, entry 3) but a later revision is cited.
    body = "The type species of which is *Conus lindae* Petuch, 1986 [2]. Petuch described the fauna [3]."
    assert findings(body, ENTRIES, "CIT201") == [] and findings(body, ENTRIES, "CIT202") == []
