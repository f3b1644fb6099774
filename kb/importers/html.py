"""A saved policy web page to Markdown (BeautifulSoup over the standard library's HTML parser).

The policy is the page's own content: the first of ``<main>``, its ``role="main"``
element or ``<article>`` that holds the reference list (a journal page's
``<main>`` may hold only the abstract), else the element the page's "Skip to
main content" link points to, when it holds the list, else ``<body>``; scripts, styles,
navigation, forms and a wiki's "[edit]" links are left out. Headings,
paragraphs, nested lists (an ``<ol>`` keeps its ``start``, its letters or Roman
numerals, and each item its printed number), tables and ``<pre>`` blocks are kept; ``<sup>`` becomes a
citation marker or a superscript as printed, ``<strong>``/``<em>`` stay bold and
italic, links keep their text. A table with merged cells is kept as plain lines
and counted in the notes. Under a reference heading each list item is one entry
on one line (its nested lists and blocks run together, back-links and link-only
lines left out, see ``kb.importers.html_refs``); a bare link into that list
whose text is a number is a citation the page's style raises, written as a
marker and counted in the import report. 'REFERENCES' in a paragraph of its own
is that heading; a page with none gets one above the list its citation links
point into; when the markers cite an earlier reference list than the last, the
cited one is written last (``kb.importers.html_sections``). Each of these is
said in the import report.
"""
from __future__ import annotations

import re
import warnings

from kb.errors import KbError
from kb.importers.blocks import fence_notes
from kb.importers.html_inline import HEADINGS
from kb.importers.html_refs import (CITATION_TEXT, YEAR, RefIndex, cited_elsewhere, localize_links, reference_index,
                                    reference_title)
from kb.importers.html_entries import entry_block
from kb.importers.html_repair import lift_body, place_listed_bibliography, unwrap_inner_roots
from kb.importers.html_sections import cited_section, marker_counts, pandoc_bibliography, unheaded_list
from kb.importers.html_walker import PageWalker
from kb.importers.model import Converted

_DROP = ("script", "style", "noscript", "template", "nav", "form", "button", "svg", "iframe", "head")
_DROP_CLASSES = ("mw-editsection",)  # a wiki's "[edit]" beside each heading: a control, not the text
# Landmarks a page names as not its content: site banner, menus, search, footer, side boxes (a journal's
# "References" export panel). <footer> and <aside> without a role stay: an article's back matter is a footer.
_DROP_ROLES = ("navigation", "banner", "contentinfo", "search", "complementary")


def convert(data: bytes, source_name: str) -> Converted:
    try:
        return _convert(data)
    except RecursionError:  # elements nested thousands deep: no page a person reads, and no way to walk it
        raise KbError("has elements nested too deeply to read (thousands of levels); save the page again from "
                      "a browser, or its printable version") from None


def _convert(data: bytes) -> Converted:
    from bs4 import BeautifulSoup

    with warnings.catch_warnings():  # BeautifulSoup's advice to programmers ('looks like a URL') is not the user's
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(data, "html.parser")
    localize_links(soup)  # before <head> goes: it names the page's own address
    lift_body(soup)  # a <head> left open (no '</head>') holds the page
    unwrap_inner_roots(soup)  # a second <html> or <body>, which a browser ignores
    skip_to = skip_link_target(soup)  # before the menus that hold the link go
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(class_=list(_DROP_CLASSES)) + soup.find_all(attrs={"role": list(_DROP_ROLES)}):
        if not tag.decomposed:
            tag.decompose()
    moved_list = place_listed_bibliography(soup)  # before the reference headings are looked for
    root = page_root(soup, skip_to)
    index = reference_index(root)
    unheaded = None if index.by_heading else unheaded_list(root, CITATION_TEXT, YEAR)
    if unheaded is None and not index.by_heading:
        unheaded = pandoc_bibliography(root, entry_block)
    if unheaded is not None:
        ids = frozenset(el["id"] for el in unheaded.find_all(id=True))
        index = RefIndex(ids, ids, ((id(unheaded), ids),))
    walker = PageWalker(index)
    walker.unheaded = unheaded
    walker.blocks(root)
    walker.close_section(None)
    notes = walker.notes + walker.counted()
    if moved_list:
        notes.append("the reference list was written under the appendix's 'References' heading, where the page's "
                      "script moves it (distill prints it after the text and an empty place under that heading)")
    moved = cited_section(walker.sections, marker_counts(root, index.sections()))
    if moved is not None:
        last = walker.sections[-1]
        walker.out.move(moved.start, moved.end, last.end)
        notes.append(f"the list the text's markers cite (under '{moved.title}') was written after the last reference "
                     f"list ('{last.title}', which no marker cites), so that kb reads it as the reference list")
    elsewhere, heading = cited_elsewhere(root, index)
    if elsewhere and moved is None:
        notes.append(f"{elsewhere} citation markers point to a list under '{heading}', which is not read as "
                     "the reference list (the reader takes the last list under a reference heading): check which "
                     "list the text cites")
    notes += fence_notes(walker.out)
    return Converted(markdown=walker.out.text(), format="html", notes=tuple(notes))


def page_root(soup, skip_to: str | None = None):
    """The page's own content: its <main>, role="main" element or <article>, the first of them that holds the
    reference list (a journal page's <main> may hold only the abstract, a <article> a teaser); else the element its
    'Skip to main content' link points to (PubMed Central's classic pages mark their content no other way), when it
    holds the list; else <body>."""
    target = soup.find(id=skip_to) if skip_to else None
    for found in (soup.find("main"), soup.find(attrs={"role": "main"}), *soup.find_all("article"), target):
        if found is not None and any(reference_title(h.get_text(" ", strip=True))
                                     for h in found.find_all(list(HEADINGS))):
            return found
    return soup.body or soup


_SKIP = re.compile(r"^\s*skip\s+to\s+(?:the\s+)?(?:main\s+)?content\b", re.I)


def skip_link_target(soup) -> str | None:
    """The id a page's 'Skip to main content' link (an accessibility link, often hidden) points to, or None."""
    for a in soup.find_all("a", href=True):
        href = a["href"].strip()
        if href.startswith("#") and len(href) > 1 and _SKIP.match(a.get_text(" ", strip=True)):
            return href[1:]
    return None
