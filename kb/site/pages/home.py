"""The home page: the policy at a glance, its findings by severity, its criteria as a tree."""
from __future__ import annotations

import re
from collections import Counter

from kb.sources.kinds import KIND_LABELS
from kb.read.model import SEVERITIES
from kb.site.pages import links
from kb.site.pages.common import SEVERITY_WORD
from kb.site.pages.text import link, plain, shorten, table, title

PATH = links.HOME


def _facts(kb) -> str:
    rows = []
    for label, key in (("Issuer", "issuer"), ("Policy", "policy_number"), ("Effective", "effective"),
                       ("Next review", "next_review"), ("Last review", "last_review")):
        value = kb.metadata(key)
        if value:
            rows.append(f"- **{label}:** {plain(value)}")
    return "\n".join(rows)


def _counts(site) -> str:
    kb = site.kb
    kinds = Counter(kind for kind, _ in kb.kinds.values())
    by_kind = "; ".join(f"{plain(KIND_LABELS.get(k, k))}: {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1]))
    cited = len([n for n in kb.references if n in kb.cited])
    items = [
        f"{len(kb.doc.statements)} {link('coverage criteria', links.rel(PATH, links.CRITERIA))}",
        f"{len(kb.references)} {link('references', links.rel(PATH, links.REFERENCES))} "
        f"({cited} cited in the text, {len(kb.uncited)} never cited). By kind: {by_kind}",
        f"{len(kb.doc.markers)} citation markers in {len(kb.doc.sentences)} sentences of "
        f"{link('the policy text', links.rel(PATH, links.POLICY))}",
        f"{len(kb.doc.codes)} {link('billing codes', links.rel(PATH, links.CODES))}",
    ]
    return "\n".join(f"- {i}" for i in items)


def _findings(site) -> str:
    open_ = [f for _, f in site.open_findings]
    if not site.results:
        return "No checks are registered in this build, so there are no findings to show."
    counts = Counter(f.severity for f in open_)
    waived = len(site.findings) - len(open_)
    rows = [[SEVERITY_WORD[s], link(str(counts[s]), links.rel(PATH, links.REPORT, s)) if counts[s] else "0"]
            for s in SEVERITIES]
    text = (f"The {len(site.results)} checks found {len(open_)} open findings"
            + (f" ({waived} more were reviewed and waived)" if waived else "") + ".\n\n")
    text += table(["severity", "open findings"], rows, ["---", "---:"])
    if site.crashed:
        text += f"\n\n{len(site.crashed)} checks crashed; see the {link('report', links.rel(PATH, links.REPORT))}."
    return text + f"\n\nWhat to update this year: the {link('annual-review worklist', links.rel(PATH, links.WORKLIST))}."


def criteria_tree(page: str, kb, limit: int = 90) -> str:
    """Nested list: each criterion's id links to its page, followed by the start of its text."""
    depth: dict[str, int] = {}
    lines = []
    for st in kb.doc.statements:
        depth[st.id] = depth.get(st.parent, -1) + 1 if st.parent else 0
        label = link(plain(st.id), links.rel(page, links.criterion_path(st.id)))
        # Top-level criteria say what they decide; the text that says it may be cut off below.
        category = f" (*{plain(st.category)}*)" if depth[st.id] == 0 and st.category else ""
        lines.append("    " * depth[st.id] + f"- {label}{category}: {plain(shorten(st.text, limit))}")
    return "\n".join(lines) if lines else "The parser found no numbered coverage criteria in this policy."


def pages(site) -> dict[str, str]:
    kb = site.kb
    name = kb.metadata("title") or kb.doc.title or "Policy"
    parts = [f"# {title(name, 120)}", _facts(kb), site.intro.strip(),
             "## At a glance", _counts(site), "## Findings", _findings(site),
             "## Criteria", criteria_tree(PATH, kb)]
    return {PATH: "\n\n".join(p for p in parts if p) + "\n"}


def review_year(kb) -> int | None:
    """The year of the next review (else the effective date): the 'now' of the annual review."""
    for key in ("next_review", "effective"):
        m = re.search(r"(?:19|20)\d{2}", kb.metadata(key) or "")
        if m:
            return int(m.group(0))
    return None


def nav(site) -> list:
    return [{"Home": PATH}]
