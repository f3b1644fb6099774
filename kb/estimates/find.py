"""Find reported estimates with intervals in one sentence of text (pure).

Reads the common ways of writing a result: ``(MD = 0.17; 95% CI, -0.39 to
0.73; P = .56)``, ``(RR, 1.22; 95% CI, 0.70 to 2.12)``, ``(odds ratio [OR] =
1.31; ...)``, ``(standard mean difference: 0.98; 95% CI 0.40-1.57)``,
``48% (95% CI, 27% to 68%)``, ``5.2 points (95% confidence interval, 2.9 to
7.4; p < 0.001)``, and an unlabelled ``(2.6; 1.74 to 3.37; p < 0.001)``.
Numbers stay as printed; nothing here decides whether they make sense.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kb.patterns import lazy
from .numbers import MEASURE, MINUS, NUM, canonical_measure, to_float

_SEP = r"\s*(?:to|\u2013|\u2014|\u2012|-|,)\s*"
# A bound may carry a plus sign ("[-3.0 to +2.7]"): it is left outside the number, which stays a plain decimal.
_BOUND_LOW = rf"(?:\+\s?)?(?P<low>{NUM})(?:\s?%)?"
_BOUND_HIGH = rf"(?:\+\s?)?(?P<high>{NUM})(?:\s?%)?"
# "C.I." ends in a point, so the word boundary that closes the other names cannot follow it.
_INTERVAL_NAME = r"(?:(?:CI|CrI|Cl|UI|confidence intervals?|credible intervals?|uncertainty intervals?)\b|C\.I\.)"
# A "the" before the level belongs to the interval's label: "(mean: 3.0%; the 95% CI: 2.3 to 3.7%)".
_ANCHOR = lazy(
    rf"(?:\bthe\s+)?(?P<level>\d{{2}}(?:\.\d+)?)\s?%[\s-]?{_INTERVAL_NAME}"  # "95% CI", "95%-CI"
    r"(?:\s*[(\[](?:CI|CrI|UI)[)\]])?"  # "95% confidence interval (CI) 2.90-14.95", "... [CI] = 23.0-31.0"
    rf"\s*(?:[,:=]\s*)?(?P<open>[\[(])?\s*(?:from\s+)?(?P<bounds>{_BOUND_LOW}{_SEP}{_BOUND_HIGH})(?(open)\s*[\])])",
    re.IGNORECASE)
# The interval's name with its level after it or with none: "CI 95%: 7.56-343.73", "(CI 95% -2.11 to 0.19)",
# "(OR of 0.47; CI: 0.38-0.57", "CI [0.27-1.24]". Only the abbreviation, and only where the measure's value is read
# before it (``find_estimates``): a bare "CI" might be a cardiac index.
_ANCHOR_LOOSE = lazy(
    rf"(?<![\w%-])(?:CI|C\.I\.)(?:\s*\(?(?P<level>\d{{2}}(?:\.\d+)?)\s?%\)?)?"
    rf"\s*(?:[,:=]\s*)?(?P<open>[\[(])?\s*(?P<bounds>{_BOUND_LOW}{_SEP}{_BOUND_HIGH})(?(open)\s*[\])])")
# Words that qualify a measure or name the group it is for, before its name: "(Summary OR = 11.6, 95% CI ...)",
# "(National AOR = 2.97, 95% CI ...)", "[DM: HR 6.59, ...; non-DM: HR 4.42, ...]". The measure's name stays
# required; with no name, only "mean" or "median" may stand before the value ("(mean 30.3 days, 95% CI ...)").
_QUALIFIER = r"(?:[^\W\d_][\w'\u2010-]*:?\s+){0,4}?"
# An interval with no "95% CI" label, in parentheses after its estimate: "(2.6; 1.74 to 3.37; ...)".
_BARE = lazy(rf"\(\s*(?P<value>{NUM})\s*;\s*{_BOUND_LOW}\s+to\s+{_BOUND_HIGH}\s*(?=[;)])")
# A unit of measurement as printed after a value: "kg", "kcal", "mmol/l", "ng/mL", "cm/sec", "IU/kg", "L".
_UNIT_WORD = r"(?:[\u00b5\u03bcnmcd]?(?:mol|g|L|l)|kg|kcal|IU|U|mm ?Hg|cm|mm|m|ms|sec|s|min|h|hrs?|bpm)"
_MEASURE_UNIT = rf"(?:{_UNIT_WORD}(?:\s?/\s?(?:{_UNIT_WORD}|m2|m\u00b2|day|d|week|year))*(?![\w/\u00b2]))"
# "difference 0.04 kg", "between-group difference of -2.6": a difference said in words, which names no measure
# of its own but says the number is one.
_DIFFERENCE_WORDS = (r"(?i:(?:(?:mean|median|between[- ]groups?|adjusted|absolute)\s+)?differences?"
                     r"(?:\s+(?:between|in)\s+(?:the\s+)?(?:means|groups))?(?:\s*(?:of|was|=|:))?)")
_INSIDE = lazy(rf"^\s*(?:{_QUALIFIER}(?P<name>{MEASURE})\s*(?:=|:|,|\bof\b)?\s*|(?P<said>{_DIFFERENCE_WORDS})\s*|"
               rf"(?i:mean|median):?\s+)?\+?(?P<value>{NUM})\s*"
               r"(?P<unit>%|percentage points?|points?|mm ?Hg|kg|cm|mm|days?|weeks?|months?|years?|hours?|"
               rf"{_MEASURE_UNIT})?"
               # "-8.2 points on a 0-100 scale, 95% CI"
               r"(?:\s+on\s+(?:a|the)\s+[^,;()]{1,40}?\s+scale)?\s*[;,:]?\s*$")
# A rate's denominator is no estimate: in '8.6/1,000 (95% CI 6.3-10.9)' the number after the slash (or the digits
# after a thousands comma) is left alone.
_OUTSIDE = lazy(
    rf"(?:(?P<name>{MEASURE}|{_DIFFERENCE_WORDS})\s*(?:=|:|,|\bof\b|\bwas\b)?\s*)?"
    rf"(?<![\w./])(?<!\d,)(?<![\w.][{MINUS}])(?P<value>{NUM})\s*"
    # a unit of measurement only after a measure's name: "mean difference -4.2 mm Hg (95% CI ...)", but not
    # the time point in "pain at 12 months (95% CI ...)"
    r"(?P<unit>%|percentage points?|points?|(?(name)(?:mm ?Hg|kg|cm|mm|days?|weeks?|months?|years?|"
    rf"{_MEASURE_UNIT})))?\s*$")
# A mean and the "\u00b1" of its standard deviation right before the number an interval follows.
_SPREAD_BEFORE = lazy(rf"(?<![\w.])(?P<value>{NUM})\s*(?:\u00b1|\+/-)\s*$")
_P_BEFORE = lazy(r"(?<![A-Za-z])[Pp]\s*(?:-?\s*values?)?\s*[=<>\u2264\u2265]\s*$")
# A comparison sign before the number: a threshold ('Patients with CD4 < 350' over '(95% CI 1.19 to 5.02)', a WHO
# evidence table read as lines), never an estimate, which is printed as a value.
_THRESHOLD_BEFORE = lazy(r"[<>\u2264\u2265]\s*$")
# 'was 0.027 at day 90 (95% credible interval, -0.146 to 0.199)': the number after a time's word names the day or
# week the result is for, not the result.
_TIME_BEFORE = lazy(r"\b(?:[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear|[Vv]isit|[Cc]ycle)\s*$")
# "PE: 49%, " or "aOR 2.5," right before an unparenthesised "95% CI ...".
_NAMED_TAIL = lazy(rf"(?P<name>{MEASURE})\s*(?:=|:|,|\bof\b|\bwas\b)?\s*(?P<value>{NUM})\s*(?P<unit>%)?\s*[;,]?\s*$")
# "0.51 times the rate", "2.3 times the odds", "1.8-fold risk": a ratio in words.
_TIMES = lazy(rf"(?<![\w.])(?P<value>{NUM})\s*(?:times|-fold)\s+(?:(?:the|as|higher|lower|greater|increased|"
                    r"reduced|high|likely)\s+){0,3}(?P<word>rate|risk|odds|hazard|incidence)\b", re.IGNORECASE)
_TIMES_MEASURE = {"rate": "IRR", "incidence": "IRR", "risk": "RR", "odds": "OR", "hazard": "HR"}
# A measure's name, its value and a bracketed interval with no "95% CI" label: "aOR: 2.5 [1.6-3.9]".
_NAMED_BARE = lazy(
    rf"(?P<name>{MEASURE})\s*(?:=|:|,)?\s*(?P<value>{NUM})\s*[\[(]\s*(?P<low>{NUM})(?:\s?%)?"
    rf"\s*(?:to|\u2013|\u2014|-|,)\s*(?P<high>{NUM})(?:\s?%)?\s*[\])]")
# What every _NAMED_BARE match holds (its value's last digit, the bracket, the low bound's first character):
# a cheap search that spares most sentences the scan for a measure's name at every position.
_NAMED_BARE_CUE = lazy(rf"\d\s*[\[(]\s*[{MINUS}.\d]")
_P = lazy(r"(?<![A-Za-z])[Pp]\s*(?:-?\s*values?)?\s*(?P<op><=|>=|[=<>\u2264\u2265])\s*(?P<num>\d*\.\d+|\d+)"
         r"(?:(?:\s*[\u00d7x\u22c5\u00b7]\s*10\s*(?:\^|\*\*)?\s*|[eE])(?P<exp>[-\u2212\u2013]\s*\d{1,3}))?")
_I2 = lazy(rf"\bI\s?(?:\u00b2|\^2|2|-squared)\s*(?:=|:|,|\bof\b|\bwas\b)?\s*(?P<v>{NUM})\s?%")
# The interval announced in the measure's label, the numbers after it: "The mean difference (95% CI) was 2.1 (0.5 to
# 3.7)", "AMTD (95% CI) Q1-Q3 vs Q4: -0.21 (-0.64 to 0.23)", an abbreviation the text defined standing for the measure.
_HEADED = lazy(
    rf"(?P<name>{MEASURE}|\b[A-Z]{{2,6}}\b)\s*\(\s*(?P<level>\d{{2}}(?:\.\d+)?)\s?%\s*(?:CI|confidence intervals?)\s*\)"
    rf"[^;.()]{{0,80}}?(?:\b(?:was|were|is|of)|[:=])\s*(?P<value>{NUM})\s*(?P<unit>%)?\s*\(\s*{_BOUND_LOW}{_SEP}{_BOUND_HIGH}"
    r"\s*(?=[;)])")
_CLAUSE_END = lazy(r"[;.](?:\s|$)")
_COMPARATIVE_AFTER = lazy(r"^\s*(?:more|fewer|less|greater|higher|lower)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    start: int  # where the result's own text begins: its parenthesis, or the value printed before it
    end: int  # just after the closing parenthesis (or the interval)
    measure_printed: str
    measure: str
    value: str  # "" if no estimate could be read next to the interval
    low: str
    high: str
    level: str  # "95%" or ""
    p: str  # ".56", "<0.05" or ""
    unit: str
    i2: str


# A printed result (its parenthesis, label, estimate, interval and p-value) fits well inside
# this many characters. Every scan around an interval stays within it, so a pathological
# sentence (a run of 20,000 digits, thousands of unclosed parentheses) costs linear time.
_REACH = 400


def _open_paren(text: str, pos: int) -> int:
    """Offset of the unmatched '(' or '[' enclosing ``pos`` (looking back at most _REACH characters), or -1."""
    depth = 0
    for i in range(pos - 1, max(-1, pos - 1 - _REACH), -1):
        if text[i] in ")]":
            depth += 1
        elif text[i] in "([":
            if depth == 0:
                return i
            depth -= 1
    return -1


def _close_paren(text: str, pos: int) -> int:
    """Offset just after the ')' closing the group that is open at ``pos``, or the end of the clause
    (both looked for within _REACH characters)."""
    limit = min(len(text), pos + _REACH)
    depth = 0
    for i in range(pos, limit):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            if depth == 0:
                return i + 1
            depth -= 1
    stop = _CLAUSE_END.search(text, pos, limit)
    return stop.start() if stop else limit


def _p_text(p: re.Match | None) -> str:
    """The printed p as its operator and a decimal: 'p = 1.4 \u00d7 10<sup>\u22124</sup>' is '0.00014', with
    the digits it was printed with (so its rounding is the printed one)."""
    if not p:
        return ""
    num = p.group("num")
    if p.group("exp"):
        num = format(Decimal(num).scaleb(-int(re.sub(r"\D", "", p.group("exp")))), "f")
    return ("" if p.group("op") == "=" else p.group("op")) + num


# A p-value printed with another test's name ("Gray's test p=0.007", "log-rank p = 0.01", "Fisher's exact test,
# p = 0.04") comes from that test, not from the estimate's interval, and may rightly differ from it.
_OTHER_TEST = lazy(r"(?:\btests?|\blog-?rank|\bexact|\u03c7\s*2|\u03c7\u00b2|\bchi-?squared?)\W*$", re.IGNORECASE)


# 'p=0.007 for non-inferiority', 'non-inferiority P < 0.001': a test against the margin, not the null, so its p
# need not match the interval's distance from the null.
_MARGIN_TEST_AFTER = lazy(r"\s*(?:for|of)\s+(?:non-?\s?inferiority|equivalence)\b", re.IGNORECASE)
_MARGIN_TEST_BEFORE = lazy(r"\bnon-?\s?inferiority\W*$", re.IGNORECASE)


def _own_p(tail: str, p: re.Match | None) -> re.Match | None:
    """The p-value match, unless the words right before it name another test or those around it a margin's."""
    if p is None or _OTHER_TEST.search(tail, 0, p.start()) or _MARGIN_TEST_BEFORE.search(tail, 0, p.start()):
        return None
    return None if _MARGIN_TEST_AFTER.match(tail, p.end()) else p


def _p_and_i2(tail: str) -> tuple[str, str]:
    p = _own_p(tail, _P.search(tail))
    p_text = _p_text(p)
    i2 = _I2.search(tail)
    return p_text, (i2.group(0) if i2 else "")


def _measure_from_words(before: str, unit: str, after: str) -> tuple[str, str]:
    """(canonical, printed) when the numbers carry no measure name of their own."""
    named = list(re.finditer(MEASURE, before[-80:]))
    if named:
        return canonical_measure(named[-1].group(0)), ""
    if unit == "%":
        comparative = re.search(r"\bdifferences?\b", before[-80:], re.I) or _COMPARATIVE_AFTER.match(after)
        return ("RD" if comparative else "proportion"), ""
    if re.search(r"\bdifferences?\b", before[-120:], re.IGNORECASE):
        return "difference", ""
    return "", ""


# '95% uncertainty interval 6955–12 577': a bound printed with a space between its thousands, as British and
# European journals print large sums. Read so only where the bound as cut is below the lower one and whole.
_SPACED_THOUSANDS = lazy(r"[ \u00a0\u2009\u202f]\d{3}(?![\d.,])")


def _upper_bound(text: str, m: re.Match) -> str:
    """The upper bound as printed: '12 577' where the match stopped at '12' and 12 is below the lower bound."""
    high = m.group("high")
    more = _SPACED_THOUSANDS.match(text, m.end("high"))
    if not more or not high.isdigit() or not m.group("low").replace(",", "").isdigit():
        return high
    joined = high + more.group(0)
    low = int(m.group("low").replace(",", ""))
    return joined if int(high) < low <= to_float(joined) else high


def _labelled(text: str, m: re.Match) -> Found:
    group = _open_paren(text, m.start())
    head = text[group + 1: m.start()] if group >= 0 else text[max(0, m.start() - _REACH):m.start()]
    segment = head.rstrip(" ;,").split(";")[-1]
    end = _close_paren(text, m.end()) if group >= 0 else m.end()
    p, i2 = _p_and_i2(text[m.end():end])
    if not p and group >= 0 and text[group] == "[":
        p = _p_right_after(text, end)
    inside = _INSIDE.match(segment) if segment.strip(" ;,") else None
    part = segment.rstrip(" ;,").rsplit(",", 1)[-1] if group >= 0 and not inside and "," in segment else ""
    named_part = _INSIDE.match(part) if part else None
    if named_part and named_part.group("name"):
        # "(P < 0.001, OR: 51.0, CI 95%: 7.56-343.73)": the named measure is the comma-list's last item
        inside, start = named_part, group + 1 + head.rfind(part)
        name, value, unit = inside.group("name"), inside.group("value"), inside.group("unit") or ""
    elif inside:
        start, name, value, unit = group if group >= 0 else m.start() - len(segment), \
            inside.group("name") or inside.group("said") or "", inside.group("value"), inside.group("unit") or ""
    else:
        before = max(0, group - _REACH)
        outside = _OUTSIDE.search(text, before, group) if group >= 0 and not segment.strip(" ;,") else None
        if outside and not outside.group("name") and _P_BEFORE.search(text, max(0, outside.start("value") - 12),
                                                                     outside.start("value")):
            outside = None  # "t(10) = 3.08, p = .012 (95% CI = .34 to 2.11)": a p-value is no estimate
        if outside and not outside.group("name") and (_THRESHOLD_BEFORE.search(
                text, max(0, outside.start("value") - 4), outside.start("value")) or _TIME_BEFORE.search(
                text, max(0, outside.start("value") - 12), outside.start("value"))):
            outside = None
        spread = _SPREAD_BEFORE.search(text, max(0, outside.start("value") - 24), outside.start("value")) \
            if outside and not outside.group("name") else None
        if spread:
            # "54.6 \u00b1 23.0 [95% CI, 51.4, 57.8]": the mean and its standard deviation, then the mean's interval
            start, name, value, unit = spread.start("value"), "", spread.group("value"), outside.group("unit") or ""
        elif outside:
            start, name, value, unit = outside.start("value") if not outside.group("name") else outside.start(), \
                outside.group("name") or "", outside.group("value"), outside.group("unit") or ""
        else:
            start, name, value, unit = _before_group(text, group, segment, m)
    if "%" in m.group("bounds") and not unit:
        unit = "%"
    measure = _TIMES_MEASURE.get(name[len("times the "):], "") if name.startswith("times the ") else \
        _named_measure(name) if name else ""
    if not measure:
        measure, _ = _measure_from_words(text[max(0, start - _REACH):start], unit, text[end:end + _REACH])
    level = m.group("level")
    return Found(start, end, name, measure, value, m.group("low"), _upper_bound(text, m),
                 level + "%" if level else "", p, unit, i2)


def _named_measure(name: str) -> str:
    """The measure a printed name gives: its canonical code, or "difference" for a difference said in words."""
    return canonical_measure(name) or ("difference" if re.search(r"\bdifferences?\b", name, re.IGNORECASE) else "")


def _before_group(text: str, group: int, segment: str, m: re.Match) -> tuple[int, str, str, str]:
    """(start, name, value, unit) of an estimate printed before its interval in the less common ways.

    "PE: 49%, 95%CI: -459-95%" (no parenthesis: only with a measure's name right before the interval), and
    "0.51 times the rate of ... (95%CI 0.28-0.95)" (a ratio in words, in the same clause). Nothing otherwise:
    a number before an interval is not its estimate unless the text says what it is.
    """
    if group < 0:
        named = _NAMED_TAIL.search(segment)
        if named:
            at = m.start() - len(segment) + named.start()
            return at, named.group("name"), named.group("value"), named.group("unit") or ""
        return m.start(), "", "", ""
    clause = text[max(0, group - _REACH):group]
    clause = clause[max(clause.rfind(". "), clause.rfind(";")) + 1:]
    times = list(_TIMES.finditer(clause))
    if times:
        t = times[-1]
        return group - len(clause) + t.start(), f"times the {t.group('word').lower()}", t.group("value"), ""
    return group, "", "", ""


def _bare(text: str, m: re.Match) -> Found:
    end = _close_paren(text, m.start() + 1)
    p, i2 = _p_and_i2(text[m.end():end])
    measure, _ = _measure_from_words(text[max(0, m.start() - _REACH):m.start()], "", text[end:end + _REACH])
    return Found(m.start(), end, "", measure, m.group("value"), m.group("low"), m.group("high"), "", p, "", i2)


_THEN_P = lazy(r"[,;]\s*(?=[Pp]\b)")


def _p_right_after(text: str, end: int) -> str:
    """'OR = 10.1 [2.0-50.5], p = 0.005', '(RR 0.81 [95% CI, 0.70-0.94]; P = .005)': the p printed right after
    a bracketed interval, past its comma or semicolon, is the estimate's own."""
    lead = _THEN_P.match(text, end)
    direct = _P.match(text, lead.end()) if lead else None
    return _p_text(direct)


def _named_bare(text: str, m: re.Match) -> Found:
    end = _close_paren(text, m.end()) if text[m.end():m.end() + 1] == ";" else m.end()
    p, i2 = _p_and_i2(text[m.end():end])
    p = p or _p_right_after(text, m.end())
    return Found(m.start(), m.end(), m.group("name"), canonical_measure(m.group("name")), m.group("value"),
                 m.group("low"), m.group("high"), "", p, "%" if "%" in m.group(0) else "", i2)


def _headed(text: str, m: re.Match) -> Found:
    end = _close_paren(text, m.end())
    p, i2 = _p_and_i2(text[m.end():end])
    p = p or _p_right_after(text, end)
    name = m.group("name")
    measure = canonical_measure(name) if re.fullmatch(MEASURE, name) else ""
    if not measure:  # an abbreviation the text defined: its words say what it measures
        measure, _ = _measure_from_words(text[max(0, m.start() - _REACH):m.end("level")], m.group("unit") or "", "")
    return Found(m.start(), end, name, measure, m.group("value"), m.group("low"), m.group("high"),
                 m.group("level") + "%", p, m.group("unit") or "", i2)


def find_estimates(text: str) -> list[Found]:
    """Every estimate with an interval in ``text``, in reading order."""
    if "%" not in text and ";" not in text and "[" not in text:  # no interval is printed without one of these
        return []
    found = [_labelled(text, m) for m in _ANCHOR.finditer(text)]
    taken = [(f.start, f.end) for f in found]
    for m in _ANCHOR_LOOSE.finditer(text) if "CI" in text or "C.I." in text else ():
        loose = _labelled(text, m) if not any(a <= m.start() < b for a, b in taken) else None
        if loose and loose.value:  # a bare "CI" counts only with the measure's value read before it
            found.append(loose)
            taken.append((loose.start, loose.end))
    for m in _BARE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append(_bare(text, m))
            taken.append((found[-1].start, found[-1].end))
    for m in _HEADED.finditer(text) if "CI)" in text or "interval)" in text else ():
        if not any(a <= m.start("value") < b for a, b in taken):
            found.append(_headed(text, m))
            taken.append((found[-1].start, found[-1].end))
    for m in _NAMED_BARE.finditer(text) if _NAMED_BARE_CUE.search(text) else ():
        # whole numbers only ("OR 2 (1-3)") are too like other things to read
        if "." in m.group(0) and not any(a <= m.start("value") < b for a, b in taken):
            found.append(_named_bare(text, m))
    return sorted(found, key=lambda f: f.start)


def find_i2(text: str) -> list[re.Match]:
    return list(_I2.finditer(text)) if "%" in text else []
