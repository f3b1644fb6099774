"""Scoring one prompt of the Evidence Inference measurement (kbdev.evidence_accuracy draws and reads the articles):
which of our rows holds the doctors' numbers, and whether its significance, direction and outcome agree."""
from __future__ import annotations

import re

from kbdev.evidence_data import Prompt, PromptScore, _STOP, _WORD, norm

_SIGN_BEFORE_CURRENCY = re.compile(r"(-)([\u00a3\u20ac$])(?=\d)")


def numbers_at(e, span: str) -> int | None:
    """Where the estimate, then both bounds, lie within a short stretch of the span, or None. A row whose
    estimate was not read (an interval alone) never matches: it reports no result."""
    texts = [norm(t).lstrip("+") for t in (e.estimate_text, e.ci_low_text, e.ci_high_text)]
    if not texts[0]:
        return None
    # '-\u00a31410' holds the bound -1410 (kb reads amounts without their currency sign): the minus moves past the
    # sign, keeping every offset
    span = _SIGN_BEFORE_CURRENCY.sub(r"\2\1", span)
    at, first = 0, None
    for i, t in enumerate(texts):
        num = re.escape(t.rstrip("%"))
        m = re.compile(rf"(?<![\d.]){num}(?![\d])").search(span, at)
        if not m or (i and m.start() - at > 90):
            return None
        first = m.start() if first is None else first
        at = m.end()
    return first


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(norm(text).lower()) if w not in _STOP and len(w) > 2}


_TIME = re.compile(r"\b(\d+)\s*(?:-|\s)?(?:day|week|month|year|h\b|hour)", re.I)


def _times(text: str) -> set[str]:
    """The time points a text names ("at 6 months" -> {"6"}): they tell apart one outcome's results over time."""
    return set(_TIME.findall(norm(text)))


def match_row(estimates, spans, outcome: str = "") -> object | None:
    """Our estimate whose numbers lie in one of the evidence spans. Where several do ("at 6 months (OR ...) but
    not at 12 months (OR ...)"), the one whose own words (the span's text since the previous estimate) name the
    prompt's time point, then share most words with its outcome, then the one whose sentence is most like the span
    (shared words over all words: a table holding the same numbers is less like it than the sentence)."""
    best, best_key = None, None
    wanted = _words(outcome)
    for span in spans:
        plain = norm(span)
        words = _words(plain)
        placed = sorted((at, i) for i, e in enumerate(estimates) for at in [numbers_at(e, plain)] if at is not None)
        starts = sorted({at for at, _ in placed})
        for at, i in placed:
            k = starts.index(at)  # rows at the same place (a sentence and a table holding its numbers) share words
            own = plain[starts[k - 1] + 1 if k else 0:at]
            quote = _words(estimates[i].quote)
            key = (len(_times(outcome) & _times(own)), len(wanted & _words(own)),
                   len(words & quote) / (len(words | quote) or 1))
            if best_key is None or key > best_key:
                best, best_key = estimates[i], key
    return best


_TAG = re.compile(r"\b(?:group|arm)\s+([a-z]|[ivx]{1,4}|\d)\b", re.I)


def _tags(text: str) -> set[str]:
    """Lettered or numbered groups a text names ("group A", "Group III")."""
    return {t.lower() for t in _TAG.findall(norm(text))}


def _which(name: str, a: str, b: str) -> str | None:
    """'a' or 'b': the side of the row's comparison the prompt's words name (by a group's letter, else by shared
    words), if clear."""
    tags = _tags(name)
    ta, tb = bool(tags & _tags(a)), bool(tags & _tags(b))
    if ta != tb:
        return "a" if ta else "b"
    w = _words(name)
    sa, sb = len(w & _words(a)), len(w & _words(b))
    if sa > sb:
        return "a"
    if sb > sa:
        return "b"
    return None


_TIME_TO_EVENT = re.compile(r"surviv|time to|\bfree\b|duration", re.I)


def orient(e, prompt: Prompt) -> tuple[int | None, str]:
    """+1 / -1: the sign of intervention vs comparator on the row's scale; None when it cannot be told."""
    parts = e.comparison.split(" vs ") if e.comparison else []
    if len(parts) != 2 or not all(parts):
        return None, "no comparison read"
    a, b = parts
    side_i, side_c = _which(prompt.intervention, a, b), _which(prompt.comparator, a, b)
    if side_i is None and side_c is None:
        return None, f"'{e.comparison}' names neither prompt arm"
    if side_i == side_c:
        return None, f"'{e.comparison}': both prompt arms read as one side"
    first = (side_i == "a") if side_i else (side_c == "b")
    sign = 1 if e.estimate > e.null else -1
    if e.measure == "HR" and _TIME_TO_EVENT.search(prompt.outcome):
        sign = -sign  # a hazard ratio below 1 lengthens the time to the event: "survival" increased
    return (sign if first else -sign), ""


def outcome_score(e, prompt: Prompt) -> str:
    from kb.estimates.vocabulary import outcome_word

    if not e.outcome:
        return "empty"
    word = outcome_word(e.outcome)  # the vocabulary's words for it, wherever the prompt names them
    if (word and word.pattern.search(prompt.outcome)) or _words(e.outcome) & _words(prompt.outcome):
        return "match"
    return "other"


def score_prompt(estimates, prompt: Prompt) -> PromptScore:
    e = match_row(estimates, prompt.spans, prompt.outcome)
    if e is None:
        return PromptScore(prompt, False)
    row = {"measure": e.measure, "estimate": e.estimate_text, "ci": f"{e.ci_low_text} to {e.ci_high_text}",
           "comparison": e.comparison, "outcome": e.outcome, "line": e.line, "quote": e.quote}
    outcome = outcome_score(e, prompt)
    if e.null is None:
        return PromptScore(prompt, True, row, "no null", "n/a", outcome=outcome)
    excludes = not (min(e.ci_low, e.ci_high) <= e.null <= max(e.ci_low, e.ci_high))
    significance = "right" if excludes == (prompt.label != 0) else "wrong"
    if prompt.label == 0 or not excludes:
        return PromptScore(prompt, True, row, significance, "n/a", outcome=outcome)
    sign, why = orient(e, prompt)
    if sign is None:
        return PromptScore(prompt, True, row, significance, "could not orient", why, outcome)
    return PromptScore(prompt, True, row, significance, "right" if sign == prompt.label else "wrong", "", outcome)
