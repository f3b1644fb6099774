"""Walking a saved web page's content into Markdown: headings, paragraphs, nested and numbered lists, reference
entries one a line, tables (plain lines where cells merge) and ``<pre>`` blocks, with the import report's notes.

The walk keeps what ``kb.importers.html`` chose as the page's own content; the reference list's links and labels
are read with ``kb.importers.html_refs``, entries' blocks with ``kb.importers.html_entries``.
"""
from __future__ import annotations

import re

from kb.importers.blocks import MarkdownWriter, caps_heading, squeeze
from kb.importers.docx_numbering import number_text
from kb.importers.html_entries import drop_link_rows, entry_block, mark_line_ends, note_heading
from kb.importers.html_inline import BLOCKS, HEADINGS, inline
from kb.importers.html_refs import (RefIndex, element_number, is_back_link, join_block_ends, link_chrome,
                                    number_element, own_label, printed_label, reference_title, space_glued_parts,
                                    strip_arrows)
from kb.importers.html_repair import layout_table
from kb.importers.html_sections import Section

UNHEADED_TITLE = "References"  # the heading written above a cited list the page prints under none


class PageWalker:
    """One walk over a page's content: ``out`` holds its Markdown, ``notes`` the import report's lines."""

    def __init__(self, refs: RefIndex | None = None) -> None:
        self.out = MarkdownWriter()
        self.notes: list[str] = []
        self.refs = refs or RefIndex()
        self.ref_level: int | None = None  # the level of the reference heading the walk is under, if any
        self.chrome = 0  # link-only lines left out of a reference list
        # inline() counts into this list: [citation links written as markers, affiliation marks left out]
        self.links = [0, 0]
        self.unheaded = None  # the list the citation links point into when no heading names one
        self.level = 1  # the last heading's level: a paragraph standing as a heading goes one below it
        self.standing: int | None = None  # the level of the last paragraph written as a heading, if no heading since
        self.titled = 0  # paragraphs written as the reference heading they print
        self.own_labels: list[str] = []  # author-year labels an entry opened with, left out
        self.sections: list[Section] = []  # the reference sections written, with their spans of blocks
        self._open: tuple | None = None  # (title, start, heading key, level) of the section being written

    def close_section(self, level: int | None, starts_another: bool = False) -> None:
        """End the open reference section before a heading of ``level`` (None: the page's end) when that
        heading is of its rank or higher, or opens another reference section."""
        if self._open is None or (level is not None and level > self._open[3] and not starts_another):
            return
        title, start, key, _ = self._open
        self.sections.append(Section(title, start, self.out.mark(), key))
        self._open = None

    def counted(self) -> list[str]:
        notes = []
        if self.links[1]:
            notes.append(f"{self.links[1]} affiliation marks (superscripts in the authors' line) were left out: they "
                         "number the authors' institutions, not the reference list")
        if self.links[0]:
            notes.append(f"{self.links[0]} citation links into the reference list, printed as plain numbers the "
                         "page's style raises, were written as markers (<sup>n</sup>): check a few")
        if self.unheaded is not None:
            notes.append(f"the list the text's citation links point into stands under no heading on the page; it was "
                         f"written under a heading '{UNHEADED_TITLE}', which the page does not print there")
        if self.titled:
            notes.append(f"{self.titled} paragraphs printing only the reference list's name ('References') were "
                         "written as its heading")
        if self.own_labels:
            notes.append(f"{len(self.own_labels)} reference entries opened with their own citation label "
                         f"('{self.own_labels[0]}'), a link to the entry itself; it was left out, as the entry "
                         "prints its authors and year after it")
        if self.chrome:
            notes.append(f"{self.chrome} link-only lines in the reference list (link-outs such as 'Google "
                         "Scholar', back-links, arrows drawn as images) were left out")
        return notes

    def inline(self, node) -> str:
        return inline(node, self.refs, self.links)

    def blocks(self, node, depth: int = 0) -> None:
        """Walk block content; loose inline content between blocks becomes a paragraph."""
        pending: list = []
        for child in list(node.children):
            name = getattr(child, "name", None)
            if name in BLOCKS:
                self._flush(pending, node)
                pending = []
                self.block(child, depth)
            else:
                pending.append(child)
        self._flush(pending, node)

    def _flush(self, nodes, parent) -> None:
        if self.ref_level is not None and nodes and all(link_chrome(n) or not str(n).strip() for n in nodes
                                                        if getattr(n, "name", None) or str(n).strip()):
            self.chrome += any(getattr(n, "name", None) == "a" for n in nodes)
            return
        text = "".join(self.inline(n) for n in nodes)
        if titled_line(parent, nodes, text):
            self.titled += 1
            self.heading(None, None, text)
        elif caps_heading(text) and parent.name != "li" and parent.find_parent("li") is None:
            self.heading(None, None, text)
        elif text.strip():
            self.out.paragraph(text)

    def block(self, node, depth: int) -> None:
        name = node.name
        if name in HEADINGS:
            self.heading(node, HEADINGS[name], self.inline(node))
        elif node is self.unheaded and name not in ("ul", "ol"):  # pandoc's bibliography, printed under no heading
            self.heading(node, None, UNHEADED_TITLE)
            self.blocks(node, depth)
        elif name == "table" and layout_table(node):  # the page laid out in a table: its cells are the blocks
            for cell in node.find_all(["td", "th"]):
                if cell.find_parent("table") is node:
                    self.blocks(cell, depth)
        elif name in ("ul", "ol"):
            if node is self.unheaded:  # the list the text cites, printed under no heading
                self.heading(node, None, UNHEADED_TITLE)
            self.list(node, depth)
        elif name == "table":
            self.table(node)
        elif name == "pre":
            self.out.plain_lines([[line] for line in node.get_text().split("\n")])
        elif name == "hr":
            return
        elif self.ref_level is not None and entry_block(node):  # pandoc's <div class="csl-entry">
            self.entry(node, depth, "-")
        elif name == "li":  # an item outside a list (broken markup): a bullet
            self.item(node, depth, "-")
        elif self.ref_level is not None and link_chrome(node):
            self.chrome += 1
        elif name == "p" and node.find(list(BLOCKS)) is None:
            self._flush(list(node.children), node)
        else:  # a container; or a <p> that holds blocks, which a browser ends where the first block starts
            self.blocks(node, depth)

    def heading(self, node, level: int | None, text: str) -> None:
        """A heading; ``level`` None for a line standing as one, which goes one below the last heading (or beside
        the last line that stood as one: a policy's 'POLICY:', 'RATIONALE:', 'REFERENCES:' are siblings)."""
        if (node is not None and self.ref_level is not None and level > self.ref_level and self._open is not None
                and self.out.mark() == self._open[1] + 1 and note_heading(text)):  # right under the list's heading
            return self.out.paragraph(text)  # a note on the list set as a sub-heading (Springer's key)
        if level is None:
            level = self.standing or min(self.level + 1, 6)
            self.standing = level
        else:
            self.standing = None
        self.level = level
        if self.ref_level is not None and level <= self.ref_level:
            self.ref_level = None
        names_list = reference_title(squeeze(text))
        self.close_section(level, names_list)
        if names_list:
            self.ref_level = level
            self._open = (squeeze(text), self.out.mark(), id(node), level)
        self.out.heading(level, text)

    def list(self, node, depth: int) -> None:
        ordered = node.name == "ol"
        style = list_style(node)
        try:
            number = int(node.get("start", 1))
        except ValueError:
            number = 1
        items = node.find_all("li", recursive=False)
        # A list of nothing but links naming no year ('Copyright Statement', 'Privacy Policy') is a menu, not
        # entries; one such item among entries is an entry printed as a linked title or address, and stays.
        menu = bool(items) and all(link_chrome(child) for child in items)
        for child in items:
            if ordered:
                try:
                    number = int(child.get("value", number))
                except ValueError:
                    pass
            label = f"{number_text(number, style)}." if ordered else "-"
            if self.ref_level is not None and menu:  # a site's footer links under the list
                self.chrome += 1
            elif self.ref_level is not None:
                self.entry(child, depth, label)
            else:
                self.item(child, depth, label)
            number += 1

    def entry(self, node, depth: int, label: str) -> None:
        """A reference entry: the whole item on one line, a label it prints itself kept instead of ours."""
        back = [a for a in node.find_all("a") if is_back_link(a, self.refs)]
        for a in back:
            a.decompose()
        self.chrome += drop_link_rows(node, link_chrome)
        opening = own_label(node)
        if opening is not None and opening.get_text(strip=True).isdigit():  # its number: the label printed
            label = f"{opening.get_text(strip=True)}."
            opening.decompose()
        elif opening is not None:
            self.own_labels.append(squeeze(opening.get_text(" ")))
            opening.decompose()
        elif (number := number_element(node)) is not None:  # its printed number, an element of its own
            label = f"{element_number(number)}."
            number.decompose()
        # Bold in an entry is the page's typography (PeerJ's authors, BMC's titles), and it hides the name an
        # entry opens with from the reader; italics stay, they mark the journal.
        space_glued_parts(node)
        mark_line_ends(node)  # where the page ends a line inside the entry (see join_block_ends)
        text = squeeze(join_block_ends(self.inline(node)).replace("**", ""))
        printed, text = printed_label(strip_arrows(text) if back else text)  # the '^' of 'a b' back-links
        if text:
            self.out.item(depth, printed or label, text)

    def item(self, node, depth: int, label: str) -> None:
        head: list = []  # the item's own text: inline content and at most its first paragraph
        rest: list = []  # nested lists and later blocks
        for child in node.children:
            name = getattr(child, "name", None)
            if rest or (name in BLOCKS and not (name == "p" and not head_has_p(head))):
                rest.append(child)
            else:
                head.append(child)
        self.out.item(depth, label, "".join(self.inline(n) for n in head))
        for child in rest:
            name = getattr(child, "name", None)
            if name in ("ul", "ol"):
                self.list(child, depth + 1)
            elif name in BLOCKS:
                self.block(child, depth + 1)
            elif self.inline(child).strip():
                self.out.paragraph(self.inline(child))

    def table(self, node) -> None:
        caption = node.find("caption")
        if caption is not None and caption.find_parent("table") is node:  # its title, and the markers it prints
            self.out.paragraph(self.inline(caption))
        rows, merged = [], False
        for tr in node.find_all("tr"):
            if tr.find_parent("table") is not node:
                continue
            cells = tr.find_all(["td", "th"], recursive=False)
            merged |= any(_span(c, "colspan") > 1 or _span(c, "rowspan") > 1 for c in cells)
            rows.append([self.inline(c) for c in cells])
        if merged:
            self.out.plain_lines(rows)
            self.notes.append(f"a table with merged cells ({len(rows)} rows) is kept as plain lines, "
                              "one row per line")
        else:
            self.out.table(rows)


# What a browser prints before an <ol>'s items, from its type attribute or its list-style-type, in the names
# Word's numbering uses (kb.importers.docx_numbering.number_text).
_OL_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman", "1": "decimal"}
_CSS_TYPES = {"lower-alpha": "lowerLetter", "lower-latin": "lowerLetter", "upper-alpha": "upperLetter",
              "upper-latin": "upperLetter", "lower-roman": "lowerRoman", "upper-roman": "upperRoman",
              "decimal": "decimal", "decimal-leading-zero": "decimalZero"}
_CSS_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.I)


def list_style(node) -> str:
    """The numbering an <ol> prints: its inline list-style-type first (it overrides the attribute), then type."""
    m = _CSS_LIST_STYLE.search(node.get("style") or "")
    if m and m.group(1).lower() in _CSS_TYPES:
        return _CSS_TYPES[m.group(1).lower()]
    return _OL_TYPES.get((node.get("type") or "1").strip(), "decimal")


def titled_line(parent, nodes, text: str) -> bool:
    """Loose text that prints only the reference list's name ('REFERENCES' in a paragraph of its own,
    Cambridge's pages), standing as its heading; not inside a list item, and not a link to elsewhere (a table
    of contents' entry)."""
    if not reference_title(squeeze(text)) or parent.name == "li" or parent.find_parent("li") is not None:
        return False
    return not any(getattr(n, "name", None) and ((n.get("href") or "").strip() or n.find("a", href=True))
                   for n in nodes)


def head_has_p(nodes) -> bool:
    return any(getattr(n, "name", None) == "p" for n in nodes)


def _span(cell, attr: str) -> int:
    try:
        return int(cell.get(attr, 1))
    except ValueError:
        return 1
