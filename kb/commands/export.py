"""Export the reference list (BibTeX, CSL-JSON) or the graph (node-link JSON, GraphML)."""
from __future__ import annotations

from .common import add_policy_argument, emit, load

FORMATS = ("bibtex", "csl-json", "graph-json", "graphml")


def add_arguments(parser) -> None:
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help=", ".join(FORMATS))
    add_policy_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")


def render(kb, fmt: str) -> str:
    if fmt == "bibtex":
        from ..bib import to_bibtex
        return to_bibtex(kb)
    if fmt == "csl-json":
        from ..bib import to_csl_json
        return to_csl_json(kb)
    from ..graph import build_graph, to_graphml, to_node_link_json
    graph = build_graph(kb)
    return to_node_link_json(graph) if fmt == "graph-json" else to_graphml(graph)


def run(args) -> int:
    emit(render(load(args), args.format), args.output)
    return 0
