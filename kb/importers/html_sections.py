"""Which reference section of a web page its citation markers cite, and moving that one last.

The policy reader takes the last list under a reference heading. A wiki article
often prints two: its numbered notes under 'Citations' (or 'References'), which
every ``[n]`` in the text links to, and below them a 'References' or
'Bibliography' of books that the notes cite by short name and no marker links
to. Read as printed, the reader takes the books and every marker points past
them. When the markers link into one earlier reference section and none into the
last, the converter writes the cited section after the last one, word for word,
and says so in the import report: the reader then takes the list the text cites.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

# Fewer marker links than this into a section do not make it the cited list: a stray link is no evidence.
_ENOUGH = 3


@dataclass(frozen=True)
class Section:
    """A reference section as written: its heading's text and the span of blocks it took in the writer."""
    title: str
    start: int
    end: int
    key: int  # id() of its heading element, to match the ids reference_index found under it


def marker_counts(root, by_heading: dict) -> Counter:
    """Links in a superscript, or bare citation links, per reference section they point into (by heading key)."""
    owner = {target: key for key, ids in by_heading.items() for target in ids}
    counts: Counter = Counter()
    for a in root.find_all("a", href=True):
        href = a["href"].strip()
        if not href.startswith("#") or href[1:] not in owner:
            continue
        if owner.get(_own_id(a)) is not None:  # a link inside a reference section: a back-link or a label
            continue
        if a.find_parent("sup") is not None or a.get_text(strip=True).strip("[]").isdigit():
            counts[owner[href[1:]]] += 1
    return counts


def _own_id(a):
    """The id of the nearest element around a link that has one (to tell links inside a reference section)."""
    for parent in a.parents:
        if parent.get("id"):
            return parent["id"]
    return None


def cited_section(sections: list[Section], counts: Counter) -> Section | None:
    """The earlier section the markers cite when the last one is cited by none, else None."""
    if len(sections) < 2 or counts.get(sections[-1].key, 0):
        return None
    earlier = [s for s in sections[:-1] if counts.get(s.key, 0) >= _ENOUGH]
    return max(earlier, key=lambda s: counts[s.key]) if earlier else None


def unheaded_list(root, citation_text, year) -> object | None:
    """On a page with no reference heading at all, the list the text's numbered citation links point into
    (Wiley prints its bibliography under no heading, naming it only in a tab): three or more of its items
    linked, and most of them naming a year. None when there is no such list."""
    ids = {el.get("id"): el for el in root.find_all(id=True)}
    targets: dict[int, set] = {}
    lists: dict[int, object] = {}
    for a in root.find_all("a", href=True):
        href = a["href"].strip()
        target = ids.get(href[1:]) if href.startswith("#") else None
        item = None if target is None else (target if target.name == "li" else target.find_parent("li"))
        if item is None or item.parent is None or item.parent.name not in ("ol", "ul"):
            continue
        if a.find_parent("li") is item or not citation_text.match(a.get_text(strip=True).strip("[]()")):
            continue
        targets.setdefault(id(item.parent), set()).add(id(item))
        lists[id(item.parent)] = item.parent
    ranked = sorted(targets, key=lambda key: len(targets[key]), reverse=True)
    for key in ranked:
        items = lists[key].find_all("li", recursive=False)
        dated = sum(1 for li in items if year.search(li.get_text(" ")))
        if len(targets[key]) >= _ENOUGH and dated * 2 >= len(items):
            return lists[key]
    return None


def pandoc_bibliography(root, is_entry) -> object | None:
    """On a page with no reference heading, pandoc's bibliography (``<div id="refs">`` or an element with the role
    ``doc-bibliography``) holding entries: an R Markdown page whose author left out the 'References' heading prints
    its list so, under the last section. Pandoc marks it as the bibliography, which no other list on a page claims
    to be. None when there is none, or it holds no entry."""
    for found in (root.find(id="refs"), root.find(attrs={"role": "doc-bibliography"})):
        if found is not None and any(is_entry(child) for child in found.find_all("div")):
            return found
    return None
