"""Forms met in corpus 39 (60 Europe PMC full texts of 2019-2021 kept by two text-mining projects: cancer trial
reports, protocols and cohort studies, and COVID-19 and viral-epidemic papers from clinical and public-health
journals, read first as they came). Each form has a case the reader or check now gets right and a case it must
still refuse or report; the texts are made here."""
from __future__ import annotations

import math

from kb.estimates.find import find_estimates
from kb.estimates.model import EffectEstimate
from kb.estimates.pvalues import recomputed_range
from kb.importers.jats import convert, ground_truth
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, in_results, markers_in

# ---- estimates ----------------------------------------------------------------------------------------------------


def test_a_ratio_printed_as_its_logarithm_is_a_difference_from_zero():
    """'log OR, 2.94; 95% CI, \u22122.19 to 8.07': a log odds ratio may be negative; read as an odds ratio its
    bounds gave false 'a ratio cannot be negative' errors."""
    found = find_estimates("for triple-negative cancer: log OR, 0.77; 95% CI, \u22122.42 to 3.95; P = .64). Mortality "
                           "(log hazard ratio 0.30, 95% CI 0.10 to 0.50) and the log odds ratio was 0.5 (95% CI 0.1 to "
                           "0.9).")
    assert [(f.measure, f.measure_printed) for f in found] == [
        ("difference", "log OR"), ("difference", "log hazard ratio"), ("difference", "log odds ratio")]
    assert in_results("Subtype was not associated with the outcome (log OR, 2.94; 95% CI, \u22122.19 to 8.07; "
                      "P = .26) [1].", "EST103") == []
    # Still a ratio, and still reported: an odds ratio printed with a negative bound, and a 'catalog' before it.
    assert in_results("Subtype was not associated with the outcome (OR, 2.94; 95% CI, \u22122.19 to 8.07; "
                      "P = .26) [1].", "EST103") == [("EST103", "error")]
    assert [f.measure for f in find_estimates("The catalog OR 1.5 (95% CI 1.1-2.0).")] == ["OR"]


def test_an_interval_with_no_estimate_read_gives_no_p_value_and_no_crash():
    """An interval whose estimate was not read (NaN) on a ratio's log scale crashed seven checks of one article
    ('math domain error'): NaN passed the test for non-positive bounds."""
    e = EffectEstimate(id="L1.1", line=1, column=None, measure="OR", measure_printed="OR", estimate_text="",
                       estimate=math.nan, ci_low_text="-2.19", ci_low=-2.19, ci_high_text="8.07", ci_high=8.07,
                       ci_level="95%", p_value=".26")
    assert recomputed_range(e) is None
    # Still recomputed: an estimate with its interval.
    full = EffectEstimate(id="L1.2", line=1, column=None, measure="OR", measure_printed="OR", estimate_text="2.0",
                          estimate=2.0, ci_low_text="1.0", ci_low=1.0, ci_high_text="4.0", ci_high=4.0,
                          ci_level="95%", p_value=".05")
    low, high = recomputed_range(full)
    assert low < 0.05 < high  # the interval 1.0 to 4.0 around 2.0 sits at p = 0.05


def test_an_abbreviation_joined_to_another_word_names_no_measure():
    """'vaccine efficacy against 14 HR-HPV infection ... 41.2% (95% CI \u2212162.7, 86.8%)': high-risk HPV is no
    hazard ratio; the efficacy was read as an HR and its negative bound called impossible."""
    efficacy = ("The vaccine efficacy against new infections after treatment for 14 HR-HPV infection was estimated "
                "as 32.0% (95% CI 1.8, 52.8%), and was 41.2% (95% CI -162.7, 86.8%) for HPV16/18 infection [1].")
    assert in_results(efficacy, "EST103") == []
    assert all(f.measure != "HR" for f in find_estimates(efficacy))
    assert in_results("Survival was longer in HR-positive disease (HR 0.5, 95% CI -0.2 to 0.9) [1].", "EST103") == [
        ("EST103", "error")]
    assert [f.measure for f in find_estimates("HR+ tumours (OR 1.2, 95% CI 0.9 to 1.6).")] == ["OR"]


# ---- markers in the XML -------------------------------------------------------------------------------------------

_PAPER = ('<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front><article-meta>'
          '<title-group><article-title>Virus</article-title></title-group></article-meta></front><body><sec><title>'
          'Introduction</title><p>{p}</p></sec></body><back><ref-list>{refs}</ref-list></back></article>')
_REFS = "".join(f'<ref id="b{n}"><label>{n}.</label><mixed-citation>Smith A. Study {n}. J Med. 2001;{n}:1-5.'
                f'</mixed-citation></ref>' for n in range(1, 31))


def _x(n: int, text: str | None = None) -> str:
    return f'<xref rid="b{n}" ref-type="bibr">{text if text is not None else n}</xref>'


def _read(p: str):
    data = _PAPER.format(p=p, refs=_REFS).encode()
    doc = parse_policy(convert(data, "x.xml").markdown, "x.md")
    return [n for m in doc.markers for n in m.numbers], [n for m in ground_truth(data).markers for n in m.numbers]


def test_a_citation_glued_to_a_name_ending_in_digits_is_raised():
    """'in nerve cells that express ACE2<xref>26</xref>, <xref>27</xref> so': printed 'ACE226, 27', and 26 and 27
    were reported as never cited. A gene or virus name ending in digits ('ACE2', 'COVID-19', 'IL-6') is a word."""
    got, truth = _read(f"Cells express ACE2{_x(26)}, {_x(27)} so the brain may suffer. The virus COVID-19{_x(5)} "
                       f"spread, and IL-6{_x(12)} rose. Others differ {_x(1)}{_x(2)}.")
    assert got == truth == [26, 27, 5, 12, 1, 2]
    # Still left as printed: a bare number glued to a citation ('in 2019' is no name).
    got, truth = _read(f"It began in 2019{_x(7)}. Smoking harms {_x(1)}.")
    assert 7 not in got and truth == [7, 1]


def test_a_citation_printed_with_its_label_s_stop_is_read():
    """Elsevier's copies print an entry's label with its stop: 'poor prognosis.<xref>4.</xref>, <xref>5.</xref>,
    <xref>6.</xref> The incidence'. 18 entries of one article were reported as never cited."""
    got, truth = _read(f"Thrombosis has a poor prognosis.{_x(4, '4.')}, {_x(5, '5.')}, {_x(6, '6.')} The incidence "
                       f"is high{_x(7, '7.')} Thrombi form.")
    assert got == truth == [4, 5, 6, 7]
    markdown = convert(_PAPER.format(p=f"The incidence is high{_x(7, '7.')} Thrombi form.", refs=_REFS).encode(),
                       "x.xml").markdown
    assert "high<sup>7</sup>. Thrombi form." in markdown  # the stop that ends the sentence stays, after the marker
    # Still as before: a citation without a stop.
    assert _read(f"It is high.{_x(4)} Thrombi form.")[0] == [4]


# ---- markers in the text ------------------------------------------------------------------------------------------

_MMWR = ("# HIV care\n\nEstimated incidence was four times higher (1). Adherence is crucial (2). Barriers were "
         "explored (3). Data from 2015\u20132019 were used for Hispanic/Latino MSM {n}. Earlier cycles differ (4). "
         "Analyses were weighted (5). Methods are described (6).\n\n## References\n\n"
         + "".join(f"{k}. Smith A. Study {k}. *J Med*. 2001;{k}:1-5.\n" for k in range(1, 7)))


def test_a_count_grouped_by_thousands_in_parentheses_is_no_citation():
    """MMWR: '... among HIV-positive Hispanic/Latino MSM (1,673).', the sample size, in a report citing '(1)': it
    was read as entries 1 and 673 of a list of 10."""
    doc = parse_policy(_MMWR.format(n="(1,673)"), "x.md")
    assert [n for m in doc.markers for n in m.numbers] == [1, 2, 3, 4, 5, 6]
    assert codes_of(_MMWR.format(n="(1,673)"), "CIT101") == []
    # Still citations: two entries printed without a space, and a grouped number reaching no further than the list.
    doc = parse_policy(_MMWR.format(n="(1,6)"), "x.md")
    assert [n for m in doc.markers for n in m.numbers] == [1, 2, 3, 1, 6, 4, 5, 6]


def test_a_bracket_may_say_the_cited_work_is_unpublished():
    """'iterative methodology [38 in manuscript]': entry 38, a manuscript, was reported as never cited."""
    assert markers_in("iterative methodology [38 in manuscript], changes were made") == ["38"]
    assert markers_in("as shown before [12, in press].") == ["12"]
    assert markers_in("as shown before [7; submitted].") == ["7"]
    # Still no citation: a bracket of words after a number.
    assert markers_in("of the group [5 patients] and [3 to 5] visits") == []


# ---- reference entries --------------------------------------------------------------------------------------------

_REGISTERED = ("# Trial\n\nOther trials run [1]. CORE tests the same [2].\n\n## References\n\n"
               "1. Smith A. A trial. *J Med*. 2001;1:1-5.\n2. Khoo V. Conventional care versus radioablation for "
               "extracranial oligometastases (CORE) {tail}, 2019.\n")


def test_a_trial_registration_number_names_its_registry():
    """'Khoo V. Conventional care versus radioablation ... (CORE) NCT02759783, 2019.': the number finds the record
    as a DOI finds a paper (ClinicalTrials.gov, ISRCTN, ChiCTR, EudraCT ...)."""
    for number in ("NCT02759783", "ISRCTN12345678", "ChiCTR2000029308", "EudraCT 2015-001234-56"):
        assert codes_of(_REGISTERED.format(tail=number), "REF113") == [], number
    # Still said: no number, and a word that only starts like one.
    assert codes_of(_REGISTERED.format(tail="trial"), "REF113") == [("REF113", "warning")]
    assert codes_of(_REGISTERED.format(tail="NCT program"), "REF113") == [("REF113", "warning")]


def test_the_year_after_the_journal_beats_one_in_the_title():
    """'Assessing ... in coronavirus disease 2019 (COVID-19) patients. Ophthalmolgy. 2020. doi: 10.1016/... S0161-6420
    (20)30311-0': with a tail the reader does not split, the year of the title's disease name was taken."""
    from kb.read.reference_list import parse_entry

    tails = ("Ophthalmology. 2020. doi: 10.1016/j.ophtha.2020.03.026 S0161-6420(20)30311-0",
             "Radiology. 2020:200490. doi: 10.1148/radiol.2020200490",
             "Pediatrics. 2020. doi: 10.1542/peds. 2020-0702")
    for tail in tails:
        assert parse_entry(1, f"Zu ZY, Jiang MD. Coronavirus disease 2019 (COVID-19) in China. {tail}", 1).year == 2020
    # Still the title's year where nothing after the journal gives one.
    assert parse_entry(1, "Smith A. The 1946 birth cohort revisited. Some Press, London.", 1).year == 1946
    # A volume printed before its year is no year (folder 35's PLOS-style 'Acta. 1838: 2014; 1477-1487').
    assert parse_entry(1, "D.E. Vance . Phospholipid methylation in mammals. Biochim Biophys Acta. 1838: 2014; "
                          "1477\u20131487 PMID: 24184426", 1).year == 2014


_MANUSCRIPT = ("# Tool\n\nThe tool was co-designed [1], iteratively [2].\n\n## References\n\n"
               "1. Smith A. A trial. *J Med*. 2001;1:1-5.\n2. Grynne A, Smith F, Ahlberg K. Integrating expert knowledge "
               "using co-design to develop a digital information tool{tail}.\n")


def test_a_manuscript_has_no_year_or_source_to_give():
    """'Grynne A, ... to develop a digital information tool (in manuscript).': unpublished work, as '(in
    preparation)' or 'submitted' already were; no year or source was missing."""
    for code in ("REF111", "REF113"):
        assert codes_of(_MANUSCRIPT.format(tail=" (in manuscript)"), code) == []
        # Still said: the same entry with nothing saying it is unpublished.
        assert codes_of(_MANUSCRIPT.format(tail=""), code) == [(code, "warning")]
