"""The policy's effective date and the evidence-age setting, for the staleness check."""
from __future__ import annotations

from ..dates import find_date
from ..errors import KbError

DEFAULT_MAX_AGE_YEARS = 10
AGE_KEY = "evidence_max_age_years"  # in provenance.yaml


def parse_date(text: str | None) -> tuple[int, int] | None:
    """(year, month) from '2026-10-01', '2026-10', 'Oct 1, 2026' or 'October 2026' (kb.dates); None when the
    text is not a date ('2026-13', 'soon'); a year alone is its January."""
    date = find_date(text)
    return (date.year, date.month or 1) if date else None


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
