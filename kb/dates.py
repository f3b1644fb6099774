"""Dates as policies and curated tables print them, read by one parser (python-dateutil) and strictly.

"2026-10-01", "2026-10", "October 1, 2026", "Oct 1, 2026", "1 October 2026" and
"October 2026" are dates; "2026-13", "2026-02-30" and "soon" are not. A date
keeps what was printed: a month without a day is a month, not its first day.
A full ISO date (YYYY-MM-DD, the form of curated tables) is read by the standard library, without dateutil.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from kb.patterns import lazy

# Two defaults that differ in every field: whatever the text leaves out differs between the two parses.
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2004, 2, 2))
_ISO_DAY = lazy(r"\d{4}-\d{2}-\d{2}")
_PLAUSIBLE = lazy(r"[0-9]{4}")


@dataclass(frozen=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> datetime.date:
        """The earliest day the printed date can mean ('2026-10' -> 2026-10-01)."""
        return datetime.date(self.year, self.month or 1, self.day or 1)


def parse_date(text: str) -> Date:
    """The date ``text`` prints, or ValueError naming why it is not one."""
    text = (text or "").strip()
    if _ISO_DAY.fullmatch(text):  # the usual form, read without loading dateutil; a wrong day falls through
        try:
            day = datetime.date.fromisoformat(text)
            return Date(day.year, day.month, day.day)
        except ValueError:
            pass
    from dateutil import parser

    if not _PLAUSIBLE.search(text):
        raise ValueError(f"'{text}' has no four-digit year")
    try:
        first, second = (parser.parse(text, default=d, dayfirst=False, yearfirst=True) for d in _DEFAULTS)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"'{text}' is not a date ({exc})") from None
    if first.year != second.year or first.time() != datetime.time() or second.time() != datetime.time():
        raise ValueError(f"'{text}' is not a date with a year (and no time of day)")
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day else None
    if day is not None and month is None:
        raise ValueError(f"'{text}' has a day but no month")
    return Date(first.year, month, day)


def find_date(text: str | None) -> Date | None:
    """``parse_date`` for a value a policy may leave out or misprint: None rather than an error."""
    try:
        return parse_date(text or "")
    except ValueError:
        return None


def parse_iso_day(text: str) -> datetime.date:
    """A curated table's date, written YYYY-MM-DD and nothing else (ValueError otherwise)."""
    if not _ISO_DAY.fullmatch(text or ""):
        raise ValueError(f"'{text}' is not written YYYY-MM-DD")
    # One fixed form: the standard library reads it (and rejects 2026-02-30) without loading dateutil at start-up.
    return datetime.date.fromisoformat(text)
