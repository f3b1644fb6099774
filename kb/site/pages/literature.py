"""The annual literature check on the site: verification status, the PubMed worklist, and new evidence.

Everything comes from files in the policy folder (the site has no network):
records of the cited papers in ``pubmed/``, literature-search exports in
``search/``, reviewed decisions in ``screening.csv`` (``kb.pubmed.layout``).
Reference pages get a "PubMed" row, the worklist a section, and, when the
folder holds a search export, the page "New evidence since the last review"
lists the triaged records by criterion and design with their decisions.
"""
from __future__ import annotations

from collections import Counter

from kb.pubmed.design import DESIGNS
from kb.pubmed.layout import SCREENING_FILE, SEARCH_DIR, folder_files
from kb.site.pages import links
from kb.site.pages.text import link, plain, pubmed_url, shorten, table

PATH = "new-evidence.md"
PER_CRITERION = 40  # rows shown per criterion; the screening list (kb pubmed new) has them all
_WORKLIST_CODES = {
    "Retracted papers and expressions of concern": ("PMD104", "PMD105"),
    "PMIDs that name another paper": ("PMD101",),
    "Final citations to update": ("PMD103",),
    "Other differences from PubMed": ("PMD102", "PMD106", "PMD107"),
}


def status_row(page: str, kb, number: int) -> list[str] | None:
    """The reference page's "PubMed" row: how its record was matched and what the check found; None without records."""
    check = kb.pubmed
    verdict = check.of(number) if check else None
    if verdict is None:
        return None
    if verdict.match is None:
        return ["PubMed", f"not found among the {len(check.records)} records in the policy folder"]
    record = verdict.match.record
    shown = link(f"PMID {plain(record.pmid)}", pubmed_url(record.pmid))
    how = {"pmid": "its PMID", "doi": "its DOI", "title": "its title and year"}[verdict.match.how]
    text = f"{plain(verdict.status)}: matched to {shown} by {how}"
    if verdict.wrong_pmid and verdict.correct is not None and verdict.correct.pmid != record.pmid:
        text += f"; the paper itself is {link('PMID ' + plain(verdict.correct.pmid), pubmed_url(verdict.correct.pmid))}"
    return ["PubMed", text]


def worklist_part(site) -> list[str]:
    check = site.kb.pubmed
    if check is None:
        return ["## PubMed check", "No PubMed records in the policy folder: run `kb pubmed fetch` (or save PubMed "
                "exports in its `pubmed/` folder) to check each reference against its record."]
    statuses = Counter(v.status for v in check.verdicts.values())
    parts = ["## PubMed check",
             f"Each reference against the {len(check.records)} PubMed records in the policy folder: "
             + ", ".join(f"{n} {plain(s)}" for s, n in sorted(statuses.items(), key=lambda p: (-p[1], p[0]))) + "."]
    for heading, codes in _WORKLIST_CODES.items():
        found = [(a, f) for a, f in site.open_findings if f.code in codes]
        rows = [[", ".join(link(str(n), links.rel(links.WORKLIST, links.reference_path(n))) for n in f.citations),
                 link(plain(f.code), links.rel(links.WORKLIST, links.REPORT, a)), plain(f.message),
                 plain(f.suggestion or "")] for a, f in found]
        parts += [f"### {heading}", table(["ref", "code", "what", "fix"], rows) if rows else "None."]
    if folder_files(site.kb.curated.folder, SEARCH_DIR):
        parts.append(f"The records of this year's search are triaged on {link('New evidence since the last review', links.rel(links.WORKLIST, PATH))}.")
    return parts


def _triaged(kb):
    from kb.pubmed.load import read_records
    from kb.pubmed.screening import read_screening
    from kb.pubmed.triage import triage

    files = folder_files(kb.curated.folder, SEARCH_DIR)
    if not files:
        return None
    since = kb.curated.provenance.get("last_review")
    records = read_records(files)
    screening = kb.curated.folder / SCREENING_FILE
    decisions = read_screening(screening) if screening.is_file() else {}
    return records, triage(records, kb.doc, str(since) if since else None), decisions, since


def _decision(d) -> str:
    if d is None or not d.decision:
        return "not screened"
    return plain(d.decision) + (f": {plain(d.reason)}" if d.reason else "") + (f" ({plain(d.reviewer)})" if d.reviewer else "")


def pages(site) -> dict[str, str]:
    found = _triaged(site.kb)
    if found is None:
        return {}
    records, rows, decisions, since = found
    kb = site.kb
    new = [t for t in rows if t.after_review is not False and t.criteria]
    when = f"after the last review ({plain(since)})" if since else "(no last_review date in provenance.yaml: all records)"
    parts = ["# New evidence since the last review",
             f"The literature search in the policy folder's `search/` ({len(records)} records): "
             f"{len(records) - len(rows)} are cited already, {len(rows)} are not; {len(new)} of those were published "
             f"{when} and bear on a criterion. Each is listed under the criterion its words match best (BM25 over "
             "title, abstract and MeSH terms), by design, with the screening decision from `screening.csv`.",
             "## By criterion and design"]
    counts = Counter((t.best, t.design) for t in new)
    screened = Counter(t.best for t in new if decisions.get(t.record.pmid) and decisions[t.record.pmid].decision)
    crit = lambda sid: link(plain(sid), links.rel(PATH, links.criterion_path(sid))) if sid in kb.statements else plain(sid)  # noqa: E731
    order = [s.id for s in kb.doc.statements if any(t.best == s.id for t in new)]
    parts.append(table(["criterion", *DESIGNS, "screened"],
                       [[crit(sid), *[str(counts.get((sid, d), 0)) for d in DESIGNS], str(screened.get(sid, 0))]
                        for sid in order]) if order else "No new record bears on a criterion.")
    for sid in order:
        mine = sorted((t for t in new if t.best == sid), key=lambda t: (DESIGNS.index(t.design), -t.score))
        table_rows = [[link(plain(t.record.pmid), pubmed_url(t.record.pmid)),
                       plain(f"{t.record.first_author or ''} {t.record.year or ''}".strip()),
                       plain(shorten(t.record.title, 120)), plain(t.design), plain(t.record.pub_date or ""),
                       f"{t.score:.1f}", _decision(decisions.get(t.record.pmid))] for t in mine[:PER_CRITERION]]
        more = (f"\n\nAnd {len(mine) - PER_CRITERION} more: `kb pubmed new` writes the full screening list."
                if len(mine) > PER_CRITERION else "")
        statement = kb.statements.get(sid)
        parts += [f"## Criterion {plain(sid)}",
                  (plain(shorten(statement.text, 200)) + " " if statement else "") + crit(sid),
                  table(["PMID", "first author", "title", "design", "published", "score", "decision"], table_rows) + more]
    return {PATH: "\n\n".join(parts) + "\n"}


def nav(site) -> list:
    return [{"New evidence": PATH}] if folder_files(site.kb.curated.folder, SEARCH_DIR) else []
