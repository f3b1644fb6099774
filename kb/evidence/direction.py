"""Which treatment an estimate favours, and one orientation per question.

Rules (documented in the README, each with a fixture in tests/evidence/test_direction.py):

1. **Orientation.** A question ("kyphoplasty vs vertebroplasty") is read as
   intervention vs comparator the way the policy frames it: a control (sham,
   placebo, conservative or usual care: role ``comparator`` in the treatment
   words) is always the comparator; between two active treatments, the one the
   criteria (then the title) name first is the intervention. A row printed the
   other way round is re-oriented: a ratio is inverted with its bounds swapped
   (0.62, 0.47 to 0.80 -> 1.61, 1.25 to 2.13), a difference is negated with its
   bounds swapped, and the row says so.
2. **No clear difference** when the interval includes the null (1 for ratios,
   0 for differences; a bound that touches it counts as including it).
3. **The text's own words** otherwise: the nearest benefit wording before the
   estimate in its sentence ("Vertebroplasty was superior", "it was inferior to
   conservative treatment", "vertebral augmentation reduced risk of mortality",
   "the benefit of vertebroplasty") names the favoured treatment. Authors know
   their sign convention; the reader of a policy often does not.
4. **Sign and polarity** when the text says nothing: the printed difference or
   ratio is read as first-named minus (or over) second-named treatment, and the
   outcome's polarity (``data/outcomes.csv``, corrected by the policy folder's
   ``polarity.csv``) says whether more is better. Where the text and the sign
   disagree, the text wins and the basis says so.
5. **Not judged** when the outcome has no polarity (cement volume), the row's
   interval runs backwards (EST101), or the row is not a comparison of
   treatments (risk factors).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.estimates.model import EffectEstimate
from kb.estimates.vocabulary import treatment_role, treatments_in

INTERVENTION, COMPARATOR, NO_DIFFERENCE, NOT_JUDGED = "intervention", "comparator", "no clear difference", "not judged"

_BENEFIT = lazy(r"\b(?:superior|improve\w*|greater|better|benefits?|higher|more effective|favou?r\w*)\b",
                      re.IGNORECASE)
_REDUCED = lazy(r"\b(?:reduc\w*|decreas\w*|lower\w*|fewer)\b", re.IGNORECASE)
_INCREASED = lazy(r"\b(?:increas\w*|restor\w*)\b", re.IGNORECASE)
_INFERIOR = lazy(r"\b(?:inferior|worse)\b", re.IGNORECASE)
_AFTER_WINDOW = 45


@dataclass(frozen=True)
class Direction:
    """What one estimate found, oriented to its question."""

    estimate: EffectEstimate
    intervention: str
    comparator: str
    value: float  # oriented: intervention vs comparator
    ci_low: float
    ci_high: float
    estimate_text: str  # as printed, or recomputed when re-oriented
    ci_low_text: str
    ci_high_text: str
    reoriented: str  # "" or how the printed row was turned round
    favours: str  # intervention / comparator / no clear difference / not judged
    basis: str  # why

    @property
    def favours_label(self) -> str:
        """The favoured treatment's name, or 'no clear difference' / 'not judged'."""
        return {INTERVENTION: self.intervention, COMPARATOR: self.comparator}.get(self.favours, self.favours)

    @property
    def question(self) -> str:
        return f"{self.intervention} vs {self.comparator}"


def split_comparison(comparison: str) -> tuple[str, str] | None:
    parts = comparison.split(" vs ")
    if len(parts) != 2 or not all(parts) or parts[1] == "none":
        return None
    return parts[0], parts[1]


def framing_order(texts, extra=()) -> dict[str, int]:
    """Treatment -> rank by first mention across ``texts`` (criteria, then title), for orientation."""
    order: dict[str, int] = {}
    for text in texts:
        for name in treatments_in(text or "", extra):
            order.setdefault(name, len(order))
    return order


def orient(first: str, second: str, order: dict[str, int], extra=()) -> tuple[str, str]:
    """(intervention, comparator) for a pair of treatments: controls second, then the framing order."""
    def key(name: str) -> tuple[int, int]:
        return (1 if treatment_role(name, extra) == "comparator" else 0, order.get(name, len(order) + 1))
    if key(second) < key(first):
        return second, first
    return first, second


def _turn(text: str, value: float, scale: str) -> str:
    if scale == "difference":
        return text[1:] if text.startswith("-") else ("0" if value == 0 else "-" + text)
    digits = max(2, len(text.split(".", 1)[1]) if "." in text else 0)
    return "inf" if value == 0 else f"{1 / value:.{digits}f}"


def _position(e: EffectEstimate) -> int:
    m = re.search(re.escape(e.estimate_text) + r"[^()]{0,60}?" + re.escape(e.ci_low_text), e.quote)
    return m.start() if m else len(e.quote)


def words_around(e: EffectEstimate, width: int = 80) -> str:
    """The words of the estimate's sentence just before and after it (for 'pain relief', 'more patients')."""
    at = _position(e)
    return e.quote[max(0, at - width):at + width]


def text_says(e: EffectEstimate, polarity: str, pair: tuple[str, str], extra=()) -> tuple[str, str] | None:
    """(favoured treatment, the words) from the nearest benefit wording before the estimate, or None.
    ``extra``: the document's own treatment words."""
    before = e.quote[:_position(e)]
    hits = [(m, "inferior") for m in _INFERIOR.finditer(before)]
    hits += [(m, "benefit") for m in _BENEFIT.finditer(before)]
    if polarity == "lower":
        hits += [(m, "benefit") for m in _REDUCED.finditer(before)]
    elif polarity == "higher":
        hits += [(m, "benefit") for m in _INCREASED.finditer(before)]
    if not hits:
        return None
    m, kind = max(hits, key=lambda h: h[0].start())
    tail = before[m.end():m.end() + _AFTER_WINDOW]
    after = treatments_in(tail, extra)
    prior = treatments_in(before[:m.start()], extra)
    words = before[max(0, m.start() - 40):m.end() + 25].strip()
    if kind == "inferior":
        if after and after[0] in pair:
            return after[0], words
        if prior and prior[-1] in pair:
            return (pair[1] if prior[-1] == pair[0] else pair[0]), words
        return None
    subject = [t for t in reversed(prior) if t in pair]
    if subject:
        return subject[0], words
    if after and after[0] in pair:
        if re.match(r"\s*(?:to|than|over)\b", tail):  # "superior to usual care": the other one
            return (pair[1] if after[0] == pair[0] else pair[0]), words
        return after[0], words
    return None


def sign_says(e: EffectEstimate, polarity: str, pair: tuple[str, str]) -> str | None:
    """The treatment the sign favours, reading the row as first-named vs second-named."""
    if polarity not in ("lower", "higher") or e.null is None:
        return None
    above = e.estimate > e.null
    first_better = above if polarity == "higher" else not above
    return pair[0] if first_better else pair[1]


def includes_null(e: EffectEstimate) -> bool:
    return e.null is not None and e.ci_low <= e.null <= e.ci_high


def direction_of(e: EffectEstimate, polarity: str, intervention: str, comparator: str, extra=()) -> Direction:
    """Orient ``e`` to intervention vs comparator and say which it favours (rules in the module docstring)."""
    pair = split_comparison(e.comparison)
    flipped = pair is not None and pair == (comparator, intervention)
    value, low, high = e.estimate, e.ci_low, e.ci_high
    texts = (e.estimate_text, e.ci_low_text, e.ci_high_text)
    note = ""
    if flipped and e.scale and not any(math.isnan(v) for v in (value, low, high)):
        if e.scale == "ratio" and min(value, low, high) > 0:
            value, low, high = 1 / e.estimate, 1 / e.ci_high, 1 / e.ci_low
            texts = (_turn(e.estimate_text, e.estimate, "ratio"), _turn(e.ci_high_text, e.ci_high, "ratio"),
                     _turn(e.ci_low_text, e.ci_low, "ratio"))
            note = f"printed as {e.comparison}; ratio inverted, bounds swapped"
        elif e.scale == "difference":
            value, low, high = -e.estimate, -e.ci_high, -e.ci_low
            texts = (_turn(e.estimate_text, e.estimate, "difference"), _turn(e.ci_high_text, e.ci_high, "difference"),
                     _turn(e.ci_low_text, e.ci_low, "difference"))
            note = f"printed as {e.comparison}; difference negated, bounds swapped"

    def make(favours: str, basis: str) -> Direction:
        return Direction(e, intervention, comparator, value, low, high, *texts, note, favours, basis)

    if pair is None or e.null is None:
        return make(NOT_JUDGED, "not a comparison of two treatments on a ratio or difference scale")
    if e.ci_low > e.ci_high:
        return make(NOT_JUDGED, "the interval runs backwards (EST101): the printed numbers cannot be read")
    if includes_null(e):
        return make(NO_DIFFERENCE, f"the interval {e.ci_low_text} to {e.ci_high_text} includes the null ({e.null:g})")
    said = text_says(e, polarity, pair, extra)
    signed = sign_says(e, polarity, pair)

    def side(name: str) -> str:
        return INTERVENTION if name == intervention else COMPARATOR
    if said:
        extra = ""
        if signed and signed != said[0]:
            extra = (f"; the sign read as {pair[0]} minus {pair[1]} would favour {signed}, so the printed "
                     f"difference is probably {pair[1]} minus {pair[0]} or a change score")
        return make(side(said[0]), f"the text says so: \"{said[1]}\"{extra}")
    if signed:
        what = "lower" if polarity == "lower" else "higher"
        return make(side(signed), f"{what} {e.outcome or 'values'} is better, and the row read as "
                                  f"{pair[0]} vs {pair[1]} is {'above' if e.estimate > e.null else 'below'} "
                                  f"the null")
    return make(NOT_JUDGED, f"no polarity is known for '{e.outcome or 'this outcome'}' and the text names no "
                            f"favoured treatment")
