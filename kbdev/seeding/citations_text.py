"""The same citation defects seeded into a real policy's text, where each edit has a known line.

A real policy has no model, so each injector edits the Markdown directly:
it swaps or shifts single-number markers in sentences that name the first
author of the entry they cite (read with a plain substring test, not with the
checker), never onto an entry of the same first author (the name could not
show it), changes the year printed beside such a name, or edits the numbered
list. ``TEXT_INJECTORS`` take a ``TextPolicy``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cached_property

from kbdev.seeding import Seeded
from kbdev.seeding.citations import DEFECTS

_ENTRY_LINE = re.compile(r"^(\s*)(\d{1,5})([.)]\s+)")


@dataclass(frozen=True)
class TextPolicy:
    seed: int  # the variant: each gives the injectors another random draw
    text: str
    path: str = field(default="policy.md", compare=False)

    @cached_property
    def doc(self):
        from kb.read.parse_policy import parse_policy

        return parse_policy(self.text, self.path)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def _entries(policy: TextPolicy) -> dict:
    return {e.number: e for e in policy.doc.references}


def _cites_by_number(policy: TextPolicy) -> bool:
    """False for a document whose numbered markers cite under a fifth of its list (it cites some other way,
    as CIT104 judges): an entry added, deleted or inserted there leaves no trace a numbered citation could show."""
    from kb.checks.cit_markers import NUMBERED_SHARE

    entries = _entries(policy)
    if policy.doc.citation_style != "numbered":
        return False  # cited by author and year: the numbers are the reader's, not printed in the text
    cited = {n for m in policy.doc.markers for n in m.numbers if n in entries}
    return bool(entries) and len(cited) >= NUMBERED_SHARE * len(entries)


def _named_markers(policy: TextPolicy) -> list:
    """Single-number markers, alone in their sentence, whose sentence names the cited entry's first author."""
    by_sentence: dict = {}
    for m in policy.doc.markers:
        by_sentence.setdefault(m.sentence_index, []).append(m)
    entries = _entries(policy)
    out = []
    for index, markers in by_sentence.items():
        if index is None or len(markers) != 1 or len(markers[0].numbers) != 1:
            continue
        entry = entries.get(markers[0].numbers[0])
        text = policy.doc.sentences[index].text
        if entry and entry.first_author and re.search(rf"\b{re.escape(entry.first_author)}\b", text):
            out.append(markers[0])
    return out


def _set_marker(lines: list[str], marker, numbers: str) -> None:
    at = marker.column - 1
    line = lines[marker.line - 1]
    new = marker.raw.replace(marker.inner, numbers, 1)
    lines[marker.line - 1] = line[:at] + new + line[at + len(marker.raw):]


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


def swap(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    named = _named_markers(policy)
    entries = _entries(policy)
    rng.shuffle(named)
    for a in named:
        b = next((b for b in named if b.line != a.line
                  and entries[b.numbers[0]].first_author != entries[a.numbers[0]].first_author), None)
        if b:
            lines = policy.lines
            for m, other in sorted(((a, b), (b, a)), key=lambda x: (x[0].line, -x[0].column)):
                _set_marker(lines, m, str(other.numbers[0]))
            return Seeded("two citations swapped", _join(lines), frozenset({a.line, b.line}), frozenset({"CIT2"}))
    return None


def _shifted(entries: dict, m, step: int) -> int | None:
    """The number a marker shifts to, or None when its entry has the same first author: as for a swap,
    the name in the sentence could not show the change (Boult 2001 cited as Boult 2008)."""
    n = m.numbers[0]
    new = n + step
    if new < 1 or (new in entries and entries[new].first_author == entries[n].first_author):
        return None
    return new


def shift(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    named = _named_markers(policy)
    if not named:
        return None
    entries = _entries(policy)
    m = rng.choice(named)
    step = rng.choice((-1, 1)) if m.numbers[0] > 1 else 1
    # The drawn marker and direction, else the other direction, else the next named markers in turn.
    at = named.index(m)
    tries = [(k, s) for k in named[at:] + named[:at] for s in ((step, -step) if k is m else (1, -1))]
    m, new = next(((k, _shifted(entries, k, s)) for k, s in tries if _shifted(entries, k, s) is not None),
                  (None, None))
    if m is None:
        return None
    n = m.numbers[0]
    lines = policy.lines
    _set_marker(lines, m, str(new))
    still = any(n in k.numbers for k in policy.doc.markers if k is not m)
    entry_line = _entries(policy)[n].line
    return Seeded("a citation number shifted", _join(lines), frozenset({m.line}), frozenset({"CIT1", "CIT2"}),
                  frozenset() if still else frozenset({entry_line}))


def year_changed(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    entries = _entries(policy)
    sites = []
    for m in _named_markers(policy):
        entry = entries[m.numbers[0]]
        line = policy.lines[m.line - 1]
        if not entry.year:
            continue
        for name in re.finditer(rf"\b{re.escape(entry.first_author)}\b", line[:m.column]):
            near = line[max(0, name.start() - 40): name.end() + 40]
            year = re.search(rf"\b{entry.year}\b", near)
            if year:
                sites.append((m.line, max(0, name.start() - 40) + year.start(), entry.year))
    if not sites:
        return None
    line_no, at, year = rng.choice(sites)
    lines = policy.lines
    new = year + rng.choice((-3, -2, -1, 1, 2, 3))
    lines[line_no - 1] = lines[line_no - 1][:at] + str(new) + lines[line_no - 1][at + 4:]
    return Seeded("a year changed in the text", _join(lines), frozenset({line_no}), frozenset({"CIT202"}))


_NEW_ENTRY = ("Quist A, Holm B, Varga C. Vertebral augmentation in practice: a prospective cohort study. "
              "*Pain Physician*. {year};12(3):100-10. PMID: {pmid}")


def _new_entry(number: int, rng: random.Random) -> str:
    return f"{number}. " + _NEW_ENTRY.format(year=rng.randint(1995, 2025), pmid=rng.randint(10_000_000, 39_999_999))


def inserted(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    entries = _entries(policy)
    numbers = sorted(entries)
    if len(numbers) < 2 or not _cites_by_number(policy):
        return None
    at = rng.choice(numbers[:-1])
    lines = policy.lines
    for n in numbers:
        if n >= at:  # renumber the list from the insertion point on
            row = entries[n].line - 1
            lines[row] = _ENTRY_LINE.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}", lines[row], 1)
    insert_at = entries[at].line - 1
    lines.insert(insert_at, _new_entry(at, rng))
    citing = {m.line for m in policy.doc.markers if any(n >= at for n in m.numbers)}
    list_lines = {e.line + k for e in entries.values() for k in (0, 1)} | {insert_at + 1}
    return Seeded("an entry inserted, markers not renumbered", _join(lines), frozenset(citing),
                  frozenset({"CIT1", "CIT2", "CIT3"}), frozenset(list_lines))


def deleted(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    entries = _entries(policy)
    if not _cites_by_number(policy):
        return None
    gone = entries[rng.choice(sorted(entries))]
    lines = policy.lines
    del lines[gone.line - 1]
    citing = {m.line for m in policy.doc.markers if gone.number in m.numbers}
    gap = frozenset({gone.line - 1, gone.line, gone.line + 1})
    if not citing:  # an uncited entry deleted shows only as the gap it leaves in the numbering (REF101)
        return Seeded("an entry deleted", _join(lines), gap - {gone.line + 1}, frozenset({"REF101"}),
                      frozenset({gone.line + 1}))
    return Seeded("an entry deleted", _join(lines), frozenset(citing), frozenset({"CIT101"}), gap)


def uncited_added(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    entries = _entries(policy)
    if not _cites_by_number(policy):
        return None
    last = entries[max(entries)]
    if any(last.number + 1 in m.numbers for m in policy.doc.markers):
        return None  # the text already cites the next number (beyond the list): the new entry would be cited
    lines = policy.lines
    lines.insert(last.line, _new_entry(last.number + 1, rng))
    return Seeded("an uncited entry added", _join(lines), frozenset({last.line + 1}), frozenset({"CIT104"}),
                  entries=frozenset({last.number + 1}))


# A range's end as printed: '21' in '18-21', '[18]–[21]', '[3]−[6]' (PLOS and others bracket each end).
_RANGE_END = re.compile(r"\d+\]?\s*[-\u2013\u2212]\s*\[?(\d+)")


def range_widened(policy: TextPolicy, rng: random.Random) -> Seeded | None:
    ranged = [m for m in policy.doc.markers if re.search(r"\d\s*[-\u2013]\s*\d", m.inner)]
    if not ranged:
        return None
    m = rng.choice(ranged)
    step = rng.randint(1, 3)
    # The edit is made on the marker as printed: a range written '[2]–[7]' has no '2–7' in it to replace.
    ends = list(_RANGE_END.finditer(m.raw))
    if not ends:
        return None
    end = ends[-1]
    wider = m.raw[:end.start(1)] + str(int(end.group(1)) + step) + m.raw[end.end(1):]
    lines = policy.lines
    at = m.column - 1
    line = lines[m.line - 1]
    lines[m.line - 1] = line[:at] + wider + line[at + len(m.raw):]
    return Seeded("a range widened", _join(lines), frozenset({m.line}), frozenset({"CIT1", "CIT3"}))


# The same defects, under the same names, as the synthetic injectors (kbdev.seeding.citations.INJECTORS).
TEXT_INJECTORS = dict(zip(DEFECTS, (swap, shift, year_changed, inserted, deleted, uncited_added, range_widened)))
