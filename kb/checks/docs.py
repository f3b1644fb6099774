"""Rule documentation from docstrings: one Markdown page per rule, and the list of all rules.

A rule's docstring is a one-line summary, then the sections ``What:``,
``Why:``, ``Example:`` and ``Fix:``, each running until the next one. Pure
functions: the CLI prints them and the site can publish them.
"""
from __future__ import annotations

import re

from kb.patterns import lazy

SECTIONS = ("What", "Why", "Example", "Fix")
FAMILY_TITLES = {
    "REF": "reference list",
    "CIT": "citations",
    "DOC": "document structure",
    "EST": "effect estimates and statistics",
    "EVD": "evidence behind criteria",
    "PMD": "PubMed records",
    "WVR": "waivers",
}
_HEADER = lazy(rf"^({'|'.join(SECTIONS)}):\s*(.*)$")


def sections(rule) -> dict[str, str]:
    """The docstring's sections by name (only those present), text re-flowed to single spaces per paragraph."""
    found: dict[str, list[str]] = {}
    current = None
    for line in rule.doc.splitlines()[1:]:
        m = _HEADER.match(line)
        if m:
            current = m.group(1)
            found[current] = [m.group(2)]
        elif current:
            found[current].append(line)
    return {name: _reflow(lines) for name, lines in found.items()}


def _reflow(lines: list[str]) -> str:
    paragraphs = "\n".join(lines).strip().split("\n\n")
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return text[:1].upper() + text[1:]


def family(code: str) -> str:
    prefix = code[:3]
    return f"{prefix} ({FAMILY_TITLES[prefix]})" if prefix in FAMILY_TITLES else prefix


def rule_page(rule) -> str:
    """The rule's documentation page in Markdown."""
    parts = [f"# {rule.code} {rule.name}", "", rule.summary, "",
             f"Default severity: **{rule.severity}**. Family: {family(rule.code)}.", ""]
    found = sections(rule)
    for name in SECTIONS:
        if name in found:
            parts += [f"## {name}", "", found[name], ""]
    return "\n".join(parts)


def rule_record(rule) -> dict:
    """The same content as data (for --format json)."""
    found = sections(rule)
    return {"code": rule.code, "name": rule.name, "severity": rule.severity, "summary": rule.summary,
            **{name.lower(): found.get(name) for name in SECTIONS}}


def rules_table(rules) -> str:
    """Every rule in a Markdown table: code, name, default severity, summary."""
    rows = ["| code | name | severity | what it finds |", "| --- | --- | --- | --- |"]
    rows += [f"| {r.code} | {r.name} | {r.severity} | {r.summary.replace('|', chr(92) + '|')} |"
             for r in sorted(rules, key=lambda r: r.code)]
    return "\n".join(rows) + "\n"


def rules_text(rules) -> str:
    """Every rule as aligned plain-text columns, for the terminal."""
    width = max((len(r.name) for r in rules), default=0)
    lines = [f"{r.code}  {r.severity:<7}  {r.name:<{width}}  {r.summary}" for r in sorted(rules, key=lambda r: r.code)]
    return "\n".join(lines + [f"{len(rules)} rules; kb check --explain CODE shows one in full"]) + "\n"
