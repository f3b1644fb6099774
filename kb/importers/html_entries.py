"""Reference entries a saved page prints as blocks rather than list items, and the line ends inside an entry.

Pandoc's citeproc (R Markdown, Quarto, manubot, Zotero's HTML bibliography) prints each entry as a
``<div class="csl-entry" role="doc-biblioentry">`` holding a ``csl-left-margin`` with its number ('1. ') and a
``csl-right-inline`` with its text; older pandoc prints ``<div id="ref-KEY">`` inside ``<div id="refs">``.
Read as paragraphs, the number and the text are two blocks, and the reader finds no numbered entry. Such a
block is one entry, like a list item.

Inside an entry, a browser starts a new line at each block and each ``<br>``: manubot prints its title in bold,
its authors in a ``csl-block`` of their own and the journal in italics, with no stop between them. Each line
end is marked (``BLOCK_END``) so that ``join_block_ends`` can write the stop the layout stood for.
"""
from __future__ import annotations

from kb.importers.html_inline import BLOCKS
from kb.importers.html_refs import BLOCK_END


def entry_block(node) -> bool:
    """A block under a reference heading that is one entry: pandoc's citeproc ``csl-entry`` (or its ARIA role),
    or the older ``<div id="ref-KEY">`` child of ``<div id="refs">``."""
    if getattr(node, "name", None) != "div":
        return False
    if "csl-entry" in (node.get("class") or []) or node.get("role") == "doc-biblioentry":
        return True
    parent = node.parent
    return (node.get("id") or "").startswith("ref-") and parent is not None and parent.get("id") == "refs"


def mark_line_ends(entry) -> None:
    """Mark where the page ends a line inside an entry: after each innermost block, before one that follows
    inline text (a bold title, then the authors' block), and at each ``<br>``."""
    for br in entry.find_all("br"):
        br.replace_with(BLOCK_END)
    for block in entry.find_all(list(BLOCKS)):
        if block.find(list(BLOCKS)) is not None:
            continue
        before = block.previous_sibling
        while before is not None and isinstance(before, str) and not before.strip():
            before = before.previous_sibling
        if before is not None and getattr(before, "name", None) not in BLOCKS:
            block.insert_before(BLOCK_END)
        block.append(BLOCK_END)


def note_heading(text: str) -> bool:
    """A heading right under the reference heading, before any entry, that is a sentence about the list, not a
    part of it (the caller checks where it stands): Springer's
    'Papers of particular interest, published recently, have been highlighted as: •• Of major importance' set as
    an <h3> above the entries. Written as a heading, it would end the list before its first entry; it is written
    as a paragraph. A part's name ('Further reading', 'Cited studies') is short and stays a heading."""
    words = text.split()
    return len(words) >= 8 or text.rstrip().endswith(":")


def drop_link_rows(entry, is_chrome) -> int:
    """Leave out the blocks inside an entry printed only by links to other services ('CAS Article PubMed
    Google Scholar', Springer's row under each entry): they name no part of the work. A row whose links print
    digits (the DOI, the PMID) is the entry's own and stays. Returns how many were left out."""
    dropped = 0
    for block in entry.find_all(list(BLOCKS)):
        if block.decomposed or block.find(list(BLOCKS)) is not None:
            continue
        if is_chrome(block) and not any(c.isdigit() for c in block.get_text()):
            block.decompose()
            dropped += 1
    return dropped
