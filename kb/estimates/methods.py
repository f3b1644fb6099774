"""Does the document say its intervals or p-values come from a method other than the normal approximation?

The p-value checks (kb.estimates.pvalues) recompute p from an interval as a normal (Wald) approximation would. Exact
conditional methods (exact logistic regression, Cornfield's or mid-p intervals), penalised (Firth) and profile
likelihood, and bootstrap intervals give intervals that are not symmetric on that scale and p-values from another
statistic: a gap between the printed p and the recomputed one is then expected, not a copying error. When the text
names such a method, a mismatch short of a decision error is only worth a look (info), not a warning.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kb.patterns import lazy

# Named for the estimates, not for a test of proportions: 'Fisher's exact test' compares counts and says nothing of
# how the odds ratios' intervals were made, so it is not here.
_NON_WALD = lazy(
    r"\bexact\s+(?:(?:conditional|unconditional|logistic|poisson)\s+){1,2}(?:logistic\s+)?(?:regression|models?|"
    r"analys[ie]s|methods?)\b"
    r"|\b(?:the\s+)?exact\s+(?:method|methods|inference|estimation)\b"
    r"|\bexact\s+(?:95\s*%\s+)?(?:confidence\s+intervals?|CIs?)\s+(?:for|of)\s+(?:the\s+)?(?:odds|risk|rate|hazard)\s+"
    r"ratios?"
    r"|\bconditional\s+maximum\s+likelihood|\bFirth\b|\bpenali[sz]ed\s+(?:maximum\s+)?likelihood"
    r"|\bprofile[- ]likelihood|\bmid-?p\b|\bCornfield\b"
    r"|\bbootstrap(?:ped|ping)?\s+(?:[\w-]+\s+){0,2}(?:confidence\s+)?intervals?|\bbias[- ]corrected\s+and\s+"
    r"accelerated"
    # bootstrapping named as the analysis' method, its intervals unnamed: 'with the options of data transformation
    # and bootstrapping when residual distributions were markedly non-normal', 'bootstrap resampling (1000 samples)'
    r"|\bbootstrapping\b|\bbootstrap\s+(?:re-?sampling|samples|replicat(?:es|ions)|methods?|procedures?)\b",
    re.IGNORECASE)


def non_wald_method(texts: Iterable[str]) -> str | None:
    """The first words naming an exact, penalised, profile-likelihood or bootstrap method, as printed, or None."""
    for text in texts:
        m = _NON_WALD.search(text)
        if m:
            return m.group(0)
    return None
