"""kb evidence: the JSON contract, one criterion, the overlap table; the graph exports carry the new kinds."""
import json

import networkx as nx

from evidence_helpers import full
from kb.cli import main
from kb.knowledge.graph import build_graph, from_node_link_json, to_graphml, to_node_link_json


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_on_the_bundled_policy(capsys):
    code, out, _ = run(capsys, "evidence", "--format", "json")
    assert code == 0
    statements = json.loads(out)["statements"]
    assert [s["id"] for s in statements][:3] == ["I", "I.A", "I.A.1"] and len(statements) == 26
    for s in statements:
        assert {"id", "text", "references", "studies", "randomized_trials", "sham_controlled_trials",
                "randomized_patients", "newest_year", "guidelines"} <= set(s)
        assert all(isinstance(n, int) for n in s["references"] + s["guidelines"])
    top = {s["id"]: s for s in statements}
    assert top["I"]["sham_controlled_trials"] == 4 and top["II"]["guidelines"] == []


def test_one_statement(capsys):
    code, out, _ = run(capsys, "evidence", "--statement", "I.A.4", "--format", "json")
    (only,) = json.loads(out)["statements"]
    assert code == 0 and only["id"] == "I.A.4" and only["guidelines"] == [69, 71, 72, 74]
    code, out, _ = run(capsys, "evidence", "--statement", "I.A.4.b")
    assert code == 0 and "same evidence as I.A.4" in out


def test_unknown_statement_is_one_line_exit_2(capsys):
    code, out, err = run(capsys, "evidence", "--statement", "IV")
    assert code == 2 and out == "" and err.count("\n") == 1 and "no criterion 'IV'" in err


def test_text_output_and_summary(capsys, tmp_path):
    code, out, _ = run(capsys, "evidence", str(full(tmp_path)))
    assert code == 0
    assert "randomized trials 3 (sham-controlled 1); randomized patients 160 (size not given: green-2019)" in out
    assert out.rstrip().endswith("4 criteria: 3 with evidence of their own, 1 inheriting it, 0 without evidence")


def test_overlap_json(capsys):
    code, out, _ = run(capsys, "evidence", "--overlap", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["overall"]["N"] == 15 and data["overall"]["r"] == 7 and data["overall"]["c"] == 5
    assert data["topics"]["balloon-kyphoplasty"]["cca"] is None


def test_list_sections(capsys):
    code, out, _ = run(capsys, "evidence", "--list-sections")
    assert code == 0 and "  248  sacroplasty-and-coccygeoplasty  (SACROPLASTY AND COCCYGEOPLASTY)" in out


def test_exports_carry_studies_and_evidence_edges(bundled_kb, tmp_path):
    g = build_graph(bundled_kb)
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert {"reports", "includes", "supports", "describes"} <= kinds
    back = from_node_link_json(to_node_link_json(g))
    assert back.nodes["study:free"] == g.nodes["study:free"]
    assert back.nodes["study:free"]["randomized"] is True
    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(g), encoding="utf-8")
    read = nx.read_graphml(path, force_multigraph=True)
    assert read.nodes["study:vapour"]["kind"] == "study" and read.nodes["study:vapour"]["n_randomized"] == 120
    reports = sorted(u for u, v, d in read.edges(data=True) if d["kind"] == "reports" and v == "study:free")
    assert reports == ["ref:25", "ref:26", "ref:27"]
    from kb.evidence.queries import reports_of, reviews_including

    for graph in (back, read):  # the queries work on a graph read back from either export
        assert reports_of(graph, "free") == [25, 26, 27]
        assert reviews_including(graph, "rousing-2009") == [61, 64]
        edges = sorted((u, v, d["kind"]) for u, v, d in graph.edges(data=True))
        assert edges == sorted((u, v, d["kind"]) for u, v, d in g.edges(data=True))
