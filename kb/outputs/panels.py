"""One outcome on one scale per forest-plot panel, and which side of the null favours which treatment.

A panel holds the estimates of one outcome measured on one scale: ratios
(RR, OR, HR) on a log axis; standardised mean differences; risk differences;
and mean differences, which are in the units of their instrument, so a VAS
difference and an EQ-5D difference never share an axis. The instrument is read
from the words naming the result, else from its sentence when that names
exactly one instrument of the outcome; a difference on an unnamed scale gets a
panel of its own ("scale not named").

A pain or disability measure printed as relief or improvement (more is
better) runs the other way from a pain score, so it gets a panel of its own.
Under each panel's axis a line says which side favours which treatment:
with intervention minus (or over) comparator, a lower value favours the
intervention when less of the outcome is better (pain, fractures), and the
comparator when more is better (quality of life, relief). A panel whose
polarity is not known gets no such line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# (instrument, the outcome it measures, words naming it, its polarity where it differs from the outcome's)
INSTRUMENTS = (
    ("VAS", "pain", re.compile(r"\bVAS\b|visual analog", re.IGNORECASE), ""),
    ("NRS", "pain", re.compile(r"\bNRS\b|numeric(?:al)? rating", re.IGNORECASE), ""),
    ("ODI", "disability (ODI)", re.compile(r"\bODI\b|Oswestry", re.IGNORECASE), ""),
    ("RMDQ", "disability (RMDQ)", re.compile(r"\bRMDQ\b|Roland[- ]Morris", re.IGNORECASE), ""),
    ("EQ-5D", "quality of life", re.compile(r"EQ-5D|EuroQol|European Quality of Life", re.IGNORECASE), ""),
    # QUALEFFO scores disability from osteoporosis: a higher score is a worse quality of life.
    ("QUALEFFO", "quality of life", re.compile(
        r"QUALEFFO|Quality of Life Questionnaire of the European Foundation for Osteoporosis", re.IGNORECASE), "lower"),
    ("SF-36 PCS", "quality of life", re.compile(r"SF-36|Short-Form Health Survey|Physical Component", re.IGNORECASE),
     ""),
)
RATIO, SMD, RISK_DIFFERENCE, MEAN_DIFFERENCE = "ratio", "standardised mean difference", "risk difference", \
    "mean difference"


@dataclass(frozen=True)
class PanelKey:
    outcome: str
    family: str  # RATIO, SMD, RISK_DIFFERENCE or MEAN_DIFFERENCE
    instrument: str = ""  # for a mean difference: "VAS", "EQ-5D"; "" when not named
    reading: str = ""  # "relief": a less-is-better outcome printed as relief or improvement (more is better)

    @property
    def label(self) -> str:
        head = self.outcome + (" relief or improvement" if self.reading else "")
        if self.family == RATIO:
            return f"{head}: ratio"
        if self.family == MEAN_DIFFERENCE:
            return f"{head}: mean difference, {self.instrument or 'scale not named'}"
        return f"{head}: {self.family}"


def instrument_of(e) -> str:
    """The instrument an estimate's number is on: named in its own words, else the one its sentence names."""
    for name, outcome, rx, _ in INSTRUMENTS:
        if e.detail and rx.search(e.detail):
            return name
    named = {name for name, outcome, rx, _ in INSTRUMENTS if outcome == e.outcome and rx.search(e.quote or "")}
    return named.pop() if len(named) == 1 else ""


def family_of(e) -> str:
    if e.scale == "ratio":
        return RATIO
    if e.measure == "SMD":
        return SMD
    if e.measure == "RD" or e.unit == "%":
        return RISK_DIFFERENCE
    return MEAN_DIFFERENCE


def panel_key(e, polarity: str = "") -> PanelKey:
    """The panel of an estimate read with ``polarity``: relief from pain (more is better) and pain scores
    (less is better) run opposite ways, so they never share an axis."""
    from kb.estimates.vocabulary import outcome_word

    family = family_of(e)
    word = outcome_word(e.outcome)
    relief = polarity == "higher" and word is not None and word.polarity == "lower"
    return PanelKey(e.outcome or "unnamed outcome", family, instrument_of(e) if family == MEAN_DIFFERENCE else "",
                    "relief" if relief else "")


def instrument_polarity(e) -> str:
    """The polarity of the instrument a mean difference is on, where it differs from its outcome's; else ''."""
    if family_of(e) != MEAN_DIFFERENCE:
        return ""
    return next((p for name, _, _, p in INSTRUMENTS if name == instrument_of(e) and p), "")


def sides(oriented) -> tuple[str, str] | None:
    """('favours X', 'favours Y'): the treatment favoured left and right of the null, or None when unknown.

    ``oriented``: the panel's ``kb.outputs.orientation.Oriented`` records; they must share one question and
    one polarity, else no side can be named.
    """
    pairs = {(o.intervention, o.comparator) for o in oriented}
    polarities = {o.polarity for o in oriented}
    if len(pairs) != 1 or len(polarities) != 1:
        return None
    (intervention, comparator), polarity = pairs.pop(), polarities.pop()
    if not intervention or polarity not in ("lower", "higher"):
        return None
    left, right = (intervention, comparator) if polarity == "lower" else (comparator, intervention)
    return f"favours {left}", f"favours {right}"


def against_its_side(o, labels: tuple[str, str] | None, null: float) -> bool:
    """True when a row favours a treatment other than the one named on the side of the null where it lies."""
    if labels is None or o.favours not in (o.intervention, o.comparator) or o.estimate == null:
        return False
    side = labels[0] if o.estimate < null else labels[1]
    return side != f"favours {o.favours}"
