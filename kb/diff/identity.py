"""Which entries of two reference lists are the same paper.

Used by ``kb diff`` (OLD and NEW versions of a policy) and by the corpus
(one node for a paper cited by several policies). A paper is known by its
PMID, its DOI, and its normalised title and year, and matched on all of
them: an entry printed with a PMID in one policy and without it in another
is still one paper. The first author and year alone are too weak (one author
publishes several papers a year).
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
    """The strongest key of one entry."""
    return identities(entry)[0]


_STRENGTH = ("pmid:", "doi:", "title:", "raw:")


def _strength(key: str) -> tuple[int, str]:
    return next(i for i, prefix in enumerate(_STRENGTH) if key.startswith(prefix)), key


def group_papers(entries: list[ReferenceEntry]) -> list[tuple[str, tuple[int, ...]]]:
    """The entries (by position) that are one paper, each group named by its strongest key, in order of first entry.

    Union-find over every key: two entries sharing a PMID, a DOI or a title with year are one paper, and so is
    anything joined to them through another key. Keys are joined strongest first, and a join that would put two
    different PMIDs (or DOIs) in one paper is refused: a title shared by two trials does not make them one.
    """
    parent = list(range(len(entries)))
    ids = [{p: {k for k in identities(e) if k.startswith(p)} for p in ("pmid:", "doi:")} for e in entries]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = sorted((root(i), root(j)))
        if a == b or any(ids[a][p] and ids[b][p] and ids[a][p] != ids[b][p] for p in ids[a]):
            return
        parent[b] = a
        for p in ids[a]:
            ids[a][p] |= ids[b][p]

    first: dict[str, int] = {}
    for prefix in _STRENGTH:
        for i, entry in enumerate(entries):
            for key in identities(entry):
                if key.startswith(prefix):
                    join(first.setdefault(key, i), i)
    members: dict[int, list[int]] = {}
    for i in range(len(entries)):
        members.setdefault(root(i), []).append(i)
    return [(min((k for i in group for k in identities(entries[i])), key=_strength), tuple(group))
            for group in members.values()]


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
