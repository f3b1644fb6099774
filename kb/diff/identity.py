"""Which entries of two reference lists are the same paper.

Used by ``kb diff`` (OLD and NEW versions of a policy) and by the corpus
(one node for a paper cited by several policies). A paper is known by its
PMID, else its DOI, else its normalised title and year; the first author
and year alone are too weak (one author publishes several papers a year).
"""
from __future__ import annotations

import re
import unicodedata

from kb.read.model import ReferenceEntry


def normalise_title(title: str | None) -> str:
    """Lower case, accents and punctuation out, spaces collapsed: 'A trial (VERTOS II).' -> 'a trial vertos ii'."""
    if not title:
        return ""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain).split())


def identities(entry: ReferenceEntry) -> tuple[str, ...]:
    """The keys that name this paper, strongest first."""
    keys = []
    if entry.pmid and entry.pmid.isdigit():
        keys.append(f"pmid:{int(entry.pmid)}")
    if entry.doi:
        keys.append(f"doi:{entry.doi.lower().rstrip('.')}")
    title = normalise_title(entry.title)
    if title:
        keys.append(f"title:{title}|{entry.year or ''}")
    if not keys:
        keys.append(f"raw:{normalise_title(entry.raw)}")
    return tuple(keys)


def identity(entry: ReferenceEntry) -> str:
    """The strongest key: what a corpus node of this paper is called."""
    return identities(entry)[0]


def match_entries(old: list[ReferenceEntry], new: list[ReferenceEntry]) -> dict[int, int]:
    """Old number -> new number for the papers both lists hold.

    Keys are tried strongest first across the whole list, so a PMID match is
    never stolen by a weaker title match; each entry is matched at most once.
    """
    index: dict[str, int] = {}
    for e in new:
        for key in identities(e):
            index.setdefault(key, e.number)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for prefix in ("pmid:", "doi:", "title:", "raw:"):
        for e in old:
            if e.number in matched:
                continue
            for key in identities(e):
                target = index.get(key)
                if key.startswith(prefix) and target is not None and target not in taken:
                    matched[e.number] = target
                    taken.add(target)
                    break
    return matched
