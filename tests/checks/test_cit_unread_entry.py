"""CIT201 on an entry whose author the reader could not split: judged only by the name's absence from its text."""
from kb.read.reading import readable_author
from kb.read.parse_policy import parse_policy

from .cit_fixtures import findings

UNREAD = "WHO Normative guidelines on pain management: report of a Delphi study. Geneva: World Health Organization; 2007."
LIST = ["kallmes2009", "buchbinder2009", UNREAD,
        "Das P, Samuels S, Atul Mittal, Roshan Topno. Annual incidence of kala-azar. *Trop Med*. 2010;1:2-9."]


def test_the_fixture_entries_are_unread():
    doc = parse_policy("# T\n\nText [1].\n\n## References\n\n1. " + UNREAD + "\n", "x.md")
    assert not readable_author(doc.references[0])


def test_cit201_a_name_absent_from_an_unread_entry_that_leads_another_entry():
    (f,) = findings("Kallmes et al. [3] found no benefit.", LIST, "CIT201")
    assert f.severity == "error" and f.citations[0] == 3 and "Kallmes is reference 1" in f.suggestion


def test_cit201_silent_on_an_unread_entry_that_names_the_author_or_a_name_nobody_leads():
    assert findings("Das et al. [4] estimated the incidence.", LIST, "CIT201") == []  # the name is in its text
    assert findings("Mittal et al. [4] estimated the incidence.", LIST, "CIT201") == []
    assert findings("Osborne et al. [3] found no benefit.", LIST, "CIT201") == []  # nobody's first author
