"""Exports: BibTeX read by two independent readers, CSL-JSON, graph round trips."""
import json

import networkx as nx
import pytest

from kb.outputs.bibtex import bibtex_name, citation_keys, read_bibtex, to_bibtex, to_csl_json
from kb.knowledge.graph import build_graph, from_node_link_json, to_graphml, to_node_link_json


@pytest.fixture(scope="module")
def bibtex(bundled_kb):
    return to_bibtex(bundled_kb)


def test_bibtex_has_one_entry_per_reference_and_round_trips(bibtex, bundled_kb):
    library = read_bibtex(bibtex)
    assert library.failed_blocks == []
    assert len(library.entries) == 76
    refs = {int(e.fields_dict["policyref"].value): e for e in library.entries}
    assert sorted(refs) == list(range(1, 77))
    assert refs[5].fields_dict["year"].value == "2009"
    assert refs[5].key == "buchbinder2009"


def test_pybtex_reads_first_author_and_year(bibtex, bundled_kb):
    from pybtex.database import parse_string

    data = parse_string(bibtex, "bibtex")
    assert len(data.entries) == 76
    for entry in data.entries.values():
        number = int(entry.fields["policyref"])
        ref = bundled_kb.references[number]
        if not ref.authors:
            continue
        first = entry.persons["author"][0]
        assert " ".join(first.prelast_names + first.last_names).replace("{", "").replace("}", "") == ref.first_author
        assert entry.fields["year"] == str(ref.year)


@pytest.mark.parametrize("author, expected", [
    ("Buchbinder R", "Buchbinder, R."),
    ("de Vries J", "{de Vries}, J."),
    ("McConnell CT, Jr.", "McConnell, Jr., C. T."),
    ("Blasco Andaluz J", "{Blasco Andaluz}, J."),
])
def test_bibtex_names(author, expected):
    assert bibtex_name(author) == expected


def test_colliding_keys_get_suffixes(bundled_kb):
    keys = citation_keys(list(bundled_kb.references.values()))
    assert len(set(keys.values())) == 76
    frey = sorted(k for n, k in keys.items() if n in (22, 35, 36))
    assert frey == ["frey2007", "frey2008", "frey2017"]


def test_csl_json(bundled_kb):
    items = json.loads(to_csl_json(bundled_kb))
    assert len(items) == 76
    five = next(i for i in items if i["note"] == "policyref: 5")
    assert five["author"][0] == {"family": "Buchbinder", "given": "R."}
    assert five["issued"] == {"date-parts": [[2009]]}
    nice = next(i for i in items if i["note"] == "policyref: 74")
    assert nice["author"] == [{"literal": "National Institute for Health and Clinical Excellence (NICE)"}]


def same_graph(a, b) -> bool:
    """Identity of nodes and of the edge multiset (a stronger test than isomorphism,
    and fast: VF2 isomorphism can take minutes on graphs this symmetric)."""
    def edges(g):
        return sorted((str(u), str(v), d.get("kind", "")) for u, v, d in g.edges(data=True))
    return set(map(str, a.nodes)) == set(map(str, b.nodes)) and edges(a) == edges(b)


def test_graph_json_round_trip_is_isomorphic(bundled_kb):
    g = build_graph(bundled_kb)
    back = from_node_link_json(to_node_link_json(g))
    assert same_graph(g, back)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert back.nodes["ref:5"]["kind"] == "reference"


def test_graphml_round_trip_has_76_cited_references(bundled_kb, tmp_path):
    g = build_graph(bundled_kb)
    path = tmp_path / "g.graphml"
    path.write_text(to_graphml(g), encoding="utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert same_graph(g, back)
    refs = [n for n, d in back.nodes(data=True) if d.get("kind") == "reference"]
    assert len(refs) == 76
    for n in refs:
        assert any(d.get("kind") == "cites" for _, _, d in back.in_edges(n, data=True))


def test_graphml_is_written_without_importing_numpy_and_reads_the_same_with_it(bundled_path):
    """networkx's writer would import numpy (a fifth of a second) for types our graphs never hold."""
    import subprocess
    import sys

    program = ("import sys\n{pre}from kb.knowledge.base import load_knowledge_base\n"
               "from kb.knowledge.graph import build_graph, to_graphml\n"
               "text = to_graphml(build_graph(load_knowledge_base(sys.argv[1])))\n"
               "print('numpy' in sys.modules, len(text), hash(text))\n")

    def run(pre: str) -> list[str]:
        return subprocess.run([sys.executable, "-c", program.format(pre=pre), str(bundled_path)], check=True,
                              capture_output=True, text=True, env={"PYTHONHASHSEED": "0"}).stdout.split()

    without, with_numpy = run(""), run("import numpy\n")
    assert without[0] == "False" and with_numpy[0] == "True"
    assert without[1:] == with_numpy[1:]


def test_graph_has_statements_sections_codes(bundled_kb):
    g = build_graph(bundled_kb)
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert {"reference", "statement", "section", "code"} <= kinds
    assert any(d["kind"] == "refines" for _, v, d in g.out_edges("stmt:I.A.5.k", data=True) if v == "stmt:I.A.5")
    edges = [d for _, _, d in g.in_edges("ref:22", data=True) if d["kind"] == "cites"]
    assert edges and edges[0]["line"] == 196


def test_graph_queries_on_the_bundled_policy(bundled_kb):
    from kb.knowledge.graph import citing_sections, edges_of_kind, uncited_references

    g = bundled_kb.graph
    # Reference 5 is cited under the Cochrane review (line 136), the sham-trial section (156), the adverse
    # events (262) and the AAOS guideline (276): its sections in document order.
    lines = [g.nodes[s]["line"] for s in citing_sections(g, 5)]
    assert lines == sorted(lines) and len(lines) == 4
    assert citing_sections(g, 999) == []
    assert uncited_references(g) == []
    assert len(edges_of_kind(g, "cites")) == sum(len(set(m.numbers)) for m in bundled_kb.doc.markers)


def test_an_uncited_entry_is_found_by_the_graph_query():
    from kb.knowledge.graph import build_graph, uncited_references
    from kb.knowledge.base import build_knowledge_base
    from kb.read.parse_policy import parse_policy

    text = "# T\n\nA trial.<sup>[1]</sup>\n\n### REFERENCES\n\n1. Smith AB. A trial. *J*. 2020;1:2-3.\n" \
           "2. Jones CD. Another. *J*. 2021;2:4-5.\n"
    assert uncited_references(build_graph(build_knowledge_base(parse_policy(text, "p.md")))) == [2]


def test_a_book_is_exported_with_its_publisher_not_as_a_journal_article():
    from kb.outputs.bibtex import bibtex_of, csl_json_of
    from kb.read.reference_list import parse_entry

    book = parse_entry(1, "Olsson AA. Some Tertiary mollusks. Ithaca, NY: Paleontological Research Institution; "
                          "1967.", 5)
    article = parse_entry(2, "Smith AB. A trial. *Lancet*. 2015;385(9):100-9.", 6)
    text = bibtex_of([(book, "1"), (article, "2")])
    assert "@misc{" in text and "howpublished = {Ithaca, NY: Paleontological Research Institution}" in text
    assert "@article{" in text and "journal = {Lancet}" in text
    items = json.loads(csl_json_of([(book, "1"), (article, "2")]))
    assert [(i["type"], i.get("publisher"), i.get("container-title")) for i in items] == [
        ("report", "Ithaca, NY: Paleontological Research Institution", None), ("article-journal", None, "Lancet")]
