"""Helpers for the import tests: what must survive a round trip, read with the project's own loaders."""
from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

_LINE_WORDS = re.compile(r"\b(lines?|at line|on line) \d+(?:(?:, | and | to |-)\d+)*")


def policy_folder(tmp: Path, name: str, text: str) -> Path:
    """A folder holding only policy.md: curated tables name lines, which an import renumbers."""
    folder = tmp / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.md").write_text(text, encoding="utf-8")
    return folder / "policy.md"


def survey(policy: Path) -> dict:
    """What a round trip must keep: references (first author, year, PMID), markers per sentence, criteria
    ids, and the findings without their line numbers."""
    from kb.checks import run_checks
    from kb.knowledge.base import load_knowledge_base

    kb = load_knowledge_base(policy)
    doc = kb.doc
    sentences = {s.index: s.text for s in doc.sentences}
    markers: dict[str, list[str]] = {}
    for m in doc.markers:
        key = _sentence_key(sentences.get(m.sentence_index, ""))
        markers.setdefault(key, []).append(",".join(map(str, m.numbers)))
    results = run_checks(kb)
    assert not [r.crashed for r in results if r.crashed]
    findings = sorted((f.code, f.severity, _LINE_WORDS.sub(r"\1 N", f.message))
                      for r in results for f in r.findings)
    return {
        "references": [(e.number, e.authors[0] if e.authors else e.organisation, e.year, e.pmid)
                       for e in doc.references],
        "markers": markers,
        "criteria": [s.id for s in doc.statements],
        "findings": findings,
    }


def _sentence_key(text: str) -> str:
    """A sentence as words only: the same sentence however its line was wrapped or its marker spaced."""
    return " ".join(re.findall(r"[A-Za-z0-9]+", re.sub(r"\[[\d,\s\u2013-]*\]", " ", text)))


def copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst, dirs_exist_ok=True)


def docx_bytes(build) -> bytes:
    """A Word file made by python-docx: ``build`` adds the paragraphs to a new document."""
    from docx import Document

    doc = Document()
    build(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def printed_pdfs(folder: Path, pages: dict[str, str]) -> dict[str, bytes]:
    """Each page of HTML printed to PDF by Chromium, by name; the test is skipped without Chromium, and fails
    under CI, where ./scripts/test installs it."""
    import pytest

    if not shutil.which("chromium"):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is not installed; under CI the PDF import tests must run")
        pytest.skip("Chromium is not installed (./scripts/test installs it with apt-get)")
    from kbdev.render import print_pdfs

    pairs = []
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
        pairs.append((folder / f"{name}.html", folder / f"{name}.pdf"))
    print_pdfs(pairs)
    return {name: (folder / f"{name}.pdf").read_bytes() for name in pages}


def hand_pdf(objects: list[str], trailer: str) -> bytes:
    """A minimal PDF written by hand, with a correct cross-reference table: ``objects`` are the bodies of
    objects 1, 2, ... in order."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def glyph(text: str, x: float, bottom: float, size: float) -> dict:
    """One character as kb.importers.pdf_glyphs gives it: a serif body glyph half an em wide on its baseline."""
    return {"text": text, "x0": x, "x1": x + 0.5 * size, "top": bottom - size, "bottom": bottom, "size": size,
            "fontname": "Serif", "space_before": False}


def word(text: str, x: float, bottom: float, size: float = 10.0) -> list[dict]:
    """A run of ``glyph`` characters set from ``x``."""
    return [glyph(ch, x + 0.5 * size * i, bottom, size) for i, ch in enumerate(text)]


def layout_line(text: str, top: float, x0: float = 50.0, x1: float = 300.0, size: float = 10.0, marker_x=None):
    """One line of a PDF page as the PDF importer's layout step hands it on (page 1, a body-size line)."""
    from kb.importers.pdf_layout import Line

    return Line(1, top, top + size, x0, x1, size, text, 20.0, False, x0 if marker_x is None else marker_x)


def written_lines(lines) -> str:
    """The Markdown the PDF importer writes for one page of ``layout_line`` lines."""
    from kb.importers.blocks import MarkdownWriter
    from kb.importers.pdf_layout import write_blocks

    out = MarkdownWriter()
    write_blocks(out, [lines], [[]])
    return out.text()
