"""What a bracketed number after a value is: the value's spread or interval, not a citation.

Pure predicates over the text around a bracketed number (``kb.read.markers`` finds the candidates): a pair of
bounds with a unit after it (``[10, 20] mm``), a range holding the number before it (``48 [43\u201358]``, a
median and its IQR), one number between a value and its unit (``278 [121] mg/d``, a mean and its SD), a cell's
value and its spread (``| 157 [113] |``, ``| 42 [35, 54] |``) and a count restated in digits (``six (6) weeks``).
"""
from __future__ import annotations

import re

from kb.read.marker_numbers import looks_like_year

# "[10, 20] mm", "[15, 30] degrees", "[5, 95]%": a pair of bounds with a unit after it is an interval.
# English words that are also units ("in", "s", "h", "m") are left out: "[3, 4] in mice" cites.
_PAIR = re.compile(r"^\s*\d+\s*[,;]\s*\d+\s*$")
_UNIT_AFTER = re.compile(r"^\s*(?:%|°|\u00b5m|\u03bcm|(?:mm|cm|km|nm|um|ml|mL|µl|μl|dL|mg|kg|µg|μg|ng|ms|sec|min|hrs?"
                         r"|Hz|kHz|MHz|kb|Mb|bp|kDa|mM|nM|µM|μM|mmol|px|pixels?|degrees?|deg|years|yrs|days|weeks"
                         r"|months|mmHg|mV)\b)")
INTERVAL = "a pair of numbers with a unit after it (an interval)"
SPREAD = "a range around the number before it (a median [IQR], an estimate [CI])"
UNIT_SPREAD = "a number in brackets between a value and its unit (a mean [SD])"

# "48 [43\u201358]", "0.95 [0.81\u20131.10]", "45% [40\u201350]", "45 years [38\u201352]": a value (with its unit of
# measurement, never a count of things such as "12 trials"), then a bracketed range holding it.
# A spread in parentheses may stand between them: '57.2 (12.6) [22\u201387]', a mean (SD) [range].
_VALUE_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)\s*(?:%|(?:years?|yrs?|months?|weeks?|days?|hours?|h|min|"
                           r"kg(?:/m2|/m\u00b2)?|g|cm|mm|mmHg|points?|ml|mL|mg)\b)?[*_]*"
                           r"(?:\s*\(\s*(?:SD\s*)?\d+(?:\.\d+)?\s*\))?\s*$")
# 'for at least 14 days [13-16]': a bound has no spread, so the bracket after it cites.
_BOUND_BEFORE = re.compile(r"(?:\b(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|over|under)"
                           r"|[<>\u2264\u2265])\s*$", re.IGNORECASE)
_RANGE_INNER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[-\u2010-\u2014\u2212]\s*(\d+(?:\.\d+)?)\s*$")


# '| 157 [113] (113) |': a cell that opens with a value, then a bracketed number (a median [IQR], a mean [SD]).
_CELL_OPENS_WITH_VALUE = re.compile(r"\|\s*[*_]*(\d+(?:[.,]\d+)?)\s*%?[*_]*\s*$")
_ONE_NUMBER = re.compile(r"^\s*\d+\s*$")
# '| 50.9 (17.0) [18,90] |': a mean, its SD in parentheses, then the range [min, max] holding the mean.
_VALUE_IN_CELL = re.compile(r"(?<![\w.,|])[*_]*(\d+(?:\.\d+)?)\s*%?[*_]*(?:\s*\(\s*\d+(?:\.\d+)?\s*\))?\s*$")
CELL_SPREAD = "a bracketed number after the value that opens a table cell (a median [IQR], a mean [SD])"
PERCENT_COUNT = "a percentage's count before its denominator (41% [13] of 32)"


# a comma or, as European journals print quartiles, a semicolon between the bounds: '| 35.0 [15; 40] |'
_BOUND_PAIR = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[,;]\s*(\d+(?:\.\d+)?)\s*$")


def value_in_cell(before: str, inner: str) -> bool:
    """In a table row, '| 157 [113] |' is a value and its spread, and '| 42 [35, 54] |' or '| 35.0 [15; 40] |' a
    median and its quartiles (the pair holds the value): a citation in a table follows a study's name or stands alone in its cell. A year
    opening the cell ('| 2009 [12] |', a table of studies) still cites."""
    if not before.lstrip().startswith("|"):
        return False
    pair = _BOUND_PAIR.match(inner)
    # '| 28.43 ± 25.60 (0 to 120) 20 [15, 30] |': a median and its quartiles may follow other values in the cell
    value = _CELL_OPENS_WITH_VALUE.search(before) or (_VALUE_IN_CELL.search(before) if pair else None)
    if not value:
        return False
    if pair:
        return float(pair.group(1)) <= float(value.group(1)) <= float(pair.group(2))
    if not _ONE_NUMBER.match(inner):
        return False
    return not (value.group(1).isdigit() and 1900 <= int(value.group(1)) <= 2099)


# '| Infusion-site hematoma | 4(7%)[1,4,4,16] | 1(6%)[3] |': a cell opening with a count and its percentage, then a
# bracket of as many numbers as the count (each event's day of onset); a table's citation follows a study's name.
_CELL_COUNT_PERCENT = re.compile(r"\|\s*(\d{1,4})\s?\(\d+(?:\.\d+)?\s?%\)$")
COUNT_VALUES = "one value for each of the events a table cell counts (4(7%)[1,4,4,16])"


def values_of_count(before: str, inner: str) -> bool:
    """'| 4(7%)[1,4,4,16] |': the bracket holds one number for each event counted just before it."""
    count = _CELL_COUNT_PERCENT.search(before) if before.lstrip().startswith("|") else None
    return bool(count) and len(re.findall(r"\d+", inner)) == int(count.group(1))


def range_around_value(before: str, inner: str) -> bool:
    """'younger 48 [43\u201358]': a bracketed range right after a number that lies inside it is that number's
    spread or interval (median [IQR], estimate [95% CI]), as clinical results print them; a citation follows
    words, and a year or count before one ('in 2010 [12\u201315]') does not fall inside its range."""
    value = _VALUE_BEFORE.search(before)
    bounds = _RANGE_INNER.match(inner)
    if not value or not bounds or _BOUND_BEFORE.search(before, 0, value.start()):
        return False
    low, high = float(bounds.group(1)), float(bounds.group(2))
    return low <= float(value.group(1)) <= high


def spread_before_unit(before: str, inner: str, after: str) -> bool:
    """'a mean dose of 278 [121] mg/d': one number in brackets between a value and its unit is the value's spread
    (a mean [SD]); a citation does not split a quantity from its unit."""
    return (bool(_ONE_NUMBER.match(inner)) and bool(_NUMBER_BEFORE.search(before.rstrip()))
            and not looks_like_year(_NUMBER_BEFORE.search(before.rstrip()).group(0)) and bool(_UNIT_AFTER.match(after)))


def interval_with_unit(inner: str, after: str) -> bool:
    """'[10, 20] mm': two bounds and a unit right after them."""
    return bool(_PAIR.match(inner)) and bool(_UNIT_AFTER.match(after))


_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")  # "1,105 (475)" too
# "8.5±2.1 (7–10) days": a mean with its SD, then its range; the mean is the value the range holds.
_MEAN_SD_BEFORE = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?=\s?±\s?\d+(?:\.\d+)?$)")
_PAIRS = re.compile(r"\d\s\(\d{1,3}\),\s*\d+(?:\.\d+)?\s\(\d{1,3}\)")
# Two groups' values each with its spread, joined by a word ("93 (26) and 115 (38) ng/ml", "1,105 (475) and 1,240
# (444)"), in a sentence that says what the brackets hold ("mean (SD)"): values, not citations.
_PAIRS_JOINED = re.compile(r"\d\s\(\d{1,4}\)\s+(?:and|vs\.?|versus)\s+\d[\d,]*(?:\.\d+)?\s\(\d{1,4}\)")
_SPREAD_SAID = re.compile(r"\b(?:mean|median|SDs?|SEM?)\b")


def value_with_spread(line: str, before: str, inner: str) -> bool:
    """'a median of 49 (30, 67)': a value inside the range after it; mass spectra's '147 (100), 129 (70)': values
    each with its intensity, two or more in a row. A value before a citation ('a cutoff of 71.19 (15)') is neither."""
    value = _MEAN_SD_BEFORE.search(before) or _NUMBER_BEFORE.search(before)
    if not value or looks_like_year(value.group(0)):
        return False
    bounds = [int(n) for n in re.findall(r"\d+", inner)]
    return (len(bounds) == 2 and bounds[0] <= float(value.group(0).replace(",", "")) <= bounds[1]) \
        or bool(_PAIRS.search(line)) or "intensity" in before.lower() \
        or bool(_PAIRS_JOINED.search(line) and _SPREAD_SAID.search(line))  # 'MS m/e (relative intensity) 241 (100)'


# "a median time of 258 days (55–3,784)": a median or mean, its unit after it, then the range it lies in, whose
# upper bound carries a thousands separator; read as citations it would be '55–3' and '784'.
_CENTRE_BEFORE = re.compile(r"\b(?:median|mean|average)\b[^()]{0,60}?(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                            r"(?:\s+[a-z]+){0,2}\s*$", re.IGNORECASE)
_GROUPED_RANGE = re.compile(r"^\s*(\d{1,3}(?:,\d{3})*)\s*[–—-]\s*(\d{1,3}(?:,\d{3})*)\s*$")


def centre_with_range(before: str, inner: str) -> bool:
    """'a median of 258 days (55–3,784)': the range a median or mean lies in, its numbers grouped by thousands."""
    bounds = _GROUPED_RANGE.match(inner)
    if not bounds or "," not in inner:
        return False
    centre = _CENTRE_BEFORE.search(before)
    if not centre:
        return False
    low, high = (int(b.replace(",", "")) for b in bounds.groups())
    return low <= float(centre.group(1).replace(",", "")) <= high


# "The estimated mean (SD) BV was 5.1 (1.0) L ... increased BV by 720 (210) and (920) (223) mL": where the line says
# its parentheses hold an SD, one number in parentheses right after a larger value (printed bare or, by a slip, in
# parentheses of its own) is that value's SD; a citation after a value ("a cutoff of 71 (15)") is not announced so.
_SD_SAID = re.compile(r"\((?:SD|SEM?|s\.d\.)\)")
_VALUE_OR_PAREN_BEFORE = re.compile(r"(?<![\w.,])\(?(\d+(?:\.\d+)?)\)?$")


def sd_said_before(line: str, before: str, inner: str) -> bool:
    """'mean (SD) ... 720 (210)': the SD of the value right before it, in a line that says what the brackets hold."""
    # The line must have said it before the number: '... men over 60 (1). ... mean (SD) age' cites 1.
    if not inner.strip().isdigit() or not _SD_SAID.search(before) or before[-1:] != " ":
        return False
    value = _VALUE_OR_PAREN_BEFORE.search(before[:-1])
    return bool(value) and not looks_like_year(value.group(1)) and int(inner) < float(value.group(1))


_LAST_WORDS = re.compile(r"(?:[A-Za-z]+[- ])?[A-Za-z]+$")


def spelled_before(before: str, inner: str) -> bool:
    """'at least six (6) weeks', 'ninety (90) days': a number restated in digits after its word, as policies print
    counts, is no citation."""
    if not inner.isdigit():
        return False
    words = _LAST_WORDS.search(before)
    if not words:
        return False
    from kb.estimates.numbers import word_or_number  # only here: most lines never get this far

    return any(word_or_number(w) == int(inner) for w in (words.group(0), words.group(0).split()[-1].split("-")[-1]))


# "41% [13] diagnoses among 32 infants", "24% (8) of 33": a percentage, its count in brackets, then the denominator a
# few words on; the three agree (13 of 32 is 41%), which a citation's number would not.
_PERCENT_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?%\s*$")
_DENOMINATOR_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:of|among|out\s+of|in)\s+(?:the\s+)?(\d+)\b")


def percent_with_count(before: str, inner: str, after: str) -> bool:
    """'41% [13] diagnoses among 32 infants': the bracketed number is the percentage's count."""
    percent = _PERCENT_BEFORE.search(before.rstrip())
    denominator = _DENOMINATOR_AFTER.match(after) if percent and inner.strip().isdigit() else None
    if not denominator:
        return False
    count, of = int(inner), int(denominator.group(1))
    return 0 < count <= of and abs(100 * count / of - float(percent.group(1))) <= 1.0


# 'Ninety-four participants (25, 23, 21, 25) completed the study': the groups' sizes after the count they add up to;
# citations would not sum to the number right before them.
_COUNT_BEFORE = re.compile(r"(?<![\w.-])(\d{1,6}|[A-Za-z]+(?:[- ][A-Za-z]+)?)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")


# '... if symptoms developed \u22647 days of arrival (3,4)': a bound or a span of time is no total that groups' sizes add
# up to; EID's citations after it summed to it by chance.
_NO_TOTAL = re.compile(r"(?:[<>\u2264\u2265]|\b(?:within|after|before|for|over|under|than|least|most))\s*$", re.IGNORECASE)
_TIME_UNIT = re.compile(r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b", re.IGNORECASE)


def parts_of_count(before: str, inner: str) -> bool:
    """'Ninety-four participants (25, 23, 21, 25)': two or more numbers that add up to the count just before."""
    parts = re.split(r"\s*[,;]\s*", inner.strip())
    if len(parts) < 2 or not all(p.isdigit() for p in parts):
        return False
    count = _COUNT_BEFORE.search(before.rstrip())
    if not count or _NO_TOTAL.search(before.rstrip(), 0, count.start(1)) or _TIME_UNIT.match(before.rstrip(), count.end(1)):
        return False
    from kb.estimates.numbers import word_or_number  # only here: most lines never get this far

    words = count.group(1)
    total = word_or_number(words)
    if total is None and " " in words:
        total = word_or_number(words.split()[-1])
    return total is not None and total == sum(int(p) for p in parts)


# A figure's key: 'Numbers in brackets show the type of the spray combination. [1] placebo; [2] decongestant; [3]
# anesthetic; [4] ...': brackets numbered 1, 2, 3 ... in order, each before a short label and a semicolon, name the
# key's items; citations are not set one after another with a word each between them.
# The same numbering runs through a sentence's list of criteria: 'excluded from the study: [1] age under 16 years or
# over 70 years; [2] received antibiotic and/or PPI treatment(s) within 2 weeks of study commencement; ... or [6]
# suspected of having malignant disease(s).' Such an item may be longer, hold a stop inside a name (*H. pylori*)
# and have 'and' or 'or' before the last bracket.
_KEY_ITEM = re.compile(r"(?:(?:and|or)\s+)?(\[(\d{1,2})\])\s+(?:[^\[\];.|]|\.(?=\s+[a-z*(]|\w)){1,120}"
                       r"(?:;\s*|\.(?=\s|$)|\s*$)")


def key_items(line: str) -> set[int]:
    """Starts of the brackets of a numbered key of three items or more, counted from 1, each closed by a semicolon
    (the last by the line's end or a stop)."""
    run: list[re.Match] = []
    best: list[re.Match] = []
    for m in _KEY_ITEM.finditer(line):
        follows = run and int(m.group(2)) == int(run[-1].group(2)) + 1 and m.start() == run[-1].end()
        run = run + [m] if follows else ([m] if m.group(2) == "1" else [])
        if len(run) > len(best):
            best = run
    return {m.start(1) for m in best} if len(best) >= 3 else set()
