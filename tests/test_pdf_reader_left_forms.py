"""Reader forms found reading the PDF folders' findings one by one (helper hpdf5; notes: pdf_findings.md). Each form
has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from tests.formtools import codes_of, markers_in


def test_a_crystal_direction_in_brackets_is_no_marker():
    """A silicon paper's '[110] crystal direction' and 'along the [110] ([100]) directions' name lattice axes."""
    assert markers_in("Young's modulus of silicon in the [110] crystal direction [23] is 165 GPa.") == ["23"]
    assert markers_in("transistors placed perpendicularly along the [110] ([100]) directions.") == []
    assert markers_in("channels parallel to the [110] direction of the crystal.") == []
    # clean: a citation of a long list's entry 110 or 111 is still one
    assert markers_in("as reported before [110], the direction of change was the same.") == ["110"]
    assert markers_in("Two reviews [111, 112] agree.") == ["111, 112"]


def _article(masthead: str) -> str:
    return (f"{masthead}\n\n# Sulfurimonas gotlandica sp. nov.\n\n## Introduction\n\nThe genus was described "
            "before (Inagaki et al., 2003).\n\n## References\n\nInagaki, F., Takai, K. & Horikoshi, K. (2003). "
            "Sulfurimonas autotrophica gen. nov. Int J Syst Evol Microbiol 53, 1801–1805.\n")


def test_a_journals_masthead_over_the_title_cites_nothing():
    """SGM's 'International Journal of Systematic and Evolutionary Microbiology (2013), 63, 4141–4148' above the
    title names the article's own issue: no citation of 'Systematic (2013)'."""
    masthead = "International Journal of Systematic and Evolutionary Microbiology (2013), 63, 4141–4148\tDOI 10.1099/x"
    assert codes_of(_article(masthead), "CIT107") == []
    # clean: a sentence naming a work by a year in brackets above the title is still read as a citation
    assert codes_of(_article("As Labrenz et al. (2013) showed, the redoxcline is stable."), "CIT107") != []
