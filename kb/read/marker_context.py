"""What the text around a bracketed or raised number says about it: a citation, or something else.

Pure predicates over the text just before or after a candidate marker (``kb.read.markers`` finds the
candidates). A number raised at the start of a line labels a footnote; whether one raised after a digit, a unit,
a symbol or a bracket is an exponent is ``kb.read.marker_powers``'; one raised
before an element symbol is a mass number (``<sup>125</sup>I``); a bracket in a subscript is an index
(``F<sub>[1,12]</sub>``, degrees of freedom); a bracket after ``Figure`` or ``=`` is a label or a value. What a
bracketed number after a value is (its spread or interval) is ``kb.read.marker_values``'.
"""
from __future__ import annotations

import re

# "Figure [2]", "Eq. [3]", "x = [1, 2]", "t ∈ [1, 5]": a label or a value, not a citation. Capitalised
# only: "the Cockcroft-Gault equation [8]" and "the expected range [34]" cite.
# A grant's number in brackets, 'under grant agreement no [287361]', is no citation either.
LABEL_BEFORE = re.compile(r"(?:\b(?:Figs?|Figures?|Tables?|Eqs?|Equations?|Appendix|Panels?)\.?|[=∈≤≥]"
                          r"|\b(?:[Gg]rant|[Aa]greement|[Cc]ontract|[Aa]ward)\s+(?:[Nn]o|[Nn]umber|[Nn]r)\.?)\s*$")
# A marker with a pinpoint or a lead-in: "[32: 273]", "[1: fig. 5]", "[12, p. 34]", "[23, pl. LII: 9]",
# "[e.g., 77]", "[see 4, 5]", "[e.g. 7-10]" (JMIR). It cites its numbers; the page or figure after them is the place in that
# work. A ratio "[1:100]" has no space after its colon and stays out.
_PLACE = (r"(?:pp?|pl|plate|figs?|fig|figure|tab|table|chap|chapter|ch|sect?|section|vol|§|theorem|thm|lemma|corollary"
          r"|prop|proposition|eqs?|equation|appendix|part|box|note)\b\.?")
# The lead-in may also be the cited authors' names, '[Sayal *et al* 32]', '[Donner and Klar 33]' (BMC): two names or
# 'et al', so that '[Table 2]' and '[Grade 3]' stay out.
_NAMES_LEAD = (r"(?-i:[A-Z])[\w'\u2019-]+(?:\s+(?:and|&)\s+(?-i:[A-Z])[\w'\u2019-]+|\s+[*_]{0,2}et\s+al\.?[*_]{0,2}),?\s+")
# Or the abbreviation of the measure the work describes, '[MNWS, 19]' (Minnesota Nicotine Withdrawal Scale): capitals
# and a comma, so that '[Table 2]' stays out.
_ACRONYM_LEAD = r"(?-i:[A-Z]{2,}[A-Za-z0-9-]*),\s*"
# Or, after the numbers, the state of the cited work: '[38 in manuscript]', '[12, in press]', '[7; submitted]'.
_STATUS = (r"\s*[,;]?\s+(?:in\s+(?:manuscript|press|preparation|review)|submitted|unpublished|under\s+review)\b"
           r"[^\[\]]{0,30}")
LOCATOR = re.compile(
    rf"\[\s*(?P<lead>(?:e\.g\.|cf\.|see(?:\s+also)?|reviewed\s+in)[,:]?\s*|{_NAMES_LEAD}|{_ACRONYM_LEAD})?"
    r"(?P<nums>\d{1,4}(?:\s*[-\u2013]\s*\d{1,4})?(?:\s*[,;]\s*\d{1,4}(?:\s*[-\u2013]\s*\d{1,4})?)*)"
    rf"(?P<place>\s*:\s+(?:\d|{_PLACE})[^\[\]]{{0,60}}|\s*:\s*{_PLACE}[^\[\]]{{0,60}}"
    rf"|\s*,\s*{_PLACE}\s*[^\[\]]{{0,60}}|{_STATUS})?\]",
    re.IGNORECASE,
)
_SUB_BEFORE = re.compile(r"<sub>\s*$", re.IGNORECASE)
# A mass number raised right before an element's symbol: <sup>125</sup>I, <sup>3</sup>H, ¹⁴C, <sup>99m</sup>Tc.
# Geochemistry's tracers count too (<sup>231</sup>Pa/<sup>230</sup>Th, <sup>10</sup>Be, <sup>143</sup>Nd); "As" and
# "No" stay out, words a sentence may open with.
_ELEMENT_AFTER = re.compile(r"^(?:</?su[bp]>)*(?:Na|Mg|Cl|Ca|Cr|Mn|Fe|Co|Cu|Zn|Ga|Ge|Se|Br|Rb|Sr|Zr|Tc|In|Xe|Cs|Sm|"
                            r"Ho|Lu|Re|Ir|Au|Tl|Pb|Bi|At|Rn|Ra|Ac|Th|Pu|Am|Pa|Be|He|Li|Al|Si|Ar|Ne|Kr|Ni|Mo|Ru|"
                            r"Rh|Pd|Ag|Cd|Sn|Sb|Te|Ba|La|Ce|Nd|Eu|Gd|Dy|Er|Yb|Hf|Ta|Os|Pt|Hg|Po|Np|Cm|"
                            r"H|C|N|O|F|P|S|I|K|Y|U|B|W|V)(?![a-z])")

# In a table cell, what a footnote label follows: a dash, a value ("200", "(1.3)") or a parenthesised
# header word ("(analysis)"); a year ("(2009)") or a name before the number cites.
# A header cell holding only a percent sign ("| **%<sup>3</sup>** |") is labelled the same way.
_CELL_VALUE_BEFORE = re.compile(r"(?:[-\u2013\u2014]|\(?\d+(?:[.,]\d+)?%?\)?|\([^()\d]{1,40}\)|\|\s*[*_]*%)\s*$")
_YEAR_IN_PARENS_BEFORE = re.compile(r"(?<![\d.,])\(?(?:19|20)\d\d[a-z]?\)?\s*$")


def table_footnote(before: str) -> bool:
    """In a table row, a number raised after a value, a dash or a parenthesised header word marks a footnote
    ('| - <sup>2</sup> |', '| (1.3) <sup>4</sup> |', '| 200 <sup>1</sup> |'); after a name or a year it cites."""
    if not before.lstrip().startswith("|") or _YEAR_IN_PARENS_BEFORE.search(before):
        return False  # '| Smith, 2009 <sup>1</sup> |', '| Conti & Latorre (2009) <sup>27</sup> |' cite
    return bool(_CELL_VALUE_BEFORE.search(before))


_SENTENCE_END = re.compile(r"[.;:]\s+$")
_WORD_GLUED = re.compile(r"[A-Z][a-z]")


def note_label(before: str, after: str) -> bool:
    """'... n.s. = not significant. <sup>2</sup>There were 8 schools': a raised number set apart from the sentence
    before it and glued to the first word of the next labels a note (a table's notes run on in one paragraph);
    a citation is glued to the words it supports."""
    return bool(_SENTENCE_END.search(before)) and bool(_WORD_GLUED.match(after))


def footnote_label(before: str) -> bool:
    """A raised number that opens a line ("<sup>1</sup> Adjusted for age", under a table) labels a note;
    a citation follows the words it supports."""
    return not before.strip(" \t|*_-")


# A flattened display formula ends with its own spaced punctuation ("reg . [1]", "d lon } , [4]"); a number
# in brackets right after it, or one an equals sign follows ("[2] = 2.825"), numbers the equation.
_FORMULA_END = re.compile(r"\s[.,]\s*$")
_EQUALS_AFTER = re.compile(r"^\s*=")


def equation_number(before: str, after: str) -> bool:
    """'... + γ reg . [1]' (PNAS prints each display equation's number in brackets) numbers an equation."""
    return bool(_FORMULA_END.search(before) or _EQUALS_AFTER.match(after))


# "PO<sub>4</sub><sup>3−</sup>", "Fe<sup>2-</sup>": one digit and a sign after a formula is an ion's charge.
_CHARGE = re.compile(r"^\s*\d[+\u2212\u2013-]\s*$")
_FORMULA_BEFORE = re.compile(r"(?:</sub>|[A-Z][a-z]?|\))$")


def ionic_charge(inner: str, before: str) -> bool:
    """'PO<sub>4</sub><sup>3−</sup>' is a phosphate ion's charge; a citation never ends with a sign."""
    return bool(_CHARGE.match(inner)) and bool(_FORMULA_BEFORE.search(before))


# ... or before the element's name written out, glued to it: '<sup>90</sup>yttrium (<sup>90</sup>Y)-labeled glass'
_ELEMENT_NAME_AFTER = re.compile(r"^(?:</?su[bp]>)*(?:hydrogen|carbon|nitrogen|oxygen|fluorine|sodium|phosphorus|"
                                 r"sulfur|sulphur|potassium|calcium|chromium|cobalt|copper|zinc|gallium|"
                                 r"selenium|bromine|rubidium|strontium|yttrium|zirconium|technetium|indium|iodine|"
                                 r"xenon|caesium|cesium|samarium|holmium|lutetium|rhenium|iridium|thallium|"
                                 r"bismuth|astatine|radon|radium|actinium|thorium|uranium|plutonium|americium|"
                                 r"tritium|deuterium)\b", re.IGNORECASE)


def element_after(after: str) -> bool:
    """A raised number right before an element's symbol or name is its mass number (<sup>125</sup>I,
    <sup>90</sup>yttrium), not a citation."""
    return bool(_ELEMENT_AFTER.match(after) or _ELEMENT_NAME_AFTER.match(after))


# An affiliation's raised label glued to the institution it numbers ('..., Germany, <sup>2</sup>Department of
# Nephrology, ...', a title page's affiliations run on in one paragraph): a citation ends its word and a space
# follows it, never a glued department
_AFFILIATION_AFTER = re.compile(r"^(?:Department|Dept\.|Institute|Institut|University|Universit[\u00e4a]t|School|"
                                r"Faculty|Division|Cent(?:er|re)|Hospital|Laborator(?:y|ies)|Clinic|College|Unit|"
                                r"Graduate|Section|Service|Program(?:me)?|Research)\b")


# ... or to any capitalised word after the comma or 'and' that ends the affiliation before it ('Berlin, Germany,
# <sup>2</sup>Ambulanzpartner Soziotechnologie APST GmbH', '..., and<sup>15</sup>Precision Neurology')
_LIST_SEPARATOR_BEFORE = re.compile(r"(?:,|\band)\s*$")
_GLUED_WORD = re.compile(r"^[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]")


def affiliation_label(before: str, after: str) -> bool:
    """'<sup>2</sup>Department of Nephrology': a raised number glued to an institution's first word, or to a
    capitalised word after an affiliation's closing comma, labels an affiliation."""
    return bool(_AFFILIATION_AFTER.match(after)) or (
        bool(_GLUED_WORD.match(after)) and bool(_LIST_SEPARATOR_BEFORE.search(before)))


# "qRT<sup>2</sup>-PCR", "Ca<sup>2+</sup>-dependent": a raised number joined by a hyphen to the word after it
# is part of a term; a citation ends its word.
_TERM_AFTER = re.compile(r"^[-\u2010\u2011][^\W\d_]")
# "10 <sup>\u22128</sup>": a raised number with a sign is a power; a citation is never negative.
_SIGNED = re.compile(r"^\s*[-\u2212\u2012\u2013]\s*\d")


def inside_term(after: str) -> bool:
    """A raised number followed by a hyphen and a word belongs to that word ('qRT<sup>2</sup>-PCR')."""
    return bool(_TERM_AFTER.match(after))


def signed_power(inner: str, before: str) -> bool:
    """'<sup>\u22128</sup>' is a power of ten, unless it continues a raised run ('<sup>1</sup><sup>-3</sup>')."""
    return bool(_SIGNED.match(inner)) and not re.search(r"</sup>\s*$", before, re.IGNORECASE)


def in_subscript(before: str) -> bool:
    """'F<sub>[1,12]</sub>': a bracket opening a subscript indexes a symbol (degrees of freedom)."""
    return bool(_SUB_BEFORE.search(before))


# A residue's place in a protein, raised after its three-letter code: 'His<sup>388</sup>', 'Lys<sup>48</sup>'.
_RESIDUE = re.compile(r"(?<![A-Za-z])(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val)"
                      r"$")


# A motif in one-letter codes between the raised places of its first and last residue:
# '<sup>926</sup>DQVD<sup>929</sup>'
_MOTIF = "ACDEFGHIKLMNPQRSTVWY"
_MOTIF_AFTER = re.compile(rf"^([{_MOTIF}]{{2,}})<sup>(\d{{1,5}})</sup>")
_MOTIF_BEFORE = re.compile(rf"<sup>(\d{{1,5}})</sup>([{_MOTIF}]{{2,}})$")


def residue_before(before: str, after: str = "", inner: str = "") -> bool:
    """A raised number right after an amino acid's code is the residue's place, not a citation; so are the two
    raised around a motif whose span they count exactly (926 to 929 around the four letters of 'DQVD')."""
    if _RESIDUE.search(before):
        return True
    if not inner.strip().isdigit():
        return False
    here = int(inner)
    if (m := _MOTIF_AFTER.match(after)) and int(m.group(2)) - here + 1 == len(m.group(1)):
        return True
    return bool((m := _MOTIF_BEFORE.search(before)) and here - int(m.group(1)) + 1 == len(m.group(2)))


# A lattice direction or plane in a crystal ('silicon in the [110] crystal direction', 'along the [110] ([100])
# directions'): three digits naming an axis, then what they name; a citation is followed by no such word.
_LATTICE_AFTER = re.compile(r"^\s*\)?\s*(?:\(\[\d{3}\]\)\s*)?(?:crystal(?:lographic)?\s+)?"
                            r"(?:directions?|axis|axes|orientations?|planes?|-oriented|-axis)\b", re.IGNORECASE)


def lattice_index(inner: str, after: str) -> bool:
    """A bracketed three-digit index followed by 'direction', 'axis', 'orientation' or 'plane': a Miller index."""
    return re.fullmatch(r"\d{3}", inner.strip()) is not None and _LATTICE_AFTER.match(after) is not None
