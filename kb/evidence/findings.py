"""Summary of findings per criterion, question and outcome, in the manner of a GRADE evidence profile.

``summary_of_findings(kb)`` is pure: the knowledge base in, ``SummaryRow``
records out, one per criterion, question (oriented, ``kb.evidence.direction``)
and outcome, for every estimate whose reference is on the criterion's evidence
path (its own or, where the text does not discuss it separately, its nearest
ancestor's). Each row lists the effects as reported, one per estimate: several
studies on one measure are all shown with their range, and nothing is pooled
that the policy did not pool. Rows on risk factors (not a comparison of
treatments) are left out.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.estimates.table import flags
from kb.estimates.topics import document_treatments
from kb.estimates.vocabulary import outcome_word
from .certainty import (UNCONFIRMED, RuleVerdict, curated_rule, imprecision_rule, inconsistency_rule, rate,
                        risk_of_bias_rule, start_rule)
from .design import Design, design_of, paragraph_text
from .direction import (COMPARATOR, INTERVENTION, NO_DIFFERENCE, Direction, direction_of, framing_order, orient,
                        split_comparison, words_around)
from .profile import profile_of
from .review import Reviews, read_reviews

_RELIEF = ("relief", "improvement", "improving", "reduction in", "responder", "meeting", "change in")


@dataclass(frozen=True)
class Effect:
    """One estimate in a summary row, oriented to the row's question."""

    id: str
    line: int
    reference: int
    printed_citations: tuple[int, ...]
    study: str  # the study's name or the reference's author (year)
    measure: str
    estimate: str
    ci_low: str
    ci_high: str
    timepoint: str
    favours: str  # the favoured treatment's name, "no clear difference" or "not judged"
    side: str  # intervention / comparator / no clear difference / not judged
    basis: str
    reoriented: str
    attribution: str
    flags: str

    def as_dict(self) -> dict:
        return {"id": self.id, "line": self.line, "reference": self.reference,
                "printed_citations": list(self.printed_citations), "study": self.study, "measure": self.measure,
                "estimate": self.estimate, "ci_low": self.ci_low, "ci_high": self.ci_high,
                "timepoint": self.timepoint, "favours": self.favours, "basis": self.basis,
                "reoriented": self.reoriented, "attribution": self.attribution, "flags": self.flags}


@dataclass(frozen=True)
class SummaryRow:
    statement: str
    question: str  # "vertebroplasty vs conservative care" (intervention vs comparator)
    outcome: str
    intervention: str
    comparator: str
    references: tuple[int, ...]
    studies: tuple[str, ...]  # labels of the studies or reviews behind the effects
    participants: int | None  # the sum of what the text gives; None when it gives none
    participants_note: str
    effects: tuple[Effect, ...]
    direction: str
    certainty: str
    certainty_reasons: tuple[RuleVerdict, ...]
    confirmed: bool
    certainty_note: str  # UNCONFIRMED, or the reviewer's decision

    @property
    def comparison(self) -> str:
        return self.question

    def as_dict(self) -> dict:
        return {"question": self.question, "outcome": self.outcome, "comparison": self.comparison,
                "intervention": self.intervention, "comparator": self.comparator,
                "studies": list(self.studies), "references": list(self.references),
                "participants": self.participants, "participants_note": self.participants_note,
                "effects": [e.as_dict() for e in self.effects], "direction": self.direction,
                "certainty": self.certainty, "certainty_reasons": [v.as_dict() for v in self.certainty_reasons],
                "confirmed": self.confirmed, "certainty_note": self.certainty_note}


def polarity_for(outcome: str, detail: str, reviews: Reviews) -> str:
    """lower / higher / '' for an outcome: the reviewer's word, else the vocabulary; a pain or disability
    measure printed as relief or improvement (``detail``: the words around the estimate) is read as
    higher-is-better."""
    reviewed = reviews.polarity_of(outcome)
    if reviewed is not None:
        return reviewed
    word = outcome_word(outcome)
    polarity = word.polarity if word else ""
    if polarity == "lower" and any(w in (detail or "").lower() for w in _RELIEF):
        return "higher"
    return polarity


def _memo(kb, key: str, compute):
    """Cache on the knowledge base (a frozen dataclass without slots: its __dict__ is writable)."""
    if key not in kb.__dict__:
        kb.__dict__[key] = compute(kb)
    return kb.__dict__[key]


def _framing(kb):
    extra = document_treatments(kb.doc)
    return extra, framing_order([s.text for s in kb.doc.statements] + [kb.doc.title or ""], extra)


def favours_of(kb, estimate) -> Direction | None:
    """The oriented direction of one estimate (None for rows that compare no two treatments)."""
    pair = split_comparison(estimate.comparison)
    if pair is None:
        return None
    extra, order = _memo(kb, "_evidence_framing", _framing)
    intervention, comparator = orient(*pair, order, extra)
    words = f"{estimate.detail} {words_around(estimate)}"
    return direction_of(estimate, polarity_for(estimate.outcome, words, read_reviews_of(kb)),
                        intervention, comparator, extra)


def directions_by_estimate(kb) -> dict:
    """Estimate id -> its Direction (or None), for every estimate of the knowledge base (computed once)."""
    return _memo(kb, "_evidence_directions",
                 lambda k: {e.id: favours_of(k, e) for e in k.effect_estimates.estimates})


def read_reviews_of(kb) -> Reviews:
    return _memo(kb, "_evidence_reviews", read_reviews)


def _evidence_refs(kb, statement: str) -> set[int]:
    p = profile_of(kb, statement)
    refs = set(p.references)
    for sid in p.studies:
        refs |= set(kb.evidence.studies[sid].references)
    return refs


def row_direction(effects: tuple[Effect, ...], intervention: str, comparator: str) -> str:
    sides = [e.side for e in effects]
    n_i, n_c, n_0 = sides.count(INTERVENTION), sides.count(COMPARATOR), sides.count(NO_DIFFERENCE)
    if n_i and n_c:
        return f"mixed: {n_i} favour {intervention}, {n_c} favour {comparator}, {n_0} no clear difference"
    for n, name in ((n_i, intervention), (n_c, comparator)):
        if n:
            rest = f" ({n} of {len(sides)} estimates; the others show no clear difference or are not judged)" \
                if n < len(sides) else ""
            return f"favours {name}{rest}"
    return NO_DIFFERENCE if n_0 else "not judged"


def _participants(designs: list[Design]) -> tuple[int | None, str]:
    known = {d.reference: d.participants for d in designs if d.participants is not None}
    unknown = sorted({d.label for d in designs if d.participants is None})
    total = sum(known.values()) if known else None
    note = f"not given for {', '.join(unknown)}" if unknown else ""
    if len(known) > 1:
        note = ("summed over references that may share trials; " + note).rstrip("; ")
    return total, note


def _rate(kb, statement: str, question: str, outcome: str, directions, designs, participants, reviews: Reviews):
    word = outcome_word(outcome)
    review = reviews.certainty_for(statement, question, outcome)
    verdicts = (start_rule(designs), risk_of_bias_rule(bool(word and word.subjective), designs),
                inconsistency_rule(directions), imprecision_rule(directions, participants),
                curated_rule("indirectness", review.indirectness if review else "", review.decision.reason if review else ""),
                curated_rule("publication bias", review.publication_bias if review else "",
                             review.decision.reason if review else ""))
    suggested = rate(verdicts)
    if review is None or not review.certainty:
        return suggested, verdicts, False, UNCONFIRMED
    d = review.decision
    if review.certainty == suggested:
        return suggested, verdicts, True, f"confirmed by {d.reviewer} on {d.date}: {d.reason}"
    override = RuleVerdict("review", review.certainty, 0, f"{d.reviewer} on {d.date} overrode '{suggested}': {d.reason}")
    return review.certainty, verdicts + (override,), True, override.reason


def summary_of_findings(kb, statement: str | None = None) -> tuple[SummaryRow, ...]:
    """Every criterion's summary rows (or one criterion's), in outline order, then question and outcome."""
    ids = [statement] if statement else [s.id for s in kb.doc.statements]
    cache = _memo(kb, "_evidence_summary", lambda k: {})
    for sid in ids:
        if sid not in cache:
            cache[sid] = _rows_for(kb, sid)
    return tuple(row for sid in ids for row in cache[sid])


def _rows_for(kb, sid: str) -> list[SummaryRow]:
    reviews = read_reviews_of(kb)
    estimates = kb.effect_estimates.estimates
    oriented = directions_by_estimate(kb)
    out = []
    refs = _evidence_refs(kb, sid)
    groups: dict[tuple[str, str], list] = {}
    for e in estimates:
        # an attributed estimate bears on the criteria where it is printed
        if not refs.intersection(e.printed_citations or e.citations) or not e.outcome:
            continue
        d = oriented.get(e.id)
        if d is not None:
            groups.setdefault((d.question, e.outcome), []).append(d)
    for (question, outcome), directions in sorted(groups.items()):
        designs = [design_of(kb, d.estimate.citations[0], paragraph_text(kb, d.estimate.sentence_index))
                   for d in directions]
        effects = tuple(Effect(
            d.estimate.id, d.estimate.line, d.estimate.citations[0], d.estimate.printed_citations,
            g.label, d.estimate.measure, d.estimate_text, d.ci_low_text, d.ci_high_text, d.estimate.timepoint,
            d.favours_label, d.favours, d.basis, d.reoriented, d.estimate.attribution,
            flags(d.estimate)) for d, g in zip(directions, designs))
        participants, note = _participants(designs)
        certainty, verdicts, confirmed, cnote = _rate(kb, sid, question, outcome, directions, designs,
                                                      participants, reviews)
        first = directions[0]
        out.append(SummaryRow(
            sid, question, outcome, first.intervention, first.comparator,
            tuple(dict.fromkeys(e.reference for e in effects)), tuple(dict.fromkeys(g.label for g in designs)),
            participants, note, effects, row_direction(effects, first.intervention, first.comparator),
            certainty, verdicts, confirmed, cnote))
    return out
