"""REF 10x: the numbering of the reference list (gaps, duplicates, order).

Markers cite entries by number, so a list whose numbers skip, repeat or run
backwards makes some citation point at the wrong paper or at nothing.
"""
from __future__ import annotations

import bisect

from . import finding, rule
from .helpers import describe, span_text, spans


def _parts(entries) -> list[list]:
    """The list's parts in order: one part unless its numbers restart at 1 under a label of their own
    (Anthem's peer-reviewed papers, then its agency publications), each part numbered on its own."""
    parts: dict[int, list] = {}
    for e in entries:
        parts.setdefault(e.part, []).append(e)
    return [parts[k] for k in sorted(parts)]


@rule("REF101", "numbering-gap", "error")
def numbering_gap(kb):
    """A number is missing from the reference list.

    What: the entries are numbered 1, 2, 4 ...: some number between 1 and the
    highest one has no entry. The finding sits on the first entry after the gap.

    Why: markers cite by number. A gap usually means an entry was deleted
    (or the list renumbered) without updating the markers, so a marker may
    now cite the wrong paper, or a paper the list no longer holds.

    Example: `2. Kallmes DF ... 2009.` followed by `4. Staples MP ... 2011.`
    (reference 3 is missing).

    A list printed in parts, each numbered from 1 under a label of its own
    (`Peer Reviewed Publications:`, then `Government Agency ... Publications:`),
    is checked part by part.

    Fix: restore the missing entry, or renumber the entries after the gap and
    every marker that cites them.
    """
    for entries in _parts(kb.doc.references):
        yield from _gaps(entries)


def _gaps(entries):
    numbers = {e.number for e in entries}
    missing = sorted(set(range(1, max(numbers) + 1)) - numbers)
    for lo, hi in spans(missing):
        after = next(e for e in entries if e.number > hi)
        where = "the list starts at" if lo == 1 else f"the list goes from {lo - 1} to"
        verb = "is" if lo == hi else "are"
        yield finding(numbering_gap, after.line, f"{span_text(lo, hi)} {verb} missing: {where} {after.number}",
                      citations=(after.number,),
                      suggestion=f"restore {span_text(lo, hi)}, or renumber from {describe(after)} on "
                                 f"and update every marker that cites a renumbered entry")


@rule("REF102", "duplicate-number", "error")
def duplicate_number(kb):
    """Two entries carry the same number.

    What: a number is given to a second entry further down the list.

    Why: a marker citing that number is ambiguous, and every entry after the
    repeat is probably numbered one too low.

    Example: `12. Leali PT ... 2016.` and later `12. Yang EZ ... 2016.` (not
    two parts of the list each numbered from 1 under a label of its own).

    Fix: give the later entry its own number (usually the next one), renumber
    the entries after it and update the markers that cite them.
    """
    first: dict[tuple[int, int], object] = {}
    for e in kb.doc.references:
        if (e.part, e.number) in first:
            earlier = first[(e.part, e.number)]
            yield finding(duplicate_number, e.line,
                          f"number {e.number} is used twice: {describe(e)} and, at line {earlier.line}, "
                          f"{describe(earlier)}",
                          citations=(e.number,),
                          suggestion="give this entry its own number, renumber the entries after it and "
                                     "update the markers that cite them")
        else:
            first[(e.part, e.number)] = e


def _out_of_place(numbers: list[int]) -> set[int]:
    """Positions not on a longest strictly increasing run through the list.

    One misplaced entry (1, 2, 3, 10, 4, 5 ...) is one finding, not one per
    entry that follows it.
    """
    tails: list[int] = []  # tails[k]: smallest last value of an increasing run of length k + 1
    tail_at: list[int] = []  # position of that last value
    parent = [-1] * len(numbers)
    for i, n in enumerate(numbers):
        k = bisect.bisect_left(tails, n)
        parent[i] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(n)
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = n, i
    keep, i = set(), tail_at[-1] if tail_at else -1
    while i >= 0:
        keep.add(i)
        i = parent[i]
    return set(range(len(numbers))) - keep


@rule("REF103", "numbering-out-of-order", "warning")
def numbering_out_of_order(kb):
    """An entry is out of numerical order.

    What: the list runs 1, 2, 4, 3, 5 ...: an entry's number is out of step
    with its neighbours. Only the fewest entries that explain the disorder
    are reported (a single misplaced entry is one finding, and so is a block
    of entries printed together in order elsewhere, as 25-33 after 43).
    Repeated numbers are REF102's, not this rule's.

    Why: a list out of order is hard to check against the markers and often
    hides a renumbering slip; in Vancouver style the list runs in citation order.

    Example: `4. Buchbinder R ... 2015.` printed before `3. Xie L ... 2017.`

    Fix: move the entry to its place, or correct its number if it was mistyped.
    """
    for entries in _parts(kb.doc.references):
        yield from _disorder(entries)


def _disorder(entries):
    seen: set[int] = set()
    unique = []
    for e in entries:
        if e.number not in seen:
            seen.add(e.number)
            unique.append(e)
    for run in _blocks(sorted(_out_of_place([e.number for e in unique])), unique):
        e, last = unique[run[0]], unique[run[-1]]
        before = unique[run[0] - 1] if run[0] else None
        where = f"after reference {before.number}" if before else "first"
        if len(run) == 1:
            yield finding(numbering_out_of_order, e.line, f"{describe(e)} is out of order: it comes {where}",
                          citations=(e.number,),
                          suggestion=f"move reference {e.number} to its place in the list, or correct its number")
            continue
        yield finding(numbering_out_of_order, e.line,
                      f"{span_text(e.number, last.number)} are out of order: printed together, they come {where}",
                      citations=tuple(unique[i].number for i in run),
                      suggestion=f"move {span_text(e.number, last.number)} to their place in the list, "
                                 "or correct their numbers")


def _blocks(positions: list[int], entries) -> list[list[int]]:
    """Misplaced positions grouped into blocks printed together in number order (25, 26 ... 33 after 43):
    moving one block is one fix, and each entry of it after the first does follow its neighbour."""
    blocks: list[list[int]] = []
    for i in positions:
        if blocks and blocks[-1][-1] == i - 1 and entries[i].number == entries[i - 1].number + 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    return blocks


RULES = (numbering_gap, duplicate_number, numbering_out_of_order)
