"""Records for the numbers a policy's rationale reports.

Every number is kept twice: the text exactly as printed (``"-0.39"``,
``"27%"``, ``".56"``) and the parsed float. Checks read the floats and the
printed decimals (for rounding allowances); tables and plots show the text,
so a wrong interval stays visibly wrong.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

RATIO_MEASURES = frozenset({"RR", "OR", "HR", "IRR", "GMR", "PR"})
DIFFERENCE_MEASURES = frozenset({"MD", "SMD", "WMD", "RD", "difference", "beta"})
MEASURE_NAMES = {
    "MD": "mean difference", "SMD": "standardised mean difference", "WMD": "weighted mean difference",
    "RD": "risk or percentage difference", "difference": "difference", "RR": "relative risk",
    "OR": "odds ratio", "HR": "hazard ratio", "IRR": "incidence rate ratio", "proportion": "proportion",
    "kappa": "kappa (agreement)", "PE": "protective efficacy", "GMR": "geometric mean ratio",
    "ICC": "intraclass correlation (agreement)", "RRR": "relative risk reduction", "PR": "prevalence ratio",
    "beta": "regression coefficient",
}


def decimals(text: str) -> int:
    """Digits after the decimal point as printed: '0.70' -> 2, '27%' -> 0."""
    digits = text.rstrip("%").strip()
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def half_unit(text: str) -> float:
    """Half a unit of the last printed digit: the most rounding can have moved the value."""
    return 0.5 * 10 ** -decimals(text)


def rounds_to(exact: float, printed_text: str) -> bool:
    """Whether a percentage printed as ``printed_text`` can come from ``exact``: rounded to its digits, cut to
    them (some authors truncate), or rounded twice, first to one digit more (43 / 47 = 91.49% -> 91.5 -> 92%,
    7 / 161 = 4.348% -> 4.35 -> 4.4%): the printed value then differs from the exact one by a hair over half a unit,
    which is how the author's table gave it, not a wrong count."""
    printed, places = float(printed_text.rstrip("%")), decimals(printed_text)
    if abs(exact - printed) <= half_unit(printed_text) + 1e-9:
        return True
    scale = 10 ** places
    if abs(math.floor(exact * scale + 1e-9) / scale - printed) < 1e-9:
        return True
    step = Decimal(str(round(exact, 9))).quantize(Decimal(1).scaleb(-(places + 1)), rounding=ROUND_HALF_UP)
    twice = step.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return abs(float(twice) - printed) < 1e-9


@dataclass(frozen=True)
class EffectEstimate:
    """One reported result with its interval, as printed and parsed."""

    id: str  # stable within a document: "L134.2" is the second estimate found on line 134
    line: int
    column: int | None
    measure: str  # canonical: MD, SMD, WMD, RD, difference, RR, OR, HR, IRR, kappa, PE, proportion, or ""
    measure_printed: str  # the words as printed, e.g. "odds ratio [OR]"; "" when none were printed
    estimate_text: str
    estimate: float
    ci_low_text: str
    ci_low: float
    ci_high_text: str
    ci_high: float
    ci_level: str = ""  # "95%" as printed; "" when the text gives no level
    p_value: str = ""  # as printed without spaces: ".56", "<0.05", "=0.005"
    unit: str = ""  # "%" or "points" when printed after the number
    citations: tuple[int, ...] = ()
    cited_in: str = ""  # where the citations came from: sentence, paragraph, section or curated
    source: str = ""  # first author (year) of the first cited entry
    named_source: str = ""  # the author (year) the paragraph itself names, e.g. "Zhao (2017)"
    outcome: str = ""
    timepoint: str = ""
    comparison: str = ""  # "vertebroplasty vs sham", in the order the text names them
    question: str = ""  # what a forest plot groups by: the comparison, or "risk factors for ..."
    detail: str = ""  # the words naming this result ("radiological fracture", "EQ-5D")
    claim: str = ""  # the governing wording: "significant", "not significant" or ""
    claim_text: str = ""  # the words that made the claim
    n_studies: int | None = None  # studies in the review, as stated in the paragraph
    i2: str = ""  # heterogeneity printed with the estimate
    quote: str = ""  # the sentence it came from
    origin: str = "text"  # text, curated (added) or corrected (text changed by the curated table)
    note: str = ""
    sentence_index: int | None = None
    printed_citations: tuple[int, ...] = ()  # the marker as printed when the row was attributed elsewhere
    attribution: str = ""  # why the row was moved to another entry (kb.estimates.attribution)

    @property
    def scale(self) -> str:
        if self.measure in RATIO_MEASURES:
            return "ratio"
        if self.measure in DIFFERENCE_MEASURES:
            return "difference"
        return ""

    @property
    def null(self) -> float | None:
        return {"ratio": 1.0, "difference": 0.0}.get(self.scale)

    @property
    def level(self) -> float | None:
        """The confidence level as a fraction (0.95), or None when not printed."""
        try:
            return float(self.ci_level.rstrip("%")) / 100 if self.ci_level else None
        except ValueError:
            return None

    @property
    def interval_text(self) -> str:
        return f"{self.ci_low_text} to {self.ci_high_text}"


@dataclass(frozen=True)
class SampleSplit:
    """A stated total and the arm sizes listed with it ("N=1231; 623 to ..., 608 to ...")."""

    line: int
    total_text: str
    total: int
    arms: tuple[tuple[str, int], ...]  # (as printed, value)
    citations: tuple[int, ...] = ()
    quote: str = ""

    @property
    def arm_sum(self) -> int:
        return sum(v for _, v in self.arms)


@dataclass(frozen=True)
class CountPercent:
    """A count with its percentage ("67 (86%)"), and the denominator when one is known."""

    line: int
    count_text: str
    count: int
    percent_text: str
    percent: float
    denominator: int | None = None
    denominator_source: str = ""  # "printed" (in the sentence) or "arms" (the paragraph's arm sizes)
    citations: tuple[int, ...] = ()
    quote: str = ""


@dataclass(frozen=True)
class Heterogeneity:
    line: int
    text: str  # "I² = 45%"
    value: float
    citations: tuple[int, ...] = ()
    quote: str = ""


@dataclass(frozen=True)
class StudyCount:
    """'Thirteen studies were selected': how many studies a review says it included."""

    line: int
    text: str
    n: int
    citations: tuple[int, ...] = ()


@dataclass(frozen=True)
class EstimateSet:
    estimates: tuple[EffectEstimate, ...] = ()
    samples: tuple[SampleSplit, ...] = ()
    counts: tuple[CountPercent, ...] = ()
    heterogeneity: tuple[Heterogeneity, ...] = ()
    study_counts: tuple[StudyCount, ...] = ()
    trials: tuple = ()  # kb.estimates.trial_links.TrialNumber: totals, arms and follow-up counts, sentence by sentence
    printed: tuple[EffectEstimate, ...] | None = None  # as extracted, before the curated table
    notes: tuple[str, ...] = field(default=())  # what the curated table changed

    @property
    def from_text(self) -> tuple[EffectEstimate, ...]:
        """The estimates exactly as the policy prints them: what the EST checks read."""
        return self.estimates if self.printed is None else self.printed
