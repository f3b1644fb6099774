"""Forms met in corpus 29 (60 systematic reviews, meta-analyses and randomised trials from 60 journals other than
PLOS, one a journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean
case; the texts are made here."""
from __future__ import annotations

from kb.estimates.counts import sample_splits
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, first_entry, in_results, markers_in


def test_marks_of_importance_after_the_numbers_still_cite():
    """'... uncommon in the epidemiologic literature [11•, 12•]', '... cervical dysplasia [33••]'."""
    assert markers_in("the design remains uncommon in the literature [11•, 12•]. Here we") == ["11, 12"]
    assert markers_in("and on cervical dysplasia [33••], and on screening") == ["33"]
    # Clean: the plain bracket reads as before, and a bracket of marks alone is no marker.
    assert markers_in("the design remains uncommon in the literature [11, 12]. Here we") == ["11, 12"]
    assert markers_in("the bullet [•] marks it") == []


def test_a_measure_s_abbreviation_before_the_number_in_one_bracket_cites():
    """'Minnesota Nicotine Withdrawal Scale [MNWS, 19] (administered weekly)'."""
    assert markers_in("Minnesota Nicotine Withdrawal Scale [MNWS, 19] (administered weekly)") == ["19"]
    # Clean: a capitalised label without the comma is still no citation.
    assert markers_in("as shown in [Table 2] below") == []


def test_a_grant_s_number_in_brackets_is_no_citation():
    """'funded ... under grant agreement no [287361], and the NHMRC'."""
    assert markers_in("funded by the Seventh Framework Programme under grant agreement no [287361], and") == []
    # Positive: the same words without the number's label cite.
    assert markers_in("as set out in the grant agreement [12], and") == ["12"]


def test_group_sizes_that_add_up_to_the_count_before_them_are_no_citations():
    """'Ninety-four participants (25, 23, 21, 25) completed the study.' (25 + 23 + 21 + 25 = 94)."""
    assert markers_in("Ninety-four participants (25, 23, 21, 25) completed the study.") == []
    assert markers_in("In all 94 participants (25, 23, 21, 25) completed the study.") == []
    # Positive: numbers that do not add up to the count cite.
    assert markers_in("Ninety-four participants (25, 23, 21) completed the study.") == ["25, 23, 21"]


_ENTRY = "# Review\n\n## Methods\n\nWe followed the report [1].\n\n## References\n\n1. {}\n"


def test_a_year_before_a_colon_and_the_book_s_isbn_or_pages_is_the_year():
    """'... Orthotics; 2004: ISBN 87-89809-14-9.', 'Eur J Nutr. 2016: p. 1–16. doi:10.1007/s00394-016-1199-8.'."""
    isbn = ("Condie E, Campbell J, Martina J, eds. Report of a consensus conference on the orthotic management of "
            "stroke patients. Copenhagen, Denmark: International Society for Prosthetics and Orthotics; {}: ISBN "
            "87-89809-14-9.")
    pages = ("Firouzi S, Majid HA. Effect of multi-strain probiotics on glycemic control: a randomized controlled "
             "trial. Eur J Nutr. {}: p. 1–16. doi:10.1007/s00394-016-1199-8.")
    for entry in (isbn, pages):
        assert parse_policy(_ENTRY.format(entry.format("2004")), "f.md").references[0].year == 2004
        assert codes_of(_ENTRY.format(entry.format("2004")), "REF111") == []
        # Positive: with no year before the colon there is none.
        assert codes_of(_ENTRY.format(entry.format("")), "REF111") == [("REF111", "warning")]


def test_a_company_names_the_issuer_of_a_product_s_leaflet():
    """'SmPC of INFECTOKRUPP® Inhal, INFECTOPHARM Arzneimittel und Consilium GmbH. 2008'."""
    assert codes_of(_ENTRY.format("SmPC of INFECTOKRUPP® Inhal, INFECTOPHARM Arzneimittel und Consilium GmbH. "
                                  "2008"), "REF113") == []
    # Positive: the leaflet named without its issuer.
    assert codes_of(_ENTRY.format("SmPC of INFECTOKRUPP® Inhal. 2008"), "REF113") == [("REF113", "warning")]


_LIPIDS = ("# Trial\n\n## Methods\n\nPatients taking a lipid-lowering drug (LLD) were included{}.\n\n## Results\n\n"
           "Patients with high TG had lower HDL and lower LDL and higher glucose.\n")


def test_the_head_of_a_defined_compound_acronym_is_defined():
    """'lower LDL' where 'low-density lipoprotein cholesterol (LDL-C)' and 'lipid-lowering drug (LLD)' are defined."""
    assert codes_of(_LIPIDS.format(" and low-density lipoprotein cholesterol (LDL-C) was measured"), "DOC112") == []
    # Positive: with only LLD defined, LDL is one swap away from it.
    assert codes_of(_LIPIDS.format(""), "DOC112") == [("DOC112", "warning")]


def test_a_statistical_package_is_no_slip_for_a_defined_acronym():
    """'master randomization list generated using SAS, SAS Inc., Cary NC' beside 'sub Saharan Africa (SSA)'."""
    text = ("# Trial\n\n## Background\n\nWomen living in {} face a high risk.\n\n## Methods\n\n"
            "The list was generated using {}, SAS Inc., Cary NC.\n")
    assert codes_of(text.format("sub Saharan Africa (SSA)", "SAS"), "DOC112") == []
    # Positive: the same swap of another defined acronym's letters is still reported.
    assert codes_of(text.format("severe acute malnutrition (SAM)", "SMA"), "DOC112") == [("DOC112", "warning")]


_TRIALS = ("# Trial\n\n## Discussion\n\nOur data together with the results from the extended phase of the {} [1–3] "
           "provide evidence.\n\n## References\n\n1. Holman RR. 10-year follow-up of intensive glucose control in "
           "type 2 diabetes. N Engl J Med. 2008;359:1577-89.\n2. Bianchi C. Metabolic memory and individual treatment "
           "aims in type 2 diabetes. Rev Diabet Stud. 2011;8:432-40.\n3. Gaede P. Effect of a multifactorial "
           "intervention on mortality in type 2 diabetes. N Engl J Med. 2008;358:580-91.\n")


def test_a_number_in_a_trial_s_name_is_no_count_of_trials():
    """'the extended phase of the UKPDS and STENO 2 trials [26–28]'."""
    assert codes_of(_TRIALS.format("UKPDS and STENO 2 trials"), "CIT301") == []
    # Positive: a count of trials that the markers do not hold.
    assert codes_of(_TRIALS.format("2 trials"), "CIT301") == [("CIT301", "warning")]


def test_a_rank_test_s_p_value_beside_an_interval_is_not_held_to_it():
    """'The median difference between groups was 0.75 [95% CI: –1.6 to 2.3; P = 0.7, Mann-Whitney U test]': the p is
    the named test's, not the interval's (first reported at info; since the fifth session's forms, not compared)."""
    text = "The median difference between groups was 0.75 [95% confidence interval (CI): –1.6 to 2.3; P = 0.7{}]."
    assert in_results(text.format(", Mann-Whitney U test"), "EST203") == []
    # Positive: the same numbers with no test named.
    assert in_results(text.format(""), "EST203") == [("EST203", "warning")]


def test_the_first_part_of_a_count_just_given_is_no_total():
    """'Thirty-three patients were excluded; 13 patients were too frail ..., 7 were unable ..., 3 were under ...'."""
    text = ("{} patients were excluded; 13 patients were too frail for any operative intervention, 7 were unable to "
            "walk before fracture, 4 had pathologic fractures, 3 were under 65 years of age, and 6 patients declined.")
    assert sample_splits(text.format("Thirty-three")) == []
    # Positive: a count before the semicolon too small to hold them; and a year is no count.
    assert [s[0] for s in sample_splits(text.format("Eight"))] == ["13"]
    assert [s[0] for s in sample_splits("In 2010 the trial opened; 13 patients were too frail for surgery, 7 were "
                                        "unable to walk and 3 were under 65 years of age.")] == ["13"]


_JATS = ('<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta>'
         '</front><body><p>Analyses used SAS [<xref ref-type="bibr" rid="R1">1</xref>].</p></body><back><ref-list>'
         '<ref id="R1"><label>1</label>{cit}</ref></ref-list></back></article>')


def test_a_product_named_in_a_comment_is_the_entry_s_title():
    """'<collab>SAS Institute Inc</collab><comment>SAS/STAT Software ...</comment><year>1997</year>
    <publisher-loc>Cary, NC, USA</publisher-loc>': printed 'SAS Institute Inc. Cary, NC, USA; 1997. SAS/STAT ...'
    the place read as the authors and the year was lost."""
    cit = ('<element-citation publication-type="book"><collab>SAS Institute Inc</collab>{}<year>1997</year>'
           '<publisher-loc>Cary, NC, USA</publisher-loc></element-citation>')
    entry = first_entry(_JATS, cit.format("<comment>SAS/STAT Software: Changes &amp; Enhancements</comment>"))
    assert entry == "1. SAS Institute Inc. SAS/STAT Software: Changes & Enhancements. Cary, NC, USA; 1997."
    doc = "# Methods\n\nAnalyses used SAS [1].\n\n## References\n\n" + entry + "\n"
    assert codes_of(doc, "REF111") == []
    # Clean: a comment holding a DOI stays a link after the date.
    assert first_entry(_JATS, cit.format("<comment>doi: 10.1000/x1</comment>")) == (
        "1. SAS Institute Inc. Cary, NC, USA; 1997. doi: 10.1000/x1")


_SERIES = ("# Trial\n\n## Discussion\n\nSimilar closure rates have been reported by Kim et al., Jackson et al. and "
           "Briand et al. on {} [1–3].\n\n## References\n\n1. Kim SS. Comparison of gases in macular hole surgery: a retrospective "
           "case series. Retina. 2008;28:1-5.\n2. Jackson TL. Macular hole surgery with air tamponade: a case series. "
           "Eye. 2010;24:1-4.\n3. Briand S. Prospective randomized trial: outcomes of SF6 versus C3F8 "
           "in macular hole surgery. Can J Ophthalmol. 2015;50:95-100.\n")


def test_whose_series_names_the_authors_patients_not_a_design():
    """'reported by Kim et al., Jackson et al. and Briand et al. on their respective series [39–41]'."""
    assert codes_of(_SERIES.format("their respective series"), "CIT302") == []
    # Positive: case series claimed of a randomized trial.
    assert codes_of(_SERIES.format("case series"), "CIT302") == [("CIT302", "warning")]


def test_a_figure_s_numbered_key_is_no_citation():
    """'Numbers in brackets show the type of the spray combination. [1] placebo; [2] decongestant; [3] anesthetic;
    [4] decongestant plus anesthetic. Numbers before ...'."""
    assert markers_in("Numbers in brackets show the type of the spray combination. [1] placebo; [2] decongestant; "
                      "[3] anesthetic; [4] decongestant plus anesthetic. Numbers before the names show the order.") == []
    # Positive: citations closing clauses, and a key too short to be one, still cite.
    assert markers_in("It was shown [1]; later confirmed [2]; and extended [3].") == ["1", "2", "3"]
    assert markers_in("Known risks are [1] smoking; [2] obesity; but see [3] and [4].") == ["1", "2", "3", "4"]
