"""What a forest plot needs to know about each estimate: its question's one orientation and what it favours.

``oriented(kb, estimates)`` gives every estimate an ``Oriented`` record: the
question as intervention vs comparator (one orientation per question: a row
printed the other way round is turned, a ratio inverted with its bounds
swapped, a difference negated, and the row says so), the polarity the row is
read with (``lower`` or ``higher`` is better, ``""`` when neither) and the
treatment it favours. The rules are the evidence stage's
(``kb.evidence.direction``, ``kb.evidence.findings.polarity_for``); the plot adds
one refinement, an instrument whose polarity differs from its outcome's
(``kb.outputs.panels.INSTRUMENTS``: QUALEFFO scores burden, so lower is better),
so that a row and the side labels of its panel are read the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.evidence.direction import NOT_JUDGED, direction_of, framing_order, orient, split_comparison, words_around
from kb.outputs.panels import instrument_polarity


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
    favours: str  # a treatment's name, "no clear difference" or "not judged"
    basis: str = ""  # why it favours what it favours


def _polarity(e, reviews) -> str:
    """The reviewer's polarity for the outcome, else the instrument's own, else the evidence stage's reading."""
    from kb.evidence.findings import polarity_for

    reviewed = reviews.polarity_of(e.outcome)
    if reviewed is not None:
        return reviewed
    return instrument_polarity(e) or polarity_for(e.outcome, f"{e.detail} {words_around(e)}", reviews)


def _context(kb, estimates):
    from kb.estimates.topics import document_treatments
    from kb.evidence.findings import read_reviews_of
    from kb.evidence.review import Reviews

    if kb is None:
        extra, texts, reviews = (), [], Reviews()
    else:
        extra = document_treatments(kb.doc)
        texts, reviews = [s.text for s in kb.doc.statements] + [kb.doc.title or ""], read_reviews_of(kb)
    # Treatments the criteria and title never name are ranked by their first printed comparison.
    texts += [e.comparison.replace(" vs ", ", ") for e in estimates if split_comparison(e.comparison)]
    return extra, framing_order(texts, extra), reviews


def oriented(kb, estimates) -> dict[str, Oriented]:
    """Estimate id -> its oriented record (``kb`` may be None: no criteria order, no reviewed polarity)."""
    extra, order, reviews = _context(kb, estimates)
    out = {}
    for e in estimates:
        pair = split_comparison(e.comparison) if e.question == e.comparison else None
        polarity = _polarity(e, reviews)
        if pair is None:
            out[e.id] = Oriented(e.id, e.question, "", "", e.estimate, e.ci_low, e.ci_high, e.estimate_text,
                                 e.ci_low_text, e.ci_high_text, "", polarity, NOT_JUDGED,
                                 "not a comparison of two treatments")
            continue
        intervention, comparator = orient(*pair, order, extra)
        d = direction_of(e, polarity, intervention, comparator, extra)
        out[e.id] = Oriented(e.id, d.question, d.intervention, d.comparator, d.value, d.ci_low, d.ci_high,
                             d.estimate_text, d.ci_low_text, d.ci_high_text, d.reoriented, polarity,
                             d.favours_label, d.basis)
    return out
