"""The p-value printed with an estimate and its interval (pure; used by ``kb.estimates.find``).

Which p belongs to the interval: the one in its parenthesis, or right after its bracket, unless another test's
name or a non-inferiority margin makes it that test's own; and "I\u00b2" when a pooled estimate prints it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from kb.patterns import lazy
from .find_forms import I_SQUARED, P_VALUE


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


# "p = 0.004, Fisher's exact test", "p = 0.02 (log-rank test)": the test named right after the p.
_OTHER_TEST_AFTER = lazy(r"\s*[,;(]?\s*(?:by\s+|using\s+|with\s+)?(?:the\s+|a\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
                         r"(?:exact\s+)?tests?\b|\s*[,;(]?\s*(?:by\s+)?(?:the\s+)?log-?rank\b", re.IGNORECASE)


def _own_p(tail: str, p: re.Match | None) -> re.Match | None:
    """The p-value match, unless the words right before or after it name another test or those around it a
    margin's."""
    if p is None or _OTHER_TEST.search(tail, 0, p.start()) or _MARGIN_TEST_BEFORE.search(tail, 0, p.start()):
        return None
    return None if _MARGIN_TEST_AFTER.match(tail, p.end()) or _OTHER_TEST_AFTER.match(tail, p.end()) else p


def p_and_i2(tail: str) -> tuple[str, str]:
    p = _own_p(tail, P_VALUE.search(tail))
    p_text = _p_text(p)
    i2 = I_SQUARED.search(tail)
    return p_text, (i2.group(0) if i2 else "")


_THEN_P = lazy(r"[,;]\s*(?=[Pp]\b)")


def p_right_after(text: str, end: int) -> str:
    """'OR = 10.1 [2.0-50.5], p = 0.005', '(RR 0.81 [95% CI, 0.70-0.94]; P = .005)': the p printed right after
    a bracketed interval, past its comma or semicolon, is the estimate's own."""
    lead = _THEN_P.match(text, end)
    direct = P_VALUE.match(text, lead.end()) if lead else None
    if direct and _OTHER_TEST_AFTER.match(text, direct.end()):
        return ""  # "OR = 0.09 [0.01-0.69], p = 0.004, Fisher's exact test": that test's p
    return _p_text(direct)
