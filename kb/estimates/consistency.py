"""Is a reported result consistent with itself? Pure functions from records to issues.

Every test allows for rounding: a number printed with d decimals can be off
by half a unit of its last digit (0.005 for "0.71"), so a check only speaks
when no choice of the unrounded values within those limits would make the
numbers agree. The EST rules (kb/checks/est.py) and the forest plots (which
mark inconsistent rows) both read these functions.
"""
from __future__ import annotations

import math
import re

from .interval import Issue, null_position, rounding_limits, usable
from .model import CountPercent, EffectEstimate, Heterogeneity, SampleSplit, rounds_to
from .pvalues import p_value_issue

# A ratio's interval is flagged as asymmetric on the log scale when, even after
# moving every printed number by its rounding allowance in the direction that
# helps most, one side is more than this many times as long as the other.
# Intervals computed on the log scale (Wald, and the usual meta-analysis
# methods) are symmetric there up to rounding; exact and profile-likelihood
# intervals for small counts are less so, but rarely by more than 1.5x.
ASYMMETRY_LIMIT = 2.0


def reversed_bounds(e: EffectEstimate) -> Issue | None:
    if not usable(e) or e.ci_low <= e.ci_high:
        return None
    msg = f"the interval {e.interval_text} runs backwards: its lower bound is above its upper bound"
    # '95% CI: 0.92–0. 97': a space after the decimal point cut the upper bound short (the sentence may even end
    # at that point); the interval is 0.92 to 0.97 with a typesetting slip, not bounds in the wrong order.
    if re.search(rf"{re.escape(e.ci_low_text)}\s*[\u2013\u2014-]\s*{re.escape(e.ci_high_text)}\.(?:\s\d|\s*$)",
                 e.quote or ""):
        return Issue("EST101", "info", f"the interval {e.interval_text} is cut at its upper bound's decimal point "
                                       f"(printed '{e.ci_high_text}. ...', a number with a space inside it)",
                     "print the upper bound without the space after its point")
    if _by_size(e):
        return Issue("EST101", "info", f"{msg}, but both bounds are below zero and run from the smaller decrease to "
                                       f"the larger, around the size {e.estimate_text} the words give",
                     f"print the interval from low to high: {e.ci_high_text} to {e.ci_low_text}")
    if -e.ci_low <= e.estimate <= e.ci_high and e.ci_low > 0:
        fix = (f"probably -{e.ci_low_text} to {e.ci_high_text}: a minus sign seems lost, and that interval "
               f"contains the estimate {e.estimate_text}; verify in the source")
    elif e.ci_high <= e.estimate <= e.ci_low:
        fix = f"probably {e.ci_high_text} to {e.ci_low_text} (bounds swapped); verify in the source"
    else:
        fix = "verify both bounds in the source paper"
    return Issue("EST101", "error", msg, fix)


def _by_size(e: EffectEstimate) -> bool:
    """'HbA1c declined by 0.7% (95% CI: -0.4 to -1.0%)': a decrease whose words give its size and whose interval
    keeps the changes' signs, printed from the smaller decrease to the larger. Backwards as numbers, but in order
    of size and around the estimate: a house style, not a lost sign (only a note)."""
    return (e.ci_high < e.ci_low < 0 and -e.ci_low <= abs(e.estimate) <= -e.ci_high
            and _direction_in_words(e))


def estimate_outside(e: EffectEstimate) -> Issue | None:
    if not usable(e) or e.ci_low > e.ci_high or e.ci_low <= e.estimate <= e.ci_high or _inside_after_rounding(e):
        return None
    if _percent_of_a_proportion(e):
        return Issue("EST102", "info", f"the estimate {e.estimate_text}{'%' if e.unit == '%' else ''} is printed as a percentage and its "
                                       f"interval {e.interval_text} as a proportion: on one scale they agree",
                     f"print both on one scale: {e.estimate_text}% ({_percent(e.ci_low)} to {_percent(e.ci_high)}%) "
                     f"or {e.estimate / 100:g} ({e.interval_text})")
    if _decrease_as_a_size(e):
        return Issue("EST102", "info", f"the estimate {e.estimate_text} is printed as the size of a decrease and its "
                                       f"interval {e.interval_text} as a signed change: read as -{e.estimate_text} they agree",
                     f"print both on one scale: a change of -{e.estimate_text} ({e.interval_text}), or a decrease "
                     f"of {e.estimate_text} ({-e.ci_high:g} to {-e.ci_low:g})")
    msg = f"the estimate {e.estimate_text} lies outside its interval {e.interval_text}"
    if e.ci_low <= -e.estimate <= e.ci_high and _direction_in_words(e):
        return Issue("EST102", "info", f"{msg}, but {-e.estimate:g} lies inside: the words before it say the "
                                       "direction, so the magnitude may be printed without its sign",
                     "print the estimate with the interval's sign, or the interval in the estimate's direction")
    if e.ci_low <= -e.estimate <= e.ci_high:
        fix = f"the estimate may have lost or gained a minus sign ({-e.estimate:g} lies inside); verify"
    elif e.ci_low > 0 and -e.ci_low <= e.estimate <= e.ci_high:
        fix = f"the lower bound may have lost a minus sign (-{e.ci_low_text}); verify in the source"
    else:
        fix = "verify the estimate and both bounds in the source paper"
    return Issue("EST102", "error", msg, fix)


# 'HbA1c increased ... a change of 0.8% (95% CI -1.1 to -0.5)', 'cost savings per child of \u00a366 (95% CI -93 to
# -39)': the words give the direction and the number its size, while the interval keeps the sign of the difference
# as computed. Only a note: a lost minus sign reads the same.
_DIRECTION = re.compile(r"\b(?:increas|decreas|reduc|declin|saving|saved|gain|loss|lost|drop|fell|fall|rise|rose|"
                        r"lower|higher|improv|worsen|deteriorat)\w*", re.IGNORECASE)


def _direction_in_words(e: EffectEstimate) -> bool:
    """The sentence's words before the estimate say which way it went."""
    for m in re.finditer(rf"(?<![\d.]){re.escape(e.estimate_text)}(?![\d.])", e.quote):
        if e.ci_low_text in e.quote[m.end():m.end() + 40]:
            return bool(_DIRECTION.search(e.quote, max(0, m.start() - 120), m.start()))
    return False


def _inside_after_rounding(e: EffectEstimate) -> bool:
    """'26.27 (26.3 to 26.3)': bounds printed with fewer decimals than the estimate may hold it once unrounded."""
    est_low, est_high = rounding_limits(e.estimate_text, e.estimate)
    low, high = rounding_limits(e.ci_low_text, e.ci_low)[0], rounding_limits(e.ci_high_text, e.ci_high)[1]
    return est_high > low and est_low < high


# 'HbA1c decreased by 1.6% (95% CI, -1.8% to -1.3%)', 'the mean decrease in AHI of 12.9 (95% CI, -17.0 to -8.7)'
_DECREASE = re.compile(r"\b(?:decrease[ds]?|declined?|declines|reduction|reduced|fell|dropped|lowered)\b"
                       r"[^.;()\[\]]{0,40}?$", re.IGNORECASE)


def _decrease_as_a_size(e: EffectEstimate) -> bool:
    """A decrease printed as its size (a positive number) before an interval of signed changes, all below zero:
    the words say which way, so the numbers agree once the estimate takes the sign its interval has."""
    if not (e.estimate > 0 and e.ci_high < 0 and e.ci_low <= -e.estimate <= e.ci_high and e.quote):
        return False
    at = e.quote.find(e.estimate_text)
    while at >= 0:
        if _DECREASE.search(e.quote, max(0, at - 60), at):
            return True
        at = e.quote.find(e.estimate_text, at + 1)
    return False


def _percent_of_a_proportion(e: EffectEstimate) -> bool:
    """'a sensitivity of 71.4% (95% CI: 0.52, 0.91)': a percentage with its interval as a proportion (0 to 1)."""
    if not (1 < e.estimate <= 100 and 0 <= e.ci_low <= e.ci_high <= 1):
        return False
    low, high = rounding_limits(e.ci_low_text, e.ci_low)[0] * 100, rounding_limits(e.ci_high_text, e.ci_high)[1] * 100
    est = rounding_limits(e.estimate_text, e.estimate)
    return est[1] >= low and est[0] <= high


def _percent(value: float) -> str:
    return f"{value * 100:g}"


def ratio_not_positive(e: EffectEstimate) -> Issue | None:
    if e.scale != "ratio" or not usable(e):
        return None
    # A printed zero ("0.00") is a small positive ratio rounded down, not an impossible one: only a negative
    # value cannot be a ratio.
    bad = [t for t, v in ((e.estimate_text, e.estimate), (e.ci_low_text, e.ci_low), (e.ci_high_text, e.ci_high))
           if v < 0]
    if not bad:
        return None
    return Issue("EST103", "error", f"the {e.measure} is a ratio and cannot be negative ({', '.join(bad)})",
                 "a negative value is often a log ratio or a difference printed under a ratio's name; "
                 "verify the measure and the numbers in the source")


def log_asymmetry(e: EffectEstimate) -> tuple[float, float] | None:
    """(smallest, largest) attainable ratio of the upper to the lower log-distance, or None."""
    est, lo, hi = rounding_limits(e.estimate_text, e.estimate), rounding_limits(e.ci_low_text, e.ci_low), rounding_limits(e.ci_high_text, e.ci_high)
    if min(est[0], lo[0], hi[0]) <= 0:
        return None
    down = (math.log(est[0]) - math.log(lo[1]), math.log(est[1]) - math.log(lo[0]))
    up = (math.log(hi[0]) - math.log(est[1]), math.log(hi[1]) - math.log(est[0]))
    if down[0] <= 0 or up[0] <= 0:
        return None  # the estimate may sit on a bound: symmetry cannot be judged
    return up[0] / down[1], up[1] / down[0]


def asymmetric_ratio(e: EffectEstimate, siblings=()) -> Issue | None:
    if e.scale != "ratio" or not usable(e) or not (0 < e.ci_low <= e.estimate <= e.ci_high):
        return None
    span = log_asymmetry(e)
    if span is None or (span[0] <= ASYMMETRY_LIMIT and span[1] >= 1 / ASYMMETRY_LIMIT):
        return None
    upper_long = span[0] > ASYMMETRY_LIMIT
    mirror = e.estimate ** 2 / (e.ci_low if upper_long else e.ci_high)
    side, other = ("upper", e.ci_high_text) if upper_long else ("lower", e.ci_low_text)
    times = span[0] if upper_long else 1 / span[1]
    copied = [s for s in siblings if s.id != e.id and other in (s.ci_low_text, s.ci_high_text)]
    hint = f"; {other} is also a bound of {copied[0].measure} {copied[0].estimate_text} in this sentence" \
        if copied else ""
    return Issue("EST104", "warning",
                 f"the {e.measure} interval {e.interval_text} is lopsided on the log scale around {e.estimate_text}: "
                 f"the {side} side is at least {times:.1f} times as long as the other",
                 f"an interval symmetric on the log scale would put the {side} bound near {mirror:.2f}{hint}; "
                 "verify the bound in the source")


def wording(e: EffectEstimate) -> Issue | None:
    """The governing words claim (no) significance and the interval says otherwise."""
    where = null_position(e)
    if not e.claim or not where or e.scale == "ratio" and min(e.estimate, e.ci_low) < 0:
        return None
    null = "1" if e.scale == "ratio" else "0"
    quoted = f"'{e.claim_text}' governs {e.measure} {e.estimate_text}"
    if where == "touches":
        return Issue("EST201", "info",
                     f"{quoted}, whose interval {e.interval_text} has a bound that touches the null ({null}) "
                     "after rounding", "whether the interval excludes the null cannot be read from the printed "
                     "bound; check the exact bound or p-value in the source")
    if e.claim == "not significant" and where == "excludes":
        return Issue("EST201", "error", f"{quoted} but its interval {e.interval_text} excludes {null} (no effect)",
                     "an interval that excludes the null is a statistically significant result: "
                     "either the wording or the numbers are wrong; check the source")
    if e.claim == "significant" and where == "includes":
        return Issue("EST201", "error", f"{quoted} but its interval {e.interval_text} includes {null} (no effect)",
                     "an interval that includes the null is not statistically significant at its level: "
                     "either the wording or the numbers are wrong; check the source")
    return None


def estimate_issues(e: EffectEstimate, siblings=()) -> list[Issue]:
    """Every inconsistency of one estimate, most basic first; later tests need a sound interval."""
    basic = [i for i in (reversed_bounds(e), estimate_outside(e), ratio_not_positive(e)) if i]
    if basic:
        return basic
    return [i for i in (asymmetric_ratio(e, siblings), wording(e), p_value_issue(e)) if i]


def _breakdown_removed(arms: tuple) -> tuple:
    """The parts without those that only break down an earlier one: '59 were excluded because they did not meet
    the criteria (n = 28), refused (n = 21) or were enrolled elsewhere (n = 10)': 28 + 21 + 10 are the 59."""
    for i, (_, whole) in enumerate(arms):
        running = 0
        for j in range(i + 1, len(arms)):
            running += arms[j][1]
            if running == whole and j > i + 1:
                return arms[: i + 1] + arms[j + 1:]
            if running > whole:
                break
    return arms


def _parallel_splits(arms: tuple, total: int) -> bool:
    """'(males n = 14, females n = 15) and settlement area (urban n = 13, rural n = 16)' of 29: the same people split
    twice; the parts fall into runs in a row that each add up to the total."""
    running, runs = 0, 0
    for _, size in arms:
        running += size
        if running == total:
            running, runs = 0, runs + 1
        elif running > total:
            return False
    return running == 0 and runs >= 2


def sample_issue(s: SampleSplit) -> Issue | None:
    if s.arm_sum == s.total or _parallel_splits(tuple(s.arms), s.total):
        return None
    if len(s.arms) >= 3:
        parts = _breakdown_removed(tuple(s.arms))
        if len(parts) < len(s.arms) and (len(parts) < 2 or sum(v for _, v in parts) == s.total):
            return None  # one part and its breakdown, or parts that add up once the breakdown is left out
    arms = " + ".join(t for t, _ in s.arms)
    fix = "verify the total and the arm sizes in the source"
    if len(s.arms) == 2:
        (ta, a), (tb, b) = s.arms
        fix = (f"if the total {s.total_text} is right, the arms would be {ta} and {s.total - a}, "
               f"or {s.total - b} and {tb}; " + fix)
    if len(s.arms) >= 3 and s.arm_sum > s.total:
        # Three parts or more above the total may overlap (several sites or events a patient): not surely arms.
        return Issue("EST301", "info", f"the parts {arms} add up to {s.arm_sum}, more than the stated total "
                     f"{s.total_text}: arms that do not add up, or parts that overlap", fix)
    return Issue("EST301", "warning", f"the arms {arms} add up to {s.arm_sum}, not the stated total {s.total_text}",
                 fix)


# 'seven out of ten (69.0%)': a share in words out of ten is the reader's rounding of the exact percentage beside it.
_LOOSE_SHARE = 5  # percentage points a share in tenths may sit from the exact figure


def _in_tenths(c: CountPercent, exact: float) -> bool:
    return c.count_text.isalpha() and c.denominator == 10 and abs(exact - c.percent) < _LOOSE_SHARE and bool(
        re.search(rf"\b{re.escape(c.count_text)}\s+(?:out\s+)?(?:of|in)\s+ten\b", c.quote, re.IGNORECASE))


def count_issue(c: CountPercent) -> Issue | None:
    if not c.denominator:
        return None
    exact = 100 * c.count / c.denominator
    if rounds_to(exact, c.percent_text) or _in_tenths(c, exact):
        return None
    severity = "warning" if c.denominator_source == "printed" else "info"
    need = round(c.percent * c.denominator / 100)
    return Issue("EST302", severity,
                 f"{c.count_text} of {c.denominator} is {exact:.1f}%, not the printed {c.percent_text}",
                 f"if the count is right the percentage is {exact:.1f}%; if the percentage is right the count "
                 f"would be about {need}" + ("" if c.denominator_source == "printed" else
                                             " (the denominator was taken from the paragraph's arm sizes)"))


def heterogeneity_issue(h: Heterogeneity) -> Issue | None:
    if 0 <= h.value <= 100:
        return None
    return Issue("EST303", "error", f"{h.text} is impossible: I² lies between 0% and 100%",
                 "verify the heterogeneity statistic in the source (a Q or tau² value may have been printed as I²)")
