"""Words that name treatments, outcomes, time points and claims in a rationale.

These are lexicons, not rules about one document: each entry names a thing
the way policies on spine and pain procedures commonly write it. A new
policy area adds its treatments and outcomes here (or corrects single rows in
the curated ``estimates.csv``).
"""
from __future__ import annotations

import re

# (canonical treatment, pattern), matched case-insensitively except the abbreviations.
TREATMENTS = (
    ("sham", re.compile(r"(?<!without )(?<!non-)\b(?:sham|placebo)\b", re.IGNORECASE)),
    ("vertebral augmentation", re.compile(r"vertebral augmentation|cement augment\w*", re.IGNORECASE)),
    ("kyphoplasty", re.compile(r"(?i:kyphoplasty)|\b(?:KP|BKP?|PKP|PCKP)\b")),
    ("vertebroplasty", re.compile(r"(?i:vertebroplasty)|\b(?:VP|PVP)\b")),
    ("conservative care", re.compile(
        r"conservative (?:care|treatment|therapy|management)|non-?operative|non-?surgical|usual care|"
        r"(?:optimal )?medical (?:management|therapy)|\bCT\b", re.IGNORECASE)),
    ("Kiva", re.compile(r"\bKiva\b")),
    ("SpineJack", re.compile(r"\bSpineJack\b", re.IGNORECASE)),
    ("stentoplasty", re.compile(r"stentoplasty|vertebral body stent\w*", re.IGNORECASE)),
)

# (canonical outcome, pattern) in priority order: a disability score that
# mentions back pain is a disability score.
OUTCOMES = (
    ("disability (ODI)", re.compile(r"\bODI\b|Oswestry", re.IGNORECASE)),
    ("disability (RMDQ)", re.compile(r"\bRMDQ\b|Roland[- ]Morris", re.IGNORECASE)),
    ("quality of life", re.compile(r"quality of life|\bQoL\b|QUALEFFO|EQ-5D|SF-36|EuroQol|Physical Component",
                                   re.IGNORECASE)),
    ("pain", re.compile(r"\bVAS\b|visual analog|\bNRS\b|numeric(?:al)? rating|\bpain\b", re.IGNORECASE)),
    ("cement leakage", re.compile(r"cement leak\w*|\bleakage\b", re.IGNORECASE)),
    ("cement volume", re.compile(r"cement volume|volume of (?:bone )?cement", re.IGNORECASE)),
    ("new fracture", re.compile(
        r"(?:new|adjacent|subsequent|additional|clinical|radiolog\w*|incident|secondary)[\w\s-]{0,25}?fractures?|"
        r"fracture (?:risk|rate)|risk of (?:\w+ ){0,2}fractures?", re.IGNORECASE)),
    ("mortality", re.compile(r"mortality|\bdeaths?\b|\bsurvival\b", re.IGNORECASE)),
    ("kyphotic angle", re.compile(r"kyph\w* (?:wedge )?angle|kyphosis", re.IGNORECASE)),
    ("vertebral height", re.compile(r"(?:vertebral|body) height", re.IGNORECASE)),
)

_TIME = re.compile(
    r"\b(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty-four|thirty-six)[\s-](?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
                 "thirty-six": 36}
_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}

# Wording that claims (or denies) a statistically significant result.
# "clinically significant" is about the size of an effect, not about the interval, so it is neither.
NOT_SIGNIFICANT = re.compile(
    r"\bno (?:statistically )?significant (?:differences?|effects?|changes?|benefits?|improvements?|"
    r"reductions?|increases?|associations?)|\bnot (?:statistically )?significant(?:ly)?\b|"
    r"\bno (?:statistical|statistically) differences?\b|\bno differences?\b|\bdid not differ\b|"
    r"\bnon-?significant|\binsignificant\b|\bnot differ\w*", re.IGNORECASE)
SIGNIFICANT = re.compile(
    r"(?<!clinically )(?<!not )(?<!non-)(?<!non)\b(?:statistically )?significant(?:ly)?\b|"
    r"\bsuperior\b|\binferior\b|\breduc(?:ed|es|e)\b", re.IGNORECASE)
NEGATION = re.compile(r"\b(?:no|not|nor|neither|without|never)\b|n't\b", re.IGNORECASE)
RISK_FACTOR = re.compile(r"risk factors?", re.IGNORECASE)


def treatments_in(text: str) -> list[str]:
    """Canonical treatments named in ``text``, in order of first mention."""
    hits = sorted((m.start(), name) for name, rx in TREATMENTS for m in rx.finditer(text))
    return list(dict.fromkeys(name for _, name in hits))


def outcome_in(text: str) -> str:
    for name, rx in OUTCOMES:
        if rx.search(text):
            return name
    return ""


def timepoint_in(text: str) -> str:
    """The last time point named in ``text``, normalised: 'at six months' -> '6 months'."""
    hits = list(_TIME.finditer(text))
    if not hits:
        return ""
    m = hits[-1]
    raw = m.group("n").lower()
    n = _NUMBER_WORDS.get(raw) or float(raw)
    n_text = f"{n:g}"
    unit = m.group("unit").lower()
    return f"{n_text} {unit}" + ("" if n == 1 else "s")


def timepoint_days(timepoint: str) -> float:
    """For sorting: '1 week' -> 7; unknown time points sort last."""
    parts = timepoint.split()
    if len(parts) != 2:
        return float("inf")
    return float(parts[0]) * _DAYS.get(parts[1].rstrip("s"), float("inf"))
