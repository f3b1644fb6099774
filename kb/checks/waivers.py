"""Waivers: findings an editor accepted after review, and waivers that match nothing.

A waiver (a row of ``references/<policy>/waivers.csv``) matches a finding
with the same code when its line equals the finding's line and/or its
citation is among the finding's citations; a waiver that gives both must
match both. Matched findings keep every field and gain ``waived=<reason>``:
every report format shows them, and they do not count toward the exit code.
A waiver that matches no finding of a rule that ran becomes a ``WVR001``
finding (see ``kb/checks/wvr.py``) placed at the waiver's line in the
policy, or at the cited entry's line, because findings point into the policy.
"""
from __future__ import annotations

from dataclasses import replace

from kb.checks import all_rules
from kb.checks.wvr import unused_waiver
from kb.errors import KbError
from kb.read.model import Finding


def matches(waiver, f: Finding) -> bool:
    if waiver.code != f.code:
        return False
    if waiver.line is not None and waiver.line != f.line:
        return False
    return waiver.citation is None or waiver.citation in f.citations


def _unused_finding(kb, waiver) -> Finding:
    entry = kb.references.get(waiver.citation) if waiver.citation else None
    line = waiver.line or (entry.line if entry else 1)
    target = " and ".join(filter(None, [f"line {waiver.line}" if waiver.line else None,
                                        f"reference {waiver.citation}" if waiver.citation else None]))
    return Finding(code=unused_waiver.code, severity=unused_waiver.severity, line=line,
                   message=f"the waiver on line {waiver.row} of {waiver.path} ({waiver.code} at {target}) "
                           f"matches no finding",
                   citations=(waiver.citation,) if waiver.citation else (),
                   suggestion="delete the waiver if the finding was fixed, or correct its line or citation")


def _check_codes(waivers) -> None:
    known = {r.code for r in all_rules()}
    for w in waivers:
        if w.code not in known:
            raise KbError(f"code {w.code} is not a check of this version (see kb check --list-rules)", w.path, w.row)


def apply_waivers(kb, results: list) -> list:
    """The results with waived findings marked and the unused waivers reported under WVR001."""
    waivers = kb.curated.waivers
    if not waivers:
        return results
    _check_codes(waivers)
    used = set()
    out = []
    for res in results:
        findings = []
        for f in res.findings:
            hits = [w for w in waivers if matches(w, f)]
            if hits:
                used.update(hits)  # every waiver that matches counts as used; the first gives the reason
                f = replace(f, waived=hits[0].reason)
            findings.append(f)
        out.append(replace(res, findings=tuple(findings)))
    ran = {res.rule.code for res in results if not res.crashed}
    unused = tuple(_unused_finding(kb, w) for w in waivers if w not in used and w.code in ran)
    return [replace(res, findings=res.findings + unused) if res.rule.code == unused_waiver.code else res
            for res in out]
