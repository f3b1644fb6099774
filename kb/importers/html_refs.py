"""What a saved web page's reference list looks like, and how its citations point into it.

Publishers and wikis print a reference list as list items (or paragraphs) that
carry more than the entry: a back-link to where it was cited (Wikipedia's
``^ a b``, HighWire's ``↵``, BMC's "Return to text"), nested lists of authors,
link-outs on lines of their own ("Google Scholar", "PubMed Abstract | Publisher
Full Text"). The entry is what the reader needs, one per line. In the text, a
citation is often a bare link to an entry (``guidelines<a href="#ref-8">8</a>``)
that the page's style sheet raises: that link is what says it is a citation.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kb.importers.blocks import reference_title

_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_YEAR = YEAR = re.compile(r"\b(1[6-9]|20)\d\d\b")
# A label the entry prints itself: '1.', '1)', '[1]', '1' before a tab or space and a capital or quote
_LABEL = re.compile(r"^\s*(?:\*\*)?(?:\[(?P<b>\d{1,4})\]|(?P<n>\d{1,4})[.)])(?:\*\*)?\s+(?=\S)")
# A citation's number, list or range; up to three digits, so an author-year link on its year ('Arima et al.
# <a href="#CR1">2004</a>', Springer) is not taken for reference 2004.
CITATION_TEXT = re.compile(r"^\d{1,3}(?:\s*[-–—,]\s*\d{1,3})*$")
_LABEL_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d[a-z]?\b")  # 'Salzburger et al., 2002a'
# A short label that introduces a row of links ('Export references: BibTeX RIS', IOP), not an entry's text
# A web address's scheme is no such label: 'kana https://www.kanaverse.org/kana/' (manubot's entry for a tool,
# its name and its address) is an entry, not 'kana https:' before a link.
_LINKS_LABEL = re.compile(r"^\s*(?:[A-Za-z]+\s+){0,2}[A-Za-z]+:(?!//)\s*")
_ARROWS = re.compile(r"^[\s^↑↵⇑]+(?=\S)")  # a back-link's arrow left in front of the entry


@dataclass(frozen=True)
class RefIndex:
    """The ids of the elements inside the page's reference sections (an entry and anything in it), and those of
    the last such section: the one the policy reader takes for the reference list."""
    ids: frozenset = frozenset()
    last: frozenset = frozenset()
    by_heading: tuple = ()  # (id() of a reference heading element, the ids under it), in page order

    def sections(self) -> dict:
        return dict(self.by_heading)

    def holds(self, href: str | None) -> bool:
        return bool(href) and href.startswith("#") and href[1:] in self.ids


def reference_index(root) -> RefIndex:
    """Every id under a reference heading, up to the next heading of the same or a higher level."""
    ids: set[str] = set()
    last: set[str] = set()
    by_heading = []
    for heading in root.find_all(list(_HEADINGS)):
        if not reference_title(heading.get_text(" ", strip=True)):
            continue
        level = _HEADINGS[heading.name]
        last = set()
        for el in heading.find_all_next(True):
            if el.name in _HEADINGS and _HEADINGS[el.name] <= level:
                break
            if el.get("id"):
                last.add(el["id"])
        ids |= last
        by_heading.append((id(heading), frozenset(last)))
    return RefIndex(frozenset(ids), frozenset(last), tuple(by_heading))


def localize_links(soup) -> None:
    """Links to this page written as full addresses ('https://en.wikipedia.org/wiki/Duck#cite_ref-3', as tools
    that save a page with its links resolved write them) made in-page ('#cite_ref-3'), so back-links and citation
    links are known. The page's own address is its canonical link, or the one address that three or more links
    join to a fragment naming an id on this page."""
    ids = {el.get("id") for el in soup.find_all(id=True)}
    bases: Counter = Counter()
    links = []
    for a in soup.find_all("a", href=True):
        base, hash_, fragment = a["href"].strip().partition("#")
        if hash_ and base and fragment in ids:
            links.append((a, base.rstrip("/"), fragment))
            bases[base.rstrip("/")] += 1
    own = {base for base, n in bases.items() if n >= 3}
    for tag in soup.find_all("link", rel="canonical", href=True) + soup.find_all("meta", property="og:url"):
        own.add((tag.get("href") or tag.get("content") or "").strip().rstrip("/"))
    for a, base, fragment in links:
        if base in own:
            a["href"] = "#" + fragment


def is_back_link(a, index: RefIndex) -> bool:
    """A link from an entry back to the text that cites it: in-page, pointing outside the reference list. A link
    naming a year is a short citation of a work listed elsewhere (Wikipedia's 'Carboneras 1992b, p. 537' into
    its 'Sources'): the entry's own words, kept."""
    href = (a.get("href") or "").strip()
    return (href.startswith("#") and len(href) > 1 and not index.holds(href)
            and not _LABEL_YEAR.search(a.get_text(" ", strip=True)))


def own_label(entry):
    """The link an entry opens with that points to the entry itself and prints its label: an author-year
    label (Elsevier's 'Albertson et al., 2003' before 'R.C. Albertson, ...') or its number; else None."""
    ids = {entry.get("id")} | {el.get("id") for el in entry.find_all(id=True)}
    first = next((t for t in entry.find_all(string=True) if t.strip()), None)
    a = first.find_parent("a") if first is not None else None
    if a is None or entry not in a.parents:
        return None
    href = (a.get("href") or "").strip()
    text = a.get_text(" ", strip=True)
    if not href.startswith("#") or href[1:] not in ids or not (_LABEL_YEAR.search(text) or text.isdigit()):
        return None
    return a


def number_element(entry):
    """The element an entry opens with when it prints only the entry's number ('<span class="bullet">1</span>
    H. W. Kroto, ...', Wiley; '<span class="label">1.</span><cite>Sheikhalishahi S, ...', PubMed Central's
    2024 pages, with no space before the entry), or None."""
    first = next((t for t in entry.find_all(string=True) if t.strip()), None)
    element = None if first is None else first.parent
    if element is None or element is entry or not _NUMBER_ONLY.fullmatch(element.get_text(strip=True)):
        return None
    return element


def element_number(element) -> str:
    """The entry's number an element from ``number_element`` prints, without its '.', ')' or brackets."""
    return _NUMBER_ONLY.fullmatch(element.get_text(strip=True)).group(1)


_NUMBER_ONLY = re.compile(r"\[?(\d{1,4})[.)\]]?")


def citation_link(a, index: RefIndex) -> bool:
    """A bare link into the reference list whose text is a number, a list or a range of numbers."""
    return index.holds((a.get("href") or "").strip()) and bool(CITATION_TEXT.match(a.get_text(strip=True)))


def printed_label(text: str) -> tuple[str | None, str]:
    """('1.', rest) or ('[1]', rest) when an entry starts with the number it prints; else (None, text)."""
    m = _LABEL.match(text)
    if not m:
        return None, text
    label = f"[{m.group('b')}]" if m.group("b") else f"{m.group('n')}."
    return label, text[m.end():]


BLOCK_END = "\x1f"  # put after each innermost block of an entry while it is read as one line


def join_block_ends(text: str) -> str:
    """An entry printed as blocks, one line each (Elsevier: authors, title, source), read as one line: where a
    line ends on a letter or digit and the next opens a new part (a capital, a digit, a quote), the line end is
    the stop between the parts ('R.C. Albertson, T.D. Kocher. Directional selection ...'); elsewhere a space."""
    parts = text.split(BLOCK_END)
    out = parts[0]
    for part in parts[1:]:
        before, after = out.rstrip(), part.lstrip()
        # Bold and italic marks do not end or open a part: '**Deep learning**' then 'Yann LeCun', '*Nature*'
        last, first = before.rstrip("*"), after.lstrip("*")
        if last and first and last[-1].isalnum() and (first[0].isupper() or first[0].isdigit()
                                                      or first[0] in "\"“‘'"):
            out = f"{before}. {after}"
        else:
            out = f"{out} {part}"
    return out


def space_glued_parts(entry) -> int:
    """A space between two elements of an entry printed side by side with no text between them, one ending on a
    letter and the next opening with a digit ('<abbr>Am Heart J</abbr><span>2009</span>', HighWire, whose style
    sheet spaces them): read as one word, the journal hides the year. Returns how many were spaced."""
    spaced = 0
    for element in entry.find_all(True):
        following = element.next_sibling
        if following is None or not getattr(following, "name", None) or {element.name, following.name} & {"sup", "sub"}:
            continue
        before, after = element.get_text(), following.get_text()
        if before[-1:].isalpha() and after[:1].isdigit():
            element.insert_after(" ")
            spaced += 1
    return spaced


def strip_arrows(text: str) -> str:
    return _ARROWS.sub("", text)


def link_chrome(node) -> bool:
    """A block in a reference list printed only by links (or images) and naming no year: link-outs, not an entry."""
    if not hasattr(node, "find_all"):
        return False
    text = node.get_text(" ", strip=True)
    if not text:  # links or buttons drawn as images ('go to next section' arrows): only alt text would print
        return node.find(["a", "img"]) is not None
    if _YEAR.search(text):
        return False
    linked = "".join(a.get_text("", strip=True) for a in node.find_all("a"))
    own = re.sub(r"[\s|·,;/]+", "", _LINKS_LABEL.sub("", text))
    return bool(linked) and len(re.sub(r"[\s|·,;/]+", "", linked)) >= len(own)


def cited_elsewhere(root, index: RefIndex) -> tuple[int, str | None]:
    """Markers (a link in a <sup>) pointing to a list item outside the last reference section, and the heading
    that list stands under: Wikipedia's numbered list under 'Citations' or 'Footnotes' above a 'References' of
    books. The reader takes the last list under a reference heading; the import report says the markers point
    elsewhere."""
    ids = {el["id"]: el for el in root.find_all(id=True)}
    headings: Counter = Counter()
    for a in root.select("sup a[href^='#']"):
        target = ids.get(a["href"][1:])
        if target is None or target.name != "li" or a["href"][1:] in index.last:
            continue
        found = target.find_previous(list(_HEADINGS))
        headings[found.get_text(" ", strip=True) if found is not None else ""] += 1
    if not headings:
        return 0, None
    return sum(headings.values()), headings.most_common(1)[0][0] or None
