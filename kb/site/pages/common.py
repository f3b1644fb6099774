"""Pieces several page families share: findings lists, headings, where a place is in the policy."""
from __future__ import annotations

from kb.read.model import SEVERITIES
from kb.site.pages import links
from kb.site.pages.text import link, plain, short_name, title

SEVERITY_WORD = {"error": "Error", "warning": "Warning", "info": "Info"}


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


def entry_label(entry) -> str:
    """'Buchbinder (2009)', the organisation, or a few whole words of the title when the entry names no one."""
    if entry.first_author or entry.organisation:
        return entry.label
    words = short_name(entry.title or "untitled", 40)
    return f"{words} ({entry.year})" if entry.year else words


def where(page: str, kb, line: int) -> str:
    """'line 196' linked to the policy text, with the section it is in."""
    target = links.policy_line(page, kb.doc.lines, line)
    section = kb.doc.section_at(line)
    label = f"line {int(line)}"
    return f"{link(label, target)}" + (f" ({title(section.title, 60)})" if section else "")


def finding_item(page: str, site, anchor: str, f, *, show_place: bool = True) -> str:
    """One finding as a list item: severity, code (to its rule page) and place; then message and fix."""
    known = {r.code for r in site.rules}
    code = plain(f.code)
    code_link = link(code, links.rel(page, links.rule_path(f.code))) if f.code in known else code
    parts = [f"**{SEVERITY_WORD.get(f.severity, plain(f.severity))}**", code_link]
    if show_place:
        parts.append(where(page, site.kb, f.line))
    text = " \u00b7 ".join(parts) + f"<br>{plain(f.message)}"
    if f.suggestion:
        text += f"<br>*Suggested fix:* {plain(f.suggestion)}"
    refs = [n for n in dict.fromkeys(f.citations) if n in site.kb.references]
    if refs:
        shown = ", ".join(link(str(n), links.rel(page, links.reference_path(n))) for n in refs[:8])
        more = f" and {len(refs) - 8} more" if len(refs) > 8 else ""
        text += f"<br>References: {shown}{more}"
    if f.waived:
        text += f"<br>*Waived:* {plain(f.waived)}"
    if page != links.REPORT:
        text += " \u00b7 " + link("in the report", links.rel(page, links.REPORT, anchor))
    return f"- {text}"


def findings_section(page: str, site, items, heading: str = "Findings", empty: str | None = None) -> str:
    if not items:
        return f"## {heading}\n\n{empty}\n" if empty else ""
    ordered = sorted(items, key=lambda it: (severity_rank(it[1].severity), it[1].line, it[1].code))
    body = "\n".join(finding_item(page, site, a, f) for a, f in ordered)
    return f"## {heading}\n\n{body}\n"


def section_path(kb, section_id: str | None) -> str:
    """'PERCUTANEOUS VERTEBROPLASTY › SYSTEMATIC REVIEWS', without a lone issuer heading on top."""
    sec = kb.sections.get(section_id) if section_id else None
    if not sec:
        return ""
    path = sec.path
    tops = [s for s in kb.doc.sections if s.level == 1]
    if len(tops) == 1 and len(path) > 1 and path[0] == tops[0].title:
        path = path[1:]
    return " \u203a ".join(title(t, 50) for t in path)
