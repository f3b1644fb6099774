"""Author-year lists that print every name given name first, the year after the names: ACL's and BibTeX's
'Cunchao Tu, Han Liu, Zhiyuan Liu, and Maosong Sun. 2017. Title.'

One entry alone often cannot show its order: 'Nils Reimers and Iryna Gurevych' has no middle initial and no
serial comma, and 'Anant K. Agarwal' reads as a surname 'Anant' with initial K. The list can: where the entry
readers already read several entries given name first (the surname the LAST word of each name, as a middle
initial or the serial comma proved for them), the list prints all of its names so, and an entry they read
otherwise is read the same way, the surname the last word of each name.

Pure: entries in, entries out; only their authors and surnames change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kb.patterns import lazy
from kb.read.authors import GROUP_WORDS, UPPER
from kb.read.entry_source import YEAR_RX
from kb.read.model import ReferenceEntry

_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f"
# 'Tu', 'LeCun', 'McInnes', 'Jimeno-Yepes', 'Rehůřek', "O'Neil": a capital, then small letters (capitals inside)
_WORD = rf"{UPPER}[\u0300-\u036f]*(?:['\u2019]{UPPER})?[{_LOW}\u0300-\u036f]+(?:{UPPER}[{_LOW}]+)*(?:['\u2019-]{UPPER}?[{_LOW}]+)*"
_INITIAL = rf"{UPPER}\.?(?:-{UPPER}\.?)?"
# Small particles that belong to the surname ('Laurens van der Maaten', 'Maarten de Rijke').
_PARTICLE = r"(?:van|von|der|den|de|da|di|du|del|della|dos|das|la|le|ter|ten)"
# One name: a given name or initial first, up to two more given names, initials or romanised syllables in small
# letters ('Xiang qian Qi'), then the surname with its particles.
_NAME = lazy(rf"(?:{_WORD}|{_INITIAL})(?:\s+(?:{_WORD}|{_INITIAL}|(?!{_PARTICLE}\s)[{_LOW}]{{2,}})){{0,2}}"
             rf"\s+(?P<surname>(?:{_PARTICLE}\s+){{0,2}}{_WORD})")
# The names, then the year as its own sentence ('... and Maosong Sun. 2017. Title'); a stray mark the PDF left
# before the first name (a lone spacing caron, U+02C7, which Python counts as a letter) is skipped.
# ('[^.]*' after an initial's point takes the space too: a '\s*' before it would let a long list of initials with no
# year after them be split in exponentially many ways before the match fails.)
_HEAD = lazy(rf"^(?:[^\w]|[\u02b0-\u02ff])*(?P<names>[^.]*(?:\b{UPPER}\.[^.]*)*?)\.\s+\(?(?P<year>{YEAR_RX})[a-z]?\)?[.,]")
_SPLIT = lazy(r",\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
# One name given name first, and the separators of a list of them: also read where the names follow the title
# (kb.read.title_first).
NAME_GIVEN_FIRST, NAMES_SPLIT = _NAME, _SPLIT
_ET_AL = lazy(r",?\s+et\.?\s+al\.?$")
_ALSO_KNOWN = lazy(r"(?<=\w)\s+\([^(),.]{1,30}\)(?=\s)")

# A list shows the style when at least this many entries, and a third of those with names, are already read so.
_PROVEN = 3


@dataclass(frozen=True)
class GivenFirst:
    names: tuple[str, ...]
    surnames: tuple[str, ...]
    year: int  # the year printed after the names
    et_al: bool
    rest: str = ""  # the text after the year: the title and where it was published


def given_first_reading(entry: ReferenceEntry) -> GivenFirst | None:
    """The names of an entry opening 'Given Surname, Given Surname, and Given Surname. YEAR.'; None when a piece is
    not such a name or the year printed there is not the entry's."""
    head = _HEAD.match(entry.raw.replace("**", "").strip())
    if head is None or (entry.year is not None and int(head.group("year")) != entry.year):
        return None
    # a name printed with another form in brackets ('Evie (Yu-Yen) Cheng') is read without it
    names = _ALSO_KNOWN.sub("", head.group("names")).strip()
    et_al = _ET_AL.search(names)
    if et_al:
        names = names[: et_al.start()]
    pieces = [p.strip() for p in _SPLIT.split(names)]
    if not pieces or GROUP_WORDS.search(names):
        return None
    found = [_NAME.fullmatch(p) for p in pieces]
    if not all(found):
        return None
    return GivenFirst(tuple(pieces), tuple(f.group("surname") for f in found), int(head.group("year")), bool(et_al),
                      entry.raw.replace("**", "").strip()[head.end():].strip())


def read_given_first(entries: list[ReferenceEntry], read=None) -> list[ReferenceEntry]:
    """Where the list proves its names are printed given name first, every entry whose names read so is read so.
    In any list, an entry whose names the entry readers did not read (at most a first surname guessed from the
    words before the year) and which opens with two names or more printed so ('Anselmo Peñas, Álvaro Rodrigo,
    Felisa Verdejo. 2007.' among 'Dagan, I., ...') is read so too: that form is the only reading its names have.
    One name alone ('Nils Reimers. 2019.') could be a title's or a body's words and is left as read.
    ``read`` (the list's entry reader) reads again the title and source of each entry so read: the readers'
    split after names they got wrong ('Craig S.' for the names, 'Tashman and W. Keith Edwards' for the title), or
    after a group's name that took the names, the year and the title, is no better than their names."""
    readings = [given_first_reading(e) for e in entries]
    # An entry proves the style when the entry readers read two names or more exactly as given name first.
    proven = sum(1 for e, r in zip(entries, readings) if r and len(r.surnames) >= 2 and e.surnames == r.surnames)
    people = sum(1 for e, r in zip(entries, readings) if not e.organisation or _swallowed(e, r))
    whole_list = proven >= _PROVEN and 3 * proven >= people
    out = []
    for e, r in zip(entries, readings):
        if r and e.surnames != r.surnames and (not e.organisation or _swallowed(e, r)) \
                and (whole_list or (not e.authors and len(r.surnames) >= 2)):
            if read is not None:  # the title and source as read after names the readers got wrong may be wrong too
                e = replace(_fields_after(e, r, read), raw=e.raw)
            e = replace(e, authors=r.names, surnames=r.surnames, organisation=None, year=e.year or r.year)
        out.append(e)
    return out


def _swallowed(e: ReferenceEntry, r: GivenFirst | None) -> bool:
    """The entry readers took the last names, the year and the title for a group's name ('..., and Donald W. King.
    2012. Scholarly Reading and the Value of Academic Library Collections ...', a body's word deep in the title):
    no body prints its name over the year's sentence."""
    return bool(r and e.organisation and re.search(rf"\.\s+\(?{r.year}[a-z]?\)?(?:\.|$)", e.organisation))


def _fields_after(e: ReferenceEntry, r: GivenFirst, read) -> ReferenceEntry:
    """The entry read again with its names written as the readers know them ('Tenopir C, Volentine R, King D.'),
    for the title, source, volume and pages after the year."""
    names = ", ".join(f"{surname} {name[0]}" for name, surname in zip(r.names, r.surnames)) + (", et al" if r.et_al else "")
    return read(e.number, f"{names}. {r.year}. {r.rest}", e.line)
