"""What the words around an estimate claim about it: significant, not significant, or neither.

Pure functions over a sentence's text. The words that govern a result are the last claim before it in its
clause, or failing that a claim after it and before the next result; hypotheticals, quotations, subgroup
differences and graded evidence ('weak evidence that') claim nothing.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from .context import CLAUSE_BREAK, clause_start, without_parentheses
from .vocabulary import HEDGE, NEGATION, NOT_SIGNIFICANT, SIGNIFICANT


# 'where a HR significantly >1 would have indicated ...', 'a difference that would be significant': a claim about
# a result that was not had ('would' in the claim's own words, no comma between them).
_HYPOTHETICAL_AFTER = lazy(r"^[^,;.]{0,30}?\bwould\b", re.IGNORECASE)
_HYPOTHETICAL_BEFORE = lazy(r"\bwould\b[^,;.]{0,30}$", re.IGNORECASE)
# 'did not differ by sex', 'no difference across strata': the words are about effect modification (an
# interaction between the result and a subgroup), not about the result's own interval.
_BY_SUBGROUP = lazy(r"^\s*(?:by|across)\b", re.IGNORECASE)


# "believed that 'smoking makes 'no difference' to weight' (RR = 2.13 ...)": words in quotation marks of their own
# are a questionnaire item's or a speaker's, quoted; the authors claim nothing with them.
_OPEN_QUOTES, _CLOSE_QUOTES = "\u2018\u201c'\"", "\u2019\u201d'\""


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPEN_QUOTES and end < len(text) and text[end] in _CLOSE_QUOTES


def _not_a_claim(text: str, start: int, end: int) -> bool:
    """Words that read as a claim but are a hypothetical, a subgroup's (non-)difference or a quotation."""
    return bool(_HYPOTHETICAL_AFTER.search(text[end:end + 40]) or _HYPOTHETICAL_BEFORE.search(text[max(0, start - 40):start])
                or _BY_SUBGROUP.match(text[end:]) or _quoted(text, start, end))


# 'with no clinically meaningful difference between treatments [difference -0.065% (95% CI: -0.495, 0.365)]':
# a judgement of size, not of significance; nearer the result than an earlier 'reduced', it governs it, and claims
# neither way (a small difference may still be significant).
_SIZE_ONLY = lazy(r"\bno (?:clinically|practically) (?:meaningful|relevant|important|significant) differences?\b",
                  re.IGNORECASE)


# 'There was weak evidence that up-to-date immunization was associated with reduced odds of death (OR, 0.3; 95% CI:
# 0.1-1.1)': the authors grade the evidence as short of a finding, as epidemiologists word a p near 0.1.
_WEAK_EVIDENCE = lazy(r"\b(?:weak|weaker|limited|little|some|modest|suggestive|marginal|inconclusive)\s+evidence\s+"
                      r"(?:that|of|for)\b", re.IGNORECASE)


# A threshold stricter than the one a 95% interval shows, named right before 'significant': a genome-wide (5e-8),
# study-wide or Bonferroni-corrected level.
# GRADE's summary sentence: 'It is uncertain whether PGT-A ... reduces miscarriage rate (OR 0.89, 95% CI 0.52 to
# 1.54, 1 RCT, low-quality evidence)': the effect asked about in the same clause, not claimed.
_QUESTIONED = lazy(r"\bwhether\b[^,;.()]{0,100}$", re.IGNORECASE)
_STRICTER_LEVEL = lazy(r"\b(?:(?:genome|exome|epigenome|transcriptome|phenome|study|experiment|array)[- ]wide"
                       r"|Bonferroni[- ](?:corrected|adjusted))\s*$", re.IGNORECASE)


# 'reduced' before the name of the measure itself ('a reduced pooled HR of 1.09'), not before what it measures
# ('reduced odds of death', 'reduced risk').
_OF_MEASURE = lazy(r"\s+(?:(?:pooled|adjusted|summary|overall|combined)\s+)?(?:HRs?|ORs?|RRs?|(?:hazard|odds|risk)\s+"
                   r"ratios?|relative\s+risks?)\b", re.IGNORECASE)


def _cues(text: str, result: str = "") -> list[tuple[int, str, str]]:
    """(offset, 'significant' | 'not significant' | '' (neither), words) for every claim in ``text``; ``result``:
    the estimate's own text, when ``text`` stops right before it ('a reduced pooled ' + 'HR of 1.09')."""
    cues = [(m.start(), "not significant", m.group(0)) for m in NOT_SIGNIFICANT.finditer(text)
            if not _not_a_claim(text, m.start(), m.end())]
    if "clinically" in text or "practically" in text:
        cues += [(m.start(), "", "") for m in _SIZE_ONLY.finditer(text)]
    spans = [(m.start(), m.end()) for m in NOT_SIGNIFICANT.finditer(text)]
    for m in SIGNIFICANT.finditer(text):
        if any(a <= m.start() < b for a, b in spans) or _not_a_claim(text, m.start(), m.end()):
            continue
        if _STRICTER_LEVEL.search(text, max(0, m.start() - 40), m.start()):
            # 'did not show genome-wide significant levels of association (OR 3.46, 95% CI 1.54-7.77; p=0.002)':
            # significance at a corrected threshold (5e-8), which a 95% interval does not measure: no claim on it
            cues.append((m.start(), "", ""))
            continue
        before = " ".join(text[:m.start()].split()[-4:])
        if HEDGE.search(before) or _WEAK_EVIDENCE.search(text, max(0, m.start() - 160), m.start()) \
                or _QUESTIONED.search(text[max(0, m.start() - 110):m.start()]):
            continue  # "marginally significant", "weak evidence that ... reduced": no claim either way
        if m.group(0)[0] in "rR" and _OF_MEASURE.match(text + result, m.end()):
            # 'trim-and-fill analysis resulted in a slightly reduced pooled HR of 1.09 (95% CI 0.94, 1.25)': the
            # word says the estimate came out lower than another estimate, not that an exposure reduced a risk
            cues.append((m.start(), "", ""))
            continue
        if m.group(0)[0] in "rR" and any(0 <= m.start() - b <= 16 for _, b in spans):
            continue  # "a non-significant 46% reduced odds": the qualifier before says how sure the reduction is
        if NEGATION.search(before):
            if m.group(0).lower().startswith(("significant", "statistically")):
                cues.append((m.start(), "not significant", f"{before} {m.group(0)}".strip()))
            continue  # "not superior": no claim either way
        cues.append((m.start(), "significant", m.group(0)))
    return sorted(cues)


# '(... OR = 0.46, 95% CI = 0.22-0.96; p for interaction = 0.93)': results by stratum with the test between them.
_INTERACTION = lazy(r"\b(?:p|P)[- ]?(?:value )?(?:for )?(?:interaction|heterogeneity)\b|\binteraction\s*[=<>]",
                    re.IGNORECASE)
# '..., which was attenuated after adjustment (RR 0.88; ...)': a relative clause describes a further result.
_RELATIVE = lazy(r",\s*which\b", re.IGNORECASE)


def _enclosing_parentheses(text: str, pos: int) -> str:
    """The text of the innermost parentheses around ``pos`` ('' when it stands outside any)."""
    depth, open_at = 0, -1
    for i in range(pos - 1, -1, -1):
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                open_at = i
                break
            depth -= 1
    if open_at < 0:
        return ""
    close = text.find(")", pos)
    return text[open_at:close if close >= 0 else len(text)]


def _after_relative_clause(plain: str, begin: int, start: int) -> int:
    """Where the words governing a result at ``start`` may begin: after the last ', which' before it.

    'X was significantly associated with lower risk (RR 0.78; ...), which was attenuated after adjustment
    (RR 0.88; 0.72, 1.07)': the claim is the first result's; the second has only its own clause's words."""
    last = None
    for m in _RELATIVE.finditer(plain, begin, start):
        last = m
    return last.start() + 1 if last else begin


# What may follow a result (its parentheses blanked) to deny the claim before it: 'was not observed', 'could not be
# shown', 'were not found'. Only blanks may stand between: words there would be a clause of their own.
_DENIED_AFTER = lazy(r"[\s,;]*((?:(?:was|were|could|can|did)\s+not\s+(?:be\s+)?|(?:has|have)\s+not\s+been\s+)"
                     r"(?:observed|found|seen|detected|shown|demonstrated|reached|achieved|identified|noted)\b)",
                     re.IGNORECASE)


def claim_for(text: str, start: int, end: int, next_start: int | None) -> tuple[str, str]:
    """The wording that governs the estimate at ``text[start:end]``.

    The last claim before it in its clause governs it (so a list after "no
    significant difference in A (...), B (...) or C (...)" is governed by
    that phrase); failing that, a claim after it and before the next
    estimate ("A (...) was significantly reduced").
    """
    inside = start + 1 if text[start:start + 1] == "(" else start  # a result may be found with its '('
    if _INTERACTION.search(_enclosing_parentheses(text, inside)):
        return "", ""  # the words govern the interaction the parentheses report, not this stratum's result
    plain = without_parentheses(text)
    begin = _after_relative_clause(plain, clause_start(text, start), start)
    before = [c for c in _cues(plain[begin:start], plain[start:end])]
    if before and _turns_after(text, begin + before[-1][0], start, before[-1][2]):
        return "", ""
    if before:
        denied = _DENIED_AFTER.match(plain, end) if before[-1][1] == "significant" else None
        if denied:
            # 'a statistically significant difference (HR = 1.10, 95% CI 0.98 to 1.24) was not observed': the
            # claim is the subject and its verb, after the results, denies it
            return "not significant", f"{before[-1][2]} ... {' '.join(denied.group(1).split())}"
        return before[-1][1], before[-1][2]
    stop = next_start if next_start is not None else len(text)
    tail = plain[end:stop]
    brk = CLAUSE_BREAK.search(tail)
    after = _cues(tail[:brk.start()] if brk else tail)
    if not after:
        return "", ""
    if _OWN_RESULT.search(text, end + after[0][0], stop):
        # '..., OR 2.49 (CI 1.1-5.8)), with no difference in symptomatic disease (6 (7%) vs. 3 (3%), P = 0.32)':
        # the words after are another comparison's, with a result of their own
        return "", ""
    # Words between this result and the next one in the same clause are the next one's own claim
    # ("OR = .21, 95% CI = .06, .73, p = .01, and IQ was not a significant predictor, OR = 1.03, ..."):
    # which of the two they govern cannot be told, so they govern neither here.
    if next_start is not None and end + after[0][0] >= clause_start(text, next_start):
        return "", ""
    return after[0][1], after[0][2]


# 'reduced mortality in men (difference -1.6%, ...) and increased mortality in women (difference 4.2%, ...)': after
# a result, a word of the other direction starts the next result's own claim; 'was not different except for less
# use of a car seat (... OR .54, ...)': the exception is the result, not what the claim denies.
_UP = r"(?:increased?|higher|greater|raised|elevated|worse(?:ned)?)"
_DOWN = r"(?:reduced?|reductions?|decreased?|lower(?:ed)?)"
_TURNS = {"up": lazy(rf"\)[^()]*?\b{_DOWN}\b[^)]*$", re.IGNORECASE),
          "down": lazy(rf"\)[^()]*?\b{_UP}\b[^)]*$", re.IGNORECASE)}
_WAY = {"up": lazy(rf"\b{_UP}\b", re.IGNORECASE), "down": lazy(rf"\b{_DOWN}\b", re.IGNORECASE)}
_EXCEPT = lazy(r"\bexcept\b[^)]*$", re.IGNORECASE)


_OWN_RESULT = lazy(r"\([^()]*(?:\([^()]*\)[^()]*)*\b[Pp]\s*[=<>\u2264]", re.IGNORECASE)


def _turns_after(text: str, cue: int, start: int, words: str) -> bool:
    """Whether, between governing ``words`` at ``cue`` and the result at ``start``, an exception opens, or a result
    and then a word of the other direction than the words' own ('significantly decreased A (...), increased B (...)'
    keeps one claim over the list)."""
    between = text[cue:start]
    if _EXCEPT.search(between):
        return True
    way = next((w for w, rx in _WAY.items() if rx.search(words)), None)
    return way is not None and bool(_TURNS[way].search(between))
