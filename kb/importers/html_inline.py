"""The text of a web page's inline content as the policy reader reads it: superscripts as citation markers
or as printed, bold and italics, line breaks; a bare citation link into the reference list as a marker
(see ``kb.importers.html``); affiliation marks and explanatory-note marks kept off the markers."""
from __future__ import annotations

import re

from kb.importers.blocks import emphasis, squeeze, sup
from kb.importers.html_refs import CITATION_TEXT, RefIndex, citation_link

HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "figure",
           "figcaption", "ul", "ol", "table", "pre", "dl", "dt", "dd", "hr", "address", "details", "summary",
           "li", "center", *HEADINGS}


def inline(node, refs: RefIndex | None = None, counter: list | None = None) -> str:
    """The text of inline content, with superscripts, bold, italics and line breaks as Markdown; a bare
    citation link into the reference list (``refs``) as a marker, counted in ``counter``."""
    name = getattr(node, "name", None)
    if name is None:
        text = str(node).replace("\r", " ").replace("\n", " ")  # a line break in the source is a space on the page
        return "" if type(node).__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction") else text
    if name == "br":
        return "\n"
    if name in ("img",):
        return node.get("alt", "")
    if name == "a" and refs is not None and citation_link(node, refs) and not node.find_parent("sup") \
            and not _bracketed(node):
        if counter is not None:
            counter[0] += 1
        return sup(node.get_text(strip=True))
    if name == "sup" and refs is not None and _in_author_line(node):
        if counter is not None and len(counter) > 1:
            counter[1] += 1
        return ""
    inner = "".join(inline(c, refs, counter) for c in node.children)
    if name == "sup":
        return inner if refs is not None and note_mark(node, refs) else sup(inner)
    if name in ("strong", "b"):
        return emphasis(inner, "**")
    if name in ("em", "i"):
        return emphasis(inner, "*")
    if name == "a":
        href = (node.get("href") or "").strip()
        if href.startswith(("http://", "https://")) and squeeze(inner) == href:
            return f"<{href}>"
    if name in BLOCKS:  # a block inside inline content (a <p> in an <li>, a <div> in a cell): a space apart
        return " " + inner + " "
    return inner


_AUTHOR_CLASS = re.compile(r"^(?:authors?|author-?list|contrib(?:-group|utors?)?|byline)$", re.I)


def _in_author_line(node) -> bool:
    """A superscript in the element a page prints its authors' names in (class 'authors', 'contrib-group',
    'byline'): an affiliation mark ('Leal<sup>1,2</sup>'), which the reader would take for a citation."""
    return any(_AUTHOR_CLASS.match(c) for parent in node.parents for c in (parent.get("class") or []))


def note_mark(node, refs: RefIndex) -> bool:
    """A superscript that is only a link to a note outside the reference list and prints words or letters, not
    numbers (Wikipedia's '[n 1]', '[note 3]'): an explanatory note's mark, written as plain text rather than
    as a citation marker. A numbered footnote mark stays a superscript as printed."""
    links = node.find_all("a")
    if len(links) != 1 or squeeze(links[0].get_text()) != squeeze(node.get_text()):
        return False
    href = (links[0].get("href") or "").strip()
    text = links[0].get_text(strip=True)
    return href.startswith("#") and len(href) > 1 and not refs.holds(href) and bool(re.search(r"[A-Za-z]", text))


def _bracketed(node) -> bool:
    """A link printed inside brackets or parentheses ('[<a>6</a>]', '[19,<a>23</a>]'): already a marker as
    printed. The text before it is read back over the links and separators of the same run."""
    for before in node.previous_siblings:
        if getattr(before, "name", None) == "a" and CITATION_TEXT.match(before.get_text(strip=True)):
            continue
        text = before.get_text() if getattr(before, "name", None) else str(before)
        if not text.strip(" ,;–-\u2009\xa0\t\r\n"):  # the source's line breaks between a range's links too
            continue
        return text.rstrip().endswith(("[", "("))
    return False
