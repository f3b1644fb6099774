"""How faithfully ``kb import`` reads real PDFs written by others, against a few hand-labelled facts.

Each PDF in a folder is imported by a real ``kb import`` run (a child process, cwd
a temporary folder, so whatever a library prints to stderr is seen as a user
would see it), then read with the project's own loader and checked. The labels
(``labels.tsv`` beside the PDFs) hold what a reader counted on the printed page:
the number of reference entries, numbered or author-year, the first entry's
first author and year, and a few citation markers as ``page:number:word`` (the
word printed just before the marker, so a marker is found only in its sentence).
A file labelled with 0 entries (no reference list, a scan) is right when it is
refused.
"""
from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Label:
    name: str
    entries: int  # reference entries printed; 0: nothing to import (refusal expected)
    style: str  # numbered, author-year, none
    first_author: str
    first_year: int | None
    markers: tuple[tuple[int, int, str], ...]  # (page, number, word before it)
    note: str = ""


@dataclass(frozen=True)
class PdfResult:
    name: str
    refused: str | None = None  # the one stderr line of a refusal
    stderr_noise: int = 0  # stderr lines besides our own
    entries_read: int = 0
    first_right: bool = False
    markers_found: int = 0
    markers_labelled: int = 0
    findings: int = 0  # unwaived error and warning findings
    notes: tuple[str, ...] = ()  # the import report
    label: Label | None = None
    unread: str | None = None  # imported, but the loader refused the result (its message)
    finding_lines: tuple[str, ...] = ()  # each of them as 'line: CODE [severity] message', to be read and classified

    @property
    def refusal_right(self) -> bool:
        return bool(self.refused) and self.label is not None and self.label.entries == 0


def read_labels(path: Path) -> dict[str, Label]:
    labels = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            markers = tuple((int(p), int(n), w) for p, n, w in
                            (m.split(":", 2) for m in row["markers"].split(";") if m.strip()))
            labels[row["file"]] = Label(row["file"], int(row["entries"]), row["style"], row["first_author"],
                                        int(row["first_year"]) if row["first_year"].strip() else None, markers,
                                        row.get("note", "") or "")
    return labels


def _plain(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in text if ch.isalnum()).lower()


def _report(stdout_lines: list[str]) -> tuple[str, ...]:
    return tuple(line.strip()[2:] for line in stdout_lines if line.strip().startswith("- "))


def measure(pdf: Path, label: Label | None, keep: Path | None = None) -> PdfResult:
    from kb.checks import run_checks
    from kb.errors import KbError
    from kb.knowledge.base import load_knowledge_base
    from kb.outputs.report import flatten

    with tempfile.TemporaryDirectory(prefix="kb-pdfacc-") as tmp:
        env = dict(os.environ, PYTHONWARNINGS="ignore")
        run = subprocess.run([sys.executable, "-m", "kb", "import", str(pdf.resolve()), "--id", "doc"], cwd=tmp,
                             env=env, capture_output=True, text=True, timeout=900)
        err = [line for line in run.stderr.splitlines() if line.strip()]
        ours = [line for line in err if line.startswith("kb import:")]
        # kb import's own closing line and report go to stderr too; anything else is a library's noise
        noise = sum(1 for line in err if not line.startswith(("kb import:", "imported ", "  - ")))
        policy = Path(tmp) / "references" / "doc" / "policy.md"
        if run.returncode != 0 or not policy.exists():
            why = ours[0].split(": ", 2)[-1] if ours else (err[-1] if err else f"exit {run.returncode}")
            return PdfResult(pdf.name, refused=why, stderr_noise=noise, label=label)
        if keep is not None:  # the Markdown as imported, so a finding's line can be read after the run
            keep.mkdir(parents=True, exist_ok=True)
            (keep / f"{pdf.stem}.md").write_text(policy.read_text(encoding="utf-8"), encoding="utf-8")
        try:
            kb = load_knowledge_base(policy)
        except KbError as exc:  # imported, but the reader cannot read what was written: a failure to count
            return PdfResult(pdf.name, stderr_noise=noise, unread=str(exc).split(": ", 1)[-1], label=label)
        results = run_checks(kb)
    doc = kb.doc
    kept = [f for f in flatten(results) if not f.waived and f.severity in ("error", "warning")]
    findings = len(kept)
    first = doc.references[0] if doc.references else None
    # the reader's own fields, not the entry's text: an author read, not merely a boundary found
    first_right = bool(label and first and label.first_author and _plain(label.first_author) in _plain(
        (first.first_author or "") + " " + (first.organisation or ""))
        and (label.first_year is None or first.year == label.first_year))
    found = 0
    sentences = {s.index: s.text for s in doc.sentences}
    for _, number, word in (label.markers if label else ()):
        if any(number in m.numbers and _plain(word) in _plain(sentences.get(m.sentence_index, "") or "")
               for m in doc.markers):
            found += 1
    return PdfResult(pdf.name, None, noise, len(doc.references), first_right, found,
                     len(label.markers) if label else 0, findings, _report(err), label,
                     finding_lines=tuple(f"{f.line}: {f.code} [{f.severity}] {f.message}" for f in kept))


def measure_folder(folder: Path, keep: Path | None = None) -> list[PdfResult]:
    labels_path = folder / "labels.tsv"
    labels = read_labels(labels_path) if labels_path.exists() else {}
    return [measure(pdf, labels.get(pdf.name), keep) for pdf in sorted(folder.glob("*.pdf"))]


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def table(results: list[PdfResult]) -> str:
    rows = ["| file | result | entries read / labelled | first author+year | markers found | error+warning | "
            "stderr noise |", "| --- | --- | ---: | --- | ---: | ---: | ---: |"]
    for r in results:
        want = r.label.entries if r.label else "?"
        if r.refused:
            verdict = "right" if r.refusal_right else "WRONG"
            rows.append(f"| {r.name} | refused ({verdict}): {_short(r.refused)} | 0 / {want} | | | | "
                        f"{r.stderr_noise} |")
            continue
        if r.unread:
            rows.append(f"| {r.name} | imported, unreadable: {_short(r.unread)} | 0 / {want} | | | | {r.stderr_noise} |")
            continue
        rows.append(f"| {r.name} | imported | {r.entries_read} / {want} | {'yes' if r.first_right else 'no'} | "
                    f"{r.markers_found} / {r.markers_labelled} | {r.findings} | {r.stderr_noise} |")
    return "\n".join(rows) + "\n"


def summary(results: list[PdfResult]) -> str:
    labelled = [r for r in results if r.label]
    with_refs = [r for r in labelled if r.label.entries > 0]
    imported = [r for r in with_refs if not r.refused and not r.unread]
    exact = sum(1 for r in imported if r.entries_read == r.label.entries)
    near = sum(1 for r in imported if abs(r.entries_read - r.label.entries) <= max(1, r.label.entries // 20))
    entries_read = sum(min(r.entries_read, r.label.entries) for r in imported)
    entries_true = sum(r.label.entries for r in with_refs)
    right_refusals = sum(1 for r in labelled if r.label.entries == 0 and r.refused)
    no_refs = sum(1 for r in labelled if r.label.entries == 0)
    # every labelled marker counts, a refused file's too (it found none of them)
    markers = sum(r.markers_found for r in with_refs), sum(len(r.label.markers) for r in with_refs)
    return (f"{len(results)} PDFs ({len(with_refs)} with a reference list): imported {len(imported)} / "
            f"{len(with_refs)}; entry count exact {exact}, within 5% {near}; entries read {entries_read} / "
            f"{entries_true} (capped at the labelled count); first author+year right "
            f"{sum(r.first_right for r in imported)} / {len(with_refs)}; labelled markers found "
            f"{markers[0]} / {markers[1]}; refused as they should be {right_refusals} / {no_refs}; "
            f"error+warning findings {sum(r.findings for r in imported)}; stderr noise lines "
            f"{sum(r.stderr_noise for r in results)}\n")


def report_lines(results: list[PdfResult]) -> str:
    return "".join(f"{r.name}: {note}\n" for r in results for note in r.notes)


def finding_lines(results: list[PdfResult]) -> str:
    """Every error and warning finding of every imported PDF, one a line, to be read and classified by hand."""
    return "".join(f"{r.name}:{line}\n" for r in results for line in r.finding_lines)
