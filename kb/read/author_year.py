"""Author-year citations: a reference list printed without numbers, and a text that cites it by name and year.

Some issuers print their references alphabetically, without numbers, and cite them in the text as
``(Buchbinder et al., 2009)``, ``(Staples et al, 2011; Firanescu et al, 2018)``, ``Kallmes and
colleagues (2009)`` or ``(AAOS, 2010)``. The reader numbers such a list in its printed order and ties each
citation to the entry of that first author and year, so that the checks, tables and pages built on numbered
markers work unchanged; the policy text stays as printed. A citation the list cannot answer for stays a
marker without numbers, with a note that CIT106 reports.

Pure: lines or a line of text and the entries in, drafts and ``RawMarker`` records out.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from kb.patterns import lazy
from kb.read.markers import RawMarker, Skipped
from kb.read.model import ReferenceEntry

AUTHOR_YEAR = "author-year"
# Note words CIT106 reads from a marker's problems (and CIT102/103 must not: see kb.checks.cit_markers).
NO_ENTRY = "names no entry of the list"
OTHER_YEAR = "names an entry of another year"
AMBIGUOUS = "fits more than one entry"

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEARS = rf"{_YEAR}[a-z]?(?:\s*,\s*{_YEAR}[a-z]?)*"
_BULLET = lazy(r"^\s*[-*+\u2022]\s+")
_HAS_YEAR = lazy(rf"\b{_YEAR}[a-z]?\b")
_ENTRY_START = lazy(r"^\s*(?:[-*+\u2022]\s+)?[A-Z\u00c0-\u00de]")
_PARTICLES = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]u|[Ll]a|[Ll]e|[Dd]el|[Dd]os)\s+)*"
_NAME = rf"{_PARTICLES}[A-Z\u00c0-\u00de][\w'\u2019\u00c0-\u00ff-]+"
_TAIL = r"(?:\s+et\s+al\.?|\s+and\s+(?:colleagues|coworkers|co-workers|associates)|\s+(?:and|&)\s+" + _NAME + ")?"
# One item of a parenthetical citation: 'Buchbinder et al., 2009', 'Smith and Jones 2010a, 2011', 'AAOS, 2010'.
_ITEM = lazy(rf"^(?:(?:e\.g\.|i\.e\.|see(?:\s+also)?|cf\.|reviewed\s+in)[,:]?\s+)?(?P<who>{_PARTICLES}[A-Z\u00c0-\u00de][^;]*?),?\s+"
             rf"(?P<years>{_YEARS})(?:,\s*(?:p|pp)\.\s*[\d\u2013-]+)?$")
_PAREN = lazy(rf"\((?P<body>[^()]*?\b{_YEAR}[a-z]?)\)")
_NARRATIVE = lazy(rf"(?<![\w'\u2019-])(?P<who>{_NAME}{_TAIL}),?\s*(?P<paren>\((?P<years>{_YEARS})\))")
_STRONG = lazy(r"\bet\s+al\b|\s(?:and|&)\s")
# Words that start a parenthesis with a year but name no author: '(since 2009)', '(January 2010)'.
_NOT_NAMES = frozenset("""in since from until before after between during by and or to the a an as of for on at
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec spring summer autumn fall winter phase version updated revised accessed
published effective retrieved last n ages aged""".split())


def _fold(name: str) -> str:
    """A surname as a key: accents, case, spaces, apostrophes and hyphens gone ('de Vries' = 'De Vries')."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c)).lower()


def unnumbered_drafts(lines: list[str], first_line: int) -> list[list]:
    """[number, text, line] for each entry of a list printed without numbers: paragraphs, bullet items, or
    lines that each open with a name and hold a year. Empty unless most of them look like references."""
    drafts: list[list] = []
    gap = True
    for offset, text in enumerate(lines):
        if not text.strip():
            gap = True
            continue
        starts = _BULLET.match(text) or gap or (
            drafts and _ENTRY_START.match(text) and _HAS_YEAR.search(drafts[-1][1]) and drafts[-1][1].rstrip().endswith("."))
        if starts:
            drafts.append([len(drafts) + 1, _BULLET.sub("", text).strip(), first_line + offset])
        else:
            drafts[-1][1] += " " + text.strip()
        gap = False
    dated = sum(1 for d in drafts if _HAS_YEAR.search(d[1]) and _ENTRY_START.match(d[1]))
    return drafts if drafts and dated >= 0.6 * len(drafts) else []


class AuthorYearIndex:
    """The entries by the folded surname of their first author, or the name and acronym of their organisation."""

    def __init__(self, entries: list[ReferenceEntry] | tuple[ReferenceEntry, ...]):
        self.by_name: dict[str, list[ReferenceEntry]] = defaultdict(list)
        for e in entries:
            for key in _keys(e):
                if e not in self.by_name[key]:
                    self.by_name[key].append(e)

    def resolve(self, who: str, years: str) -> tuple[tuple[int, ...], tuple[str, ...], bool]:
        """(numbers, notes, known): the entries a cited name and its years stand for."""
        name = _first_name(who)
        found = self.by_name.get(_fold(name), []) or self.by_name.get(_fold(who.strip()), [])
        numbers, notes = [], []
        for printed in re.split(r"\s*,\s*", years.strip()):
            year, suffix = int(printed[:4]), printed[4:]
            same = [e for e in found if e.year == year]
            if suffix and len(same) > 1:
                same = [e for e in same if _suffix(e) == suffix] or same
            if len(same) == 1:
                numbers.append(same[0].number)
            elif same:
                numbers += [e.number for e in same]
                notes.append(f"{name} ({printed}) {AMBIGUOUS} ({', '.join(e.label for e in same)}): "
                             "tell them apart with a letter after the year")
            elif len(found) == 1:
                numbers.append(found[0].number)
                notes.append(f"{name} ({printed}) {OTHER_YEAR}: the list has {found[0].label}")
            else:
                listed = "; the list has " + ", ".join(e.label for e in found) if found else ""
                notes.append(f"{name} ({printed}) {NO_ENTRY}{listed}")
        return tuple(numbers), tuple(notes), bool(found)


def _keys(e: ReferenceEntry) -> list[str]:
    keys = [_fold(e.surnames[0])] if e.surnames else []
    if e.organisation:
        org = e.organisation
        keys.append(_fold(re.sub(r"\s*\([^)]*\)", "", org)))
        keys += [_fold(a) for a in re.findall(r"\(([A-Z][A-Za-z&]{1,12})\)", org)]
        capitals = "".join(w[0] for w in re.findall(r"[A-Z][\w&-]*", org))
        if len(capitals) >= 2:
            keys.append(_fold(capitals))
    return [k for k in keys if k]


def _suffix(e: ReferenceEntry) -> str:
    m = re.search(rf"\b{e.year}([a-z])\b", e.raw) if e.year else None
    return m.group(1) if m else ""


def _first_name(who: str) -> str:
    """The first author's surname in 'Buchbinder et al.', 'Smith and Jones', 'Smith & Jones', 'AAOS'."""
    head = re.split(r"\s+et\s+al\b|\s+(?:and|&)\s+|,", who, maxsplit=1)[0]
    return head.strip(" .")


def _names_a_source(who: str) -> bool:
    first = who.split()[0].strip(".,").lower() if who.split() else ""
    return bool(first) and first not in _NOT_NAMES and not first[0].isdigit()


def scan_author_year(text: str, index: AuthorYearIndex) -> tuple[list[RawMarker], list[Skipped]]:
    """The author-year citations of one line, each a ``RawMarker`` whose inner lists the entries it names."""
    found: list[RawMarker] = []
    taken: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text):
        numbers, notes, any_item = [], [], False
        for part in m.group("body").split(";"):
            item = _ITEM.match(part.strip())
            if not item or not _names_a_source(item.group("who")):
                continue
            got, said, known = index.resolve(item.group("who"), item.group("years"))
            if not known and not _STRONG.search(item.group("who")):
                continue  # '(Medicare, 2010)': a single unknown word may be a place, a programme or a product
            any_item = True
            numbers += got
            notes += said
        if any_item:
            found.append(RawMarker(m.group(0), ", ".join(map(str, numbers)), m.start(), m.end(), AUTHOR_YEAR, tuple(notes)))
            taken.append((m.start(), m.end()))
    for m in _NARRATIVE.finditer(text):
        start, end = m.start("paren"), m.end("paren")
        if any(a <= start < b for a, b in taken) or not _names_a_source(m.group("who")):
            continue
        got, said, known = index.resolve(m.group("who"), m.group("years"))
        if not known and not _STRONG.search(m.group("who")):
            continue
        found.append(RawMarker(m.group("paren"), ", ".join(map(str, got)), start, end, AUTHOR_YEAR, said))
    found.sort(key=lambda r: r.start)
    return found, []
