"""One date parser, strict: every place that reads a policy's or a table's dates agrees on what they mean."""
import datetime

import pytest

from kb.dates import Date, find_date, parse_date, parse_iso_day


@pytest.mark.parametrize("text, expected", [
    ("2026-10-01", Date(2026, 10, 1)), ("2026-10", Date(2026, 10)), ("October 1, 2026", Date(2026, 10, 1)),
    ("Oct 1, 2026", Date(2026, 10, 1)), ("1 October 2026", Date(2026, 10, 1)), ("October 2026", Date(2026, 10)),
    ("2025", Date(2025)),
])
def test_dates_as_printed(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2026-13", "2026-02-30", "soon", "", "October", "2026-10-01 12:30"])
def test_what_is_not_a_date_is_an_error(text):
    with pytest.raises(ValueError):
        parse_date(text)
    assert find_date(text) is None


def test_the_evidence_age_and_the_site_stamp_read_the_same_month():
    """'Oct 1, 2026' was January for the staleness check and October for the site's stamp."""
    from types import SimpleNamespace

    from kb.evidence.dates import parse_date as effective
    from kb.site.pages import source_date_epoch

    kb = SimpleNamespace(metadata={"effective": "Oct 1, 2026"}.get)
    assert effective("Oct 1, 2026") == (2026, 10)
    stamp = datetime.datetime.fromtimestamp(source_date_epoch(kb), datetime.timezone.utc)
    assert (stamp.year, stamp.month) == (2026, 10)


def test_a_month_thirteen_is_no_effective_date():
    from kb.evidence.dates import parse_date as effective

    assert effective("2026-13") is None


def test_curated_dates_are_iso_days_only():
    assert parse_iso_day("2026-05-01") == datetime.date(2026, 5, 1)
    for bad in ("2026-5-1", "May 1, 2026", "2026-02-30", "2026-05"):
        with pytest.raises(ValueError):
            parse_iso_day(bad)
