"""Methods named after a person, cited at once: 'the Sørensen index [14]', 'Fisher's exact test [18]'.

An eponym right before a marker usually cites the person's own paper, but not
always (a textbook or a program may be cited for 'Pearson's correlation'), so
a mismatch found through an eponym is reported at ``info``. Only a surname the
list knows as a first author counts: then the text names the method of an
author whose paper is in the list, and the marker beside it cites another.
"""
from __future__ import annotations

import re

from kb.needles import may_match, needles

_UP = "A-Z\u00c0-\u00de"
_LOW = "a-z\u00df-\u00ff"
_NAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*"  # Sørensen, Cockcroft-Gault, Kato-Katz
_YEAR = r"(?:19[0-9]\d|20\d{2})"
# What a method is called; a name with one of these right before a marker is the method's author.
_THING = (r"(?i:index|indices|coefficient|test|method|model|algorithm|equation|formula|criteria|classification|"
          r"correction|process|estimator|distribution|statistic|scale|score|procedure|approach|transform|"
          r"transformation|smear|technique|assay|regression|approximation|theorem|inequality|principle|"
          r"rule|law|metric|distance|matrix|kernel|filter|integrator|sampler|plot|criterion|protocol)")
# Words between the name and the noun describe the method ('Fisher's exact test'); a verb or an article
# there makes the name the subject of a clause ('Smith used a model [3]'), which is no eponym.
_MODIFIER = (r"(?!(?:a|an|the|to|of|for|in|on|at|with|and|or|by|as|was|were|is|are|be|has|have|had|we|our|"
             r"this|that|these|who|which|et|al)\b)(?![\w-]*ed\b)[\w-]+")
_EPONYM = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME})(?:['\u2019]s?)?[\s-]+(?:(?P<year>{_YEAR})\s+)?"
                     rf"(?:{_MODIFIER}\s+){{0,3}}?{_THING}\b(?:\s+(?:for|of)(?:\s+{_MODIFIER}){{1,4}})?(?:\s*\([^()\[\]]{{1,15}}\))?[\s:,-]*(?=\[\d)")
_CAPITAL = re.compile(rf"(?=[{_UP}])(?<![\w'\u2019-])[{_UP}]")  # the lookahead first: faster, the same matches


def eponyms(text: str, index) -> list[tuple[int, int, str, int | None]]:
    """(start, end, surname, year) for each eponym right before a marker whose surname is a first author.

    A hyphenated eponym ('Kato-Katz') counts when one of its names is a first author.
    """
    out: list = []
    # The method nouns, one of which every eponym holds: a sentence without any is not tried word by word.
    if not may_match(text, needles(_EPONYM.pattern, _EPONYM.flags)):
        return out
    for start in _CAPITAL.finditer(text):  # each capitalised word in turn: 'The Sørensen index' tries both
        m = _EPONYM.match(text, start.start())
        if not m or (out and m.start() < out[-1][1]):
            continue
        name = m.group("name")
        for part in (name, *name.split("-")) if "-" in name else (name,):
            if index.first_author_matches(part):
                year = int(m.group("year")) if m.group("year") else None
                out.append((m.start("name"), m.end(), part, year))
                break
    return out
