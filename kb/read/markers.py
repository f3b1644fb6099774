"""Citation markers: find them in a line and expand their numbers.

Pure functions. The numbered styles read are square brackets (``[4, 6]``,
``[3-5]``, attached ``cycle[8]``, runs ``[12], [13]`` and bracket ranges
``[3]–[5]``, with a page or a lead-in ``[32: 273]``, ``[12, p. 34]``,
``[e.g., 77]``), superscripts (``<sup>[5, 65-67]</sup>``, ``<sup>1,3-5</sup>``,
``<sup>(1, 2)</sup>``, ``<sup>(</sup>1<sup>-</sup>3<sup>)</sup>``, Unicode
``¹˒³⁻⁵``), the word ``ref. 13`` / ``refs. 38–43`` (PNAS) and, where nothing else is used, parentheses
``(1, 2)`` (read in ``kb.read.paren_markers``; the records every scanner returns are in
``kb.read.marker_model``).

What looks like a marker but is not one stays out: a bracketed year next to
a name (``Buchbinder [2009]``), exponents and units (``10<sup>6</sup>``,
``cm<sup>2</sup>``, ``I²``, ``χ<sup>2</sup>``, spaced ``× 10 <sup>−8</sup>``, signed powers), terms
(``qRT<sup>2</sup>-PCR``), gene names and footnote
letters (``p16<sup>INK4a</sup>``, ``<sup>a</sup>``), figure and table numbers,
intervals (``[0, 1]``, ``[10, 20] mm``, a median's or estimate's
range ``48 [43–58]``), mass numbers (``<sup>125</sup>I``),
indices in subscripts (``F<sub>[1,12]</sub>``) and a note's label opening a line
(``kb.read.marker_context``). Candidates that may or may not be
markers are returned as ``Skipped`` with a reason; which styles a document
really uses is decided over the whole document (``kb.read.marker_style``).
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.marker_context import (LABEL_BEFORE, LOCATOR, affiliation_label, element_after, equation_number,
                                    footnote_label, in_subscript, inside_term, ionic_charge, lattice_index, note_label,
                                    residue_before, signed_power, table_footnote)
from kb.read.marker_model import (BRACKET, PAREN, REF_WORD, SUP, SUP_BRACKET, UNICODE, RawMarker,  # noqa: F401
                                  Skipped, zero_or_year)
from kb.read.marker_values import (CELL_SPREAD, COUNT_VALUES, INTERVAL, PERCENT_COUNT, SPREAD, UNIT_SPREAD, interval_with_unit,
                                   key_items, percent_with_count, range_around_value, spread_before_unit,
                                   value_in_cell, values_of_count)
from kb.read.marker_numbers import DASHES, MAX_RANGE, Expansion, expand, looks_like_year  # noqa: F401 - re-exported
from kb.read.marker_powers import TOKEN_BEFORE, exponent_before
from kb.read.paren_markers import PAREN_RANGE, scan_paren_leads, scan_parens

_DASHES = DASHES
_LIST_BODY = rf"[\d\s,;{_DASHES}]*\d[\d\s,;{_DASHES}]*"

SUP_MARKER = re.compile(r"<sup>\s*(?P<open>[\[(])?(?P<inner>[^<\]()]*?)[\])]?\s*</sup>", re.IGNORECASE)
# Raised brackets split around the numbers, as SciELO's XML prints them: "<sup>(</sup>1<sup>-</sup>3<sup>)</sup>".
_SUP_SEP = rf"(?:<sup>\s*[,;{_DASHES}]\s*</sup>|[,;{_DASHES}])"
_SPLIT_SUP = re.compile(rf"<sup>\s*[\[(]\s*</sup>\s*(?P<body>\d{{1,4}}(?:\s*{_SUP_SEP}\s*\d{{1,4}})*)\s*<sup>\s*[\])]\s*</sup>",
                        re.IGNORECASE)
_TAGS = re.compile(r"</?sup>", re.IGNORECASE)
# BMJ's raised lists put a space where others put a comma, between numbers and ranges alike: "<sup>4 5</sup>",
# "<sup>11 42–44</sup>", "<sup>20–23 46</sup>".
_SPACED_LIST = re.compile(rf"\d{{1,4}}(?:[{_DASHES}]\d{{1,4}})?(?:\s+\d{{1,4}}(?:[{_DASHES}]\d{{1,4}})?)+")
_SPACED = re.compile(r"\s+")
# One bracket, or a run of them joined by commas or a dash: "[12], [13]", "[3]–[5]".
# Emphasis may wrap the numbers, "[*93*]" or "[**44**]", where an italic quotation or a bold caption
# carries its marker along.
_EM = r"[*_]{0,3}"
# Current Opinion's and Current Epidemiology Reports' marks of importance follow the numbers inside the bracket:
# "[11\u2022, 12\u2022]", "[33\u2022\u2022]" cite 11, 12 and 33.
_MARK = "\u2022"
# A stop typed after the number, "Carr et al. [16.]", still cites it (a decimal "[1.5]" does not end so).
_BRACKET = rf"\[{_EM}\s*\d[\d\s,;{_DASHES}{_MARK}]*\.?{_EM}\]"  # "[-100, 100]" is an interval
BARE_MARKER = re.compile(
    rf"(?<!\])(?P<run>{_BRACKET}(?:(?:\s*(?:[,;]|[{_DASHES}])\s*)?{_BRACKET})*)(?!\[|\([^\s()]*\))"
)
_ONE_BRACKET = re.compile(rf"\[{_EM}\s*(?P<inner>[\d\s,;{_DASHES}{_MARK}]*\d[\d\s,;{_DASHES}{_MARK}]*)\.?\s*{_EM}\]")
_SUP_DIGITS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
_UNICODE = lazy(rf"[{_SUP_DIGITS}]+(?:[,\u02d2\u207b{_DASHES}][{_SUP_DIGITS}]+)*")
_TO_ASCII = str.maketrans(_SUP_DIGITS + "\u02d2\u207b", "0123456789,-")

_SUP_LIST = re.compile(rf"^\s*{_LIST_BODY}\s*$")


def _scan_split_sup(line: str, found: list, taken: list) -> None:
    for m in _SPLIT_SUP.finditer(line):
        taken.append((m.start(), m.end()))
        inner = re.sub(r"\s+", "", _TAGS.sub("", m.group("body"))).replace(",", ", ")
        found.append(RawMarker(m.group(0), inner, m.start(), m.end(), SUP_BRACKET))


# AMA's citation of a page: the page in brackets after the number, inside the raised marker ("<sup>60(p894)</sup>",
# "<sup>12(pp3-4)</sup>"). The 'p' says it is a page, so no power or index reads this way.
_SUP_PAGE = re.compile(rf"<sup>\s*(?P<inner>\d{{1,4}}(?:\s*[,{_DASHES}]\s*\d{{1,4}})*)\s*\(pp?\s?\d{{1,5}}"
                       rf"(?:[{_DASHES}]\d{{1,5}})?\)\s*</sup>", re.IGNORECASE)


def _bracketed_power(before: str, inner: str) -> bool:
    """'f<sup>(2)</sup>': a derivative's order or an iterate's index. Not a list ('TM<sup>(28,39–40)</sup>'), not
    after two capitals ('TM<sup>(28)</sup>'), and not a number of two digits after a unit or an indexed symbol
    ('4.4 nmol/l<sup>(68)</sup>', 'M<sub>max</sub><sup>(37)</sup>'): no order or power in brackets runs so high."""
    if not exponent_before(before, inner):
        return False
    return not (inner.isdigit() and int(inner) >= 10 and not before.rstrip("*_ ")[-1:].isdigit())


def _scan_sup(line: str, found: list, taken: list, opens_block: bool) -> None:
    for m in _SUP_PAGE.finditer(line):
        if not any(a <= m.start() < b for a, b in taken):
            taken.append((m.start(), m.end()))
            found.append(RawMarker(m.group(0), m.group("inner").strip(), m.start(), m.end(), SUP))
    for m in SUP_MARKER.finditer(line):
        if any(a <= m.start() < b for a, b in taken):
            continue
        inner = m.group("inner").strip().strip(",;")  # "<sup>,23,</sup>": the commas join it to its neighbours
        inner = _SPACED.sub(", ", inner) if _SPACED_LIST.fullmatch(inner) else inner  # BMJ's "<sup>4 5</sup>"
        if not re.search(r"\d", inner):
            continue  # <sup>®</sup>, <sup>a</sup>, <sup>INK4a</sup>: not numbers at all
        taken.append((m.start(), m.end()))
        if m.group("open") == "[":
            # <sup>[1801]</sup> in a long list is a citation; only a bare year is doubtful.
            found.append(RawMarker(m.group(0), inner, m.start(), m.end(), SUP_BRACKET))
        elif m.group("open"):
            # "<sup>(1, 2)</sup>" cites, "f<sup>(2)</sup>" is a derivative's order.
            if (_SUP_LIST.match(inner) and not zero_or_year(inner) and not _bracketed_power(line[: m.start()], inner)
                    and not table_footnote(line[: m.start()])):
                found.append(RawMarker(m.group(0), inner, m.start(), m.end(), SUP_BRACKET))
        elif (not _SUP_LIST.match(inner) or zero_or_year(inner) or exponent_before(line[: m.start()], inner)
              or mass_number(m.group("inner"), line[m.end():]) or inside_term(line[m.end():])
              or affiliation_label(line[: m.start()], line[m.end():])
              or signed_power(m.group("inner"), line[: m.start()]) or ionic_charge(inner, line[: m.start()])
              or (opens_block and footnote_label(line[: m.start()])) or note_label(line[: m.start()], line[m.end():])
              or table_footnote(line[: m.start()]) or residue_before(line[: m.start()], line[m.end():], inner)):
            continue  # 10<sup>6</sup>, I<sup>2</sup>, <sup>-1</sup>, <sup>2+</sup>, His<sup>388</sup>: not a citation
        else:
            found.append(RawMarker(m.group(0), inner, m.start(), m.end(), SUP))


def mass_number(raw_inner: str, after: str) -> bool:
    """A raised number before an element's symbol or name is its mass number ('<sup>125</sup>I'); one with a comma
    in it ('.<sup>61,</sup>SCN5A mutations', BCBS: a citation whose space before the next word, an italic gene
    name, the PDF does not print) is a citation: a mass number is one number alone."""
    return element_after(after) and "," not in raw_inner


def _scan_unicode(line: str, found: list, taken: list, opens_block: bool) -> None:
    for m in _UNICODE.finditer(line):
        if (exponent_before(line[: m.start()]) or element_after(line[m.end():])
                or (opens_block and footnote_label(line[: m.start()]))):
            continue
        inner = m.group(0).translate(_TO_ASCII)
        if zero_or_year(inner):
            continue
        taken.append((m.start(), m.end()))
        found.append(RawMarker(m.group(0), inner, m.start(), m.end(), UNICODE))


def _scan_brackets(line: str, found: list, skipped: list, taken: list) -> None:
    key = key_items(line) if "[3]" in line else set()
    for m in BARE_MARKER.finditer(line):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if m.start() in key:
            skipped.append(Skipped(m.group(0), m.start(), "an item of a numbered key ([1] placebo; [2] ...)"))
            continue
        parts = [p.group("inner").replace(_MARK, "").strip() for p in _ONE_BRACKET.finditer(m.group(0))]
        joiners = _joiners(m.group(0))
        inner = parts[0]
        for joiner, part in zip(joiners, parts[1:]):
            inner += ("\u2013" if joiner.strip() and joiner.strip() not in ",;" else ", ") + part
        if len(parts) == 1 and looks_like_year(inner):
            continue  # Buchbinder [2009]
        if not line[: m.start()].strip() and line[m.end():].lstrip().startswith(":"):
            continue  # "[1]: https://..." is a Markdown link definition
        if len(parts) == 1 and interval_with_unit(inner, line[m.end():]):
            skipped.append(Skipped(m.group(0), m.start(), INTERVAL))
            continue
        if len(parts) == 1 and spread_before_unit(line[: m.start()], inner, line[m.end():]):
            skipped.append(Skipped(m.group(0), m.start(), UNIT_SPREAD))
            continue
        if len(parts) == 1 and range_around_value(line[: m.start()], inner):
            skipped.append(Skipped(m.group(0), m.start(), SPREAD))
            continue
        if len(parts) == 1 and values_of_count(line[: m.start()], inner):
            skipped.append(Skipped(m.group(0), m.start(), COUNT_VALUES))
            continue
        if len(parts) == 1 and value_in_cell(line[: m.start()], inner):
            skipped.append(Skipped(m.group(0), m.start(), CELL_SPREAD))
            continue
        if len(parts) == 1 and equation_number(line[: m.start()], line[m.end():]):
            skipped.append(Skipped(m.group(0), m.start(), "a bracketed number after a formula (an equation's number)"))
            continue
        if len(parts) == 1 and percent_with_count(line[: m.start()], inner, line[m.end():]):
            skipped.append(Skipped(m.group(0), m.start(), PERCENT_COUNT))
            continue
        if len(parts) == 1 and lattice_index(inner, line[m.end():]):
            skipped.append(Skipped(m.group(0), m.start(), "a crystal's direction or plane ([110] direction)"))
            continue
        if len(parts) == 1 and _PEOPLE_AFTER.match(line, m.end()):
            skipped.append(Skipped(m.group(0), m.start(), "a count before a list of people (a centre's patients)"))
            continue
        _keep_bracket(line, m, inner, found, skipped, taken)


# A trial's list of centres gives each one's patients in brackets, then its investigators: "Royal Perth Hospital [21]
# (MA Goodman, GJ Hankey, ...)". A citation is not followed by people's names (initials, surname) in brackets.
_PERSON = r"(?:[A-Z]\.?\s?){1,3}\s[A-Z][\w'\u2019-]+"
_PEOPLE_AFTER = re.compile(rf"\s*\({_PERSON}(?:\s[A-Z][\w'\u2019-]+)?,\s*{_PERSON}")


def _keep_bracket(line: str, m: re.Match, inner: str, found: list, skipped: list, taken: list) -> None:
    """A bracket is a marker unless it reads as a label, a value or a symbol's index."""
    before = line[: m.start()]
    if in_subscript(before):
        skipped.append(Skipped(m.group(0), m.start(), "a bracket in a subscript (an index, F[1,12])"))
        return
    if zero_or_year(inner) or LABEL_BEFORE.search(before):
        skipped.append(Skipped(m.group(0), m.start(), "a bracketed number that reads as an interval or label"))
        return
    token = TOKEN_BEFORE.search(before)
    if token and len(token.group(1)) == 1 and before.endswith(token.group(1)):
        skipped.append(Skipped(m.group(0), m.start(), "a bracketed number attached to a symbol (x[1])"))
        return
    if PAREN_RANGE.match(inner) and _SPREAD_AFTER.match(line, m.end()):
        skipped.append(Skipped(m.group(0), m.start(), "a target range beside a value with its spread ([8-12] 10.4±1.4)"))
        return
    taken.append((m.start(), m.end()))
    found.append(RawMarker(m.group(0), inner, m.start(), m.end(), BRACKET))


# 'Actual sirolimus level ...: [8-12] 10.4±1.4': a range in brackets, then a measured value with its SD, is the
# target range the value is read against; a citation is not followed by a number and its spread.
_SPREAD_AFTER = re.compile(r"\s*\d+(?:[.,\u00b7]\d+)?\s*\u00b1")


def _scan_locators(line: str, found: list, skipped: list, taken: list) -> None:
    """'[32: 273]', '[12, p. 34]', '[e.g., 77]': the numbers before the place, or after the lead-in."""
    for m in LOCATOR.finditer(line):
        if (m.group("lead") or m.group("place")) and not any(a <= m.start() < b for a, b in taken):
            _keep_bracket(line, m, m.group("nums"), found, skipped, taken)


def _joiners(run: str) -> list[str]:
    """The text between the brackets of a run: ', ' or '–'."""
    spans = [(p.start(), p.end()) for p in _ONE_BRACKET.finditer(run)]
    return [run[a:b] for (_, a), (b, _) in zip(spans, spans[1:])]


_REF_WORD = re.compile(rf"(?<![\w.])[Rr]efs?\.\s?(?P<inner>\d{{1,4}}(?:\s*(?:,|and|[{_DASHES}])\s*\d{{1,4}})*)"
                       r"(?!\d|[.:]\d)")


def _scan_ref_word(line: str, found: list, taken: list) -> None:
    for m in _REF_WORD.finditer(line):
        if any(a <= m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        found.append(RawMarker(m.group(0), re.sub(r"\s*(?:,|and)\s*", ", ", m.group("inner")), m.start(), m.end(),
                               REF_WORD))


def scan_line(line: str, opens_block: bool = True) -> tuple[list[RawMarker], list[Skipped]]:
    """Every candidate marker of one line, with its style, and the spans left unread.

    ``opens_block``: the line starts its paragraph, so a raised number before any words labels a note
    (a wrapped line may start with the citation of the line before).
    """
    found: list[RawMarker] = []
    skipped: list[Skipped] = []
    taken: list[tuple[int, int]] = []
    if "<" in line:
        _scan_split_sup(line, found, taken)
        _scan_sup(line, found, taken, opens_block)
    if any(c in line for c in _SUP_DIGITS):
        _scan_unicode(line, found, taken, opens_block)
    if "[" in line:
        _scan_locators(line, found, skipped, taken)
        _scan_brackets(line, found, skipped, taken)
    if "ref" in line or "Ref" in line:
        _scan_ref_word(line, found, taken)
    if "(" in line:
        scan_paren_leads(line, found, taken)
        scan_parens(line, found, taken)
    found.sort(key=lambda r: r.start)
    return _join_runs(line, found), skipped


_RUN_JOIN = re.compile(rf"^\s*(?:[,;]|[{_DASHES}]|<sup>\s*(?:[,;]|[{_DASHES}])\s*</sup>)?\s*$", re.IGNORECASE)


def _join_runs(line: str, found: list[RawMarker]) -> list[RawMarker]:
    """``<sup>1</sup>,<sup>2</sup>`` and ``<sup>1</sup>–<sup>3</sup>`` are one marker."""
    out: list[RawMarker] = []
    for r in found:
        prev = out[-1] if out else None
        if prev and prev.style == r.style and r.style in (SUP, UNICODE) and _RUN_JOIN.match(line[prev.end:r.start]):
            joiner = _TAGS.sub("", line[prev.end:r.start]).strip()
            sep = "\u2013" if joiner and joiner not in ",;" else ", "
            out[-1] = RawMarker(line[prev.start:r.end], f"{prev.inner}{sep}{r.inner}", prev.start, r.end, r.style)
        else:
            out.append(r)
    return out


def find_markers(line: str) -> list[RawMarker]:
    """The markers of one line read on its own: brackets and superscripts, not parentheses.

    A whole document is read with ``kb.read.marker_style``, which also decides
    whether its parentheses and bare superscripts are citations.
    """
    return [r for r in scan_line(line)[0] if r.style != PAREN]
