"""The kind of evidence a reference is, read from its own title and source.

Order matters: a guideline that mentions randomised trials is still a
guideline, and a "non-randomised trial" is not a randomised one.
"""
from __future__ import annotations

import functools
import re

from kb.read.model import ReferenceEntry

RANDOMIZED = "randomized-trial"
REVIEW = "systematic-review"
GUIDELINE = "guideline"
OBSERVATIONAL = "observational"
OTHER = "other"
KINDS = (RANDOMIZED, REVIEW, GUIDELINE, OBSERVATIONAL, OTHER)
KIND_LABELS = {
    RANDOMIZED: "randomized trial",
    REVIEW: "systematic review or meta-analysis",
    GUIDELINE: "guideline or technology appraisal",
    OBSERVATIONAL: "observational study or case series",
    OTHER: "other",
}

_RULES = (
    (GUIDELINE, r"guideline|appropriateness criteria|position statement|consensus statement|"
                r"practice parameter|technology appraisal|\[(?:TA|CG|NG|IPG)\d+\]|standards and guidelines|"
                r"best practices|recommendations? (?:of|from|for)"),
    # 'Database of Syst Rev', 'Database Syst Rev': the Cochrane database cited without its name
    (REVIEW, r"systematic review|meta-?analys[ie]s|cochrane|individual patient data|pooled analysis|"
             r"\bdatabase (?:of )?syst(?:ematic)?\.? rev"),
    (OBSERVATIONAL, r"non-?randomi[sz]ed|nonrandomi[sz]ed"),
    (RANDOMIZED, r"randomi[sz]ed|randomised|\bRCT\b|placebo-controlled|sham[- ]controlled"),
    # "a prospective surgical trial comparing 2 cm vs. 4 cm margins": a comparative trial, perhaps randomised though
    # its title does not say; a single-arm "prospective, multicenter trial" is left to the observational words.
    (OTHER, r"\btrial\b[^.;:]{0,40}?\b(?:comparing|versus|vs)\b"),
    # 'Prospective controlled study on the effects of ...': a controlled study may be a randomised trial or not, so
    # 'prospective' here names no observational design (the word alone, below, still does)
    (OTHER, r"\bprospective,?\s+(?:[\w-]+,?\s+){0,2}?controlled\s+(?:clinical\s+)?(?:study|trial)"),
    (OBSERVATIONAL, r"case reports?|case series|retrospective|prospective|cohort|registry|observational|"
                    r"pilot study|technique|ten-year analysis|outcomes? of|experience"),
)


def classify(entry: ReferenceEntry) -> tuple[str, str]:
    """(kind, reason): the rule that decided, so a reviewer can see why."""
    return _classify_text(" ".join(filter(None, [entry.title, entry.organisation, entry.source,
                                                 entry.raw if not entry.title else ""])))


@functools.lru_cache(maxsize=8192)  # pure; the kinds, the estimates and EST3xx each ask about the same entries
def _classify_text(text: str) -> tuple[str, str]:
    for kind, pattern in _RULES:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            return kind, f"the entry says '{m.group(0)}'"
    return OTHER, "no design named in the entry"
