"""Forms met in corpus 11 (a held-out sample of PMC randomised-trial reports): a PMID printed as text and tagged
again (Taylor & Francis), APA's eight-author form with an ellipsis before the last name. Each form has a positive
and a clean case."""
from __future__ import annotations

from pathlib import Path

from kb.errors import KbError
from kb.estimates.counts import counts_with_percent, sample_splits
from kb.estimates.find import find_estimates
from kb.importers.jats import convert
from kb.checks import run_checks
from kb.knowledge.base import build_knowledge_base, load_knowledge_base
from kb.outputs.report import flatten
from kb.read.parse_policy import parse_policy
from kbdev.corpus_accuracy import write_policy
from kb.read.acronyms import defined_elsewhere
from kb.read.author_year import AuthorYearIndex
from kb.read.markers import scan_line
from kb.read.reference_list import parse_entry
from tests.checks.cit_fixtures import findings
from tests.test_jats_corpus7_forms import article, markdown, refs, x


def _read(tmp_path: Path, data: bytes):
    return load_knowledge_base(write_policy(tmp_path / "a", convert(data, "x.xml")))


def _entry(tail: str, names: str = "<name><surname>Greenberg</surname><given-names>DP</given-names></name>") -> str:
    return (f'<ref id="R1"><label>[1]</label><mixed-citation publication-type="journal"><person-group>{names}'
            '</person-group> <article-title>Health burden of pertussis</article-title>. <source>Pediatr Infect Dis J'
            f'</source>. <year>2005</year>;<volume>24</volume>:<fpage>39</fpage>{tail}</mixed-citation></ref>')


def test_an_id_printed_as_text_and_tagged_again_prints_once(tmp_path: Path):
    data = article(f"Pertussis burdens infants [{x(1)}].", _entry(
        '; doi:<pub-id pub-id-type="doi">10.1097/01.inf.0000160911</pub-id>. PMID:15876922'
        '<pub-id pub-id-type="pmid">15876922</pub-id>'))
    text = markdown(data)
    assert "PMID:15876922" in text and "15876922PMID" not in text and text.count("15876922") == 1
    entry = _read(tmp_path, data).doc.references[0]
    assert entry.pmid == "15876922"
    # Clean: an id tagged without its text (BMC, Elsevier) is printed with its kind.
    clean = markdown(article(f"Burden [{x(1)}].", _entry('. <pub-id pub-id-type="pmid">15876922</pub-id>')))
    assert "PMID: 15876922" in clean or "PMID:15876922" in clean


def test_apa_ellipsis_before_the_last_author(tmp_path: Path):
    six = ", ".join(f'<name><surname>{s}</surname><given-names>A. B.</given-names></name>'
                    for s in ("Sheehan", "Lecrubier", "Amorim", "Janavs", "Weiller", "Hergueta"))
    data = article(f"Interviewed with the MINI [{x(1)}].",
                   _entry(".", six + ', <etal/><name><surname>Dunbar</surname><given-names>G. C.</given-names></name>'))
    text = markdown(data)
    assert "Hergueta A. B., . . . Dunbar G. C." in text and "et al.Dunbar" not in text
    entry = _read(tmp_path, data).doc.references[0]
    assert (entry.first_author, entry.year) == ("Sheehan", 2005)
    # Clean: an <etal/> closing the list still prints "et al.".
    assert "Hergueta A. B., et al." in markdown(article(f"MINI [{x(1)}].", _entry(".", six + ", <etal/>")))


# ---- counts (EST301, EST302): numbers that break down something other than the stated total -----------------

def _arms(text: str):
    return [(total, tuple(v for _, v in arms)) for total, _, arms in sample_splits(text)]


def test_arms_that_add_up_to_another_count_the_sentence_prints():
    # A later stage's total between the total and its arms: the arms are its parts.
    assert _arms("702 participants were randomized, out of which 627 completed the study (CP n = 313; Control n = "
                 "314).") == []
    # Sites, not people: parts far above a first one are no flow of participants, and parts above the total may
    # overlap (several sites a patient): info, not a warning.
    sites = ("Fig. 3A shows the 44 sites for IRAPBs in 33 patients, with locations as follows: vena cava (n=12), "
             "septum (n=11), CS ostium (n=10), ligament (n=6), crista (n=3), and LA wall (n=2, one PAF and one PeAF).")
    assert _arms(sites) == [("33", (12, 11, 10, 6, 3))]
    assert [(f.code, f.severity) for f in _est301(sites)] == [("EST301", "info")]
    # Positive: two arms above the total stay a warning; an event's share "(n = 42, 62.7%)" is no arm.
    assert [(f.code, f.severity) for f in _est301("In all, 33 patients took part: device (n=20) and sham (n=15).")] \
        == [("EST301", "warning")]
    assert _arms("67 patients developed an event, most often cirrhosis (n = 42, 62.7%), then ascites (n = 7, "
                 "10.4%).") == []
    # Positive: arms that make neither the total nor any printed count are still read.
    assert _arms("702 participants were randomized, out of which 627 completed the study (CP n = 313; Control n = "
                 "304).") == [("702", (313, 304))]


def _est301(sentence: str):
    text = f"# Trial\n\n## Results\n\n{sentence} Smith found more [1].\n\n## References\n\n" \
        "1. Smith A. A randomised trial. *J Trials*. 2010;1:1-9.\n"
    return flatten(run_checks(build_knowledge_base(parse_policy(text, "f.md")), select=["EST301"]))


def test_a_ratio_a_spelled_arm_and_a_counts_denominator_are_no_arms():
    assert _arms("Initially, 45 patients were randomly allocated 2:1 to the treatment (n = 30) or placebo group "
                 "(n = 15).") == [("45", (30, 15))]
    assert _arms("OCTAVE 2 randomised 547 patients [112 received placebo, 429 received tofacitinib 10 mg, and six "
                 "received tofacitinib 15 mg].") == []
    assert _arms("Complications were found in 10 of the 19 patients in the CST group: wound infection (n = 3), "
                 "skin necrosis (n = 2), hematoma (n = 1).") == []
    # Clean: the digits alone, adding up or not, are still checked.
    assert _arms("OCTAVE 2 randomised 547 patients [112 received placebo, 429 received tofacitinib 10 mg, and 16 "
                 "received tofacitinib 15 mg].") == [("547", (112, 429, 16))]
    assert _arms("Of the 19 patients in the trial, surgery (n = 10) and mesh (n = 8).") == [("19", (10, 8))]


def test_a_percentage_of_a_subgroup_printed_before_it():
    text = ("Out of the 96 subjects, 23 (24%) children had refractive error; astigmatism was found in 10 (43.5%), "
            "myopia in 8 (34.7%) and hyperopia in 5 (21.7%) children.")
    assert [d for _, d in counts_with_percent(text)] == ["96", "23", "23", "23"]
    # Clean: a percentage of no earlier count keeps the sentence's denominator (and EST302 checks it).
    wrong = "Out of the 96 subjects, 23 (24%) children had refractive error; myopia was found in 10 (43.0%)."
    assert [d for _, d in counts_with_percent(wrong)] == ["96", "96"]


# ---- CIT203: a drug's acronym is no trial; a trial's substudy whose title names no trial is info ---------------

GIK = ["Apstein CS, Opie LH. Glucose-insulin-potassium (GIK) for acute myocardial infarction: a negative study with a "
       "positive value. *Cardiovasc Drugs Ther*. 1999;13:185-9.",
       "Selker HP, Beshansky JR. Out-of-hospital administration of intravenous glucose-insulin-potassium in patients "
       "with suspected acute coronary syndromes. *JAMA*. 2012;307:1925-33.",
       "Smith A, Jones B. Bone density after long flights: a cohort study. *J Bone Res*. 2014;3:1-9."]


def test_cit203_a_term_the_document_spells_out_is_no_trial():
    defined = ("Some benefits of glucose-insulin-potassium (GIK) may be anti-inflammatory. It was a randomized, "
               "placebo-controlled trial of GIK [2].")
    assert _cit203("Inflammation after infarction", defined, GIK) == []
    # Positive: where the document does not spell it out as a thing, the acronym is taken for the trial.
    bare = "Some benefits may be anti-inflammatory. It was a randomized, placebo-controlled trial of GIK [3]."
    assert [(f.severity, f.citations[0]) for f in _cit203("Inflammation after infarction", bare, GIK)] == [("error", 3)]


PREDIMED = ["Babio N, Toledo E. Mediterranean diets and metabolic syndrome status in the PREDIMED study. *CMAJ*. "
            "2014;186:E649-57.",
            "Hernaez A, Castaner O. The Mediterranean diet decreases LDL atherogenicity in high cardiovascular risk "
            "individuals: a randomized controlled trial. *Mol Nutr Food Res*. 2017;61:1601015.",
            "Smith A, Jones B. Bone density after long flights: a cohort study. *J Bone Res*. 2014;3:1-9."]


def test_cit203_a_trial_report_whose_title_names_no_trial_is_info():
    body = "LDL atherogenicity fell in a subsample of the PREDIMED study [{}]."
    assert [(f.severity, f.citations[0]) for f in _cit203("Olive oil", body.format(2), PREDIMED)] == [("info", 2)]
    # Positive: a cohort study cited for the trial stays an error.
    assert [(f.severity, f.citations[0]) for f in _cit203("Olive oil", body.format(3), PREDIMED)] == [("error", 3)]


def _cit203(title: str, body: str, refs: list[str]):
    entries = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    text = f"# {title}\n\n## Discussion\n\n{body}\n\n## References\n\n{entries}\n"
    return flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=["CIT203"]))


# ---- citations the reader did not see: a lone empty xref, a lead-in before a range -----------------------------

def test_a_lone_empty_citation_prints_its_entrys_number(tmp_path: Path):
    body = (f"Filtration was estimated by the MDRD equation [{x(1)}], compared with the typical range of 30 to 60 "
            f"ml/min/1.73 m<sup>2</sup>\n[<xref ref-type=\"bibr\" rid=\"R2\"/>]. Treatment helps [{x(3)}].")
    data = article(body, refs(3))
    assert "m<sup>2</sup> [2]." in markdown(data)
    assert 2 in {n for m in _read(tmp_path, data).doc.markers for n in m.numbers}
    # Clean: an empty xref inside a run (PLOS's "[1]-[3]" with an empty link to 2) prints nothing of its own.
    run = article(f"Treatment helps [{x(1)}, <xref ref-type=\"bibr\" rid=\"R2\"/>{x(3, '-3')}].", refs(3))
    assert "<sup>2</sup>" not in markdown(run) and " 2" not in markdown(run).split("## References")[0]


def test_a_lead_in_before_a_range():
    assert [m.inner for m in scan_line("effects on health [e.g. 7-10], and attention [11].", 1)[0]] == ["7-10", "11"]
    assert [m.inner for m in scan_line("is common [e.g., 22\u201324; 30].", 1)[0]] == ["22\u201324; 30"]
    # Clean: a lead-in before words is no citation.
    assert scan_line("as some do [e.g. dose ranges], and more.", 1)[0] == []


# ---- entries and acronyms -------------------------------------------------------------------------------------

def test_an_entry_only_submitted_has_no_year_to_give():
    submitted = "23. de Vries Reilingh TS *et al*. Impregnation of patches with silver salts. Submitted"
    assert _codes([submitted, "24. Smith A. Title of a paper on hernia repair. *J Surg*. 2005;1:1-5."], "REF111") == []
    # Positive: the same entry without the word still lacks its year.
    assert _codes([submitted[:-len(" Submitted")], "24. Smith A. Title of a paper on hernia. *J Surg*. 2005;1:1-5."],
                  "REF111") == [("warning", 1)]


def test_a_year_between_the_place_and_a_reports_code():
    entry = parse_entry(12, "World Health Organization. Management of the child with serious infection. Geneva: 2000 "
                            "WHO/FCH/CAH/00.1.", 1)
    assert (entry.organisation, entry.year) == ("World Health Organization", 2000)
    assert parse_entry(12, "World Health Organization. Management of the child. Geneva: WHO/FCH/CAH/00.1.", 1).year is None


def test_a_body_heading_an_entry_whose_year_closes_it():
    entry = parse_entry(17, "European Association for Study of Liver. EASL Clinical Practice Guidelines: management of "
                            "hepatitis C virus infection. J. Hepatol. 60, 392-420 (2014).", 1)
    assert (entry.organisation, entry.year, entry.title) == (
        "European Association for Study of Liver", 2014,
        "EASL Clinical Practice Guidelines: management of hepatitis C virus infection")
    # Clean: APA's body and year before the title keeps its reading.
    apa = parse_entry(3, "World Health Organization (2010) Guidelines for malaria. Geneva: WHO.", 1)
    assert (apa.organisation, apa.year, apa.title) == ("World Health Organization", 2010, "Guidelines for malaria")


def test_an_acronym_after_its_name_in_one_bracket_is_defined():
    assert "MPA" in defined_elsewhere("3.0-5.9 METs (moderate physical activity, MPA); and more")
    # Clean: letters that do not fit the words define nothing.
    assert "DAPI" not in defined_elsewhere("stained (blue nuclei, DAPI) and imaged")


def _codes(entries: list[str], code: str):
    text = "# Hernia repair\n\n## Discussion\n\nRepair works [1]. Mesh helps [2].\n\n## References\n\n" + \
        "\n".join(entries) + "\n"
    text = text.replace("23. ", "1. ", 1).replace("24. ", "2. ", 1)
    return [(f.severity, f.citations[0]) for f in
            flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=[code]))]


def test_bmcs_prepublication_history_beside_the_numbered_list_is_left_out():
    history = ('<ref-list id="BSec1"><title>Pre-publication history</title><ref id="CR99"><mixed-citation '
               'publication-type="other">The pre-publication history for this paper can be accessed here: '
               'http://www.biomedcentral.com/1471-2458/14/789/prepub</mixed-citation></ref></ref-list>')
    converted = convert(article(f"Treatment helps [{x(1)}], [{x(2)}].", refs(2) + history), "x.xml")
    assert "prepub" not in converted.markdown and any("pre-publication" in n for n in converted.notes)
    # Clean (and still refused): an unnumbered entry the text cites is part of the list, and has no number.
    cited = history.replace("CR99", "R3")
    try:
        convert(article(f"Treatment helps [{x(1)}], [{x(2)}], [{x(3)}].", refs(2) + cited), "x.xml")
    except KbError as exc:
        assert "has no number" in str(exc)
    else:
        raise AssertionError("an unnumbered entry the text cites was taken in")


def test_a_p_value_before_an_interval_is_no_estimate():
    assert [f.value for f in find_estimates("t(10) = 3.08, p = .012 (95% CI = .34 to 2.11).")] == [""]
    assert [f.value for f in find_estimates("the difference was 0.8 (95% CI 0.34 to 2.11).")] == ["0.8"]


def test_an_uncited_entry_beside_a_table_printed_as_an_image_is_info():
    def policy(table: str) -> str:
        return ("# Acne\n\n## Discussion\n\nIsotretinoin helps [1]. Low doses work [2].\n\n**Table 8** Comparison of "
                f"low-dose studies\n\n{table}Akman assessed the efficacy of low doses.\n\n## References\n\n"
                "1. Smith A. Isotretinoin in acne. *J Derm*. 2001;1:1-5.\n2. Jones B. Low doses. *J Derm*. 2003;2:1-5.\n"
                "3. Akman A. Low-dose isotretinoin. *J Derm*. 2007;3:1-5.\n")
    image = flatten(run_checks(build_knowledge_base(parse_policy(policy(""), "f.md")), select=["CIT104"]))
    assert [(f.severity, f.citations[0]) for f in image] == [("info", 3)] and "image" in image[0].message
    # Positive: with the table's rows in the text, the entry is uncited there too: a warning.
    rows = "| Study | Dose |\n| --- | --- |\n| Akman | 0.5 |\n\n"
    kept = flatten(run_checks(build_knowledge_base(parse_policy(policy(rows), "f.md")), select=["CIT104"]))
    assert [(f.severity, f.citations[0]) for f in kept] == [("warning", 3)]


# ---- counts of studies (CIT301) and author-year citations ---------------------------------------------------

TOX = ["Smith A, Jones B. Acute and subchronic toxicity of a herbal blend in rats. *J Tox*. 2015;3:1-9.",
       "Lee C. Growth in children given the blend: a randomised trial. *J Ped*. 2016;4:1-9."]


def test_a_number_before_a_unit_of_time_is_a_duration():
    assert _cit301("It was safe in both 28 day and 90 day toxicity studies [1].") == []
    assert _cit301("It was safe in two toxicity studies [1].") == [("warning", 1)]


def test_a_count_whose_marker_points_with_see_is_info():
    assert _cit301("The program was evaluated in three previous trials [see 1].") == [("info", 1)]
    assert _cit301("The program was evaluated in three previous trials [1].") == [("warning", 1)]


def test_two_papers_of_one_first_author_and_year_told_apart_by_the_next_authors(tmp_path: Path):
    index = AuthorYearIndex(parse_policy(
        "# Depression\n\n## Text\n\nWords.\n\n## References\n\n"
        "Titov N., Andrews G., Davies M., McIntyre K., Robinson E., & Solley K. (2010). Internet treatment for "
        "depression. PLoS One, 5, e10939.\n\n"
        "Titov N., Andrews G., Kemp A., & Robinson E. (2010). Characteristics of adults treated at an Internet clinic. "
        "PLoS One, 5, e10885.\n", "f.md").references)
    assert index.resolve("Titov, Andrews, Davies, et al.", "2010")[0] == (1,)
    assert index.resolve("Titov, Andrews, Kemp, et al.", "2010")[0] == (2,)
    # Clean: a citation that names no second author still fits both (and says so).
    numbers, notes, _ = index.resolve("Titov et al.", "2010")
    assert numbers == (1, 2) and notes


def _cit301(body: str):
    return [(f.severity, f.citations[0]) for f in findings(body, TOX, "CIT301")]


# ---- EST304: the document's own study after a cited trial ----------------------------------------------------

def test_a_first_person_sentence_without_a_marker_is_the_documents_own_study():
    from tests.test_est_trials import TRIAL, run
    arms = "the device group included 128 patients and the control group included 122 patients."
    assert run(TRIAL + "In our trial, " + arms, "EST304") == []
    # Positive: the same arms said of the cited trial are held against its total.
    assert [f.code for f in run(TRIAL + "In that trial, " + arms, "EST304")] == ["EST304"]


def test_a_declaration_restating_the_methods_is_no_repeated_paragraph():
    methods = ("All patients had been enrolled in the NCT00149214 neoadjuvant phase II study [1] at a single "
               "institution, the National Center for Tumor Diseases in Heidelberg. A written informed consent for the "
               "research use of patient biological material was granted at the time of enrolment, and the study was "
               "approved by the local ethics committee of the university hospital.")

    def doc121(heading: str):
        text = (f"# Biopsies\n\n## Methods\n\n{methods}\n\n## {heading}\n\n{methods}\n\n## References\n\n"
                "1. Smith A. A phase II trial. *J Onc*. 2010;1:1-9.\n")
        return [f.line for f in flatten(run_checks(build_knowledge_base(parse_policy(text, "f.md")), select=["DOC121"]))]
    assert doc121("Ethics approval and consent to participate") == []
    assert doc121("Discussion") == [9]


def test_a_web_page_named_in_italics_has_no_year_to_give():
    page = "24. CrossFit, Inc: *CrossFit Affiliate Gym Locator*. http://map.crossfit.com"
    assert _codes(["23. Smith A. Title of a paper on fitness injuries. *J Sport*. 2005;1:1-5.", page], "REF111") == []
    # Positive: a journal article (a title, then the italic journal) with an address still needs its year.
    article_entry = "24. Hak PT. The nature of injury during training. *J Strength Cond Res*. http://example.org/hak"
    assert _codes(["23. Smith A. Title of a paper on fitness injuries. *J Sport*. 2005;1:1-5.", article_entry],
                  "REF111") == [("warning", 2)]


def test_a_supplementary_tables_caption_is_no_table_printed_as_an_image():
    text = ("# Genomes\n\n## Results\n\nAssembly works [1]. Reads map [2].\n\n**Table S1** **Sites of fragmentation.** "
            "Sites with decreasing numbers of reads.\n\n## References\n\n1. Smith A. Assembly. *J Gen*. 2001;1:1-5.\n"
            "2. Jones B. Reads. *J Gen*. 2003;2:1-5.\n3. Bell G. Ciliates. *J Gen*. 1988;3:1-5.\n")
    found = flatten(run_checks(build_knowledge_base(parse_policy(text, "f.md")), select=["CIT104"]))
    assert [(f.severity, f.citations[0]) for f in found] == [("warning", 3)]
