"""The policy's effective date and the evidence-age setting, for the staleness check."""
from __future__ import annotations

import re

from ..errors import KbError

DEFAULT_MAX_AGE_YEARS = 10
AGE_KEY = "evidence_max_age_years"  # in provenance.yaml
_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december"), 1)}


def parse_date(text: str | None) -> tuple[int, int] | None:
    """(year, month) from '2026-10-01', '2026-10', 'October 1, 2026' or 'October 2026'."""
    if not text:
        return None
    m = re.search(r"\b(\d{4})-(\d{1,2})\b", text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.search(r"\b([A-Za-z]+)\b[^0-9]*(?:\d{1,2},?\s*)?(\d{4})\b", text)
    if m and m.group(1).lower() in _MONTHS:
        return int(m.group(2)), _MONTHS[m.group(1).lower()]
    m = re.search(r"\b(\d{4})\b", text)
    return (int(m.group(1)), 1) if m else None


def max_age_years(kb) -> int:
    """The age limit: provenance.yaml's evidence_max_age_years, or 10."""
    value = kb.curated.provenance.get(AGE_KEY)
    if value is None:
        return DEFAULT_MAX_AGE_YEARS
    if not str(value).isdigit() or int(value) < 1:
        raise KbError(f"{AGE_KEY} must be a whole number of years, not '{value}'", str(kb.curated.provenance_file))
    return int(value)


def oldest_recent_year(kb) -> int | None:
    """The earliest publication year that still counts as recent, or None without an effective date.

    Publication years carry no month, so a year that straddles the cut-off counts as recent:
    effective 2026-10 with a 10-year limit gives 2016.
    """
    effective = parse_date(kb.metadata("effective"))
    if effective is None:
        return None
    return effective[0] - max_age_years(kb)
