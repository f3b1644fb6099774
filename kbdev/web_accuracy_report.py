"""The table and summary line of ``scripts/web_accuracy.py`` (measuring in ``kbdev.web_accuracy``)."""
from __future__ import annotations


def _status(r) -> str:
    if r.crash:
        return f"CRASHED: {r.crash}"
    if r.unreadable:
        return f"imported, but kb check refuses it: {r.unreadable[:80]}"
    if r.refused is not None:
        why = r.refused.split(": ", 2)[-1]
        right = r.label is not None and r.label.style == "none"
        return f"refused{' (right)' if right else ''}: {why[:90]}"
    return "imported"


def row(r) -> str:
    label = r.label
    if r.refused is not None or r.crash or r.unreadable:
        return f"| {r.name} | {_status(r)} | | | | | {len(r.noise)} |"
    entries = f"{r.entries_read} / {label.entries if label else '?'}"
    style = r.style_read if not label or r.style_read == label.style else f"{r.style_read} (not {label.style})"
    first = "-" if not label or not label.first_author else ("yes" if r.first_right else "no")
    markers = f"{r.markers_found} / {len(label.markers)}" if label else "-"
    return f"| {r.name} | imported, {style} | {entries} | {first} | {markers} | {len(r.findings)} | {len(r.noise)} |"


def table(results) -> str:
    rows = ["| file | result | entries read / labelled | first entry right | markers found / labelled | "
            "error+warning | stderr noise lines |", "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    return "\n".join(rows + [row(r) for r in results]) + "\n"


def summary(results, kind: str = "") -> str:
    """One line: imports, right and wrong refusals, entry counts, first entries, markers, findings, noise."""
    n = len(results)
    crashed = [r for r in results if r.crash]
    refused = [r for r in results if r.refused is not None and not r.crash]
    right_refusals = sum(1 for r in refused if r.label and r.label.style == "none")
    unreadable = [r for r in results if r.unreadable]
    imported = [r for r in results if r.refused is None and not r.crash and not r.unreadable]
    labelled = [r for r in imported if r.label and r.label.style != "none"]
    should = [r for r in results if r.label and r.label.style != "none"]
    exact = sum(1 for r in labelled if r.entries_read == r.label.entries)
    read = sum(min(r.entries_read, r.label.entries) for r in labelled)
    want = sum(r.label.entries for r in should)
    first = sum(1 for r in labelled if r.first_right)
    first_known = sum(1 for r in should if r.label.first_author)
    found = sum(r.markers_found for r in labelled)
    markers = sum(len(r.label.markers) for r in should)
    findings = sum(len(r.findings) for r in imported)
    noise = sum(len(r.noise) for r in results)
    per = f"{findings / len(imported):.1f}" if imported else "-"
    prefix = f"{kind}: " if kind else ""
    return (f"{prefix}{n} files: {len(imported)} imported and read, {len(refused)} refused ({right_refusals} rightly: "
            f"no reference list), {len(unreadable)} imported but unreadable by kb check, {len(crashed)} crashed; "
            f"entry count exact on {exact} / {len(should)} documents "
            f"with a list ({read} / {want} labelled entries read); first entry's author and year right "
            f"{first} / {first_known}; labelled markers found {found} / {markers}; error+warning findings "
            f"{findings} ({per} per imported file); stderr noise lines {noise}\n")


def finding_lines(results) -> str:
    return "".join(f"{r.name}:{f}\n" for r in results for f in r.findings)
