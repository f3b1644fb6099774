"""Forms met in corpus 18 (60 reports of randomised trials from journals other than PLOS, drawn from the PMC
open-access subset and read first as they came). Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.checks import run_checks
from kb.estimates.find import find_estimates
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.markers import scan_line
from kb.read.parse_policy import parse_policy


def _findings(text: str, code: str):
    return flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=[code]))


def _numbers(line: str) -> list[str]:
    return [m.inner for m in scan_line(line)[0]]


def _entries(n: int) -> list[str]:
    return [f"Author{i} A. A paper on margins number {i}. *J Surg*. {1990 + i % 30};{i}:1-5." for i in range(1, n + 1)]


# ---- the reference list ---------------------------------------------------------------------------------------

def test_a_block_of_entries_printed_together_elsewhere_is_one_finding():
    """The Lancet (PMC): entries 25-33, cited only in a figure, printed after 43: one block moved, one finding."""
    entries = _entries(43)
    order = list(range(1, 25)) + list(range(34, 44)) + list(range(25, 34))
    body = " ".join(f"Margins matter [{n}]." for n in range(1, 44))
    text = ("# Melanoma\n\n## Discussion\n\n" + body + "\n\n## References\n\n"
            + "\n".join(f"{n}. {entries[n - 1]}" for n in order) + "\n")
    (f,) = _findings(text, "REF103")
    assert f.citations == tuple(range(25, 34)) and "references 25\u201333 are out of order" in f.message
    assert "after reference 43" in f.message
    # Positive: two entries misplaced apart from each other stay two findings.
    order = [1, 2, 4, 3, 5, 6, 8, 7, 9]
    text = ("# Melanoma\n\n## Discussion\n\n" + " ".join(f"See [{n}]." for n in range(1, 10)) + "\n\n## References\n\n"
            + "\n".join(f"{n}. {entries[n - 1]}" for n in order) + "\n")
    assert len(_findings(text, "REF103")) == 2


def _figure_policy(caption: str) -> str:
    return ("# Taxanes\n\n## Discussion\n\nTaxanes help [1]. Doses vary [2].\n\n" + caption + "\n\n## References\n\n"
            "1. Smith A. Taxanes in breast cancer. *J Onc*. 2001;1:1-5.\n2. Jones B. Docetaxel doses. *J Onc*. "
            "2003;2:1-5.\n3. Francis P. Sequential docetaxel: a trial. *J Onc*. 2008;3:1-5.\n")


def test_an_uncited_entry_beside_a_figure_summarising_studies_is_info():
    """A forest plot's image labels its trials with their reference numbers; the reader keeps only the caption."""
    found = _findings(_figure_policy("**Figure 6** Meta-analysis of disease-free survival for trials of "
                                     "taxane-based versus anthracycline-based chemotherapy"), "CIT104")
    assert [(f.severity, f.citations) for f in found] == [("info", (3,))] and "figure at line" in found[0].message
    # Positive: a figure of the trial's own results cites nothing; the entry is uncited: a warning.
    found = _findings(_figure_policy("**Figure 2** Kaplan-Meier curves of disease-free survival by group"), "CIT104")
    assert [(f.severity, f.citations) for f in found] == [("warning", (3,))]


# ---- markers ------------------------------------------------------------------------------------------------

def test_a_raised_number_after_a_possessive_cites():
    """'based on Gironda et al\u2019s<sup>27</sup> questionnaire': the 's' is a possessive, not seconds."""
    assert _numbers("based on Gironda et al\u2019s<sup>27</sup> and Almogue et al's<sup>28</sup> scales.") == ["27", "28"]
    # Clean case: a unit of seconds squared is still a power.
    assert _numbers("an acceleration of 9.8 m/s<sup>2</sup> was applied.") == []


def test_a_raised_number_after_a_symbol_with_a_letter_index_is_a_power():
    """'variance matrix \u03a3<sub>*u*</sub><sup>2</sup>': a variance, not a citation."""
    assert _numbers("with mean 0 and variance \u03a3<sub>*u*</sub><sup>2</sup>), and Z the design") == []
    # Positive: after a formula's digit index (a chemical's name) a raised number may cite.
    assert _numbers("levels of CO<sub>2</sub><sup>12</sup> rose.") == ["12"]


def test_one_number_in_brackets_between_a_value_and_its_unit_is_its_spread():
    """'a mean dose of 278 [121] mg/d': a mean and its SD."""
    assert _numbers("clozapine (mean dose of 278 [121] mg/d) and risperidone") == []
    assert _numbers("clozapine (mean dose of 285[126] mg/d) and risperidone") == []
    # Positive: after the unit, or after a year, the bracket cites.
    assert _numbers("clozapine at 278 mg/d [12] and risperidone") == ["12"]
    assert _numbers("as reported in 2010 [12] days later") == ["12"]


def test_a_raised_number_glued_to_the_next_sentence_labels_a_note():
    """A table's notes run on in one paragraph: '... not significant. <sup>2</sup>There were 8 schools'."""
    assert _numbers("Tests were two-sided; n.s. = not significant. <sup>2</sup>There were 8 schools selected.") == []
    # Positive: a citation after the sentence's stop, spaced from the next sentence, cites.
    assert _numbers("Tests were two-sided.<sup>2</sup> There were 8 schools.") == ["2"]
    assert _numbers("Tests were two-sided. <sup>2</sup> There were 8 schools.") == ["2"]


def test_a_raised_number_in_a_header_cell_of_a_percent_sign_is_a_note():
    assert _numbers("|  | **%<sup>3</sup>** | **%<sup>3</sup>** | **p-value** |") == []
    # Positive: after a study's name in its cell a raised number cites.
    assert _numbers("| Smith et al<sup>3</sup> | 45 |") == ["3"]


# ---- estimates ----------------------------------------------------------------------------------------------

def test_a_p_value_of_another_named_test_is_not_the_estimates():
    """'(HR 0.56, 95% CI 0.34-0.92; Gray's test p=0.007)': a competing-risks test, not the Cox model's Wald test."""
    assert [f.p for f in find_estimates("risk (HR 0.56, 95% CI 0.34-0.92; Gray's test p=0.007), whereas")] == [""]
    assert [f.p for f in find_estimates("risk (OR 2.1, 95% CI 1.1-3.9, Fisher's exact test, p = 0.04)")] == [""]
    assert [f.p for f in find_estimates("survival (HR 0.5, 95% CI 0.3-0.8, log-rank p = 0.01)")] == [""]
    # Clean case: a p-value printed with the estimate alone is the estimate's.
    assert [f.p for f in find_estimates("risk (HR 0.56, 95% CI 0.34-0.92; p=0.007), whereas")] == ["0.007"]


def _est(sentence: str, code: str):
    return [(f.code, f.severity) for f in _findings(
        f"# Exercise\n\n## Results\n\n{sentence}\n\n## References\n\n1. Smith A. Exercise. *J Ger*. 2001;1:1-5.\n",
        code)]


def test_a_ratio_with_a_bound_printed_as_zero_is_not_held_to_its_p_value():
    """1/69 against 16/70: '(odds ratio=0.05, 95% CI=0.00 to 0.32, P<0.001)'; on the log scale the 0.00 bound is
    anywhere below -5, so the interval's width is unknown."""
    assert _est("Loss was 1.5% versus 22.9% (odds ratio=0.05, 95% CI=0.00 to 0.32, P<0.001).", "EST203") == []
    # Positive: with a bound read to its digits, the same mismatch is reported.
    assert _est("Loss was 1.5% versus 22.9% (odds ratio=0.05, 95% CI=0.01 to 0.32, P=0.03).", "EST203") \
        == [("EST203", "warning")]
    # A decision error is still one: the interval includes 1 and the p says significant.
    assert _est("Loss was 1.5% versus 2.9% (odds ratio=0.05, 95% CI=0.00 to 1.32, P=0.01).", "EST202") \
        == [("EST202", "error")]


def test_a_p_of_one_beside_an_estimate_off_the_null_comes_from_an_exact_test():
    assert _est("Walking improved (odds ratio=1.31, 95% CI=0.17 to 10.37, P=1.00).", "EST203") == []
    # Positive: a p of 0.10 is held to the interval (which gives about 0.8).
    assert _est("Walking improved (odds ratio=1.31, 95% CI=0.17 to 10.37, P=0.10).", "EST203") == [("EST203", "warning")]


def test_a_column_of_differences_or_odds_ratios_names_no_measure():
    """'Difference/OR UMEC/VI vs TIO/OLO': the rows that do not say OR are differences (no EST103 for -0.71)."""
    from kb.estimates.rows import table_rows

    rows = ["|  | Number | UMEC/VI | Number | TIO/OLO | {head} |", "| --- | --- | --- | --- | --- | --- |",
            "| Rescue-free days | 222 | 8.04 (2.14) | 217 | 6.13 (2.15) | 1.91 (\u2212 0.71 to 4.53) |",
            "| Responders | 234 | 162 (69%) | 227 | 116 (51%) | OR: 2.09 (1.39\u20133.14) |"]
    read = table_rows([r.format(head="Difference/OR<sup>b</sup> UMEC/VI vs TIO/OLO") for r in rows])
    assert (read[0].found.measure, read[0].found.value, read[0].found.low) == ("", "1.91", "\u2212 0.71")
    # Clean case: a column of odds ratios alone keeps its measure.
    read = table_rows([r.format(head="OR (95% CI)") for r in rows])
    assert read[0].found.measure == "OR"


# ---- sources named in the text ------------------------------------------------------------------------------

_LIFE = ["Dahl B. Morbidity in the Losartan Intervention For Endpoint reduction study (LIFE): a randomised trial. "
         "*Lancet*. 2002;359:995-1003.",
         "Burnier M. Telmisartan: a different angiotensin II receptor blocker? *J Int Med Res*. 2009;37:1662-79."]


def _cit203(sentence: str):
    text = ("# Telmisartan\n\n## Discussion\n\nLosartan was tested [1]. " + sentence + "\n\n## References\n\n"
            + "\n".join(f"{i}. {e}" for i, e in enumerate(_LIFE, 1)) + "\n")
    return [f.citations[0] for f in _findings(text, "CIT203")]


def test_a_trials_name_that_is_a_word_is_the_word_in_lower_case():
    """'a longer half-life (24 h) [2]' and 'a fussy infant [72]' name no trial LIFE or INFANT."""
    assert _cit203("Telmisartan has a longer half-life (24 h) than valsartan [2].") == []
    assert _cit203("Life expectancy was longer with telmisartan [2].") == []
    # Positive: the trial named in capitals, or before 'trial', beside another entry's marker.
    assert _cit203("Telmisartan did better than in the LIFE trial [2].") == [2]
    assert _cit203("Telmisartan did better than in the Life trial [2].") == [2]


def test_a_trial_comparing_two_treatments_is_not_an_observational_study():
    from kb.read.reference_list import parse_entry
    from kb.sources.kinds import classify

    compared = parse_entry(4, "Balch CM, Soong SJ. Long-term results of a prospective surgical trial comparing 2 cm "
                              "vs. 4 cm excision margins for 740 patients. Ann Surg Oncol. 2001;8:101-108.", 1)
    assert classify(compared)[0] == "other"
    # Clean case: a single-arm prospective trial is still read as observational.
    single = parse_entry(5, "Frey ME. Efficacy of sacroplasty for sacral fractures: a prospective, multicenter trial. "
                            "Spine. 2008;33:1-5.", 1)
    assert classify(single)[0] == "observational"


def test_a_number_after_a_phase_and_and_names_a_phase():
    """'a primary endpoint in phase 2 and 3 trials [29,30]': phases, not three trials."""
    from kb.sources.claims import count_claims

    text = "markers used as a primary endpoint in phase 2 and 3 trials [29,30]."
    assert count_claims(text, [(text.index("[29"), text.index("]") + 1)]) == []
    # Positive: three trials cited as two entries is a count claim.
    text = "markers used as a primary endpoint in 3 trials [29,30]."
    assert len(count_claims(text, [(text.index("[29"), text.index("]") + 1)])) == 1


def test_a_body_then_a_title_then_only_a_year():
    """'The White House. The Obama Administration and Community Health Centers. 2012.': with only the year after it,
    the second sentence is the title the body issued, not a second body's name (REF112 said 'no title')."""
    from kb.read.reference_list import parse_entry

    e = parse_entry(1, "The White House. The Obama Administration and Community Health Centers. 2012.", 1)
    assert (e.organisation, e.title, e.year) == ("The White House", "The Obama Administration and Community Health "
                                                 "Centers", 2012)
    # Clean case: a country, then its ministry, then a title: the ministry is the body's, the title the title.
    e = parse_entry(2, "Brasil. Ministério da Saúde. Guia de vigilância epidemiológica. Brasília; 2009.", 1)
    assert (e.organisation, e.title) == ("Brasil", "Guia de vigilância epidemiológica")


def test_a_year_glued_to_a_series_number_by_a_full_stop_is_the_year():
    """WHO's 'Technical Report Series 804.1990.': the report's number and its year, one stop between them."""
    from kb.read.reference_list import parse_entry

    e = parse_entry(6, "World Health Organization. Cancer pain relief and palliative care. Technical Report Series "
                       "804.1990. whqlibdoc.who.int/trs/WHO_TRS_804.pdf Accessed 05 Feb 2016.", 1)
    assert e.year == 1990
    # Clean case: a year standing alone wins over a glued one, which a decimal may be.
    e = parse_entry(7, "World Health Organization. Palliative care. Technical Report Series 804.1990. Geneva: WHO; "
                       "1992.", 1)
    assert e.year == 1992
