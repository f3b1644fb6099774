"""Where an interval lies, allowing for rounding, and the issue record the consistency tests return.

Shared by ``consistency`` (is a result consistent with itself) and ``pvalues``
(does its p-value agree with its interval), so neither imports the other.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .model import EffectEstimate, half_unit


@dataclass(frozen=True)
class Issue:
    code: str
    severity: str
    message: str
    suggestion: str


def usable(e: EffectEstimate) -> bool:
    """Estimate and both bounds are numbers (a NaN means the text could not be read as one)."""
    return not any(math.isnan(v) for v in (e.estimate, e.ci_low, e.ci_high))


def rounding_limits(text: str, value: float) -> tuple[float, float]:
    """The unrounded values a number printed as ``text`` may stand for ('0.71' -> 0.705 to 0.715)."""
    h = half_unit(text)
    return value - h, value + h


def null_position(e: EffectEstimate) -> str:
    """'excludes', 'includes' or 'touches' (a bound within rounding of the null); '' if unknown."""
    if e.null is None or not usable(e) or e.ci_low > e.ci_high:
        return ""
    lo_min, lo_max = rounding_limits(e.ci_low_text, e.ci_low)
    hi_min, hi_max = rounding_limits(e.ci_high_text, e.ci_high)
    if lo_min > e.null or hi_max < e.null:
        return "excludes"
    if lo_max < e.null < hi_min:
        return "includes"
    return "touches"
