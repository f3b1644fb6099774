"""JATS XML (PMC, PLOS, BMC, any JATS article) to a verbatim policy.md.

``convert(data, source_name)`` writes the article's title, abstract, body,
tables and reference list as Markdown, markers exactly as printed (the XML's
own brackets or superscripts) and each entry under the number the article
gives it. ``ground_truth(data)`` returns what the XML states about the same
Markdown: which entries each marker cites, on which line, and each entry's
first author and year. That makes every JATS article a labelled test case.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from kb.errors import KbError
from kb.importers.jats_blocks import block, heading, section
from kb.importers.jats_inline import (CLOSE, EMPHASISED_JOINER, MID, OPEN, Context, inline, is_citation, local, squash,
                                      strip_sentinels)
from kb.importers.jats_numbering import number_refs, walk
from kb.importers.jats_refs import EntryFacts, entry_text, facts
from kb.importers.jats_style import bare_numbers, closed_numbers, join_raised, raise_glued, separate_touching
from kb.importers.model import Converted

_SPAN = re.compile(f"{OPEN}(\\d+){MID}(.*?){CLOSE}")
# What may stand between two cited ids of one marker: separators, brackets, a range dash.
_JOIN = re.compile(r"^[\s,;\[\]()\-\u2010-\u2014\u2212]*$")
_DASH = re.compile(r"[\-\u2010-\u2014\u2212]")
_PRINTED_RUN = re.compile(r"^\W*(\d+(?:\s*(?:[,;]|[\-\u2010-\u2014\u2212])\s*\d+|\s+\d+)+)\W*$")
_SEPARATOR = re.compile(r"^\s*[,;()\[\]\-\u2010-\u2014\u2212]{1,3}\s*$")
# Superscripts split around citations (SciELO's ``<xref><sup>1</sup></xref><sup>,</sup><xref>``) print as one:
# a separator between two citations, an opening bracket before one, a closing bracket after one.
_CITE_OPEN, _CITE_CLOSE = f"{OPEN}\\d+{MID}", CLOSE
_SPLIT_SUP = (
    (re.compile(f"</sup>({_CITE_CLOSE})[ \\t]*<sup>([^<\\w]{{1,3}})</sup>[ \\t]*({_CITE_OPEN})<sup>"), r"\1\2\3"),
    (re.compile(f"<sup>([(\\[])</sup>[ \\t]*({_CITE_OPEN})<sup>"), r"<sup>\1\2"),
    (re.compile(f"</sup>({_CITE_CLOSE})[ \\t]*<sup>([)\\]])</sup>"), r"\1\2</sup>"),
)
_MARKUP = re.compile(r"<[^>]{1,40}>")
_NOTES = {
    "formula": "{n} formulas kept as plain text (MathML/TeX flattened)",
    "figure": "{n} figures: captions kept, images not",
    "table-image": "{n} tables given only as images: captions kept, cells not",
    "merged": "{n} merged table cells filled out with empty cells",
    "styled-entry": "{n} reference entries given as parts (element-citation, or a citation without punctuation) "
                    "printed in the journal's style",
    "fn": "{n} inline footnotes left out",
    "inline-graphic": "{n} inline images left out",
    "supplement-refs": "{n} entries of the supplementary material's own reference list (numbered again from 1, "
                       "not cited in the article's text), or of an unnumbered list beside it nothing cites (BMC's "
                       "pre-publication history), left out",
}


@dataclass(frozen=True)
class TruthMarker:
    line: int
    numbers: tuple[int, ...]  # the entries the marker cites, a printed range expanded
    printed: str
    numbered: bool  # False for an author-year citation ("Smith et al. 2001")


@dataclass(frozen=True)
class GroundTruth:
    markers: tuple[TruthMarker, ...]
    entries: tuple[EntryFacts, ...]


@dataclass(frozen=True)
class _Rendered:
    text: str  # Markdown with sentinels around bibliographic xrefs
    ctx: Context
    numbers: dict[str, int]  # ref id -> entry number
    entries: tuple[EntryFacts, ...]
    title: str | None
    journal: str | None


def parse(data: bytes, source_name: str):
    """The ``<article>`` element, or a one-line KbError."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise KbError(f"not XML: {str(exc).split(':')[0]}", source_name, line) from None
    if local(root.tag) in _ENVELOPES:
        root = _enveloped_article(root, source_name)
    if local(root.tag) != "article":
        raise KbError(f"not a JATS article: the root element is <{local(root.tag)}>, not <article>", source_name)
    return root


# Wrappers the services that hand out JATS put around one article: an OAI-PMH GetRecord answer (PMC's and Europe
# PMC's harvesting service) and the <pmc-articleset> of NCBI E-utilities' efetch (db=pmc), which is how most tools
# that download PMC articles save them. The article inside is the document; a set of several is no one document.
_ENVELOPES = {"OAI-PMH": "an OAI-PMH record", "pmc-articleset": "a PMC article set"}


def _enveloped_article(envelope, source_name: str):
    """The one ``<article>`` an envelope of ``_ENVELOPES`` carries, or a one-line KbError naming how many it holds."""
    articles = [el for el in envelope.iter() if local(el.tag) == "article"]
    if len(articles) != 1:
        raise KbError(f"{_ENVELOPES[local(envelope.tag)]} holding {len(articles)} JATS articles, not one", source_name)
    return articles[0]


def _journal(root) -> str | None:
    """The journal's title, else its NLM abbreviation, else the publisher."""
    def first(tag: str, **attrs) -> str | None:
        for el in root.iter():
            if local(el.tag) == tag and all(el.get(k) == v for k, v in attrs.items()):
                return squash("".join(el.itertext())) or None
        return None
    return first("journal-title") or first("journal-id", **{"journal-id-type": "nlm-ta"}) or first("publisher-name")


def _front(root, ctx: Context) -> tuple[str | None, str | None, list[str]]:
    meta = next((m for m in root.iter() if local(m.tag) == "article-meta"), None)
    title_el = next((t for t in meta.iter() if local(t.tag) == "article-title"), None) if meta is not None else None
    title = squash("".join(title_el.itertext())) if title_el is not None else None
    journal = _journal(root)
    blocks = [heading(1, squash(inline(title_el, ctx)))] if title else []
    doi = next((squash(i.text or "") for i in (meta.iter() if meta is not None else ())
                if local(i.tag) == "article-id" and i.get("pub-id-type") == "doi"), "")
    if journal:
        blocks.append(f"*{journal}*" + (f". doi: {doi}" if doi else ""))
    for abstract in (a for a in (meta if meta is not None else ()) if local(a.tag) == "abstract"):
        if abstract.get("abstract-type") not in (None, "summary", "executive-summary"):
            continue
        own = next((c for c in abstract if local(c.tag) == "title"), None)
        blocks.append(heading(2, squash(inline(own, ctx)) if own is not None else "Abstract"))
        blocks.extend(b for c in abstract if local(c.tag) != "title" for b in block(c, ctx, 3))
    return title, journal, blocks


def _is_plos(root) -> bool:
    ids = " ".join(squash("".join(e.itertext())) for e in root.iter()
                   if local(e.tag) in ("journal-id", "publisher-name", "journal-title")).lower()
    return "plos" in ids or "public library of science" in ids


def superscript_style(root, ref_ids) -> bool:
    """Whether the article prints its citation numbers superscript while tagging only the separators.

    SciELO writes ``<xref>4</xref><sup>,</sup><xref>7</xref>``: its renderer sets
    every numbered citation superscript, and a superscript comma between two
    numbers shows the numbers are too.
    """
    for parent in root.iter():
        kids = list(parent)
        for a, b in zip(kids, kids[1:]):
            pair = (local(a.tag), local(b.tag))
            xref = a if pair == ("xref", "sup") else b if pair == ("sup", "xref") else None
            sup = b if xref is a else a
            if (xref is not None and is_citation(xref, ref_ids) and not (a.tail or "").strip()
                    and len(sup) == 0 and _SEPARATOR.match(sup.text or "")):
                return True
    return False


def render(data: bytes, source_name: str = "<jats>") -> _Rendered:
    root = parse(data, source_name)
    numbered, by_name = number_refs(root, data, source_name)
    ref_ids = frozenset(ref.get("id") for _, ref in numbered if ref.get("id"))
    closed = closed_numbers(root, ref_ids)
    raised = closed or superscript_style(root, ref_ids) or bare_numbers(root, ref_ids)
    ctx = Context(superscript_citations=raised, ref_ids=ref_ids, closed_citations=closed,
                  ref_numbers={ref.get("id"): str(n) for n, ref in numbered if ref.get("id") and not by_name})
    supplement = sum(1 for lst in walk(root) if local(lst.tag) == "ref-list" for r in lst if local(r.tag) == "ref")
    if supplement > len(numbered):
        ctx.notes["supplement-refs"] = supplement - len(numbered)
    title, journal, blocks = _front(root, ctx)
    body = next((b for b in root if local(b.tag) == "body"), None)
    for child in body if body is not None else ():
        blocks.extend(block(child, ctx, 2))
    # PMC and Europe PMC may gather the figures and tables after the back matter: they belong to the body.
    floats = next((f for f in root if local(f.tag) == "floats-group"), None)
    for child in floats if floats is not None else ():
        blocks.extend(block(child, ctx, 2))
    back = next((b for b in root if local(b.tag) == "back"), None)
    for child in back if back is not None else ():
        if local(child.tag) in ("sec", "ack", "app-group", "app"):
            if local(child.tag) == "ack" and not any(local(c.tag) == "title" for c in child):
                blocks.append(heading(2, "Acknowledgments"))
            blocks.extend(b for c in ([child] if local(child.tag) != "app-group" else child)
                          for b in block(c, ctx, 2))
        elif local(child.tag) == "notes" and _cites(child, ref_ids):
            # Nature's "Data availability" and "Code availability" notes cite the data sets' own entries
            # ("available on Zenodo (ref. 54)"): without them those entries would look uncited.
            blocks.extend(section(child, ctx, 2))
    plos = _is_plos(root)
    blocks.append(heading(2, "References"))
    if by_name:  # printed without numbers, one paragraph an entry, as author-year lists are
        blocks.append("\n\n".join(entry_text(ref, ctx, plos, n) for n, ref in numbered))
    else:
        blocks.append("\n".join(f"{n}. {entry_text(ref, ctx, plos, n)}" for n, ref in numbered))
    text = "\n\n".join(b for b in blocks if b.strip()) + "\n"
    for pattern, joined in _SPLIT_SUP:
        text = pattern.sub(joined, text)
    text = raise_glued(EMPHASISED_JOINER.sub(r"\2", text), OPEN, MID, CLOSE)
    text = join_raised(separate_touching(text, OPEN, MID, CLOSE), OPEN, MID, CLOSE)
    ids = {ref.get("id"): n for n, ref in numbered if ref.get("id")}
    return _Rendered(text, ctx, ids, tuple(facts(ref, n) for n, ref in numbered), title, journal)


def _cites(el, ref_ids) -> bool:
    return any(local(x.tag) == "xref" and is_citation(x, ref_ids) for x in el.iter())


def convert(data: bytes, source_name: str) -> Converted:
    """JATS bytes to ``Converted``; a KbError (one line) for input that is not a JATS article with a reference list
    the text cites by number or by author and year."""
    r = render(data, source_name)
    notes = tuple(_NOTES[k].format(n=n) for k, n in sorted(r.ctx.notes.items()) if k in _NOTES)
    return Converted(strip_sentinels(r.text), "jats", r.title, r.journal, notes)


def _numbers_of(r: _Rendered, index: int, printed: str) -> list[int]:
    """The entries one xref cites; a printed range ``1\u20133`` whose ids are its ends is expanded."""
    numbers = [n for n in (r.numbers.get(rid) for rid in r.ctx.rids[index]) if n is not None]
    ends = [int(i) for i in re.findall(r"\d+", printed)]
    if not r.ctx.rids[index] and ends and (_PRINTED_RUN.match(printed) or re.fullmatch(r"\W*\d+\W*", printed)):
        # BMJ Open links no entry ('<xref ref-type="bibr">6–8</xref>', no rid): the numbers it prints are the ones
        # it cites, when the list has them.
        return [n for n in _printed_run(printed) if n in r.numbers.values()]
    if len(numbers) == 2 and ends == numbers and numbers[0] < numbers[1] and _DASH.search(printed):
        return list(range(numbers[0], numbers[1] + 1))
    # Taylor & Francis: one id printing its whole run ("<xref rid='c30'>30-32</xref>") cites the run it prints.
    run = _PRINTED_RUN.match(printed)
    if len(numbers) == 1 and run and ends[0] == numbers[0] and len(ends) > 1:
        return _printed_run(printed)
    return numbers


def _printed_run(printed: str) -> list[int]:
    """The numbers a printed run cites, its ranges expanded: '30-32' is 30, 31, 32; '1, 3' is 1, 3."""
    cited: list[int] = []
    run = _PRINTED_RUN.match(printed)
    for part in re.split(r"\s*[,;]\s*|\s+(?=\d)", run.group(1) if run else re.sub(r"\D", "", printed)):
        bounds = [int(x) for x in _DASH.split(part)]
        span = range(bounds[0], bounds[-1] + 1) if 0 <= bounds[-1] - bounds[0] < 500 else bounds
        cited.extend(n for n in span if n not in cited)
    return cited


def _markers_on(r: _Rendered, line_no: int, line: str) -> list[TruthMarker]:
    spans = list(_SPAN.finditer(line))
    groups: list[list] = []
    for k, span in enumerate(spans):
        between = _MARKUP.sub("", strip_sentinels(line[spans[k - 1].end():span.start()])) if k else None
        # An empty <xref/> (PLOS prints "[29-31]" as 29, an empty xref to 30, -31) belongs to its neighbours.
        # So does an xref printing only a dash (mBio's "(5 <xref>–</xref> 7)").
        empty = k and any(_JOIN.match(_MARKUP.sub("", strip_sentinels(s.group(2)))) for s in (span, spans[k - 1]))
        if groups and between is not None and _JOIN.match(between) and (between.strip() or empty):
            groups[-1].append((span, between))
        else:
            groups.append([(span, None)])
    out = []
    for group in groups:
        numbers: list[int] = []
        printed = [_MARKUP.sub("", strip_sentinels(s.group(2))).strip() for s, _ in group]  # "<sup>2</sup>" prints 2
        # mBio links the dash of "(5 – 7)" to the middle entry: a span printing only a joiner is part of the run.
        numbered = any(printed) and all(re.match(r"^\W*\d", p) for p in printed if p and not _JOIN.match(p))
        dashed = False
        for (span, between), shown in zip(group, printed):
            cited = _numbers_of(r, int(span.group(1)), shown)
            if not cited:
                continue
            if shown and _JOIN.match(shown) and _DASH.search(shown):
                dashed = True  # the linked dash itself: the range runs from the number before to the one after
                continue
            if (dashed or (between and _DASH.search(between))) and numbers and numbers[-1] < cited[0]:
                numbers.extend(range(numbers[-1] + 1, cited[0]))
            dashed = False
            numbers.extend(n for n in cited if n not in numbers)
        if numbers:
            out.append(TruthMarker(line_no, tuple(numbers), " ".join(printed), numbered))
    return out


def ground_truth(data: bytes, source_name: str = "<jats>") -> GroundTruth:
    """What the XML says about ``convert``'s Markdown: the markers (line, entries) and each entry's facts."""
    r = render(data, source_name)
    markers = [m for i, line in enumerate(r.text.split("\n"), 1) if OPEN in line for m in _markers_on(r, i, line)]
    return GroundTruth(tuple(markers), r.entries)
