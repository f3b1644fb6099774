"""Literal strings a regular expression cannot match without: a cheap test before a slow search.

A search for ``(?i)(?<!without )\\b(?:sham|placebo)\\b`` over a section of a
few hundred thousand characters tries the pattern at every position; asking
whether ``sham`` or ``placebo`` occurs in the lowered text first takes a
fraction of that, and when neither does, the search cannot find anything.
``needles(pattern, flags)`` reads the pattern's parse tree (``re``'s own
parser) for such strings: a run of literal characters every match contains,
or, across alternatives, one run per alternative. ``may_match(text,
needles)`` is then False only when the search would find nothing, so a
caller that skips the search on False gets the same answer.

Case-insensitive literals are looked up in ``text.lower()``, which is exact
for ASCII letters except for four characters ``re`` also folds onto them
(dotted and dotless I, the long s, the Kelvin sign): a text holding one of
them is searched as usual. A pattern whose needles cannot be told (a class,
a back reference, an optional part only) gets ``None``: always searched.
"""
from __future__ import annotations

import functools
import re

_SHORTEST = 2  # a single character is too common to spare a search
# Characters outside ASCII that case-insensitive matching folds onto an ASCII letter.
_FOLDS_ONTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")

Needles = tuple[tuple[str, bool], ...]  # (literal, case-insensitive); a match contains at least one


@functools.lru_cache(maxsize=1024)
def needles(pattern: str, flags: int = 0) -> Needles | None:
    """Literals one of which every match of ``pattern`` contains, or None when they cannot be told."""
    if not isinstance(pattern, str):
        return None
    try:
        from re import _parser

        parsed = _parser.parse(pattern, flags)
        found = _of_sequence(list(parsed), bool((flags | parsed.state.flags) & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - an interpreter whose parser differs: no shortcut, never a wrong one
        return None
    return tuple(sorted(found)) if found else None


def needles_of(rx) -> Needles | None:
    """``needles`` of a compiled or lazy pattern (kb.patterns)."""
    return needles(rx.pattern, int(rx.flags))


def may_match(text: str, found: Needles | None, lowered: list | None = None) -> bool:
    """False only when no match is possible: no needle occurs. ``lowered`` (a one-item list, empty at first)
    keeps ``text.lower()`` across calls on the same text; it holds None when case folding is not safe.
    Without it, the last text lowered is kept (gated patterns, kb.patterns, test one sentence after another)."""
    if found is None:
        return True
    low = None
    for literal, folded in found:
        if not folded:
            if literal in text:
                return True
            continue
        if low is None:
            if lowered is None:
                low = _lowered(text)
            else:
                if not lowered:
                    lowered.append(fold_case(text))
                low = lowered[0]
            if low is None:
                return True
        if literal in low:
            return True
    return False


def fold_case(text: str) -> str | None:
    """``text.lower()``, where a case-insensitive literal is found in it exactly as ``re`` would find it in
    ``text``; None when the text holds one of the four characters that make it inexact."""
    if text.isascii():  # a flag Python keeps on the string: none of the four characters, no search
        return text.lower()
    return None if _FOLDS_ONTO_ASCII.search(text) else text.lower()


_last: tuple = (None, None)  # (text, its fold): one tuple, replaced whole


def _lowered(text: str) -> str | None:
    """``fold_case(text)``, computed once for the text the last call was given (by identity: the text is kept)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = fold_case(text)
    _last = (text, low)
    return low


def _of_sequence(items: list, folded: bool) -> set | None:
    """The best needles of a sequence: a literal run in it, or the needles of one of its required parts."""
    from re import _constants as c

    options: list[set] = []
    run: list[str] = []

    def close_run():
        if len(run) >= _SHORTEST:
            options.append({("".join(run), folded)})
        run.clear()

    for op, av in items:
        if op is c.LITERAL:
            char = chr(av)
            if folded and not (char.isascii() and (char.lower() == char or char.isalpha())):
                close_run()
                continue
            run.append(char.lower() if folded else char)
            continue
        close_run()
        part = None
        if op is c.SUBPATTERN:
            _group, add, remove, sub = av
            inner = (folded or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            part = _of_sequence(list(sub), inner)
        elif op is c.BRANCH:
            part = _of_branches(av[1], folded)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            part = _of_sequence(list(av[2]), folded)
        elif op is getattr(c, "ATOMIC_GROUP", None):
            part = _of_sequence(list(av), folded)
        if part:
            options.append(part)
    close_run()
    if not options:
        return None
    # The fewest and longest literals: fewer lookups, rarer strings.
    return max(options, key=lambda o: (min(len(s) for s, _ in o) >= 4, -len(o), min(len(s) for s, _ in o)))


def _of_branches(branches, folded: bool) -> set | None:
    out: set = set()
    for branch in branches:
        part = _of_sequence(list(branch), folded)
        if not part:
            return None
        out |= part
    return out
