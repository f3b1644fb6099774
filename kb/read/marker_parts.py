"""Markers that cite one part of a multi-part entry: '[28b]' for entry 28 printed 'a) Schaaf ...; b) ...', as
chemistry and materials journals (Wiley's Angewandte Chemie, Advanced Science) number their lists. Pure."""
from __future__ import annotations

import re
from dataclasses import replace

from kb.read.marker_numbers import expand
from kb.read.model import CitationMarker, ReferenceEntry

_PART = re.compile(r"\b(\d{1,4})([a-h])\b")
# An entry whose text opens with its first part's letter: 'a) M. B. Schaaf, ...'.
_PARTED = re.compile(r"^\W{0,3}a\)\s")
_TWICE = re.compile(r"number (\d+) appears twice")


def with_entry_parts(markers: list[CitationMarker], references: list[ReferenceEntry]) -> list[CitationMarker]:
    """Each marker citing a part ('28b') of an entry printed in parts cites that entry; other markers as read."""
    parted = {e.number for e in references if _PARTED.match(e.raw)}
    if not parted:
        return markers
    return [_read_parts(m, parted) if "malformed item" in " ".join(m.problems) else m for m in markers]


def _read_parts(marker: CitationMarker, parted: set[int]) -> CitationMarker:
    cited = {int(m.group(1)) for m in _PART.finditer(marker.inner) if int(m.group(1)) in parted}
    if not cited:
        return marker
    inner = _PART.sub(lambda m: m.group(1) if int(m.group(1)) in parted else m.group(0), marker.inner)
    again = expand(inner)
    # '[28a, 28b]' cites entry 28 twice over, by design: once is enough; another number printed twice stays reported
    problems = tuple(p for p in again.problems if not ((t := _TWICE.fullmatch(p)) and int(t.group(1)) in cited))
    numbers, seen = [], set()
    for n in again.numbers:
        if n not in cited or n not in seen:
            numbers.append(n)
        seen.add(n)
    return replace(marker, numbers=tuple(numbers), problems=problems, in_range=again.from_range)
