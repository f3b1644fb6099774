"""JATS reference entries: their printed text, and the facts the XML states about them.

A ``<mixed-citation>`` (or an older ``<citation>``) that carries its own
punctuation is kept as printed, and so is any citation given as plain text with no parts, and a ``display-unstructured`` citation is
preferred when the entry has one. An ``<element-citation>``, an
``<nlm-citation>``, or a mixed citation whose parts stand bare side by side (as
PMC stores BMC's lists) gives only the parts, so it is printed in the journal's
style: PLOS's ``Author A (2009) Title. Source 6: e100.`` for a PLOS journal,
Vancouver otherwise. Where a typeset citation leaves two parts glued
(``epidemic?<source>``) the journal's page shows a space, and so does the entry;
a bare PubMed or DOI id gets its ``PMID:``/``doi:`` name. The facts (first author, year) come from the entry's most
tagged citation, so an entry given both as text and as parts is measured.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.importers.jats_inline import Context, child_text, inline, local, name_text, squash

CITATIONS = ("mixed-citation", "element-citation", "nlm-citation", "citation")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class EntryFacts:
    number: int
    first_author: str | None  # the first author's surname, or an organisation's name
    organisation: bool
    year: int | None


def _citations(ref) -> list:
    return [c for c in ref.iter() if local(c.tag) in CITATIONS]


def _tagged(cit) -> int:
    return sum(1 for e in cit.iter() if local(e.tag) in ("name", "string-name", "collab", "year", "surname"))


def citation_of(ref):
    """The citation the facts are read from: the one with the most tagged names and years."""
    cits = _citations(ref)
    return max(cits, key=_tagged) if cits else None


# Children that only format text; a citation made of text and these alone has no parts to style.
_FORMATTING = frozenset({"italic", "bold", "sup", "sub", "sc", "underline", "monospace", "roman", "break",
                         "named-content", "styled-content", "ext-link", "uri"})


def _plain_text(cit) -> bool:
    """A citation given as text only (older PMC, some SciELO): print its text, there are no parts."""
    return all(local(e.tag) in _FORMATTING for e in cit.iter() if e is not cit)


def _has_punctuation(cit) -> bool:
    """Whether text other than spaces stands between the citation's parts (it was typeset as printed).

    One stray piece after the opening parts does not make a typeset entry: Thieme stores its lists as
    bare parts with only the issue's "(10294):" left as text between them."""
    texts = [(t or "").strip() for t in [cit.text] + [c.tail for c in cit]]
    return bool(texts[0] or texts[1:2] != [""] or sum(1 for t in texts if t) > 1
                or any(_WORDS.search(t) for t in texts))


# Words left bare between the parts ('<year>2006</year>Best Research for Best Health: A New ...', an untagged title)
# are printed text, not a stray issue number: the citation was typeset, and styling its parts would lose them.
_WORDS = re.compile(r"[^\W\d_]{3,}\s+[^\W\d_]{2,}")


def printed_citation(ref):
    """The citation printed as the entry: a display text, else one with its own punctuation, else the first."""
    cits = _citations(ref)
    shown = [c for c in cits if c.get("citation-type") == "display-unstructured"]
    typeset = [c for c in cits if local(c.tag) != "element-citation" and _has_punctuation(c)]
    return (shown or typeset or cits or [None])[0]


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


def _styled(cit, ctx: Context, plos: bool) -> str:
    """The printed entry for a citation given as parts."""
    # A year tagged with its brackets ('<year>(2004)</year>') prints bare; a book given by its <chapter-title> alone
    # (no <source>, as Elsevier tags reports and software) has that as its title, not nothing.
    authors, year = _authors(cit, ctx), _part(cit, "year", ctx).strip("() ")
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
    return " ".join(s for s in said if _WORDS.search(s))


_KINDS = {"doi": "doi: ", "pmid": "PMID: "}


def _bare_names(group) -> bool:
    """A person-group whose names stand side by side with nothing between them (Europe PMC's Frontiers)."""
    people = [p for p in group if local(p.tag) in ("name", "string-name", "collab", "etal")]
    return len(people) > 1 and len(people) == len(group) and not any((p.tail or "").strip() for p in people[:-1])


def _person_text(p, ctx: Context) -> str:
    """A name as printed; one whose parts touch ('<surname>Clark</surname><given-names>K.</given-names>',
    OUP's NAR; Europe PMC's 'Cao-Lormeau' 'VM') shows them apart on the page."""
    parts = list(p)
    if local(p.tag) in ("name", "string-name") and len(parts) > 1 and not (p.text or "").strip() \
            and not any(c.tail for c in parts[:-1]):
        return " ".join(squash("".join(c.itertext())) for c in parts)
    return child_text(p, ctx)


def _group_text(group, ctx: Context) -> str:
    """A person-group as printed, each name as ``_person_text`` shows it. An ``<etal/>`` right after the last
    name ("<name>..<given-names>S</given-names></name><etal/>", OUP's and BMJ's lists in PMC) prints apart from
    it, with the list's own separator: "Venkatesan S, et al.", not "Venkatesan Set al."."""
    out = [group.text or ""]
    people = list(group)
    for i, p in enumerate(people):
        text = _person_text(p, ctx)
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


_NAMES = frozenset({"person-group", "name", "string-name", "collab", "etal"})
_TITLES = frozenset({"article-title", "chapter-title", "source", "data-title", "part-title"})


def _ends_authors(previous, tag: str) -> bool:
    """Whether the author list ends between ``previous`` and a title part. Before a book's or journal's
    ``<source>`` only a person with initials ends it: PLOS parts a body's name as '<surname>British</surname>
    <source>Thoracic Society ...', one name wrongly tagged."""
    kind = local(previous.tag)
    if kind == "person-group" and tag == "year":
        return True  # Royal Society, ASM: "<person-group>..</person-group> <year>": the page shows "Carr SJ. 1995"
    if kind not in _NAMES or tag not in _TITLES:
        return False
    if tag != "source" or kind not in ("name", "string-name"):
        return True
    return any(local(c.tag) == "given-names" for c in previous)


# Pretty-printed XML puts each part of a citation on its own line ("<source>J Infect Dis</source>\n\t.\n\t<year>2012
# </year>\n\t;\n\t<volume>", Emerging Infect Dis): the page prints "J Infect Dis. 2012;206:1111\u201320".
_LAYOUT_PUNCTUATION = re.compile(r"[ \t]*\n\s*([.,;:\u2013])(?:[ \t]*\n\s*)?")


def _layout(text: str) -> str:
    if "\n" not in text:
        return text
    return _LAYOUT_PUNCTUATION.sub(lambda m: m.group(1) + ("" if m.group(1) in ";:\u2013" else " "), text)


def _printed_before(so_far: str, piece: str) -> bool:
    """Whether the text just before a tagged id already prints that id ('... PMID:15876922', 'doi: 10.1/x')."""
    ident = piece.strip()
    return bool(ident) and re.search(rf"(?<![\w.]){re.escape(ident)}[.\s]*$", so_far) is not None


def _typeset(cit, ctx: Context) -> str:
    """A citation with its own punctuation, as the journal's page shows it (bare names get their commas).

    Where only a space stands between the last author and the title (Europe PMC's copies of Emerging
    Infectious Diseases and Tropical Medicine and Health: "Haddow AJ <article-title>Zika virus"), the page
    shows the stop that ends the author list, and so does the entry."""
    out, glued, previous = [_layout(cit.text or "")], False, None
    for child in cit:
        tag = local(child.tag)
        bare = tag == "person-group" and _bare_names(child)
        piece = _authors(cit, ctx) if bare else _group_text(child, ctx) if tag == "person-group" \
            else _person_text(child, ctx) if tag in _NAMES else link_text(child, ctx) if tag in ("ext-link", "uri") \
            else child_text(child, ctx)
        if previous is not None and _ends_authors(previous, tag) and not "".join(out[-1:]).strip():
            so_far = "".join(out).rstrip()
            if so_far and so_far[-1] not in ".?!:;,":
                out = [so_far, ". "]
        previous = child
        if piece.endswith(".") and (child.tail or "").lstrip().startswith("."):
            piece = piece[:-1]  # "et al." before the group's own stop prints one stop
        if local(child.tag) == "pub-id" and _printed_before("".join(out), piece):
            # Taylor & Francis print the id as text and tag it again ("PMID:15876922<pub-id>15876922</pub-id>"):
            # the page shows it once.
            out.append(_layout(child.tail or ""))
            glued = not (child.tail or "")
            continue
        if local(child.tag) == "pub-id" and not "".join(out).rstrip().endswith(":"):
            piece = _KINDS.get(child.get("pub-id-type", ""), "") + piece
        # Nature runs the fonts together, "<italic>J. Soil Sci.</italic><bold>37</bold>", and prints a space
        # between them: "*J. Soil Sci.***37**" would close no emphasis where it should.
        starts_emphasis = piece[:1] == "*" and "".join(out).endswith("*")
        if glued and (piece[:1].isalnum() or starts_emphasis) and "".join(out)[-1:] not in ("", " ", "(", "[", "/"):
            out.append(" ")
        tail = _layout(child.tail or "")
        if tag == "year" and re.match(r"[A-Z][a-z]", tail):
            tail = " " + tail  # '<year>2006</year>Best Research ...': the page sets the title apart from the year
        out.append(piece.rstrip() if tail != (child.tail or "") and tail[:1] in ".,;:\u2013" else piece)
        glued = not (child.tail or "")
        out.append(tail)
    return squash("".join(out))


def _without_number(text: str, number: int, labelled: bool, label: str = "") -> str:
    """The entry without a copy of its own number or a stray leading stop ("1. Brasil", "5.Beemster", ". Aar\u00f8 LE").

    A bare copy ("1 Pons JP") is dropped only when the entry has a label, so a
    title such as "3 Biotech" opening an unlabelled entry 3 stays. A repeated
    label numbered by position ("1 32. CDC" for entry 32) loses its label's copy as well.
    """
    if label and label != str(number):
        text = re.sub(rf"^{re.escape(label)}\s+(?={number}\b)", "", text)
    # "5.Beemster GTS": the copy glued to the first name (bioRxiv's Word lists) goes too
    own = rf"^(?:(?:\[{number}\]|{number}[.)]{'|' + str(number) if labelled else ''})\s+|{number}\.(?=[A-Z]))(?=\S)"
    return re.sub(r"^[.,;:]\s+", "", re.sub(own, "", text))


def entry_text(ref, ctx: Context, plos: bool, number: int) -> str:
    cit = printed_citation(ref)
    label_el = next((c for c in ref if local(c.tag) == "label"), None)
    labelled = label_el is not None
    label = squash("".join(label_el.itertext())).strip(".") if labelled else ""
    if cit is None:
        return _without_number(squash(inline(ref, ctx)), number, labelled, label)
    if _plain_text(cit) or (local(cit.tag) != "element-citation" and _has_punctuation(cit)):
        return _without_number(_typeset(cit, ctx), number, labelled, label)
    ctx.notes["styled-entry"] += 1
    return squash(_styled(cit, ctx, plos))
