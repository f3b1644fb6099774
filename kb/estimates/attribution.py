"""Estimates belong to the paper that reported them.

When a citation check resolves a named author to another entry of the list
(CIT201, or CIT202 when an entry by that author has the named year: "Zhao (2017) is cited as reference 22, which is Frey (2017);
Zhao (2017) is reference 54"), every estimate of that paragraph that rests on
the printed marker is attributed to the resolved entry: ``citations`` and
``source`` name the resolved entry, ``printed_citations`` keeps the marker as
printed, and ``attribution`` says why. Only a single, unambiguous resolution
moves a row; the EST checks keep reading the rows as printed.
"""
from __future__ import annotations

from dataclasses import replace

from kb.sources.judge import verdicts
from .context import paragraphs
from .model import EffectEstimate

# Only named authors move a row: a trial or an organisation named beside a review's marker is often
# what the review discusses, not the paper it is.
_CODES = {"author": "CIT201", "year": "CIT202"}


def resolutions(kb) -> list[tuple[frozenset, tuple[int, ...], int, str]]:
    """(paragraph sentence indices, printed numbers, resolved number, reason) per resolvable verdict."""
    groups = paragraphs(kb.doc)
    where = {i: frozenset(g) for g in groups for i in g}
    out = []
    for v in verdicts(kb):
        printed = tuple(v.pairing.scope)
        resolved = [n for n in dict.fromkeys(v.citations) if n not in printed and n in kb.references]
        if len(resolved) != 1 or v.what not in _CODES:
            continue
        sentence = v.pairing.sentence.index
        reason = (f"{_CODES[v.what]}: {v.pairing.mention.label} is printed as [{', '.join(map(str, printed))}]; "
                  f"attributed to [{resolved[0]}] ({kb.references[resolved[0]].label})")
        out.append((where.get(sentence, frozenset({sentence})), printed, resolved[0], reason))
    return out


def attribute(kb, estimates: tuple[EffectEstimate, ...]) -> tuple[EffectEstimate, ...]:
    """The estimates with resolved citations moved to the right entry (others unchanged)."""
    found = resolutions(kb)
    if not found:
        return estimates
    out = []
    for e in estimates:
        hit = next((r for r in found if e.sentence_index in r[0] and tuple(e.citations) == r[1]), None)
        if hit is None:
            out.append(e)
            continue
        _, printed, number, reason = hit
        out.append(replace(e, citations=(number,), printed_citations=printed,
                           source=kb.references[number].label, attribution=reason))
    return tuple(out)
