"""A ``Diff`` as text (for the terminal), JSON (for tools) or Markdown (for the site)."""
from __future__ import annotations

import json

from .model import KINDS, Diff

TITLES = {
    "criterion-added": "Criteria added", "criterion-removed": "Criteria removed",
    "criterion-changed": "Criteria changed", "criterion-renumbered": "Criteria relabelled",
    "reference-added": "References added", "reference-removed": "References removed",
    "reference-updated": "References updated", "references-renumbered": "Reference list renumbered",
    "citation-moved": "Citations moved", "sentence-added": "Sentences added",
    "sentence-removed": "Sentences removed", "sentence-changed": "Sentences changed",
    "estimate-changed": "Estimates changed", "finding-new": "Findings new in NEW",
    "finding-fixed": "Findings fixed since OLD",
}


def _where(c) -> str:
    old = f"OLD:{c.old_line}" if c.old_line else ""
    new = f"NEW:{c.new_line}" if c.new_line else ""
    return " -> ".join(p for p in (old, new) if p)


def summary_line(diff: Diff) -> str:
    counts = diff.counts()
    if not counts:
        return "no differences"
    return f"{len(diff.changes)} changes (" + "; ".join(f"{TITLES[k].lower()}: {n}" for k, n in counts.items()) + ")"


def to_text(diff: Diff) -> str:
    lines = [f"--- {diff.old}", f"+++ {diff.new}"]
    for kind in KINDS:
        group = diff.of_kind(kind)
        if not group:
            continue
        lines += ["", f"{TITLES[kind]} ({len(group)}):"]
        for c in group:
            lines.append(f"  {_where(c)}: {c.summary}")
            if c.detail:
                lines.append(f"      {c.detail}")
    lines += ["", summary_line(diff)]
    return "\n".join(lines) + "\n"


def to_json(diff: Diff) -> str:
    payload = {"old": diff.old, "new": diff.new, "summary": diff.counts(),
               "changes": [c.as_dict() for c in diff.changes]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _cell(text) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def to_markdown(diff: Diff, escape=_cell) -> str:
    """Markdown for the site; ``escape`` makes policy text safe inside a table cell."""
    lines = [f"Comparing `{diff.old}` (OLD) with `{diff.new}` (NEW): {summary_line(diff)}.", ""]
    for kind in KINDS:
        group = diff.of_kind(kind)
        if not group:
            continue
        lines += [f"### {TITLES[kind]}", "", "| where | change | detail |", "| --- | --- | --- |"]
        lines += [f"| {_where(c)} | {escape(c.summary)} | {escape(c.detail)} |" for c in group]
        lines.append("")
    return "\n".join(lines)


FORMATTERS = {"text": to_text, "json": to_json, "markdown": to_markdown}
