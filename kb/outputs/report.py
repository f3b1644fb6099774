"""Findings to text, JSON and Markdown; summary counts; the exit code."""
from __future__ import annotations

import json
from collections import Counter

from kb.read.model import SEVERITIES, Finding

_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # error 0, warning 1, info 2


def flatten(results) -> list[Finding]:
    out = [f for r in results for f in r.findings]
    return sorted(out, key=lambda f: (f.line, f.column or 0, f.code))


def summary(results) -> dict:
    findings = [f for f in flatten(results) if not f.waived]
    by_sev = Counter(f.severity for f in findings)
    return {
        "findings": len(findings),
        "by_severity": {s: by_sev.get(s, 0) for s in SEVERITIES},
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        "waived": sum(1 for f in flatten(results) if f.waived),
        "rules_run": len(results),
        "crashed": [{"code": r.rule.code, "error": r.crashed} for r in results if r.crashed],
    }


def exit_code(results, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    limit = _RANK[fail_on]
    return 1 if any(_RANK[f.severity] <= limit for f in flatten(results) if not f.waived) else 0


def to_json(document: str, results) -> str:
    payload = {
        "document": document,
        "summary": summary(results),
        "findings": [dict(f.as_dict(), **({"waived": f.waived} if f.waived else {})) for f in flatten(results)],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def to_text(document: str, results) -> str:
    lines = []
    for f in flatten(results):
        tag = f" [waived: {f.waived}]" if f.waived else ""
        lines.append(f"{document}:{f.line}:{f.column or 1}: {f.code} [{f.severity}] {f.message}{tag}")
        if f.suggestion:
            lines.append(f"    suggestion: {f.suggestion}")
    for r in results:
        if r.crashed:
            lines.append(f"{document}: {r.rule.code} crashed ({r.crashed}); the other checks ran")
    s = summary(results)
    sev = ", ".join(f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in s["by_severity"].items())
    lines.append(f"{s['findings']} findings ({sev}); {s['waived']} waived; {s['rules_run']} rules run"
                 + (f"; {len(s['crashed'])} crashed" if s["crashed"] else ""))
    return "\n".join(lines) + "\n"


def _cell(text) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def to_markdown(document: str, results) -> str:
    lines = [f"Findings for `{document}`", "", "| line | code | severity | message | suggestion |",
             "| ---: | --- | --- | --- | --- |"]
    for f in flatten(results):
        sev = f"{f.severity} (waived)" if f.waived else f.severity
        lines.append(f"| {f.line} | {f.code} | {sev} | {_cell(f.message)} | {_cell(f.suggestion)} |")
    s = summary(results)
    lines += ["", f"{s['findings']} findings: " + ", ".join(f"{k} {n}" for k, n in s["by_severity"].items())]
    return "\n".join(lines) + "\n"


FORMATTERS = {"text": to_text, "json": to_json, "markdown": to_markdown}


# ---- several policies: one report each, then the total ------------------------------

def total_summary(reports) -> dict:
    """Counts over every readable policy, plus how many could not be read."""
    readable = [r for r in reports if r.error is None]
    parts = [summary(r.results) for r in readable]
    by_code: Counter = Counter()
    for s in parts:
        by_code.update(s["by_code"])
    return {
        "policies": len(reports),
        "unreadable": len(reports) - len(readable),
        "findings": sum(s["findings"] for s in parts),
        "by_severity": {k: sum(s["by_severity"][k] for s in parts) for k in SEVERITIES},
        "by_code": dict(sorted(by_code.items())),
        "waived": sum(s["waived"] for s in parts),
        "crashed": sum(len(s["crashed"]) for s in parts),
    }


def _total_line(reports) -> str:
    t = total_summary(reports)
    sev = ", ".join(f"{n} {k}" for k, n in t["by_severity"].items())
    unreadable = f"; {t['unreadable']} could not be read" if t["unreadable"] else ""
    return f"total: {t['findings']} findings ({sev}) in {t['policies']} policies; {t['waived']} waived{unreadable}"


def many_to_text(reports) -> str:
    blocks = [to_text(r.path, r.results) for r in reports if r.error is None]
    return "\n".join(blocks) + ("\n" if blocks else "") + _total_line(reports) + "\n"


def many_to_json(reports) -> str:
    """One object, shaped like a single report: findings gain a 'document' key; 'policies' has each summary."""
    findings = []
    for r in reports:
        for f in flatten(r.results) if r.error is None else ():
            findings.append({"document": r.path, **f.as_dict(), **({"waived": f.waived} if f.waived else {})})
    payload = {
        "document": f"{len(reports)} policies",
        "summary": total_summary(reports),
        "findings": findings,
        "policies": [{"document": r.path, "error": r.error} if r.error else
                     {"document": r.path, "summary": summary(r.results)} for r in reports],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def many_to_markdown(reports) -> str:
    blocks = [to_markdown(r.path, r.results) for r in reports if r.error is None]
    return "\n".join(blocks) + "\n" + _total_line(reports) + "\n"


def many_exit_code(reports, fail_on: str) -> int:
    if any(r.error for r in reports):
        return 2
    return max((exit_code(r.results, fail_on) for r in reports), default=0)


MANY_FORMATTERS = {"text": many_to_text, "json": many_to_json, "markdown": many_to_markdown}
