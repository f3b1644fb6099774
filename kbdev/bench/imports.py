"""kb import of the bundled policy from each format it arrives in, against importing its Markdown.

The policy is rendered once (kbdev.render: python-markdown to HTML, Chromium's
print to PDF, pandoc to Word); each side is a whole ``kb import`` process into a
scratch references/ folder, so the figure is what a user waits for. The
Markdown import (a copy) is the baseline: it carries the command's fixed cost.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from kbdev.bench import PYTHON, bench_env, paired, time_command

DESCRIPTION = "kb import per format (HTML, Word, PDF) vs importing the Markdown itself"


def run(options) -> list[str]:
    from kb.paths import default_policy
    from kbdev.render import render_all

    policy = Path(options.policy or default_policy())
    repeats = 1 if options.quick else max(1, min(options.repeats, 3))  # a PDF import takes seconds
    with tempfile.TemporaryDirectory() as tmp:
        files = render_all(policy, Path(tmp) / "renders")
        env = dict(bench_env(), KB_REFERENCES=str(Path(tmp) / "references"))

        def kb_import(path: Path, slug: str) -> float:
            return time_command([PYTHON, "-m", "kb", "import", str(path), "--id", slug, "--force"], env)

        pages = _pages(files["pdf"])
        lines = [f"policy: {policy}; {repeats} paired runs each; the PDF has {pages} pages"]
        for fmt in ("html", "docx", "pdf"):
            result = paired(f"kb import {fmt}", lambda f=fmt: kb_import(files[f], f"bench-{f}"),
                            lambda: kb_import(policy, "bench-md"), repeats)
            lines.append(result.line())
            if fmt == "pdf":
                lines.append(f"{'':<44} {result.seconds_a / pages * 1000:8.1f} ms per PDF page")
        lines.append("conversion alone, in process, CPU seconds (less sensitive to a busy machine): "
                     + ", ".join(f"{fmt} {_cpu(files[fmt]):.2f} s" for fmt in ("html", "docx", "pdf")))
    return lines


def _cpu(path: Path) -> float:
    import time

    from kb.importers import convert

    data = path.read_bytes()
    convert(data, path.name)  # the libraries imported once, as in a run
    start = time.process_time()
    convert(data, path.name)
    return time.process_time() - start


def _pages(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)
