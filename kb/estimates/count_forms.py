"""The counting words shared by the sample-size and percentage readers (pure): how a count is printed
(grouped thousands), who is counted, and a sentence's totals ('N=1231', '644 patients')."""
from __future__ import annotations

import re

from kb.patterns import lazy
from .numbers import WORD_NUMBER, to_float, word_or_number

# "1,231", and "53 456" (Lancet, JNCI and BMJ group thousands with a thin space, which the import keeps as a space);
# a group followed by a hyphen or a decimal stays apart ("3 100-mg doses").
INT = r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d.,\-\u2013])|\d+"
PEOPLE_WORDS = ("patients", "participants", "subjects", "individuals", "adults", "people", "persons", "women", "men",
                 "children")
PEOPLE = rf"(?:{'|'.join(PEOPLE_WORDS)})"
# A lookahead of what a count opens with (a digit, or a number word's t, f, e, s, n, o) comes before each
# lookbehind: the same matches, the lookbehind tried only there (a pattern opening with one is tried at every place).
_TOTALS = (
    lazy(rf"\b(?:total\s+)?N\s*=\s*(?P<n>{INT})"),
    # the words between a total and its people are words, not another count ("on day 3 and 22 patients")
    lazy(rf"(?=\d)(?<![=\d,.])(?<!= )(?P<n>{INT})\s+(?:(?!\d)[\w-]+\s+){{0,2}}?{PEOPLE}\b"),
)
# 'at least 50 children', 'more than 100 patients': a threshold, not a total.
_TOTAL_BOUND = lazy(r"\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|up\s+to|over|under)\s+$|"
                    r"[<>\u2264\u2265]\s*$", re.IGNORECASE)
# 'Of 572 patients screened, 509 were randomized ..., and 421 were enrolled': a flow's first stage, not a trial.
SCREENED = lazy(r"\s*(?:[\w-]+\s+){0,2}?(?:screened|assessed|approached|contacted|invited|identified|eligible)\b",
                 re.IGNORECASE)
# '(TPV/r100, 3 subjects)': the last item of a parenthetical list is one group's count, not the sentence's total.
_LIST_TAIL = lazy(r"\([^()]*,\s*$")
_DIGIT = lazy(r"\d")
_N_EQUALS = lazy(r"\bN\s*=")


def as_int(text: str) -> int:
    return int(to_float(text))


def _names_people(text: str) -> bool:
    """Whether one of the people words or 'N =' is in the text: substring tests where a search of the
    alternation stopped at every letter one of the words opens with."""
    return any(w in text for w in PEOPLE_WORDS) or ("N" in text and bool(_N_EQUALS.search(text)))


def totals_in(text: str) -> list[re.Match]:
    if not _DIGIT.search(text) or not _names_people(text):
        return []
    hits = sorted((m for rx in _TOTALS for m in rx.finditer(text)
                   if not _TOTAL_BOUND.search(text, max(0, m.start() - 12), m.start())
                   and not (_LIST_TAIL.search(text, max(0, m.start() - 40), m.start()) and text[m.end():m.end() + 1] == ")")),
                  key=lambda m: m.start())
    out: list[re.Match] = []
    for m in hits:  # "total N=1231 patients" matches both forms: keep the first
        if not out or m.start("n") >= out[-1].end():
            out.append(m)
    return out


# 'Thirty-three patients were excluded; 13 patients were too frail ..., 7 were unable to walk ...': a count right
# after a semicolon or colon that closes a clause with a larger count opens that count's parts; it is no total.
_EARLIER_COUNT = lazy(rf"(?<![\w.,])(?P<e>{INT}|{WORD_NUMBER})\s+(?:[\w-]+\s+){{0,5}}?[\w-]+\s*[;:]\s*$",
                      re.IGNORECASE)


def first_part(text: str, total: re.Match, sizes: list[int]) -> bool:
    """The 'total' is the first of the parts of a larger count printed just before it, with the arms after it."""
    m = _EARLIER_COUNT.search(text, max(0, total.start("n") - 90), total.start("n"))
    earlier = word_or_number(m.group("e")) if m and not re.fullmatch(r"(?:19|20)\d\d", m.group("e")) else None
    return earlier is not None and as_int(total.group("n")) + sum(sizes) <= earlier
