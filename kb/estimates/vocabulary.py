"""Words that name treatments, outcomes, time points and claims in a rationale.

The topic words are data, not code: ``data/outcomes.csv`` is a general outcome
vocabulary (pain, function, disability, quality of life, mortality, adverse
events, fractures, ...) with each outcome's polarity (whether lower or higher
is better) and whether it is reported by the patient (subjective); each file
in ``data/treatments/`` names the treatments of one clinical area (``spine.csv``
for the bundled policy), with their role (intervention or comparator). A
document adds its own treatments (its title, its criteria and the abbreviations
it defines, see ``kb.estimates.topics``); a policy folder's ``polarity.csv``
corrects an outcome's polarity (``kb.evidence.direction``).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

from kb.needles import may_match, needles_of
from kb.patterns import LazyPattern, lazy


@dataclass(frozen=True)
class OutcomeWord:
    name: str
    pattern: re.Pattern | LazyPattern
    polarity: str  # "lower" (less is better), "higher" (more is better) or "" (neither)
    subjective: bool  # reported or judged by the patient: open-label designs can bias it
    note: str = ""


@dataclass(frozen=True)
class TreatmentWord:
    name: str
    pattern: re.Pattern | LazyPattern
    role: str  # "intervention" or "comparator" (sham, placebo, usual or conservative care)
    area: str  # the data file it came from ("spine"), or "document"


def _rows(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _data():
    return resources.files("kb.estimates") / "data"


def load_outcomes() -> tuple[OutcomeWord, ...]:
    """The general outcome vocabulary, in priority order: a disability score that mentions back pain is
    a disability score."""
    return tuple(OutcomeWord(r["outcome"], lazy(r["pattern"], re.IGNORECASE), r["polarity"],
                             r["subjective"] == "yes", r.get("note", ""))
                 for r in _rows(_data() / "outcomes.csv"))


def load_treatments() -> tuple[TreatmentWord, ...]:
    """Every area's treatment words (patterns carry their own case flags: abbreviations match as printed)."""
    out = []
    for path in sorted((_data() / "treatments").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".csv"):
            area = path.name[:-4]
            out += [TreatmentWord(r["treatment"], lazy(r["pattern"]), r["role"], area) for r in _rows(path)]
    return tuple(out)


OUTCOME_WORDS = load_outcomes()
TREATMENT_WORDS = load_treatments()
# The (name, pattern) pairs older callers read.
TREATMENTS = tuple((t.name, t.pattern) for t in TREATMENT_WORDS)
OUTCOMES = tuple((o.name, o.pattern) for o in OUTCOME_WORDS)
_OUTCOME_BY_NAME = {o.name: o for o in OUTCOME_WORDS}
_ROLE = {t.name: t.role for t in TREATMENT_WORDS}


def outcome_word(name: str) -> OutcomeWord | None:
    return _OUTCOME_BY_NAME.get(name)


def treatment_role(name: str, extra: tuple[TreatmentWord, ...] = ()) -> str:
    """'comparator' for controls (sham, conservative care), 'intervention' otherwise."""
    for t in extra:
        if t.name == name:
            return t.role
    return _ROLE.get(name, "intervention")

_TIME = lazy(
    r"\b(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty-four|thirty-six)[\s-](?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
                 "thirty-six": 36}
_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}

# Wording that claims (or denies) a statistically significant result.
# "non-inferior" claims only that the interval stays inside a margin: it may well hold the null.
# "clinically significant" is about the size of an effect, not about the interval, so it is neither.
NOT_SIGNIFICANT = lazy(
    r"\bno (?:statistically )?significant (?:differences?|effects?|changes?|benefits?|improvements?|"
    r"reductions?|increases?|associations?)|\bnot (?:statistically )?significant(?:ly)?\b|"
    r"\bno (?:statistical|statistically) differences?\b|\bno differences?\b|\bdid not differ\b|"
    r"\bnon-?significant|\binsignificant\b|\bnot differ\w*", re.IGNORECASE, gated=True)
SIGNIFICANT = lazy(
    r"(?<!clinically )(?<!not )(?<!non-)(?<!non)\b(?:statistically )?significant(?:ly)?\b|"
    r"\bsuperior\b|(?<!non-)(?<!non)\binferior\b|\breduc(?:ed|es|e)\b", re.IGNORECASE, gated=True)
# "marginally significant (OR 10.7 [0.92-124.38], p = 0.058)": a hedge that concedes the result missed the
# threshold; it claims neither way.
HEDGE = lazy(r"\b(?:marginally|borderline|nearly|near|almost|approaching|trend(?:ing)?(?: towards?)?|"
             r"of borderline|might|may|could)[\s-]*$", re.IGNORECASE)  # 'a near-significant difference
# 'failed to identify a significant benefit (HR = 0.64; 95% CI = 0.38-1.07)': a failure to find it denies the claim.
NEGATION = lazy(r"\b(?:no|not|nor|neither|without|never)\b|n't\b|\bfail(?:ed|s|ing)?\s+to\b", re.IGNORECASE)
RISK_FACTOR = lazy(r"risk factors?", re.IGNORECASE)


def treatments_in(text: str, extra: tuple[TreatmentWord, ...] = ()) -> list[str]:
    """Canonical treatments named in ``text``, in order of first mention (``extra``: a document's own)."""
    # Only each name's first mention orders it, so one search per pattern (not every match of it) is
    # enough: a section's text runs to hundreds of thousands of characters.
    # A section's search is slow where a pattern cannot match at all: its literal needles (kb.needles) say so.
    first: dict[str, int] = {}
    lowered: list = []
    for name, rx in TREATMENTS + tuple((t.name, t.pattern) for t in extra):
        if not may_match(text, needles_of(rx), lowered):
            continue
        m = rx.search(text)
        if m and (name not in first or m.start() < first[name]):
            first[name] = m.start()
    return sorted(first, key=lambda name: (first[name], name))


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
