"""Evidence linked from the text alone: proposals, their marks, and the measuring script."""
import subprocess
import sys

from evidence_helpers import POLICY, full, load, write_policy

from kb.evidence.proposal import propose_sections, terms_of

TOPICS = POLICY.replace("- II. Widgetplasty is considered **investigational** for all other indications.",
                        "- II. Widgetplasty is considered **investigational** for tumours of the sacrum and "
                        "hemangioma.").replace(
    "The evidence for other uses is limited to case series.", "For sacrum tumours and hemangioma the evidence "
    "is limited to case series.").replace("conducted a systematic review of widgetplasty.",
                                          "conducted a systematic review of widgetplasty for pain from a fracture.")


def test_sections_go_to_the_criterion_whose_words_they_share(tmp_path):
    kb = load(write_policy(tmp_path, TOPICS))
    found = {(p.statement, p.section) for p in propose_sections(kb)}
    assert ("I", "widgetplasty") in found and ("II", "other-uses") in found
    assert ("II", "widgetplasty") not in found and ("I", "other-uses") not in found  # clean: the other one
    reason = next(p.reason for p in propose_sections(kb) if p.section == "other-uses")
    assert reason.startswith("proposed:") and "hemangioma" in reason


def test_a_section_naming_no_criterion_word_is_not_linked(tmp_path):
    text = TOPICS.replace("## OTHER USES", "## HISTORY").replace(
        "For sacrum tumours and hemangioma the evidence is limited to case series.",
        "The device was first described long ago.")
    kb = load(write_policy(tmp_path, text))
    assert not any(p.section == "history" for p in propose_sections(kb))


def test_without_tables_every_output_marks_the_links_proposed(tmp_path):
    kb = load(write_policy(tmp_path, TOPICS))
    supports = kb.evidence.supports
    assert supports and all(s.origin == "proposed" and s.reason.startswith("proposed") for s in supports)
    from kb.evidence.profile import profile_of
    profile = profile_of(kb, "I")
    assert profile.proposed and profile.as_dict()["links"][0]["origin"] == "proposed"
    edges = [d for _, _, d in kb.graph.edges(data=True) if d.get("kind") == "supports"]
    assert edges and all(d["origin"] == "proposed" for d in edges)


def test_reviewed_tables_win(tmp_path):
    kb = load(full(tmp_path, TOPICS))
    assert all(s.origin == "curated" for s in kb.evidence.supports)
    assert {(link.statement, link.section) for link in kb.evidence.tables.sections} == {
        ("I", "widgetplasty"), ("II", "other-uses")}


def test_a_tie_goes_to_each_tied_criterion(tmp_path):
    kb = load(write_policy(tmp_path, POLICY))  # the widgetplasty section names only the shared treatment
    found = {(p.statement, p.section) for p in propose_sections(kb)}
    assert {("I", "widgetplasty"), ("II", "widgetplasty")} <= found


def test_terms_know_treatments_devices_and_words():
    terms = terms_of("SpineJack and VP for osteoporotic fractures")
    assert {"treatment:vertebroplasty", "treatment:SpineJack", "device:spinejack", "osteoporotic", "fracture"} <= terms
    assert "criteria" not in terms_of("the following criteria are met")  # clean: policy words


def test_the_script_scores_the_bundled_policy_and_leaves_it_alone(bundled_path):
    before = {p.name: p.stat().st_mtime_ns for p in bundled_path.parent.iterdir()}
    out = subprocess.run([sys.executable, "scripts/link_accuracy.py"], capture_output=True, text=True, check=True,
                         cwd=bundled_path.parent.parent.parent).stdout
    sections = next(line for line in out.splitlines() if line.startswith("sections"))
    precision, recall = (float(x) for x in sections.split()[-2:])
    assert precision >= 0.9 and recall >= 0.8
    assert "left without proposed evidence: none" in out
    assert {p.name: p.stat().st_mtime_ns for p in bundled_path.parent.iterdir()} == before


MASTHEAD = """## **Medical Coverage Policy**

# **Ablation and Stenting**

### **Coverage Policy**

Catheter ablation is considered medically necessary for recurrent atrial flutter.

Carotid stenting is considered experimental for asymptomatic carotid stenosis.

### **{background}**

#### **Atrial Flutter**

Catheter ablation of atrial flutter succeeded in most patients.[1]

#### **Carotid Stenosis**

Carotid stenting in asymptomatic stenosis gave no benefit.[2]

### **References**

1. Smith A. Ablation of atrial flutter: a randomised trial. N Engl J Med. 2020;1:1-9.
2. Jones B. Stenting for carotid stenosis: a randomised trial. Lancet. 2021;2:10-19.
"""


def test_a_generic_background_under_a_title_heading_gives_its_cited_subsections_as_units(tmp_path):
    kb = load(write_policy(tmp_path, MASTHEAD.replace("{background}", "General Background")))
    found = {(p.statement, p.section.rsplit("/", 1)[-1]) for p in propose_sections(kb)}
    assert found == {("P1", "atrial-flutter"), ("P2", "carotid-stenosis")}


def test_a_section_that_names_its_topic_stays_one_unit(tmp_path):
    kb = load(write_policy(tmp_path, MASTHEAD.replace("{background}", "Ablation Trials")))
    assert {p.section.rsplit("/", 1)[-1] for p in propose_sections(kb)} == {"ablation-trials"}
