"""CIT207: 'Smith and Jones [n]' where entry n is Smith's but not with Jones, and another entry is Smith and Jones."""
from __future__ import annotations

from kb.sources.citing import analyse
from kb.sources.index import fold
from kb.sources.judge import label
from . import finding, rule


def _second_in(entry, second: str) -> bool:
    """Whether the second name is one of the entry's authors ('van Dijk' matches 'van Dijk' and 'Dijk')."""
    words = second.split()
    keys = {fold(second), fold(words[-1])} if words else set()
    return any(fold(s) in keys for s in entry.surnames)


def _pair_named(kb, index, pairing):
    """(the cited entries the first name wrote, the list's other entries led by it with the second), or None."""
    m = pairing.mention
    if m.kind != "person" or not m.second or m.eponym or any(n not in kb.references for n in pairing.scope):
        return None
    # The first name wrote a cited entry (led it, or co-authored it): otherwise CIT201 speaks.
    led = [n for n in pairing.scope if index.has_author(n, m.name)
           and (m.year is None or kb.references[n].year in (None, m.year))]
    if not led or any(not kb.references[n].surnames for n in pairing.scope):
        return None  # CIT202 speaks when the year does not fit; an unsplit author list is unsure
    if any(_second_in(kb.references[n], m.second) for n in pairing.scope):
        return None
    both = [n for n in index.first_author_matches(m.name, m.year)
            if n not in pairing.scope and _second_in(kb.references[n], m.second)]
    return (led, both) if both else None


@rule("CIT207", "named-coauthor-mismatch", "error")
def named_coauthor_mismatch(kb):
    """Two authors are named beside a marker; the cited entry is the first one's, but without the second.

    What: `Pettijohn and Tesser [17]` where reference 17 is Pettijohn and Jungeberg (2004), and
    reference 18 is Pettijohn and Tesser (2005): the first name is an author of the cited entry (so
    CIT201 is silent), the second is none of its authors, and another entry of the list is led by the
    first name with the second among its authors (and the year, when the sentence gives one).
    Why: an author who writes several papers leads many entries; the second name is what tells them
    apart. The marker most likely slipped to a neighbouring paper of the same author.
    Example: `In one study, Pettijohn and Tesser [17] manipulated stress ...` with 17 Pettijohn and
    Jungeberg (2004) and 18 Pettijohn and Tesser (2005).
    Fix: cite the entry the suggestion names, or correct the second name.
    Silent when any cited entry has the second name among its authors, when the list has no other
    entry by both names, and when an entry's authors could not be read one by one.
    """
    a = analyse(kb)
    for p in a.pairings:
        found = _pair_named(kb, a.index, p)
        if not found:
            continue
        led, both = found
        m = p.mention
        cited = ", ".join(f"{n} ({label(kb.references[n])})" for n in led)
        other = ", ".join(f"{n} ({label(kb.references[n])})" for n in both)
        yield finding(named_coauthor_mismatch, p.marker.line,
                      f"{m.name} and {m.second} are cited as reference{'s' if len(led) > 1 else ''} {cited}, "
                      f"which {m.second} did not write",
                      column=p.marker.column, citations=[*led, *both],
                      suggestion=f"{m.name} and {m.second} is reference{'s' if len(both) > 1 else ''} {other}: "
                                 f"cite it instead, or correct the second name")


RULES = (named_coauthor_mismatch,)
