"""kb pubmed new: designs, what is cited, what is new, relevance per criterion, the screening list and its decisions."""
import csv
import io

import pytest

from kb.cli import main
from kb.pubmed.design import CASE_REPORT, GUIDELINE, OBSERVATIONAL, OTHER, RCT, REVIEW, classify
from kb.pubmed.load import parse_records, read_records
from kb.pubmed.records import PubmedRecord
from kb.pubmed.triage import published_after, triage
from kb.read.parse_policy import parse_policy

from .helpers import DATA, real

POLICY = """# Example Health

## ***Vertebral Augmentation***

### MEDICAL POLICY CRITERIA

#### **Medically Necessary**

- I. Percutaneous vertebroplasty may be considered **medically necessary** for painful osteoporotic vertebral compression fractures.

#### **Investigational**

- II. Sacroplasty is considered **investigational** for sacral insufficiency fractures.

## EVIDENCE SUMMARY

A trial found it.<sup>[1]</sup>

### REFERENCES

1. Mangalam H. The Bio* toolkits--a brief overview. *Brief Bioinform*. 2002;3(3):296-302. PMID: 12230038
"""


def medline(pmid, title, types=("Journal Article",), mesh=(), dep="20260901", abstract="") -> str:
    """A synthetic record in the MEDLINE format of the real exports."""
    lines = [f"PMID- {pmid}", f"TI  - {title}", f"AB  - {abstract or title}", f"DP  - {dep[:4]}",
             "AU  - Doe J", "TA  - Spine", f"DEP - {dep}"]
    lines += [f"PT  - {t}" for t in types] + [f"MH  - {m}" for m in mesh]
    return "\n".join(lines) + "\n\n"


SEARCH = (medline("90000001", "Vertebroplasty versus sham for osteoporotic compression fractures: a randomised trial",
                  ("Randomized Controlled Trial",))
          + medline("90000002", "Sacroplasty for sacral insufficiency fractures: a systematic review",
                    ("Systematic Review", "Meta-Analysis"), dep="20250301")
          + medline("90000003", "Vertebroplasty in a patient with myeloma", ("Case Reports",))
          + medline("90000004", "Vertebral augmentation registry of compression fractures", mesh=("Cohort Studies",)))


def test_designs_from_publication_types_and_mesh():
    def rec(types=(), mesh=()):
        return PubmedRecord("1", "t", pub_types=types, mesh=mesh)

    assert classify(rec(("Randomized Controlled Trial",))) == RCT
    assert classify(rec(("Journal Article",), ("Random Allocation",))) == RCT
    assert classify(rec(("Meta-Analysis", "Randomized Controlled Trial"))) == REVIEW
    assert classify(rec(("Practice Guideline", "Meta-Analysis"))) == GUIDELINE
    assert classify(rec(("Case Reports",))) == CASE_REPORT
    assert classify(rec(("Journal Article",), ("Retrospective Studies",))) == OBSERVATIONAL
    assert classify(rec(("Journal Article", "Review"))) == OTHER
    (bao,) = parse_records(real("pubmed4.xml"), "x")
    assert classify(bao) == OBSERVATIONAL  # a real record typed Observational Study


def test_published_after_the_last_review():
    assert published_after(PubmedRecord("1", "t", pub_date="2026-06-02"), "2026-05") is True
    assert published_after(PubmedRecord("1", "t", pub_date="2026-05-30"), "2026-05") is False
    assert published_after(PubmedRecord("1", "t", pub_date="2026"), "2026-05") is True  # may be: kept for screening
    assert published_after(PubmedRecord("1", "t", pub_date="2025-12"), "2026-05-01") is False
    assert published_after(PubmedRecord("1", "t"), "2026-05") is None


def test_triage_drops_cited_ranks_by_criterion_and_marks_new():
    doc = parse_policy(POLICY, "p.md")
    assert [s.id for s in doc.statements] == ["I", "II"]
    records = parse_records(SEARCH.encode(), "s.nbib") + read_records([DATA / "pubmed_result1.txt"])
    rows = {t.record.pmid: t for t in triage(records, doc, "2026-05")}
    assert "12230038" not in rows  # cited by the list
    assert rows["90000001"].best == "I" and rows["90000001"].design == RCT and rows["90000001"].after_review
    assert rows["90000002"].best == "II" and rows["90000002"].design == REVIEW
    assert rows["90000002"].after_review is False
    assert rows["90000003"].design == CASE_REPORT and rows["90000004"].design == OBSERVATIONAL
    order = [t.record.pmid for t in triage(records, doc, "2026-05")]
    assert order.index("90000001") < order.index("90000002")  # new first


def test_unrelated_record_scores_nothing():
    doc = parse_policy(POLICY, "p.md")
    rows = triage(parse_records(real("pubmed5.xml"), "x") + parse_records(SEARCH.encode(), "s"), doc, None)
    pesticide = next(t for t in rows if t.record.pmid == "28775130")
    assert pesticide.criteria == () and pesticide.score == 0 and rows[-1] is pesticide


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "policy.md").write_text(POLICY)
    (tmp_path / "provenance.yaml").write_text("title: Example\nlast_review: 2026-05\n")
    (tmp_path / "search.nbib").write_text(SEARCH)
    return tmp_path


def test_cli_writes_the_screening_list_and_carries_decisions(folder, capsys):
    out = folder.parent / "screen.csv"
    assert main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / "search.nbib"),
                 "-o", str(out)]) == 0
    assert "4 to screen, 3 published after 2026-05" in capsys.readouterr().err
    table = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["pmid"] for r in table][:1] == ["90000001"] and table[0]["decision"] == ""
    assert {"decision", "reason", "reviewer"} <= set(table[0])
    table[0].update(decision="include", reason="sham-controlled RCT", reviewer="JD")
    with open(folder / "screening.csv", "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(table[0]))
        writer.writeheader()
        writer.writerows(table)
    assert main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / "search.nbib")]) == 0
    again = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert again[0]["decision"] == "include" and again[0]["reviewer"] == "JD"


def test_since_overrides_provenance(folder, capsys):
    assert main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / "search.nbib"),
                 "--since", "2024-01-01"]) == 0
    assert "4 published after 2024-01-01" in capsys.readouterr().err


@pytest.mark.parametrize("row, message", [
    ("90000001,maybe not,x,JD", "column 'decision' must be include, exclude or maybe, not 'maybe not'"),
    ("abc,include,x,JD", "column 'pmid' must be a PubMed number"),
])
def test_bad_screening_table_is_exit_2(folder, capsys, row, message):
    (folder / "screening.csv").write_text(f"pmid,decision,reason,reviewer\n{row}\n")
    assert main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / "search.nbib")]) == 2
    err = capsys.readouterr().err
    assert message in err and "screening.csv:2" in err and err.count("\n") == 1


def test_bad_exports_are_exit_2(folder, capsys):
    (folder / "empty.xml").write_text("")
    (folder / "other.xml").write_text("<?xml version='1.0'?><html><body/></html>")
    whole = real("pubmed2.xml")
    (folder / "cut.xml").write_bytes(whole[: len(whole) // 3])
    (folder / "latin.xml").write_bytes(whole.replace(b"Is cryopreservation", b"Is cryopr\xe9servation"))
    for name, message in (("empty.xml", "is empty"), ("other.xml", "is XML but not PubMed"),
                          ("cut.xml", "the file looks truncated"), ("latin.xml", "latin.xml:4: is not UTF-8")):
        assert main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / name)]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1


def test_output_inside_references_is_refused(folder, capsys):
    assert main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / "search.nbib"),
                 "-o", str(folder / "screening.csv")]) == 2
    assert "policy's own files" in capsys.readouterr().err


def test_xlsx_needs_openpyxl_or_writes_a_workbook(folder, capsys):
    import importlib.util

    out = folder.parent / "screen.xlsx"
    code = main(["pubmed", "new", str(folder / "policy.md"), "--records", str(folder / "search.nbib"), "-o", str(out)])
    if importlib.util.find_spec("openpyxl") is None:
        assert code == 2 and "needs openpyxl" in capsys.readouterr().err and not out.exists()
    else:
        from openpyxl import load_workbook

        assert code == 0
        sheet = load_workbook(out).active
        assert sheet["A1"].value == "pmid" and sheet["A2"].value == "90000001"


def test_bm25_by_hand_and_a_restricted_vocabulary_scores_the_same():
    import math

    from kb.pubmed.rank import BM25, words

    docs = [["vertebroplasty", "fracture"], ["fracture", "fracture", "sham"], ["pain"]]
    full = BM25(docs)
    # fracture: n = 2 of N = 3, idf = ln(1 + 1.5 / 2.5); doc 0: tf 1, length 2 = the average, so tf part = 1
    assert full.scores(["fracture"])[0] == pytest.approx(math.log(1.6))
    tf_part = 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3 / 2))
    assert full.scores(["fracture"])[1] == pytest.approx(math.log(1.6) * tf_part)
    assert 2 not in full.scores(["fracture"])
    assert BM25(docs, vocabulary={"fracture", "sham"}).scores(["fracture", "sham"]) == full.scores(["fracture", "sham"])
    assert words("The Fractures of osteoporosis were considered") == ["fracture", "osteoporosis"]
