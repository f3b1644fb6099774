"""Forms met in corpus 19 (60 reports of trials, reviews and cohort studies from journals other than PLOS, drawn from
the PMC open-access subset and read first as they came). Each form has a positive and a clean case; the texts are
made here."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from kb.checks import run_checks
from kb.estimates.trials import totals
from kb.importers.jats_inline import Context
from kb.importers.jats_refs import entry_text
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.markers import scan_line
from kb.read.parse_policy import parse_policy
from kb.sources.claims import count_claims


def _findings(text: str, *codes: str):
    return flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=list(codes)))


def _numbers(line: str) -> list[str]:
    return [m.inner for m in scan_line(line)[0]]


def _est(sentence: str, *codes: str):
    text = ("# Trial\n\n## Results\n\n" + sentence + " [1]\n\n## References\n\n"
            "1. Marsh A. A trial of dressings. *J Wound Care*. 2001;1:1-5.\n")
    return [(f.code, f.severity) for f in _findings(text, *codes)]


# ---- markers ------------------------------------------------------------------------------------------------

def test_a_range_after_a_value_and_its_spread_in_a_table_cell_is_no_citation():
    """'| 57.2 (12.6) [22-87] |': a mean (SD) [range], printed as one cell of a table of baseline data."""
    assert _numbers("| Cold time (min) | 41.5 (9.3) [20\u201377] | 38.0 (7.1) [25\u201360] | 0.02 |") == []
    # Positive: a range that does not hold the value before it cites.
    assert _numbers("| Cold time (min) | 41.5 (9.3) [2\u20135] | 38.0 | 0.02 |") == ["2\u20135"]


def test_a_range_after_a_bound_cites():
    """'for at least 14 days [13-16]': a threshold has no spread, so the bracket after it is a citation."""
    assert _numbers("Current advice is to give antibiotics for at least 10 days [9\u201312].") == ["9\u201312"]
    # Clean case: a median and its interquartile range stay a spread.
    assert _numbers("Patients stayed 10 days [9\u201312] in hospital.") == []


def test_a_spaced_run_of_raised_markers_after_a_stop_closes_that_sentence():
    """'... a day.<sup>4</sup> <sup>5</sup> Compliance with these guidelines ...': 5 is no count of guidelines."""
    text = ("# Screens\n\n## Introduction\n\nAdvice limits screen time to 2 h a day.<sup>1</sup> <sup>2</sup> "
            "Compliance with these guidelines has been poor,<sup>3</sup> <sup>4</sup> as parents report.\n\n"
            "## References\n\n" + "\n".join(f"{n}. Reed{n} A. Screen time study {n}. *J Child*. 2010;{n}:1-5."
                                             for n in range(1, 5)) + "\n")
    assert _findings(text, "CIT301") == []
    kb = build_knowledge_base(parse_policy(text, "fixture.md"))
    assert [(n, m.sentence_index) for m in kb.doc.markers for n in m.numbers] == [(1, 0), (2, 0), (3, 1), (4, 1)]
    # Positive: a real count opening the next sentence is still read.
    assert count_claims("Two trials found no effect [3, 4, 5].", [(27, 36)])[0].count == 2


def test_a_raised_number_after_an_instruments_versions_in_brackets_cites():
    """'Anxiety Scale, child and parent versions (RCAS-c/p)<sup>17</sup>': a name, not a ratio raised to a power."""
    assert _numbers("rated with the Rapid Child Anxiety Scale, child and parent versions (RCAS-c/p)<sup>17</sup> "
                    "and more.") == ["17"]
    # Clean case: a bracketed ratio of symbols is a base.
    assert _numbers("the squared ratio (a/b)<sup>2</sup> was used.") == []


# ---- claims -------------------------------------------------------------------------------------------------

def test_a_count_in_a_review_of_the_literature_counts_its_contents():
    """'A review of the literature including 28 randomised clinical trials [2]' cites one review."""
    text = "A recent review of the literature including 31 randomized clinical trials [2] stresses the doses."
    at = text.index("[2]")
    (claim,) = count_claims(text, [(at, at + 3)])
    assert claim.of_review
    # Positive: a count after 'literature and' is the cited works' count.
    text = "Both the literature and 31 randomized clinical trials [2] stress the doses."
    at = text.index("[2]")
    (claim,) = count_claims(text, [(at, at + 3)])
    assert not claim.of_review


# ---- estimates ----------------------------------------------------------------------------------------------

def test_non_inferior_wording_and_a_p_for_non_inferiority_are_not_significance_claims():
    """'X was non-inferior to Y (HR 1.02; 95% CI 0.91 to 1.15; p=0.004 for non-inferiority)'."""
    assert _est("Drug A was non-inferior to drug B (hazard ratio: 1.02; 95% CI: 0.91\u20131.15; "
                "p=0.004 for non-inferiority).", "EST201", "EST202", "EST203") == []
    # Positive: 'inferior' and a plain p-value are held to the interval.
    found = _est("Drug A was inferior to drug B (hazard ratio: 1.02; 95% CI: 0.91\u20131.15; p=0.004).",
                 "EST201", "EST202", "EST203")
    assert ("EST201", "error") in found and ("EST202", "error") in found


def test_an_estimate_inside_its_interval_after_rounding_is_not_outside():
    """'34.46 (34.5 to 34.5)': bounds printed with one decimal may hold an estimate printed with two."""
    assert _est("The social score was 34.46 (95% CI 34.5 to 34.5).", "EST102") == []
    # Positive: beyond the rounding the estimate is outside.
    assert _est("The social score was 34.21 (95% CI 34.5 to 34.9).", "EST102") == [("EST102", "error")]


def test_a_rate_per_thousand_is_not_read_as_the_number_after_the_slash():
    """'4.2/1,000 (95% CI: 3.1-5.3)': the rate is 4.2, 1,000 its denominator."""
    assert _est("The rates were 4.2/1,000 (95% CI: 3.1\u20135.3) and 2.2/1,000 (95% CI: 1.1\u20133.0).",
                "EST102") == []
    # Positive: a number standing alone before the interval is still the estimate.
    assert _est("The rate was 1,000 (95% CI: 3.1\u20135.3).", "EST102") == [("EST102", "error")]


def test_a_size_with_its_direction_in_words_and_a_signed_interval_is_info():
    """'body fat rose ..., a change of 1.4% (95% CI -2.0 to -0.8)': the words say the direction; the interval keeps
    the sign of the difference as computed."""
    assert _est("After the study, body fat increased from 30.1% to 31.5%, a change of 1.4% "
                "(95% CI \u22122.0 to \u22120.8, p<0.001).", "EST102") == [("EST102", "info")]
    # Positive: without words of direction the sign is a plain error.
    assert _est("The mean difference in body fat was 1.4% (95% CI \u22122.0 to \u22120.8, p<0.001).",
                "EST102") == [("EST102", "error")]


def test_people_from_one_arm_are_not_the_trials_size():
    """'and 31 women from the control arm declined the blood tests': part of one arm."""
    assert totals("One woman left the exercise arm, and 31 women from the control arm declined the blood tests "
                  "in the trial.") == []
    # Positive: a trial of 31 women is a size.
    assert [v for _, _, v in totals("The trial enrolled 31 women from two clinics.")] == [31]


# ---- acronyms -----------------------------------------------------------------------------------------------

def _acronym(sentence: str):
    text = ("# Mood\n\n## Methods\n\n" + sentence + " [1]\n\n## References\n\n"
            "1. Ode A. Mood scales. *J Psy*. 2001;1:1-5.\n")
    return [(f.code, f.severity) for f in _findings(text, "DOC111")]


def test_an_accented_letter_spells_its_plain_letter_in_an_acronym():
    """'Montgomery-\u00c5sberg's Depression Rating Scale (MADRS)': \u00c5 gives the A."""
    assert _acronym("Mood was rated with the \u00c9tienne-\u00c5lund Depression Rating Scale (EADRS).") == []
    # Positive: a letter the name does not give is still a mismatch.
    assert _acronym("Mood was rated with the \u00c9tienne-\u00c5lund Depression Rating Scale (EBDRS).") != []


def test_a_studys_coined_acronym_is_only_info():
    """'Australian Carbohydrate Intolerance Study in Pregnant Women (ACHOIS)': coined, not initials."""
    assert _acronym("The Northern Carbohydrate Intolerance Study in Older Women (NCHOIS) reported it.") == [
        ("DOC111", "info")]
    # Positive: a society's name with a slipped acronym stays a warning.
    assert _acronym("The Northern Carbohydrate Intolerance Society of Older Women (NCWOIS) reported it.") == [
        ("DOC111", "warning")]


# ---- organisations ------------------------------------------------------------------------------------------

def _org(sentence: str):
    text = ("# Diabetes in pregnancy\n\n## Discussion\n\nThe criteria of the International Association of Obstetric "
            "Study Groups (IAOSG) changed practice [2]. " + sentence + "\n\n## References\n\n"
            "1. Holm B, Weir C. Diagnosis of diabetes in pregnancy: new paradigms or old habits? *J Obstet*. "
            "2012;5:1-5.\n2. Tam C, Roe D. The new International Association of Obstetric Study Groups (IAOSG) "
            "criteria. *Diabet Med*. 2011;28:1-5.\n")
    return [(f.code, f.severity) for f in _findings(text, "CIT203")]


def test_a_debate_about_a_bodys_criteria_may_cite_a_paper_in_the_debate():
    """'ongoing debates on use of the new IADPSG's criteria [29]': the cited paper may take part in it."""
    assert _org("There are still ongoing debates on use of the new IAOSG\u2019s criteria [1].") == [("CIT203", "info")]
    # Positive: the body's criteria cited to someone else's paper stay an error.
    assert _org("Women were diagnosed by the IAOSG\u2019s criteria [1].") == [("CIT203", "error")]


# ---- reference entries --------------------------------------------------------------------------------------

def _entry(citation: str) -> str:
    ref = ET.fromstring(f'<ref id="B1"><label>1</label>{citation}</ref>')
    return entry_text(ref, Context(), False, 1)


def test_words_left_bare_after_a_mixed_citations_parts_are_printed():
    """'<collab>Department of Health</collab><year>2006</year>Best Research for Best Health ...': an untagged title."""
    text = _entry('<mixed-citation publication-type="other"><person-group person-group-type="author"><collab>Ministry '
                  'of Care</collab></person-group><year>2009</year>Better Care for All: A National Strategy. Ministry '
                  'of Care.</mixed-citation>')
    assert text == "Ministry of Care. 2009 Better Care for All: A National Strategy. Ministry of Care."
    # Clean case: a lone issue number left between bare parts (Thieme) is no printed text; the parts are styled.
    text = _entry('<mixed-citation publication-type="journal"><person-group person-group-type="author"><name>'
                  '<surname>Vogt</surname><given-names>K</given-names></name></person-group><article-title>Stents'
                  '</article-title><source>Endoscopy</source><year>2011</year>(10294):<volume>43</volume>'
                  '</mixed-citation>')
    assert text.startswith("Vogt K. Stents. Endoscopy. 2011;43")
