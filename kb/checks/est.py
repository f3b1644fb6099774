"""EST: effect estimates and statistics that contradict themselves.

Each rule reads the estimates exactly as the policy prints them
(``kb.estimates``) and the pure tests in ``kb.estimates.consistency`` and
``kb.estimates.pvalues``, which allow for rounding. The interval tests come
first: an estimate whose interval is reversed or impossible is reported once
(EST101-EST103), not again by the wording and p-value rules.
"""
from __future__ import annotations

from dataclasses import replace

from ..estimates import consistency as c
from ..estimates.methods import non_wald_method
from . import finding, rule


def _printed(kb):
    return kb.effect_estimates.from_text


def _estimate_rule(r, kb):
    rows = _printed(kb)
    by_sentence: dict = {}
    for e in rows:
        by_sentence.setdefault(e.sentence_index, []).append(e)
    for e in rows:
        for issue in c.estimate_issues(e, by_sentence.get(e.sentence_index, ())):
            if issue.code == r.code:
                yield finding(r, e.line, issue.message, column=e.column, citations=e.citations,
                              suggestion=issue.suggestion, severity=issue.severity)


@rule("EST101", "interval-reversed", "error")
def interval_reversed(kb):
    """A confidence interval whose lower bound is above its upper bound.

    What: an interval printed backwards, such as "(MD = -5.03; 95% CI, 7.94 to -2.12)".
    Why: a reversed interval is a typing error (often a lost minus sign); readers cannot tell which number is wrong.
    Example: "MD = -5.03; 95% CI, 7.94 to -2.12" - with -7.94 the interval would contain -5.03.
    Fix: look the result up in the cited paper and print the bounds as published.
    """
    yield from _estimate_rule(interval_reversed, kb)


@rule("EST102", "estimate-outside-interval", "error")
def estimate_outside_interval(kb):
    """An estimate that lies outside its own confidence interval.

    What: the point estimate is below the lower bound or above the upper bound, whatever the rounding of the printed
    numbers (`26.27 (26.3 to 26.3)` may hold its estimate). Where the estimate with the other sign lies inside and
    the words before it say the direction (`increased by 0.8% (95% CI -1.1 to -0.5)`, `savings of 66 (-93 to -39)`),
    only `info`: the size may be printed without its sign on purpose.
    Why: an interval always contains its estimate; one of the three numbers is misprinted.
    Example: "(MD = 0.17; 95% CI, 0.39 to 0.73)" - the lower bound probably lost its minus sign.
    Fix: compare all three numbers with the cited paper.
    """
    yield from _estimate_rule(estimate_outside_interval, kb)


@rule("EST103", "ratio-not-positive", "error")
def ratio_not_positive(kb):
    """A relative risk, odds ratio or hazard ratio that is zero or negative.

    What: a ratio measure (RR, OR, HR, IRR) or one of its bounds printed as 0 or below.
    Why: ratios are positive by definition; a negative value is usually a log ratio, or a difference printed under
    a ratio's name.
    Example: "(OR = -1.31; 95% CI, 0.62 to 2.74)".
    Fix: check the measure's name and the numbers in the cited paper.
    """
    yield from _estimate_rule(ratio_not_positive, kb)


@rule("EST104", "ratio-interval-asymmetric", "warning")
def ratio_interval_asymmetric(kb):
    """A ratio's interval that is strongly lopsided on the log scale.

    What: the distance from the estimate to one bound, on the log scale, is more than twice the distance to the
    other, even after moving each printed number by its rounding allowance (half a unit of its last digit) in the
    direction that helps most. Rounding is judged per estimate, not by a fixed margin: for "0.70 (0.69 to 0.71)"
    both log-distances are about 0.014 and rounding alone moves each by up to 0.007, so no judgement is possible
    and nothing is reported; for "0.91 (0.71 to 2.12)" the sides are 0.25 and 0.85 and stay at least 3.2 times
    apart under any rounding.
    Why: intervals for ratios are computed on the log scale and are symmetric there up to rounding; exact or
    profile-likelihood intervals rarely differ by more than 1.5 times. A bound copied from a neighbouring result is
    the usual cause.
    Example: "(RR, 1.22; 95% CI, 0.70 to 2.12) or radiological fracture (RR, 0.91; 95% CI, 0.71 to 2.12)".
    Fix: check the bound in the cited paper; the suggestion gives the bound a symmetric interval would have.
    """
    yield from _estimate_rule(ratio_interval_asymmetric, kb)


@rule("EST201", "wording-contradicts-interval", "error")
def wording_contradicts_interval(kb):
    """Words that claim (or deny) a significant result the interval does not support.

    What: "no (statistically) significant difference" next to an interval that excludes the null (1 for ratios,
    0 for differences), or "significant", "superior", "inferior", "reduced" next to one that includes it. Only the
    words that govern the estimate count: the last such words before it in its clause (so a list after "no
    significant difference in A (...), B (...) or C (...)" is governed by that phrase), else words after it and
    before the next estimate. "Clinically significant" is about size, not about the interval, and is ignored;
    so is a hedged "marginally" or "borderline significant", which concedes the threshold was missed.
    An interval whose bound equals the null after rounding (0.62 to 1.00) is reported as info.
    Why: the sentence tells the committee the opposite of what the numbers show.
    Example: "No statistically significant differences were found ... (relative risk: 0.59; 95% CI, 0.43 to 0.81)".
    Fix: check the cited paper; correct the wording or the numbers.
    """
    yield from _estimate_rule(wording_contradicts_interval, kb)


@rule("EST202", "p-value-decision-error", "error")
def p_value_decision_error(kb):
    """A p-value on the other side of 0.05 from what its 95% interval shows.

    What: the printed p says significant and the interval clearly includes the null, or the reverse (statcheck's
    "decision error"). The p-value is recomputed from the estimate and interval (log scale for ratios) with every
    printed number allowed its rounding.
    Why: one of the numbers is misprinted, and the conclusion drawn from it may be wrong.
    Example: "(MD = 0.17; 95% CI, -0.39 to 0.73; P = .005)" - the interval gives p of about 0.55.
    Fix: check the p-value and the interval in the cited paper.
    """
    yield from _estimate_rule(p_value_decision_error, kb)


@rule("EST203", "p-value-mismatch", "warning")
def p_value_mismatch(kb):
    """A p-value that does not match its interval, without changing the conclusion.

    What: the printed p and the p recomputed from the interval differ beyond rounding by more than 0.1 on the
    z scale and more than 10% of z (a margin for t rather than normal quantiles in small trials). A geometric
    mean ratio is not judged here (only for a decision error, EST202): it comes from small crossover trials whose
    t-based p-values a normal quantile misjudges by far more than that margin. When the document names an exact,
    penalised (Firth), profile-likelihood or bootstrap method ("The exact method was used"), a mismatch is reported
    at info: those methods' p-values and intervals are not tied as the normal approximation ties them; so is one whose
    sentence names a rank test (`P = 0.7, Mann-Whitney U test` beside a median difference's interval), and so is a
    hazard ratio's p at most 15% smaller on the z scale than its interval's (`HR 0.185 [0.037-0.915], p = 0.0199`):
    survival reports print the log-rank p beside the Cox interval.
    Why: a mismatch means one of the numbers was copied wrongly.
    Example: "(MD = 0.17; 95% CI, -0.39 to 0.73; P = .25)" - the interval gives p of about 0.55.
    Fix: check the p-value and the interval in the cited paper.
    """
    found = list(_estimate_rule(p_value_mismatch, kb))
    method = non_wald_method(s.text for s in kb.doc.sentences) if found else None  # read only when needed
    for f in found:
        if method:  # the document's own method explains a gap from the normal approximation: only worth a look
            f = replace(f, severity="info", message=f"{f.message} (the document names '{method}', whose p-values "
                                                    "and intervals need not agree as a normal approximation would)")
        yield f


@rule("EST301", "arms-do-not-add-up", "warning")
def arms_do_not_add_up(kb):
    """Arm sizes that do not add up to the stated total.

    What: a total ("644 patients", "N=1231") followed in the same sentence by arm sizes ("330 who received VP and
    284 who received KP") whose sum differs from it. A "total" smaller than one of the arms after it is a group's
    own size ("controls (N = 15), active RA (n = 18)"), not a total, and is not checked; in a flow of participants
    ("Of 1200 screened, 840 were randomised: 421 to X and 419 to placebo") the arms are checked against the last
    stage's total. Parts that add up to another count the sentence prints (a later stage's, `out of which 627
    completed (n = 313; n = 314)`), a ratio (`2:1 to`), an arm spelled out (`and six received`) or a total that is
    a count's denominator (`10 of the 19 patients: infection (n = 3) ...`) are no total's split; three parts or
    more above the total may overlap (sites or events of one patient) and are only `info`. A year after its month
    (`from January 2007 to December 2021 were included`) dates the study and is no arm.
    Why: one of the numbers is mistyped, or a group is missing from the description.
    Example: "644 patients, 330 who received VP and 284 who received KP" (330 + 284 = 614).
    Fix: check the numbers in the cited paper; the suggestion gives the arm sizes the total implies.
    """
    for s in kb.effect_estimates.samples:
        issue = c.sample_issue(s)
        if issue:
            yield finding(arms_do_not_add_up, s.line, issue.message, citations=s.citations,
                          suggestion=issue.suggestion, severity=issue.severity)


@rule("EST302", "percentage-mismatch", "warning")
def percentage_mismatch(kb):
    """A percentage that does not match its count and denominator after rounding.

    What: "229 (53%)" of 431 is checked as 229 / 431 = 53.1%; a printed percentage may differ from the exact value
    by half a unit of its last digit, be truncated, or be rounded twice (43 / 47 = 91.49% printed 92%, rounded first
    to 91.5). The denominator must be printed beside the count ("of 78",
    "Out of 431 patients, ..."); when the sentence says "of participants" and its paragraph gives the arm sizes,
    their sum is used and a mismatch is only info. A share in tenths spelled out (`seven out of ten (69.0%)`)
    rounds the exact percentage beside it and may sit up to 5 points from it.
    Why: a wrong count or percentage misstates how many patients had the outcome.
    Example: "Out of 431 patients ..., 259 (53%) had spontaneous pain relief" (259 / 431 = 60.1%).
    Fix: check the count and the percentage in the cited paper.
    """
    for n in kb.effect_estimates.counts:
        issue = c.count_issue(n)
        if issue:
            yield finding(percentage_mismatch, n.line, issue.message, citations=n.citations,
                          suggestion=issue.suggestion, severity=issue.severity)


@rule("EST303", "i2-out-of-range", "error")
def i2_out_of_range(kb):
    """An I² heterogeneity statistic outside 0-100%.

    What: "I² = 112%" or a negative I².
    Why: I² is a proportion of variance and cannot leave 0-100%; another statistic was probably printed under its name.
    Example: "(MD = 0.4; 95% CI, 0.1 to 0.7; I² = 112%)".
    Fix: check the heterogeneity statistics in the cited paper.
    """
    for h in kb.effect_estimates.heterogeneity:
        issue = c.heterogeneity_issue(h)
        if issue:
            yield finding(i2_out_of_range, h.line, issue.message, citations=h.citations,
                          suggestion=issue.suggestion, severity=issue.severity)


RULES = (interval_reversed, estimate_outside_interval, ratio_not_positive, ratio_interval_asymmetric,
         wording_contradicts_interval, p_value_decision_error, p_value_mismatch, arms_do_not_add_up,
         percentage_mismatch, i2_out_of_range)
