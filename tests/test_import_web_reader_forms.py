"""Reader forms met in the web and Word documents written by others (/work/corpusweb): parenthesised numbers after a
value, ACS's citation glued to a comma, Wikipedia's ISO dates. Each form has a positive and a clean case."""
from __future__ import annotations

from kb.read.markers import scan_line
from kb.read.reference_list import parse_entry


def _raw(line: str) -> list[str]:
    return [r.raw for r in scan_line(line)[0]]


def test_a_value_with_its_spread_or_intensity_is_no_citation():
    """A Word manuscript's 'median 49 (30, 67) days'; an ACS page's mass spectrum '147 (100), 129 (70)'."""
    assert _raw("The median stay was 49 (30, 67) days.") == []
    assert _raw("MS m/z 147 (100), 129 (70), 81 (64).") == []
    assert _raw("MS (ESI) m/e (relative intensity) 241 (100); HRMS calcd for C12.") == []
    # Clean case: after a word, or after a year, the same parentheses cite.
    assert _raw("The median stay was long (30, 67).") == ["(30, 67)"]
    assert _raw("It was first published in 2009 (12).") == ["(12)"]


def test_a_citation_glued_to_a_comma_is_read():
    """ACS: 'a limitation,(14-18) of the method'."""
    assert _raw("This is a known limitation,(14-18) of the method.") == ["(14-18)"]
    # Clean case: a list's items after a comma and a space stay items.
    assert _raw("Two steps: (1) the first, (2) the second.") == []


def test_an_iso_date_after_the_authors_gives_the_year():
    """Wikipedia: 'Li, Shirley (2009-10-01). \"Triangle Review\". Entertainment Weekly.'"""
    entry = parse_entry(28, 'Li, Shirley (2009-10-01). "Triangle Review". Entertainment Weekly.', 1)
    assert (entry.year, entry.first_author) == (2009, "Li")
    # Clean case: a bare year there reads as before.
    assert parse_entry(28, 'Li, Shirley (2009). "Triangle Review". Entertainment Weekly.', 1).year == 2009


def test_a_value_before_a_citation_keeps_the_citation():
    """Clean case (folder 13): 'impaired quality of life defined at a cutoff of 71.19 (15)' cites entry 15."""
    assert _raw("Impaired quality of life was defined at a cutoff of 71.19 (15). It was common.") == ["(15)"]
    assert _raw("The trial enrolled 120 (4, 5).") == ["(4, 5)"]


def test_a_residue_number_raised_after_its_amino_acid_is_no_citation():
    """A PDF article citing in brackets raises residue numbers: 'His<sup>388</sup> and Lys<sup>48</sup>'."""
    assert _raw("The His<sup>388</sup> and Lys<sup>48</sup> residues bind the ligand.") == []
    # Clean case: a raised number after an ordinary word still cites.
    assert _raw("The Valley<sup>3</sup> study found the same.") == ["<sup>3</sup>"]


def test_a_month_and_year_before_a_papers_code_give_the_year():
    """JACoW (PDF folder): '... in *Proc. SRF'13,* Paris, France, Sep. 2013, ***THP077.***'."""
    entry = parse_entry(1, "R. Paparella *et al.*, \u201cCoaxial Blade Tuner for XFEL Cavities\u201d, in *Proc. SRF\u201913,* "
                           "Paris, France, Sep. 2013, ***THP077.***", 1)
    assert entry.year == 2013
    # Clean case: a page after 'p. ' is still no year.
    assert parse_entry(1, "R. Paparella, \u201cCoaxial Blade Tuner\u201d, in *Proc. SRF,* Paris, France, p. 1999.",
                       1).year is None
