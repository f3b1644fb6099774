"""Questions a committee member asks, as plain functions over the knowledge graph.

Each takes the graph (``kb.graph``) and returns plain sets, lists or ints.
They follow the edges only, so they work on a graph read back from a
graph-json or GraphML export too.
"""
from __future__ import annotations

from kb.ids import ref_id, stmt_id, study_id


def edges_of_kind(g, node, kind: str, *, incoming: bool):
    """``node``'s edges of one kind (``supports``, ``includes``...), in or out, as (u, v, data)."""
    if node not in g:
        return []
    edges = g.in_edges(node, data=True) if incoming else g.out_edges(node, data=True)
    return [(u, v, d) for u, v, d in edges if d.get("kind") == kind]


def evidence_source(g, statement: str) -> str | None:
    """The statement whose evidence ``statement`` uses: itself, or the nearest ancestor with ``supports``."""
    node = stmt_id(statement)
    seen = set()
    while node in g and node not in seen:
        seen.add(node)
        if edges_of_kind(g, node, "supports", incoming=True):
            return node.split(":", 1)[1]
        parents = [v for _, v, _ in edges_of_kind(g, node, "refines", incoming=False)]
        if not parents:
            return None
        node = parents[0]
    return None


def evidence_for(g, statement: str) -> list[str]:
    """Node ids of the evidence that supports ``statement`` directly (or through the ancestor it inherits from)."""
    source = evidence_source(g, statement)
    if source is None:
        return []
    return sorted({u for u, _, _ in edges_of_kind(g, stmt_id(source), "supports", incoming=True)})


def studies_behind(g, node: str, _seen: frozenset = frozenset()) -> set[str]:
    """Study ids behind a node: itself, the studies a reference reports, what a review includes (followed through)."""
    if g.nodes.get(node, {}).get("kind") == "study":
        return {node.split(":", 1)[1]}
    found = {v.split(":", 1)[1] for _, v, _ in edges_of_kind(g, node, "reports", incoming=False)}
    for _, target, _ in edges_of_kind(g, node, "includes", incoming=False):
        if target not in _seen:
            found |= studies_behind(g, target, _seen | {node})
    return found


def studies_for(g, statement: str) -> set[str]:
    """Distinct studies behind a statement's evidence: each trial once, however many reports and reviews."""
    out: set[str] = set()
    for node in evidence_for(g, statement):
        out |= studies_behind(g, node)
    return out


def reports_of(g, study: str) -> list[int]:
    """Reference numbers of the papers that report ``study``."""
    return sorted(int(u.split(":", 1)[1]) for u, _, _ in edges_of_kind(g, study_id(study), "reports", incoming=True))


def reviews_including(g, study: str) -> list[int]:
    """Reviews and guidelines that pool ``study``, directly or by including one of its reports."""
    node = study_id(study)
    targets = [node] + [ref_id(n) for n in reports_of(g, study)]
    return sorted({int(u.split(":", 1)[1]) for t in targets for u, _, _ in edges_of_kind(g, t, "includes", incoming=True)})


def statements_resting_on(g, number: int) -> list[str]:
    """Statements whose evidence includes reference ``number``, or a study it reports, inherited ones too."""
    ref = ref_id(number)
    studies = studies_behind(g, ref) if ref in g else set()
    out = []
    for node, data in g.nodes(data=True):
        if data.get("kind") != "statement":
            continue
        sid = node.split(":", 1)[1]
        evidence = evidence_for(g, sid)
        if ref in evidence or (studies and studies & studies_for(g, sid)):
            out.append(sid)
    return out
