"""Forms met in corpus 14 (a fresh random sample of PLOS trial reports, read first as it came): a year where the
volume goes, a year glued to the place before it, an entry in preparation. Each form has a positive and a clean case."""
from __future__ import annotations

import pytest

from kb.checks import run_checks
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry


@pytest.mark.parametrize("raw, year", [
    ("Caldwell J. Education as a factor in mortality decline. Population Studies 1979: 395\u2013413.", 1979),
    ("Chakrabarty A, Langelaan J. Flight path planning in wind. Proceedings of the American Control Conference. "
     "2013: 2568\u20132574.", 2013),
    ("Doyle O, Harmon C. Measuring investment in human capital. NBER Working Paper; 2013: No. 19316.", 2013),
])
def test_a_year_where_the_volume_goes_before_the_pages_is_the_year(raw, year):
    assert parse_entry(1, raw, 1).year == year


def test_pages_after_a_volume_are_still_no_year():
    """Clean case: '18: 1905' is a volume and its page, and a volume before pages is no year when a year is printed."""
    assert parse_entry(1, "Smith J. A title here. J Biol. 18: 1905.", 1).year is None
    assert parse_entry(1, "Smith J. A title. Lect Notes Comput Sci. 2003;1853: 120-130.", 1).year == 2003


@pytest.mark.parametrize("raw, year", [
    ("Biddlecom A, Gregory R. Premarital sex and schooling. IUSSP Seminar; 6\u20139 November; Cholula, Mexico2006.",
     2006),
    ("Services USDoHaH. The Health Consequences of Smoking. Atlanta: Office on Smoking and Health. Reports of the "
     "Surgeon General2014.", 2014),
])
def test_a_year_glued_to_the_word_before_it_closes_the_entry(raw, year):
    assert parse_entry(1, raw, 1).year == year


def test_a_number_glued_to_a_name_inside_the_entry_is_no_year():
    """Clean case: only an entry's last word may carry a glued year; a SNP name inside the title does not."""
    assert parse_entry(1, "Smith J. Variant rs2014 and asthma. J Biol.", 1).year is None


def codes_of(entries: list[str], code: str):
    """(severity, entry) of each ``code`` finding on a short text citing entries 1 and 2 of ``entries``."""
    text = ("# Attachment\n\n## Discussion\n\nScales exist [1]. Versions differ [2].\n\n## References\n\n"
            + "\n".join(f"{i}. {e}" for i, e in enumerate(entries, 1)) + "\n")
    return [(f.severity, f.citations[0]) for f in
            flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=[code]))]


def test_an_entry_in_preparation_has_no_year_to_give():
    prep = "Ehrenthal J, Zimmermann J, Strauss B. (in prep.) Short version of the German ECR-R."
    other = "Smith A. Title of a paper on attachment scales. *J Psychol*. 2005;1:1-5."
    assert codes_of([prep, other], "REF111") == []
    # Positive: without the words the entry still lacks its year.
    assert codes_of([prep.replace("(in prep.) ", ""), other], "REF111") == [("warning", 1)]


_TABLE = ["| | Lipid (N = 369) | Liposomal (N = 122) | {head} |", "| --- | --- | --- | --- |",
          "| **Initial cure** | 354 (95.9) | 122 (100.0) | 0.0280 (\u22120.0663, \u22120.0150) |"]


def test_a_p_value_column_with_an_interval_holds_no_estimate():
    """PLOS ONE: a column headed 'P (95% CI)' prints the p-value before the interval of an unprinted difference."""
    from kb.estimates.rows import table_rows

    assert table_rows([line.format(head="P (95% CI)") for line in _TABLE]) == []
    assert table_rows([line.format(head="p-value (95% CI)") for line in _TABLE]) == []
    # Clean case: a measure's column (a risk difference, a prevalence ratio) is still read.
    (row,) = table_rows([line.format(head="RD (95% CI)") for line in _TABLE])
    assert (row.found.value, row.found.low, row.found.high) == ("0.0280", "\u22120.0663", "\u22120.0150")
    assert len(table_rows([line.format(head="PR (95% CI)") for line in _TABLE])) == 1


_CORRECTION = """# Correction: Effects of metformin in clozapine-treated patients

There are errors in the author affiliations. The affiliations should appear as shown here:

Chih-Chiang Chiu<sup>1,2</sup>, Mong-Liang Lu<sup>2,3</sup>, Po-Yu Chen<sup>1,4</sup>, Yen-Kuang Lin<sup>5</sup>

**1** Department of Psychiatry, Taipei City Hospital, Taipei, Taiwan, **2** School of Medicine, Taipei, Taiwan

The original article reported the affiliations wrongly.<sup>1</sup>

## References

1. Chiu CC, Lu ML, Huang MC. Effects of low dose metformin on metabolic traits. PLoS ONE. 2016;11(12):e0168347.
"""


def test_an_author_byline_raises_affiliations_not_citations():
    """A correction notice reprints its authors with their affiliations' numbers: no marker, no CIT101."""
    kb = build_knowledge_base(parse_policy(_CORRECTION, "fixture.md"))
    assert [(m.line, m.numbers) for m in kb.doc.markers] == [(9, (1,))]
    assert [f.code for f in flatten(run_checks(kb)) if f.code.startswith("CIT1")] == []


def test_names_with_their_citations_in_a_sentence_are_still_markers():
    """Clean case: authors named in a sentence with raised citations keep them."""
    text = _CORRECTION.replace("Chih-Chiang Chiu<sup>1,2</sup>, Mong-Liang Lu<sup>2,3</sup>, Po-Yu Chen<sup>1,4</sup>, "
                               "Yen-Kuang Lin<sup>5</sup>", "Chiu<sup>1</sup> and Huang<sup>1</sup> found the same.")
    kb = build_knowledge_base(parse_policy(text, "fixture.md"))
    assert [(m.line, m.numbers) for m in kb.doc.markers] == [(5, (1,)), (5, (1,)), (9, (1,))]


def test_a_number_after_a_label_word_is_no_trials_size():
    """PLOS ONE: 'newly diagnosed type 2 diabetic patients ... the MARCH trial' is no trial of 2 (EST305)."""
    from kb.estimates.trials import totals

    assert totals("In the present study, we assessed the therapeutic effect of acarbose and metformin in newly diagnosed "
                  "type 2 diabetic patients with different BMI status by reanalyzing data from the MARCH trial.") == []
    # Clean case: the trial's size in the same sentence is still read.
    assert [t[1] for t in totals("The MARCH trial randomized 784 patients with type 2 diabetes.")] == ["784"]


def test_a_list_of_arms_each_with_its_verb_has_no_total():
    """PLOS ONE: '44 children who received CQ, 31 who received SP, and 25 who received CQ/SP': 44 is an arm."""
    from kb.estimates.counts import sample_splits

    assert sample_splits("These comprised 44 children who received CQ, 31 who received SP, and 25 who received "
                         "CQ/SP.") == []
    # Clean case: a total before arms printed that way is still their total.
    assert sample_splits("A total of 100 children were randomized: 44 who received CQ and 31 who received SP.") == [
        ("100", 11, (("44", 44), ("31", 31)))]


def test_the_stage_left_after_withdrawals_is_the_arms_total():
    """PLOS ONE: 'Out of 107 enrolled ..., six withdrew ..., leaving 101 who were randomized ...; 50 received DHP+PQ
    and 51 DHP-only': 101, not 107, is the randomised total."""
    from kb.estimates.counts import sample_splits

    flow = ("Out of 107 subjects who were enrolled, six withdrew from the study before being randomized, leaving 101 "
            "who were randomized to primaquine or no primaquine; 50 received DHP+PQ and 51 DHP-only.")
    assert sample_splits(flow) == []
    # Positive: arms that do not add up to the stage left are still read against it.
    wrong = flow.replace("and 51 DHP-only", "and 49 received DHP only")
    assert sample_splits(wrong) == [("101", 100, (("50", 50), ("49", 49)))]


def test_an_email_has_no_source_to_name():
    """PLOS ONE: 'Achenbach TM. Email sent to Christine O'Farrelly on 14th May 2014.' is a personal message."""
    other = "Smith A. Title of a paper on attachment scales. *J Psychol*. 2005;1:1-5."
    assert codes_of(["Achenbach TM. Email sent to Christine O'Farrelly on 14th May 2014.", other], "REF113") == []
    # Positive: an entry of a name, a title and a year alone still names no source.
    assert codes_of(["Amabile TM. Motivation and Creativity: Effects of Motivational Orientation on Creative Writers. "
                   "1983.", other], "REF113") == [("warning", 1)]


def test_a_year_before_a_volume_and_its_pages():
    """PLOS ONE: '*Prev Sci*, 2005: 6: 151-175.' prints the year, then the volume and pages."""
    entry = parse_entry(1, "Flay BR, Biglan A. Standards of evidence. *Prev Sci*, 2005: 6: 151\u2013175. PMID: 16365954", 1)
    assert (entry.year, entry.volume) == (2005, "6")
    # Clean case: a volume numbered like a year not yet come, before its pages, is no year.
    assert parse_entry(1, "Smith J. A title. *J Biol*. 2093: 1-10.", 1).year is None
    assert parse_entry(1, "Smith J. A title. J Biol. 2093: 1-10.", 1).year is None


def test_a_publisher_run_into_the_title_makes_no_source_unsure():
    """PLOS ONE: a report's place and publisher printed after its title with no stop: REF113 says info."""
    other = "Smith A. Title of a paper on attachment scales. *J Psychol*. 2005;1:1-5."
    giz = ("van Teijlingen E, Simkada P, Acharga D. Sexual and Reproductive Health Status and health service "
           "utilization of adolescents in four districts in Nepal Kathmandu: GIZ, 2012.")
    agi = ("Ahmed F, Bankole A, Woog V. Healthcare seeking by adolescents for reproductive health problems in "
           "sub-Saharan Africa: The Alan Guttmacher Institute, USA; 2005 15.01.10.")
    assert codes_of([giz, other], "REF113") == [("info", 1)]
    assert codes_of([agi, other], "REF113") == [("info", 1)]
    # Clean case: a title with a colon and no publisher after it still names no source.
    bare = "Amabile TM. Motivation and Creativity: Effects of Motivational Orientation on Creative Writers. 2012."
    assert codes_of([bare, other], "REF113") == [("warning", 1)]
