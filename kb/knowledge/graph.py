"""The knowledge base as a networkx MultiDiGraph, plus queries and exports.

Node ids carry their kind (``ref:5``, ``stmt:I.A.5.k``, ``section:<slug>``,
``code:22510``). Nodes hold their kind and key and a few display fields;
rich data stays in the knowledge base. Edge kinds:

- ``cites``: section -> reference, one edge per marker number, with line,
  column and sentence index;
- ``contains``: section -> child section, section -> statement, section -> code;
- ``refines``: statement -> its parent statement (I.A.5.k refines I.A.5).

``kb.evidence.graph`` adds ``study`` nodes and ``reports``, ``includes``,
``describes`` and ``supports`` edges.
"""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kb.ids import code_id, ref_id, section_id, stmt_id

if TYPE_CHECKING:  # for annotations only: the knowledge base imports this module, not the other way round
    from kb.knowledge.base import KnowledgeBase


def build_graph(kb: KnowledgeBase):
    import networkx as nx

    g = nx.MultiDiGraph(policy=kb.path, title=kb.doc.title or "")
    _add_sections(g, kb)
    for number, entry in kb.references.items():
        g.add_node(ref_id(number), kind="reference", key=str(number), number=number, label=entry.label,
                   year=entry.year or 0, ref_kind=kb.kind(number))
    for st in kb.doc.statements:
        g.add_node(stmt_id(st.id), kind="statement", key=st.id, label=st.id, category=st.category or "")
    for st in kb.doc.statements:
        if st.parent:
            g.add_edge(stmt_id(st.id), stmt_id(st.parent), kind="refines")
        sec = kb.doc.section_at(st.line)
        if sec:
            g.add_edge(section_id(sec.id), stmt_id(st.id), kind="contains")
    _add_citations(g, kb)
    for code in kb.doc.codes:
        node = code_id(code.code)
        g.add_node(node, kind="code", key=code.code, label=code.code, system=code.system)
        sec = kb.doc.section_at(code.line)
        if sec:
            g.add_edge(section_id(sec.id), node, kind="contains")
    from kb.evidence.graph import add_evidence  # studies, reports, includes, describes, supports

    add_evidence(g, kb)
    return g


def _add_sections(g, kb: KnowledgeBase) -> None:
    by_path = {}
    for sec in kb.doc.sections:
        g.add_node(section_id(sec.id), kind="section", key=sec.id, label=sec.title, line=sec.line)
        by_path[sec.path] = sec
        parent = by_path.get(sec.path[:-1]) if len(sec.path) > 1 else None
        if parent is not None and parent is not sec:
            g.add_edge(section_id(parent.id), section_id(sec.id), kind="contains")


def _add_citations(g, kb: KnowledgeBase) -> None:
    for marker in kb.doc.markers:
        source = section_id(marker.section_id) if marker.section_id else "policy"
        if source not in g:
            g.add_node(source, kind="policy", key=kb.path, label=kb.doc.title or kb.path)
        for n in dict.fromkeys(marker.numbers):
            target = ref_id(n)
            if target not in g:
                # A marker pointing outside the list still shows in the graph, flagged.
                g.add_node(target, kind="reference", key=str(n), number=n, label=f"missing reference {n}",
                           year=0, ref_kind="missing")
            g.add_edge(source, target, kind="cites", line=marker.line, column=marker.column,
                       sentence=marker.sentence_index if marker.sentence_index is not None else -1)


# ---- queries: plain functions returning plain data -------------------------

def edges_of_kind(g, kind: str):
    return [(u, v, d) for u, v, d in g.edges(data=True) if d.get("kind") == kind]


def citing_sections(g, number: int) -> list[str]:
    """Sections that cite reference ``number``, in document order."""
    node = ref_id(number)
    if node not in g:
        return []
    seen = {u: g.nodes[u].get("line", 0) for u, _, d in g.in_edges(node, data=True) if d.get("kind") == "cites"}
    return sorted(seen, key=seen.get)


def uncited_references(g) -> list[int]:
    return sorted(
        d["number"] for n, d in g.nodes(data=True)
        if d.get("kind") == "reference" and d.get("ref_kind") != "missing"
        and not any(ed.get("kind") == "cites" for _, _, ed in g.in_edges(n, data=True))
    )


# ---- exports ----------------------------------------------------------------

def to_node_link_json(g) -> str:
    import networkx as nx

    data = nx.node_link_data(g, edges="edges")
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, default=str) + "\n"


def from_node_link_json(text: str):
    import networkx as nx

    return nx.node_link_graph(json.loads(text), edges="edges", multigraph=True, directed=True)


def to_graphml(g) -> str:
    import networkx as nx

    clean = g.copy()
    for _, data in clean.nodes(data=True):
        for k, v in list(data.items()):
            if v is None:
                data[k] = ""
    for _, _, data in clean.edges(data=True):
        for k, v in list(data.items()):
            if v is None:
                data[k] = ""
    clean.graph = {k: str(v) for k, v in clean.graph.items()}
    with _without_numpy():
        return "\n".join(nx.generate_graphml(clean)) + "\n"


@contextmanager
def _without_numpy():
    """networkx's GraphML writer imports numpy only to name numpy's number types, which our graphs never hold
    (their values are text, integers, floats and booleans). That import alone took 0.2-0.35 s, about a tenth of
    a site build; a ``None`` in ``sys.modules`` makes it fail, which the writer allows for. A process that has
    numpy already (matplotlib drew in it) keeps it."""
    if "numpy" in sys.modules:
        yield
        return
    sys.modules["numpy"] = None
    try:
        yield
    finally:
        if sys.modules.get("numpy", False) is None:
            del sys.modules["numpy"]
