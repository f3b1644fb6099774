"""CIT207: two authors named beside a marker whose entry is the first one's without the second."""
from .cit_fixtures import BODY_LINE, findings

# Two papers led by Kallmes: with Comstock (2009) and with Jensen (2010).
LIST = ["kallmes2009", "Kallmes DF, Jensen ME. Percutaneous vertebroplasty: a long-term follow-up. *Radiology*. "
                       "2010;226(2):366-72. PMID: 20000002", "buchbinder2009"]


def test_cit207_a_second_name_that_fits_another_entry_of_the_first_author():
    (f,) = findings("Kallmes and Jensen [1] followed patients for ten years.", LIST, "CIT207")
    assert (f.line, f.severity, f.citations) == (BODY_LINE, "error", (1, 2))
    assert "Jensen did not write" in f.message and f.suggestion.startswith("Kallmes and Jensen is reference 2")
    assert findings("Kallmes and Jensen [1] followed patients for ten years.", LIST, "CIT201") == []


def test_cit207_silent_when_the_second_name_fits_or_points_nowhere():
    assert findings("Kallmes and Jensen [2] followed patients for ten years.", LIST, "CIT2") == []
    assert findings("Kallmes and Comstock [1] found no benefit.", LIST, "CIT2") == []
    # No other entry by Kallmes and Osborne: a typo or a lab, not a slipped number.
    assert findings("Kallmes and Osborne [1] found no benefit.", LIST, "CIT207") == []
    # Both papers cited: the second name fits one of them.
    assert findings("Kallmes and Jensen [1, 2] followed patients.", LIST, "CIT207") == []


def test_cit207_the_first_name_a_co_author_of_the_cited_entry():
    """'Comstock and Jensen [1]': Comstock co-wrote 1 (Kallmes), and leads 3, with Jensen."""
    refs = ["kallmes2009", "buchbinder2009",
            "Comstock BA, Jensen ME. Vertebroplasty costs. *Radiology*. 2011;2:1-9. PMID: 20000003"]
    (f,) = findings("Comstock and Jensen [1] counted the costs.", refs, "CIT207")
    assert f.citations == (1, 3) and "Jensen did not write" in f.message
    assert findings("Comstock and Jensen [3] counted the costs.", refs, "CIT2") == []
