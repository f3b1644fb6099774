"""The site's share of the literature check: reference status, the worklist section, the new-evidence page."""
import pytest

from kb.knowledge.base import load_knowledge_base
from kb.site.pages import gather, navigation, render_pages

from tests.checks.test_pmd import BAO, CASBON, LERRO
from tests.sitetools import build_in_process

from .helpers import DATA, real, with_correction_xml
from .test_triage import SEARCH


def make_folder(tmp_path, search=True):
    folder = tmp_path / "example"
    (folder / "pubmed").mkdir(parents=True)
    entries = [CASBON.replace("16403221", "12230038"),  # 1: Mangalam's PMID on Casbon's paper
               BAO.replace("2017;66(6):1116-22.", "2016. Epub ahead of print."),  # 2: final citation now out
               LERRO,  # 3: retracted (a synthetic variant of the real record)
               "Nobody A. A paper PubMed does not have in these records at all. *J*. 2020;1:1-2."]  # 4: not found
    listing = "\n".join(f"{n}. {t}" for n, t in enumerate(entries, 1))
    policy = (real_policy_head() + "\nTrials found it.<sup>[1-4]</sup>\n\n### REFERENCES\n\n" + listing + "\n")
    (folder / "policy.md").write_text(policy)
    (folder / "provenance.yaml").write_text("title: Example\nlast_review: 2026-05\neffective_date: 2026-10-01\n")
    for name in ("pubmed4.xml", "pubmed_result1.txt", "pubmed_result2.txt"):
        (folder / "pubmed" / name).write_bytes(real(name))
    (folder / "pubmed" / "retracted.xml").write_bytes(
        with_correction_xml("pubmed5.xml", "RetractionIn", "99000001", "Retracted Publication"))
    if search:
        (folder / "search").mkdir()
        (folder / "search" / "search.nbib").write_text(SEARCH)
        (folder / "screening.csv").write_text("pmid,decision,reason,reviewer\n90000001,include,sham-controlled RCT,JD\n")
    return folder


def real_policy_head() -> str:
    from .test_triage import POLICY

    return POLICY.split("## EVIDENCE SUMMARY")[0] + "## EVIDENCE SUMMARY\n"


def site_pages(folder):
    kb = load_knowledge_base(folder / "policy.md")
    site = gather(kb, figures="none")
    return site, render_pages(site)


def test_reference_pages_show_the_verification_status(tmp_path):
    _, pages = site_pages(make_folder(tmp_path))
    assert "| PubMed | wrong PMID: matched to [PMID 12230038]" in pages["references/1.md"]
    assert "the paper itself is [PMID 16403221]" in pages["references/1.md"]
    assert "| PubMed | differs: matched to [PMID 27797938]" in pages["references/2.md"]
    assert "| PubMed | retracted: matched to [PMID 28775130]" in pages["references/3.md"]
    assert "| PubMed | not found among the" in pages["references/4.md"]


def test_worklist_lists_retractions_wrong_pmids_and_final_citations(tmp_path):
    _, pages = site_pages(make_folder(tmp_path))
    work = pages["worklist.md"]
    part = work[work.index("## PubMed check"):]
    retractions = part[part.index("### Retracted"):part.index("### PMIDs")]
    assert "PMD104" in retractions and "references/3.md" in retractions
    wrong = part[part.index("### PMIDs"):part.index("### Final")]
    assert "PMD101" in wrong and "replace 12230038 with it" in wrong
    final = part[part.index("### Final"):part.index("### Other")]
    assert "Gut. 2017;66(6):1116-1122. PMID: 27797938" in final
    assert "New evidence since the last review" in part


def test_new_evidence_page_by_criterion_and_design_with_decisions(tmp_path):
    site, pages = site_pages(make_folder(tmp_path))
    page = pages["new-evidence.md"]
    assert page.startswith("# New evidence since the last review")
    assert "after the last review (2026-05)" in page
    crit_i = page[page.index("## Criterion I\n"):]
    assert "## Criterion II" not in page  # its one record was published before the last review
    assert "90000001" in crit_i and "randomized trial" in crit_i and "include: sham-controlled RCT (JD)" in crit_i
    assert "90000002" not in page  # published before the last review
    assert "not screened" in page
    assert {"New evidence": "new-evidence.md"} in navigation(site)


def test_without_records_the_site_says_how_to_get_them(tmp_path):
    folder = make_folder(tmp_path, search=False)
    for f in (folder / "pubmed").iterdir():
        f.unlink()
    (folder / "pubmed").rmdir()
    site, pages = site_pages(folder)
    assert "new-evidence.md" not in pages and "run `kb pubmed fetch`" in pages["worklist.md"]
    assert "| PubMed |" not in pages["references/1.md"]


@pytest.mark.slow
def test_strict_build_with_the_literature_pages(tmp_path):
    folder = make_folder(tmp_path)
    out = tmp_path / "site"
    build_in_process(out, policy=folder / "policy.md")
    html = (out / "new-evidence" / "index.html").read_text()
    assert "New evidence since the last review" in html and "90000001" in html
    assert "retracted" in (out / "references" / "3" / "index.html").read_text()
