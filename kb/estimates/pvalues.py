"""Does a printed p-value agree with its interval? (statcheck's idea, for estimates with intervals.)

From an estimate and its interval the standard error follows: on the log
scale for ratios, on the printed scale for differences, SE = (upper - lower)
/ (2 z), with z the normal quantile of the printed level (1.96 for 95%).
Then z = |estimate - null| / SE and p = 2 (1 - Phi(z)). Every printed number
may be off by half a unit of its last digit, so the recomputed p is a range,
and the printed p is a range too ("P = .56" is 0.555 to 0.565).

Two findings, as statcheck has:
- EST202 (error): a decision error - the printed p and the interval disagree
  about significance at the interval's level (p < 0.05 with a 95% interval
  that clearly includes the null, or the reverse).
- EST203 (warning): no decision error, but the ranges are clearly apart:
  further than 0.1 on the z scale and more than 10% of z. The margin covers
  the usual approximations (a t rather than a normal quantile in a small
  trial changes z by a few per cent), so only disagreements a reader would
  call different numbers are reported.
"""
from __future__ import annotations

import itertools
import math
import re
from statistics import NormalDist

from kb.patterns import lazy
from .interval import Issue, null_position
from .model import EffectEstimate, half_unit

_NORMAL = NormalDist()
# Geometric mean ratios come from small crossover (pharmacokinetic) trials whose intervals and p-values use t with
# about ten degrees of freedom: a normal quantile misjudges their p by an order of magnitude, so only a decision
# error (EST202) is judged for them.
_T_BASED = frozenset({"GMR"})
_P = lazy(r"^(?P<op><=|>=|[<>\u2264\u2265=]?)(?P<num>\d*\.?\d+)$")


def printed_range(p_text: str) -> tuple[float, float] | None:
    """The p-values a printed p stands for: '<0.05' -> (0, 0.05), '.56' -> (0.555, 0.565)."""
    m = _P.match(p_text.replace(" ", ""))
    if not m:
        return None
    value, op = float(m.group("num")), m.group("op")
    if op in ("<", "<=", "\u2264"):
        return 0.0, value
    if op in (">", ">=", "\u2265"):
        return value, 1.0
    h = half_unit(m.group("num"))
    return max(0.0, value - h), min(1.0, value + h)


def _span(text: str, value: float) -> tuple[float, float]:
    h = half_unit(text)
    return value - h, value + h


def _p_from_z(z: float) -> float:
    return math.erfc(z / math.sqrt(2))


_P_OF_ONE = 0.995  # "p = 1.00", "p = 1", "p > 0.99" printed


def _z_from_p(p: float) -> float:
    if p >= 1:
        return 0.0
    if p / 2 < 1e-300:  # beyond what floats resolve: as good as infinitely far from the null
        return math.inf
    return -_NORMAL.inv_cdf(p / 2)


def recomputed_range(e: EffectEstimate) -> tuple[float, float] | None:
    """(smallest, largest) p consistent with the printed estimate and interval, or None."""
    level = e.level
    if level is None or e.null is None or not 0 < level < 1:
        return None
    # An interval read with no estimate before it ('log OR, 2.94; 95% CI, -2.19 to 8.07' leaves the estimate unread,
    # NaN) gives no p: NaN passes every comparison below unnoticed and would reach the logarithm.
    if not all(math.isfinite(v) for v in (e.estimate, e.ci_low, e.ci_high)):
        return None
    crit = _NORMAL.inv_cdf(1 - (1 - level) / 2)
    g = math.log if e.scale == "ratio" else (lambda v: v)
    null = g(e.null)
    est_span = _span(e.estimate_text, e.estimate)
    corners = itertools.product(est_span, _span(e.ci_low_text, e.ci_low), _span(e.ci_high_text, e.ci_high))
    ps = []
    for est, lo, hi in corners:
        if (e.scale == "ratio" and min(est, lo, hi) <= 0) or hi <= lo:
            continue
        se = (g(hi) - g(lo)) / (2 * crit)
        ps.append(_p_from_z(abs(g(est) - null) / se))
    if not ps:
        return None
    if est_span[0] <= e.null <= est_span[1]:
        ps.append(1.0)  # the estimate may sit on the null itself
    return min(ps), max(ps)


def p_value_issue(e: EffectEstimate) -> Issue | None:
    if not e.p_value or e.level is None:
        return None
    printed = printed_range(e.p_value)
    recomputed = recomputed_range(e)
    if printed is None or recomputed is None:
        return None
    alpha = round(1 - e.level, 6)
    says_significant = printed[1] <= alpha
    says_not = printed[0] >= alpha
    where = null_position(e)
    p_shown = f"p{e.p_value}" if e.p_value[0] in "<>\u2264\u2265" else f"p = {e.p_value}"
    estimate = f"{e.measure or 'estimate'} {e.estimate_text} ({e.interval_text})"
    if (says_significant and where == "includes") or (says_not and where == "excludes"):
        return Issue("EST202", "error",
                     f"{p_shown} disagrees with {estimate}: the interval {where} the null, the p-value says "
                     f"{'significant' if says_significant else 'not significant'}",
                     f"recomputed from the interval, p is {_describe(recomputed)}; one of them is misprinted: "
                     "verify in the source")
    if e.measure in _T_BASED or _not_from_interval(e, printed):
        return None
    z_printed = sorted((_z_from_p(printed[0]), _z_from_p(printed[1])))
    z_recomputed = sorted((_z_from_p(recomputed[0]), _z_from_p(recomputed[1])))
    gap = max(z_printed[0] - z_recomputed[1], z_recomputed[0] - z_printed[1], 0.0)
    if gap > max(0.1, 0.1 * min(z_recomputed[0], z_printed[0])):
        rank = _RANK_TEST.search(e.quote or "")
        if rank:  # the p is a rank test's, the interval another method's: not tied, only worth a look
            return Issue("EST203", "info", f"{p_shown} does not match {estimate} (the p-value is from a "
                         f"{rank.group(0)} test, not from the interval)",
                         f"recomputed from the interval, p is {_describe(recomputed)}; a rank test need not agree")
        if _log_rank_like(e, z_printed, z_recomputed):
            return Issue("EST203", "info", f"{p_shown} does not match {estimate} (a hazard ratio's p is often a "
                         "log-rank test's, which need not match the Cox interval)",
                         f"recomputed from the interval, p is {_describe(recomputed)}; verify which test gave it")
        return Issue("EST203", "warning", f"{p_shown} does not match {estimate}",
                     f"recomputed from the interval, p is {_describe(recomputed)}; verify which is right")
    return None


def _log_rank_like(e: EffectEstimate, z_printed: list[float], z_recomputed: list[float]) -> bool:
    """A hazard ratio's p a little smaller than its interval's: survival reports print the log-rank p beside the
    Cox model's interval, and with few events the two part by a tenth or so on the z scale; a larger gap, or a p
    larger than the interval's, is no such difference."""
    if (e.measure or "").upper() not in ("HR", "AHR") and "hazard" not in (e.measure or "").lower():
        return False
    return z_recomputed[1] < z_printed[0] <= 1.15 * z_recomputed[1]


# 'The median difference was 0.75 [95% CI: -1.6 to 2.3; P = 0.7, Mann-Whitney U test]': a rank test's p-value beside
# an interval made another way (Hodges-Lehmann, bootstrap); the two need not agree as a normal approximation ties them.
_RANK_TEST = lazy(r"\b(?:Mann[-\u2013 ]Whitney|Wilcoxon|Kruskal[-\u2013 ]Wallis|rank[- ]sum)\b", re.I)


def _not_from_interval(e: EffectEstimate, printed: tuple[float, float]) -> bool:
    """A p-value the interval cannot be held to within rounding, though it may be right: a ratio whose bound is
    printed as 0.00 (on the log scale that bound lies anywhere below -5, so the interval's width is unknown; small
    counts, where an exact interval is used), or a p of 1 beside an estimate off the null (no interval-based test
    gives 1 there; an exact or rank test does)."""
    if e.scale == "ratio" and _span(e.ci_low_text, e.ci_low)[0] <= 0:
        return True
    return printed[0] >= _P_OF_ONE and e.estimate != e.null


def _describe(span: tuple[float, float]) -> str:
    lo, hi = span
    if hi < 0.001:
        return "below 0.001"
    return f"about {lo:.2g}" if abs(hi - lo) < 0.1 * max(hi, 1e-12) else f"between {lo:.2g} and {hi:.2g}"
