"""Facts about the bundled policy that a careful reader checks by hand.

The expected values below were read off the policy text line by line, not
copied from the parser's output.
"""
import re

import pytest

# (number, first author's surname or organisation, year) as printed in the list.
EXPECTED_ENTRIES = [
    (1, "Zhu", 2022), (2, "Halvachizadeh", 2021), (3, "Xie", 2017), (4, "Buchbinder", 2015),
    (5, "Buchbinder", 2009), (6, "Kallmes", 2009), (7, "Staples", 2011), (8, "Chew", 2011),
    (9, "Firanescu", 2018), (10, "Clark", 2016), (11, "Kroon", 2014), (12, "Leali", 2016),
    (13, "Yang", 2016), (14, "Chen", 2014), (15, "Farrokhi", 2011), (16, "Klazen", 2010),
    (17, "Yi", 2014), (18, "Sun", 2020), (19, "Hinde", 2020), (20, "Wang", 2018),
    (21, "Xiang", 2018), (22, "Frey", 2017), (23, "Huang", 2014), (24, "Fuguo", 2025),
    (25, "Wardlaw", 2009), (26, "Boonen", 2011), (27, "Van Meirhaeghe", 2013), (28, "Berenson", 2011),
    (29, "Edidin", 2011), (30, "Mattie", 2021), (31, "Tutton", 2015), (32, "Korovessis", 2013),
    (33, "McConnell", 2014), (34, "Martin-Lopez", 2015), (35, "Frey", 2007), (36, "Frey", 2008),
    (37, "Garant", 2002), (38, "Layton", 2006), (39, "Sciubba", 2007), (40, "Smith", 2006),
    (41, "Tjardes", 2008), (42, "Binaghi", 2006), (43, "Brook", 2005), (44, "Butler", 2005),
    (45, "Deen", 2005), (46, "Gjertsen", 2008), (47, "Heron", 2007), (48, "Pommersheim", 2003),
    (49, "Strub", 2007), (50, "Whitlow", 2007), (51, "Kamel", 2009), (52, "Talmadge", 2014),
    (53, "Andresen", 2014), (54, "Zhao", 2017), (55, "Zaman", 2006), (56, "Zhang", 2017),
    (57, "Zhan", 2017), (58, "Xiao", 2015), (59, "Blasco Andaluz", 2012), (60, "Rousing", 2010),
    (61, "Zhang", 2014), (62, "Spross", 2014), (63, "Civelek", 2014),
    (64, "American Academy of Orthopaedic Surgeons", 2010), (65, "Rousing", 2009),
    (66, "Voormolen", 2007), (67, "Diamond", 2006), (68, None, 2010), (69, "Barr", 2014),
    (70, None, 2017), (71, "Chandra", 2014), (72, "Baerlocher", 2014), (73, "Feng", 2017),
    (74, "National Institute for Health and Clinical Excellence", None),
    (75, "National Institute for Health and Clinical Excellence", None), (76, "Aman", 2021),
]

# Every marker, in reading order, as the numbers it stands for.
EXPECTED_MARKERS = [
    [1], [2], [3], [4], [5], [6], [7], [8], [4, 6], [9], [10], [11], [5], [12], [13], [14], [15],
    [16], [17], [18], [19], [20], [21], [22], [23], [24], [25], [26, 27], [28], [29], [30], [31],
    [32], [33], [34], list(range(35, 55)), [55], [56], [57], [58], [5, 16, 59, 60], [61], [17],
    [62], [63], [64], [5, 6, 65, 66, 67], [68], [69], [70], [70], [71], [72], [73], [74], [75], [76],
]

EXPECTED_CRITERIA = (
    ["I", "I.A", "I.A.1", "I.A.2", "I.A.3", "I.A.3.a", "I.A.3.b", "I.A.4", "I.A.4.a", "I.A.4.b", "I.A.4.c",
     "I.A.5"] + [f"I.A.5.{c}" for c in "abcdefghijk"] + ["I.B", "II", "III"]
)


def test_reference_list_has_76_entries_in_order(bundled_kb):
    assert [e.number for e in bundled_kb.doc.references] == list(range(1, 77))


@pytest.mark.parametrize("number, who, year", EXPECTED_ENTRIES)
def test_each_entry_first_author_and_year(bundled_kb, number, who, year):
    e = bundled_kb.references[number]
    if who is None:
        assert e.first_author is None and e.organisation is None
    elif e.authors:
        assert e.first_author == who
    else:
        assert e.organisation.startswith(who)
    assert e.year == year


def test_every_marker_and_its_numbers(bundled_kb):
    assert [list(m.numbers) for m in bundled_kb.doc.markers] == EXPECTED_MARKERS


def test_marker_positions_point_at_the_marker(bundled_kb):
    lines = bundled_kb.doc.lines
    for m in bundled_kb.doc.markers:
        assert lines[m.line - 1][m.column - 1:].startswith(m.raw)


def test_marker_count_matches_an_independent_count(bundled_path):
    text = bundled_path.read_text(encoding="utf-8")
    assert len(re.findall(r"<sup>\[", text)) == 57


def test_criteria_ids(bundled_kb):
    assert [s.id for s in bundled_kb.doc.statements] == EXPECTED_CRITERIA


def test_criteria_categories(bundled_kb):
    st = bundled_kb.statements
    assert st["I.A.5.k"].category == "medically necessary"
    assert st["II"].category == st["III"].category == "investigational"


def test_codes_table(bundled_kb):
    codes = [(c.system, c.code) for c in bundled_kb.doc.codes]
    assert codes[0] == ("CPT", "22510")
    assert ("CPT", "0200T") in codes and ("HCPCS", "C7508") in codes
    assert len(codes) == 13


def test_metadata(bundled_kb):
    d = bundled_kb.doc.metadata
    assert d["effective"] == "October 1, 2026"
    assert d["next_review"] == "April 2027"
    assert bundled_kb.doc.title.startswith("Percutaneous Vertebroplasty, Kyphoplasty")


def test_sentence_of_a_marker(bundled_kb):
    m = next(m for m in bundled_kb.doc.markers if m.numbers == (26, 27))
    assert "Boonen in 2011 and by Van Meirhaeghe in 2013" in bundled_kb.sentence_of(m).text


def test_every_reference_is_cited(bundled_kb):
    assert bundled_kb.uncited == []


def test_kinds_use_the_reviewed_overrides(bundled_kb):
    assert bundled_kb.kind(17) == "randomized-trial"  # override: the title names no design
    assert bundled_kb.kind(4) == "systematic-review"
    assert bundled_kb.kind(74) == "guideline"
    assert bundled_kb.kind(67) == "observational"  # "non-randomised trial"
