"""JATS forms met in corpus 9 (bioRxiv and medRxiv preprints): an unlabelled author-year list whose typeset entries
keep their Word number glued to the first name ('5.Beemster GTS, ...'). Positive and clean case."""
from __future__ import annotations

from kb.importers.jats import convert
from kb.read.parse_policy import parse_policy
from tests.test_jats_supplement_list import BY_NAME, HEAD


def _article(prefixes: list[str]) -> bytes:
    refs = "".join(f'<ref id="c{n}"><mixed-citation publication-type="journal">{prefix}{name} A. {2000 + n}. A study '
                   f'of {name}. J Biol 3:1.</mixed-citation></ref>'
                   for n, (prefix, name) in enumerate(zip(prefixes, ("Avery", "Brown", "Chen")), 1))
    return (HEAD + f"<p>{BY_NAME}</p></sec></body><back><ref-list>{refs}</ref-list></back></article>\n").encode()


def test_a_number_glued_to_the_first_name_is_the_entrys_own_and_goes():
    text = convert(_article(["1.", "2.", "3."]), "x.xml").markdown
    assert "\n\nAvery A. 2001. A study of Avery." in text and "1.Avery" not in text
    doc = parse_policy(text)
    assert [(e.first_author, e.year) for e in doc.references] == [("Avery", 2001), ("Brown", 2002), ("Chen", 2003)]
    assert [m.numbers for m in doc.markers] == [(1, 2, 3)]


def test_another_number_before_the_name_stays():
    text = convert(_article(["", "7.", ""]), "x.xml").markdown
    assert "7.Brown A. 2002." in text
