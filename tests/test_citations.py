"""Citation markers: finding them in a line and expanding their numbers."""
import pytest

from kb.read.markers import MAX_RANGE, expand, find_markers


@pytest.mark.parametrize("inner, numbers", [
    ("5", (5,)),
    ("4, 6", (4, 6)),
    ("35-54", tuple(range(35, 55))),
    ("5, 6, 65-67", (5, 6, 65, 66, 67)),
    ("65\u201367", (65, 66, 67)),          # en dash
    ("65 \u2014 67", (65, 66, 67)),        # em dash with spaces
    ("1;2", (1, 2)),
])
def test_expands_singles_lists_and_ranges(inner, numbers):
    result = expand(inner)
    assert result.numbers == numbers
    assert result.problems == ()


def test_range_members_are_remembered():
    assert expand("5, 65-67").from_range == frozenset({65, 66, 67})


@pytest.mark.parametrize("inner, problem", [
    ("67-65", "reversed range"),
    ("5, 5", "appears twice"),
    ("5,,6", "empty item"),
    ("5, 6a", "malformed item"),
    ("0", "number 0"),
])
def test_reports_broken_markers(inner, problem):
    assert any(problem in p for p in expand(inner).problems)


def test_reversed_range_is_still_expanded():
    assert expand("67-65").numbers == (65, 66, 67)


def test_huge_range_is_reported_not_expanded():
    result = expand("1-99999999")
    assert result.numbers == ()
    assert any(str(MAX_RANGE) in p for p in result.problems)


def test_finds_sup_markers_with_columns():
    line = "Zhu (2022) did X.<sup>[1]</sup> Then Y.<sup>[4, 6]</sup>"
    found = find_markers(line)
    assert [m.inner for m in found] == ["1", "4, 6"]
    assert line[found[0].start:].startswith("<sup>[1]")


def test_bracketed_year_is_not_a_citation():
    found = find_markers("Buchbinder [2009]<sup>[5]</sup> and Kallmes [2009]<sup>[6]</sup>")
    assert [m.inner for m in found] == ["5", "6"]


def test_registered_mark_and_links_are_not_citations():
    assert find_markers("Kiva<sup>\u00ae</sup> and [Sacroiliac Joint Fusion](#) and [TA279]") == []


def test_bare_bracket_list_is_a_citation():
    assert [m.inner for m in find_markers("as shown before [3, 7-9].")] == ["3, 7-9"]
