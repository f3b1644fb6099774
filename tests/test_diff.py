"""kb diff: an edited copy of the bundled policy shows exactly its edits.

The edits below are made on the text the way an editor would make them: a
new reference is inserted as number 10 and every later entry and marker is
renumbered (which must show as one renumbering line, not as dozens of moved
citations), one criterion is reworded, one rationale sentence is reworded,
one sentence is added, and one citation is moved to another paper.
"""
import json
import re

import pytest

from kb.cli import main
from kb.diff import diff_policies
from kb.diff.identity import match_entries, normalise_title
from kb.knowledge.base import build_knowledge_base
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry

NEW_ENTRY = ("Doe J, Roe R. A sham-controlled trial of something new. *Spine (Phila Pa 1976)*. "
             "2025;50(1):1-9. PMID: 40000001")


def _renumber_from(text: str, first: int) -> str:
    """Shift every reference number >= first by one, in markers and in the list."""
    def shift(m):
        return str(int(m.group(0)) + 1) if int(m.group(0)) >= first else m.group(0)
    text = re.sub(r"<sup>\[[^\]<]*\]</sup>", lambda m: re.sub(r"\d+", shift, m.group(0)), text)
    head, refs = text.split("### REFERENCES", 1)
    refs = re.sub(r"(?m)^(\d+)(?=\. )", shift, refs)
    refs = refs.replace(f"\n{first + 1}. ", f"\n{first}. {NEW_ENTRY}\n{first + 1}. ", 1)
    return head + "### REFERENCES" + refs


@pytest.fixture(scope="module")
def edited(bundled_path):
    text = bundled_path.read_text(encoding="utf-8")
    new = _renumber_from(text, 10)
    new = new.replace("2. Patient's pain is more likely than not, related to the demonstrated fracture(s); and",
                      "2. Patient's pain is clearly related to the demonstrated fracture(s); and")
    new = new.replace("Evaluation of this study is limited by the incomplete reporting.",
                      "Evaluation of this study is severely limited by the incomplete reporting.")
    zhao = "conservative treatment (CT) for the treatment of osteoporotic vertebral compression fractures.<sup>[23]</sup>"
    assert zhao in new  # 22 became 23 with the renumbering
    new = new.replace(zhao, zhao.replace("[23]", "[55]"))
    added = "A newer sham-controlled trial has been published.<sup>[10]</sup>\n\n### **Randomized Controlled Trials without"
    new = new.replace("### **Randomized Controlled Trials without", added, 1)
    old_kb = build_knowledge_base(parse_policy(text, "old.md"))
    new_kb = build_knowledge_base(parse_policy(new, "new.md"))
    return diff_policies(old_kb, new_kb, findings=False), old_kb, new_kb


def test_exactly_the_edits_are_shown(edited):
    diff, _, _ = edited
    assert diff.counts() == {
        "criterion-changed": 1, "reference-added": 1, "references-renumbered": 1,
        "citation-moved": 1, "sentence-added": 1, "sentence-changed": 1,
    }


def test_renumbering_is_one_line_naming_the_run(edited):
    (change,) = edited[0].of_kind("references-renumbered")
    assert change.summary == "references 10-76 are now 11-77 (+1)"


def test_changed_words_of_a_criterion(edited):
    (change,) = edited[0].of_kind("criterion-changed")
    assert change.summary == "criterion I.A.2 changed"
    assert "[-more likely than not,-] {+clearly+}" in change.detail


def test_a_moved_citation_names_both_papers(edited):
    (change,) = edited[0].of_kind("citation-moved")
    assert change.old_line == 196 and change.new_line == 198  # two lines added above it
    assert "[22] Frey (2017)" in change.summary and "[55] Zhao (2017)" in change.summary


def test_the_added_reference_and_sentence(edited):
    diff, _, new_kb = edited
    (ref,) = diff.of_kind("reference-added")
    assert "[10] Doe (2025)" in ref.summary and ref.new_line == new_kb.references[10].line
    (sentence,) = diff.of_kind("sentence-added")
    assert "A newer sham-controlled trial" in sentence.summary


def test_papers_match_by_pmid_then_doi_then_title_and_year():
    a = [parse_entry(1, "Smith A. A trial. *J*. 2020;1:1-2. PMID: 111", 1),
         parse_entry(2, "Jones B. Another trial. *J*. 2019;1:3-4. doi: 10.1000/xyz", 2),
         parse_entry(3, "Brown C. Third: a study. *J*. 2018;2:5-6.", 3),
         parse_entry(4, "Green D. Gone. *J*. 2017;3:7-8. PMID: 444", 4)]
    b = [parse_entry(1, "Brown C. Third - a study! *J*. 2018;2:5-6.", 1),
         parse_entry(2, "Smith A. A trial (renamed). *J*. 2021;1:1-2. PMID: 111", 2),
         parse_entry(3, "Jones B. Another trial, revised. *J*. 2019;1:3-4. doi: 10.1000/XYZ", 3)]
    assert match_entries(a, b) == {1: 2, 2: 3, 3: 1}
    assert normalise_title("Third: a study.") == normalise_title("Third - a study!")


def test_identical_versions_have_no_differences(bundled_path, capsys):
    assert main(["diff", str(bundled_path), str(bundled_path), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["changes"] == [] and payload["summary"] == {}


def test_cli_formats(tmp_path, bundled_path, capsys):
    folder = tmp_path / "v2"
    folder.mkdir()
    text = bundled_path.read_text(encoding="utf-8").replace("Zhu (2022) conducted", "Zhu (2022) performed")
    (folder / "policy.md").write_text(text, encoding="utf-8")
    assert main(["diff", str(bundled_path), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Sentences changed (1):" in out and "[-conducted-] {+performed+}" in out
    assert main(["diff", str(bundled_path), str(folder), "--format", "markdown"]) == 0
    assert "### Sentences changed" in capsys.readouterr().out


def test_a_missing_version_is_one_line_and_exit_2(tmp_path, bundled_path, capsys):
    assert main(["diff", str(bundled_path), str(tmp_path / "nope.md")]) == 2
    err = capsys.readouterr().err
    assert "nope.md" in err and err.count("\n") == 1
