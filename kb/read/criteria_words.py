"""The words of coverage criteria: which category a statement states ('medically necessary', 'investigational',
a guideline's 'recommended'), and whether its own words decide coverage at all.

Pure functions over one statement's text; ``kb.read.criteria`` walks the outline, ``kb.read.criteria_find`` finds
the region.
"""
from __future__ import annotations

import re

from kb.patterns import lazy

# Medicare's 'non-covered' (an LCD's 'are non-covered except for pregnant patients') is 'not covered'.
CATEGORY = lazy(
    r"\b(not medically necessary|medically necessary|investigational|experimental|"
    r"cosmetic|not covered|non-?covered|unproven|(?:does not|do not|meets?) the definition of medical necessity|"
    r"(?:(?:does|do) not meet|meets?) coverage criteria|"
    r"(?:not\s+)?reasonable and necessary)\b",
    re.IGNORECASE,
)
# A plan's own verb of coverage, where no category word stands: 'CCA may cover maternal cfDNA testing ... when',
# 'Microarray testing is covered for children when', '... is covered for MassHealth members'; and its refusal: 'The
# Plan will not cover ...', 'The following NIPS services are not a benefit of Texas Medicaid:'. 'is covered by' (an
# insurer named) and a past 'was covered' decide nothing.
_COVERS = lazy(r"\b(?:may|will|shall)\s+(?:only\s+)?cover\b|\b(?:is|are)\s+(?:only\s+)?covered\s+(?:for|when|if|only|under)\b",
               re.IGNORECASE)
_NOT_COVERS = lazy(r"\b(?:may|will|does|do|shall)\s+not\s+cover\b|\b(?:is|are)\s+not\s+a\s+(?:covered\s+)?benefit\b",
                   re.IGNORECASE)
# A category word after 'non-' is none: Health New England 'covers up to 5 cycles of non-experimental/investigational
# PGT when such testing is medically necessary' (the '/investigational' shares the prefix).
_NON_COMPOUND = lazy(r"\bnon-(?!covered\b)[a-z]+(?:/[a-z]+)*", re.IGNORECASE)
# A heading that is the word of coverage alone: UCare's 'Covered' and 'Non-Covered' over their bullets.
# 'Exclusions' (Mass General Brigham's, Fallon Health's) heads what a plan does not cover.
_COVERED_HEADING = lazy(r"^(?:(?P<no>non-?\s?|not\s+)?covered(?:\s+(?:services|indications))?|(?P<ex>exclusions?))$",
                        re.IGNORECASE)
# A heading that asks which services a category holds: Health New England's 'III. What is Considered
# Investigational' over its lettered items.
_WHAT_IS = lazy(r"^(?:[IVX]{1,4}\.\s+)?what\s+is\s+(?:considered\s+)?(?=\S)", re.IGNORECASE)
# Wordings whose category is not their words: Florida Blue's 'meets the definition of medical necessity', Medicare's
# 'reasonable and necessary', and a negation ahead of the category ('is *not* considered medically necessary').
# 'is not considered medically necessary', 'may not be considered medically necessary', 'will not be medically necessary'
_NEGATED = lazy(r"\b(?:is|are|may|will|would|should|shall)\s+not\s+(?:be\s+)?(?:considered\s+)?(?:to\s+be\s+)?"
                r"(?:medically|reasonable and) necessary\b|"
                # Commonwealth Care Alliance's 'CCA does not consider maternal cfDNA testing to be medically necessary'
                r"\bdo(?:es)?\s+not\s+consider\s+[^.;:]{1,120}?\s+(?:to\s+be\s+)?medically necessary\b|"
                r"\bdo(?:es)? not meet the definition|\bnot\s+reasonable and necessary\b", re.IGNORECASE)
# Avalon's (a laboratory benefit manager's) words: 'MEETS COVERAGE CRITERIA when ...', 'DOES NOT MEET COVERAGE CRITERIA'.
_COVERAGE_CRITERIA = lazy(r"\b(?:(?P<no>does not|do not)\s+meet|meets?)\s+coverage criteria\b", re.IGNORECASE)
_CATEGORY_JOINERS = lazy(r"\b(?:and|or|and/or|reimbursable|considered|indications?|criteria)\b|[,/&:*\s-]+", re.I)


# A drug policy's approval wording: Cigna's 'Ankylosing Spondylitis. Approve for the duration noted if ...',
# UnitedHealthcare's 'Dupixent will be approved based on all of the following criteria', Anthem's 'Initial
# requests for Dupixent ... may be approved if the following criteria are met' (also printed 'may be if approved
# if'). Not an FDA approval ('is approved for the treatment of'), nor an ethics committee's ('was approved by').
APPROVES = lazy(r"(?:^|[.:]\s+)Approve\s+(?:for|if|when|in)\b|\bwill be approved\s+(?:based|if|when|for)\b|"
                r"\bmay\s+(?:not\s+)?be\s+(?:if\s+)?approved\s+(?:if|when|based|for the following)\b|"
                # Humana's 'Humana members may (NOT) be eligible under the Plan for genetic testing when ...'
                r"\bmay\s+(?:not\s+|NOT\s+)?be\s+eligible\s+under\s+the\s+Plan\b")
# Anthem's 'Requests for Dupixent may not be approved for the following:', Humana's 'may NOT be eligible'
_REFUSES = lazy(r"\bmay\s+not\s+be\s+approved\b|\bwill\s+not\s+be\s+approved\b|\bmay\s+(?i:not)\s+be\s+eligible\b")
# A sentence after a statement's list that gives the list's category: Humana's 'These are considered experimental/
# investigational as they are not identified as widely used ...' closing 'Humana members may NOT be eligible ... for
# any of the following:'.
CLOSING_CATEGORY = lazy(r"^(?:These|This|Such)\s+(?:\w+\s+){0,2}?(?:are|is)\s+considered\s+", re.IGNORECASE)


# 'Do not offer ...', 'is not recommended': a recommendation against; 'For advice on ..., see ...' only points to
# other guidance.
_AGAINST = lazy(r"^(?:do not|don't|avoid)\b|\b(?:is|are)\s+not\s+recommended\b|\b(?:should\s+)?not\s+be\s+(?:offered|used|given)\b|"
                r"^\S+(?:\s+\S+){0,4}?\s+(?:recommends?|suggests?)\s+(?:against|not\b)|^\S+\s+does\s+not\s+recommend\b",
                re.IGNORECASE)
# A guideline body's own recommendation sentence: WHO's 'WHO suggests the use of ...', 'WHO recommends against ...'
# (its PDFs may print the box's label first: 'Conditional recommendation for, low certainty evidence', 'Interim
# guidance (Published 10 June 2022)'), GRADE panels' 'We suggest ...'.
BODY_RECOMMENDS = lazy(r"^(?:(?i:(?:strong|conditional)\s+recommendation|interim guidance|good practice statement|"
                       r"recommendation\s+\d+[a-z]?)[^.]{0,80}?\s)?"  # a box's label first
                       r"(?P<who>WHO|We|The\s+(?:WHO|panel|guideline development group|GDG|committee|task force))\s+"
                       r"(?:strongly\s+|conditionally\s+)?(?:recommends?|suggests?|does not recommend)\b")
_POINTS_ELSEWHERE = lazy(r"^for\s+(?:more\s+|further\s+)?(?:guidance|advice|recommendations|information)\s+(?:on|for)\b"
                         r"[^.]*?\b(?:see|follow)\b|^see\s+(?:\w+'s\s+|the\s+)?(?:\w+\s+)?guidelines?\s+on\b",
                         re.IGNORECASE)


# The strength a recommendation closes with: '[Conditional recommendation, low certainty evidence]'.
_STRENGTH = lazy(r"\[[^\[\]]{0,120}?\b(?:recommendation|evidence|statement)\b[^\[\]]{0,60}\]\.?", re.IGNORECASE)


def recommendation_text(text: str) -> str:
    """A body's recommendation as its own words: the box's label before it and the remarks a PDF ran on after its
    strength ('... disease. [Conditional recommendation, low certainty evidence]. • Monitoring ...') left out."""
    m = BODY_RECOMMENDS.match(text)
    if not m:
        return text
    text = text[m.start("who"):]
    strength = _STRENGTH.search(text)
    return text[:strength.end()].strip() if strength else text


def recommendation_category(text: str) -> str:
    """'recommended', 'not recommended', or 'other' for a recommendation that only points to other guidance."""
    text = text.replace("*", "").strip()
    if _POINTS_ELSEWHERE.search(text):
        return "other"
    return "not recommended" if _AGAINST.search(text) else "recommended"


def category_of(text: str) -> str | None:
    """The coverage category a text states, or None: 'medically necessary', 'not medically necessary', ..."""
    text = _NON_COMPOUND.sub("", text.replace("*", ""))
    found = CATEGORY.search(text)
    if not found:
        if _NOT_COVERS.search(text):
            return "not covered"
        if _COVERS.search(text):
            return "medically necessary"
        if not APPROVES.search(text):
            return None
        return "not medically necessary" if _REFUSES.search(text) else "medically necessary"
    negated = _NEGATED.search(text)
    if negated and negated.start() <= found.start() + len(found.group(0)):
        return "not medically necessary"
    word = found.group(1).lower()
    coverage = _COVERAGE_CRITERIA.fullmatch(word)
    if coverage:
        return "not covered" if coverage.group("no") else "medically necessary"
    if word.replace(" ", "").startswith("non") and word.endswith("covered"):
        return "not covered"
    return "medically necessary" if word.endswith(("medical necessity", "reasonable and necessary")) else word


def category_heading(title: str) -> bool:
    """A heading made of category words alone: 'Medically Necessary', 'Experimental, Investigational, Unproven',
    'Not Covered or Reimbursable', 'Covered', 'Non-Covered'; not 'Experimental Design'."""
    if _COVERED_HEADING.match(title.replace("*", "").strip(" :")):
        return True
    title = _WHAT_IS.sub("", title.replace("*", "").strip())
    return bool(CATEGORY.search(title)) and not _CATEGORY_JOINERS.sub("", CATEGORY.sub("", title))


def heading_category(title: str) -> str | None:
    """The category a category heading gives what stands under it ('Covered' the services it lists)."""
    covered = _COVERED_HEADING.match(title.replace("*", "").strip(" :"))
    if covered:
        return "not covered" if covered.group("no") or covered.group("ex") else "medically necessary"
    return category_of(title)


def decisive_heading(title: str) -> bool:
    """A category heading that decides coverage by itself ('Not Medically Necessary', 'Covered', 'Non-Covered'),
    so bullets under it are the services it decides; a bare 'Experimental' or 'Exclusions' (an article's or a
    protocol's section) is not one."""
    covered = _COVERED_HEADING.match(title.replace("*", "").strip(" :"))
    if covered:
        return not covered.group("ex")  # a trial protocol's 'Exclusions' lists patients, not services
    return category_heading(title) and bool(_DECIDES.search(title))


# A statement words a coverage decision, not merely a category word: trial articles' eligibility sections say
# 'investigational drug' and 'experimental group'. 'Medically necessary' and 'not covered' are decisions wherever they
# stand; the other categories only after a verb that gives them ('is considered experimental', 'Aetna considers the
# following interventions experimental', 'remains investigational').
_DECIDES = lazy(r"\bmedically necessary\b|\bdefinition of medical necessity\b|\bnot\s+covered\b|\bnon-?covered\b|"
                r"\breasonable and necessary\b|\bmeets?\s+coverage criteria\b|\bnot\s+meet\s+coverage criteria\b",
                re.IGNORECASE)
_JUDGES = lazy(r"\b(?:consider(?:s|ed)?|deemed)\s+"
               r"(?:(?!(?:in|of|by|with|among|within|from|during|on|at)\s)\S+\s+){0,8}?"
               r"(?:to be\s+)?(?:experimental|investigational|cosmetic|"
               r"unproven)\b|"
               r"\b(?:is|are|be|remains?)\s+(?:\w+\s+){0,2}?(?:experimental|investigational|cosmetic|unproven)\b",
               re.IGNORECASE)

_NOTE = lazy(r"^\W*notes?\b", re.IGNORECASE)


# 'Requests for genetic panels will be reviewed to determine if all included gene analyses are medically necessary'
# (Fidelis Care's note): a review's question, no decision.
# Nor does a disclaimer's 'does not signify that the service ... is a covered or non-covered health service', nor
# what a physician attests (BCBS Arizona's outcome measures: 'Physician attestation that, ..., continuous therapy is
# medically necessary fifty-two (52) weeks per year').
_QUESTION = lazy(r"\b(?:determine|decide|assess|establish)\s+(?:if|whether)\b[^.;]*|"
                 r"\bcovered\s+or\s+(?:non-?|not\s+)covered\b|\battest(?:s|ed|ation)?\s+that\b[^.;]*", re.IGNORECASE)


def states_coverage(text: str) -> bool:
    """Whether a statement's own words decide coverage ('is considered investigational'); a note never does, nor a
    review's question ('to determine if ... are medically necessary')."""
    # (emphasis marks aside: a raw line's 'are considered **investigational**', Dean Health Plan's)
    plain = _QUESTION.sub("", text.replace("*", ""))
    return bool(_DECIDES.search(plain) or _JUDGES.search(plain) or APPROVES.search(plain)
                or _COVERS.search(plain) or _NOT_COVERS.search(plain)) and not _NOTE.match(text)
