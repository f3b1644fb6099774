"""Render a policy the ways it reaches us: a web page, a printed PDF, a Word file.

For the import round trips (tests) and the import bench: the policy's Markdown
becomes HTML with python-markdown (as MkDocs renders it), the HTML is printed to
PDF by Chromium (Playwright's ``page.pdf``, with a running header and page
numbers, as a browser prints a policy page) and turned into a Word file by
pandoc, a converter this project does not write. Each step is a real renderer;
nothing here knows what the importer expects.

``python -m kbdev.render POLICY.md OUT_DIR`` writes policy.html, policy.pdf and
policy.docx (the PDF in a process of its own, so Playwright's event loop never
meets a test's).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]

# A plain print style such as an issuer's policy page has: headings set larger than the text, ruled tables.
STYLE = """
body { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 11pt; line-height: 1.3; }
h1 { font-size: 22pt; } h2 { font-size: 17pt; } h3 { font-size: 14pt; } h4 { font-size: 12.5pt; }
h5 { font-size: 12pt; } h6 { font-size: 11.5pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #444; padding: 2pt 4pt; vertical-align: top; }
"""


_LIST_LINE = re.compile(r"^\s*(?:(?P<bullet>[-*+])|\d{1,3}[.)])\s+\S")


def separate_lists(markdown_text: str) -> str:
    """A blank line where a numbered line follows a bullet line or the reverse, nothing else changed.

    The policy was exported from a format that leans on line starts: '4. There is ...' right under
    '- b. A description ...' is criterion 4 there, while Markdown would fold it into item b's text.
    The words, numbers and markers stay as they are; only the page layout follows the printed lines.
    """
    out: list[str] = []
    previous = None
    for line in markdown_text.split("\n"):
        m = _LIST_LINE.match(line)
        kind = None if not m else ("bullet" if m.group("bullet") else "ordered")
        if kind and previous and kind != previous:
            out.append("")
        out.append(line)
        previous = kind if line.strip() else None
    return "\n".join(out)


def policy_html(markdown_text: str, title: str = "Policy") -> str:
    """The policy as a web page: python-markdown with tables, ordered lists keeping their first number."""
    import markdown

    body = markdown.markdown(separate_lists(markdown_text), extensions=["tables", "sane_lists"], lazy_ol=False)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def html_to_pdf(pairs: list[tuple[Path, Path]], chromium: str | None = None, header_footer: bool = True) -> None:
    """Chromium's print of each page (html, pdf), US Letter, with the page title on top and 'Page n of m'
    below, all in one browser session."""
    from playwright.sync_api import sync_playwright

    chromium = chromium or shutil.which("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            page = browser.new_page()
            for html_file, pdf_file in pairs:
                page.goto(Path(html_file).resolve().as_uri())
                page.pdf(path=str(pdf_file), format="Letter", display_header_footer=header_footer,
                         header_template='<div style="font-size:8pt;width:100%;text-align:center">'
                                         '<span class="title"></span></div>',
                         footer_template='<div style="font-size:8pt;width:100%;text-align:center">Page '
                                         '<span class="pageNumber"></span> of <span class="totalPages"></span></div>',
                         margin={"top": "0.8in", "bottom": "0.8in", "left": "0.8in", "right": "0.8in"})
        finally:
            browser.close()


def print_pdfs(pairs: list[tuple[Path, Path]]) -> None:
    """``html_to_pdf`` in a child process (Playwright's sync API must not meet a test's event loop)."""
    argv = [str(x) for pair in pairs for x in pair]
    proc = subprocess.run([sys.executable, "-m", "kbdev.render", "--pdf", *argv], capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(f"printing to PDF failed: {proc.stderr[-500:]}")


def html_to_docx(html_file: Path, docx_file: Path) -> None:
    """pandoc's Word file of the page (superscripts become superscript runs, lists Word numbering)."""
    pandoc = shutil.which("pandoc")
    if not pandoc:
        raise RuntimeError("pandoc is not installed (./scripts/test installs it with apt-get)")
    # The page's <title> is browser chrome, not policy text: pandoc would print it as the document's
    # first paragraph (a Title), a heading the policy does not have.
    page = re.sub(r"<title>.*?</title>", "", html_file.read_text(encoding="utf-8"), flags=re.S)
    subprocess.run([pandoc, "-f", "html", "-t", "docx", "-o", str(docx_file)], input=page.encode("utf-8"),
                   check=True, capture_output=True)


def render_all(policy: Path, out: Path) -> dict[str, Path]:
    """policy.html, policy.pdf (in a child process) and policy.docx in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    html_file = out / "policy.html"
    html_file.write_text(policy_html(policy.read_text(encoding="utf-8")), encoding="utf-8")
    print_pdfs([(html_file, out / "policy.pdf")])
    html_to_docx(html_file, out / "policy.docx")
    return {"html": html_file, "pdf": out / "policy.pdf", "docx": out / "policy.docx"}


if __name__ == "__main__":
    if sys.argv[1] == "--pdf":
        files = [Path(a) for a in sys.argv[2:]]
        html_to_pdf(list(zip(files[::2], files[1::2])))
    else:
        print(render_all(Path(sys.argv[1]), Path(sys.argv[2])))
