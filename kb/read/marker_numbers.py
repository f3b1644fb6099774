"""The numbers a citation marker holds: ``"5, 6, 65-67"`` expanded, with what is wrong in it.

Pure functions, split from ``kb.read.markers`` (which finds the markers)
because the checks and the seeding machinery expand marker text on their own.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.patterns import lazy

DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212"  # escaped: used inside [...]

# A range wider than this is reported, not expanded: "[1-99999999]" must not
# allocate a hundred million integers.
MAX_RANGE = 500

_RANGE = lazy(rf"^\s*(\d+)\s*[{DASHES}]\s*(\d+)\s*$")
_NUMBER = lazy(r"^\s*(\d+)\s*$")


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
    for part in inner.replace(";", ",").split(","):
        core = part.strip()
        if not core:
            problems.append(f"empty item in '{inner.strip()}'")
            continue
        if core.isdigit() and part.isascii():  # a plain number, most items: what _NUMBER reads, without it
            numbers.append(int(core))
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
