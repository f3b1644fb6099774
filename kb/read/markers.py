"""Citation markers: find them in a line and expand their numbers.

Pure functions. A marker is ``<sup>[5, 6, 65-67]</sup>``, ``<sup>5,6</sup>``
or a bare ``[4, 6]``; a bare ``[2009]`` next to a name is a year, not a
citation.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A range wider than this is reported, not expanded: "[1-99999999]" must not
# allocate a hundred million integers.
MAX_RANGE = 500

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # escaped: used inside [...]
_RANGE = re.compile(rf"^\s*(\d+)\s*[{_DASHES}]\s*(\d+)\s*$")
_NUMBER = re.compile(r"^\s*(\d+)\s*$")
_LIST_BODY = rf"[\d\s,;{_DASHES}]*\d[\d\s,;{_DASHES}]*"

SUP_MARKER = re.compile(r"<sup>\s*\[?(?P<inner>[^<\]]*?)\]?\s*</sup>", re.IGNORECASE)
# Bare brackets: digits, commas and dashes only, and not a Markdown link.
BARE_MARKER = re.compile(rf"(?<![\w\]])\[(?P<inner>{_LIST_BODY})\](?![(\[:])")


@dataclass(frozen=True)
class Expansion:
    numbers: tuple[int, ...]
    problems: tuple[str, ...]
    from_range: frozenset[int]


def expand(inner: str) -> Expansion:
    """Expand marker content such as ``"5, 6, 65-67"`` to its numbers.

    Reversed ranges are expanded in ascending order and reported; malformed
    parts are reported and skipped; duplicates are kept and reported.
    """
    numbers: list[int] = []
    problems: list[str] = []
    ranged: set[int] = set()
    parts = [p for p in re.split(r"[,;]", inner)]
    for part in parts:
        if not part.strip():
            problems.append(f"empty item in '{inner.strip()}'")
            continue
        single = _NUMBER.match(part)
        if single:
            numbers.append(int(single.group(1)))
            continue
        rng = _RANGE.match(part)
        if not rng:
            problems.append(f"malformed item '{part.strip()}'")
            continue
        lo, hi = int(rng.group(1)), int(rng.group(2))
        if lo > hi:
            problems.append(f"reversed range '{part.strip()}'")
            lo, hi = hi, lo
        elif lo == hi:
            problems.append(f"range with equal ends '{part.strip()}'")
        if hi - lo > MAX_RANGE:
            problems.append(f"range '{part.strip()}' spans more than {MAX_RANGE} numbers")
            continue
        span = range(lo, hi + 1)
        numbers.extend(span)
        ranged.update(span)
    seen: set[int] = set()
    for n in numbers:
        if n in seen:
            problems.append(f"number {n} appears twice")
        seen.add(n)
    if any(n == 0 for n in numbers):
        problems.append("number 0 is not a reference number")
    return Expansion(tuple(numbers), tuple(dict.fromkeys(problems)), frozenset(ranged))


def looks_like_year(inner: str) -> bool:
    """``[2009]`` after a name is a year; a citation list would rarely reach 1800."""
    m = _NUMBER.match(inner)
    return bool(m) and 1800 <= int(m.group(1)) <= 2100


@dataclass(frozen=True)
class RawMarker:
    raw: str
    inner: str
    start: int  # 0-based offset in the line
    end: int


def find_markers(line: str) -> list[RawMarker]:
    """All citation markers in one line, in order, bracketed years left out."""
    found: list[RawMarker] = []
    taken: list[tuple[int, int]] = []
    for m in SUP_MARKER.finditer(line):
        inner = m.group("inner")
        # <sup>®</sup> has no digit; <sup>2009</sup> may be a year, but <sup>[1801]</sup> in a long list is a citation.
        if not re.search(r"\d", inner) or (looks_like_year(inner) and "[" not in m.group(0)):
            continue
        found.append(RawMarker(m.group(0), inner, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in BARE_MARKER.finditer(line):
        if any(a <= m.start() < b for a, b in taken):
            continue
        inner = m.group("inner")
        if looks_like_year(inner):
            continue
        found.append(RawMarker(m.group(0), inner, m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    return found
