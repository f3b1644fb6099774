"""BibTeX that any reader accepts: hostile titles LaTeX-encoded with balanced braces, keys transliterated."""

import pytest

from kb.outputs.bibtex import balance_braces, bibtex_of, citation_keys, read_bibtex
from kb.read.model import ReferenceEntry

HOSTILE = [
    "Costs & benefits of surgery",
    "Pain fell by 50% at one year",
    "An unbalanced { brace in a title",
    "A closing } brace first",
    "Back\\slash, $dollars$, #hash, _under_ and ~tilde",
]


def _entry(number, title, surname="Smith", doi=None):
    return ReferenceEntry(number=number, raw=f"{surname} J. {title}. J Bone. 2020;1:1-2.", line=number,
                          authors=(f"{surname} J",), surnames=(surname,), year=2020, title=title,
                          source="J Bone & Joint", doi=doi)


def _plain(latex):
    """A value as a reader shows it: LaTeX decoded (as bibtexparser's decoding middleware does), single spaces."""
    from pylatexenc.latex2text import LatexNodes2Text

    return " ".join(LatexNodes2Text().latex_to_text(latex).split())


@pytest.mark.parametrize("title", HOSTILE)
def test_pybtex_reads_a_hostile_title(title):
    from pybtex.database import parse_string

    text = bibtex_of([(_entry(1, title), "1")])
    entry = next(iter(parse_string(text, "bibtex").entries.values()))
    assert _plain(entry.fields["title"]) == " ".join(balance_braces(title).split())
    assert _plain(entry.fields["journal"]) == "J Bone & Joint"


def test_the_whole_hostile_list_is_one_file_both_readers_accept():
    from pybtex.database import parse_string

    text = bibtex_of([(_entry(n, t), str(n)) for n, t in enumerate(HOSTILE, 1)])
    assert len(parse_string(text, "bibtex").entries) == len(HOSTILE)
    assert read_bibtex(text).failed_blocks == []
    assert "\\&" in text and "\\%" in text


def test_identifiers_go_out_as_printed():
    text = bibtex_of([(_entry(1, "T", doi="10.1000/a_b%20c"), "1")])
    assert "10.1000/a_b%20c" in text


def test_names_in_any_script_are_encoded_and_read_back():
    from pybtex.database import parse_string

    text = bibtex_of([(_entry(1, "T", surname="Løvland"), "1")])
    person = next(iter(parse_string(text, "bibtex").entries.values())).persons["author"][0]
    assert _plain(" ".join(person.last_names)) == "Løvland"


@pytest.mark.parametrize("surname, key", [("Løvland", "lovland2020"), ("Łukasiewicz", "lukasiewicz2020"),
                                          ("Müller", "muller2020"), ("Ørsted", "orsted2020")])
def test_keys_are_transliterated_not_stripped(surname, key):
    assert citation_keys([_entry(1, "T", surname=surname)]) == {1: key}


def test_balance_braces_keeps_pairs_and_drops_strays():
    assert balance_braces("a {b} c") == "a {b} c"
    assert balance_braces("} a { b {c}") == " a  b {c}"
