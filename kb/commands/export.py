"""Export the reference list (BibTeX, CSL-JSON) or the graph (node-link JSON, GraphML).

With several policies (or --all) the reference list has each paper once
(matched by PMID, then DOI, then title and year), its `policyref` naming every
policy and number that cites it; the graph is the corpus graph: a node per
policy and per paper, `cites` edges carrying the number each policy uses.
"""
from __future__ import annotations

from .common import add_policy_argument, check_output, emit, load_path, policy_paths

FORMATS = ("bibtex", "csl-json", "graph-json", "graphml")


def add_arguments(parser) -> None:
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help=", ".join(FORMATS))
    add_policy_argument(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here (atomically) instead of stdout")


def render(kb, fmt: str) -> str:
    if fmt == "bibtex":
        from kb.outputs.bibtex import to_bibtex
        return to_bibtex(kb)
    if fmt == "csl-json":
        from kb.outputs.bibtex import to_csl_json
        return to_csl_json(kb)
    from kb.knowledge.graph import build_graph, to_graphml, to_node_link_json
    graph = build_graph(kb)
    return to_node_link_json(graph) if fmt == "graph-json" else to_graphml(graph)


def render_corpus(corpus, fmt: str) -> str:
    from kb.outputs.bibtex import bibtex_of, corpus_items, csl_json_of

    if fmt == "bibtex":
        return bibtex_of(corpus_items(corpus))
    if fmt == "csl-json":
        return csl_json_of(corpus_items(corpus))
    from kb.knowledge.corpus import corpus_graph
    from kb.knowledge.graph import to_graphml, to_node_link_json
    graph = corpus_graph(corpus)
    return to_node_link_json(graph) if fmt == "graph-json" else to_graphml(graph)


def run(args) -> int:
    paths = policy_paths(args)
    if args.output:
        check_output(args.output, paths)  # before the work, not after it
    if len(paths) == 1:
        emit(render(load_path(paths[0]), args.format), args.output, paths)
        return 0
    from kb.knowledge.corpus import load_corpus

    emit(render_corpus(load_corpus(paths), args.format), args.output, paths)
    return 0
