"""CIT206: an uncited entry's author named beside a marker citing a neighbouring number.

A policy that has the problem, and ones that do not.
"""
from .cit_fixtures import BODY_LINE, findings

THREE = ["zhao2017", "frey2017", "kallmes2009"]


def test_cit206_a_name_whose_entry_is_uncited_beside_the_next_number_is_a_warning():
    body = ("Zhao compared three treatments in a network meta-analysis [2]. Sacroplasty series were reported [2]. "
            "A sham trial followed [3].")
    found = findings(body, THREE, "CIT206")
    assert [(f.line, f.severity, f.citations) for f in found] == [(BODY_LINE, "warning", (1, 2))]
    assert "reference 1 (Zhao (2017))" in found[0].message and "was [1] meant?" in found[0].message


def test_cit206_clean_when_the_named_entry_is_cited():
    body = "Zhao compared three treatments [1]. Sacroplasty series were reported [2]. A sham trial followed [3]."
    assert findings(body, THREE, "CIT206") == []


def test_cit206_clean_when_the_marker_cites_an_entry_by_that_author():
    # Van Meirhaeghe's own paper (1) is uncited, but the entry cited beside the name (2) lists them as co-author.
    body = "Van Meirhaeghe reported two-year results [2]. A sham trial followed [3]."
    assert findings(body, ["vanmeirhaeghe2013", "boonen2011", "kallmes2009"], "CIT206") == []


def test_cit206_clean_when_the_name_belongs_to_two_entries():
    body = "Buchbinder pooled the trials [3]. A sham trial followed [3]. Others agreed [1]."
    assert findings(body, ["buchbinder2015", "buchbinder2009", "kallmes2009"], "CIT206") == []


def test_cit206_clean_when_the_marker_cites_a_distant_number():
    body = ("Sacroplasty series were reported [2]. A sham trial followed [3]. Zhao pooled the trials [5]. "
            "Others agreed [4].")
    assert findings(body, ["zhao2017", "frey2017", "kallmes2009", "buchbinder2009", "clark2016"], "CIT206") == []


def test_cit206_silent_when_the_marker_holds_a_number_the_list_lacks():
    # CIT101 reports [9]; which entry the name stands for is then unclear.
    body = "Zhao compared three treatments in a network meta-analysis [2, 9]. A sham trial followed [3]."
    assert findings(body, THREE, "CIT206") == []
