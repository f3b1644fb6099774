"""The annual-review worklist: what to look at before this year's review.

From the knowledge base and the checks: open findings grouped for action,
references still ahead of print, and guidelines with their age. With
evidence profiles (``Site.profiles``): criteria whose newest evidence is
older than ``Site.age_limit`` years, and criteria with thin or no support.
"""
from __future__ import annotations

from collections import defaultdict

from ..classify import GUIDELINE
from . import links
from .common import SEVERITY_WORD, severity_rank
from .home import review_year
from .text import link, plain, pubmed_url, table

PATH = links.WORKLIST


def ahead_of_print(entry) -> bool:
    """Marked 'Epub ahead of print', or a journal article with a year but no volume and no pages yet."""
    return entry.epub_ahead or bool(entry.year and entry.source and not entry.volume and not entry.pages)


def _open_findings(site) -> str:
    groups = defaultdict(list)
    for anchor, f in site.open_findings:
        groups[(severity_rank(f.severity), f.code)].append((anchor, f))
    if not groups:
        return "Nothing open." if site.results else "No checks are registered in this build."
    known = {r.code: r for r in site.rules}
    rows = []
    for (_, code), items in sorted(groups.items()):
        f0 = items[0][1]
        what = plain(known[code].summary) if code in known else ""
        code_cell = link(plain(code), links.rel(PATH, links.rule_path(code))) if code in known else plain(code)
        lines = ", ".join(link(str(f.line), links.rel(PATH, links.REPORT, a)) for a, f in items[:12])
        more = f" and {len(items) - 12} more" if len(items) > 12 else ""
        rows.append([SEVERITY_WORD.get(f0.severity, plain(f0.severity)), code_cell, what, str(len(items)),
                     lines + more])
    return table(["severity", "code", "what to fix", "how many", "lines (to the report)"], rows)


def _ahead(site) -> str:
    kb = site.kb
    rows = [[link(str(n), links.rel(PATH, links.reference_path(n))), plain(e.label), plain(e.source or ""),
             link(plain(e.pmid), pubmed_url(e.pmid)) if e.pmid else "none"]
            for n, e in kb.references.items() if ahead_of_print(e)]
    if not rows:
        return "None: every journal reference has its volume or pages."
    return ("These entries have a year but no volume or pages (or say *Epub ahead of print*): the final "
            "citation has probably appeared since. Look each one up and complete the entry.\n\n"
            + table(["ref", "who", "journal", "PMID"], rows))


def _guidelines(site) -> str:
    kb, year = site.kb, review_year(site.kb)
    rows = []
    for n, e in kb.references.items():
        if kb.kind(n) != GUIDELINE:
            continue
        age = f"{year - e.year}" if year and e.year else ""
        when = plain(e.year) if e.year else (f"no year (accessed {plain(e.accessed)})" if e.accessed else "no year")
        rows.append((e.year or 0, [link(str(n), links.rel(PATH, links.reference_path(n))),
                                   plain(e.organisation or e.label), plain(e.title or ""), when, age]))
    if not rows:
        return "The reference list names no guidelines."
    rows.sort(key=lambda r: r[0])
    head = ("Oldest first. A newer version may exist; check the issuer's site."
            + (f" *Age* is in years at the review in {year}." if year else ""))
    return head + "\n\n" + table(["ref", "issuer", "title", "year", "age"], [r for _, r in rows])


def stale_criteria(profiles, year: int | None, limit: int | None) -> list[tuple[str, int | None]]:
    """(criterion id, newest year) for criteria whose newest evidence is older than ``limit`` years."""
    if not profiles or not year or not limit:
        return []
    out = []
    for sid, p in profiles.items():
        newest = p.get("newest_year")
        if newest is None or year - int(newest) > limit:
            out.append((sid, newest))
    return out


def thin_criteria(profiles) -> list[tuple[str, str]]:
    """(criterion id, why) for criteria with no supporting reference or no randomized trial."""
    out = []
    for sid, p in (profiles or {}).items():
        if not (p.get("references") or p.get("studies")):
            out.append((sid, "no supporting evidence"))
        elif not p.get("randomized_trials"):
            out.append((sid, "no randomized trial"))
    return out


def _evidence_sections(site) -> list[str]:
    if site.profiles is None:
        return []
    kb, year = site.kb, review_year(site.kb)
    crit = lambda sid: link(plain(sid), links.rel(PATH, links.criterion_path(sid))) if sid in kb.statements else plain(sid)  # noqa: E731
    parts = []
    if site.age_limit:
        stale = stale_criteria(site.profiles, year, site.age_limit)
        parts += [f"## Evidence older than {site.age_limit} years",
                  table(["criterion", "newest evidence"], [[crit(s), plain(y) if y else "none"] for s, y in stale])
                  if stale else "None: every criterion has evidence within the limit."]
    thin = thin_criteria(site.profiles)
    parts += ["## Criteria with thin or no support",
              table(["criterion", "why"], [[crit(s), plain(w)] for s, w in thin]) if thin
              else "None: every criterion has at least one randomized trial behind it."]
    return parts


def pages(site) -> dict[str, str]:
    kb = site.kb
    due = kb.metadata("next_review")
    parts = ["# Annual-review worklist",
             f"What to look at before the review{(' due ' + plain(due)) if due else ''}, from the checks and the "
             f"reference list. Each item links to its page.",
             "## Open findings", _open_findings(site),
             "## Ahead-of-print references", _ahead(site),
             "## Guidelines and their years", _guidelines(site),
             *_evidence_sections(site)]
    return {PATH: "\n\n".join(p for p in parts if p) + "\n"}


def nav(site) -> list:
    return [{"Annual review": PATH}]
