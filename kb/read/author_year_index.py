"""Who an author-year citation names: the list's entries by the folded surname of their first author, or by their
organisation's name and acronym, and the entries a cited name and its years stand for (with CIT107's notes when
the list cannot answer). Pure: entries in, look-ups out; ``kb.read.author_year`` finds the citations.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from kb.patterns import lazy
from kb.read.author_year_list import CAPITAL as _CAP
from kb.read.model import ReferenceEntry

# Note words CIT107 reads from a marker's problems (and CIT102/103 must not: see kb.checks.cit_markers).
NO_ENTRY = "names no entry of the list"
OTHER_YEAR = "names an entry of another year"
AMBIGUOUS = "fits more than one entry"


def _fold(name: str) -> str:
    """A surname as a key: accents, case, spaces, apostrophes and hyphens gone ('de Vries' = 'De Vries')."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c)).lower()


class AuthorYearIndex:
    """The entries by the folded surname of their first author, or the name and acronym of their organisation."""

    def __init__(self, entries: list[ReferenceEntry] | tuple[ReferenceEntry, ...]):
        self.by_name: dict[str, list[ReferenceEntry]] = defaultdict(list)
        # '(Panel et al., 2011)' for 'Panel on Prevention of Falls in Older Persons ... (2011)': a reference manager
        # took the body's first word for a surname. Looked up only when no author's name answers.
        self.by_body_word: dict[str, list[ReferenceEntry]] = defaultdict(list)
        for e in entries:
            for key in _keys(e):
                if e not in self.by_name[key]:
                    self.by_name[key].append(e)
            if e.organisation and not e.surnames:
                self.by_body_word[_fold(e.organisation.split()[0])].append(e)

    def resolve(self, who: str, years: str) -> tuple[tuple[int, ...], tuple[str, ...], bool]:
        """(numbers, notes, known): the entries a cited name and its years stand for."""
        name, found = self._find(who)
        numbers, notes = [], []
        last = ""
        for printed in re.split(r"\s*,\s*|\s+and\s+", re.sub(r"[*_]", "", years).strip()):
            printed = last[:4] + printed if len(printed) == 1 else printed  # '2007a,b': b is 2007b
            last = printed
            year, suffix = int(printed[:4]), printed[4:]
            same = [e for e in found if e.year == year]
            if suffix and len(same) > 1:
                lettered = [e for e in same if _suffix(e) == suffix]
                # A list that prints no letters gives them in its own order: 2004a is the first 2004 entry.
                k = ord(suffix) - ord("a")
                same = lettered or ([same[k]] if not any(_suffix(e) for e in same) and k < len(same) else same)
            if len(same) > 1:
                same = _by_coauthors(_by_author_count(same, who), who)
            if len(same) == 1:
                numbers.append(same[0].number)
            elif same:
                numbers += [e.number for e in same]
                notes.append(f"{name} ({printed}) {AMBIGUOUS} ({', '.join(e.label for e in same)}): "
                             "tell them apart with a letter after the year")
            elif len(found) == 1:
                numbers.append(found[0].number)
                if found[0].year is not None and not _dated_again(found[0].raw, year):
                    # an entry with no year read cannot be said to differ
                    notes.append(f"{name} ({printed}) {OTHER_YEAR}: the list has {found[0].label}")
            else:
                listed = "; the list has " + ", ".join(e.label for e in found) if found else ""
                notes.append(f"{name} ({printed}) {NO_ENTRY}{listed}")
        return tuple(numbers), tuple(notes), bool(found)

    def _find(self, who: str) -> tuple[str, list[ReferenceEntry]]:
        """The first author's name and its entries; words before a comma that name nothing are left out
        ('see Introduction, Udell et al.', 'Cyanophage CPS4GC, CPS5 Fuller et al.')."""
        parts = who.split(",")
        for k in range(len(parts)):
            rest = ",".join(parts[k:]).strip()
            if not rest or (k and not re.search(r"\bet\s+al\b|\s(?:and|&)\s|^\S+$", re.sub(r"[*_]", "", rest))):
                continue
            found = self._lookup(_first_name(rest)) or self.by_name.get(_fold(rest), [])
            if found:
                return _first_name(rest), found
        if re.search(r"\bet\s+al\b", re.sub(r"[*_]", "", who)):
            found = self.by_body_word.get(_fold(_first_name(who)), [])
            if found:
                return _first_name(who), found
        return _first_name(who), []

    def _lookup(self, name: str) -> list[ReferenceEntry]:
        """By the surname, or by one of its two words: 'Jennifer Coates et al.' prints a given name first, a word
        before the name may open the sentence ('Recently Smith (2010)'), 'Von Elm' may be listed as 'Von'."""
        found = self.by_name.get(_fold(name), [])
        if not found and _INITIALS_BEFORE.match(name):
            name = _INITIALS_BEFORE.sub("", name)  # APA's 'J. A. Harris et al.': initials tell two Harrises apart
            found = self.by_name.get(_fold(name), [])
        if not found and _LEADING_PARTICLES.match(name):
            # citeproc's 'V. T. van Hees' for an entry listed as 'Hees, Vincent T. van' (Chicago puts the particle
            # after the given names), and Portuguese 'adaptado de Barbosa (2017)', where 'de' is no particle
            found = self.by_name.get(_fold(_LEADING_PARTICLES.sub("", name)), [])
        words = name.split()
        if not found and len(words) == 2 and words[0][:1].isupper():
            found = self.by_name.get(_fold(words[1]), []) or self.by_name.get(_fold(words[0]), [])
        return found


_INITIALS_BEFORE = lazy(r"^(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*)(?=(?:[a-z]{2,3}\s+)*[A-Z][a-z])")  # 'V. T. van Hees' too


def _by_author_count(entries: list[ReferenceEntry], who: str) -> list[ReferenceEntry]:
    """Among entries of one first author and year, those whose number of authors the citation's form shows:
    'Smith' one, 'Smith and Jones' two, 'Smith et al.' three or more (as author-year styles write them)."""
    plain = re.sub(r"[*_]", "", who)
    if re.search(r"\bet\s+al\b|\band\s+others\b", plain):  # the Veterinary Record's 'Smith and others 2007'
        fits = [e for e in entries if len(e.surnames) >= 3 or (len(e.surnames) >= 1 and "et al" in e.raw[:400])]
    elif re.search(rf"\s(?:and|&)\s|\s(?:e|y)\s(?={_CAP})", plain):
        fits = [e for e in entries if len(e.surnames) == 2]
    else:
        fits = [e for e in entries if len(e.surnames) == 1]
    return fits or entries


def _by_coauthors(entries: list[ReferenceEntry], who: str) -> list[ReferenceEntry]:
    """Among entries of one first author and year, those whose next authors are the ones the citation names before
    'et al.' ('Titov, Andrews, Davies, et al., 2010', as APA cites a paper of six authors or more when two such
    papers share the first)."""
    plain = re.sub(r"\bet\s+al\b\.?|[*_]", "", who)
    named = [_fold(w) for w in re.split(r"\s*,\s*|\s+(?:and|&|e|y)\s+", plain) if w.strip()][1:]
    if not named:
        return entries
    fits = [e for e in entries if [_fold(n) for n in e.surnames[1:1 + len(named)]] == named]
    return fits or entries


_BODY_END = r"Groups?|Investigators|Collaboration|Consortium|Task\s+Force|Committee|Council|Society|Association|Panel"
# A body named by an acronym and the kind of body it is; 'World Health Organization' has no acronym of its own here.
_ACRONYM_BODY = lazy(r"(?P<acr>[A-Z][A-Z&]{1,11})\s+(?:Institute|Foundation|Corporation|Inc\.?|Ltd\.?|LLC)")
_COLLECTIVE_END = re.compile(r"(?<=\S)\s+(?:Study\s+)?(?:Group|Collaboration|Consortium|Investigators)$")
_LEADING_PARTICLES = lazy(r"^(?:(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]i|[Dd]u|[Ll]e|[Ll]a)\s+)+(?=\S)")


# A surname in capitals with its particle or a second word, as ABNT prints it: 'DA SILVA, E.E.;', 'DE-POLLI, H.'.
_CAPITAL_HEAD = lazy(r"^((?:[A-Z\u00c0-\u00de]{2,}[\s-]){1,2}[A-Z\u00c0-\u00de'\u2019-]{2,}),")


def _keys(e: ReferenceEntry) -> list[str]:
    keys = [_fold(e.surnames[0])] if e.surnames else []
    head = _CAPITAL_HEAD.match(e.raw or "")
    if e.surnames and head and _fold(head.group(1)).startswith(keys[0]):  # ABNT 'DA SILVA, E.E.;' read as 'DA'
        keys.append(_fold(head.group(1)))
    if e.surnames and _LEADING_PARTICLES.match(e.surnames[0]):  # 'Van Alphen B.' cited as 'Alphen et al., 2022'
        keys.append(_fold(_LEADING_PARTICLES.sub("", e.surnames[0])))
    if e.organisation:
        org = e.organisation
        bare = re.sub(r"\s*\([^)]*\)", "", org)
        keys.append(_fold(bare))
        # "(Early Breast Cancer Trialists' Collaborative et al, 2010)": the text may leave out the collective word
        # that ends the name in the list ("... Collaborative Group (EBCTCG)").
        if len(bare.split()) >= 4:  # a name of its own remains: not "Study Group" alone
            keys.append(_fold(_COLLECTIVE_END.sub("", bare)))
        keys.append(_fold(org.split(",")[0]))  # 'United Nations Children's Fund, World Health Organization, ...'
        # 'IBGE - Instituto Brasileiro de ...', 'SOS Mata Atlântica & Instituto Nacional ...': cited by the first name
        keys.append(_fold(re.split(r"\s+[-\u2013&]\s+", bare, maxsplit=1)[0]))
        acronym = _ACRONYM_BODY.fullmatch(bare)
        if acronym:  # 'ECRI Institute', 'RAND Corporation' cited '(ECRI, 2019)': the acronym alone names the body
            keys.append(_fold(acronym.group("acr")))
        joint = _JOINT_BODIES.fullmatch(bare)
        if joint:  # 'ASGE Task Force and ASGE Technology Committee' cited by the first body alone
            keys.append(_fold(joint.group("first")))
        keys += [_fold(a) for a in re.findall(r"\(([A-Z][A-Za-z&]{1,12})\)", org)]
        capitals = "".join(w[0] for w in re.findall(r"[A-Z][\w&-]*", org))
        if len(capitals) >= 2:
            keys.append(_fold(capitals))
    if not keys and e.source_guessed and e.source:
        # 'APTA Guide to Physical Therapist Practice 4.0. American Physical Therapy Association. Published 2023.',
        # cited '(APTA, 2023)': a title first, then the body that issued it, read as the entry's source
        body = e.source.split(". ")[0].strip(" .")
        if _ISSUING_BODY.search(body) and len(body.split()) <= 8:
            keys.append(_fold(body))
            capitals = "".join(w[0] for w in re.findall(r"[A-Z][\w&-]*", body))
            if len(capitals) >= 2:
                keys.append(_fold(capitals))
    return [k for k in keys if k]


# Words that make a source named after a title the body that issued it, not a publisher's imprint or a journal.
_ISSUING_BODY = lazy(r"\b(?:Association|Society|College|Academy|Organi[sz]ation|Institute|Agency|Council|Federation|"
                     r"Foundation|Department|Ministry|Cent(?:er|re)s? for)\b")


# Two bodies joined by 'and', each named as one ('... Task Force and ... Committee'); 'Centers for Disease Control and
# Prevention' is one body, so each part must end in a body's word.
_JOINT_BODIES = lazy(rf"(?P<first>.+?\b(?:{_BODY_END}))\s+and\s+.+?\b(?:{_BODY_END})", re.IGNORECASE)


def _suffix(e: ReferenceEntry) -> str:
    m = re.search(rf"\b{e.year}[*_]?([a-z])\b", e.raw) if e.year else None  # '2013a' or '2013*a*'
    return m.group(1) if m else ""


def _first_name(who: str) -> str:
    """The first author's surname in 'Buchbinder et al.', 'Smith and Jones', 'Smith & Jones', 'AAOS'."""
    joiner = rf"\s+et\s+al\b|\s+(?:and|&)\s+|\s+(?:e|y)\s+(?={_CAP})|,"
    head = re.split(joiner, re.sub(r"[*_]", "", who), maxsplit=1)[0]
    return re.sub(r"\s+[A-Z]{1,3}\.?$", "", head.strip(" ."))  # 'Wilén J et al.': the initials go


# A chapter of a living work carries the work's first year and its own review ('GeneReviews ... Published 1993.
# Reviewed 2018.', 'Last reviewed April 26, 2023', '[Updated 2023 Mar 3]'): a citation of the later year cites it.
_AGAIN = r"\b(?:(?:last\s+)?(?:reviewed|updated|revised)|rev\.)\s*:?\s*(?:on\s+)?(?:[A-Za-z]{3,9}\.?\s+)?(?:\d{1,2},?\s+)?"


def _dated_again(raw: str, year: int) -> bool:
    """Whether an entry prints the year as that of its review or update."""
    return re.search(_AGAIN + str(year) + r"\b", re.sub(r"[*_]", "", raw), re.IGNORECASE) is not None
