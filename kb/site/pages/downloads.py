"""Downloads: the reference list and graph exports, the JSON check report, the estimates and evidence profiles."""
from __future__ import annotations

from kb.site.pages import links
from kb.site.pages.text import link, table

PATH = links.DOWNLOADS


def files(site) -> list[tuple[str, str, str]]:
    """(docs path, what it is, content), made at build time from the same data as the pages."""
    from kb.outputs.bibtex import to_csl_json
    from kb.knowledge.graph import to_graphml, to_node_link_json
    from kb.outputs.report import to_json

    kb = site.kb
    graph = kb.graph
    return [
        ("downloads/references.bib", "The reference list as BibTeX, for Zotero, EndNote, JabRef or LaTeX.",
         whole_bibtex(site)),
        ("downloads/references.csl.json", "The reference list as CSL-JSON, for pandoc and Zotero.", to_csl_json(kb)),
        ("downloads/graph.json", "The knowledge graph (sections, criteria, references, citations) as "
                                 "networkx node-link JSON.", to_node_link_json(graph)),
        ("downloads/graph.graphml", "The same graph as GraphML, for Gephi or Cytoscape.", to_graphml(graph)),
        ("downloads/check-report.json", "Every finding of the checks as JSON (the output of "
                                        "`kb check --format json`).", to_json(kb.path, site.results)),
    ] + _evidence_files(site)


def whole_bibtex(site) -> str:
    """The list's BibTeX (``kb.outputs.bibtex.to_bibtex``'s text), joined from the entries the reference pages
    offer one by one: the same keys and fields, encoded once for both (tests/test_pages.py holds them equal)."""
    return "\n\n".join(site.bibtex_by_number.values())


def _evidence_files(site) -> list[tuple[str, str, str]]:
    import json

    from kb.estimates.table import COLUMNS, estimate_rows, to_csv

    out = []
    if site.estimates is not None:
        out.append(("downloads/estimates.csv", "Every effect estimate the rationale reports with an interval, one "
                    "row each, numbers as printed, with the checks it fails (the output of `kb estimates`).",
                    to_csv(estimate_rows(site.estimates), COLUMNS)))
    if site.profiles is not None:
        out.append(("downloads/evidence.json", "The evidence profile of every criterion as JSON (the output of "
                    "`kb evidence --format json`).",
                    json.dumps({"document": site.kb.path, "statements": list(site.profiles.values())}, indent=2,
                               ensure_ascii=False) + "\n"))
    return out


def _size(n: int) -> str:
    return f"{n}\u00a0bytes" if n < 1024 else f"{n / 1024:.1f}\u00a0KB"


def pages(site) -> dict[str, str]:
    made = files(site)
    rows = [[link(path.rsplit("/", 1)[1], links.rel(PATH, path)), what, _size(len(text.encode()))]
            for path, what, text in made]
    out = {path: text for path, _, text in made}
    forest = (f"\n\nEach {link('forest plot', links.rel(PATH, links.FOREST))}'s page links the CSV of its rows."
              if site.figures else "")
    out[PATH] = ("# Downloads\n\nMade from the same knowledge base as these pages, when the site was built.\n\n"
                 + table(["file", "what it is", "size"], rows, ["---", "---", "---:"]) + forest + "\n")
    return out


def nav(site) -> list:
    return [{"Downloads": PATH}]
