"""Forms met in corpus 24 (60 reports of trials and other clinical studies from 60 journals other than PLOS, one a
journal, none met by an earlier folder, read first as they came). Each form has a positive and a clean case; the
texts are made here."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, first_entry, in_results, markers_in

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Pain Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Parts</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
<p>Abuse was tested before [<xref ref-type="bibr" rid="B1">1</xref>,<xref ref-type="bibr" rid="B2">2</xref>].</p>
</sec></body><back><ref-list>
<ref id="B1"><label>1</label>{cit}</ref>
<ref id="B2"><label>2</label><mixed-citation>Lima C. Costs. Pain Med. 2002;4:10-19.</mixed-citation></ref>
</ref-list></back></article>
"""


def _first_entry(cit: str) -> str:
    return first_entry(_HEAD, cit)


def _parts(*inner: str) -> str:
    return ('<element-citation publication-type="confproc"><person-group person-group-type="author"><name><surname>'
            'Okafor</surname><given-names>R</given-names></name></person-group><article-title>Extraction of morphine '
            'in solvents</article-title>' + "".join(inner) + "</element-citation>")


def test_a_conference_paper_given_as_parts_prints_its_meeting_place_and_date():
    """<conf-name>, <conf-date>, <conf-loc> (no <source>, often no <year>): they are where it was published."""
    entry = _first_entry(_parts("<conf-name>Annual Meeting of the Pain Society</conf-name><conf-date>April 2014"
                                "</conf-date><conf-loc>Tampa, FL</conf-loc>"))
    assert entry == ("1. Okafor R. Extraction of morphine in solvents. Annual Meeting of the Pain Society; April 2014; "
                     "Tampa, FL.")
    reference = parse_policy(f"# T\n\n## A\n\nText [1].\n\n## References\n\n{entry}\n", "f.md").references[0]
    assert reference.year == 2014 and reference.source
    # Clean: a journal article given as parts prints as before.
    assert _first_entry(_parts("<source>Pain Med</source><year>2014</year><volume>3</volume><fpage>1</fpage>"
                               "<lpage>9</lpage>")) == "1. Okafor R. Extraction of morphine in solvents. Pain Med. 2014;3:1\u20139."


def test_words_in_italics_among_the_parts_are_printed():
    """'<italic>Manuscript in preparation</italic> <year>2012</year>': the entry says it is unpublished."""
    entry = _first_entry(_parts(" <italic>Manuscript in preparation</italic> <year>2012</year>"))
    assert entry == "1. Okafor R. Extraction of morphine in solvents. Manuscript in preparation. 2012."
    # Clean: a lone italic letter or number is no statement and is not printed.
    assert _first_entry(_parts(" <italic>a</italic> <year>2012</year>")) == \
        "1. Okafor R. Extraction of morphine in solvents. 2012."


_LIST = "\n".join(f"{i}. {name} A. A study of sleep number {i}. *Sleep*. 20{10 + i};1:{i}-5."
                  for i, name in enumerate(("Hartwig", "Verma", "Trehel", "Ocampo"), 1))


def _uncited(body: str):
    text = (f"# Discipline\n\n## Results\n\nParents improved [1,2] and children slept [3]. {body}\n\n"
            "## Supplementary material\n\nSupplementary material is available at the journal online.\n\n"
            f"## References\n\n{_LIST}\n")
    return codes_of(text, "CIT104")


def test_a_supplementary_table_the_text_names_may_cite_an_uncited_entry():
    """The supplement's section only says it is online; the text names '(Supplementary Table 5b)'."""
    assert _uncited("Few saw a doctor (Supplementary Table 5b).") == [("CIT104", "info")]
    # Clean: a supplement the text names nowhere leaves the entry uncited, a warning.
    assert _uncited("Few saw a doctor (Table 2).") == [("CIT104", "warning")]


def test_a_raised_number_after_a_value_stated_in_words_cites():
    """'small (*d* = 0.15 or less)<sup>39</sup>': a value, not a formula raised to a power."""
    assert markers_in("The effects were small (*d* = 0.15 or less)<sup>39</sup> which is less.") == ["39"]
    # Clean: a relation or a formula in brackets stays a base ('(x = 2)<sup>3</sup>', '(x + 1)<sup>2</sup>').
    assert markers_in("The base (x = 2)<sup>3</sup> and (x + 1)<sup>2</sup> were set.") == []


def test_a_raised_number_with_the_page_it_cites_is_a_marker():
    """AMA prints the page inside the raised marker: 'expectations.\u201d<sup>60(p894)</sup>'."""
    assert markers_in("and expectations.\u201d<sup>60(p894)</sup> Patient-centered care<sup>12(pp3-4)</sup> "
                      "grew.") == ["60", "12"]
    # Clean: a derivative's order in brackets is no citation.
    assert markers_in("The second derivative f<sup>(2)</sup> was zero.") == []


def test_a_centres_count_before_its_investigators_names_is_no_marker():
    """A trial's centres: 'Royal Perth Hospital [21] (MA Goodman, GJ Hankey)': 21 patients, not reference 21."""
    assert markers_in("*Australia*\u2014Royal Perth Hospital [21] (MA Goodman, GJ Hankey, MS Khangure); Sevilla "
                      "[16] (F Boza, JL Garcia Rodr\u00edguez); Ottawa [2] (C E Pringle, D M Richard).") == []
    # Clean: a marker before a bracket of other things still cites.
    assert markers_in("As shown before [21] (MA Goodman, personal communication), and in a trial [3] (Table 2).") == [
        "21", "3"]


def test_two_values_each_with_its_spread_joined_by_and_are_no_markers():
    """'reported mean (SD) values ... of 93 (26) and 115 (38) ng/ml, ... of 1,105 (475) and 1,240 (444)'."""
    assert markers_in("Elmes et al. (19) reported mean (SD) values in men and women of 93 (26) and 115 (38) ng/ml, "
                      "and 1,105 (475) and 1,240 (444) ng h/ml.") == ["19"]
    # Clean: with nothing saying the brackets hold a spread, they cite.
    assert markers_in("Levels rose in 93 (26) and 115 (28) trials.") == ["26", "28"]


def test_a_percentage_after_n_out_of_m_is_of_m():
    """'Of the 28 patients ..., 6 out of 16 patients (37%) who were examined were fused': 6 of 16, not 16 of 28."""
    assert in_results("Of the 28 patients operated on, 6 out of 16 patients (37%) who were examined were fused.",
                      "EST302") == []
    # Positive: a percentage that fits neither.
    assert in_results("Of the 28 patients operated on, 6 out of 16 patients (57%) who were examined were fused.",
                      "EST302") == [("EST302", "warning")]


def test_a_percentage_after_a_flow_is_of_its_later_stage():
    """'Of 1712 subjects screened, 1041 were randomized and 1040 were exposed ...; 147 subjects (14.1%) withdrew'."""
    flow = "Of 1712 subjects screened, 1041 were randomized and 1040 were exposed to trial drugs; 147 subjects ({}%) withdrew."
    assert in_results(flow.format("14.1"), "EST302") == []
    assert in_results(flow.format("24.1"), "EST302") == [("EST302", "warning")]
    # Clean: with no screening stage, the total printed first is the denominator still.
    assert in_results("Of 90 patients, 16 patients (37%) were fused.", "EST302") == [("EST302", "warning")]


def test_the_last_reason_spelled_out_completes_the_total():
    """'8 patients did not have ... because they died (n = 4), or because follow up was interrupted (n = 2) and two
    for technical reasons'."""
    text = ("In the remaining 110 patients, 8 patients were not measured either because they died before (n = 4), or "
            "because follow up was interrupted (n = 2) and {} for technical reasons.")
    assert in_results(text.format("two"), "EST301") == []
    assert in_results(text.format("one"), "EST301") == [("EST301", "warning")]


def test_a_count_including_others_after_an_arm_is_part_of_that_arm():
    """'the first 16 participants (of whom 8 were on arimoclomol, including 1 who was excluded)'."""
    assert in_results("After enrollment of the first 16 participants (of whom 8 were on arimoclomol, including 1 who "
                      "was subsequently excluded), the dose was raised.", "EST301") == []
    # Clean: 'including' opening the arms still opens a split that must add up.
    assert in_results("A total of 640 patients, including 320 who received X and 300 who received Y, were seen.",
                      "EST301") == [("EST301", "warning")]


_SD_ROW = """# Trial

## Results

| Outcome | A | B | Difference |
| --- | --- | --- | --- |
| Mean | -0.8 | -0.9 | 0.1 |
| {label} (95% CI) | 2.4 (-1.4, -0.2) | 2.3 (-1.4, -0.3) | (-0.7, 0.9) |

## References

1. Smith A. A trial. *J Med*. 2001;1:1-5.
"""


def test_a_row_of_sds_with_the_means_intervals_holds_no_estimate():
    """'| SD (95% CI) | 2.4 (−1.4, −0.2) |': the SD, then the interval of the mean printed in the row above."""
    assert codes_of(_SD_ROW.format(label="SD"), "EST102") == []
    # Positive: a row of means with intervals that leave them out.
    assert codes_of(_SD_ROW.format(label="Mean"), "EST102") == [("EST102", "error"), ("EST102", "error")]


def test_an_although_clause_goes_on_past_the_commas_of_its_list():
    """'Although FSH, LH, E2, and P were significantly higher ..., the IR was not statistically different [OR 1.2
    (95% CI 0.9–1.7)]': 'significantly' is the list's, in the subordinate clause."""
    assert in_results("Although FSH, LH, E2, and P were significantly higher in the study group, the IR was not "
                      "statistically different between groups [OR 1.2 (95% CI 0.9\u20131.7)].", "EST201") == []
    # Positive: the main clause's own 'significantly' after such a list still governs its result.
    assert in_results("Although FSH, LH, E2, and P were not different, the IR was significantly higher [OR 1.2 (95% "
                      "CI 0.9\u20131.7)].", "EST201") == [("EST201", "error")]


def _entry(raw: str):
    return parse_policy(f"# T\n\n## A\n\nText [1].\n\n## References\n\n1. {raw}\n", "f.md").references[0]


def test_a_year_after_a_publisher_and_a_colon_is_the_year():
    """'Rochester, NY: University of Rochester Press: 2002 p. 65-86': a colon where the semicolon belongs."""
    assert _entry("Sheldon KM. Goal striving. In: Sheldon KM, editor. Handbook of research. Rochester, NY: "
                  "University of Rochester Press: 2002 p. 65\u201386").year == 2002
    # Clean: a journal's volume before a colon stays a volume.
    assert _entry("Smith A. A trial. Lecture Notes Press 2093: 1-10.").year is None


def _pair(first: str, second: str):
    text = (f"# Malaria\n\n## Background\n\nPolicies differ by region [1,2].\n\n## References\n\n"
            f"1. World Health Organization. Country antimalarial drug policies: by region. Geneva: WHO; 2012. {first}\n"
            f"2. World Health Organization. Country antimalarial drug policies: by region. Geneva: WHO; 2012. {second}\n")
    return codes_of(text, "REF134")


def test_two_pages_of_one_site_at_different_addresses_are_two_entries():
    """One title for two regions' pages ('.../by_region_wpro/' and '.../by_region_searo/')."""
    assert _pair("http://www.who.example/malaria/by_region_wpro/en/", "http://www.who.example/malaria/by_region_searo/en/"
                 ) == []
    # Positive: the same page at the same address is one entry listed twice.
    assert _pair("http://www.who.example/malaria/by_region_wpro/en/", "https://who.example/malaria/by_region_wpro/en"
                 ) == [("REF134", "warning")]


_SPINE = """# Surgery for spinal cord injury

## Methods

Patients were graded by the American Spinal Injury Association (ASIA) Impairment Scale. {sentence} Standards were
set [2].

## References

1. Rahimi V, Saadat S. The efficacy of early surgical decompression: a randomized controlled trial. *Trials*. 2009;10:77.
2. Kirshblum SC, Waring W. International standards for neurological classification of spinal cord injury. *J Spinal
Cord Med*. 2011;34:535-46.
"""


def test_a_body_s_scale_considered_in_the_passive_is_not_the_body_speaking():
    """'In our study protocol, a 5-point gain in summed ASIA motor score was considered significant [1]'."""
    assert codes_of(_SPINE.format(sentence="In our study protocol, a 5-point or greater improvement in summed ASIA "
                                           "motor score was considered significant [1]."), "CIT203") == []
    # Positive: the body itself considering it, cited to someone's trial.
    assert codes_of(_SPINE.format(sentence="The ASIA considered a 5-point or greater improvement in summed motor "
                                           "score significant [1]."), "CIT203") == [("CIT203", "error")]


def test_a_body_in_two_parts_heads_a_nature_entry():
    """'ACMG, Board of Directors. Clinical utility ... of the American College ... *Genet. Med.* **17**, 505-507
    (2015).': read as a person and a group, the names ran to the year and the title was lost."""
    entry = _entry("ACMG, Board of Directors. Clinical utility of genetic services: a position statement of the "
                   "American College of Genetics. *Genet. Med.* **17**, 505\u2013507 (2015).")
    assert (entry.organisation, entry.first_author, entry.year) == ("ACMG, Board of Directors", None, 2015)
    assert entry.title == "Clinical utility of genetic services: a position statement of the American College of Genetics"
    # Clean: names with initials stay people.
    entry = _entry("Board, K. & Smith, J. Clinical utility of genetic services. *Genet. Med.* **17**, 505\u2013507 "
                   "(2015).")
    assert entry.first_author == "Board" and entry.title == "Clinical utility of genetic services"


def _report(tail: str):
    return codes_of(f"# T\n\n## A\n\nText [1].\n\n## References\n\n1. Center for Health Statistics and Quality. "
                    f"*Behavioral Health Trends in the United States*. {tail}\n", "REF112")


def test_a_report_number_where_an_issue_stands_keeps_the_body_s_own_report():
    """'*Behavioral Health Trends ...*. 2015;(HHS Publication No. SMA 15-4927, NSDUH Series H-50).': its title."""
    assert _report("2015;(HHS Publication No. SMA 15\u20134927, NSDUH Series H\u201350).") == []
    # Positive: a real issue number makes the italics a journal, and the title is missing.
    assert _report("2015;(4):505-7.") == [("REF112", "warning")]


def test_a_raised_number_after_a_relation_in_words_or_a_dose_cites():
    """'(mini mental status examination score <24)<sup>20</sup>', 'granisetron (40 μg/kg)<sup>10</sup>'."""
    assert markers_in("a deficit (mini mental status examination score <24)<sup>20</sup> that could interfere; "
                      "granisetron (40 \u03bcg/kg)<sup>10</sup> showed") == ["20", "10"]
    # Clean: a relation of symbols, a formula, a product stay bases.
    assert markers_in("(P < 0.05)<sup>2</sup> and (x + 1)<sup>2</sup> and (a * b)<sup>2</sup>") == []


def test_a_raised_number_after_a_version_ending_in_zero_cites():
    """'an Oswestry Disability Index 2.0<sup>13</sup> score'."""
    assert markers_in("an Oswestry Disability Index 2.0<sup>13</sup> score of 30") == ["13"]
    # Clean: other decimals keep their powers.
    assert markers_in("a value of 2.5<sup>3</sup> and Index 2.5<sup>4</sup>") == []


def test_a_percentages_count_before_its_denominator_is_no_marker():
    """'(41% [13] diagnoses among 32 infants in the rWGS arm, 24% (8) of 33 in controls'."""
    assert markers_in("a secondary end-point (41% [13] diagnoses among 32 infants in the rWGS arm, 24% (8) of 33 in "
                      "controls)") == []
    # Clean: a number that is not the percentage of the count after it cites.
    assert markers_in("rates rose to 41% [13] in 2010 and to 24% (8) of cases") == ["13", "8"]


def test_a_range_going_on_from_a_threshold_is_no_marker():
    """'the addition to NR (<14 follicles) but not to HR (14–30) seems ...': a band of follicles."""
    assert markers_in("the addition to NR (<14 follicles) but not to HR (14\u201330) seems the fine-tuning") == []
    # Clean: the same range with no threshold before it cites.
    assert markers_in("the addition to NR but not to HR (14\u201330) seems the fine-tuning") == ["14\u201330"]


def test_a_citation_beside_unpublished_work_in_one_bracket_is_read():
    """'similar changes in primaquine pharmacokinetics (13; unpublished observations).'"""
    assert markers_in("demonstrated similar changes in pharmacokinetics (13; unpublished observations).") == ["13"]
    # Clean: a number glued to a name stays a name's.
    assert markers_in("the peptide Ang(1; unpublished) was used.") == []


def test_nlm_s_3d_generation_and_editors_without_a_comma_keep_the_author_list():
    """'White AA 3d, Southwick WO, ...' (NLM's old 'third'), 'Stober DR, Grant AM editors. Title'."""
    entry = _entry("White AA 3d, Southwick WO, Hardy R. Relief of pain by spine fusion. J Bone Joint Surg Am. "
                   "1973;55:525-34.")
    assert (entry.first_author, entry.title) == ("White", "Relief of pain by spine fusion")
    entry = _entry("Stober DR, Grant AM editors. Evidence based coaching handbook. Hoboken, NJ: Wiley; 2006.")
    assert (entry.first_author, entry.title) == ("Stober", "Evidence based coaching handbook")
    # Clean: a name with a digit and no initials is no name; 'Editors' opening the title stays the title's.
    assert _entry("Smith AB, Jones 3d. A title of a paper. J Med. 2006;1:1-5.").first_author is None
    assert _entry("Stober DR, Grant AM. Editors of evidence. Hoboken, NJ: Wiley; 2006.").title == "Editors of evidence"


def test_a_registry_or_two_acronyms_joined_by_a_slash_head_the_entry():
    """'China Liver Transplant Registry. 2012. http://...', 'OPTN/SRTR. 2011. Annual Report;'."""
    assert _entry("China Liver Transplant Registry. 2012. http://www.registry.example/4_wang.pdf.").organisation == \
        "China Liver Transplant Registry"
    assert _entry("OPTN/SRTR. 2011. Annual Report;").organisation == "OPTN/SRTR"
    # Clean: a title opening with such words is no body.
    assert _entry("HIV/AIDS in women. 2011. Annual Report;").organisation is None


def test_a_percentage_rounded_twice_is_no_mismatch():
    """'43 of 47 (92%)': 91.49% rounded first to 91.5 and then to 92 (and 'Seven of 161 (4.4%)', 4.348 -> 4.35 ->
    4.4): how a table rounded twice prints it, not a wrong count (the one that read 'N out of M' found these)."""
    assert in_results("Of the 64 subjects, 43 of 47 patients (92%) had three risk factors.", "EST302") == []
    assert in_results("Of the 200 women, 7 of 161 women (4.4%) had a fall.", "EST302") == []
    # Positive: a percentage that no rounding of the count's share gives ('3 of 45 (4.4%)', 6.7%) is still wrong.
    assert in_results("Of the 79 patients, 3 of 45 patients (4.4%) took aspirin.", "EST302") == [("EST302", "warning")]


def test_a_denominator_spelled_out_is_read_as_its_number():
    """'three out of four patients (75%)': the denominator in words (it crashed the estimate rules once)."""
    assert in_results("Of the 30 patients, three out of four patients (75%) in the pilot improved.", "EST302") == []
    assert in_results("Of the 30 patients, three out of four patients (60%) in the pilot improved.",
                      "EST302") == [("EST302", "warning")]
