"""What a forest plot needs to know about each estimate: its question's one orientation and what it favours.

``oriented(kb, estimates)`` gives every estimate an ``Oriented`` record: the
question as intervention vs comparator (one orientation per question: a row
printed the other way round is turned, a ratio inverted with its bounds
swapped, a difference negated, and the row says so), the outcome's polarity
(``lower`` or ``higher`` is better, ``""`` when neither) and the treatment the
estimate favours. The rules themselves live in the evidence stage
(``kb.evidence.direction``); this module only asks them, once per estimate.

Until the evidence stage provides them, ``kb.outputs.panels.polarity_of`` and ``_direction`` are a
stand-in of the same shape: polarity by outcome name, orientation with controls
second and otherwise the order the criteria and the title name the treatments,
and the sign read as intervention minus (or over) comparator.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from kb.outputs.panels import scale_polarity

NO_DIFFERENCE, NOT_JUDGED = "no clear difference", "not judged"

_CONTROLS = ("sham", "placebo", "conservative care", "usual care", "none")


@dataclass(frozen=True)
class Oriented:
    """One estimate as its question's single orientation reads it."""

    id: str  # the estimate's id
    question: str  # "vertebroplasty vs kyphoplasty" (or the estimate's own question when it is no comparison)
    intervention: str
    comparator: str
    estimate: float
    low: float
    high: float
    estimate_text: str
    low_text: str
    high_text: str
    reoriented: str  # "" or how the printed row was turned round
    polarity: str  # "lower", "higher" or "" (neither is better, or not known)
    favours: str  # a treatment's name, NO_DIFFERENCE or NOT_JUDGED
    basis: str = ""  # why it favours what it favours


def _pair(comparison: str) -> tuple[str, str] | None:
    parts = comparison.split(" vs ")
    if len(parts) != 2 or not all(parts) or parts[1] == "none":
        return None
    return parts[0], parts[1]


def _framing(kb, estimates) -> dict[str, int]:
    """Treatment -> rank: first named by the criteria, then the title, then the estimates in order."""
    from kb.estimates.vocabulary import treatments_in

    texts = [st.text for st in kb.doc.statements] + [kb.doc.title or ""] if kb is not None else []
    order: dict[str, int] = {}
    for name in [n for text in texts for n in treatments_in(text)] + \
            [n for e in estimates for n in (_pair(e.comparison) or ())]:
        order.setdefault(name, len(order))
    return order


def _turn(text: str, value: float, scale: str) -> str:
    if scale == "difference":
        return text[1:] if text.startswith("-") else ("0" if value == 0 else "-" + text)
    digits = max(2, len(text.split(".", 1)[1]) if "." in text else 0)
    return f"{1 / value:.{digits}f}"


def _direction(e, polarity: str, intervention: str, comparator: str) -> Oriented:
    flipped = _pair(e.comparison) == (comparator, intervention)
    value, low, high = e.estimate, e.ci_low, e.ci_high
    texts, note = (e.estimate_text, e.ci_low_text, e.ci_high_text), ""
    finite = not any(math.isnan(v) for v in (value, low, high))
    if flipped and finite and e.scale == "ratio" and min(value, low, high) > 0:
        value, low, high = 1 / e.estimate, 1 / e.ci_high, 1 / e.ci_low
        texts = (_turn(e.estimate_text, e.estimate, "ratio"), _turn(e.ci_high_text, e.ci_high, "ratio"),
                 _turn(e.ci_low_text, e.ci_low, "ratio"))
        note = f"printed as {e.comparison}; ratio inverted, bounds swapped"
    elif flipped and finite and e.scale == "difference":
        value, low, high = -e.estimate, -e.ci_high, -e.ci_low
        texts = (_turn(e.estimate_text, e.estimate, "difference"), _turn(e.ci_high_text, e.ci_high, "difference"),
                 _turn(e.ci_low_text, e.ci_low, "difference"))
        note = f"printed as {e.comparison}; difference negated, bounds swapped"
    null = e.null
    if null is None or not finite or e.ci_low > e.ci_high:
        favours, basis = NOT_JUDGED, "the interval cannot be read"
    elif low <= null <= high:
        favours, basis = NO_DIFFERENCE, "the interval includes the null"
    elif not polarity:
        favours, basis = NOT_JUDGED, f"neither more nor less {e.outcome or 'of this outcome'} is known to be better"
    else:
        intervention_better = (value > null) == (polarity == "higher")
        favours, basis = (intervention if intervention_better else comparator), f"{polarity} {e.outcome} is better"
    return Oriented(e.id, f"{intervention} vs {comparator}", intervention, comparator, value, low, high, *texts,
                    note, polarity, favours, basis)


def oriented(kb, estimates) -> dict[str, Oriented]:
    """Estimate id -> its oriented record; rows that compare no two treatments keep their printed numbers."""
    order = _framing(kb, estimates)
    out = {}
    for e in estimates:
        pair = _pair(e.comparison) if e.question == e.comparison else None
        if pair is None:
            out[e.id] = Oriented(e.id, e.question, "", "", e.estimate, e.ci_low, e.ci_high, e.estimate_text,
                                 e.ci_low_text, e.ci_high_text, "", scale_polarity(e), NOT_JUDGED,
                                 "not a comparison of two treatments")
            continue
        key = lambda name: (name in _CONTROLS, order[name])  # noqa: E731
        intervention, comparator = (pair[1], pair[0]) if key(pair[1]) < key(pair[0]) else pair
        out[e.id] = _direction(e, scale_polarity(e), intervention, comparator)
    return out
