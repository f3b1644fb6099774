"""A named author dated in the forms trial reports and reviews print around a marker: each form reads the year,
so a year the cited entry does not have is a CIT202 finding, and the entry's own year is clean."""
from __future__ import annotations

import pytest

from tests.formtools import codes_of

_DOC = ("# Review\n\n## Discussion\n\n{sentence}\n\n## References\n\n"
        "1. Kutzin J. Health financing policy: a guide for decision-makers. Copenhagen: WHO Europe; 2008.\n"
        "2. van Tulder M, Furlan A. Updated method guidelines for systematic reviews. *Spine*. 2003;28:1290-9.\n"
        "3. Christenson JT, Aeberhard JM. Adult upper limb ischemia. *Ann Surg*. 1998;228:1-10.\n"
        "4. Hunter CH, Lillehei CW. Ebstein's malformation of the tricuspid valve. *Dis Chest*. 1958;33:297-304.\n"
        "5. Edmunds WJ, Medley GF. The influence of age on the development of the hepatitis B carrier state. "
        "*Proc Biol Sci*. 1993;253:197-201.\n"
        "6. Reid G, Chan RC. Prevention of urinary tract infection in rats with Lactobacillus. *Infect Immun*. "
        "1985;49:320-4.\n")

# (sentence with the entry's own year, the same sentence with a year the entry does not have)
_FORMS = {
    "year closing a parenthesis after the marker": (
        "No evidence is defined by the absence of RCTs (van Tulder et al [2], {year}).", 2003),
    "year in a table cell after the marker": (
        "| Study | Patients |\n| --- | --- |\n| van Tulder et al. [2], {year} | 120 |", 2003),
    "', in YEAR,' after the marker": (
        "It was found that the study of Christenson [3], in {year}, gave a different result.", 1998),
    "'by A and B in YEAR' before the marker": (
        "Surgical repair was first reported by Hunter and Lillehei in {year} [4].", 1958),
    "'et al. YEAR.' before the marker": ("Estimate from Edmunds et al. {year}.<sup>5</sup>", 1993),
    "a single name, comma, year and a stop before the marker": ("Source: adapted from Kutzin, {year}.<sup>1</sup>", 2008),
    "'and his colleagues in YEAR, assessed'": (
        "Reid and his colleagues in {year}, assessed the efficacy of lactobacilli in rats [6].", 1985),
    "'et al. in YEAR reported'": ("Edmunds et al. in {year} reported the carrier state by age [5].", 1993),
}


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_a_year_the_entry_does_not_have_is_found(form):
    sentence, year = _FORMS[form]
    assert codes_of(_DOC.format(sentence=sentence.format(year=year + 2)), "CIT202"), form


@pytest.mark.parametrize("form", sorted(_FORMS))
def test_the_entrys_own_year_is_clean(form):
    sentence, year = _FORMS[form]
    assert codes_of(_DOC.format(sentence=sentence.format(year=year)), "CIT202") == [], form


def test_a_year_after_the_marker_that_goes_on_is_no_date_of_the_source():
    """'Christenson [3], 2000 patients': a number that runs on is no year closing the citation."""
    text = "As in Christenson et al. [3], 2000 patients were followed for a year."
    assert codes_of(_DOC.format(sentence=text), "CIT202") == []
