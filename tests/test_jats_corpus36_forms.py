"""Forms met in corpus 36 (60 clinical and health JATS articles of 2013-2019, PMC open-access copies kept as test data
by opencitations/ccc: Bulletin of the World Health Organization, Brazilian Journal of Cardiovascular Surgery, Burns &
Trauma, BJGP, BMJ Open Respiratory Research, BMJ Open Sport & Exercise Medicine, BJA, Bulletin of Emergency &
Trauma, read first as they came). Each form has a case the check now reads right and a case it must still report;
the texts are made here."""
from __future__ import annotations

from kb.read.reference_list import parse_entry
from tests.formtools import codes_of, in_results, markers_in


def _doc(body: str, refs: str = "1. Smith A. A trial. *J Med*. 2001;1:1-5.", section: str = "Results") -> str:
    return f"# Study\n\n## {section}\n\n{body}\n\n## References\n\n{refs}\n"


# --- EST302: the denominator a count's percentage is of -------------------------------------------------------

def test_of_these_takes_the_count_printed_before_it():
    """BJGP: 'Of the 90 516 patients registered ..., 34 975 were aged 40-74 years ...; however, of these, 2550 (7.3%)
    had existing CVD': 7.3% is of the 34 975, not of the 90 516 the sentence opens with."""
    text = ("Of the 90 516 patients registered at practices, 34 975 were aged 40-74 years and could be included; "
            "however, of these, 2550 (7.3%) patients had existing CVD and 7406 (21.2%) were already on treatment [1].")
    assert in_results(text, "EST302") == []
    # Still said: a count whose percentage fits neither count, with no 'of these' between.
    assert in_results("Of the 900 patients registered at practices, 250 (17.3%) had existing CVD [1].",
                      "EST302") == [("EST302", "warning")]


def test_a_count_over_its_denominator_is_read_as_that_fraction():
    """BJA: 'Of 155 patients ..., 96 (61.9%) had HRR <=12 ... compared with 433/1119 (38.7%) with NT pro-BNP
    <=300': 38.7% is 433 of 1119, not 1119 of the 155 the sentence opens with."""
    text = ("Of 155 patients with elevated NT pro-BNP, 96 (61.9%) had HRR of 12 or less compared with 433/1119 (38.7%) "
            "with NT pro-BNP of 300 or less [1].")
    assert in_results(text, "EST302") == []
    # Still said: a fraction whose percentage is wrong.
    assert in_results("Of 155 patients with elevated NT pro-BNP, 433/1119 (48.7%) had HRR of 12 or less [1].",
                      "EST302") == [("EST302", "warning")]



def test_doses_over_a_slash_are_no_count_over_its_denominator():
    """A combination's doses ('the AZL-M/CTD 20/12.5-40/25 mg group (0.5%)'), folder 30: 25 is no denominator."""
    text = ("Creatinine increase was more frequent in the 40/12.5-80/25 mg group (2.5%) than in the "
            "20/12.5\u201340/25 mg (0.5%) and OLM/HCTZ 20/12.5\u201340/25 mg (0.6%) groups [1].")
    assert in_results(text, "EST302") == []
    # Still said: a count over its denominator with a wrong percentage, a unit word elsewhere in the sentence.
    assert in_results("Creatinine rose in the 40 mg group, in 433/1119 (48.7%) patients [1].", "EST302") == [
        ("EST302", "warning")]


def test_a_table_rows_cell_before_a_count_over_its_denominator_is_not_part_of_the_count():
    """A Word thesis's table row flattened to text: '1 | 158 / 3,032 (5.2%)' (class 1, then the count) is 158 of 3,032,
    not 1 158 of it."""
    assert in_results("Class 1 158 / 3,032 (5.2%) had shock [1].", "EST302") == []
    # Still said: the same count with a wrong percentage.
    assert in_results("Class 1 158 / 3,032 (8.2%) had shock [1].", "EST302") == [("EST302", "warning")]
    # ... while a count grouped with spaces, as its denominator is, is one number (the Lancet's '10 746/19 984 (54%)')
    assert in_results("Facility births were 10 746/19 984 (54%) [1].", "EST302") == []
    assert in_results("Facility births were 10 746/19 984 (64%) [1].", "EST302") == [("EST302", "warning")]

# --- EST301: arms and the total they split ------------------------------------------------------------------

def test_arms_on_both_sides_of_of_whom_are_not_read_as_one_split():
    """BMJ Open Respir Res: '(N=4621 patients) ..., 518 (n=342) person-trials were included ..., of whom 85 and 433
    were prescribed LTRA and ICS': the (n=342) and the 433 split different counts, not the 4621."""
    text = ("Of the total 15 147 visits (N=4621 patients) in the database, 518 (n=342) person-trials were included in "
            "the final cohort, of whom 85 and 433 were prescribed LTRA and ICS at the index visit, respectively [1].")
    assert in_results(text, "EST301") == []
    # Still said: arms that do not add up to the total.
    assert in_results("Of 644 patients, 330 received VP and 284 received KP [1].", "EST301") == \
        [("EST301", "warning")]


def test_the_same_people_split_twice_in_parentheses_add_up_each_time():
    """BMJ Open: 'a total of 29 participants and a balanced sex distribution (males n = 14, females n = 15) and
    settlement area (urban n = 13, rural n = 16)': two splits of the same 29, each adding up."""
    twice = ("The focus groups had a total of 29 participants with a balanced sex distribution (males n = 14, "
             "females n = 15) and settlement area (urban n = 13, rural n = 16) [1].")
    assert in_results(twice, "EST301") == []
    # Still said: one split that does not add up.
    once = "The focus groups had a total of 29 participants (males n = 14, females n = 16) [1]."
    assert in_results(once, "EST301") == [("EST301", "warning")]


# --- EST103: a ratio's sign ---------------------------------------------------------------------------------------

_HR_TABLE = ("**Table 2** Model estimates\n\n| Models | Average HR (95% CI) |\n| --- | --- |\n"
             "| BMI percentile | 1.06 (1.01 to 1.10) |\n| {label} | \u22120.06 (\u22120.16 to 0.04) |\n\n"
             "Estimates are shown above [1].")


def test_an_interaction_s_excess_risk_row_under_a_hazard_ratio_header_is_no_ratio():
    """BMJ Open Respir Res: '| RERI ICS x BMI percentile | -0.06 (-0.16 to 0.04) |' in a table headed 'Average HR
    (95% CI)': the relative excess risk due to interaction is on the additive scale and may be negative."""
    assert codes_of(_doc(_HR_TABLE.format(label="RERI ICS \u00d7 BMI percentile")), "EST103") == []
    # Still said: a negative value in a row that is a hazard ratio.
    assert codes_of(_doc(_HR_TABLE.format(label="ICS vs LTRA")), "EST103") == [("EST103", "error")]


# --- EST101: an interval's bounds ---------------------------------------------------------------------------------

def test_a_space_inside_the_upper_bound_is_no_backwards_interval():
    """Bulletin of the WHO: 'sex (K = 0.94; 95% CI: 0.92-0. 97)': the upper bound 0.97 printed with a space after
    its point reads '0'; a typesetting slip, only a note."""
    kappa = "Reliability was high for sex (kappa = 0.94; 95% CI: 0.92\u20130. 97) [1]."
    assert in_results(kappa, "EST101") == [("EST101", "info")]
    # Still said: bounds in the wrong order.
    assert in_results("The odds were higher (OR 1.40; 95% CI: 1.92\u20131.10) [1].", "EST101") == [("EST101", "error")]


# --- REF111: an entry's year --------------------------------------------------------------------------------------

_SPIE = ("Wan BK, Qi HZ. Chromatic analysis of burn scar. In: Chance B, Chen M, editors. Optics in Health Care. "
         "Proceedings of the Society of Photo-Optical Instrumentation Engineers (Spie). {tail}")


def test_a_proceedings_volume_run_into_its_year_gives_the_year():
    """Burns & Trauma (EndNote): 'Proceedings of ... (Spie). 56302005. 538-43.' is volume 5630 of 2005; the year is
    printed, glued to the volume."""
    assert parse_entry(1, _SPIE.format(tail="56302005. 538-43."), 1).year == 2005
    assert parse_entry(1, _SPIE.format(tail="85652013."), 1).year == 2013
    refs = "1. " + _SPIE.format(tail="56302005. 538-43.")
    assert codes_of(_doc("Scars were imaged [1].", refs), "REF111") == []
    # Still said: a proceedings entry with no year at all.
    refs = "1. " + _SPIE.format(tail="5630. 538-43.")
    assert codes_of(_doc("Scars were imaged [1].", refs), "REF111") == [("REF111", "warning")]


# --- REF113: where the work was published ---------------------------------------------------------------------------

def test_a_web_address_without_its_scheme_names_the_source():
    """Burns & Trauma: 'ImageJ User Guide - IJ 1.46 2010-2012 [2nd September 2015]. imagej.nih.gov/ij/docs/guide/]'
    prints the address without 'http://' or 'www.'."""
    guide = "1. Ferreira T, Rasband W. ImageJ User Guide \u2014 IJ 1.46 2010\u20142012 [2nd September 2015]."
    assert codes_of(_doc("Images were measured [1].", guide + " imagej.nih.gov/ij/docs/guide/]."), "REF113") == []
    # Still said: the guide with no address, publisher or journal.
    refs = guide
    assert codes_of(_doc("Images were measured [1].", refs), "REF113") == [("REF113", "warning")]


def test_a_thesis_closed_by_its_university_s_graduate_school_is_only_a_note():
    """Burns & Trauma: 'Binder KW. In situ bioprinting of the skin: Wake Forest University Graduate School of Arts and
    Sciences. 2011.': the university that issued the thesis is printed, folded into what the reader took for the
    title."""
    refs = ("1. Binder KW. In situ bioprinting of the skin: Wake Forest University Graduate School of Arts and "
            "Sciences. 2011.")
    assert codes_of(_doc("Skin was printed [1].", refs), "REF113") == [("REF113", "info")]
    refs = "1. Binder KW. In situ bioprinting of the skin. 2011."
    assert codes_of(_doc("Skin was printed [1].", refs), "REF113") == [("REF113", "warning")]


# --- REF132: a malformed DOI ---------------------------------------------------------------------------------------

def test_a_malformed_doi_printed_as_text_and_as_its_address_is_said_once():
    """Bulletin of the WHO: 'doi:/S0042-96862005000500011 <http://dx.doi.org//S0042-96862005000500011>': one wrong
    DOI, printed twice."""
    refs = ("1. Cherian T. Standardized interpretation of chest radiographs. Bull World Health Organ 2005;83:353-9. "
            "doi:/S0042-96862005000500011 <http://dx.doi.org//S0042-96862005000500011>")
    assert codes_of(_doc("Films were read [1].", refs), "REF132") == [("REF132", "error")]
    # Two different malformed DOIs are both said.
    refs = ("1. Cherian T. Standardized interpretation. Bull World Health Organ 2005;83:353-9. doi:/S0042-1 "
            "<http://dx.doi.org//S0042-2>")
    assert codes_of(_doc("Films were read [1].", refs), "REF132") == [("REF132", "error"), ("REF132", "error")]


# --- an organisation that wrote the work, named again as its publisher ---------------------------------------------

def test_a_body_named_again_before_the_year_is_the_entry_s_author():
    """BJGP, BMJ Open SEM: 'Sport England. Towards an active nation. Sport England, 2016.', 'Migration Observatory.
    Migration to the UK: asylum. Oxford: University of Oxford, Migration Observatory; 2017.': the opening words come
    back as the publisher, so they are the body that wrote it, not the title."""
    e = parse_entry(1, "Sport England. Towards an active nation. Sport England, 2016.", 1)
    assert (e.organisation, e.title, e.year) == ("Sport England", "Towards an active nation", 2016)
    e = parse_entry(1, "Migration Observatory. Migration to the UK: asylum. Oxford: University of Oxford, Migration "
                       "Observatory; 2017.", 1)
    assert e.organisation == "Migration Observatory"
    # Still a title: words that do not come back ('Global action plan 2011-2020. Geneva: WHO; 2012.').
    e = parse_entry(1, "Global vaccine action plan. Geneva: World Health Organization; 2012.", 1)
    assert e.organisation is None


# --- CIT203: a body named beside a marker that cites a study ----------------------------------------------------

_ESH = ("1. Mancia G, Fagard R, Narkiewicz K, et al. 2013 ESH/ESC Guidelines for the management of arterial "
        "hypertension: the Task Force for the management of arterial hypertension of the European Society of "
        "Hypertension (ESH) and of the European Society of Cardiology (ESC). J Hypertens. 2013;31(7):1281-1357.\n"
        "2. Zhang Y, Zhang X, Liu L, et al. Is a systolic blood pressure target <140 mmHg indicated in all "
        "hypertensives? Subgroup analyses of findings from the randomized FEVER trial. Eur Heart J. "
        "2011;32(12):1500-1508.")
_TB = ("1. World Health Organization. Guidelines on the management of latent tuberculosis infection. Geneva: World "
       "Health Organization; 2015.\n"
       "2. Cobelens F, van Kampen S, Ochodo E. Research on implementation of interventions in tuberculosis control in "
       "low- and middle-income countries: a systematic review. Trop Med Int Health. 2012;17:1-9.")
_HBV = ("1. World Health Organization. Hepatitis B vaccines: WHO position paper. Wkly Epidemiol Rec. 2009;84:405-19.\n"
        "2. Goldstein ST, Zhou F, Hadler SC. A mathematical model to estimate global hepatitis B disease burden and "
        "vaccination impact. Int J Epidemiol. 2005;34:1329-39.")


def _org(sentence: str, refs: str) -> list:
    return codes_of(f"# Study\n\n## Introduction\n\nThe World Health Organization (WHO) sets policy.\n\n"
                    f"## Discussion\n\n{sentence}\n\n## References\n\n{refs}\n", "CIT203")


def test_a_marker_closing_a_word_for_evidence_cites_the_evidence():
    """BJGP: 'However, taking into account the limited available evidence [44] and the low cost ..., ESH recommends
    considering ... therapy': 44 is a trial, the evidence the body weighed; ESH's guideline is cited elsewhere."""
    assert _org("However, taking into account the limited available evidence [2] and the low cost and safety of "
                "antihypertensive agents, the European Society of Hypertension (ESH) recommends considering "
                "blood pressure-lowering therapy in this population.", _ESH) == [("CIT203", "info")]
    # Still said: the body's recommendation cited to the trial.
    assert _org("The European Society of Hypertension (ESH) recommends considering blood pressure-lowering therapy "
                "in this population [2].", _ESH) == [("CIT203", "error")]


def test_a_body_named_inside_what_reviews_concluded_is_their_subject():
    """Bulletin of the WHO: 'Recent systematic reviews concluded ... there was little evidence to guide WHO
    recommendations on ... support [40]': 40 is one of those reviews."""
    assert _org("Recent systematic reviews concluded that there was little evidence to guide WHO recommendations on "
                "the implementation of socioeconomic support in resource-constrained settings [2].", _TB) == \
        [("CIT203", "info")]
    assert _org("WHO recommendations on the implementation of socioeconomic support in resource-constrained settings "
                "are cautious [2].", _TB) == [("CIT203", "error")]


def test_a_body_s_act_that_dates_a_period_is_no_source():
    """Bulletin of the WHO: 'This is estimated to have prevented more than 80% of the ... deaths ... since WHO's
    initial recommendation in 1997 [48]': 48 is the modelling study that made the estimate."""
    assert _org("This is estimated to have prevented more than 80% of the hepatitis-B-related deaths that would "
                "otherwise have occurred worldwide since WHO\u2019s initial recommendation in 1997 [2].", _HBV) == \
        [("CIT203", "info")]
    assert _org("WHO recommended in 1997 that all countries introduce hepatitis B vaccine [2].", _HBV) == \
        [("CIT203", "error")]


# --- authors: a generation's suffix, a body closed by its country -----------------------------------------------

def test_a_suffix_between_surname_and_initials_keeps_the_author_list():
    """Brazilian J Cardiovasc Surg, PMC's rendering of <suffix>: 'Wiegmann DA, ..., Sundt 3rd TM.', 'Rahn 3rd DA, Kim
    GY', 'Bordim Jr. O': the generation sits between the surname and the initials."""
    e = parse_entry(1, "Wiegmann DA, ElBardissi AW, Daly RC, Sundt 3rd TM. Disruptions in surgical flow. Surgery. "
                       "2007;142(5):658-65.", 1)
    assert e.surnames[0] == "Wiegmann" and len(e.authors) == 4 and e.title == "Disruptions in surgical flow"
    assert parse_entry(1, "Rahn 3rd DA, Kim GY. A reporting system. Int J Radiat Oncol. 2014;90:219-26.", 1).surnames \
        == ("Rahn", "Kim")
    # Still a person with initials that look like a suffix, and one with the suffix after the initials.
    assert parse_entry(1, "Tetko IV, Kim GY. A model. J Chem. 2014;9:1-6.", 1).surnames == ("Tetko", "Kim")
    assert parse_entry(1, "Sundt TM 3rd, Kim GY. A model. J Chem. 2014;9:1-6.", 1).surnames[0] == "Sundt"


def test_a_body_closed_by_its_country_is_no_person():
    """BJGP: 'CSD Medical Research UK. THIN Data Guide for Researchers. 2011.': the company that wrote the guide,
    not a Mr Research with initials U.K.; as the guide's author it is also its issuer."""
    refs = "1. CSD Medical Research UK. THIN Data Guide for Researchers. 2011."
    assert parse_entry(1, refs[3:], 1).organisation == "CSD Medical Research UK"
    assert codes_of(_doc("Records were drawn [1].", refs), "REF113") == []
    # Still a person: a surname of two words with initials U.K. and no body's word.
    assert parse_entry(1, "Lloyd Jones UK, Smith A. A paper. BMJ. 2010;1:1-2.", 1).surnames[0] == "Lloyd Jones"


# --- markers: a negative power raised in two halves ---------------------------------------------------------------

def test_a_minus_raised_on_its_own_makes_the_next_raised_digit_its_power():
    """BJA: 'injectate 0.5 μl g<sup>−</sup><sup>1</sup>': the minus and the 1 of g⁻¹ in two superscripts; the 1 is
    no citation of reference 1."""
    assert markers_in("with saline (injectate 0.5 \u03bcl g<sup>\u2212</sup><sup>1</sup>) and morphine<sup>16</sup>.") \
        == ["16"]
    # Still a citation: a raised number after a word.
    assert markers_in("Injections were performed as described<sup>1</sup>.") == ["1"]


def test_a_range_raised_in_pieces_stays_a_range():
    """Brazilian J Cardiovasc Surg: '<sup>[</sup><sup>14</sup><sup>-</sup><sup>17</sup><sup>]</sup>': each piece of the
    range raised on its own; the hyphen after a raised number joins a range, it is no minus of a power."""
    assert "17" in markers_in("in cardiovascular patients<sup>[</sup><sup>14</sup><sup>-</sup><sup>17</sup>"
                              "<sup>]</sup>. Other factors matter.")[0]
    assert "17" in markers_in("in cardiovascular patients<sup>[</sup><sup>14</sup><sup>\u2212</sup><sup>17</sup>"
                              "<sup>]</sup>. Other factors matter.")[0]
