"""A marker citing one part of an entry printed in parts ('[2b]' for '2. a) ...; b) ...', Wiley's chemistry and
materials style, found in folder 33) cites that entry; a part letter after an entry printed whole is still
malformed."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of

TEXT = """# Review

## Introduction

Autophagy shapes immunity.<sup>[1]</sup> Dying cells release signals.<sup>[2b]</sup> Both matter.<sup>[2a,3]</sup>

## References

1. M. B. Schaaf, A. D. Garg, Cell Death Dis. 2018, 9, 115.
2. a) Y. Wang, I. Martins, Autophagy 2013, 9, 1624; b) O. Kepp, L. Galluzzi, Oncoimmunology 2014, 3, 955.
3. G. Kroemer, Nat. Rev. Immunol. 2013, 13, 97.
"""


def test_a_part_letter_cites_the_entry_printed_in_parts():
    doc = parse_policy(TEXT, "p.md")
    assert [m.numbers for m in doc.markers] == [(1,), (2,), (2, 3)]
    assert codes_of(TEXT, "CIT102") == []


def test_a_part_letter_after_an_entry_printed_whole_is_malformed():
    whole = TEXT.replace("2. a) Y. Wang", "2. Y. Wang").replace("; b) O. Kepp", ". O. Kepp")
    assert codes_of(whole, "CIT102") == [("CIT102", "error"), ("CIT102", "error")]


def test_two_parts_of_one_entry_cite_it_once_and_a_number_printed_twice_is_still_reported():
    text = TEXT.replace("<sup>[2a,3]</sup>", "<sup>[2a, 2b, 3, 3]</sup>")
    assert [m.numbers for m in parse_policy(text, "p.md").markers][-1] == (2, 3, 3)
    assert codes_of(text, "CIT103") == [("CIT103", "warning")]
