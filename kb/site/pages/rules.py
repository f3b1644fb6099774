"""One page per check code, written from the rule's docstring, with its findings on this policy.

Docstrings have the sections What / Why / Example / Fix. They are read as
text, not Markdown: an example quoting ``<sup>[5]</sup>`` must show those
characters, so examples go into literal blocks and prose is escaped.
"""
from __future__ import annotations

import re

from kb.checks import Rule
from kb.site.pages import links
from kb.site.pages.common import SEVERITY_WORD, findings_section
from kb.site.pages.text import code_block, link, plain, table, title

INDEX = links.RULES
_CODE = re.compile(r"[A-Z]{2,5}[0-9]{1,4}")
_SECTION = re.compile(r"^(What|Why|Examples?|Fix|How to fix)\b\s*:?\s*(.*)$", re.IGNORECASE)


def split_doc(doc: str) -> tuple[str, list[tuple[str, str]]]:
    """(opening text, [(section name, body)]) from a What / Why / Example / Fix docstring."""
    intro: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    for line in doc.splitlines():
        m = _SECTION.match(line.strip())
        if m and (m.group(2) or line.strip().endswith(":") or line.strip().lower() == m.group(1).lower()):
            sections.append((m.group(1).capitalize(), [m.group(2)] if m.group(2) else []))
        elif sections:
            sections[-1][1].append(line)
        else:
            intro.append(line)
    return "\n".join(intro).strip(), [(name, "\n".join(body).strip("\n")) for name, body in sections]


def _paragraphs(text: str) -> str:
    return "\n\n".join(plain(p) for p in re.split(r"\n\s*\n", text) if p.strip())


def rule_page(site, rule: Rule) -> str:
    page = links.rule_path(rule.code)
    intro, sections = split_doc(rule.doc)
    parts = [f"# {title(rule.code)}: {title(rule.name)}",
             f"Default severity: **{SEVERITY_WORD.get(rule.severity, plain(rule.severity))}**. "
             f"Family {plain(rule.code[:3])}."
             + (f" Run it alone with `kb check --select {rule.code}`." if _CODE.fullmatch(rule.code) else ""),
             _paragraphs(intro)]
    for name, body in sections:
        if not body.strip():
            continue
        text = code_block(_dedent(body)) if name.startswith("Example") else _paragraphs(body)
        parts += [f"## {name}", text]
    mine = [item for item in site.findings if item[1].code == rule.code]
    parts.append(findings_section(page, site, mine, "On this policy", empty="No findings on this policy."))
    return "\n\n".join(p for p in parts if p) + "\n"


def _dedent(text: str) -> str:
    import textwrap
    return textwrap.dedent(text).strip("\n")


def pages(site) -> dict[str, str]:
    rows = []
    out = {}
    for rule in site.rules:
        n = sum(1 for _, f in site.findings if f.code == rule.code)
        rows.append([link(title(rule.code), links.rel(INDEX, links.rule_path(rule.code))), plain(rule.name),
                     SEVERITY_WORD.get(rule.severity, plain(rule.severity)), plain(rule.summary), str(n)])
        out[links.rule_path(rule.code)] = rule_page(site, rule)
    body = (table(["code", "name", "severity", "what it checks", "findings here"], rows)
            if rows else "No checks are registered in this build.")
    out[INDEX] = ("# Check codes\n\nEvery check the site ran, one code each, in families like a linter's. "
                  "Each page explains what the check looks for, why it matters, an example and the fix.\n\n"
                  + body + "\n")
    return out


def nav(site) -> list:
    return [{"Check codes": INDEX}]  # the index links every code (see references.nav for why not each one)
