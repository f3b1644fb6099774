"""Forms met in corpus 40 (60 Europe PMC full texts a text-mining project kept on N95 respirators, masks and
respiratory infections: infection control, occupational health, anaesthesia and public-health papers, read first as
they came). Each form has a case the reader or check now gets right and a case it must still refuse or report; the
texts are made here."""
from __future__ import annotations

from kb.estimates.extract import extract
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry
from tests.formtools import codes_of, in_results

_ENTRIES = "".join(f"{n}. Author{n} A. Paper {n}. *J Med*. 2001;{n}:1-5.\n" for n in range(1, 6))


def _markers(sentence: str) -> list[str]:
    doc = parse_policy(f"# Report\n\nThe virus was identified in April (1) and spread by air (2). {sentence} Swabs "
                       f"were tested (5).\n\n## References\n\n{_ENTRIES}", "fixture.md")
    return [m.raw for m in doc.markers]


# ---- markers ------------------------------------------------------------------------------------------------------


def test_citations_after_a_span_of_time_are_no_parts_of_it():
    """EID's 'if symptoms developed \u22647 days of arrival (3,4)': 3 + 4 make the 7 days, so the citations were
    read as the sizes of groups adding up to a total and lost (two false 'not cited' warnings)."""
    assert "(3,4)" in _markers("Passengers were told to seek care if symptoms developed \u22647 days of arrival (3,4).")
    assert "(3,4)" in _markers("Passengers were told to seek care if symptoms developed 7 days after arrival (3,4).")
    # Still the sizes of groups: a count of people and the parts that add up to it.
    assert "(3,4)" not in _markers("Seven participants (3,4) completed the study.")


def test_a_citation_beside_a_named_personal_communication():
    """'(15; Thomas Edling, pers. comm.)': the citation shares its bracket with unpublished work of a
    person named first; '(13; unpublished observations)' was read, this one lost."""
    assert "(4; Thomas Edling, personal communication)" in _markers(
        "Breeders are licensed (4; Thomas Edling, personal communication).")
    assert "(4; Thomas Edling, pers. comm.)" in _markers("Breeders are licensed (4; Thomas Edling, pers. comm.).")
    # Still no citation: a number beside a pointer into the article itself.
    assert _markers("Breeders are licensed (4; Table 2).") == ["(1)", "(2)", "(5)"]


# ---- named sources ------------------------------------------------------------------------------------------------


_ANOVADIYA = "\n\n## References\n\n1. Anovadiya AP, Barvaliya MJ. Adverse drug reactions of oseltamivir. *Indian J " \
             "Pharmacol*. 2011;43:258-61.\n"


def test_a_year_dating_an_event_does_not_date_the_work():
    """'studied during the 2009 H1N1 pandemic by Anovadiya et al.[1]' (a paper of 2011): the year is the
    pandemic's; it was read as the work's ('A 2016 RCT by Yang') and gave a false CIT202 error."""
    text = "# Study\n\nADRs of oseltamivir were also studied during the 2009 H1N1 pandemic by Anovadiya et al.[1]"
    assert codes_of(text + _ANOVADIYA, "CIT202") == []
    assert codes_of("# Study\n\nADRs of oseltamivir were also studied in a 2009 survey by Anovadiya et al.[1]"
                    + _ANOVADIYA, "CIT202") == [("CIT202", "error")]


# ---- counted claims -----------------------------------------------------------------------------------------------


def test_a_rough_size_of_a_literature_is_no_count_of_the_cited():
    """'There are ~20 published studies [51]' citing one review of them: the number is how large the literature
    is, not how many entries the marker should hold."""
    assert in_results("There are ~20 published studies [1].", "CIT301") == []
    assert in_results("There are about 20 published studies [1].", "CIT301") == []
    assert in_results("There are 20 published studies [1].", "CIT301") == [("CIT301", "warning")]


# ---- estimates in tables ------------------------------------------------------------------------------------------


_TABLE = ("# Cohort\n\n## Results\n\n**Table 3** Hazard ratios.\n\n| Level | cHR | 95%CI | aHR | 95%CI |\n"
          "| --- | --- | --- | --- | --- |\n| Q3 | 0.88 | (0.72, 1.08) | 0.97 | (0.79, 1.20) |\n"
          "| Q4 | 1.23 | (0.98, 1.53) | {aHR} | (0.69, 1.51) |\n\n## References\n\n1. Smith A. A cohort. *J Med*. "
          "2001;1:1-5.\n")


def test_each_estimate_column_takes_the_interval_after_it():
    """'| cHR | 95%CI | aHR | 95%CI |' with only 'aHR' read as a measure: the adjusted HR took the crude HR's
    interval (the row's first), and three rows were called lopsided."""
    doc = parse_policy(_TABLE.format(aHR="1.02"), "fixture.md")
    pairs = [(e.estimate_text, e.ci_low_text, e.ci_high_text) for e in extract(doc).estimates]
    assert pairs == [("0.97", "0.79", "1.20"), ("1.02", "0.69", "1.51")]
    assert codes_of(_TABLE.format(aHR="1.02"), "EST104") == []
    # Still lopsided: an adjusted HR far from the middle of its own interval.
    assert codes_of(_TABLE.format(aHR="1.45"), "EST104") == [("EST104", "warning")]


_MEASURES = ("# Trial\n\n## Results\n\n**Table 2** Endpoints.\n\n| Outcome | Rate difference, % (95% CI) | "
             "Odds ratio (95% CI) | Mean difference (95% CI) |\n| --- | --- | --- | --- |\n"
             "| Antibiotics | 6 (−5, 16) | 1.26 (0.81, 1.95) |  |\n| Days on antibiotics |  |  | −1.8 (−3.1, −0.5) |\n\n"
             "## References\n\n1. Smith A. A trial. *J Med*. 2001;1:1-5.\n")


def test_a_later_column_naming_its_own_measure_is_not_the_ratios_interval():
    """'Odds ratio (95% CI) | Mean difference (95% CI)': the mean difference column is no interval of the odds
    ratio before it, so its negative values are not odds ratios (six false EST103 in a trial report)."""
    assert codes_of(_MEASURES, "EST103") == []


# ---- percentages --------------------------------------------------------------------------------------------------


def test_a_percentage_of_a_later_stage_of_the_flow():
    """'Of 144 persons (136 passengers and 8 crew) ..., follow-up was completed for 140; 8 (5.7%) had ...': the
    percentage is of the 140 followed up, not of the 144 the sentence opens with."""
    flow = "Of 144 persons (136 passengers and 8 crew) on the flight, follow-up was completed for 140; 8 ({p}%) had " \
           "confirmed infection [1]."
    assert in_results(flow.format(p="5.7"), "EST302") == []
    assert in_results(flow.format(p="6.9"), "EST302") == [("EST302", "warning")]


# ---- reference entries --------------------------------------------------------------------------------------------


def test_a_dated_page_with_its_address_glued_after_the_date():
    """'... SARS. Aug 1, 2003:http://www.ha.org.hk/... (accessed on May 1, 2004).': the page's date was not read
    (the address glued to it), and REF123 said the entry gave an access date only."""
    dated = parse_entry(3, "Hospital Authority of Hong Kong. Guideline on infection control of SARS. Aug 1, 2003:"
                           "http://www.ha.org.hk/sars/sars_index_e.html. (accessed on May 1, 2004).", 1)
    assert (dated.year, dated.accessed) == (2003, "May 1, 2004")
    # An access date is still no date of publication.
    undated = parse_entry(3, "World Health Organization. Infection control guideline. Available at: "
                             "http://www.who.int/csr/guide.pdf. Accessed May 1, 2004.", 1)
    assert undated.year is None


def test_a_surname_keyed_with_a_left_quote_or_an_acute_accent():
    """'Garden JM, O\u2018Banion MK, ...', 'Dy SM, Lorenz KA, O\u00b4Neill SM, ...': the apostrophe keyed as a left
    quote or an acute accent cut the name, and the whole author list was lost."""
    for mark in ("\u2018", "\u00b4", "\u2019"):
        entry = parse_entry(1, f"Garden JM, O{mark}Banion MK, Shelnitz LS, et al. Papillomavirus in the vapor of laser-"
                               "treated verrucae. *JAMA*. 1988;259:1199-202.", 1)
        assert (entry.first_author, entry.authors[1]) == ("Garden", f"O{mark}Banion MK")
    # A quote opening a title after the authors' stop is still no part of a name.
    quoted = parse_entry(1, "Smith AB, Jones C. \u2018Masks\u2019 in clinics. *BMJ*. 2010;340:c1.", 1)
    assert quoted.authors == ("Smith AB", "Jones C.")


_MMWR = ("# Report\n\nCases rose [1] and spread [2].\n\n## References\n\n1. Centers for Disease Control and Prevention. "
         "Update: novel influenza A (H1N1) virus infection -Worldwide May 6, 2009. *MMWR*. 2009;58:453-8. PMID: 19444146\n"
         "2. {second} PMID: 19444146\n")


def test_one_paper_listed_twice_under_two_titles_is_a_duplicate():
    """MMWR's update listed twice, the second copy without the date its title carried: the shared PMID was called
    'for a different paper' (REF133) though journal, year, volume and pages agree; it is one paper listed twice."""
    twice = _MMWR.format(second="Centers for Disease Control and Prevention. Update: novel influenza A (H1N1) virus "
                                "infection - Worldwide. *MMWR*. 2009;58:453-8.")
    assert (codes_of(twice, "REF133"), codes_of(twice, "REF134")) == ([], [("REF134", "error")])
    # Still a wrong identifier: another paper, elsewhere in the journal, printed with the same PMID.
    other = _MMWR.format(second="Chen S, Yang J. COVID-19 control in China during mass population movements. *MMWR*. "
                                "2009;59:101-8.")
    assert (codes_of(other, "REF133"), codes_of(other, "REF134")) == ([("REF133", "error")], [])


def test_a_body_then_its_title_then_a_bracketed_year_and_an_address():
    """Frontiers' 'European Centre for Disease Prevention and Control. ECDC International Relations Policy 2020.
    (2018). Available online at: https://...': the address's lead-in left after the year kept the title inside the
    body's name (six entries of one article)."""
    entry = parse_entry(2, "European Centre for Disease Prevention and Control. ECDC International Relations Policy "
                           "2020. (2018). Available online at: https://ecdc.europa.eu/en/publications-data/policy", 1)
    assert (entry.organisation, entry.title, entry.year) == (
        "European Centre for Disease Prevention and Control", "ECDC International Relations Policy 2020", 2018)
    # Still people, not a body: names before the title and the bracketed year.
    people = parse_entry(2, "Smith AB, Jones C. Masks in clinics. (2018). Available online at: https://x.org/a", 1)
    assert (people.first_author, people.organisation, people.year) == ("Smith", None, 2018)
