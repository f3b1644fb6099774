"""An estimate printed on the log scale: a ratio's logarithm is a difference from 0, not the ratio itself."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kb.patterns import lazy
from .numbers import MEASURE

if TYPE_CHECKING:
    from .find import Found

_RATIOS = frozenset({"RR", "OR", "HR", "IRR", "GMR", "PR"})
# 'log OR, 2.94; 95% CI, -2.19 to 8.07', '(log hazard ratio 0.30, ...)', 'ln(OR) = 1.2': a ratio's logarithm, which
# is a difference from 0 (it may be negative, and its interval is symmetric), not the ratio itself.
_LOG_BEFORE = lazy(r"\b(?:log|ln)(?:[-\s]+|\s*\(\s*)$", re.IGNORECASE)
_LOG_REACH = 40


def on_log_scale(text: str, f: Found) -> Found:
    """The estimate read as a difference when the ratio it names is printed as its logarithm: the name is the last
    one printed before the estimate's value (or, with no value read, before its interval)."""
    if f.measure not in _RATIOS:
        return f
    at = text.find(f.low, f.start, f.end) if f.low else -1
    at = f.end if at < 0 else at
    if f.value:
        value = text.rfind(f.value, f.start, at)
        at = value if value >= 0 else at
    reach = max(0, at - _LOG_REACH)
    names = list(re.finditer(MEASURE, text[reach:at]))
    if not names or not _LOG_BEFORE.search(text, 0, reach + names[-1].start()):
        return f
    return replace(f, measure="difference", measure_printed=f"log {names[-1].group(0)}")
