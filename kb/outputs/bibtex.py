"""BibTeX (through bibtexparser v2) and CSL-JSON exports of the reference list.

The only module that imports bibtexparser. Authors are written
``Last, Jr., F. M.`` so that any BibTeX reader splits multi-word and particle
surnames ("de Vries", "Blasco Andaluz") correctly; organisations are braced
so they are never split into first and last names. Text goes out LaTeX-encoded
by bibtexparser's ``LatexEncodingMiddleware`` (``&`` -> ``\\&``, ``Ł`` ->
``{\\L}``) with its braces balanced first, so BibTeX and pybtex read any title;
identifiers (DOI, URL, PMID) go out as printed. Keys are transliterated to
ASCII ("Løvland" -> "lovland"), never stripped of the letters they cannot show.
"""
from __future__ import annotations

import functools
import json
import re

from kb.knowledge.base import KnowledgeBase
from kb.read.model import ReferenceEntry
from kb.read.authors import name_and_initials

_SUFFIX = re.compile(r",?\s*(Jr|Sr|2nd|3rd|4th|II|III|IV)\.?$")
# Written as printed: LaTeX escapes would break a DOI or URL ('10.1000/a_b', '%20').
_VERBATIM = frozenset({"year", "doi", "pmid", "url", "urldate", "policyref"})


def _ascii(text: str) -> str:
    """Transliterated, not stripped: 'Løvland' -> 'Lovland', 'Łukasiewicz' -> 'Lukasiewicz'."""
    from text_unidecode import unidecode

    return unidecode(text)


def balance_braces(text: str) -> str:
    """``text`` without the braces that have no partner: BibTeX counts braces even when escaped."""
    unmatched, opened = set(), []
    for i, char in enumerate(text):
        if char == "{":
            opened.append(i)
        elif char == "}":
            if opened:
                opened.pop()
            else:
                unmatched.add(i)
    unmatched.update(opened)
    return "".join(c for i, c in enumerate(text) if i not in unmatched)


@functools.cache
def _encoder():
    from bibtexparser.middlewares import LatexEncodingMiddleware

    # No math or URL rules: a '$' in a title is a dollar, and URLs go out verbatim anyway.
    return LatexEncodingMiddleware(keep_math=False, enclose_urls=False)


def latex(text: str) -> str:
    """One value LaTeX-encoded through bibtexparser's middleware, braces balanced."""
    from bibtexparser import Library
    from bibtexparser.model import Entry, Field

    library = Library([Entry("misc", "x", [Field("value", balance_braces(text))])])
    out = _encoder().transform(library)
    if out.failed_blocks:  # pylatexenc cannot encode it: keep the balanced plain text rather than lose it
        return balance_braces(text)
    return out.entries[0]["value"]


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
    last, given, suffix = (latex(part) for part in name_parts(author))
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
        author = "{" + latex(e.organisation) + "}"
    else:
        author = ""
    values = {
        # a source read after a book's or report's title is its publisher or series, not a journal
        "title": e.title or "", ("howpublished" if e.source_guessed else "journal"): e.source or "",
        "year": str(e.year) if e.year else "", "volume": e.volume or "", "number": e.issue or "",
        "pages": (e.pages or "").replace("-", "--"), "doi": e.doi or "", "pmid": e.pmid or "",
        "url": e.url or "", "urldate": e.accessed or "", "policyref": str(e.number),
    }
    encoded = {k: balance_braces(v) if k in _VERBATIM else latex(v) for k, v in values.items() if v}
    return {k: v for k, v in {"author": author, **encoded}.items() if v}


def _entry(e: ReferenceEntry, key: str, policyref: str | None = None):
    from bibtexparser.model import Entry, Field

    kind = "article" if e.source and not e.source_guessed else "misc"
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
        journal = e.source and not e.source_guessed
        item = {"id": keys[id(e)], "type": "article-journal" if journal else ("webpage" if e.url else "report")}
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
        for key, value in (("title", e.title), ("container-title" if journal else "publisher", e.source),
                           ("volume", e.volume),
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
