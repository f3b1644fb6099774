"""Lists that print each entry's title first, then its authors given name first, then the journal and the date:
manubot's style (pandoc reviews published as web pages), 'Deep learning. Yann LeCun, Yoshua Bengio, Geoffrey
Hinton. *Nature* (2015-05-27) https://doi.org/bmqp DOI: 10.1038/nature14539 · PMID: 26017442'.

The entry readers look for the names first and find none: the entry has no authors and often no title. Where
the list shows the form (three entries or more read so), an entry that opens with a title, then names that are
each a given name (or initials) and a surname, then an italic journal or a date in brackets, is read again with
its names first; its text stays as printed.

Pure: entries and the list's entry reader in, entries out.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from kb.patterns import lazy
from kb.read.given_first import NAME_GIVEN_FIRST, NAMES_SPLIT
from kb.read.model import ReferenceEntry

# The names' end, then '*Journal* (2015-07-07)' or '(2015-07)' alone: where the names stop and the source starts
_AFTER_NAMES = lazy(r"\.?\s+(?P<venue>\*[^*]+\*\s+)?\((?P<year>(?:1[6-9]|20)\d\d)(?:-\d\d){0,2}\)")
_SENTENCE_END = lazy(r"[.?!]\s+")
_PROVEN = 3  # entries of the list read so before any is read again


@dataclass(frozen=True)
class TitleFirst:
    title: str
    names: tuple[str, ...]
    surnames: tuple[str, ...]
    venue: str
    year: int
    rest: str = ""  # after the date: the address, DOI and PMID


def title_first_reading(raw: str) -> TitleFirst | None:
    """The parts of 'Title. Given Surname, Given Surname. *Journal* (YYYY-MM-DD)'; None for another form. The title
    may hold stops of its own ('... Perceptron. II.'): the names start after the first stop that leaves only
    names before the journal."""
    text = raw.replace("**", "").strip()
    tail = _AFTER_NAMES.search(text)
    if tail is None:
        return None
    head = text[: tail.start()]
    for stop in _SENTENCE_END.finditer(head):
        names = head[stop.end():].strip().rstrip(".")
        # a long list is cut with an ellipsis before its last author ('Zhiyuan Hu, … Philip S. Bernard')
        pieces = [p.strip(" \u2026") for p in NAMES_SPLIT.split(names) if p.strip(" \u2026")]
        found = [NAME_GIVEN_FIRST.fullmatch(p) for p in pieces]
        if pieces and all(found):
            return TitleFirst(head[: stop.end()].strip(), tuple(pieces), tuple(f.group("surname") for f in found),
                              (tail.group("venue") or "").strip(), int(tail.group("year")), text[tail.end():].strip())
    return None


def read_title_first(entries: list[ReferenceEntry], read) -> list[ReferenceEntry]:
    """Entries with no names read that print the title first, read again names first when the list shows the form."""
    readings = [title_first_reading(e.raw) if not e.authors and not e.surnames else None for e in entries]
    if sum(r is not None for r in readings) < _PROVEN:
        return entries
    out = []
    for e, r in zip(entries, readings):
        tail = _AFTER_NAMES.search(e.raw.replace("**", "")) if r is None and e.year is None else None
        if tail is not None:  # no names to read ('MEME. *Nucleic Acids Research* (2009-05-20)'): the date's year
            e = replace(e, year=int(tail.group("year")))
        if r is not None:
            names = ", ".join(f"{surname} {name[0]}" for name, surname in zip(r.names, r.surnames))
            venue = f" {r.venue}." if r.venue else ""
            again = read(e.number, f"{names}. {r.title}{venue} {r.year}. {r.rest}".strip(), e.line)
            e = replace(again, raw=e.raw, authors=r.names, surnames=r.surnames, organisation=None,
                        year=again.year or r.year)
        out.append(e)
    return out
