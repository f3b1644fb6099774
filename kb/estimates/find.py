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
from dataclasses import dataclass, replace

from kb.patterns import lazy
from .find_p import p_and_i2, p_right_after
from .find_guards import level_before, value_before, vital_sign
from .log_scale import on_log_scale
from .numbers import MEASURE, canonical_measure, sign_joined, to_float, without_currency
from .find_forms import (ANCHOR, ANCHOR_LOOSE, BARE, CLAUSE_END, COMPARATIVE_AFTER, HEADED, I_SQUARED, INSIDE, NAMED_BARE,
                         NAMED_BARE_CUE, NAMED_TAIL, SAID_TAIL, SPREAD_BEFORE, TIMES, TIMES_MEASURE)


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
    stop = CLAUSE_END.search(text, pos, limit)
    return stop.start() if stop else limit


# 'no statistically significant difference in mRFS for GEMOX (30.4 months, CI: 15.4-43.0) compared to BSC (18.5
# months, CI: 12.6-38.2)': each arm's own value with its interval, set against the other's; the difference the
# sentence speaks of is between them, and neither is it
_ARM_AFTER = re.compile(r"^[)\]]?[^.;()]{0,40}?[*_]*\b(?:vs\.?|versus|compared\s+(?:to|with))[*_]*\s", re.IGNORECASE)
_ARM_BEFORE = re.compile(r"[*_]*\b(?:vs\.?|versus|compared\s+(?:to|with))[*_]*\s+[^.;()]{0,40}[(\[]?\s*$",
                         re.IGNORECASE)


def _measure_from_words(before: str, unit: str, after: str) -> tuple[str, str]:
    """(canonical, printed) when the numbers carry no measure name of their own."""
    named = list(re.finditer(MEASURE, before[-80:]))
    if named:
        return canonical_measure(named[-1].group(0)), ""
    if _ARM_AFTER.match(after) or _ARM_BEFORE.search(before):
        return ("proportion" if unit == "%" else ""), ""
    if unit == "%":
        comparative = re.search(r"\bdifferences?\b", before[-80:], re.I) or COMPARATIVE_AFTER.match(after)
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
    p, i2 = p_and_i2(text[m.end():end])
    if not p and group >= 0 and text[group] == "[":
        p = p_right_after(text, end)
    inside = INSIDE.match(segment) if segment.strip(" ;,") else None
    said_more = False
    part = segment.rstrip(" ;,").rsplit(",", 1)[-1] if group >= 0 and not inside and "," in segment else ""
    named_part = INSIDE.match(part) if part else None
    if named_part and named_part.group("name"):
        # "(P < 0.001, OR: 51.0, CI 95%: 7.56-343.73)": the named measure is the comma-list's last item
        inside, start = named_part, group + 1 + head.rfind(part)
        name, value, unit = inside.group("name"), inside.group("value"), inside.group("unit") or ""
    elif inside:
        start, name, value, unit = group if group >= 0 else m.start() - len(segment), \
            inside.group("name") or inside.group("said") or "", inside.group("value"), inside.group("unit") or ""
    else:
        outside = value_before(text, group, m, end) \
            if group >= 0 and not segment.strip(" ;,") else None
        spread = SPREAD_BEFORE.search(text, max(0, outside.start("value") - 24), outside.start("value")) \
            if outside and not outside.group("name") else None
        if spread:
            # "54.6 \u00b1 23.0 [95% CI, 51.4, 57.8]": the mean and its standard deviation, then the mean's interval
            start, name, value, unit = spread.start("value"), "", spread.group("value"), outside.group("unit") or ""
        elif outside:
            said_more = bool(outside.group("more"))
            start, name, value, unit = outside.start("value") if not outside.group("name") else outside.start(), \
                outside.group("name") or "", outside.group("value"), outside.group("unit") or ""
        else:
            start, name, value, unit = _before_group(text, group, segment, m)
    if "%" in m.group("bounds") and not unit:
        unit = "%"
    measure = TIMES_MEASURE.get(name[len("times the "):], "") if name.startswith("times the ") else \
        _named_measure(name) if name else ""
    if not measure:
        measure, _ = _measure_from_words(text[max(0, start - _REACH):start], unit, text[end:end + _REACH])
    if not measure and said_more:
        measure = "difference"  # "0.018 higher (95% CI ...)": the number is how much higher one arm is
    level = m.group("level")
    return Found(start, end, name, measure, value, m.group("low"), _upper_bound(text, m),
                 level + "%" if level else "", p, unit, i2)


def _named_measure(name: str) -> str:
    """The measure a printed name gives: its canonical code, or "difference" for a difference said in words."""
    return canonical_measure(name) or ("difference" if re.search(r"\bdifferences?\b", name, re.IGNORECASE) else "")


def _before_group(text: str, group: int, segment: str, m: re.Match) -> tuple[int, str, str, str]:
    """(start, name, value, unit) of an estimate printed before its interval in the less common ways.

    "PE: 49%, 95%CI: -459-95%" (no parenthesis: only with a measure's name right before the interval, or its name
    or difference words earlier in the clause and a verb or colon before the value: "the difference in change to 12
    months: 3.2, 95%-CI from 0.50 to 5.8"), and
    "0.51 times the rate of ... (95%CI 0.28-0.95)" (a ratio in words, in the same clause). Nothing otherwise:
    a number before an interval is not its estimate unless the text says what it is.
    """
    if group < 0:
        named = NAMED_TAIL.search(segment)
        if named:
            at = m.start() - len(segment) + named.start()
            return at, named.group("name"), named.group("value"), named.group("unit") or ""
        said = SAID_TAIL.search(segment)
        if said:  # "the mean difference at 12 months was 3.2, 95% CI ...": the measure's words, then the value
            return m.start() - len(segment) + said.start("value"), "", said.group("value"), said.group("unit") or ""
        return m.start(), "", "", ""
    clause = text[max(0, group - _REACH):group]
    clause = clause[max(clause.rfind(". "), clause.rfind(";")) + 1:]
    times = list(TIMES.finditer(clause))
    if times:
        t = times[-1]
        return group - len(clause) + t.start(), f"times the {t.group('word').lower()}", t.group("value"), ""
    return group, "", "", ""


def _bare(text: str, m: re.Match) -> Found:
    end = _close_paren(text, m.start() + 1)
    p, i2 = p_and_i2(text[m.end():end])
    measure, _ = _measure_from_words(text[max(0, m.start() - _REACH):m.start()], "", text[end:end + _REACH])
    return Found(m.start(), end, "", measure, m.group("value"), m.group("low"), m.group("high"), "", p, "", i2)


def _named_bare(text: str, m: re.Match) -> Found:
    end = _close_paren(text, m.end()) if text[m.end():m.end() + 1] == ";" else m.end()
    p, i2 = p_and_i2(text[m.end():end])
    p = p or p_right_after(text, m.end())
    return Found(m.start(), m.end(), m.group("name"), canonical_measure(m.group("name")), m.group("value"),
                 m.group("low"), m.group("high"), "", p, "%" if "%" in m.group(0) else "", i2)


def _headed(text: str, m: re.Match) -> Found:
    end = _close_paren(text, m.end())
    p, i2 = p_and_i2(text[m.end():end])
    p = p or p_right_after(text, end)
    name = m.group("name")
    measure = canonical_measure(name) if re.fullmatch(rf"{MEASURE}s?", name) else ""
    if not measure:  # an abbreviation the text defined: its words say what it measures
        measure, _ = _measure_from_words(text[max(0, m.start() - _REACH):m.end("level")], m.group("unit") or "", "")
    return Found(m.start(), end, name, measure, m.group("value"), m.group("low"), m.group("high"),
                 m.group("level") + "%", p, m.group("unit") or "", i2)


def find_estimates(text: str) -> list[Found]:
    """Every estimate with an interval in ``text``, in reading order."""
    plain = without_currency(text)
    if plain is text:
        return _find(text)
    # amounts of money: read without their signs, a minus kept with its number ('-\u00a31410' is '-1410')
    return [replace(f, value=sign_joined(f.value), low=sign_joined(f.low), high=sign_joined(f.high))
            for f in _find(plain)]


def _find(text: str) -> list[Found]:
    # no interval is printed without one of these: its level's "%", a "CI", a bracket, or a semicolon
    if "%" not in text and ";" not in text and "[" not in text and "CI" not in text and not NAMED_BARE_CUE.search(text):
        return []
    found = [_labelled(text, m) for m in ANCHOR.finditer(text)]
    taken = [(f.start, f.end) for f in found]
    for m in ANCHOR_LOOSE.finditer(text) if "CI" in text or "C.I." in text else ():
        # '(95 CI, 1-5)': the level without its '%' is no value
        loose = _labelled(text, m) if not any(a <= m.start() < b for a, b in taken) and not level_before(
            text, m.start()) else None
        if loose and loose.value:  # a bare "CI" counts only with the measure's value read before it
            found.append(loose)
            taken.append((loose.start, loose.end))
    for m in BARE.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            found.append(_bare(text, m))
            taken.append((found[-1].start, found[-1].end))
    for m in HEADED.finditer(text) if "CI)" in text or "CI]" in text or "interval)" in text else ():
        if not any(a <= m.start("value") < b for a, b in taken):
            found.append(_headed(text, m))
            taken.append((found[-1].start, found[-1].end))
    for m in NAMED_BARE.finditer(text) if NAMED_BARE_CUE.search(text) else ():
        # whole numbers only ("OR 2 (1-3)") are too like other things to read; "HR 72.5 (65.0-80.0) bpm" is a heart
        # rate and its range
        if "." in m.group(0) and not any(a <= m.start("value") < b for a, b in taken) and not vital_sign(text, m):
            found.append(_named_bare(text, m))
    return sorted((on_log_scale(text, f) for f in found), key=lambda f: f.start)


def find_i2(text: str) -> list[re.Match]:
    return list(I_SQUARED.finditer(text)) if "%" in text else []
