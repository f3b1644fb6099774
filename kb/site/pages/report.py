"""The citation and statistics report: every finding, grouped by severity and then by check code."""
from __future__ import annotations

import re
from collections import defaultdict

from kb.read.model import SEVERITIES
from kb.site.pages import links
from kb.site.pages.common import finding_item
from kb.site.pages.text import link, plain, title
from kb.ids import slug

PATH = links.REPORT
HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Info"}


def _summary(site) -> str:
    open_ = [f for _, f in site.open_findings]
    waived = len(site.findings) - len(open_)
    if not site.results:
        return "No checks are registered in this build, so there is nothing to report."
    counts = {s: sum(1 for f in open_ if f.severity == s) for s in SEVERITIES}
    text = (f"{len(site.results)} checks ran on {plain(site.kb.path)} and found {len(open_)} open findings: "
            + ", ".join(f"{counts[s]} {HEADINGS[s].lower()}" for s in SEVERITIES)
            + (f"; {waived} more were reviewed by an editor and waived" if waived else "") + ". "
            f"Each finding names the line in the {link('policy text', links.rel(PATH, links.POLICY))}; "
            f"each code links to the page that explains the check ({link('all codes', links.rel(PATH, links.RULES))}).")
    for r in site.crashed:
        text += f"\n\n!!! failure \"{plain(r.rule.code)} crashed\"\n    {plain(r.crashed)}. The other checks ran."
    return text


def _rule_summaries(site) -> dict[str, str]:
    return {r.code: r.summary for r in site.rules}


def pages(site) -> dict[str, str]:
    parts = ["# Findings report", _summary(site)]
    summaries = _rule_summaries(site)
    groups: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for anchor, f in site.findings:
        groups[f.severity if f.severity in SEVERITIES else "other"][f.code].append((anchor, f))
    for severity in (*SEVERITIES, "other"):
        if severity not in groups:
            continue
        n = sum(len(v) for v in groups[severity].values())
        parts.append(f"## {HEADINGS.get(severity, 'Other')} ({n}) {{: #{severity} }}")
        for code in sorted(groups[severity]):
            items = groups[severity][code]
            about = f": {title(summaries[code], 100)}" if code in summaries else ""
            parts.append(f"### {title(code)}{about} ({len(items)}) {{: #{severity}-{slug(code)} }}")
            if code in summaries:
                parts.append(f"What this check looks for: {link(plain(code), links.rel(PATH, links.rule_path(code)))}.")
            parts.append("\n".join(
                finding_item(PATH, site, anchor, f).replace("- ", f'- <span id="{anchor}"></span>', 1)
                for anchor, f in items))
    return {PATH: "\n\n".join(p for p in parts if p) + "\n"}


def nav(site) -> list:
    return [{"Findings report": PATH}]
