"""JATS reference entries: their printed text, and the facts the XML states about them.

A ``<mixed-citation>`` carries its own punctuation and is kept as printed. An
``<element-citation>`` (or the older ``<nlm-citation>``) gives only the parts,
so it is printed in the journal's style: PLOS's ``Author A (2009) Title.
Source 6: e100.`` for a PLOS journal, Vancouver otherwise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.importers.jats_inline import Context, inline, local, name_text, squash

CITATIONS = ("mixed-citation", "element-citation", "nlm-citation", "citation")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class EntryFacts:
    number: int
    first_author: str | None  # the first author's surname, or an organisation's name
    organisation: bool
    year: int | None


def citation_of(ref):
    return next((c for c in ref.iter() if local(c.tag) in CITATIONS), None)


def _people(cit) -> list:
    """The author names (``name``, ``string-name``, ``collab``, ``etal``) in printed order."""
    groups = [g for g in cit if local(g.tag) == "person-group"]
    authors = [g for g in groups if g.get("person-group-type", "author") == "author"] or groups[:1]
    holders = authors or [cit]
    return [p for g in holders for p in g if local(p.tag) in ("name", "string-name", "collab", "etal")]


def facts(ref, number: int) -> EntryFacts:
    cit = citation_of(ref)
    people = [p for p in _people(cit) if local(p.tag) != "etal"] if cit is not None else []
    first, organisation = None, False
    if people:
        who = people[0]
        surname = next((s for s in who.iter() if local(s.tag) == "surname"), None)
        if local(who.tag) == "collab" or surname is None:
            first, organisation = squash("".join(who.itertext())) or None, local(who.tag) == "collab"
        else:
            first = squash("".join(surname.itertext())) or None
    year_el = next((y for y in cit.iter() if local(y.tag) == "year"), None) if cit is not None else None
    found = _YEAR.search("".join(year_el.itertext())) if year_el is not None else None
    return EntryFacts(number, first, organisation, int(found.group(1)) if found else None)


def _part(cit, tag: str, ctx: Context) -> str:
    el = next((c for c in cit if local(c.tag) == tag), None)
    return squash(inline(el, ctx)) if el is not None else ""


def _authors(cit, ctx: Context) -> str:
    names = []
    for p in _people(cit):
        tag = local(p.tag)
        names.append("et al." if tag == "etal" else name_text(p) if tag in ("name", "string-name")
                     else squash(inline(p, ctx)))
    return ", ".join(n for n in names if n)


def _stop(text: str) -> str:
    return text if not text or text[-1] in ".?!" else text + "."


def _pages(cit, ctx: Context) -> str:
    first, last = _part(cit, "fpage", ctx), _part(cit, "lpage", ctx)
    return f"{first}\u2013{last}" if first and last else first or _part(cit, "elocation-id", ctx)


def _links(cit, ctx: Context) -> list[str]:
    out = []
    for el in cit:
        tag = local(el.tag)
        if tag == "pub-id" and el.text:
            kind = el.get("pub-id-type", "")
            out.append({"doi": "doi: ", "pmid": "PMID: "}.get(kind, "") + squash(el.text))
        elif tag in ("ext-link", "uri", "comment"):
            text = squash(inline(el, ctx))
            if text:
                out.append(text)
    return out


def _styled(cit, ctx: Context, plos: bool) -> str:
    """The printed entry for a citation given as parts."""
    authors, year = _authors(cit, ctx), _part(cit, "year", ctx)
    title, source = _part(cit, "article-title", ctx), _part(cit, "source", ctx)
    volume, issue, pages = _part(cit, "volume", ctx), _part(cit, "issue", ctx), _pages(cit, ctx)
    place = ": ".join(p for p in (_part(cit, "publisher-loc", ctx), _part(cit, "publisher-name", ctx)) if p)
    where = volume + (f"({issue})" if issue else "")
    if plos:
        head = f"{authors} ({year})" if year else authors
        bits = [head, _stop(title) if title else "", source + (f" {where}" if where else "")]
        bits[-1] += f": {pages}" if pages and where else f" {pages}" if pages else ""
        text = " ".join(b for b in bits if b.strip())
        text = _stop(text.strip()) + (f" {_stop(place)}" if place else "")
    else:
        date = year + (f";{where}" if where else "") + (f":{pages}" if pages else "")
        text = " ".join(_stop(b) for b in (authors, title, source, place, date) if b)
    return " ".join([text] + _links(cit, ctx))


def entry_text(ref, ctx: Context, plos: bool) -> str:
    cit = citation_of(ref)
    if cit is None:
        return squash(inline(ref, ctx))
    if local(cit.tag) == "mixed-citation":
        return squash(inline(cit, ctx))
    ctx.notes["styled-entry"] += 1
    return squash(_styled(cit, ctx, plos))
