"""BibTeX (through bibtexparser v2) and CSL-JSON exports of the reference list.

The only module that imports bibtexparser. Authors are written
``Last, Jr., F. M.`` so that any BibTeX reader splits multi-word and particle
surnames ("de Vries", "Blasco Andaluz") correctly; organisations are braced
so they are never split into first and last names.
"""
from __future__ import annotations

import json
import re
import unicodedata

from kb.knowledge.base import KnowledgeBase
from kb.read.model import ReferenceEntry
from kb.read.authors import name_and_initials

_SUFFIX = re.compile(r",?\s*(Jr|Sr|2nd|3rd|4th|II|III|IV)\.?$")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def name_parts(author: str) -> tuple[str, str, str]:
    """'McConnell CT, Jr.' -> ('McConnell', 'C. T.', 'Jr.')."""
    suffix = ""
    m = _SUFFIX.search(author)
    if m:
        suffix = m.group(1) + ("." if m.group(1) in ("Jr", "Sr") else "")
        author = author[: m.start()].strip()
    one = name_and_initials(author)
    if not one:
        return author, "", suffix
    initials = re.sub(r"[.\s]", "", one[1])
    given = " ".join(f"{c}." if c.isalpha() else c for c in re.findall(r"[A-Z]|-", initials)).replace(" - ", "-")
    return one[0], given, suffix


def bibtex_name(author: str) -> str:
    last, given, suffix = name_parts(author)
    if " " in last:
        last = "{" + last + "}"  # keep "Blasco Andaluz" and "de Vries" whole
    return ", ".join(p for p in (last, suffix, given) if p)


def _suffix(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa': as many collisions as a corpus needs."""
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def citation_keys(entries, by=None) -> dict:
    """Readable keys such as 'buchbinder2009', with a, b, ... where two collide.

    Keyed by reference number, or by ``by(entry)`` when numbers repeat (a corpus).
    """
    key_of = by or (lambda e: e.number)
    bases = {}
    for e in entries:
        who = e.first_author or (e.organisation or e.title or "ref").split()[0]
        base = re.sub(r"[^a-z]", "", _ascii(who).lower()) or "ref"
        bases[key_of(e)] = f"{base}{e.year or 'nd'}"
    counts: dict[str, int] = {}
    for key in bases.values():
        counts[key] = counts.get(key, 0) + 1
    seen: dict[str, int] = {}
    out = {}
    for e in entries:
        key = bases[key_of(e)]
        if counts[key] > 1:
            seen[key] = seen.get(key, 0) + 1
            key = f"{key}{_suffix(seen[key])}"
        out[key_of(e)] = key
    return out


def _fields(e: ReferenceEntry) -> dict[str, str]:
    if e.authors:
        author = " and ".join(bibtex_name(a) for a in e.authors if a)
        if re.search(r"\bet\s+al\b", e.raw):
            author += " and others"
    elif e.organisation:
        author = "{" + e.organisation + "}"
    else:
        author = ""
    values = {
        "author": author, "title": e.title or "", "journal": e.source or "",
        "year": str(e.year) if e.year else "", "volume": e.volume or "", "number": e.issue or "",
        "pages": (e.pages or "").replace("-", "--"), "doi": e.doi or "", "pmid": e.pmid or "",
        "url": e.url or "", "urldate": e.accessed or "", "policyref": str(e.number),
    }
    return {k: v for k, v in values.items() if v}


def _entry(e: ReferenceEntry, key: str, policyref: str | None = None):
    from bibtexparser.model import Entry, Field

    kind = "article" if e.source else "misc"
    fields = _fields(e)
    if policyref is not None:
        fields["policyref"] = policyref
    return Entry(kind, key, [Field(k, v) for k, v in fields.items()])


def to_bibtex(kb: KnowledgeBase) -> str:
    return bibtex_of([(e, str(e.number)) for e in kb.references.values()])


def bibtex_of(items: list[tuple[ReferenceEntry, str]]) -> str:
    """BibTeX for (entry, policyref) pairs; policyref is the number, or 'policy:number; ...' in a corpus."""
    import bibtexparser

    keys = citation_keys([e for e, _ in items], by=id)
    library = bibtexparser.Library()
    for e, ref in items:
        library.add(_entry(e, keys[id(e)], ref))
    return bibtexparser.write_string(library)


def corpus_items(corpus) -> list[tuple[ReferenceEntry, str]]:
    """Each paper of a corpus once (as its first policy prints it), with every policy and number citing it."""
    items = []
    for citing in corpus.papers.values():
        first = corpus.by_name[citing[0].policy].references[citing[0].number]
        items.append((first, "; ".join(f"{c.policy}:{c.number}" for c in citing)))
    return items


def bibtex_by_number(kb: KnowledgeBase) -> dict[int, str]:
    """Each entry's BibTeX on its own, keyed as in the whole list (one download per reference)."""
    import bibtexparser

    entries = list(kb.references.values())
    keys = citation_keys(entries)
    out = {}
    for e in entries:
        library = bibtexparser.Library()
        library.add(_entry(e, keys[e.number]))
        out[e.number] = bibtexparser.write_string(library)
    return out


def to_csl_json(kb: KnowledgeBase) -> str:
    return csl_json_of([(e, str(e.number)) for e in kb.references.values()])


def csl_json_of(pairs: list[tuple[ReferenceEntry, str]]) -> str:
    keys = citation_keys([e for e, _ in pairs], by=id)
    items = []
    for e, ref in pairs:
        item = {"id": keys[id(e)], "type": "article-journal" if e.source else ("webpage" if e.url else "report")}
        if e.authors:
            item["author"] = []
            for a in e.authors:
                last, given, suffix = name_parts(a)
                person = {"family": last, "given": given}
                if suffix:
                    person["suffix"] = suffix
                item["author"].append(person)
        elif e.organisation:
            item["author"] = [{"literal": e.organisation}]
        for key, value in (("title", e.title), ("container-title", e.source), ("volume", e.volume),
                           ("issue", e.issue), ("page", e.pages), ("DOI", e.doi), ("PMID", e.pmid),
                           ("URL", e.url)):
            if value:
                item[key] = value
        if e.year:
            item["issued"] = {"date-parts": [[e.year]]}
        item["note"] = f"policyref: {ref}"
        items.append(item)
    return json.dumps(items, indent=1, ensure_ascii=False) + "\n"


def read_bibtex(text: str):
    """Parse BibTeX back (used to prove the round trip); failed blocks are kept."""
    import bibtexparser

    return bibtexparser.parse_string(text)
