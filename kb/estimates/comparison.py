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
from .vocabulary import RISK_FACTOR, TREATMENTS, outcome_in, treatments_in

_COMPARED_FIRST = lazy(r"^\s*(?:compared (?:with|to)|in comparison (?:with|to)|versus|vs\.?)\s+([^,]+),",
                             re.IGNORECASE)


def _same_words(text: str, found: list[str], extra=()) -> list[str]:
    """``found`` less any treatment whose every mention lies inside another's ("non-surgical management" is one
    arm, though the document's own word and the data files' "conservative care" both match it), ordered by
    each one's first mention of its own."""
    patterns = dict(TREATMENTS + tuple((t.name, t.pattern) for t in extra))
    spans = {name: [m.span() for m in patterns[name].finditer(text)] for name in found if name in patterns}
    kept: list[str] = []
    first: dict[str, int] = {}

    def covered(name: str, s: int, e: int) -> bool:
        # inside a wider mention of another, or the very same words as one already kept
        return any(a <= s and e <= b and ((a, b) != (s, e) or other in kept)
                   for other in found if other != name for a, b in spans.get(other, ()))
    for k, name in enumerate(found):
        own = [s for s, e in spans.get(name, ()) if not covered(name, s, e)]
        if own or not spans.get(name):
            kept.append(name)
            first[name] = own[0] if own else k - len(found)  # a name with no pattern keeps its place
    return sorted(kept, key=lambda name: (first[name], found.index(name)))  # by each one's own first mention


def _ordered(text: str, extra=()) -> list[str]:
    plain = without_parentheses(text)
    found = treatments_in(plain, extra)
    if len(found) >= 2:
        found = _same_words(plain, found, extra)
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


# A word of an arm's name: no article, preposition or connective, no comparative or quantity ("with more than one
# drug"), no time ("with time than before"), no bare number.
_ARM_WORD = (r"(?!(?i:the|a|an|in|to|with|of|and|or|than|that|versus|vs|compared|group|arm|more|less|fewer|greater|"
             r"higher|lower|better|worse|rather|one|time|before|after|baseline|expected|previously|ever|those|"
             r"this|these|it|them|each|both|all)\b)(?!\d+\b)[\w\u2010-]+")
# A trial's arm named by its group: "in the tranexamic acid group", "than the placebo arm", "in group A". Up to
# four words before "group" or "arm" after an article or preposition; a lettered or numbered group after it.
_ARM = lazy(rf"\b(?:the|in|to|with|of|and|than|versus|vs\.?)\s+(?P<name>(?:{_ARM_WORD} ){{0,3}}?{_ARM_WORD})"
            r"(?=\s+(?:group|arm)s?\b)|\b(?P<label>(?i:group|arm))\s+(?P<tag>[A-Z]|[IVX]{1,4}|\d)\b")
# "PFS was shorter with sunitinib than capecitabine", "more satisfied when treating with rizatriptan than when
# treating with another oral triptan": two treatments compared by "with A than (with) B", words joined by single
# spaces only (a parenthesis blanked out ends a name).
_WITH_THAN = lazy(
    rf"\bwith (?P<a>(?:{_ARM_WORD} ){{0,2}}?{_ARM_WORD}) than (?:(?i:when|in|for|those|patients|participants|subjects|"
    rf"treated|treating|receiving|given|on) ){{0,4}}(?:with )?(?P<b>(?:{_ARM_WORD} ){{0,2}}{_ARM_WORD})")
# A treatment set against a control named as such: "in patients treated with cladribine ... than in those treated
# with placebo", "Compared to the attention control, intervention participants ...". One side must be a control, so
# that other things compared (men and women, one dose and another) are not taken for the arms. "A reduced the level
# (mean difference 105.2, ...) compared with placebo" is not read: such a difference is as often printed placebo
# minus A, so the order of naming would give a wrong direction.
_CONTROL = r"(?i:placebo|sham|control|usual care|standard care|no treatment|waiting list|wait-list)"
_TREATED_THAN = lazy(
    rf"\b(?i:treated|treatment) with (?P<a>(?:{_ARM_WORD} ){{0,2}}?{_ARM_WORD})\b(?:[^.;]|\.\d){{0,120}}?"
    r"\bthan (?:in )?"
    rf"(?:(?i:those|patients|participants|subjects) )?(?i:treated|given|receiving|on) (?:with )?"
    rf"(?P<b>(?:{_ARM_WORD} )?{_CONTROL})\b")
_COMPARED_CONTROL = lazy(
    rf"^\s*(?i:compared (?:with|to)|in comparison (?:with|to)) (?:the )?(?P<b>(?:{_ARM_WORD} )?{_CONTROL})"
    rf"(?: (?i:group|arm))?, (?:the )?(?P<a>(?:{_ARM_WORD} )?{_ARM_WORD}) (?i:group|arm|participants|recipients|"
    rf"patients|subjects)\b")
# A crossover's periods: "when the participants were on lutein was 0.018 higher (...) than when they received
# placebo". The same guard as above: the other period's treatment must be a control.
_ON_THAN = lazy(
    rf"\b(?i:were|was|while|when) (?i:on|receiving|taking) (?P<a>(?:{_ARM_WORD} ){{0,2}}?{_ARM_WORD})\b"
    r"(?:[^.;]|\.\d){0,120}?\bthan (?i:when|while) (?:(?i:they|participants|patients|subjects) )?(?:(?i:were) )?"
    rf"(?i:on|receiving|received|taking|took|given) (?:the )?(?P<b>(?:{_ARM_WORD} )?{_CONTROL})\b")
# "no difference between the intervention and control groups (MD ...)": a treated arm and a control named together
# before "groups". Only in that order: a difference is printed treated minus control where the treated arm is named
# first; "between the control and feedback groups" may print either, so it gives no pair.
_BETWEEN_CONTROL = lazy(
    rf"\b(?i:between) (?:the )?(?P<a>(?:{_ARM_WORD} )?{_ARM_WORD}) (?i:and) (?:the )?(?P<b>{_CONTROL}) (?i:groups|arms)\b")
_COMPARING = lazy(r"\b(?:than|compared (?:with|to)|versus|vs\b|relative to|in comparison (?:with|to)|over)\b",
                  re.IGNORECASE)
_LEADING = lazy(r"^(?:(?:the|in|to|with|of|and|than|that|those|a|an|versus|vs\.?)\s+)+", re.IGNORECASE)
# Words that make a "group" no arm: "both groups", "the two treatment groups", "the age group", "each arm".
_NOT_AN_ARM = lazy(r"^(?:both|each|either|all|any|one|two|three|four|several|other|same|either|respective|"
                   r"different|treatment|study|age|this|that|these|those|whole|entire|total|two treatment|"
                   r"randomi[sz]ed|allocated|assigned|intervention and|control and)$|\b(?:both|each|two|three|"
                   r"all|per|between|among|within|across)\b", re.IGNORECASE)


def named_arms(text: str) -> list[str]:
    """The arms a sentence names by their groups, in its order ("in the tranexamic acid group ... than in the
    placebo group" -> ["tranexamic acid", "placebo"]), a sentence opening "Compared with B, A ..." naming A
    first; [] unless exactly two distinct arms are named (three arms or none cannot give a pair)."""
    plain = without_parentheses(text)
    arms: list[tuple[int, str]] = []
    for m in _ARM.finditer(plain):
        name = f"group {m.group('tag')}" if m.group("label") else \
            _LEADING.sub("", " ".join(m.group("name").split()).lower() + " ").strip()
        if not m.group("label") and (not name or _NOT_AN_ARM.search(name)):
            continue
        if name not in (a for _, a in arms):
            arms.append((m.start("label") if m.group("label") else m.end("name") - len(name), name))
    if len(arms) != 2:
        return [] if len(arms) > 2 else _arms_in_words(plain, with_than=not arms)
    names = [a for _, a in arms]
    first = _COMPARED_FIRST.match(plain)
    if first and arms[0][0] < first.end(1):  # "Compared with the placebo group, the treated group ..."
        return names[::-1]
    # The order of naming says which arm the printed number puts first only where the words between compare them:
    # "lower in the A group than in the B group". "3 cases in the A group and 18 in the B group (OR 51.0)" may
    # print B over A: no pair, so no direction is guessed.
    return names if _COMPARING.search(plain, arms[0][0], arms[1][0]) else []


def _arms_in_words(plain: str, with_than: bool) -> list[str]:
    """The pair named by "with A than B" (only where no group is named) or by a treatment set against a control,
    when exactly one such pair is named."""
    # Parenthesised asides are blanked to spaces of their own length; a run of them is one space here, so that
    # "treated with A 3.5 mg/kg (HR ...) and 5.25 mg/kg (HR ...) than in those treated with placebo" stays short.
    squeezed = " ".join(plain.split())
    for rx in ((_WITH_THAN,) if with_than else ()) + (_TREATED_THAN, _COMPARED_CONTROL, _BETWEEN_CONTROL, _ON_THAN):
        text = squeezed if rx in (_TREATED_THAN, _ON_THAN) else plain
        pairs = {(m.group("a").lower(), m.group("b").lower()) for m in rx.finditer(text)
                 if not _NOT_AN_ARM.search(m.group("a")) and not _NOT_AN_ARM.search(m.group("b"))
                 and m.group("a").lower() != m.group("b").lower()}
        if len(pairs) == 1:
            return list(pairs.pop())
        if pairs:
            return []  # several pairs: which one the number is for is not said
    return []


# "Intervention participants had increased odds of ... (OR 6.26, ...)": a trial's arm named only as "the
# intervention" group, with a comparative, and no other arm or control in the sentence. A ratio said of that arm
# can only be against the trial's control (a ratio is always between two groups; a difference might be the arm's
# own change from baseline, so differences are not read this way).
_INTERVENTION_ARM = lazy(r"\bintervention (?:groups?|arms?|participants|patients|practices|subjects|women|men|"
                         r"children|recipients)\b", re.IGNORECASE)
_COMPARATIVE = lazy(r"\b(?:more|less|fewer|greater|higher|lower|increased|decreased|reduced|improved)\b",
                    re.IGNORECASE)
_ANOTHER_ARM = lazy(rf"{_CONTROL}|\b(?:comparison|comparator|reference|other|usual|standard) (?:groups?|arms?)\b|"
                    r"\b(?:than|versus|vs\.?|compared|relative to|between)\b", re.IGNORECASE)


def intervention_only(text: str) -> bool:
    """Whether the sentence names the intervention arm alone, with a comparative (see ``_INTERVENTION_ARM``)."""
    plain = without_parentheses(text)
    return bool(_INTERVENTION_ARM.search(plain) and _COMPARATIVE.search(plain) and not _ANOTHER_ARM.search(plain))


def comparison_for(doc: PolicyDocument, sentence: Sentence, lead: Sentence | None, ratio: bool = False) -> str:
    """'A vs B', or '' when the text does not name two treatments (the data files' words and the
    document's own, ``kb.estimates.topics``; failing those, the two arms the sentence names by their groups,
    ``named_arms``; for a ratio, "intervention vs control" where the sentence names the intervention arm alone)."""
    extra = document_treatments(doc)
    found = _ordered(sentence.text, extra)
    if len(found) < 2 and lead is not None and lead.index != sentence.index:
        found += [t for t in _ordered(lead.text, extra) if t not in found]
    if len(found) < 2:
        for title in _headings(doc, sentence):
            found += [t for t in treatments_in(title, extra) if t not in found]
            if len(found) >= 2:
                break
    if len(found) >= 2:
        return f"{found[0]} vs {found[1]}"
    arms = named_arms(sentence.text)
    if arms:
        return f"{arms[0]} vs {arms[1]}"
    return "intervention vs control" if ratio and not found and intervention_only(sentence.text) else ""


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
