"""A suggested certainty of evidence per criterion, question and outcome, by explicit rules.

The rules follow the GRADE approach (Schünemann H, Brożek J, Guyatt G, Oxman A,
eds. GRADE Handbook, 2013, sections 5.1-5.2; Guyatt GH et al., GRADE guidelines
1-9, J Clin Epidemiol 2011): evidence starts at a level set by its design and
is rated down one level per domain with a serious concern. Each rule returns a
verdict, shown with the rating; none is hidden.

- **start**: high when every estimate comes from randomized evidence (a
  randomized trial, or a review whose paragraph says it pooled randomized
  trials), low otherwise (observational or undeclared designs);
- **risk of bias**: down one when the outcome is subjective (pain, function,
  disability, quality of life: ``subjective`` in the outcome vocabulary) and an
  estimate comes from an open-label design (handbook 5.2.1: lack of blinding
  matters most for subjective outcomes);
- **inconsistency**: down one when an estimate prints I² above 50%, or when
  the point estimates of different references at the same time point lie on
  both sides of the null (handbook 5.2.2); one reference at different time
  points is not inconsistency;
- **imprecision**: down one when an interval includes the null, or fewer than
  400 participants are behind the estimates (the handbook's optimal
  information size rule of thumb for continuous outcomes, 5.2.4.1);
- **indirectness** and **publication bias**: from ``certainty.csv`` (``serious``
  downgrades one level); the text cannot show them (handbook 5.2.3, 5.2.5).

The result is a suggestion: a reviewer confirms or overrides it in
``certainty.csv``; until then every output labels it "suggested by rules;
confirm at review". Upgrading observational evidence (large effects, dose
response) is left to the reviewer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .review import LEVELS

I2_LIMIT = 50.0
FEW_PARTICIPANTS = 400
UNCONFIRMED = "suggested by rules; confirm at review"


@dataclass(frozen=True)
class RuleVerdict:
    rule: str  # start, risk of bias, inconsistency, imprecision, indirectness, publication bias
    verdict: str  # high / low for start; "downgrade", "no concern" or "not judged" for the rest
    change: int  # levels: 0 or -1 (start: 0)
    reason: str

    def as_dict(self) -> dict:
        return {"rule": self.rule, "verdict": self.verdict, "change": self.change, "reason": self.reason}


def start_rule(designs) -> RuleVerdict:
    """``designs``: the Design of each estimate's reference."""
    if designs and all(d.randomized for d in designs):
        return RuleVerdict("start", "high", 0, "randomized evidence: " + "; ".join(
            dict.fromkeys(f"{d.label} ({d.why})" for d in designs)))
    other = [d for d in designs if not d.randomized]
    return RuleVerdict("start", "low", 0, "not all randomized: " + "; ".join(
        dict.fromkeys(f"{d.label} ({d.why})" for d in other)))


def risk_of_bias_rule(subjective: bool, designs) -> RuleVerdict:
    open_ = [d.label for d in designs if d.blinding == "open"]
    if not subjective:
        return RuleVerdict("risk of bias", "no concern", 0, "an objective outcome: blinding matters less")
    if open_:
        return RuleVerdict("risk of bias", "downgrade", -1,
                           f"a subjective outcome measured in open-label designs: {', '.join(dict.fromkeys(open_))}")
    unknown = [d.label for d in designs if d.blinding == "unknown"]
    if unknown:
        return RuleVerdict("risk of bias", "not judged", 0,
                           f"the text does not say whether {', '.join(dict.fromkeys(unknown))} blinded")
    return RuleVerdict("risk of bias", "no concern", 0, "a subjective outcome, measured blinded")


def _i2(text: str) -> float | None:
    m = re.search(r"(\d+(?:\.\d+)?)\s*%", text or "")
    return float(m.group(1)) if m else None


def inconsistency_rule(effects) -> RuleVerdict:
    """``effects``: Direction records (oriented)."""
    high = [d for d in effects if (_i2(d.estimate.i2) or 0) > I2_LIMIT]
    if high:
        return RuleVerdict("inconsistency", "downgrade", -1,
                           f"I² above {I2_LIMIT:g}%: " + ", ".join(f"{d.estimate.i2} ({d.estimate.source})" for d in high))
    sides: dict[tuple[str, str], set] = {}  # (timepoint, side) -> references
    for d in effects:
        null = d.estimate.null
        if null is not None and d.value == d.value and d.value != null:
            sides.setdefault((d.estimate.timepoint, "above" if d.value > null else "below"), set()).add(
                d.estimate.citations)
    for (timepoint, side), refs in sides.items():
        other = sides.get((timepoint, "below" if side == "above" else "above"), set())
        if any(a != b for a in refs for b in other):
            return RuleVerdict("inconsistency", "downgrade", -1,
                               f"references lie on both sides of the null at {timepoint or 'an unstated time point'}")
    if len({d.estimate.citations for d in effects}) < 2 and not any(d.estimate.i2 for d in effects):
        return RuleVerdict("inconsistency", "not judged", 0, "one reference and no I²: consistency cannot be seen")
    return RuleVerdict("inconsistency", "no concern", 0, "no I² above 50% and all estimates on one side of the null")


def imprecision_rule(effects, participants: int | None) -> RuleVerdict:
    crossing = [d for d in effects if d.estimate.null is not None and d.ci_low <= d.estimate.null <= d.ci_high]
    if crossing:
        return RuleVerdict("imprecision", "downgrade", -1, "an interval includes the null: " + ", ".join(
            f"{d.estimate_text} ({d.ci_low_text} to {d.ci_high_text})" for d in crossing))
    if participants is not None and participants < FEW_PARTICIPANTS:
        return RuleVerdict("imprecision", "downgrade", -1,
                           f"{participants} participants, fewer than {FEW_PARTICIPANTS}")
    if participants is None:
        return RuleVerdict("imprecision", "no concern", 0, "every interval excludes the null (participants not given)")
    return RuleVerdict("imprecision", "no concern", 0,
                       f"every interval excludes the null; {participants} participants")


def curated_rule(name: str, value: str, reason: str) -> RuleVerdict:
    if value == "serious":
        return RuleVerdict(name, "downgrade", -1, f"reviewer: {reason}")
    if value == "no":
        return RuleVerdict(name, "no concern", 0, f"reviewer: {reason}")
    return RuleVerdict(name, "not judged", 0, "from review only (certainty.csv); not recorded")


def rate(verdicts: tuple[RuleVerdict, ...]) -> str:
    """The level after the start and every downgrade (never below very low)."""
    start = next(v for v in verdicts if v.rule == "start")
    level = LEVELS.index(start.verdict) + sum(v.change for v in verdicts)
    return LEVELS[max(0, min(level, len(LEVELS) - 1))]
