"""The annual-review worklist: what to look at before this year's review.

From the knowledge base and the checks: open findings grouped for action,
references still ahead of print, and guidelines that may have newer
versions (older than the age limit, or undated). With evidence profiles
(``Site.profiles``): criteria whose newest evidence is older than
``Site.age_limit`` years (the rule of check EVD102), and criteria with thin
or no support.
"""
from __future__ import annotations

from collections import defaultdict

from kb.sources.kinds import GUIDELINE
from kb.site.pages import links
from kb.site.pages.common import SEVERITY_WORD, entry_label, severity_rank
from kb.site.pages.home import review_year
from kb.site.pages.literature import worklist_part
from kb.site.pages.text import link, plain, pubmed_url, short_name, table

PATH = links.WORKLIST


def _open_findings(site) -> str:
    """One row per open finding, most severe first: its own problem (the finding's message) and its fix."""
    items = sorted(site.open_findings, key=lambda item: (severity_rank(item[1].severity), item[1].code,
                                                         item[1].line, item[1].column or 0))
    if not items:
        return "Nothing open." if site.results else "No checks are registered in this build."
    known = {r.code for r in site.rules}
    rows = []
    for anchor, f in items:
        code_cell = link(plain(f.code), links.rel(PATH, links.rule_path(f.code))) if f.code in known else plain(f.code)
        rows.append([SEVERITY_WORD.get(f.severity, plain(f.severity)), code_cell,
                     link(str(f.line), links.rel(PATH, links.REPORT, anchor)), plain(f.message),
                     plain(f.suggestion or "")])
    counts = defaultdict(int)
    for _, f in items:
        counts[f.severity] += 1
    tally = ", ".join(f"{n} {SEVERITY_WORD.get(s, s).lower()}" for s, n in counts.items())
    return (f"{len(items)} open ({plain(tally)}). Each row is one problem in the text; the code links to what the "
            "check looks for, the line to the finding in the report.\n\n"
            + table(["severity", "code", "line", "problem", "suggested fix"], rows, ["---", "---", "---:", "---", "---"]))


def _ahead(site) -> str:
    kb = site.kb
    rows = [[link(str(n), links.rel(PATH, links.reference_path(n))), plain(entry_label(e)), plain(e.source or ""),
             link(plain(e.pmid), pubmed_url(e.pmid)) if e.pmid else "none"]
            for n, e in kb.references.items() if e.ahead_of_print]
    if not rows:
        return "None: every journal reference has its volume or pages."
    return ("These entries have a year but no volume or pages (or say *Epub ahead of print*): the final "
            "citation has probably appeared since. Look each one up and complete the entry.\n\n"
            + table(["ref", "who", "journal", "PMID"], rows))


def guideline_ages(site) -> tuple[list, list]:
    """(guidelines that may have a newer version, the others): older than the age limit, or undated."""
    kb, flagged, recent = site.kb, [], []
    for n, e in kb.references.items():
        if kb.kind(n) != GUIDELINE:
            continue
        # Without an age limit (no effective date) every guideline is listed: none can be called recent.
        old = not e.year or site.recent_from is None or e.year < site.recent_from
        (flagged if old else recent).append((e.year or 0, n, e))
    return sorted(flagged), sorted(recent)


def _guidelines(site) -> str:
    year = review_year(site.kb)
    flagged, recent = guideline_ages(site)
    if not flagged and not recent:
        return "The reference list names no guidelines."
    rows = []
    for _, n, e in flagged:
        age = f"{year - e.year}" if year and e.year else ""
        when = plain(e.year) if e.year else (f"no year (accessed {plain(e.accessed)})" if e.accessed else "no year")
        rows.append([link(str(n), links.rel(PATH, links.reference_path(n))), plain(e.organisation or entry_label(e)),
                     plain(e.title or ""), when, age])
    which = (f"Guidelines published before {site.recent_from} (older than the {site.age_limit}-year limit) or "
             f"with no year" if site.recent_from is not None else "Every guideline (no age limit is known)")
    head = (which + ", oldest first: the issuer may have published a newer version; check its site."
            + (f" *Age* is in years at the review in {year}." if year else ""))
    body = head + "\n\n" + table(["ref", "issuer", "title", "year", "age"], rows) if rows else \
        "None: every guideline is dated within the limit."
    if recent:
        body += "\n\nWithin the limit: " + ", ".join(
            f"{link(str(n), links.rel(PATH, links.reference_path(n)))} ({plain(e.year)})" for _, n, e in recent) + "."
    return body


def stale_criteria(profiles, recent_from: int | None) -> list[tuple[str, int | None]]:
    """(criterion id, newest year) for criteria whose newest supporting reference is older than ``recent_from``.

    The same rule as the EVD102 check: criteria with evidence of their own
    (items that inherit it are represented by their source), a year on the
    cut-off counting as recent, all-undated evidence reported with year None.
    """
    if not profiles or recent_from is None:
        return []
    out = []
    for sid, p in profiles.items():
        if p.get("inherited_from") or not p.get("references"):
            continue
        newest = p.get("newest_year")
        if newest is None or int(newest) < recent_from:
            out.append((sid, newest))
    return out


def criterion_label(page: str, kb, sid: str, limit: int = 60) -> str:
    """The criterion's id, linked to its page, and the first words of its text."""
    if sid not in kb.statements:
        return plain(sid)
    return (link(plain(sid), links.rel(page, links.criterion_path(sid))) + " "
            + plain(short_name(kb.statements[sid].text, limit)))


def inheriting(profiles, sid: str) -> list[str]:
    return [k for k, p in profiles.items() if p.get("inherited_from") == sid]


def thin_criteria(profiles) -> list[tuple[str, str]]:
    """(criterion id, why) for criteria with no supporting evidence, or none from a randomized trial.

    Items that inherit their evidence are represented by the criterion they inherit from.
    """
    out = []
    for sid, p in (profiles or {}).items():
        if p.get("inherited_from"):
            continue
        if not (p.get("references") or p.get("studies")):
            out.append((sid, "no supporting evidence"))
        elif not p.get("randomized_trials"):
            out.append((sid, "no randomized trial"))
    return out


def _evidence_sections(site) -> list[str]:
    if site.profiles is None:
        return []
    kb = site.kb
    crit = lambda sid: criterion_label(PATH, kb, sid)  # noqa: E731
    items = lambda sid: ", ".join(link(plain(k), links.rel(PATH, links.criterion_path(k)))  # noqa: E731
                                  for k in inheriting(site.profiles, sid)) or "none"
    parts = []
    if site.age_limit and site.recent_from is not None:
        stale = stale_criteria(site.profiles, site.recent_from)
        parts += [f"## Evidence older than {site.age_limit} years",
                  f"Criteria whose newest supporting reference was published before {site.recent_from} (the "
                  f"effective year minus {site.age_limit}; check EVD102 reports the same criteria). Look for newer "
                  "evidence, or record why the old evidence still stands.",
                  table(["criterion", "newest evidence", "items with the same evidence"],
                        [[crit(s), plain(y) if y else "undated only", items(s)] for s, y in stale])
                  if stale else "None: every criterion has evidence within the limit."]
    thin = thin_criteria(site.profiles)
    parts += ["## Criteria with thin or no support",
              "Criteria with no supporting evidence at all, or none from a randomized trial.",
              table(["criterion", "why", "items with the same evidence"], [[crit(s), plain(w), items(s)] for s, w in thin])
              if thin else "None: every criterion has at least one randomized trial behind it."]
    return parts


def _changes(site) -> list[str]:
    """The diff against the previous version (kb diff), one table per kind of change."""
    if site.diff is None:
        return []
    from kb.diff.model import KINDS
    from kb.diff.render import TITLES, summary_line

    diff = site.diff
    parts = ["## Changes since the previous version",
             f"Compared with the version kept in the policy folder's `previous/` ({plain(summary_line(diff))}). "
             "Line numbers are the old and the new policy's; renumbering the reference list alone shows as "
             "one line per run of moved entries."]
    for kind in KINDS:
        group = diff.of_kind(kind)
        if group:
            rows = [[plain(_where(c)), plain(c.summary), plain(c.detail or "")] for c in group]
            parts += [f"### {TITLES[kind]}", table(["where", "change", "detail"], rows)]
    return parts


def _where(change) -> str:
    old = f"old line {change.old_line}" if change.old_line else ""
    new = f"new line {change.new_line}" if change.new_line else ""
    return ", ".join(p for p in (old, new) if p)


def pages(site) -> dict[str, str]:
    kb = site.kb
    due = kb.metadata("next_review")
    parts = ["# Annual-review worklist",
             f"What to look at before the review{(' due ' + plain(due)) if due else ''}, from the checks, the "
             f"reference list and the evidence behind each criterion. Each item links to its page.",
             "## Open findings", _open_findings(site),
             "## Ahead-of-print references", _ahead(site),
             "## Guidelines that may have newer versions", _guidelines(site),
             *_evidence_sections(site), *worklist_part(site), *_changes(site)]
    return {PATH: "\n\n".join(p for p in parts if p) + "\n"}


def nav(site) -> list:
    return [{"Annual review": PATH}]
