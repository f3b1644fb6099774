"""CIT201: a co-author named with a year their cited paper does not have, who leads a paper of that year."""
from .cit_fixtures import BODY_LINE, findings

LIST = ["boonen2011", "vanmeirhaeghe2013", "kallmes2009"]


def test_cit201_a_coauthor_dated_as_their_own_paper_elsewhere_in_the_list_is_an_error():
    body = "Van Meirhaeghe et al. (2013) reported a randomized trial of kyphoplasty.<sup>[1]</sup> Others [2, 3]."
    found = findings(body, LIST, "CIT201")
    assert [(f.line, f.severity) for f in found] == [(BODY_LINE, "error")]
    assert "reference 1, which is Boonen (2011)" in found[0].message
    assert "is reference 2" in found[0].suggestion


def test_cit201_clean_when_the_coauthor_is_named_with_the_cited_paper_s_year():
    body = "Van Meirhaeghe et al. (2011) reported a randomized trial of kyphoplasty.<sup>[1]</sup> Others [2, 3]."
    assert [f for f in findings(body, LIST, "CIT201") if f.severity != "info"] == []


def test_cit201_clean_when_the_coauthor_leads_no_paper_of_that_year():
    # Dated otherwise, but the list has no paper of theirs from that year to point to: left alone, as before.
    body = "Van Meirhaeghe et al. (2016) reported a randomized trial of kyphoplasty.<sup>[1]</sup> Others [2, 3]."
    assert findings(body, LIST, "CIT201") == []
