"""The CIT findings on the bundled policy, each confirmed by reading the text against the list.

- 146 'Two other RCTs by Buchbinder (2015) and Kallmes (2009) ... [4, 6]': 4 is the 2015 Cochrane review;
  Buchbinder's RCT is 5 (2009).
- 152 'the 2009 study published by Kallmes': no marker; reference 6 is Kallmes (2009).
- 196 'Zhao (2017) ... [22]': 22 is Frey (2017), sacroplasty; Zhao (2017) is 54.
- 226 'Noriega (2019) reported the pivotal ... trial': no marker and no Noriega entry.
- 240 'One meta-analysis by Feng (2017) ... [33]': 33 is McConnell (2014), the ACR criteria; Feng is 73.
- 250 'limited to several small case reports or series [35-54]': 54 is Zhao's network meta-analysis of
  vertebral fractures (and 22, a sacroplasty series cited for Zhao at 196, looks swapped with it).
- 258 'Zhan (2016) evaluated ... Zhan conducted ... [57]': 57 is Zhan (2017).
- 276 'based on five RCTs [5, 6, 65-67]': 67 is Diamond's non-randomised trial.
- 288 'An updated 2012 joint practice guideline ... [70]': 70 is the version revised in 2017 (info).
- 309 'The American College of Radiology (ACR) ... in 2014 [73]': 73 is Feng (2017); the ACR criteria are 33.
Everything else is silent, among it 136 'Buchbinder [2009][5] and Kallmes [2009][6]' and 206 'by Boonen in
2011 and by Van Meirhaeghe in 2013 [26, 27]', and 136 'Eleven RCTs and one quasi-RCT were included', which
describes the review's contents.
"""
import pytest

from kb.checks import run_checks
from kb.outputs.report import flatten

EXPECTED = {
    (146, "CIT301", "warning"), (152, "CIT205", "warning"), (196, "CIT201", "error"), (226, "CIT205", "warning"),
    (240, "CIT201", "error"), (250, "CIT302", "warning"), (258, "CIT202", "error"), (276, "CIT301", "warning"),
    (288, "CIT204", "info"), (309, "CIT203", "error"),
}


@pytest.fixture(scope="module")
def cit(bundled_kb):
    return {f.line: f for f in flatten(run_checks(bundled_kb, select=["CIT"]))}


def test_exactly_the_confirmed_findings(bundled_kb):
    found = {(f.line, f.code, f.severity) for f in flatten(run_checks(bundled_kb, select=["CIT"]))}
    assert found == EXPECTED


def test_no_rule_crashes(bundled_kb):
    assert [r.crashed for r in run_checks(bundled_kb, select=["CIT"]) if r.crashed] == []


@pytest.mark.parametrize("line, cited, suggested", [(196, 22, "Zhao (2017) is reference 54"),
                                                    (240, 33, "Feng (2017) is reference 73")])
def test_wrong_author_names_the_entry_that_matches(cit, line, cited, suggested):
    assert cit[line].citations[0] == cited
    assert cit[line].suggestion.startswith(suggested)


def test_the_acr_criteria_are_reference_33(cit):
    assert cit[309].citations[0] == 73 and "reference 33" in cit[309].suggestion


def test_zhan_right_author_wrong_year(cit):
    assert "Zhan (2017)" in cit[258].message and cit[258].citations == (57,)


def test_claims_name_the_entry_of_another_kind(cit):
    assert "reference 4 (Buchbinder (2015)) is a systematic review" in cit[146].message
    assert "reference 5 (Buchbinder (2009))" in cit[146].suggestion
    assert "reference 67 (Diamond (2006))" in cit[276].message


def test_the_sacroplasty_range_holds_a_network_meta_analysis(cit):
    assert cit[250].citations == (54,)
    assert cit[250].suggestion.startswith("references 54 and 22 look swapped")


def test_unmarked_studies(cit):
    assert cit[226].suggestion.startswith("the list has no entry for Noriega (2019)")
    assert cit[152].suggestion.startswith("reference 6 is Kallmes (2009)")


def test_every_entry_is_cited_and_every_marker_is_well_formed(bundled_kb):
    assert flatten(run_checks(bundled_kb, select=["CIT1"])) == []
