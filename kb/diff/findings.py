"""Findings new in NEW and fixed since OLD.

Line numbers move between versions, so a finding is known by its code, the
papers it concerns (matched across the two lists) and the text of the line
it sits on with the citation markers taken out. Renumbering alone therefore
neither fixes nor creates a finding.
"""
from __future__ import annotations

import re
from collections import Counter

from kb.knowledge.base import KnowledgeBase
from .identity import identity
from .model import Change

_MARKUP = re.compile(r"<sup>[^<]*</sup>|\[[\d\s,;\-\u2013]+\]|[*_`#>]")


def _line_text(kb: KnowledgeBase, line: int) -> str:
    if not 1 <= line <= len(kb.doc.lines):
        return ""
    return " ".join(_MARKUP.sub(" ", kb.doc.lines[line - 1]).split()).lower()


def _papers(kb: KnowledgeBase, numbers) -> tuple[str, ...]:
    return tuple(sorted(identity(kb.references[n]) if n in kb.references else f"missing:{n}" for n in numbers))


def finding_keys(kb: KnowledgeBase, findings) -> Counter:
    keys: Counter = Counter()
    for f in findings:
        keys[(f.code, _papers(kb, f.citations), _line_text(kb, f.line))] += 1
    return keys


def compare_findings(old: KnowledgeBase, old_findings, new: KnowledgeBase, new_findings) -> list[Change]:
    a, b = finding_keys(old, old_findings), finding_keys(new, new_findings)
    changes = []
    seen_new: Counter = Counter()
    for f in new_findings:
        key = (f.code, _papers(new, f.citations), _line_text(new, f.line))
        seen_new[key] += 1
        if seen_new[key] > a.get(key, 0):
            changes.append(Change("finding-new", f"{f.code} [{f.severity}] {f.message}", None, f.line))
    seen_old: Counter = Counter()
    for f in old_findings:
        key = (f.code, _papers(old, f.citations), _line_text(old, f.line))
        seen_old[key] += 1
        if seen_old[key] > b.get(key, 0):
            changes.append(Change("finding-fixed", f"{f.code} [{f.severity}] {f.message}", f.line, None))
    return changes
