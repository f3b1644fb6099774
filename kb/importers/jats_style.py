"""Whether an article's citation numbers are set by its stylesheet: every one a bare number in the XML.

Some XML keeps no trace of how citations print: Europe PMC's copies of Dove
and Ivyspring articles tag ``<xref ref-type="bibr">12</xref>`` with no
superscript and no bracket anywhere, and the journals' pages set them raised.
A number left bare in running text reads as a count ("resistance 1."), so such
an article's citations are printed superscript, as the journals show them.
"""
from __future__ import annotations

import re

from kb.importers.jats_inline import CLOSED_NUMBER, is_citation, local

# "12", "52\u201354", or BMJ's pair "1 2" printed in one xref
_NUMBER = re.compile(r"^\s*\d{1,4}(?:\s*[,\-\u2013]\s*\d{1,4}|\s+\d{1,4})*\s*$")
_YEAR = re.compile(r"^\s*(?:1[89]|20)\d\d\s*$")
# What stands right before a citation a closing bracket ends: the opening bracket, or a separator of the list
# inside it ("(3, <xref>4</xref>)"). After words ("... criteria <xref>8</xref>) but") the bracket closes a clause.
_LIST_BEFORE = re.compile(r"(?:^|[\[(,;\-\u2013]|\d)\s*$")
_OPENS = ("[", "(")
_CLOSES = ("]", ")")
_FEW = 5  # fewer numbered citations than this say nothing about a style
_SLIPS = 10  # one enclosed citation in ten (a table column of "[90]") is not the style


def _citations(el, ref_ids, in_sup: bool, before: str, out: list) -> None:
    """(printed, enclosed) for every bibliographic xref under ``el``: enclosed in a sup, brackets or parentheses."""
    prev_text = el.text or ""
    for child in el:
        tag = local(child.tag)
        if tag == "xref" and is_citation(child, ref_ids):
            after = (child.tail or "").lstrip()
            enclosed = (in_sup or prev_text.rstrip().endswith(_OPENS)
                        or (after.startswith(_CLOSES) and bool(_LIST_BEFORE.search(prev_text)))
                        or any(local(d.tag) == "sup" for d in child.iter()))
            out.append(("".join(child.itertext()), enclosed))
        elif tag not in ("ref-list", "sub-article"):
            _citations(child, ref_ids, in_sup or tag == "sup", prev_text, out)
        prev_text = child.tail or ""


def bare_numbers(root, ref_ids) -> bool:
    """Does every numbered citation of the article print as a bare number, with nothing around it?"""
    found: list[tuple[str, bool]] = []
    _citations(root, ref_ids, False, "", found)
    # A year linked alone ("(Takai et al. <xref>2004</xref>)", author-year styles) is no numbered citation.
    numbered = [enclosed for printed, enclosed in found if _NUMBER.match(printed) and not _YEAR.match(printed)]
    if len(numbered) < _FEW or len(numbered) < len(found) * 0.9:
        return False  # few citations, or author-year ones among them
    return sum(numbered) * _SLIPS <= len(numbered)


def closed_numbers(root, ref_ids) -> bool:
    """Does the article print its citations as numbers each closed by a parenthesis ('repair.1-3)', '4)5)'),
    as Korean and Japanese journals set them raised? Most of its numbered citations must be tagged that way,
    so a stray ')' caught inside one xref of a parenthesised style does not count."""
    found: list[tuple[str, bool]] = []
    _citations(root, ref_ids, False, "", found)
    closed = sum(1 for printed, _ in found if CLOSED_NUMBER.match(printed))
    return closed >= _FEW and closed * 2 >= len(found)


def raise_glued(text: str, open_: str, mid: str, close: str) -> str:
    """Bare citation numbers glued to the word before them ("immunotherapy.<xref>1</xref><xref>3</xref>",
    Europe PMC's copy of a BMJ article) are raised, as the journal prints them. Two numbers with nothing
    between them are the ends of a range when they are apart (BMJ tags "1\u20133" by its ends) and a pair
    when they follow each other, so "13" does not read as thirteen."""
    # one number, or a pair or range printed in one xref (BMJ's "1 2", "9\u201311")
    span = f"{open_}\\d+{mid}\\d{{1,4}}(?:[ \\-\\u2013]\\d{{1,4}})?{close}"
    # Glued to a word, a stop, or an italic word's closing star ("*Aedes aegypti*<xref>4</xref>", Nature Comms),
    # or to a percentage it sources (Elsevier's "vs. 22%<xref>5</xref>, <xref>6</xref>", where the one before it
    # was tagged raised and these were not).
    # The run goes on over a comma and a space (Elsevier's "meta-analyses<xref>5</xref>, <xref>6</xref>").
    # A name ending in digits counts as a word ("ACE2<xref>26</xref>", "COVID-19<xref>5</xref>", "H1N1"): a letter
    # then one or two digits, with or without a hyphen; a bare number before ("in 2019<xref>") does not.
    glued = re.compile(f"(?:(?<=[^\\W\\d_]|[.,;:)*%])|(?<=[^\\W\\d_]\\d)|(?<=[^\\W\\d_]\\d\\d)|(?<=[^\\W\\d_]-\\d)"
                       f"|(?<=[^\\W\\d_]-\\d\\d))({span}(?:(?:,[ \\u00a0]?|[\\-\\u2013])?{span})*)(?![\\w{open_}])")
    enclosing = re.compile(f"(?:[\\s\\d,;\\-\\u2013]|{span})*")
    adjacent = re.compile(f"(\\d+)({close})(?={open_}\\d+{mid}(\\d+))")

    def joint(m: re.Match) -> str:  # BMJ tags a range by its two ends: 1 and 3 side by side print "1\u20133"
        return m.group(1) + m.group(2) + ("\u2013" if int(m.group(3)) > int(m.group(1)) + 1 else ",")

    pair = re.compile(f"{mid}(\\d+) (\\d+){close}")

    def raise_run(m: re.Match) -> str:
        if any(int(a) >= int(b) for a, b in pair.findall(m.group(1))):
            return m.group(0)  # "<xref>89 16</xref>": a pair runs upwards; this is a number garbled in the XML
        start = text.rfind("\n", 0, m.start()) + 1
        for left, right in (("<sup>", "</sup>"), ("[", "]"), ("(", ")")):
            at = text.rfind(left, start, m.start())
            # already raised or enclosed: "<sup>2,<xref>4</xref></sup>", "[18,<xref>19</xref>]"; a bracket that
            # opens words ("(*An. coluzzii*, respectively<xref>15</xref>)") does not enclose the citation
            if at > text.rfind(right, start, m.start()) and (
                    left == "<sup>" or enclosing.fullmatch(text, at + len(left), m.start())):
                return m.group(0)
        return "<sup>" + adjacent.sub(joint, m.group(1)) + "</sup>"
    return glued.sub(raise_run, text)


def separate_touching(text: str, open_: str, mid: str, close: str) -> str:
    """Citation numbers touching inside brackets ("[<xref>8</xref><xref>9</xref>]", Medknow in Europe PMC)
    print with a comma between them, as the journal's page shows "[8,9]": read together they would be 89."""
    # A linked dash ("(5<xref>\u2013</xref>7)", ASM) already joins its neighbours: it gets no comma after it.
    touching = re.compile(f"(?<![\\-\u2010-\u2014\u2212]){close}(?={open_}\\d+{mid}\\d)")

    def comma(m: re.Match) -> str:
        start = text.rfind("\n", 0, m.start()) + 1
        for left, right in (("[", "]"), ("(", ")")):
            if text.rfind(left, start, m.start()) > text.rfind(right, start, m.start()):
                return close + ","
        return close
    return touching.sub(comma, text)


def join_raised(text: str, open_: str, mid: str, close: str) -> str:
    """Citations raised one by one and touching ("M8)<xref>26</xref><xref>27</xref>", Scientific Reports, each
    set superscript by the style) print as one run on the page, "<sup>26,27</sup>"; as two they would read 2627."""
    touching = re.compile(f"(\\d+)</sup>{close}({open_}\\d+{mid})<sup>(\\d+)")

    def one_run(m: re.Match) -> str:  # two ends apart are a range, as ``raise_glued`` reads BMJ's pairs
        joiner = "\u2013" if int(m.group(3)) > int(m.group(1)) + 1 else ","
        return f"{m.group(1)}{close}{joiner}{m.group(2)}{m.group(3)}"
    return touching.sub(one_run, text)

