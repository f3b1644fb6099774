"""Every command takes several policies or --all: one answer per policy, and a total where it adds up.

The corpus here is the bundled policy (with its curated tables) beside a
synthetic one whose first entry is the same paper as bundled reference 5.
"""
import json
import re
import shutil

import pytest

from kb.cli import main
from kbdev.synthetic import generate, render

SHARED = "regence-surgery-107:5; synthetic-policy:1"


@pytest.fixture
def corpus(tmp_path, bundled_path, monkeypatch):
    base = tmp_path / "references"
    shutil.copytree(bundled_path.parent, base / "regence-surgery-107")
    text = render(generate(11, n_references=30)).text
    entry5 = re.search(r"(?m)^5\. (.*)$", bundled_path.read_text(encoding="utf-8").split("### REFERENCES")[1]).group(1)
    head, refs = text.split("### REFERENCES")
    (base / "synthetic-policy").mkdir()
    (base / "synthetic-policy" / "policy.md").write_text(
        head + "### REFERENCES" + re.sub(r"(?m)^1\. .*$", lambda m: "1. " + entry5, refs, count=1), encoding="utf-8")
    monkeypatch.setenv("KB_REFERENCES", str(base))
    return base


def _json(capsys, argv, code=0):
    assert main(argv) == code
    return json.loads(capsys.readouterr().out)


def test_check_all_reports_each_policy_and_the_total(corpus, capsys):
    both = _json(capsys, ["check", "--all", "--format", "json", "--fail-on", "never"])
    one = _json(capsys, ["check", str(corpus / "regence-surgery-107"), "--format", "json", "--fail-on", "never"])
    other = _json(capsys, ["check", str(corpus / "synthetic-policy"), "--format", "json", "--fail-on", "never"])
    assert [p["document"] for p in both["policies"]] == [one["document"], other["document"]]
    assert both["summary"]["policies"] == 2
    assert both["summary"]["findings"] == one["summary"]["findings"] + other["summary"]["findings"]
    assert [f for f in both["findings"] if f["document"] == one["document"]] == [
        {"document": one["document"], **f} for f in one["findings"]]


def test_check_all_text_ends_with_the_total(corpus, capsys):
    assert main(["check", "--all", "--fail-on", "never"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert re.fullmatch(r"total: \d+ findings \(\d+ error, \d+ warning, \d+ info\) in 2 policies; 0 waived", out[-1])
    assert sum(1 for line in out if re.match(r"\d+ findings \(", line)) == 2  # each policy's own summary


def test_worker_processes_give_the_same_report(corpus, capsys, monkeypatch):
    import kb.checks.batch

    serial = _json(capsys, ["check", "--all", "--format", "json", "--fail-on", "never", "-j", "1"])
    monkeypatch.setattr(kb.checks.batch, "PARALLEL_FROM", 1)
    parallel = _json(capsys, ["check", "--all", "--format", "json", "--fail-on", "never", "-j", "2"])
    assert parallel == serial


def test_an_unreadable_policy_is_one_line_and_the_others_are_checked(corpus, capsys):
    (corpus / "broken").mkdir()
    (corpus / "broken" / "policy.md").write_bytes(b"\x89PNG\x00\x00")
    assert main(["check", "--all", "--fail-on", "never"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "broken/policy.md" in captured.err and "binary" in captured.err
    assert "could not be read" in captured.out.splitlines()[-1]


def test_policies_and_all_together_are_a_usage_error(corpus, capsys):
    assert main(["check", "--all", str(corpus / "synthetic-policy")]) == 2
    assert "not both" in capsys.readouterr().err


def test_info_json_lists_each_policy(corpus, capsys):
    payload = _json(capsys, ["info", "--all", "--format", "json"])
    assert [p["references"] for p in payload["policies"]] == [76, 30]


def test_bibtex_of_a_corpus_has_each_paper_once(corpus, capsys, tmp_path):
    out = tmp_path / "corpus.bib"
    assert main(["export", "bibtex", "--all", "-o", str(out)]) == 0
    from pybtex.database import parse_file

    entries = parse_file(str(out)).entries
    assert len(entries) == 76 + 30 - 1
    assert [e.fields["policyref"] for e in entries.values()].count(SHARED) == 1
    assert len(set(entries)) == len(entries)


def test_graph_of_a_corpus_joins_the_shared_paper(corpus, capsys):
    from kb.knowledge.graph import from_node_link_json

    assert main(["export", "graph-json", "--all"]) == 0
    g = from_node_link_json(capsys.readouterr().out)
    assert g.nodes["paper:pmid:19657121"]["policies"] == 2
    assert sorted(d["kind"] for _, d in g.nodes(data=True) if d["kind"] == "policy") == ["policy", "policy"]


def test_estimates_of_several_policies_say_which_policy(corpus, capsys):
    rows = _json(capsys, ["estimates", "--all", "--format", "json"])
    assert {r["policy"] for r in rows} == {"regence-surgery-107", "synthetic-policy"}


def test_evidence_of_several_policies(corpus, capsys):
    payload = _json(capsys, ["evidence", "--all", "--format", "json"])
    assert [len(p["statements"]) for p in payload["policies"]] == [26, len(generate(11, n_references=30).criteria)]
