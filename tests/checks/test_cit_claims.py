"""CIT3xx: what a sentence claims about the evidence it cites.

A count or a design tied to a marker is checked against the cited entries' kinds (from their titles and
the reviewed overrides); a count of what a cited review contains is not a claim about the cited entries.
"""
from .cit_fixtures import BODY_LINE, SACRO, findings

RCTS = ["buchbinder2009", "kallmes2009", "rousing2009", "diamond2006", "buchbinder2015"]


def test_cit301_a_count_of_rcts_that_includes_a_non_randomised_trial():
    found = findings("The recommendation was based on four RCTs<sup>[1-4]</sup>, two of them graded Level I.",
                     RCTS, "CIT301")
    assert [(f.line, f.severity, f.citations) for f in found] == [(BODY_LINE, "warning", (1, 2, 3, 4))]
    assert "'four RCTs'" in found[0].message and "reference 4 (Diamond (2006))" in found[0].message
    assert "non-randomised" in found[0].message


def test_cit301_a_count_that_differs_from_the_number_cited():
    found = findings("This was based on three RCTs<sup>[1, 2]</sup>.", RCTS, "CIT301")
    assert "cites 2 entries" in found[0].message


def test_cit301_a_count_opening_the_sentence_names_the_rct_by_the_same_author():
    found = findings("Two other RCTs by Buchbinder (2015) and Kallmes (2009) were included in the reviews "
                     "above.<sup>[5, 2]</sup>", RCTS, "CIT301")
    assert len(found) == 1 and "reference 5 (Buchbinder (2015)) is a systematic review" in found[0].message
    assert found[0].suggestion.startswith("Buchbinder's RCT is reference 1 (Buchbinder (2009))")


def test_cit301_clean_counts():
    body = ("Zhang conducted a meta-analysis of three RCTs<sup>[1, 2, 3]</sup> (N=454). "
            "Buchbinder (2015) conducted a systematic review of seven RCTs comparing vertebroplasty with sham.<sup>[5]"
            "</sup> Two trials compared it with a sham (Buchbinder [2009]<sup>[1]</sup> and Kallmes [2009]<sup>[2]"
            "</sup>). Diamond reported a non-randomised trial.<sup>[4]</sup>")
    assert findings(body, RCTS, "CIT3") == []


SERIES = SACRO[:6] + ["zhao2017", "frey2017"]


def test_cit302_a_meta_analysis_on_another_topic_among_sacroplasty_case_series():
    body = "The evidence on sacroplasty is limited to several small case reports or series.<sup>[1-7]</sup>"
    found = findings(body, SERIES, "CIT302")
    assert [(f.severity, f.citations) for f in found] == [("warning", (7,))]
    assert "a systematic review or meta-analysis, not case reports or series" in found[0].message
    assert "different topic" in found[0].message


def test_cit302_suggests_a_swap_when_a_named_source_elsewhere_wants_the_odd_member():
    body = ("The evidence on sacroplasty is limited to several small case reports or series.<sup>[1-7]</sup> "
            "In a network meta-analysis, Zhao (2017) examined three treatments.<sup>[8]</sup>")
    found = findings(body, SERIES, "CIT302")
    assert found[0].suggestion.startswith("references 7 and 8 look swapped")


def test_cit302_an_off_topic_member_of_the_right_design_is_info():
    other = "Smith A. Knee arthroscopy outcomes: a retrospective case series. *Knee*. 2010;1(1):1-5. PMID: 1"
    body = "The evidence on sacroplasty is limited to several small case series.<sup>[1-7]</sup>"
    found = findings(body, SACRO[:6] + [other], "CIT302")
    assert [(f.severity, f.citations) for f in found] == [("info", (7,))]


def test_cit302_clean_range():
    body = "The evidence on sacroplasty is limited to several small case reports or series.<sup>[1-6]</sup>"
    assert findings(body, SACRO[:6], "CIT302") == []


def test_cit301_a_run_of_single_markers_is_one_citation():
    body = "In three RCTs [1], [2], [3], pain improved. Two RCTs [1]; [2] agreed."
    assert findings(body, RCTS, "CIT301") == []
    found = findings("In four RCTs [1], [2], [3], pain improved.", RCTS, "CIT301")
    assert "3 entries (1, 2, 3)" in found[0].message  # the reader keeps a run as one marker


def test_cit301_the_count_is_the_number_next_to_the_noun():
    assert findings("Follow-up lasted 21 days in two RCTs [1], [2].", RCTS, "CIT301") == []
    found = findings("Follow-up lasted 21 days in three RCTs [1], [2].", RCTS, "CIT301")
    assert "'three RCTs'" in found[0].message


def test_cit301_a_threshold_is_no_count_of_the_cited_works():
    assert findings("Egger's test was used for analyses of at least 10 studies [1].", RCTS, "CIT301") == []
    assert findings("Funnel plots need more than five trials [1].", RCTS, "CIT301") == []
    assert findings("Some pooled several cohorts (n = 3 population-based studies [1]).", RCTS, "CIT301") == []
    (f,) = findings("Egger's test was used for analyses of 10 studies [1].", RCTS, "CIT301")
    assert "cites 1 entries" in f.message


def test_cit301_a_count_opening_the_sentence_may_count_its_first_markers():
    body = "Three papers were in English [1], [2], [3], and one in Spanish [4]."
    assert findings(body, RCTS, "CIT301") == []
    (f,) = findings("Three papers were in English [1], [2], and one in Spanish [4], [5].", RCTS, "CIT301")
    assert "cite 4 entries" in f.message  # [1], [2] is two, [4], [5] one run of two: no prefix counts three


def test_cit301_a_count_the_next_sentence_goes_on_enumerating():
    body = "Only two studies adjusted for confounders, and one adjusted for diet [1]. The other study adjusted for age [2]."
    assert findings(body, RCTS, "CIT301") == []
    (f,) = findings("Only two studies adjusted for confounders, and one adjusted for diet [1]. Age was not "
                    "considered [2].", RCTS, "CIT301")
    assert "cites 1 entries" in f.message


def test_cit301_plain_reviews_may_be_narrative_only_systematic_ones_are_checked_for_kind():
    narrative = "Roe A. Adherence to treatment: a comprehensive review. *J Affect Disord*. 2013;149:1-9."
    refs = ["buchbinder2015", narrative]
    assert findings("Studies came from the reference lists of two reviews [1, 2].", refs, "CIT301") == []
    (f,) = findings("Studies came from the reference lists of two systematic reviews [1, 2].", refs, "CIT301")
    assert "reference 2" in f.message
    (f,) = findings("Studies came from the reference lists of three reviews [1, 2].", refs, "CIT301")
    assert "cite 2 entries" in f.message or "cites 2 entries" in f.message


def test_cit301_a_number_joined_to_a_name_or_a_range_is_no_count():
    """'COVID-19 publications' names a disease, '2-3 studies' is a range: neither counts the cited works."""
    for text in ("Results of COVID-19 publications<sup>[1]</sup> were read.",
                 "Only 2-3 studies<sup>[1]</sup> were read."):
        assert findings(text, RCTS, "CIT301") == [], text
    (found,) = findings("Results of 19 publications<sup>[1]</sup> were read.", RCTS, "CIT301")
    assert "'19 publications'" in found.message


def test_cit301_a_number_joined_to_a_name_by_a_hyphen_is_no_count():
    # "COVID-19 Community Mobile Reports [2]" names a data set; the count-like "19 ... Reports" is no count.
    body = "They tie Twitter data with Google COVID-19 Community Mobile Reports.<sup>[2]</sup>"
    assert findings(body, RCTS, "CIT301") == []
    # Positive case: the same count written apart from a name is still checked.
    (found,) = findings("They compared 3 reports.<sup>[2]</sup>", RCTS, "CIT301")
    assert "cites 1 entries" in found.message


def test_cit301_a_phase_or_stage_number_is_no_count():
    # 'none have yet passed phase 2 clinical trials (33-36)': the 2 is the phase (corpus 9, a bioRxiv preprint)
    for text in ("None have passed phase 2 clinical trials<sup>[1]</sup> yet.",
                 "Patients in stage 3 studies<sup>[1]</sup> were read."):
        assert findings(text, RCTS, "CIT301") == [], text
    (found,) = findings("None have passed 2 clinical trials<sup>[1]</sup> yet.", RCTS, "CIT301")
    assert "'2 clinical trials'" in found.message
