"""A saved policy web page to Markdown (BeautifulSoup over the standard library's HTML parser).

The policy is the page's ``<main>`` (or ``<article>``, or ``<body>``) without
scripts, styles, navigation and forms. Headings, paragraphs, nested lists (an
``<ol>`` keeps its ``start`` and each item its printed number), tables and
``<pre>`` blocks are kept; ``<sup>`` becomes a citation marker or a superscript
as printed, ``<strong>``/``<em>`` stay bold and italic, links keep their text. A
table with merged cells is kept as plain lines and counted in the notes.
"""
from __future__ import annotations

from kb.importers.blocks import MarkdownWriter, emphasis, squeeze, sup
from kb.importers.model import Converted

_DROP = ("script", "style", "noscript", "template", "nav", "form", "button", "svg", "iframe", "head")
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "figure",
           "figcaption", "ul", "ol", "table", "pre", "dl", "dt", "dd", "hr", "address", "details", "summary",
           "li", "center", *_HEADINGS}


def convert(data: bytes, source_name: str) -> Converted:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    walker = _Walker()
    walker.blocks(root)
    return Converted(markdown=walker.out.text(), format="html", notes=tuple(walker.notes))


class _Walker:
    def __init__(self) -> None:
        self.out = MarkdownWriter()
        self.notes: list[str] = []

    def blocks(self, node, depth: int = 0) -> None:
        """Walk block content; loose inline content between blocks becomes a paragraph."""
        pending: list = []
        for child in list(node.children):
            name = getattr(child, "name", None)
            if name in _BLOCKS:
                self._flush(pending)
                pending = []
                self.block(child, depth)
            else:
                pending.append(child)
        self._flush(pending)

    def _flush(self, nodes) -> None:
        text = "".join(inline(n) for n in nodes)
        if text.strip():
            self.out.paragraph(text)

    def block(self, node, depth: int) -> None:
        name = node.name
        if name in _HEADINGS:
            self.out.heading(_HEADINGS[name], inline(node))
        elif name in ("ul", "ol"):
            self.list(node, depth)
        elif name == "table":
            self.table(node)
        elif name == "pre":
            self.out.plain_lines([[line] for line in node.get_text().split("\n")])
        elif name == "hr":
            return
        elif name == "li":  # an item outside a list (broken markup): a bullet
            self.item(node, depth, "-")
        elif name == "p":
            self.out.paragraph(inline(node))
        else:
            self.blocks(node, depth)

    def list(self, node, depth: int) -> None:
        ordered = node.name == "ol"
        try:
            number = int(node.get("start", 1))
        except ValueError:
            number = 1
        for child in node.find_all("li", recursive=False):
            if ordered:
                try:
                    number = int(child.get("value", number))
                except ValueError:
                    pass
            self.item(child, depth, f"{number}." if ordered else "-")
            number += 1

    def item(self, node, depth: int, label: str) -> None:
        head: list = []  # the item's own text: inline content and at most its first paragraph
        rest: list = []  # nested lists and later blocks
        for child in node.children:
            name = getattr(child, "name", None)
            if rest or (name in _BLOCKS and not (name == "p" and not head_has_p(head))):
                rest.append(child)
            else:
                head.append(child)
        self.out.item(depth, label, "".join(inline(n) for n in head))
        for child in rest:
            name = getattr(child, "name", None)
            if name in ("ul", "ol"):
                self.list(child, depth + 1)
            elif name in _BLOCKS:
                self.block(child, depth + 1)
            elif inline(child).strip():
                self.out.paragraph(inline(child))

    def table(self, node) -> None:
        rows, merged = [], False
        for tr in node.find_all("tr"):
            if tr.find_parent("table") is not node:
                continue
            cells = tr.find_all(["td", "th"], recursive=False)
            merged |= any(_span(c, "colspan") > 1 or _span(c, "rowspan") > 1 for c in cells)
            rows.append([inline(c) for c in cells])
        if merged:
            self.out.plain_lines(rows)
            self.notes.append(f"a table with merged cells ({len(rows)} rows) is kept as plain lines, "
                              "one row per line")
        else:
            self.out.table(rows)


def head_has_p(nodes) -> bool:
    return any(getattr(n, "name", None) == "p" for n in nodes)


def _span(cell, attr: str) -> int:
    try:
        return int(cell.get(attr, 1))
    except ValueError:
        return 1


def inline(node) -> str:
    """The text of inline content, with superscripts, bold, italics and line breaks as Markdown."""
    name = getattr(node, "name", None)
    if name is None:
        text = str(node).replace("\r", " ").replace("\n", " ")  # a line break in the source is a space on the page
        return "" if type(node).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction") else text
    if name == "br":
        return "\n"
    if name in ("img",):
        return node.get("alt", "")
    inner = "".join(inline(c) for c in node.children)
    if name == "sup":
        return sup(inner)
    if name in ("strong", "b"):
        return emphasis(inner, "**")
    if name in ("em", "i"):
        return emphasis(inner, "*")
    if name == "a":
        href = (node.get("href") or "").strip()
        if href.startswith(("http://", "https://")) and squeeze(inner) == href:
            return f"<{href}>"
    if name in _BLOCKS:  # a block inside inline content (a <p> in an <li>, a <div> in a cell): a space apart
        return " " + inner + " "
    return inner
