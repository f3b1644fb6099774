"""A JATS entry given only as parts (``<element-citation>``, ``<nlm-citation>``, bare parts side by side), printed
in the journal's style: PLOS's ``Author A (2009) Title. Source 6: e100.`` for a PLOS journal, Vancouver otherwise;
and the names, pages and links every entry's text is made of. Pure: an XML element and the import's context in,
text out; ``kb.importers.jats_refs`` chooses between the printed text and these parts.
"""
from __future__ import annotations

import re

from kb.importers.jats_inline import Context, child_text, inline, local, name_text, squash

# Words left bare between the parts ('<year>2006</year>Best Research for Best Health: A New ...', an untagged title)
# are printed text, not a stray issue number: the citation was typeset, and styling its parts would lose them.
BARE_WORDS = re.compile(r"[^\W\d_]{3,}\s+[^\W\d_]{2,}")


def people(cit) -> list:
    """The author names (``name``, ``string-name``, ``collab``, ``etal``) in printed order."""
    groups = [g for g in cit if local(g.tag) == "person-group"]
    authors = [g for g in groups if g.get("person-group-type", "author") == "author"] or groups[:1]
    holders = authors or [cit]
    return [p for g in holders for p in g if local(p.tag) in ("name", "string-name", "collab", "etal")]


def _part(cit, tag: str, ctx: Context) -> str:
    el = next((c for c in cit if local(c.tag) == tag), None)
    return squash(inline(el, ctx)) if el is not None else ""


def authors_text(cit, ctx: Context) -> str:
    names = []
    for p in people(cit):
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
            text = squash(el.text)  # a link tagged as an id ('<pub-id pub-id-type="pmid">https://...') is a link
            out.append(("" if text.startswith(("http", "www.")) else {"doi": "doi: ", "pmid": "PMID: "}.get(kind, ""))
                       + text)
        elif tag in ("ext-link", "uri", "comment"):
            text = squash(link_text(el, ctx) if tag != "comment" else inline(el, ctx))
            if text:
                out.append(text)
    return out


_HREF = "{http://www.w3.org/1999/xlink}href"


def link_text(el, ctx: Context) -> str:
    """A link as the entry prints it; one labelled in words (F1000Research's 'Reference Source') also shows the
    address it leads to, as a reader following it would find it."""
    text, href = inline(el, ctx), (el.get(_HREF) or "").strip()
    if href.startswith(("http", "www.")) and href not in text and not re.search(r"https?://|www\.", text):
        return f"{text.rstrip()} <{href}>"
    return text


def styled(cit, ctx: Context, plos: bool) -> str:
    """The printed entry for a citation given as parts."""
    # A year tagged with its brackets ('<year>(2004)</year>') prints bare; a book given by its <chapter-title> alone
    # (no <source>, as Elsevier tags reports and software) has that as its title, not nothing.
    authors, year = authors_text(cit, ctx), _part(cit, "year", ctx).strip("() ")
    # A data set or a program is titled by its <data-title> (eLife: 'SciPy: open source scientific tools').
    title = (_part(cit, "article-title", ctx) or _part(cit, "chapter-title", ctx) or _part(cit, "data-title", ctx))
    source = _part(cit, "source", ctx)
    # A product given by its maker, with its name in a <comment> ('<collab>SAS Institute Inc</collab><comment>SAS/STAT
    # Software ...</comment><year>1997</year><publisher-loc>Cary, NC, USA</publisher-loc>'): the comment is the title,
    # printed before the place and year, not after them where the place reads as the authors.
    named = _comment_title(cit, ctx) if not title and not source else ""
    title = title or named
    volume, issue, pages = _part(cit, "volume", ctx), _part(cit, "issue", ctx), _pages(cit, ctx)
    place = ": ".join(p for p in (_part(cit, "publisher-loc", ctx), _part(cit, "publisher-name", ctx)) if p)
    # A conference paper is published by its meeting (Vancouver: 'Meeting name; date; place'), and an entry with
    # no source may say in italics what it is ('<italic>Manuscript in preparation</italic>'): both are printed
    # where the source goes, or the entry would read as one naming no source and (with no <year>) no date.
    meeting = "; ".join(p for p in (_part(cit, "conf-name", ctx), _part(cit, "conf-date", ctx),
                                    _part(cit, "conf-loc", ctx)) if p)
    source = "; ".join(p for p in (source, meeting) if p) or _said_in_italics(cit, ctx)
    where = volume + (f"({issue})" if issue else "")
    if plos:
        head = f"{authors} ({year})" if year else authors
        bits = [head, _stop(title) if title else "", source + (f" {where}" if where else "")]
        bits[-1] += f": {pages}" if pages and where else f" {pages}" if pages else ""
        text = " ".join(b for b in bits if b.strip())
        text = _stop(text.strip()) + (f" {_stop(place)}" if place else "")
    else:
        date = year + (f";{where}" if where else "") + (f":{pages}" if pages else "")
        where_when = f"{place}; {date}" if place and date else place or date  # Vancouver: "City: Publisher; 2001."
        text = " ".join(_stop(b) for b in (authors, title, source, where_when) if b)
    return " ".join([text] + [link for link in _links(cit, ctx) if not named or link != named])


def _comment_title(cit, ctx: Context) -> str:
    """The words of a <comment> that names the work (capitalised words, no link, DOI or note of status)."""
    for el in cit:
        if local(el.tag) == "comment":
            text = squash(inline(el, ctx))
            if re.match(r"[A-Z][\w/-]*\s+\S", text) and not re.search(r"doi|https?:|www\.|\bpii\b|[Ee]pub|[Aa]ccessed", text):
                return text
    return ""


def _said_in_italics(cit, ctx: Context) -> str:
    """Words set in italics or bold straight inside a citation of parts (no tag says what they are): printed."""
    said = [squash(inline(c, ctx)) for c in cit if local(c.tag) in ("italic", "bold")]
    return " ".join(s for s in said if BARE_WORDS.search(s))


ID_KINDS = {"doi": "doi: ", "pmid": "PMID: "}


def bare_names(group) -> bool:
    """A person-group whose names stand side by side with nothing between them (Europe PMC's Frontiers)."""
    people = [p for p in group if local(p.tag) in ("name", "string-name", "collab", "etal")]
    return len(people) > 1 and len(people) == len(group) and not any((p.tail or "").strip() for p in people[:-1])


def person_text(p, ctx: Context) -> str:
    """A name as printed; one whose parts touch ('<surname>Clark</surname><given-names>K.</given-names>',
    OUP's NAR; Europe PMC's 'Cao-Lormeau' 'VM') shows them apart on the page."""
    parts = list(p)
    if local(p.tag) in ("name", "string-name") and len(parts) > 1 and not (p.text or "").strip() \
            and not any(c.tail for c in parts[:-1]):
        return " ".join(squash("".join(c.itertext())) for c in parts)
    return child_text(p, ctx)


def group_text(group, ctx: Context) -> str:
    """A person-group as printed, each name as ``_person_text`` shows it. An ``<etal/>`` right after the last
    name ("<name>..<given-names>S</given-names></name><etal/>", OUP's and BMJ's lists in PMC) prints apart from
    it, with the list's own separator: "Venkatesan S, et al.", not "Venkatesan Set al."."""
    out = [group.text or ""]
    people = list(group)
    for i, p in enumerate(people):
        text = person_text(p, ctx)
        if local(p.tag) == "etal" and i + 1 < len(people) and local(people[i + 1].tag) in ("name", "string-name") \
                and not (p.tail or "").strip():
            # APA's eight-author form: the first six, an ellipsis, the last ("Weiller, E., . . . Dunbar, G. C.");
            # "et al." glued to the last name would make it part of the list's end.
            out.extend([". . . ", ""])
            continue
        if local(p.tag) == "etal" and "".join(out)[-1:].isalnum():
            out.append(", " if any("," in (q.tail or "") for q in group) else " ")
        out.append(text)
        out.append(p.tail or "")
    return "".join(out)
