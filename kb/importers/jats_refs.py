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
tagged citation, so an entry given both as text and as parts is measured. The parts are printed by
``kb.importers.jats_parts``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.importers.jats_inline import Context, child_text, inline, local, squash
from kb.importers.jats_parts import (BARE_WORDS, ID_KINDS, authors_text, bare_names, group_text, link_text, people,
                                     person_text, styled)

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
                or any(BARE_WORDS.search(t) for t in texts))


def printed_citation(ref):
    """The citation printed as the entry: a display text, else one with its own punctuation, else the first."""
    cits = _citations(ref)
    shown = [c for c in cits if c.get("citation-type") == "display-unstructured"]
    typeset = [c for c in cits if local(c.tag) != "element-citation" and _has_punctuation(c)]
    return (shown or typeset or cits or [None])[0]


def facts(ref, number: int) -> EntryFacts:
    cit = citation_of(ref)
    named = [p for p in people(cit) if local(p.tag) != "etal"] if cit is not None else []
    first, organisation = None, False
    if named:
        who = named[0]
        surname = next((s for s in who.iter() if local(s.tag) == "surname"), None)
        if local(who.tag) == "collab" or surname is None:
            first, organisation = squash("".join(who.itertext())) or None, local(who.tag) == "collab"
        else:
            first = squash("".join(surname.itertext())) or None
    year_el = next((y for y in cit.iter() if local(y.tag) == "year"), None) if cit is not None else None
    found = _YEAR.search("".join(year_el.itertext())) if year_el is not None else None
    return EntryFacts(number, first, organisation, int(found.group(1)) if found else None)


_NAMES = frozenset({"person-group", "name", "string-name", "collab", "etal"})
_TITLES = frozenset({"article-title", "chapter-title", "source", "data-title", "part-title"})


def _endsauthors_text(previous, tag: str) -> bool:
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
        bare = tag == "person-group" and bare_names(child)
        piece = authors_text(cit, ctx) if bare else group_text(child, ctx) if tag == "person-group" \
            else person_text(child, ctx) if tag in _NAMES else link_text(child, ctx) if tag in ("ext-link", "uri") \
            else child_text(child, ctx)
        if previous is not None and _endsauthors_text(previous, tag) and not "".join(out[-1:]).strip():
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
            piece = ID_KINDS.get(child.get("pub-id-type", ""), "") + piece
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
    return squash(styled(cit, ctx, plos))
