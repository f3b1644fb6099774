"""One page per reference in the list, and the reference index.

A reference page gives the full citation, its identifiers as links, its
kind and why, the study it reports (and, for a review, the studies it
includes), the criteria it is cited for, what it found (its estimates), every
place the policy cites it (the sentence, its section and line, linking back
to the marker in the policy text), the findings about it, and its BibTeX.
"""
from __future__ import annotations

import re

from kb.sources.kinds import KIND_LABELS
from kb.site.pages import links
from kb.site.pages.common import entry_label, findings_section, section_path
from kb.site.pages.literature import status_row
from kb.site.pages.policy_text import inline
from kb.site.pages.text import doi_url, link, plain, pubmed_url, safe_url, shorten, table, title

INDEX = links.REFERENCES


def _source(entry) -> str:
    pub = plain(entry.source or "")
    tail = f"{entry.year or ''}"
    if entry.volume:
        tail += f";{entry.volume}" + (f"({entry.issue})" if entry.issue else "")
    if entry.pages:
        tail += f":{entry.pages}"
    return ". ".join(p for p in (pub, plain(tail)) if p)


def _details(page: str, kb, entry) -> str:
    kind, why = kb.kinds.get(entry.number, (None, ""))
    who = ", ".join(entry.authors) or entry.organisation or ""
    if entry.authors and re.search(r"\bet\s+al\b", entry.raw):
        who += ", et al."
    rows = [["Authors" if entry.authors else "Organisation", plain(who)] if who else None,
            ["Title", plain(entry.title)] if entry.title else None,
            ["Published in", _source(entry)] if entry.source or entry.year else None,
            ["PMID", link(plain(entry.pmid), pubmed_url(entry.pmid))] if entry.pmid else None,
            ["DOI", link(plain(entry.doi), doi_url(entry.doi))] if entry.doi else None,
            ["Web address", link(plain(entry.url), safe_url(entry.url))] if entry.url else None,
            ["Accessed", plain(entry.accessed)] if entry.accessed else None,
            status_row(page, kb, entry.number),
            ["Kind", f"{plain(KIND_LABELS.get(kind, kind or 'unknown'))} ({plain(why)})"],
            ["In the list", link(f"line {entry.line}", links.policy_line(page, kb.doc.lines, entry.line))]]
    return table(["field", "value"], [r for r in rows if r])


def _citations(page: str, kb, number: int) -> str:
    markers = kb.markers_by_number.get(number, [])
    if not markers:
        return "## Where the policy cites it\n\nThe policy text never cites this reference."
    items = []
    for m in markers:
        sentence = kb.sentence_of(m)
        place = link(f"line {m.line}", links.rel(page, links.POLICY, links.marker_anchor(m.line, m.column)))
        where = section_path(kb, m.section_id)
        quote = f": \u201c{plain(sentence.text)}\u201d" if sentence else ""
        items.append(f"- {where} \u00b7 {place}{quote}" if where else f"- {place}{quote}")
    times = f"{len(markers)} time{'s' if len(markers) != 1 else ''}"
    return f"## Where the policy cites it\n\nCited {times}. Each line number links to the citation in the policy text.\n\n" + "\n".join(items)


def _evidence(page: str, site, number: int) -> list[str]:
    """The study it reports, what it includes (a review or guideline), the criteria it is cited for, what it found."""
    from kb.site.pages.studies import estimate_table, study_link, summary

    parts = []
    if site.studies is not None:
        studies = site.studies_of_reference.get(number, [])
        parts += ["## Study it reports",
                  "\n".join(f"- {study_link(page, s)}: {summary(s)}" for s in studies) if studies else
                  "No study in the studies table: it is not a report of a primary study, or none is recorded."]
        included = [t for t in site.kb.evidence.included_by(number) if t.startswith("study:")]
        known = site.studies
        if included:
            parts += ["## Studies it includes",
                      ", ".join(study_link(page, known[t[6:]]) for t in included if t[6:] in known) + "."]
    if site.profiles is not None:
        own = [sid for sid, p in site.profiles.items()
               if not p.get("inherited_from") and number in (p.get("references") or ())]
        if own:
            from kb.site.pages.findings import stance_items

            parts += ["## Criteria it is cited for", stance_items(page, site, own, f"ref:{number}")]
    if site.estimates is not None:
        found = site.estimates_by_reference.get(number, [])
        parts += ["## What it found",
                  estimate_table(page, site, found) if found else "The policy reports no result with an interval "
                                                                  "from this reference; what it says is under "
                                                                  "*Where the policy cites it*."]
    return parts


def reference_page(site, number: int) -> str:
    kb = site.kb
    entry = kb.references[number]
    page = links.reference_path(number)
    parts = [f"# Reference {number}: {title(entry_label(entry), 90)}",
             f"> {inline(entry.raw)}",
             _details(page, kb, entry),
             link("Download this reference as BibTeX", links.rel(page, links.reference_bib_path(number)))
             + " (for Zotero, EndNote or any reference manager).",
             *_evidence(page, site, number),
             _citations(page, kb, number),
             findings_section(page, site, site.findings_by_reference.get(number, []),
                              "Findings about it", empty="No findings about this reference.")]
    return "\n\n".join(p for p in parts if p) + "\n"


def index_page(site) -> str:
    kb = site.kb
    rows = []
    for n, e in kb.references.items():
        cites = len(kb.markers_by_number.get(n, []))
        rows.append([link(str(n), links.rel(INDEX, links.reference_path(n))), plain(entry_label(e)),
                     plain(shorten(e.title or e.raw, 90)), plain(KIND_LABELS.get(kb.kind(n), "")),
                     str(cites) if cites else "**never**"])
    return ("# References\n\nThe policy's numbered reference list. *Cited* counts the places in the text "
            "that cite each one.\n\n" + table(["#", "who", "title", "kind", "cited"], rows,
                                                ["---:", "---", "---", "---", "---:"]) + "\n")


def pages(site) -> dict[str, str]:
    out = {INDEX: index_page(site)}
    bibtex = site.bibtex_by_number
    for number in site.kb.references:
        out[links.reference_path(number)] = reference_page(site, number)
        out[links.reference_bib_path(number)] = bibtex[number]
    return out


def nav(site) -> list:
    """The index only: it links every reference. Listing them in the navigation would make every one of
    their pages render the whole list (Material draws the active section's items into each page), a cost
    that grows with the square of the list; the index's table is the list, sortable by eye and searchable."""
    return [{"References": INDEX}]
