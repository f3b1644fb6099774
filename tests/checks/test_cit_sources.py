"""CIT2xx: the source a sentence names against the entry its marker cites.

Reference 1 is Zhao (2017), a network meta-analysis; reference 2 is Frey (2017), a sacroplasty series.
A sentence that names Zhao and cites [2] is wrong; naming Zhao and citing [1] is right.
"""
import pytest
from .cit_fixtures import BODY_LINE, findings

PAIR = ["zhao2017", "frey2017"]

# How evidence summaries name a study, each followed by the marker.
FORMS = [
    "Zhao (2017) examined three treatments.{m}",
    "Zhao et al. (2017) examined three treatments.{m}",
    "Zhao and Xu (2017) examined three treatments.{m}",
    "Zhao [2017]{m} examined three treatments.",
    "In 2017, Zhao reported a network meta-analysis.{m}",
    "A 2017 network meta-analysis by Zhao compared three treatments.{m}",
    "Three treatments were compared in a network meta-analysis reported by Zhao in 2017.{m}",
    "Zhao's 2017 meta-analysis compared three treatments.{m}",
    "Three treatments were compared (Zhao 2017{m}).",
    "In a Bayesian network meta-analysis, Zhao (2017) examined three treatments.{m}",
    "Zhao et al. compared three treatments.{m}",
    "Zhao conducted a network meta-analysis.{m}",
]


@pytest.mark.parametrize("form", FORMS)
def test_cit201_each_way_of_naming_an_author_is_checked(form):
    wrong = findings(form.format(m="<sup>[2]</sup>") + " Frey reported sacroplasty.<sup>[2]</sup> Others.<sup>[1]</sup>",
                     PAIR, "CIT201")
    assert [(f.line, f.severity, f.citations[0]) for f in wrong] == [(BODY_LINE, "error", 2)]
    assert "Frey (2017)" in wrong[0].message
    assert "is reference 1" in wrong[0].suggestion


@pytest.mark.parametrize("form", FORMS)
def test_cit201_clean_when_the_named_author_is_cited(form):
    assert findings(form.format(m="<sup>[1]</sup>") + " Frey reported.<sup>[2]</sup>", PAIR, "CIT2") == []


@pytest.mark.parametrize("name, key", [
    ("de Vries (2015)", "devries2015"), ("Van Meirhaeghe (2013)", "vanmeirhaeghe2013"),
    ("Blasco Andaluz (2012)", "blasco2012"), ("Martin-Lopez (2015)", "martinlopez2015"),
    ("O'Brien (2010)", "obrien2010"), ("In 2015, de Vries", "devries2015"), ("McConnell (2014)", "mcconnell2014"),
])
def test_cit201_particle_hyphenated_and_multi_word_surnames(name, key):
    refs = [key, "frey2017"]
    assert findings(f"{name} reported results.<sup>[1]</sup> Frey too.<sup>[2]</sup>", refs, "CIT2") == []
    wrong = findings(f"{name} reported results.<sup>[2]</sup> Frey too.<sup>[1]</sup>", refs, "CIT201")
    assert [f.citations[0] for f in wrong] == [2]
    assert wrong[0].suggestion.startswith(f"{name.split(', ')[-1].split(' (')[0]}")


def test_cit201_several_names_pair_with_their_own_markers():
    refs = ["buchbinder2009", "kallmes2009"]
    ok = "Two trials (Buchbinder [2009]<sup>[1]</sup> and Kallmes [2009]<sup>[2]</sup>) compared a sham."
    assert findings(ok, refs, "CIT2") == []
    swapped = findings(ok.replace("[1]</sup> and", "[9]</sup> and").replace("[2]</sup>)", "[1]</sup>)")
                       .replace("[9]", "[2]"), refs, "CIT201")
    assert sorted(f.message.split(" is ")[0] for f in swapped) == ["Buchbinder (2009)", "Kallmes (2009)"]


def test_cit201_names_sharing_one_marker_match_any_of_its_numbers():
    refs = ["boonen2011", "vanmeirhaeghe2013"]
    text = "Results were reported by Boonen in 2011 and by Van Meirhaeghe in 2013.<sup>[{}]</sup>"
    assert findings(text.format("1, 2"), refs, "CIT2") == []
    assert findings(text.format("2, 1"), refs, "CIT2") == []  # order inside one marker is not evidence


def test_cit201_a_name_and_the_marker_of_the_next_sentence_are_no_pair():
    body = "Zhao (2017) examined three treatments. Sacroplasty was then studied.<sup>[2]</sup> More.<sup>[1]</sup>"
    assert findings(body, PAIR, "CIT201") == []


def test_cit201_a_co_author_of_the_same_year_is_not_flagged():
    assert findings("Xu (2017) examined three treatments.<sup>[1]</sup> Frey.<sup>[2]</sup>", PAIR, "CIT2") == []


def test_cit201_no_matching_entry_says_so():
    found = findings("Noriega (2019) reported a trial.<sup>[2]</sup> Zhao.<sup>[1]</sup>", PAIR, "CIT201")
    assert "no entry in the list is by Noriega (2019)" in found[0].suggestion


def test_cit202_right_author_wrong_year_is_an_error():
    found = findings("Zhan (2016) reviewed cement leakage.<sup>[1]</sup>", ["zhan2017"], "CIT2")
    assert [(f.code, f.severity) for f in found] == [("CIT202", "error")]
    assert "Zhan (2017)" in found[0].message and "2017" in found[0].suggestion


def test_cit202_the_year_of_the_sentence_before_carries_to_the_same_name():
    body = ("Zhan (2016) evaluated risk factors for cement leakage. Zhan conducted a systematic review with "
            "meta-analysis.<sup>[1]</sup>")
    found = findings(body, ["zhan2017"], "CIT2")
    assert [(f.code, f.line) for f in found] == [("CIT202", BODY_LINE)]
    assert "as dated in the sentence before" in found[0].message


def test_cit202_clean_with_the_right_year():
    body = "Zhan (2017) evaluated cement leakage. Zhan conducted a meta-analysis.<sup>[1]</sup>"
    assert findings(body, ["zhan2017"], "CIT2") == []


def test_cit202_an_organisation_with_the_wrong_year():
    body = ("In 2012, the American Academy of Orthopaedic Surgeons (AAOS) approved a guideline.<sup>[1]</sup>")
    found = findings(body, ["aaos2010"], "CIT2")
    assert [f.code for f in found] == ["CIT202"]
    assert findings(body.replace("2012", "2010"), ["aaos2010"], "CIT2") == []


ACR = ["mcconnell2014", "feng2017", "baerlocher2014", "asa2010"]


def test_cit203_an_organisation_cited_to_someone_elses_study():
    body = ("The American College of Radiology (ACR) published updated appropriateness criteria on vertebral "
            "compression fractures in 2014.<sup>[2]</sup> Feng compared kyphoplasty.<sup>[1, 3, 4]</sup>")
    found = findings(body, ACR, "CIT203")
    assert [(f.severity, f.citations[0]) for f in found] == [("error", 2)]
    assert found[0].suggestion.startswith("American College of Radiology (2014) is reference 1")


def test_cit203_organisations_written_out_or_abbreviated_match_their_entries():
    body = ("The American College of Radiology (ACR) published appropriateness criteria.<sup>[1]</sup> The ACR "
            "updated them.<sup>[1]</sup> Guidelines from the American Society of Anesthesiologist (ASA) support "
            "it.<sup>[4]</sup> In a 2014 quality improvement guideline from SIR, it was recommended.<sup>[3]</sup> "
            "Feng compared kyphoplasty.<sup>[2]</sup>")
    assert findings(body, ACR, "CIT2") == []


def test_cit203_a_trial_another_entry_names():
    refs = ["wardlaw2009", "clark2016"]
    found = findings("In 2009, Wardlaw reported the FREE trial.<sup>[1]</sup> The FREE trial ran in Europe.<sup>[2]"
                     "</sup>", refs, "CIT203")
    assert [(f.line, f.citations) for f in found] == [(BODY_LINE, (2, 1))]
    assert "the FREE trial is reference 1" in found[0].suggestion


def test_cit203_clean_trials():
    refs = ["wardlaw2009", "clark2016"]
    body = "In 2016, Clark reported results from the VAPOUR trial.<sup>[2]</sup> The ZETA trial was small.<sup>[1]</sup>"
    assert findings(body, refs, "CIT203") == []  # ZETA: no entry names it, so the evidence is not clear


def test_cit204_a_dated_unnamed_source_with_another_year_is_info():
    body = "An updated 2012 joint practice guideline addresses vertebral augmentation.<sup>[1]</sup>"
    found = findings(body, ["acr2017"], "CIT204")
    assert [(f.severity, f.citations) for f in found] == [("info", (1,))]
    assert findings(body.replace("2012", "2017"), ["acr2017"], "CIT204") == []


def test_cit205_a_named_study_without_a_marker():
    body = ("Noriega (2019) reported the pivotal trial of the system. Two authors had participated in the 2009 "
            "study published by Kallmes.\n\nSacroplasty was studied later.<sup>[2]</sup>")
    found = findings(body, ["kallmes2009", "frey2017"], "CIT205")
    assert [(f.line, f.severity) for f in found] == [(BODY_LINE, "warning"), (BODY_LINE, "warning")]
    assert "no entry for Noriega (2019)" in found[0].suggestion
    assert found[1].suggestion.startswith("reference 1 is Kallmes (2009)")
    assert found[0].column == 1


def test_cit205_clean_when_the_marker_is_in_the_sentence_or_the_study_cited_nearby():
    body = ("Kallmes (2009) reported a sham-controlled trial.<sup>[1]</sup> In Kallmes (2009), patients were "
            "masked. In 2008, NICE issued guidance.")
    assert findings(body, ["kallmes2009"], "CIT205") == []


def test_cit201_silent_when_a_shared_marker_holds_a_number_the_list_lacks():
    # CIT101 reports [9]; which entry Frey stands for is then unclear.
    assert findings("Results were reported by Zhao in 2017 and by Frey in 2017.<sup>[1, 9]</sup>", PAIR,
                    "CIT2") == []


def test_cit203_an_organisation_named_in_passing_is_not_the_cited_source():
    """A funder, a supplier or a database beside a marker: the sentence does not say the body is the source."""
    body = ("The trial was funded by the American College of Radiology (ACR) and ran in 2014.<sup>[2]</sup> "
            "Feng analysed ACR data from 40 centres.<sup>[2]</sup>")
    assert findings(body, ACR, "CIT203") == []
    spoke = "According to the American College of Radiology (ACR), kyphoplasty is appropriate.<sup>[2]</sup>"
    assert [f.citations[0] for f in findings(spoke, ACR, "CIT203")] == [2]
    guideline = "The American College of Radiology (ACR) guidelines favour kyphoplasty.<sup>[2]</sup>"
    assert [f.citations[0] for f in findings(guideline, ACR, "CIT203")] == [2]


def test_cit203_a_trial_name_must_be_called_a_trial_or_cited_at_once():
    refs = ["wardlaw2009", "clark2016"]
    # FREE printed as a word in capitals, not called a trial: a gene, a cohort, an acronym of something else.
    assert findings("Bone density was FREE of artefacts in most patients.<sup>[2]</sup>", refs, "CIT203") == []
    found = findings("The randomised trials FREE and VERTOS reported first.<sup>[2]</sup>", refs, "CIT203")
    assert [f.citations for f in found] == [(2, 1)]


def test_cit203_a_phase_number_is_no_trial_name():
    refs = ["wardlaw2009", "clark2016"]
    assert findings("A phase III trial compared kyphoplasty with care.<sup>[2]</sup>", refs, "CIT203") == []


def test_cit203_a_name_pairs_with_the_run_of_markers_after_it():
    """'trials FREE and VERTOS ... [2], [1]': FREE stands for the run [2], [1], which holds its entry."""
    refs = ["wardlaw2009", "clark2016"]
    assert findings("The trials FREE and VAPOUR both reported pain [2], [1].", refs, "CIT203") == []


def test_cit202_a_year_that_dates_a_figure_the_organisation_reports_is_not_its_year():
    # "according to the AAOS, with 1.5 million fractures treated in 2012 [1]": the year dates the figure.
    body = ("According to the American Academy of Orthopaedic Surgeons (AAOS), about 1.5 million fractures were "
            "treated in 2012.<sup>[1]</sup>")
    assert findings(body, ["aaos2010"], "CIT2") == []
    # Positive case: with no figure between them, the organisation and the year are one source, as before.
    body = "The guideline of the American Academy of Orthopaedic Surgeons (AAOS) was revised in 2012.<sup>[1]</sup>"
    assert [f.code for f in findings(body, ["aaos2010"], "CIT2")] == ["CIT202"]
