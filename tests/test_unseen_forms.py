"""Forms met in a corpus of articles kb was not tuned to (corpus5: Thieme, Internal Medicine, mBio, NAR,
PMC's OAI-PMH records, Scientific Reports, PNAS). Each form has a positive and a clean case."""
from __future__ import annotations

import pytest

from kb.errors import KbError
from kb.estimates.find import find_estimates
from kb.importers.jats import convert, ground_truth
from kb.read.authors import read_authors
from kb.read.markers import expand, scan_line


def numbers(line):
    return [expand(r.inner).numbers for r in scan_line(line)[0]]


# ---- raised numbers set apart by pretty-printed XML --------------------------------------------------

@pytest.mark.parametrize("line", [
    "significant at *p* < 5.0 \u00d7 10 <sup>\u22128</sup> . The SNPs",  # a signed power after a spaced base
    "independent ( *r* <sup>2</sup> < 0.001 within a window)",  # an italic symbol, then a space
    "Note: F-statistic = (Beta/SE) <sup>2</sup> , represents",  # a bracketed ratio, then a space
    "| **WBC \u00d7 10** **<sup>9</sup>** **/L : Mean** | 4.2 |",  # a bold base of ten in a table
    "by reverse transcriptase PCR (qRT<sup>2</sup>-PCR) analysis",  # part of a hyphenated term
])
def test_spaced_powers_and_terms_are_not_markers(line):
    assert numbers(line) == []


@pytest.mark.parametrize("line, expected", [
    ("a risk factor for both. <sup>22</sup> <sup>23</sup> Next", [(22, 23)]),
    ("between 2005 and 2010 <sup>5</sup> the rate", [(5,)]),
    ("in the trials (n = 30) <sup>5</sup> and", [(5,)]),
    ("the *r* value <sup>4</sup> was", [(4,)]),
    ("a sample of 10 <sup>6</sup> patients", [(6,)]),  # ten with no multiplication sign is a count
    ("the confidence interval (CI) <sup>7</sup> and", [(7,)]),  # words in the parentheses, then a space
    ("responses in 84% of patients (21/25) <sup>37</sup>. Another", [(37,)]),  # a count, not a formula
])
def test_spaced_citations_stay_markers(line, expected):
    assert numbers(line) == expected


# ---- authors with spaced initials (Thieme) --------------------------------------------------------------

def test_spaced_initials_belong_to_the_name_not_the_surname():
    read = read_authors("Kahn S R, Bairey Merz C N, Smith J.")
    assert read.surnames[:3] == ("Kahn", "Bairey Merz", "Smith")


def test_unspaced_and_two_word_surnames_read_as_before():
    assert read_authors("Kahn SR, Bairey Merz CN, Le K.").surnames[:3] == ("Kahn", "Bairey Merz", "Le")


# ---- JATS as Thieme, mBio and PMC's OAI-PMH service store it -----------------------------------------

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Journal of Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Forms</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
"""
PARTS = ('<ref id="R1"><label>1</label><mixed-citation publication-type="journal"><person-group>'
         '<name><surname>Khan</surname><given-names>F</given-names></name><name><surname>Kahn</surname>'
         '<given-names>S R</given-names></name></person-group><article-title>Venous thromboembolism'
         '</article-title><source>Lancet</source><year>2021</year><volume>398</volume>(10294):<fpage>64'
         '</fpage><lpage>77</lpage></mixed-citation></ref>')
TYPESET = ('<ref id="R2"><label>2</label><mixed-citation><person-group><name><surname>Heit</surname>'
           '<given-names>JA</given-names></name></person-group>. <article-title>Epidemiology</article-title>. '
           '<source>Nat Rev Cardiol</source> <year>2015</year>;<volume>12</volume>:<fpage>464</fpage>.'
           '</mixed-citation></ref>')
REFS = PARTS + TYPESET + "".join(f'<ref id="R{n}"><label>{n}</label><mixed-citation>Author{n} A. Title {n}. '
                                 f'J Tests. 20{n:02d};1:{n}.</mixed-citation></ref>' for n in range(3, 8))


def _article(body: str) -> str:
    return HEAD + body + f"</sec></body><back><ref-list>{REFS}</ref-list></back></article>\n"


def _entry(text: str, number: int) -> str:
    return next(line for line in convert(text.encode(), "x.xml").markdown.split("\n")
                if line.startswith(f"{number}. "))


def test_bare_parts_with_one_stray_text_are_printed_in_the_journal_style():
    """Thieme: parts side by side, only the issue's '(10294):' left as text between them."""
    text = _article('<p>Clots form [<xref ref-type="bibr" rid="R1">1</xref>].</p>')
    assert _entry(text, 1) == "1. Khan F, Kahn S R. Venous thromboembolism. Lancet. 2021;398:64\u201377."


def test_a_typeset_entry_keeps_its_own_punctuation():
    text = _article('<p>Clots form [<xref ref-type="bibr" rid="R2">2</xref>].</p>')
    assert _entry(text, 2) == "2. Heit JA. Epidemiology. Nat Rev Cardiol 2015;12:464."


def test_a_dash_linked_to_the_middle_entry_is_a_range_in_the_ground_truth():
    """mBio links the dash of '(5 \u2013 7)' to entry 6: the marker cites 5, 6 and 7."""
    dashed = _article('<p>Proteins (<xref ref-type="bibr" rid="R3">3</xref> <xref ref-type="bibr" rid="R4">'
                      '\u2013</xref> <xref ref-type="bibr" rid="R6">6</xref>) and cells (<xref ref-type="bibr" '
                      'rid="R7">7</xref>).</p>')
    assert [m.numbers for m in ground_truth(dashed.encode()).markers] == [(3, 4, 5, 6), (7,)]
    listed = dashed.replace('<xref ref-type="bibr" rid="R4">\u2013</xref>', ',')
    assert [m.numbers for m in ground_truth(listed.encode()).markers] == [(3, 6), (7,)]


OAI = ('<?xml version="1.0" encoding="UTF-8"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
       '<GetRecord><record><metadata>{}</metadata></record></GetRecord></OAI-PMH>')


def test_an_oai_pmh_record_is_read_as_the_article_it_carries():
    article = _article('<p>Clots form [<xref ref-type="bibr" rid="R3">3</xref>].</p>').split("?>", 1)[1]
    wrapped = OAI.format(article.replace("<article>", '<article xmlns="https://jats.nlm.nih.gov/ns/archiving/1.3/">'))
    assert "Clots form [3]." in convert(wrapped.encode(), "x.xml").markdown
    assert [m.numbers for m in ground_truth(wrapped.encode()).markers] == [(3,)]


def test_an_oai_pmh_answer_without_one_article_is_refused():
    with pytest.raises(KbError, match="OAI-PMH record holding 0 JATS articles"):
        convert(OAI.format("").encode(), "x.xml")


# ---- p-values printed in scientific notation -------------------------------------------------------------

def test_a_p_value_in_scientific_notation_is_read_whole():
    found = find_estimates("an odds ratio of 0.44 (95% CI 0.29\u20130.67; p = 1.4 \u00d7 10 \u22124).")
    assert [(f.value, f.p) for f in found] == [("0.44", "0.00014")]
    attached = find_estimates("(OR 0.5, 95% CI 0.3\u20130.8; p < 2\u00d710-4).")
    assert [f.p for f in attached] == ["<0.0002"]


def test_a_p_value_in_e_notation_is_read_whole():
    assert [f.p for f in find_estimates("(OR 0.5, 95% CI 0.3\u20130.8; p = 2.1e-5).")] == ["0.000021"]
    assert [f.p for f in find_estimates("(OR 0.5, 95% CI 0.3\u20130.8; p = 0.04 e.g. in men).")] == ["0.04"]


def test_a_plain_p_value_reads_as_before():
    assert [f.p for f in find_estimates("(OR 0.5, 95% CI 0.3\u20130.8; p = 0.013).")] == ["0.013"]


# ---- raised lists after a parenthesised percentage; Japanese year-last entries; groups after 'et al.;' ----

@pytest.mark.parametrize("line, expected", [
    ("higher than H5N1 (52.8%) and H7N9 (39.1%)<sup>5,6</sup>. The", [(5, 6)]),
    ("the fatality rate (56.3%)<sup>4</sup> and", [(4,)]),
])
def test_a_raised_list_or_a_number_after_a_percentage_cites(line, expected):
    assert numbers(line) == expected


def test_a_power_of_a_parenthesised_formula_stays_a_power():
    assert numbers("the mass (x+1)<sup>2</sup> and the cell | 12 (4.5)<sup>2</sup> |") == []


def _entry_facts(text):
    from kb.read.reference_list import parse_entry
    e = parse_entry(1, text, 1)
    return e.surnames[:1], e.organisation, e.source, e.year, e.volume, e.pages


def test_the_year_printed_last_is_the_year():
    assert _entry_facts("Whelton PK, Carey RM, et al. 2017 ACC/AHA guideline for high blood pressure. "
                        "Hypertension 71: e13-e115, 2018.") == (("Whelton",), None, "Hypertension", 2018, "71",
                                                                 "e13-e115")


def test_a_vancouver_entry_reads_as_before():
    assert _entry_facts("Rizzo AC, Ulivi M. A case of Miller Fisher syndrome. Muscle Nerve. 2017;55:E15-E16.") \
        == (("Rizzo",), None, "Muscle Nerve", 2017, "55", "E15-E16")


@pytest.mark.parametrize("text, first, group", [
    ("Kinoshita M, Yokote K, et al.; Committee for Epidemiology and Clinical Management of Atherosclerosis. "
     "Guidelines 2017. J Atheroscler Thromb 25: 846-984, 2018.", "Kinoshita",
     "Committee for Epidemiology and Clinical Management of Atherosclerosis"),
    ("Solomon T, Smith PE, et al.; the National Encephalitis Guidelines Development and Stakeholder Groups. "
     "Management of encephalitis. J Infect 64: 347-373, 2012.", "Solomon",
     "the National Encephalitis Guidelines Development and Stakeholder Groups"),
    ("Rasoul S, de Boer MJ, van't Hof AW, Zwolle myocardial infection study group. Impact of diabetes. "
     "Eur J Intern Med 22: 89-92, 2011.", "Rasoul", "Zwolle myocardial infection study group"),
])
def test_a_group_after_the_people_keeps_the_people(text, first, group):
    surnames, organisation, *_ = _entry_facts(text)
    assert surnames == (first,) and organisation == group


def test_a_list_of_people_only_has_no_group():
    surnames, organisation, *_ = _entry_facts("Rasoul S, de Boer MJ, van't Hof AW. Impact of diabetes. "
                                              "Eur J Intern Med. 2011;22:89-92.")
    assert surnames == ("Rasoul",) and organisation is None


def test_an_expert_consultation_is_an_organisation():
    assert _entry_facts("WHO Expert Consultation. Appropriate body-mass index for Asian populations. "
                        "Lancet 363: 157-163, 2004.")[1:4] == ("WHO Expert Consultation", "Lancet", 2004)


# ---- PNAS: citations by the word "ref." ------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("(see ref. 13 for review). Next", [(13,)]),
    ("as in other studies; ref. 29). Finally", [(29,)]),
    ("(see refs. 38\u201343 for estimates)", [tuple(range(38, 44))]),
    ("(refs. 4 and 5)", [(4, 5)]),
])
def test_a_citation_by_the_word_ref_is_a_marker(line, expected):
    assert numbers(line) == expected


@pytest.mark.parametrize("line", ["the reference 12 was", "a pref. 3 and", "see ref. 1.2 in the table"])
def test_words_like_ref_without_a_citation_are_not_markers(line):
    assert numbers(line) == []


def test_ref_word_markers_leave_a_parenthesis_document_its_style():
    from kb.read.parse_policy import parse_policy
    refs = "\n".join(f"{n}. Author{n} A. Title {n}. J Tests. 2001;1:{n}." for n in range(1, 7))
    text = (f"# T\n\n## Evidence\n\nCells vary (1). Genes differ (2, 3). Mice live (4). Rats too (5) "
            f"(see ref. 6 for review).\n\n## References\n\n{refs}\n")
    assert [m.numbers for m in parse_policy(text).markers] == [(1,), (2, 3), (4,), (5,), (6,)]


def test_pages_then_a_publisher_in_parentheses_name_the_publisher():
    assert _entry_facts("Agarwal S (2013) Data mining: concepts and techniques, 203\u2013207 (IEEE)")[2:4] == \
        ("IEEE", 2013)
    assert _entry_facts("Smith A (2001) Title, with a comma (in mice). J Tests 12: 1-5.")[2:4] == ("J Tests", 2001)


# ---- Springer Nature: "Surname, I. & Surname, I. Title. *J*. **7** (2017)." ------------------------------------

@pytest.mark.parametrize("text, surnames, title_start, year", [
    ("Taylor, S. C., Laperriere, G. & Germain, H. Droplet Digital PCR versus qPCR. *Sci*. *Rep*. **7** (2017).",
     ("Taylor", "Laperriere", "Germain"), "Droplet Digital PCR", 2017),
    ("Smith, J. et al. Title of the work. *Nature* **500**, 1-5 (2013).", ("Smith",), "Title of the work", 2013),
])
def test_nature_style_entries_read_their_authors_and_title(text, surnames, title_start, year):
    from kb.read.reference_list import parse_entry
    e = parse_entry(1, text, 1)
    assert (e.surnames, e.organisation, e.year) == (surnames, None, year) and e.title.startswith(title_start)


def test_an_organisation_before_a_year_in_parentheses_stays_an_organisation():
    assert _entry_facts("World Health Organization. Report on widgets (2019).")[:2] == ((), "World Health Organization")


def test_a_raised_list_after_a_name_ending_in_a_digit_cites():
    assert numbers("in H5N1 and H7N9<sup>13,14</sup>. So far") == [(13, 14)]
    assert numbers("a density of 10<sup>6</sup> cells and H7N9<sup>2</sup>") == []


# ---- OUP's glued string-names; the year printed last after a title holding a year ---------------------------

GLUED = ('<ref id="R2"><label>2</label><mixed-citation><person-group><string-name><surname>Sayers</surname> '
         '<given-names>E.W.</given-names></string-name>, <string-name><surname>Clark</surname><given-names>K.'
         '</given-names></string-name></person-group> GenBank 2024 update. <source>Nucleic Acids Res.</source> '
         '<year>2023</year>; <volume>52</volume>:<fpage>D134</fpage>.</mixed-citation></ref>')


def test_a_name_whose_parts_touch_is_printed_with_a_space():
    text = _article('<p>Genes [<xref ref-type="bibr" rid="R2">2</xref>].</p>').replace(TYPESET, GLUED)
    assert _entry(text, 2) == "2. Sayers E.W., Clark K. GenBank 2024 update. Nucleic Acids Res. 2023; 52:D134."


def test_a_name_spaced_in_the_xml_keeps_its_order():
    spaced = GLUED.replace("<string-name><surname>Clark</surname><given-names>K.</given-names></string-name>",
                           "<string-name><given-names>K.</given-names> <surname>Clark</surname></string-name>")
    text = _article('<p>Genes [<xref ref-type="bibr" rid="R2">2</xref>].</p>').replace(TYPESET, spaced)
    assert _entry(text, 2).startswith("2. Sayers E.W., K. Clark GenBank")


def test_the_year_ending_an_entry_beats_a_year_in_its_title():
    assert _entry_facts("Sayers EW, Clark K. GenBank 2024 update. Nucleic Acids Res. 2023.")[3] == 2023
    assert _entry_facts("Smith A. Widgets from 2010 to 2015. Report of the widget office.")[3] == 2010


def test_a_name_printed_given_name_first_inside_a_list_of_surnames_and_initials_is_a_name():
    found = read_authors("Das P, Samuels S, Desjeux P, Atul Mittal, Roshan Topno, Niyamat Ali Siddiqui, et al")
    assert found.surnames == ("Das", "Samuels", "Desjeux", "Mittal", "Topno", "Siddiqui") and found.et_al
    # not before two sure names, not the last piece before the list's end, never a title's quoted words
    assert read_authors("Das P, Atul Mittal, Roshan Topno") is None
    assert read_authors("Stevens PE, Levin A, Kidney Disease") is None
    assert read_authors("Jophlin L. L., Singal A. K., et al., \u201cACG Clinical Guideline") is None


def test_a_list_ending_in_an_initiative_or_a_college_keeps_it_as_its_group():
    found = read_authors("Quanjer PH, Stocks J, Cole TJ, Hall GL, Stanojevic S; Global Lungs Initiative")
    assert found.surnames[0] == "Quanjer" and found.group == "Global Lungs Initiative"
    found = read_authors("Warren J, Fromm RE Jr., Orr RA, American College of Critical Care M")
    assert found.surnames == ("Warren", "Fromm", "Orr") and found.group.startswith("American College")


def _parsed(raw: str):
    from kb.read.reference_list import parse_entry
    return parse_entry(1, raw, 1)


def test_wiley_names_before_a_quoted_title_are_authors_and_the_year_comes_after_the_title():
    e = _parsed("Krupsky K. L., Sliwa S., Seligman H., et al., \u201cAdolescent Health Risk Behaviors: Analysis of 10 "
               "States From the 2019 Youth Risk Behavior Surveys,\u201d Journal of Hunger & Environmental Nutrition "
               "19 (2024): 523\u2013539.")
    assert (e.first_author, e.year, e.source) == ("Krupsky", 2024, "Journal of Hunger & Environmental Nutrition")
    assert e.title.startswith("Adolescent Health Risk Behaviors") and e.organisation is None


@pytest.mark.parametrize("raw, first, year", [
    ("Parameswaran S, Balasubramanian S, Babai N, et al., Nucleic acid reprogramming. PLoS One. 2012;7:e1.",
     "Parameswaran", 2012),  # "et al.," ends the list
    ("Needham J, McMurray A, Shaban RZ, 2016. Best practice in facilitation. Nurse Educ Pract. 2016 Sep; 20:131-8.",
     "Needham", 2016),  # the year after the names
    ("Sallis, JF, Cervero RB, Ascher W. An ecological approach. Annu Rev Public Health. 2006;27:297-322.",
     "Sallis", 2006),  # a stray comma before bare initials
    ("Swami V, Campana ANNB, Tavares MCGCF. The Acceptance of Cosmetic Surgery Scale. Body Image. 2011;8:1-9.",
     "Swami", 2011),  # five initials
])
def test_vancouver_lists_printed_loosely_keep_their_first_author(raw, first, year):
    e = _parsed(raw)
    assert (e.first_author, e.year) == (first, year)


def test_dotted_initials_with_a_particles_small_letters_are_initials():
    found = read_authors("Luiz M.T., de Melo S.M.G., Emery F.d.S., Deemter L.v., Ascencio-Montiel I.d.J.")
    assert found.surnames == ("Luiz", "de Melo", "Emery", "Deemter", "Ascencio-Montiel")


@pytest.mark.parametrize("raw, organisation", [
    ("Bolt Biotherapeutics Inc. Bolt Biotherapeutics reports first quarter results. 2025.", "Bolt Biotherapeutics Inc"),
    ("National Toxicology Program. 2021. Aflatoxins. In: 15th Report on Carcinogens. 2021.",
     "National Toxicology Program"),
    ("U.S. Bureau of the Census. HIV/AIDS Surveillance Database. Washington, DC: Population Division; 1999.",
     "U.S. Bureau of the Census"),
])
def test_programmes_bureaus_and_companies_author_entries(raw, organisation):
    assert _parsed(raw).organisation == organisation


def test_a_programme_named_after_the_people_is_their_group_but_a_title_word_is_not():
    e = _parsed("Richardson J., Anderson K., and Schweitzer H., Virginia Mental Health Access Program (VMAP): "
                "Addressing the Crisis (Virginia Mental Health Access Program (VMAP), 2023).")
    assert (e.first_author, e.organisation) == ("Richardson", "Virginia Mental Health Access Program (VMAP)")
    assert read_authors("Foresto RD, Pestana JOM, Silva HT, Jr Brasil: the leading transplant program") is None


def test_a_company_is_not_a_surname_with_initials():
    e = _parsed("SCRI Development Innovations, LLC. Randomized trial of erlotinib. In: ClinicalTrials.gov. 2013.")
    assert e.first_author is None


def test_a_body_or_database_named_alone_after_a_title_is_its_source():
    assert _parsed("Determination of Hydrogen Cyanide in Tobacco Smoke. Health Canada. 1999.").source == "Health Canada"
    assert _parsed("Hydrogen cyanide. Toxbase\u00ae. 2000.").source == "Toxbase\u00ae"
    # a lone word after the title is not a body, nor is a second sentence of the title
    assert _parsed("Practice guideline for vertebral augmentation. Revised. 2014.").source is None
    assert _parsed("Widgets and gadgets. A review of the field. 2014.").source is None


def test_citations_closed_by_a_parenthesis_are_raised_as_the_journal_prints_them():
    """Korean and Japanese journals: 'repair.1-3)' and '4)5)' set raised, tagged with the ')' inside the xref."""
    cite = '<xref ref-type="bibr" rid="R{n}">{text}</xref>'
    body = ("<p>Repair is safe." + cite.format(n=3, text="1") + "-" + cite.format(n=5, text="3)")
            + " Mortality is low." + cite.format(n=6, text="4)") + cite.format(n=7, text="5)")
            + " Both agree." + cite.format(n=4, text="2)") + cite.format(n=6, text="4)") + "</p>")
    markdown = convert(_article(body).encode(), "x.xml").markdown
    assert "safe.<sup>1</sup>-<sup>3)</sup> Mortality" in markdown and "low.<sup>4)</sup><sup>5)</sup>" in markdown
    found, _ = scan_line(next(line for line in markdown.split("\n") if "safe." in line))
    assert [list(expand(m.inner).numbers) for m in found] == [[1, 2, 3], [4, 5], [2, 4]]
    # one ')' caught inside an xref of an article that cites in parentheses stays as printed
    plain = "<p>Repair is safe (" + cite.format(n=3, text="1") + ", " + cite.format(n=5, text="3)") + ".</p>"
    assert "safe (1, 3)." in convert(_article(plain).encode(), "x.xml").markdown
