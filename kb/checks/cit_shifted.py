"""CIT106: from some number on, the text fits the entry after the one each marker cites (an entry inserted)."""
from __future__ import annotations

from kb.patterns import lazy
from kb.sources.citing import analyse
from kb.sources.claims import topic_stems
from kb.sources.judge import label
from . import finding, rule
from .cit_markers import NUMBERED_SHARE

MIN_VOTES = 5  # cited numbers whose context fits the next entry's title better: fewer could be chance
RATIO = 2  # ... and at least twice as many as those whose context fits the cited entry better
MAX_NUMBERS = 3  # a marker citing more entries says too little about each one's topic
MIN_WORDS = 2  # a context of fewer content words is extended to the rest of the sentence

_BRACKETS = lazy(r"\[[^\]]*\]")


def _context(text: str, spans, k: int) -> set[str]:
    """The words a marker closes: the text since the previous marker of the sentence (or the whole sentence,
    markers taken out, when that is too short to say anything)."""
    start = spans[k - 1][1] if k else 0
    words = topic_stems(_BRACKETS.sub(" ", text[start:spans[k][0]]))
    return words if len(words) >= MIN_WORDS else topic_stems(_BRACKETS.sub(" ", text))


def _votes(kb) -> dict[int, tuple[int, int, object]]:
    """For each cited number n: (overlap of its contexts with entry n's title, with entry n+1's title, its first
    marker in text order); only numbers where the two differ."""
    contexts: dict[int, set[str]] = {}
    first: dict[int, object] = {}
    for cited in analyse(kb).cited:
        for k, marker in enumerate(cited.markers):
            numbers = set(marker.numbers)
            if len(numbers) > MAX_NUMBERS:
                continue
            words = _context(cited.sentence.text, cited.spans, k)
            for n in numbers:
                contexts.setdefault(n, set()).update(words)
                if n not in first or (marker.line, marker.column) < (first[n].line, first[n].column):
                    first[n] = marker
    titles = {n: topic_stems(e.title) for n, e in kb.references.items() if e.title}
    out = {}
    for n, words in contexts.items():
        if n in titles and n + 1 in titles:
            this, following = len(words & titles[n]), len(words & titles[n + 1])
            if this != following:
                out[n] = (this, following, first[n])
    return out


def _shift_from(votes: dict) -> tuple[int, int, int] | None:
    """(k, next, this): the number from which on the most contexts fit the next entry better than the cited one,
    when they do so often enough; None otherwise."""
    best = None
    for k in sorted(votes):
        following = sum(1 for n, (a, b, _) in votes.items() if n >= k and b > a)
        this = sum(1 for n, (a, b, _) in votes.items() if n >= k and a > b)
        if following >= MIN_VOTES and following >= RATIO * max(this, 1):
            if best is None or following - this >= best[1] - best[2]:  # a tie: the later start, fewer votes by chance
                best = (k, following, this)
    return best


@rule("CIT106", "markers-fit-the-next-entry", "info")
def markers_fit_next_entry(kb):
    """From some number on, the text around the markers fits the entry after the cited one better.

    What: for each cited number, the words its markers close (the text since the sentence's previous
    marker) are compared with the title of the entry cited and with the title of the entry after it.
    From some number on, at least five cited numbers fit the next entry's title better, and at least
    twice as many as fit the cited entry's title better. One finding, at the first marker from there
    on whose text fits the next entry.
    Why: that is what an entry inserted into the list without renumbering the markers looks like: every
    marker after it cites the entry before the one meant (a sentence on saliva tests cites the paper
    on blood tests listed just above it). On published articles this fires on about one article in 60;
    on articles with an entry inserted, on two in three.
    Example: `Saliva was used to diagnose periodontitis [12].` where 12 is a study of blood and 13
    a study of saliva in periodontitis, and so on for the entries after 12.
    Fix: find the entry that was inserted (the first one no sentence fits) and renumber the markers
    after it, or take it out of the list.
    When numbered markers cite fewer than a fifth of the list, or the document cites by author and year
    (an inserted entry moves no citation there), this rule stays silent.
    """
    entries = kb.doc.references
    cited = [n for n in kb.cited if n in kb.references]
    if not entries or len(cited) < NUMBERED_SHARE * len(entries) or kb.doc.citation_style != "numbered":
        return
    votes = _votes(kb)
    shift = _shift_from(votes)
    if shift is None:
        return
    k, following, this = shift
    n, at = min(((n, v[2]) for n, v in votes.items() if n >= k and v[1] > v[0]),
                key=lambda pair: (pair[1].line, pair[1].column, pair[0]))
    yield finding(markers_fit_next_entry, at.line,
                  f"from reference {k} on, the text fits the entry after the cited one better for {following} "
                  f"cited numbers (the cited one for {this}): here {at.raw} cites {n} ({label(kb.references[n])}), "
                  f"but the text fits {n + 1} ({label(kb.references[n + 1])}); was an entry inserted into the list "
                  f"without renumbering the markers after it?",
                  column=at.column, citations=[n, n + 1],
                  suggestion="check the markers from this one on against the entries they cite; if an entry was "
                             "inserted, renumber the markers after it or take it out")


RULES = (markers_fit_next_entry,)
