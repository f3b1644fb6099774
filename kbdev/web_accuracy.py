"""How well ``kb import`` reads web pages and Word files written by others, against hand labels.

A folder holds the documents (any of ``*.html``, ``*.htm``, ``*.docx``, in
sub-folders too) and ``labels.tsv``, one row per document read by hand:

    file  style  entries  first_author  first_year  markers

``style`` is ``numbered``, ``author-year`` or ``none`` (the document has no
reference list, so refusing it is right); ``markers`` is a few citations seen
on the page, ``;``-separated, each ``words|target``: words printed just before
the citation and the entry it points to (its number, or the first author's
surname for an author-year citation).

Each document goes through the real ``kb import`` (a subprocess, so its exit
code and everything it prints on stderr are what a user sees), then the written
policy is read with the project's loaders and checked. Library noise is any
stderr line that is neither the closing summary nor an import-report note.
"""
from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".html", ".htm", ".docx")


@dataclass(frozen=True)
class Label:
    file: str
    style: str
    entries: int
    first_author: str
    first_year: int | None
    markers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DocResult:
    name: str
    label: Label | None
    refused: str | None = None  # the one line `kb import` printed when it refused
    exit_code: int = 0
    noise: tuple[str, ...] = ()  # stderr lines that are neither the summary nor a report note
    notes: tuple[str, ...] = ()
    entries_read: int = 0
    style_read: str = ""
    first_right: bool = False
    markers_found: int = 0
    findings: tuple[str, ...] = ()  # error and warning findings, 'line: CODE message'
    crash: str | None = None
    unreadable: str | None = None  # imported, but `kb check` refuses the written policy (its one line)


def read_labels(folder: Path) -> dict[str, Label]:
    path = Path(folder) / "labels.tsv"
    if not path.exists():
        return {}
    labels = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"):
            markers = tuple(tuple(m.split("|", 1)) for m in (row.get("markers") or "").split(";") if "|" in m)
            year = (row.get("first_year") or "").strip()
            labels[row["file"]] = Label(row["file"], row["style"].strip(), int(row["entries"] or 0),
                                        (row.get("first_author") or "").strip(),
                                        int(year) if year.isdigit() else None, markers)
    return labels


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def plain(text: str | None) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(" .,")


def run_import(path: Path, workdir: Path) -> tuple[int, list[str]]:
    """`kb import` as a user runs it, in ``workdir`` (it writes references/ there)."""
    kb = Path(sys.executable).with_name("kb")
    command = [str(kb)] if kb.exists() else [sys.executable, "-m", "kb.cli"]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(command + ["import", str(path.resolve()), "--id", "doc"], cwd=workdir,
                          capture_output=True, text=True, env=env, timeout=600)
    return done.returncode, done.stderr.splitlines()


def split_stderr(lines: list[str]) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(refusal line, report notes, noise) from what `kb import` printed."""
    refusal, notes, noise = None, [], []
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("kb import: ") and refusal is None and not line.startswith("kb import: imported"):
            refusal = line
        elif line.startswith("imported ") or line.startswith("kb import: imported"):
            continue
        elif line.startswith("  - "):
            notes.append(line[4:])
        else:
            noise.append(line)
    return refusal, tuple(notes), tuple(noise)


def marker_found(doc, words: str, target: str) -> bool:
    """A labelled citation is read when a marker on the line printing ``words`` (or the next line, where
    a citation wraps) points to the labelled entry."""
    want = plain(words)
    lines = [i + 1 for i, text in enumerate(doc.lines) if want and want in plain(_unmarked(text))]
    by_number = {e.number: e for e in doc.references}
    for line in lines:
        for m in doc.markers:
            if m.line not in (line, line + 1):
                continue
            if target.isdigit() and int(target) in m.numbers and doc.citation_style == "numbered":
                return True
            if not target.isdigit() and any(plain(target) in {plain(s) for s in by_number[n].surnames}
                                            | {plain(by_number[n].first_author)} for n in m.numbers
                                            if n in by_number):
                return True
    return False


_MARKUP = re.compile(r"<[^>]+>|\*")


def _unmarked(text: str) -> str:
    return " ".join(_MARKUP.sub("", text).split())


def first_entry_right(doc, label: Label) -> bool:
    if not doc.references or not label.first_author:
        return False
    entry = doc.references[0]
    names = {plain(entry.first_author), plain(entry.organisation), *(plain(s) for s in entry.surnames[:1])}
    return plain(label.first_author) in names and entry.year == label.first_year


def measure(path: Path, label: Label | None) -> DocResult:
    from kb.checks import run_checks
    from kb.errors import KbError
    from kb.knowledge.base import load_knowledge_base
    from kb.outputs.report import flatten

    with tempfile.TemporaryDirectory(prefix="kb-web-") as tmp:
        code, stderr = run_import(path, Path(tmp))
        refusal, notes, noise = split_stderr(stderr)
        if code != 0:
            return DocResult(path.name, label, refused=refusal or f"exit {code}", exit_code=code, noise=noise)
        policy = Path(tmp) / "references" / "doc" / "policy.md"
        try:
            kb = load_knowledge_base(policy)
        except KbError as exc:
            return DocResult(path.name, label, exit_code=code, noise=noise, notes=notes,
                             unreadable=exc.message)
        results = run_checks(kb)
    doc = kb.doc
    findings = tuple(f"{f.line}: {f.code} {f.message}" for f in flatten(results)
                     if not f.waived and f.severity in ("error", "warning"))
    found = sum(1 for words, target in (label.markers if label else ()) if marker_found(doc, words, target))
    return DocResult(path.name, label, None, code, noise, notes, len(doc.references), doc.citation_style,
                     bool(label) and first_entry_right(doc, label), found, findings)


def measure_safely(path: Path, label: Label | None) -> DocResult:
    try:
        return measure(path, label)
    except Exception as exc:  # noqa: BLE001 - the run goes on; the crash is its row
        return DocResult(path.name, label, crash=f"{type(exc).__name__}: {exc}")
