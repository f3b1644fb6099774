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

# Two dashes or more (or one em dash) then a comma, or a stop (Chicago's author-date lists, '———. 2018. "Title."');
# or, the dash lost, a comma right before a quoted title.
_DITTO = lazy(r"^\s*(?:(?:[\u2014\u2015_]+|[\u2013-]{2,})\s*(?P<stop>[,.])?|,(?=\s*[\u201c\"]))\s*")


def _printed(names: tuple[str, ...]) -> str:
    """'E. Chang and A. Zakhor', 'A, B, and C': the names as a list prints them."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def read_dittos(entries: list[ReferenceEntry], read) -> list[ReferenceEntry]:
    """Each entry opening with a ditto dash (or the comma it left), read with the previous entry's names."""
    out: list[ReferenceEntry] = []
    names: list[str | None] = []  # the names each entry prints (for a dash, the ones it stands for)
    for e in entries:
        m = _DITTO.match(e.raw)
        before = out[-1] if out else None
        if m and before is not None and names[-1] and not e.authors:
            stop = "." if m.group("stop") == "." else ","
            again = read(e.number, f"{names[-1]}{stop} {e.raw[m.end():]}", e.line)
            same = (again.surnames[:1] == before.surnames[:1] if before.surnames
                    else bool(again.organisation) and again.organisation == before.organisation)
            if same:
                out.append(replace(again, raw=e.raw))
                names.append(names[-1])
                continue
        out.append(e)
        names.append(_names_printed(e))
    return out


def _names_printed(e: ReferenceEntry) -> str | None:
    """The names an entry opens with: its authors as a list prints them; else (an author-date list, whose reader
    keeps only surnames) the text before its year ('Wickham, Hadley' of 'Wickham, Hadley. 2016. ...'), or its
    organisation."""
    if e.authors:
        return _printed(e.authors)
    if e.surnames or e.organisation:
        m = _BEFORE_YEAR.match(e.raw)
        if m and m.group(1).strip():
            return m.group(1).strip()
        return e.organisation
    return None


_BEFORE_YEAR = lazy(r"^(.*?)[.,]?\s*\(?(?:1[6-9]|20)\d\d")
