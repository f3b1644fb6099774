"""REF113: chemistry and materials journals print no article title, only the abbreviated journal, year, volume and
page ('Sci. Adv. 2016, 2, 1600200'), or ahead of print the journal and year ('J. Hepatol. 2025.'): that names the
source (folder 33's Advanced Science review). An entry with only names, a title and a year still lacks one."""
from __future__ import annotations

from tests.formtools import codes_of


def policy(entry: str) -> str:
    return f"# Review\n\n## Introduction\n\nA finding.[1]\n\n## References\n\n1. {entry}\n"


def test_the_abbreviated_journal_year_volume_page_form_names_its_source():
    assert codes_of(policy("R. J. DeBerardinis , N. S. Chandel , Sci. Adv. 2016, 2, 1600200."), "REF113") == []
    assert codes_of(policy("S. Zhou , L. Zhang , Y. You , J. Hepatol. 2025."), "REF113") == []


def test_names_a_title_and_a_year_name_no_source():
    assert codes_of(policy("Yi X, Lu H. Recompression in new levels after percutaneous vertebroplasty. 2014."),
                    "REF113") == [("REF113", "warning")]
    assert codes_of(policy("Yi X, Lu H. 2014."), "REF113") != []
