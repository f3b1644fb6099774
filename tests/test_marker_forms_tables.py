"""Marker look-alikes met on other publishers' articles (corpus4: F1000, Frontiers, Wiley, Taylor & Francis):
table footnote labels, a median's IQR, symbols spaced from their index by pretty-printed XML, and a
table cell holding only a citation. Each form has a positive and a clean case."""
import pytest

from kb.read.markers import expand, scan_line
from kb.read.parse_policy import parse_policy


def numbers(line):
    return [expand(r.inner).numbers for r in scan_line(line)[0]]


@pytest.mark.parametrize("line, expected", [
    ("| miR-34a | Limit Treg differentiation | down | (99) |", [(99,)]),  # Frontiers: a cell holding a citation
    ("| Smith et al.<sup>12</sup> | 40 |", [(12,)]),
    ("| Kallmes, 2009 <sup>1</sup> | 131 patients |", [(1,)]),
    ("| M2 polarization | gliomas | human | [<sup>101</sup>] |", [(101,)]),
    ("as reported in 2009 [3\u20135] and", [(3, 4, 5)]),
    ("from the WorldClim website <sup>28</sup> and", [(28,)]),
    ("content in food products is 150 \u00b5g/kg <sup>14</sup>.", [(14,)]),  # after a unit, not a square
    ("The MaxEnt model Version 3.4.1<sup>25</sup> was used", [(25,)]),  # a version number is no base
    ("| Kallmes | 2009 [12] | 131 |", [(12,)]),  # a year opening a cell: a table of studies
    ("| Kallmes et al. 131 [12] | sham |", [(12,)]),  # the value does not open the cell
    ("| 131 patients [12] | sham |", [(12,)]),  # a count of things, not a value with its spread
])
def test_citations_in_tables_and_after_years_are_read(line, expected):
    assert numbers(line) == expected


@pytest.mark.parametrize("line", [
    "| Male | 45 (12) | 30 (8) |",
    "| 45 | (38,2) |",
    "| 180630663 | CBD oil | 200 | - <sup>2</sup> | 9 |",
    "| 180198245 | CBD buds | (1.3) <sup>4</sup> | THC > LOAEL |",
    "| CBD [mg/day] (analysis) <sup>1</sup> | THC |",
    "| 190304228 | 20 <sup>1</sup> | 0.05 |",
    "the psychoactive \u0394 <sup>9</sup>-tetrahydrocannabinol",
    "an area of 1775 km <sup>2</sup> is modelled",
    "PROMIS score: younger 64 [57\u201369], middle-age 63 [57\u201368]",
    "| No. of symptoms (median [IQR]) | 5 [3\u20137] | 6 [4\u20138] |",
    "coverage of 45% [30\u201360] in",
    "| VAT; cm<sup>2</sup> | 157 [113] (113) | 134 [126] (93) | 0.308 |",  # median [IQR] (n), Wiley
    "| Age | **62.5** [8.1] |",
])
def test_footnote_labels_intervals_and_spaced_indices_are_not_markers(line):
    assert numbers(line) == []


def test_an_iqr_is_skipped_as_an_interval_and_does_not_hide_the_same_pair_citing_elsewhere():
    refs = "\n".join(f"{n}. Author A. Title {n}. *J*. 2001;1:1-2." for n in range(1, 9))
    doc = parse_policy("# A cohort study of symptoms\n\n## Results\n\nSymptoms: younger 5 [3\u20137], older 4 [2\u20136].\n\n"
                       f"Earlier cohorts [3\u20137] agree.\n\n## References\n\n{refs}\n")
    assert [m.numbers for m in doc.markers] == [(3, 4, 5, 6, 7)]
    assert [s.text for _, s in doc.skipped] == ["[3\u20137]", "[2\u20136]"]


def test_lines_of_table_notes_each_open_with_their_label():
    refs = "\n".join(f"{n}. Author A. Title {n}. *J*. 2001;1:1-2." for n in range(1, 9))
    notes = ("Products were bought online<sup>1</sup>.\n\n**Table 1.** Products\n\n| Product | THC |\n| --- | --- |\n"
             "| oil | 9 |\n\n<sup>1</sup> Analysed in duplicate.\n<sup>2</sup> Not analysed.\n"
             "<sup>3</sup> No labelling provided.")
    doc = parse_policy(f"# Cannabidiol products\n\n## Methods\n\n{notes}\n\n## References\n\n{refs}\n")
    assert [m.numbers for m in doc.markers] == [(1,)]
    # A wrapped line of prose may still open with the citation of the line before.
    wrapped = parse_policy("# Cannabidiol products\n\n## Methods\n\nProducts were bought online as\n<sup>2</sup> "
                           f"reported before.\n\n## References\n\n{refs}\n")
    assert [m.numbers for m in wrapped.markers] == [(2,)]


@pytest.mark.parametrize("line, expected", [
    ("sensitivity values were around 32% [60, 61].", [(60, 61)]),  # a value outside the pair: it cites
    ("sensitivity was 32% [60\u201361] in", [(60, 61)]),
    ("| Scale | Conti & Latorre (2009) <sup>27</sup> | items |", [(27,)]),
    ("| OSIQ | <sup>Conti et al</sup> <sup>25</sup> <sup>(2011)</sup> | items |", [(25,)]),
])
def test_a_range_after_a_value_outside_it_and_names_in_tables_cite(line, expected):
    assert numbers(line) == expected
