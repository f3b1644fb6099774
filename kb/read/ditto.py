"""An entry whose authors are a ditto dash: IEEE prints '[6] ——, “Using rate staggering ...,” in Proc. ...' for a
work by the same authors as the entry before it; a PDF's text layer often loses the dash (drawn as a rule), which
leaves '[6] , “Using rate ...'. Read alone, such an entry has no authors and its quoted title is taken for a
group's name; it is read again with the previous entry's names in the dash's place, and keeps its text as
printed.

Pure: entries and the entry reader in, entries out.
"""
from __future__ import annotations

from dataclasses import replace

from kb.patterns import lazy
from kb.read.model import ReferenceEntry

# Two dashes or more (or one em dash) then a comma; or, the dash lost, a comma right before a quoted title.
_DITTO = lazy(r"^\s*(?:(?:[\u2014\u2015_]+|[\u2013-]{2,})\s*,?|,(?=\s*[\u201c\"]))\s*")


def _printed(names: tuple[str, ...]) -> str:
    """'E. Chang and A. Zakhor', 'A, B, and C': the names as a list prints them."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def read_dittos(entries: list[ReferenceEntry], read) -> list[ReferenceEntry]:
    """Each entry opening with a ditto dash (or the comma it left), read with the previous entry's names."""
    out: list[ReferenceEntry] = []
    for e in entries:
        m = _DITTO.match(e.raw)
        if m and out and out[-1].authors and not e.authors:
            again = read(e.number, f"{_printed(out[-1].authors)}, {e.raw[m.end():]}", e.line)
            if again.surnames[:1] == out[-1].surnames[:1]:
                e = replace(again, raw=e.raw)
        out.append(e)
    return out
