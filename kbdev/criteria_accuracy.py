"""How well the coverage criteria of other issuers' policies are read, against hand labels.

A folder holds the documents (web pages, Word files, PDFs, Markdown; in sub-folders too) and ``criteria.tsv``,
one row per document read by hand, tab-separated:

    file  has_criteria  top_statements  categories  first_words  note

``has_criteria`` is yes or no; ``top_statements`` the number of top-level coverage statements (the items under
one are not counted); ``categories`` their categories in order, ``;``-separated; ``first_words`` the first words of
the first one, as printed. Each document is converted in-process with the importers ``kb import`` uses (a document with no reference
list, which ``kb import`` refuses, is read all the same) and read with ``parse_policy``; nothing is written.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from kb.importers import convert
from kb.read.parse_policy import parse_policy

SUFFIXES = (".html", ".htm", ".docx", ".pdf", ".md", ".txt", ".xml")


@dataclass(frozen=True)
class Label:
    file: str
    has_criteria: bool
    top: int
    categories: tuple[str, ...]
    first_words: str


@dataclass(frozen=True)
class Result:
    label: Label
    read: bool  # any statement read
    top: int
    categories: tuple[str, ...]
    first_text: str
    error: str | None = None

    @property
    def presence_right(self) -> bool:
        return self.read == self.label.has_criteria

    @property
    def categories_right(self) -> int:
        """Labelled top statements whose category the reading gives at the same place."""
        return sum(1 for a, b in zip(self.label.categories, self.categories) if a == b)

    @property
    def first_right(self) -> bool:
        return bool(self.label.first_words) and _norm(self.first_text).startswith(_norm(self.label.first_words))


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def read_labels(folder: Path) -> list[Label]:
    path = folder / "criteria.tsv"
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    out = []
    for row in csv.DictReader(rows, delimiter="\t"):
        if row.get("file") in (None, "file"):
            continue
        cats = tuple(c.strip().lower() for c in (row.get("categories") or "").split(";") if c.strip())
        top = (row.get("top_statements") or "0").strip()
        out.append(Label(row["file"].strip(), (row.get("has_criteria") or "").strip().lower() == "yes",
                         int(top) if top.isdigit() else 0, cats, (row.get("first_words") or "").strip()))
    return out


def measure(folder: Path, label: Label) -> Result:
    found = [p for p in folder.rglob(label.file) if p.is_file()]
    if not found:
        return Result(label, False, 0, (), "", error="file not found")
    try:
        converted = convert(found[0].read_bytes(), found[0].name, require_references=False)
        doc = parse_policy(converted.markdown, found[0].name)
    except Exception as exc:  # noqa: BLE001 - a document that cannot be read is a result, not a stop
        return Result(label, False, 0, (), "", error=f"{type(exc).__name__}: {exc}"[:200])
    tops = [s for s in doc.statements if s.parent is None]
    return Result(label, bool(doc.statements), len(tops), tuple(s.category or "-" for s in tops),
                  tops[0].text if tops else "")


def table(results: list[Result]) -> str:
    lines = ["| document | criteria (label / read) | top statements (label / read) | categories right | first statement right |",
             "| --- | --- | ---: | ---: | --- |"]
    for r in results:
        lab = r.label
        lines.append(f"| {lab.file} | {'yes' if lab.has_criteria else 'no'} / "
                     f"{r.error or ('yes' if r.read else 'no')} | {lab.top} / {r.top} | "
                     f"{r.categories_right} / {len(lab.categories)} | {'yes' if r.first_right else 'no'} |")
    return "\n".join(lines)


def summary(results: list[Result]) -> str:
    n = len(results)
    with_criteria = [r for r in results if r.label.has_criteria]
    presence = sum(r.presence_right for r in results)
    exact = sum(1 for r in with_criteria if r.top == r.label.top)
    cats = sum(r.categories_right for r in with_criteria)
    labelled = sum(len(r.label.categories) for r in with_criteria)
    first = sum(r.first_right for r in with_criteria)
    missed = sum(1 for r in with_criteria if not r.read)
    false = sum(1 for r in results if r.read and not r.label.has_criteria)
    return (f"{n} documents ({len(with_criteria)} with criteria): criteria found or not right {presence}/{n}; "
            f"criteria missed {missed}, read where there are none {false}; top statements counted exactly "
            f"{exact}/{len(with_criteria)}; categories right {cats}/{labelled}; first statement right "
            f"{first}/{len(with_criteria)}")
