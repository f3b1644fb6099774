"""PMD101-107: each rule on a small policy checked against real PubMed records (and synthetic variants of them)."""
from pathlib import Path

import pytest

from kb.checks.pmd import (citation_differs, erratum_published, expression_of_concern, final_citation_available,
                           pmid_missing, pmid_other_paper, retracted, RULES)
from kb.knowledge.base import build_knowledge_base
from kb.knowledge.curated import Curated
from kb.read.parse_policy import parse_policy

from tests.pubmed.helpers import DATA, with_correction_xml, with_medline_lines

# Entries as a policy would print the real records' papers, correctly.
MANGALAM = "Mangalam H. The Bio* toolkits--a brief overview. *Brief Bioinform*. 2002;3(3):296-302. PMID: 12230038"
CASBON = ("Casbon JA, Crooks GE, Saqi MA. A high level interface to SCOP and ASTRAL implemented in python. "
          "*BMC Bioinformatics*. 2006;7:10. PMID: 16403221")
BAO = ("Bao Y, Prescott J, Yuan C, et al. Leucocyte telomere length, genetic variants at the TERT gene region and "
       "risk of pancreatic cancer. *Gut*. 2017;66(6):1116-22. PMID: 27797938")
LERRO = ("Lerro CC, Beane Freeman LE, DellaValle CT, et al. Occupational pesticide exposure and subclinical "
         "hypothyroidism among male pesticide applicators. *Occup Environ Med*. 2018;75(2):79-89. PMID: 28775130")
CLEAN = [MANGALAM, CASBON, BAO, LERRO]


def policy(entries) -> str:
    listing = "\n".join(f"{n}. {text}" for n, text in enumerate(entries, 1))
    cites = ", ".join(str(n) for n in range(1, len(entries) + 1))
    return f"# Example\n\n## EVIDENCE SUMMARY\n\nStudies found it.<sup>[{cites}]</sup>\n\n### REFERENCES\n\n{listing}\n"


def run(rule, entries, files=None):
    files = tuple(files) if files is not None else tuple(sorted(DATA.glob("pubmed*.*")))
    kb = build_knowledge_base(parse_policy(policy(entries), "fixture.md"), Curated(pubmed_files=files))
    return list(rule.func(kb))


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_clean_list_against_real_records_is_silent(rule):
    assert run(rule, CLEAN) == []


def test_silent_without_records():
    kb = build_knowledge_base(parse_policy(policy(CLEAN), "fixture.md"))
    assert all(list(r.func(kb)) == [] for r in RULES)


def test_pmid_of_another_paper_with_the_right_one_suggested():
    wrong = CASBON.replace("16403221", "12230038")  # Mangalam's PMID on Casbon's paper
    (f,) = run(pmid_other_paper, [wrong])
    assert f.code == "PMD101" and f.severity == "error" and f.citations == (1,)
    assert "PMID 12230038, which is Mangalam (2002)" in f.message and "the title, first author and year disagree" in f.message
    assert f.suggestion == "the paper's PMID is 16403221; replace 12230038 with it"


def test_printed_pmid_not_in_the_records_but_the_paper_is_under_another():
    (f,) = run(pmid_other_paper, [CASBON.replace("16403221", "99999999")])
    assert "has PMID 99999999, but PubMed has the paper (found by its title) as PMID 16403221" in f.message
    assert f.suggestion == "the paper's PMID is 16403221; replace 99999999 with it"
    assert run(pmid_missing, [CASBON.replace("16403221", "99999999")]) == []


def test_pmid_of_another_paper_not_in_the_records():
    wrong = "Smith AB. Widget therapy for knee pain: a randomized trial. *Lancet*. 2002;385(9):100-9. PMID: 11748933"
    (f,) = run(pmid_other_paper, [wrong])
    assert "Taddei (2001)" in f.message and f.suggestion.startswith("look the paper up")


def test_a_shortened_title_with_the_right_author_and_year_is_the_same_paper():
    short = BAO.replace("Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic "
                        "cancer", "Telomere length and pancreatic cancer risk")
    assert run(pmid_other_paper, [short]) == []


def test_volume_and_pages_differ():
    (f,) = run(citation_differs, [LERRO.replace("2018;75(2):79-89", "2018;74(2):79-90")])
    assert f.code == "PMD102" and "volume 74 (record: 75)" in f.message and "pages 79-90 (record: 79-89)" in f.message
    assert f.suggestion == "use volume 75, pages 79-89"


def test_year_differs_but_the_electronic_year_is_accepted():
    (f,) = run(citation_differs, [MANGALAM.replace("2002;3(3)", "2004;3(3)")])
    assert "year 2004 (record: 2002)" in f.message
    epub_year = LERRO.replace("2018;75(2)", "2017;75(2)")  # the record's electronic date is 2017
    assert run(citation_differs, [epub_year]) == []


def test_ahead_of_print_entry_gets_the_full_citation():
    ahead = BAO.replace("2017;66(6):1116-22.", "2016. Epub ahead of print.")
    (f,) = run(final_citation_available, [ahead])
    assert f.code == "PMD103" and "volume 66 and pages 1116-1122" in f.message
    assert f.suggestion.startswith("Bao Y, Prescott J, Yuan C") and "Gut. 2017;66(6):1116-1122. PMID: 27797938" \
        in f.suggestion


def _variant(tmp_path: Path, name: str, data: bytes) -> list[Path]:
    path = tmp_path / name
    path.write_bytes(data)
    return [path]


def test_retracted_by_publication_type_and_notice(tmp_path):
    files = _variant(tmp_path, "r.xml", with_correction_xml("pubmed5.xml", "RetractionIn", "99000001",
                                                            "Retracted Publication"))
    (f,) = run(retracted, [LERRO], files)
    assert f.code == "PMD104" and f.severity == "error" and "retracted (notice: PMID 99000001)" in f.message
    assert run(retracted, [LERRO], [DATA / "pubmed5.xml"]) == []


def test_retraction_from_medline(tmp_path):
    files = _variant(tmp_path, "r.nbib", with_medline_lines(
        "pubmed_result1.txt", "RIN - Brief Bioinform. 2020;21:1. PMID: 99000001"))
    (f,) = run(retracted, [MANGALAM], files)
    assert "PMID 12230038" in f.message


def test_expression_of_concern(tmp_path):
    files = _variant(tmp_path, "c.xml", with_correction_xml("pubmed4.xml", "ExpressionOfConcernIn", "99000002"))
    (f,) = run(expression_of_concern, [BAO], files)
    assert f.code == "PMD105" and "expression of concern (notice: 99000002)" in f.message
    assert run(expression_of_concern, [BAO], [DATA / "pubmed4.xml"]) == []


def test_erratum(tmp_path):
    files = _variant(tmp_path, "e.nbib", with_medline_lines(
        "pubmed_result1.txt", "EIN - Brief Bioinform. 2003 Mar;4(1):99. PMID: 99000003"))
    (f,) = run(erratum_published, [MANGALAM], files)
    assert f.code == "PMD106" and "erratum (PMID 99000003)" in f.message
    assert run(erratum_published, [MANGALAM], [DATA / "pubmed_result1.txt"]) == []


def test_missing_pmid_found_by_title_and_by_doi():
    (f,) = run(pmid_missing, [CASBON.replace(" PMID: 16403221", "")])
    assert f.code == "PMD107" and "by title" in f.message and f.suggestion == "add PMID: 16403221"
    by_doi = "Some Body. Renamed in the list. *Gut*. 2017;66(6):1116-22. doi: 10.1136/gutjnl-2016-312510"
    (g,) = run(pmid_missing, [by_doi])
    assert "by DOI" in g.message and g.suggestion == "add PMID: 27797938"
    other_year = CASBON.replace(" PMID: 16403221", "").replace("2006;7:10", "2012;7:10")
    assert run(pmid_missing, [other_year]) == []  # a title match must be published within a year
