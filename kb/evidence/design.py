"""What the text says about the study behind an estimate: randomized or not, blinded or open, how many people.

Read from the curated ``studies.csv`` when it has the study, otherwise from
the reference's kind and the words of the paragraph that reports the estimate:

- randomized: a trial marked randomized; a trial whose kind is randomized; a
  review whose paragraph says it pooled randomized trials ("a meta-analysis of
  RCTs", "Sixteen RCTs were identified") and no other designs ("non-RCTs",
  "observational", "cohort", "retrospective", "case series");
- blinding: ``blinded`` for sham-controlled trials and "double-blind",
  "blinded", "masked"; ``open`` for "open-label", "nonblinded", "unblinded",
  "inadequate blinding", "not blinded", and for randomized trials in
  studies.csv compared with no sham whose paragraph does not say blinded;
  ``unknown`` otherwise;
- participants: ``n_randomized`` of the study, or the first total the
  paragraph prints ("N=1231", "(n=945)", "644 patients").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.estimates.context import paragraphs
from kb.sources.kinds import RANDOMIZED, REVIEW

_RCT = lazy(r"\bRCTs?\b|randomi[sz]ed (?:controlled |clinical )?trials?|randomi[sz]ed", re.IGNORECASE)
_NOT_RCT = lazy(r"non-?RCTs?|non-?randomi[sz]ed|quasi-?RCT|observational|cohort|retrospective|"
                      r"case series|comparative studies|registry", re.IGNORECASE)
_OPEN = lazy(r"open-label|non-?blinded|unblinded|inadequate blinding|not blinded|without blinding",
                   re.IGNORECASE)
_BLIND = lazy(r"double-blind|(?<!non)(?<!non-)\bblinded\b|masked|sham-controlled", re.IGNORECASE)
_TOTAL = lazy(r"\b[Nn]\s*=\s*(\d[\d,]*)|\b(\d[\d,]*) (?:patients|participants|subjects|adult participants)\b")


@dataclass(frozen=True)
class Design:
    reference: int
    label: str  # "Xie (2017)" or the study's name
    kind: str  # the reference's kind
    randomized: bool
    blinding: str  # blinded / open / unknown
    participants: int | None
    why: str


def paragraph_text(kb, sentence_index: int | None) -> str:
    if sentence_index is None:
        return ""
    for group in _groups(kb):
        if sentence_index in group:
            return " ".join(kb.doc.sentences[i].text for i in group)
    return kb.doc.sentences[sentence_index].text


def _groups(kb):
    key = "_evidence_paragraphs"
    if key not in kb.__dict__:
        kb.__dict__[key] = paragraphs(kb.doc)
    return kb.__dict__[key]


def _total(text: str) -> int | None:
    m = _TOTAL.search(text)
    if not m:
        return None
    return int((m.group(1) or m.group(2)).replace(",", ""))


def design_of(kb, reference: int, text: str) -> Design:
    """The design facts for ``reference``, reading ``text`` (the paragraph that reports it)."""
    entry = kb.references[reference]
    kind = kb.kind(reference) or ""
    study = next((kb.evidence.studies[s] for s in kb.evidence.study_of_ref.get(reference, ())), None)
    if study is not None:
        blinding = "blinded" if study.sham_controlled else (
            "open" if _OPEN.search(text) or (study.randomized and not _BLIND.search(text)) else
            "blinded" if _BLIND.search(text) else "unknown")
        return Design(reference, study.name, kind, study.randomized, blinding, study.n_randomized,
                      f"{'proposed study' if study.notes.startswith('proposed') else 'studies.csv'}: {study.design}"
                      + (", sham-controlled" if study.sham_controlled else ""))
    blinding = "open" if _OPEN.search(text) else "blinded" if _BLIND.search(text) else "unknown"
    if kind == RANDOMIZED:
        return Design(reference, entry.label, kind, True, blinding, _total(text), "a randomized trial (its kind)")
    if kind == REVIEW:
        pooled_rcts = bool(_RCT.search(text)) and not _NOT_RCT.search(text)
        why = ("a review whose paragraph says it pooled randomized trials" if pooled_rcts else
               "a review whose paragraph does not say it pooled only randomized trials")
        return Design(reference, entry.label, kind, pooled_rcts, blinding, _total(text), why)
    return Design(reference, entry.label, kind, False, blinding, _total(text), f"not randomized (kind: {kind or 'unknown'})")
