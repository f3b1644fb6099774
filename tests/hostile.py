"""Hostile text for the site tests: a policy and curated tables full of markup, and a scanner for live markup.

Every free-text place a page can show (a sentence, a heading, a reference
title, a code description, provenance, each curated table's notes and
reasons) carries script, event handlers, javascript: links, raw HTML or
Markdown that would open it. The pages must show it as the same characters.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from kbdev.synthetic import generate, render

HOSTILE_LINES = {
    "heading": "## <img src=x onerror=alert(1)> Hostile heading `x` | y",
    "sentence": "A sentence with <script>alert(1)</script> and [x](javascript:alert(1)) and ![i](http://e.x/i.png).<sup>[1]</sup>",
    "attr": "Text {: onclick=alert(1) } and <a href=\"javascript:alert(2)\">link</a>.<sup>[2]</sup>",
    # Payloads that leave a mark instead of a dialog: the browser test asserts window.kbPwned stays unset.
    "marks": "Marks <img src=x onerror=\"window.kbPwned='img'\"> <svg onload=\"window.kbPwned='svg'\"></svg> "
             "<details open ontoggle=\"window.kbPwned='details'\">d</details> <iframe srcdoc=\"<script>"
             "parent.kbPwned='iframe'</script>\"></iframe> <javascript:window.kbPwned='autolink'> "
             "[ref][evil] <style>body{display:none}</style> <!-- open comment <div markdown=\"1\">*md*</div>."
             "<sup>[3]</sup>",
}
# Free text in every curated table and in a reference title: each must reach the page as these characters.
PAYLOAD = ("<script>window.kbPwned='{w}'</script> <img src=x onerror=\"window.kbPwned='{w}'\"> "
           "[click](javascript:window.kbPwned='{w}') <a href=\"javascript:alert('{w}')\">a</a> `code` *em*")


def payload(where: str) -> str:
    return PAYLOAD.format(w=where)


TITLE = payload("title").replace(" *em*", "")  # an entry's first *italic* is its journal, not its title


def _csv(*cells: str) -> str:
    return ",".join('"' + c.replace('"', '""') + '"' for c in cells) + "\n"


def hostile_tables(folder: Path) -> None:
    """Valid curated tables beside the hostile policy, every free-text cell a payload naming its place."""
    from kb.checks import run_checks
    from kb.knowledge.base import load_knowledge_base

    kb = load_knowledge_base(folder / "policy.md")
    by_kind = {k: n for n, (k, _) in sorted(kb.kinds.items(), reverse=True)}
    trial, review = by_kind["randomized-trial"], by_kind["systematic-review"]
    guideline, statement = by_kind.get("guideline", review), kb.doc.statements[0].id
    first = next(f for r in run_checks(kb) for f in r.findings)
    tables = {
        "kinds.csv": "number,kind,reason\n" + _csv(str(trial), "randomized-trial", payload("kinds")),
        "waivers.csv": "code,line,citation,reason,reviewer,date\n"
                       + _csv(first.code, str(first.line), "", payload("waivers"), "<b>JD</b>", "2026-01-01"),
        "studies.csv": "id,name,design,randomized,sham_controlled,n_randomized,comparison,references,notes\n"
                       + _csv("evil", payload("study-name"), "randomized controlled trial", "yes", "no", "10",
                              payload("comparison"), str(trial), payload("studies")),
        "includes.csv": "review,included,source,note\n" + _csv(str(review), "evil", "curated", payload("includes")),
        "statement_sections.csv": "statement,section,reason\n"
                                  + _csv(statement, kb.doc.sections[-2].id, payload("sections")),
        "supports.csv": "statement,evidence,stance,reason\n"
                        + _csv(statement, str(guideline), "agrees", payload("supports")),
        "estimates.csv": "action,reference,measure,estimate,ci_low,ci_high,outcome,comparison,note\n"
                         + _csv("add", str(trial), "MD", "1.0", "0.5", "1.5", payload("outcome"),
                                payload("est-comparison"), payload("estimates")),
    }
    for name, text in tables.items():
        (folder / name).write_text(text, encoding="utf-8")


def hostile_policy(tmp: Path) -> Path:
    text = render(generate(5, n_references=24)).text
    lines = text.splitlines()
    at = lines.index("## EVIDENCE SUMMARY")
    lines[at + 1: at + 1] = ["", *(x for line in HOSTILE_LINES.values() for x in (line, ""))]
    body, heading, entries = "\n".join(lines).partition("### REFERENCES")
    # Into the titles of references 2 and 3, just after the authors.
    entries = re.sub(r"^(2\. [^.\n]+\. )", r"\1<script>alert(3)</script> [t](javascript:alert(4)) ", entries,
                     count=1, flags=re.M)
    entries = re.sub(r"^(3\. [^.\n]+\. )", lambda m: m.group(1) + TITLE + " ", entries, count=1, flags=re.M)
    text = body + heading + entries
    text = text.replace("HCPCS\tC9752\t", "HCPCS\tC9752\t<b onmouseover=alert(5)>bold</b> ")
    folder = tmp / "hostile"
    folder.mkdir()
    (folder / "policy.md").write_text(text, encoding="utf-8")
    (folder / "provenance.yaml").write_text("title: '<script>alert(6)</script> Policy'\nissuer: \"<img src=x>\"\n")
    hostile_tables(folder)
    return folder / "policy.md"


class _Markup(HTMLParser):
    """What a page would run: script bodies, event-handler attributes, javascript: URLs, frames, SVG."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._script = [], False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed", "frame"):  # the theme's own SVG icons are fine; handlers are not
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value and re.match(r"\s*javascript:", value, re.I)):
                self.found.append(f"<{tag} {name}={value!r}>")
        self._script = tag == "script"

    def handle_data(self, data):
        if self._script and re.search(r"alert\(|kbPwned", data):
            self.found.append(f"<script>{data[:40]}")

    def handle_endtag(self, tag):
        self._script = False


def injected(page: Path) -> list[str]:
    scanner = _Markup()
    scanner.feed(page.read_text(encoding="utf-8"))
    return scanner.found


def shown(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
