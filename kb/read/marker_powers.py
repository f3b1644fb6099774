"""Whether a raised number is a power: what the text right before it makes of it.

Pure predicates over the text before a candidate marker (``kb.read.marker_context`` holds the other readings of
its surroundings). A number raised after a digit, a unit or a short symbol is an exponent (``10<sup>6</sup>``,
``I²``, ``km<sup>2</sup>``), and so is one after a closing bracket unless words or an abbreviation stand inside it
(``(x+1)<sup>2</sup>`` is a power, ``(US)<sup>3</sup>`` a citation); a year, a version, a named scale or a
coordinate before it makes a citation (``in 1997<sup>10</sup>``, ``PHQ-9<sup>28</sup>``).
"""
from __future__ import annotations

import re

# What a number written right after is an exponent of, not a citation: a digit
# (10<sup>6</sup>), a unit, a one- or two-letter symbol (I², R², χ², SD²), a spelled-out Chi².
_UNITS = frozenset("""cm mm km nm um μm µm m ml mL dl dL l L g kg mg ug μg µg ng s ms min h hr hrs
    sec Hz kHz MHz kb Mb Gb bp kDa Da mol mmol mM nM µM μM ft in yr yrs chi Chi sigma""".split())
TOKEN_BEFORE = re.compile(r"([^\W\d_]+)[*_]*$")

_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:19|20)\d\d$")
# A year or a span of years: 'Thailand (2013)<sup>11</sup>', 'Egypt (1995\u20131996)<sup>25</sup>'.
_PARENTHESISED_YEAR = re.compile(r"(?<![\w.])\(\s*(?:19|20)\d\d[a-z]?(?:\s*[-\u2010-\u2013]\s*(?:19|20)?\d\d)?\s*\)$")

# Two-letter words a citation follows ("et al<sup>5</sup>", "calculated as<sup>45</sup>", "According to<sup>62</sup>");
# other short tokens before a raised number are symbols ("x<sup>2</sup>"); "in" stays out, a unit too (in<sup>2</sup>).
# A latitude or longitude ("20°N", "(30°S–90°S)") and a program's version ("version 3.1") are no base.
_COORDINATE = re.compile(r"\d\s*°\s*[NSEW](?:\s*[-\u2013]\s*\d+(?:\.\d+)?\s*°\s*[NSEW])?\)?$")
_VERSION_WORD = re.compile(r"\bversions?\s+v?\d+(?:\.\d+)*$", re.IGNORECASE)
_DECIMAL_BEFORE = re.compile(r"\d\.\d+$")
# A minus sign (U+2212) raised on its own right after a unit or a word: the two halves of one negative exponent
# ('g<sup>−</sup><sup>1</sup>'). A hyphen or a dash after a raised number is a range's ('<sup>14</sup><sup>-</sup><sup>17</sup>').
_SPLIT_MINUS = re.compile(r"(?<!</sup>)<sup>\s*\u2212\s*</sup>$")
# A raised minus or plus sign (U+207B, U+207A) right before raised digits, with no raised digit before it: the sign of
# a power typed in Unicode ('10\u207b\u00b9\u2070\u2070'). Between raised digits it is a range's dash ('\u00b9\u207b\u2075'), which
# the marker's own pattern takes in whole.
_RAISED_SIGN = re.compile(r"(?<![\u2070\u00b9\u00b2\u00b3\u2074-\u2079])[\u207a\u207b]$")
_NO_DECIMAL_POWER = 20
_SHORT_WORDS = frozenset({"al", "as", "by", "of", "to", "on", "or", "is", "we", "us", "be"})


# A symbol with a letter index ("σ<sub>e</sub>", "Σ<sub>*u*</sub>"); a formula's digit index ("CO<sub>2</sub>") is left
# alone, as a citation may follow a chemical's name.
# 'σ<sub>W0</sub><sup>2</sup>': an index may carry a digit after its letter
# 'weight/height<sup>2</sup>': the word after a slash is the divisor of a formula; a raised 2 or 3 there is its power.
_QUANTITY_AFTER_SLASH = re.compile(r"[^\W\d_]/[*_]*[^\W\d_]{2,}[*_]*$")
_SUBSCRIPTED_SYMBOL = re.compile(r"<sub>[*_]*[^\W\d_][^\W_]{0,2}[*_]*</sub>$", re.IGNORECASE)


# A relation stated in words in brackets ("(*d* = 0.15 or less)", "(mini mental status examination score <24)") or a
# dose ("(40 μg/kg)"): no base of a power, so a raised number after it cites. A formula has arithmetic or no words:
# "(x = 2)", "(x + 1)", "(P < 0.05)" stay bases.
_RELATION = re.compile(r"[=<>\u2264\u2265]")
_ARITHMETIC = re.compile(r"[+*/^\u00d7]")
_DOSE = re.compile(r"^\s*\d+(?:[.,]\d+)?\s?(?:mg|g|\u00b5g|\u03bcg|ug|ng|mL|ml|IU|U|mmol|mcg)/(?:kg|m2|m\u00b2|day|d|h|min|L|dL|"
                   r"mL|ml)\s*$")
_PARENS_AT_END = re.compile(r"\(([^()]{1,200})\)$")
_EMPHASIS = re.compile(r"[*_]+(?=\w)|(?<=\w)[*_]+")


def _stated_in_parentheses(before: str) -> bool:
    m = _PARENS_AT_END.search(before)
    if not m:
        return False
    inner = _EMPHASIS.sub("", m.group(1))  # '*d*' is an italic symbol, not a product
    if _DOSE.match(inner):
        return True
    words = [w for w in _WORD.findall(inner) if len(w) >= 3 and w not in _UNITS]
    return bool(_RELATION.search(inner)) and not _ARITHMETIC.search(inner) and bool(words)


def exponent_before(before: str, inner: str = "") -> bool:
    """Does the text right before a raised number make it an exponent or a symbol's index?"""
    stripped = before.rstrip("*_")
    if not stripped or "," in inner:
        return False  # no power is a list of numbers: "H7N9<sup>13,14</sup>", "(39.1%)<sup>5,6</sup>" cite
    if _RAISED_SIGN.search(stripped):
        return True  # "p < 10\u207b\u00b9\u2070\u2070", "3.97 \u00d7 10\u207b\u2076\u00b9": a raised sign, then the power's digits
    if _SPLIT_MINUS.search(stripped) and inner.isdigit():
        return True  # "0.5 μl g<sup>−</sup><sup>1</sup>": a negative power whose minus was raised on its own
    if _COORDINATE.search(stripped) or _VERSION_WORD.search(stripped):
        return False  # "at 20°N<sup>64</sup>", "(30°S–90°S)<sup>90</sup>", "version 3.1<sup>164</sup>" cite
    if _DECIMAL_BEFORE.search(stripped) and inner.isdigit() and int(inner) >= _NO_DECIMAL_POWER:
        return False  # "between 1/1.5 and 1.5<sup>124</sup>": no decimal is raised to such a power
    if _HYPHENATED_NAME.search(stripped):
        return False  # "PHQ-9<sup>28</sup>", "GLP-1<sup>12</sup>", "EQ-5D<sup>36</sup>": a named scale, peptide or trial
    if stripped[-1].isdigit():
        # "in 1997<sup>10</sup>", "Version 3.4.1<sup>25</sup>", "MEGA 5.0<sup>51</sup>" and "IgG1<sup>19</sup>"
        # cite; 10<sup>6</sup> is a power
        return not (_YEAR_BEFORE.search(stripped) or _VERSION_BEFORE.search(stripped)
                    or _NAMED_VERSION.search(stripped) or _name_with_digit(stripped) or _ZERO_VERSION.search(stripped)
                    or (_SHORT_NAME_DIGIT.search(stripped) is not None and inner.isdigit() and int(inner) >= 10))
    if stripped[-1] in ")]}":
        if _high_power_of_bracket(stripped, inner):
            return False  # "brief (3A)<sup>12</sup>": a bracket without a formula's sign is squared or cubed, no more
        if re.search(r"%\s*\)$", stripped) or _PARENTHESISED_YEAR.search(stripped):
            return False  # "(56.3%)<sup>4</sup>", "Thailand (2013)<sup>11</sup>": no percentage or year is a base
        if _stated_in_parentheses(stripped):
            return False  # "small (*d* = 0.15 or less)<sup>39</sup>", "(40 μg/kg)<sup>10</sup>": no base of a power
        return not words_in_parentheses(stripped) or stripped.lstrip().startswith("|")
    if stripped[-1].isspace():
        # Pretty-printed XML spaces a symbol from its index ("Δ <sup>9</sup>") and a unit from its power
        # ("km <sup>2</sup>"); "150 µg/kg <sup>14</sup>" cites.
        unit = _UNIT_BEFORE.search(stripped)
        squared = bool(unit) and unit.group(1) in _UNITS - _WORDS - _NEVER_RAISED and inner in ("", "2", "3")
        if _high_power_of_bracket(stripped, inner):
            return False  # "creatinine (3-MH/Cr) <sup>18</sup>": an abbreviation's ratio is no base of an 18th power
        return squared or bool(_GREEK_BEFORE.search(stripped)) or spaced_power(stripped)
    hyphened = _HYPHENED_SHORT_WORD.search(stripped)
    if hyphened and hyphened.group(1) not in _UNITS:
        return False  # "the 12-month follow-up<sup>11</sup>", "work-up", "run-in": a word's tail, no symbol
    if inner in ("2", "3") and _QUANTITY_AFTER_SLASH.search(stripped):
        return True  # "BMI = weight/height<sup>2</sup>": a quantity divided by, squared
    if _SUBSCRIPTED_SYMBOL.search(stripped):
        return True  # "Σ<sub>*u*</sub><sup>2</sup>", "σ<sub>e</sub><sup>2</sup>": a variance, a power of an indexed symbol
    token = TOKEN_BEFORE.search(stripped)
    if not token:
        return False
    word = token.group(1)
    if word == "s" and stripped[: token.start()].endswith(("'", "\u2019")):
        return False  # "Gironda et al\u2019s<sup>27</sup> questionnaire": a possessive, not seconds
    # Two capitals name something ("the YD<sup>78</sup>", "CE ... than RE<sup>129</sup>"), unless squared or cubed.
    abbreviation = len(word) == 2 and word.isupper() and inner not in ("", "2", "3")
    if word in _NEVER_RAISED:
        return False  # "a loading dose of 20 mg/kg<sup>19</sup>": no mass or amount is raised to a power
    return ((len(word) <= 2 and word not in _SHORT_WORDS and not abbreviation)
            or word in _UNITS or word.lower() in _UNITS)


# Units of mass, volume, amount and length of sequence: a raised number after them is never their power
# ('20 mg/kg<sup>19</sup>', '2400 mg <sup>3</sup>'); lengths and times are squared and cubed ('km<sup>2</sup>').
_NEVER_RAISED = frozenset("ml mL dl dL L kg mg ug μg µg ng mol mmol mM nM µM μM kb Mb Gb bp kDa Da".split())
# A bracket raised to the fifth power or more is rare outside formulas with their signs ('(1 + r)<sup>10</sup>').
_HIGH_POWER = 5
_SIGNS = "=+*^<>\u00d7\u2212\u2013-"


def _high_power_of_bracket(before: str, inner: str) -> bool:
    """A raised whole number of five or more after a bracket holding letters and none of a formula's signs (a slash,
    or a hyphen inside a name such as '3-MH', may stand): a citation, not a power."""
    if not inner.isdigit() or int(inner) < _HIGH_POWER:
        return False
    m = re.search(r"\(([^()]{1,60})\)\s*$", before)
    if not m or not re.search(r"[^\W\d_]", m.group(1)):
        return False
    body = re.sub(r"(?<=\w)-(?=[^\W\d_]{2})", "", m.group(1))  # "3-MH", "PES-NWI": a name's hyphen; "x-y" a sign
    return not any(c in body for c in _SIGNS)


# Spaced from its base by pretty-printed XML, a power still follows a base of ten ("5.0 × 10 <sup>−8</sup>",
# "**WBC × 10** **<sup>9</sup>**"), an italic symbol ("*r* <sup>2</sup>") or a bracketed ratio or product
# ("(Beta/SE) <sup>2</sup>"); "in 2010 <sup>5</sup>", "(CI) <sup>4</sup>", "(n = 30) <sup>5</sup>" and a count
# "(21/25) <sup>37</sup>" cite.
_TEN_BEFORE = re.compile(r"(?:[×⋅·]|(?<![^\s\d])x)\s*10[*_]*\s+[*_]*$")
_ITALIC_SYMBOL_BEFORE = re.compile(r"(?<![\w*])([*_])[^\W\d_]{1,2}\1\s+[*_]*$")
_RATIO_BEFORE = re.compile(r"\((?=[^()]*[^\W\d_])[^()]*[/×^][^()]*\)\s+[*_]*$")  # "(21/25) <sup>37</sup>" cites


def spaced_power(before: str) -> bool:
    """A raised number set apart by a space from a base of ten, an italic symbol or a bracketed formula."""
    return bool(_TEN_BEFORE.search(before) or _ITALIC_SYMBOL_BEFORE.search(before) or _RATIO_BEFORE.search(before))


# What a closing parenthesis may end that makes a raised number after it a citation: words or an
# abbreviation ("(US)<sup>3</sup>", "(PES-NWI)<sup>(15-18)</sup>", "etc.)<sup>(19)</sup>"), not a formula.
_LAST_PARENS = re.compile(r"\(([^()]{1,200})\)$")
_EXAMPLE_OPENS = re.compile(r"[*_\s]*(?:e\.\s?g|i\.\s?e)[*_]*[.,]", re.IGNORECASE)
_OPERATOR = re.compile(r"[=+*/^<>\u00d7\u2212]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SAMPLE_SIZE = re.compile(r"(?<![\w.])[nN]\s*=\s*\d[\d,]*(?![\w.])")
# '*p*', '**n**': stars around a word, with no letter or star outside them ('x*y*z' is a product)
_ITALIC_WORDS = re.compile(r"(?<![\w*])\*{1,2}([^\W\d_][^*]*?)\*{1,2}(?![\w*])")


# An instrument's acronym with its versions after a slash ('(SCAS-c/p)', '(ADIS-C/P)': child and parent forms) is a
# name, not a ratio: the slash joins single letters after a hyphen.
_NAMED_VERSIONS = re.compile(r"^[A-Z]{2,}[A-Za-z]*-[A-Za-z](?:/[A-Za-z])+$")


def words_in_parentheses(before: str) -> bool:
    """'the United States (US)' before a raised number: words, so the number cites; '(x+1)' is a base.

    Digits beside a word of three letters or more name something ('(CESM1)', '(Supplementary Fig. 1a)',
    Nature's usual places for a citation); beside shorter words they make a formula ('(2ab)')."""
    m = _LAST_PARENS.search(before)
    # Markdown's italics ('*p* value not stated') are no product's stars, a sample's size ('diseases; n = 924') no
    # equation
    if not m or (_OPERATOR.search(_SAMPLE_SIZE.sub("", _ITALIC_WORDS.sub(r"\1", m.group(1))))
                 and not _NAMED_VERSIONS.search(m.group(1))):
        return False
    if _EXAMPLE_OPENS.match(m.group(1)):
        return True  # "(*e.g*., 18–40)<sup>21</sup>": an example given in words, not a formula
    words = [w for w in _WORD.findall(m.group(1)) if w not in _UNITS and w.lower() not in _UNITS]
    if _HYPHENATED_NAME.search(m.group(1)):
        return True  # "(EQ-5D)<sup>36</sup>": a named instrument in brackets, then its citation
    if re.search(r"\d", m.group(1)):
        return any(len(w) >= 3 for w in words)
    return bool(words)


_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])([^\W\d_]+)\s+$")
_WORDS = frozenset({"in", "s", "h", "min", "sec", "chi", "Chi", "sigma", "yr", "yrs", "l"})  # also plain words or symbols
_VERSION_BEFORE = re.compile(r"\d+\.\d+\.\d+$")
# A program's version after its name ("MUSCLE 3.8", "PAML 4.7", "mapDamage 2"): a name with a capital past its first
# letter, so "Figure 2", "Phase 2" and "Type 2" stay out; a gene, protein or assembly named with a final digit
# ("IgG1", "EquCab2", "COX2"): three letters or more, so "CO2" and "x1" stay out.
_NAMED_VERSION = re.compile(r"(?<![\w.])[A-Za-z][A-Za-z-]*[A-Z][A-Za-z-]*\s+v?\d{1,2}(?:\.\d{1,2}){0,2}$")
# A name's version ending in '.0' ("Oswestry Disability Index 2.0<sup>13</sup>"): no one raises 2.0 to a power.
_ZERO_VERSION = re.compile(r"(?<![\w.])[A-Z][A-Za-z-]+\s+v?\d{1,2}\.0$")
_LAST_TOKEN = re.compile(r"(?<![\w.])[^\W\d_][^\W_]*$")


# A name joined by a hyphen to its number (a scale, a peptide, a disease or a trial: "PHQ-9", "GLP-1", "COVID-19",
# "EQ-5D", "PATENT-1"): two letters or more before the hyphen, so a unit's power ("m-2") stays out.
# A short word closing a hyphened word of letters: "follow-up", "set-up", "run-in".
_HYPHENED_SHORT_WORD = re.compile(r"(?<![\w\-])[a-z]{3,}-([a-z]{2})$")
_HYPHENATED_NAME = re.compile(r"(?<![\w.\-])[A-Za-z]{2,}[A-Za-z0-9]*-\d{1,3}[A-Za-z]?$")


# 'antibody response to Ad4<sup>19</sup>': a capital, a small letter and a digit name a serotype or a strain; no
# such thing is raised to a tenth power or more.
_SHORT_NAME_DIGIT = re.compile(r"(?<![\w.])[A-Z][a-z]\d{1,2}$")


def _name_with_digit(before: str) -> bool:
    """'IgG1', 'EquCab2', 'COX2' right before a raised number: a name, not a base (three letters or more)."""
    m = _LAST_TOKEN.search(before)
    return bool(m) and sum(c.isalpha() for c in m.group(0)) >= 3
_GREEK_BEFORE = re.compile(r"(?<![^\W\d_])[\u0391-\u03c9]\s+$")
