"""When a number printed next to an interval is no estimate (pure; used by ``kb.estimates.find``).

A wrong estimate is worse than none: a number read as a result when it is a p-value, a threshold, a time point,
the end of a range, an interval's level or a heart rate would give a committee a finding about nothing.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from .numbers import to_float
from .find_forms import OUTSIDE, P_BEFORE, THRESHOLD_BEFORE, TIME_BEFORE, UNIT_OUTSIDE

# 'ranging from 4 to 5 (CI: 4.31-4.79)': the number after "N to" ends a range; the interval is the mean's.
_RANGE_END_BEFORE = lazy(r"\d\s+to\s+$")
# '(95 CI, 1-5)': a level printed without its per cent sign, read as a value before a bare "CI".
_LEVEL_BEFORE = lazy(r"(?<![\d.])(?:80|90|95|99)\s*$")
# "HR 72.5 (65.0-80.0) bpm", "RR 18 (16-20) breaths/min", "vital signs: HR 80.5 (70.0-90.0)": HR and RR are also
# the heart and breathing rates, printed with a median and its range and no interval's label.
_VITAL_AFTER = lazy(r"\s*(?:bpm|beats|breaths|/\s?min\b|per\s+min)", re.IGNORECASE)
_VITAL_BEFORE = lazy(r"\b(?:vital|heart|pulse|respiratory|breathing)\b", re.IGNORECASE)
_REACH = 400


def _no_estimate_before(text: str, at: int) -> bool:
    """The words right before an unnamed number at ``at`` make it a p-value ('t(10) = 3.08, p = .012 (95% CI
    ...)'), a threshold ('CD4 < 350 (95% CI ...)'), a time point ('at day 90 (95% credible interval ...)') or the
    end of a range."""
    return bool(P_BEFORE.search(text, max(0, at - 12), at) or THRESHOLD_BEFORE.search(text, max(0, at - 4), at)
                or TIME_BEFORE.search(text, max(0, at - 12), at) or _RANGE_END_BEFORE.search(text, max(0, at - 16), at))


def value_before(text: str, group: int, m: re.Match, end: int) -> re.Match | None:
    """The value printed right before the parenthesis at ``group`` that holds the interval ``m`` (closing at
    ``end``), or None.

    A unit after an unnamed value is read only when the bounds carry the same unit ('-31.4 cm2 (95% CI -56.5 cm2 to
    -6.3 cm2)'; a time point, 'pain at 12 months (95% CI ...)', does not repeat in its bounds) and the value lies
    between them: 'lost 7.3 kg (95% CI -5.8 to -8.8 kg)' prints a loss as a positive number and its interval as
    negative ones, which is no defect to report.
    """
    start = max(0, group - _REACH)
    outside = OUTSIDE.search(text, start, group)
    if outside is None:
        with_unit = UNIT_OUTSIDE.search(text, start, group)
        if not with_unit or not _between(with_unit.group("value"), m.group("low"), m.group("high")) or not re.search(
                rf"\d\s?{re.escape(with_unit.group('unit'))}(?![\w/])", text[m.start("bounds"):end]):
            return None
        outside = with_unit
    if not outside.group("name") and _no_estimate_before(text, outside.start("value")):
        return None
    return outside


def _between(value: str, low: str, high: str) -> bool:
    v, a, b = (to_float(t) for t in (value, low, high))
    return min(a, b) <= v <= max(a, b)


def level_before(text: str, at: int) -> bool:
    """'(95 CI, 1-5)': the number before a bare 'CI' at ``at`` is its level, printed without '%'."""
    return bool(_LEVEL_BEFORE.search(text, max(0, at - 6), at))


def vital_sign(text: str, m: re.Match) -> bool:
    """A named 'HR' or 'RR' with a bracketed pair that is a heart or breathing rate and its range."""
    if m.group("name") not in ("HR", "RR"):
        return False
    return bool(_VITAL_AFTER.match(text, m.end()) or _VITAL_BEFORE.search(text, max(0, m.start() - 120), m.start()))
