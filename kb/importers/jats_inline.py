"""JATS inline content to Markdown text, markers kept as printed.

A bibliographic ``<xref>`` is wrapped in private-use sentinels carrying its
index in ``Context.rids``, so the same rendering serves both the Markdown
(sentinels dropped) and the ground truth (sentinels read, then dropped).
"""
from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
SENTINEL = re.compile(f"{OPEN}\\d+{MID}|{CLOSE}")
_SPACES = re.compile(r"\s+")
# "12", or a run printed in one xref: "52\u201354", BMJ's pair "1 2"
_NUMBER = re.compile(r"^\s*\d+(?:\s*[,\-\u2013]\s*\d+|\s+\d+)*\s*$")
# "3)": a number and the closing parenthesis, no opening one, as some journals close each citation
CLOSED_NUMBER = re.compile(r"^\s*\d{1,4}\)\s*$")
# A citation number in italic or bold is the journal's typography, not emphasis: the number is the marker.
_EMPHASISED = re.compile(r"(\*{1,2})(\d+(?:\s*[,\-\u2013]\s*\d+)*)\1")
# ... and so is an emphasised joiner between two citations ("<xref>7</xref><italic>\u2013</italic><xref>9</xref>").
EMPHASISED_JOINER = re.compile(f"(?<={CLOSE})(\\*{{1,2}})(\\s*[,\\-\\u2013]\\s*)\\1(?={OPEN})")

# Block elements: inside a paragraph they end it; inside a cell or caption they are flattened.
BLOCKS = frozenset({"p", "sec", "list", "table-wrap", "table-wrap-group", "fig", "fig-group", "boxed-text",
                    "disp-quote", "statement", "def-list", "supplementary-material", "preformat", "speech",
                    "verse-group", "media", "graphic", "chem-struct-wrap", "code"})
_SKIPPED = frozenset({"fn", "inline-graphic", "graphic", "media", "alt-text", "object-id"})
_WRAP = {"italic": ("*", "*"), "bold": ("**", "**")}
_TAGGED = {"sup": ("<sup>", "</sup>"), "sub": ("<sub>", "</sub>")}


@dataclass
class Context:
    """What one rendering collects: the cited ids in order, and what it could not keep."""
    rids: list[tuple[str, ...]] = field(default_factory=list)
    notes: Counter = field(default_factory=Counter)
    # The article sets its citation numbers superscript by style, not markup (see jats.superscript_style).
    superscript_citations: bool = False
    in_sup: int = 0
    ref_ids: frozenset = frozenset()  # the ids of the article's <ref> entries
    closed_citations: bool = False  # citations printed '3)', raised (see jats_style.closed_numbers)
    ref_numbers: dict = field(default_factory=dict)  # a <ref>'s id -> its number in the list


def is_citation(xref, ref_ids) -> bool:
    """A bibliographic xref: ``ref-type="bibr"``, or any xref whose ids all name reference entries."""
    rids = (xref.get("rid") or "").split()
    return xref.get("ref-type") == "bibr" or bool(rids) and all(r in ref_ids for r in rids)


def local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def strip_sentinels(text: str) -> str:
    return SENTINEL.sub("", text)


def _wrap(inner: str, left: str, right: str) -> str:
    core = inner.strip()
    if not core:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{left}{core}{right}{trail}"


def name_text(el) -> str:
    """A ``<name>`` as printed in reference lists: surname, given names, suffix."""
    parts = [squash("".join(c.itertext())) for c in el if local(c.tag) in ("prefix", "surname", "given-names", "suffix")]
    order = {"prefix": 0, "surname": 1, "given-names": 2, "suffix": 3}
    tagged = sorted(zip((local(c.tag) for c in el if local(c.tag) in order), parts), key=lambda p: order[p[0]])
    return " ".join(p for _, p in tagged if p) or squash("".join(el.itertext()))


def formula_text(el, ctx: Context) -> str:
    """A formula's readable text: MathML tokens, else the TeX source."""
    ctx.notes["formula"] += 1
    math = next((m for m in el.iter() if local(m.tag) == "math"), None)
    if math is not None:
        return " " + squash(" ".join(t.strip() for t in math.itertext() if t.strip())) + " "
    tex = next((m for m in el.iter() if local(m.tag) == "tex-math"), None)
    if tex is not None:
        return " " + squash("".join(tex.itertext())) + " "
    return " "


# Line breaks and indentation of pretty-printed XML inside a citation's brackets ("(\n\t<xref>1</xref>\n\t&#x2013;
# \n\t<xref>3</xref>\n\t)", Emerging Infectious Diseases) are the file's layout: the page prints "(1\u20133)".
_JOINER_ONLY = re.compile(r"^\s*([,;\-\u2013\u2014])\s*$")


# Elsevier's copies in Europe PMC print a citation by its entry's label, stop and all: "prognosis.<xref>4.</xref>,
# <xref>5.</xref>, <xref>6.</xref> The incidence" (the journal sets "4-6" raised after the sentence's stop).
_LABEL_STOP = re.compile(r"\s*\d{1,4}\.\s*")


def _after_a_stop(out: list[str]) -> bool:
    """Whether the text before the current run of citations ends a sentence."""
    k = len(out) - 1
    while k > 0 and (CLOSE in out[k] and out[k].rstrip().endswith(CLOSE) or _JOINER_ONLY.match(out[k])
                     or not out[k].strip()):
        k -= 1
    return out[k].rstrip().endswith((".", "!", "?"))


def _label_stop(child, out: list[str], ctx: Context):
    """The citation without its label's stop; the stop goes to the tail where it ends a sentence the run closes
    ('shown<xref>4.</xref> The': 'shown 4. The' keeps its stop; 'prognosis.<xref>4.</xref>, ...' loses it)."""
    if local(child.tag) != "xref" or not is_citation(child, ctx.ref_ids) or len(child) \
            or not _LABEL_STOP.fullmatch(child.text or ""):
        return child
    clone = copy.copy(child)
    clone.text = (child.text or "").replace(".", "", 1)
    if not re.match(r"\s*[,;\-\u2013]", child.tail or "") and not _after_a_stop(out):
        clone.tail = "." + (child.tail or "")
    return clone


def add_child(out: list[str], child, ctx: Context, *, flatten: bool = True) -> None:
    """Append ``child`` and its tail to ``out``, the text so far (never empty)."""
    child = _label_stop(child, out, ctx)
    piece, tail = child_text(child, ctx, flatten=flatten), child.tail or ""
    if local(child.tag) == "xref" and is_citation(child, ctx.ref_ids) and piece.strip():
        before = out[-1].rstrip()
        if "\n" in out[-1][len(before):] + piece[: len(piece) - len(piece.lstrip())]:
            joiner = _JOINER_ONLY.match(out[-1])
            if before[-1:] in ("(", "["):
                out[-1], piece = before, piece.lstrip()
            elif joiner and len(out) > 1 and out[-2].rstrip().endswith(CLOSE):  # between two citations
                out[-2], out[-1], piece = out[-2].rstrip(), joiner.group(1), piece.lstrip()
        after = tail.lstrip()
        if after[:1] in (")", "]") and "\n" in piece[len(piece.rstrip()):] + tail[: len(tail) - len(after)]:
            piece, tail = piece.rstrip(), after
    out.append(piece)
    out.append(tail)


def _empty_citation(el, ctx: Context) -> bool:
    return el is not None and local(el.tag) == "xref" and is_citation(el, ctx.ref_ids) and not (el.text or "").strip() \
        and len(el) == 0


def _linked(a, b, ctx: Context) -> bool:
    """Whether two neighbouring elements are citations with only a joiner (or nothing) between them."""
    return a is not None and b is not None and local(a.tag) == local(b.tag) == "xref" \
        and is_citation(a, ctx.ref_ids) and is_citation(b, ctx.ref_ids) and not (a.tail or "").strip(" ,;-\u2013")


def as_printed(children: list, k: int, ctx: Context):
    """An empty citation standing alone ('... m<sup>2</sup> <xref rid="b13"/>.', Wiley): the page prints the
    entry's number. One beside other citations (PLOS's '[29]' with an empty xref to 30 before '-31') is part of
    their run and stays empty."""
    el = children[k]
    rid = (el.get("rid") or "").split()
    if not ctx.ref_numbers or not _empty_citation(el, ctx) or len(rid) != 1 or rid[0] not in ctx.ref_numbers:
        return el
    before, after = children[k - 1] if k else None, children[k + 1] if k + 1 < len(children) else None
    if _linked(before, el, ctx) or _linked(el, after, ctx):
        return el
    clone = copy.copy(el)
    clone.text = ctx.ref_numbers[rid[0]]
    return clone


def _pair_glued(xref, text: str, ctx: Context) -> str:
    """BMJ's pair printed in one xref ("27 29", see jats_style) with its space lost in PMC's copy
    ("<xref rid="R27">2729</xref><xref rid="R31">31</xref>"): the text is the number of the entry it links glued
    to a larger number of the list, and is no entry's number itself. Read as the pair, so the neighbour rules
    read the run as the page prints it ("27, 29\u201331") and 2729 is no citation of an entry that is not there."""
    rid = (xref.get("rid") or "").split()
    own = ctx.ref_numbers.get(rid[0]) if len(rid) == 1 else None
    core = text.strip()
    if not own or not core.isdigit() or core == own or not core.startswith(own):
        return text
    rest = core[len(own):]
    if rest.startswith("0") or not int(own) < int(rest) <= len(ctx.ref_numbers) or core in ctx.ref_numbers.values():
        return text
    return text.replace(core, f"{own} {rest}", 1)


def inline(el, ctx: Context, *, flatten: bool = True) -> str:
    """The content of ``el`` (not its tail) as one line of Markdown."""
    out = [el.text or ""]
    children = list(el)
    for k, child in enumerate(children):
        add_child(out, as_printed(children, k, ctx), ctx, flatten=flatten)
    return "".join(out)


def child_text(child, ctx: Context, *, flatten: bool = True) -> str:
    tag = local(child.tag)
    if tag in _WRAP:
        return _wrap(inline(child, ctx), *_WRAP[tag])
    if tag in _TAGGED:
        ctx.in_sup += tag == "sup"
        text = inline(child, ctx)
        ctx.in_sup -= tag == "sup"
        return _wrap(text, *_TAGGED[tag])
    if tag == "xref" and is_citation(child, ctx.ref_ids):
        ctx.rids.append(tuple((child.get("rid") or "").split()))
        text = _pair_glued(child, _EMPHASISED.sub(r"\2", inline(child, ctx)), ctx)  # EID sets "(<italic>1</italic>)"
        bare = not ctx.in_sup and "<sup>" not in text and (
            _NUMBER.match(text) or (ctx.closed_citations and CLOSED_NUMBER.match(text)))
        if ctx.superscript_citations and bare:
            text = _wrap(text, *_TAGGED["sup"])
        core = text.strip()  # the xref's own edge spaces go outside, where the paragraph squashes them
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        return f"{lead}{OPEN}{len(ctx.rids) - 1}{MID}{core}{CLOSE}{trail}" if core else text
    if tag in ("inline-formula", "disp-formula", "math", "tex-math"):
        label = next((c for c in child if local(c.tag) == "label"), None)
        return formula_text(child, ctx) + (squash("".join(label.itertext())) + " " if label is not None else "")
    if tag == "name":
        return name_text(child)
    if tag == "etal":
        return inline(child, ctx) or "et al."
    if tag == "break":
        return " "
    if tag in _SKIPPED:
        ctx.notes[tag] += 1
        return " "
    if tag in BLOCKS and flatten:
        return " " + inline(child, ctx) + " "
    return inline(child, ctx)
