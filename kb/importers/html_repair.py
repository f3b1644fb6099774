"""Markup the standard library's HTML parser nests otherwise than a browser does.

HTML lets a page leave out ``</head>`` (minifiers do: bioRxiv's pages open ``<head>...<body ...>`` with no end
tag between). A browser closes the head where the body starts; ``html.parser`` keeps the ``<body>`` inside the
``<head>``, so dropping the head, as the importer does, dropped the whole page, and the import said it found no
reference list. The body is moved out of the head first.

Some pages are finished by a script a saved copy never runs, or are laid out in tables a data table is not: see
``place_listed_bibliography`` and ``layout_table``.
"""
from __future__ import annotations


def lift_body(soup) -> bool:
    """Move a ``<body>`` the parser nested inside ``<head>`` to follow it; True when one was moved."""
    head, body = soup.find("head"), soup.find("body")
    if head is None or body is None or head not in body.parents:
        return False
    head.insert_after(body.extract())
    return True


def unwrap_inner_roots(soup) -> int:
    """A second ``<html>`` or ``<body>`` start tag (a page saved twice into one file, a LaTeX-to-HTML converter
    writing one per part) is one a browser ignores; ``html.parser`` opens a new element for it, which the walk then
    takes for inline text, so the page's headings were lost. Inner ones are unwrapped; returns how many."""
    inner = [tag for name in ("html", "body") for tag in soup.find_all(name) if tag.find_parent(name) is not None]
    for tag in inner:
        tag.unwrap()
    return len(inner)


def place_listed_bibliography(soup) -> bool:
    """distill (R Markdown's ``distill_article``) writes pandoc's bibliography, ``<div id="refs">``, where the text
    ends, and under the appendix's 'References' heading an empty ``<div id="references-listing">``; the page's
    script moves the list there when a browser opens it. Saved as written, that heading stands over nothing and
    the list under the last section, so the import found no list. The script's move is made here; True when made."""
    listing, refs = soup.find(id="references-listing"), soup.find(id="refs")
    if listing is None or refs is None or listing.get_text(strip=True):
        return False
    if listing in refs.parents or refs in listing.parents:
        return False
    listing.replace_with(refs.extract())
    return True


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = ("p", "div", "ul", "ol", "table", "pre", "blockquote")


def layout_table(table) -> bool:
    """A table with a cell of its own holding a heading and, beside it, paragraphs or other blocks lays out the page
    rather than holding data: old pages set their content in table cells, and a table never closed (LaTeX-to-HTML
    theses leave one open after a glossary) nests the rest of the page inside its last cell. Its cells are read as
    the page's blocks. A heading alone in a cell is a data table's row label (a payer's 'CPT codes covered if
    selection criteria are met' spanning its code table), and a heading in the caption is its title: both stay a
    table."""
    for heading in table.find_all(_HEADINGS):
        cell = heading.find_parent(["td", "th"])
        if cell is None or heading.find_parent("table") is not table:
            continue
        if any(block.get_text(strip=True) for block in cell.find_all(_BLOCKS) if block is not heading
               and heading not in block.parents and block not in heading.parents):
            return True
    return False
