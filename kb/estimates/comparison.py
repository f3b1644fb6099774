"""What an estimate compares, and on which outcome, read from its sentence,
its paragraph's first sentence and its section headings.

The order is the order the text names the two treatments ("kyphoplasty was
superior to conservative therapy" -> kyphoplasty vs conservative care), with
one exception: a sentence that opens "Compared with B, A ..." names A first.
When fewer than two treatments can be found the comparison stays blank: a
guess would put a result in the wrong forest plot.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.model import PolicyDocument, Sentence
from .context import without_parentheses
from .topics import document_treatments
from .vocabulary import RISK_FACTOR, outcome_in, treatments_in

_COMPARED_FIRST = lazy(r"^\s*(?:compared (?:with|to)|in comparison (?:with|to)|versus|vs\.?)\s+([^,]+),",
                             re.IGNORECASE)


def _ordered(text: str, extra=()) -> list[str]:
    plain = without_parentheses(text)
    found = treatments_in(plain, extra)
    m = _COMPARED_FIRST.match(plain)
    if m and len(found) >= 2:
        comparator = treatments_in(m.group(1), extra)
        if comparator and found[0] == comparator[0]:
            found = found[1:2] + found[:1] + found[2:]
    return found


def _headings(doc: PolicyDocument, sentence: Sentence) -> list[str]:
    """Heading titles to consult, innermost first, then the procedure headings above (level 1-2)."""
    section = doc.section_at(sentence.line)
    titles = list(reversed(section.path)) if section else []
    above = [s.title for s in doc.sections if s.line < sentence.line and s.level <= 2]
    return titles + list(reversed(above))


def comparison_for(doc: PolicyDocument, sentence: Sentence, lead: Sentence | None) -> str:
    """'A vs B', or '' when the text does not name two treatments (the data files' words and the
    document's own, ``kb.estimates.topics``)."""
    extra = document_treatments(doc)
    found = _ordered(sentence.text, extra)
    if len(found) < 2 and lead is not None and lead.index != sentence.index:
        found += [t for t in _ordered(lead.text, extra) if t not in found]
    if len(found) < 2:
        for title in _headings(doc, sentence):
            found += [t for t in treatments_in(title, extra) if t not in found]
            if len(found) >= 2:
                break
    return f"{found[0]} vs {found[1]}" if len(found) >= 2 else ""


def outcome_for(local: str, clause: str, sentence: Sentence, earlier: list[Sentence]) -> str:
    """The outcome named nearest to the estimate: its own words, its clause, its sentence,
    then the closest earlier sentence of the paragraph that names one."""
    for text in (local, clause, sentence.text):
        found = outcome_in(without_parentheses(text))
        if found:
            return found
    for s in reversed(earlier):
        found = outcome_in(without_parentheses(s.text))
        if found:
            return found
    return ""


def risk_factor_outcome(sentence: Sentence, paragraph: list[Sentence]) -> str | None:
    """For 'the significant risk factors were X (OR ...)': the outcome the factors are for, if stated."""
    if not RISK_FACTOR.search(sentence.text):
        return None
    for s in paragraph:
        m = re.search(r"risk factors? (?:for|of) ([^.;]+)", s.text, re.IGNORECASE)
        if m and outcome_in(m.group(1)):
            return outcome_in(m.group(1))
    return ""
