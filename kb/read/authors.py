"""Author lists of reference entries, in any script and the common numbered styles.

Pure. Names are read as printed: ``Surname AB`` (Vancouver, AMA, PLOS, BMC),
``Surname, A. B.`` (APA-like), ``A.B. Surname`` (Elsevier numbered), with
particles (de las Heras, van der Berg), apostrophes and hyphens (O'Brien,
Shen–Orr) and letters of any alphabet (Łukasz, Østergaard, Doğan, Παπαδόπουλος).
A list may end in ``et al.`` or in a group name (``the FREE investigators``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


def _uppercase_letters() -> str:
    """Capital letters of the Latin, Greek and Cyrillic alphabets, as a character class body.

    Python's ``re`` has no ``\\p{Lu}``; the blocks below cover the names printed
    in reference lists, and building the class costs well under a millisecond.
    """
    blocks = ((0x41, 0x5B), (0xC0, 0xDF), (0x100, 0x250), (0x370, 0x400), (0x400, 0x530), (0x1E00, 0x1F00))
    return "".join(chr(c) for lo, hi in blocks for c in range(lo, hi) if chr(c).isupper())


UPPER = f"[{_uppercase_letters()}]"
# A letter, with any combining accents after it (names in decomposed form: "c" + caron).
LETTER = r"(?:[^\W\d_][\u0300-\u036f]*)"
_JOIN = "'\u2019\\-\u2010\u2011\u2013"
PARTICLE = (r"(?:[vV]an|[vV]on|[dD]e|[dD]er|[dD]en|[dD]a|[dD]i|[dD]u|[lL]a|[lL]e|las|los|del|della|dela|do|dos|das|"
            r"ten|ter|zu|af|y|bin|ben|St\.?)")
# "vanEngelsdorp", "deBoer", "LeBlanc", "tenOever", "d'Eysmond", "al-Sabbagh": a particle written onto the capital.
SURNAME_WORD = rf"(?:[vV]an|[vV]on|[dD]e|[dD]i|[dD]a|[dD]u|[lL]e|[lL]a|ten|ter|d['\u2019]|(?:al|el|ben|bin|ibn)-)?{UPPER}[\u0300-\u036f]*{LETTER}*(?:[{_JOIN}]{LETTER}+)*"
SURNAME = rf"(?:{PARTICLE}\s+)*{SURNAME_WORD}(?:\s+(?:{PARTICLE}\s+)*{SURNAME_WORD})*?"
# "AB", "A.B.", "A-M", "J-i", "Fv" and "Avd" (a Dutch 'van (der)' folded into the initials)
INITIALS = (rf"(?:{UPPER}{{1,4}}[a-z]{{1,2}}|{UPPER}(?:\.?\s?-?{UPPER}){{0,3}}\.?(?:-[a-z]\.?)?)"
            rf"(?![^\W\d_])")
SUFFIX = r"(?:Jr|Sr|2nd|3rd|4th|II|III|IV)\.?"

_AFTER = re.compile(rf"(?P<surname>{SURNAME})\s+(?P<initials>{INITIALS})(?:,?\s+{SUFFIX})?")
_BEFORE = re.compile(rf"(?P<initials>{UPPER}\.(?:\s?-?{UPPER}\.)*)\s*(?P<surname>{SURNAME})")
_BARE = re.compile(SURNAME)
_ONLY_INITIALS = re.compile(rf"{UPPER}\.(?:\s?-?{UPPER}\.)*")
_SUFFIX_ONLY = re.compile(SUFFIX)
_ETAL = re.compile(r"^(?:et\.?\s+al\.?|and\s+others|others|\.\.\.|\u2026)$", re.IGNORECASE)
GROUP_WORDS = re.compile(
    r"\b(?:Group|Investigators?|Collaborat\w*|Consortium|Team|Study|Trial|Committee|Network|Writing|"
    r"Working|Panel|Society|Association|Council|Task Force|Organi[sz]ation|Institute|Agency|Coordinators)\b", re.IGNORECASE)


# Words that make a name an organisation's, never a person's surname.
_CORPORATE = re.compile(rf"{GROUP_WORDS.pattern}|\b(?:Inc|Ltd|LLC|GmbH|Corp|University|Foundation)\b\.?",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Authors:
    names: tuple[str, ...]  # as printed, one per author
    surnames: tuple[str, ...]
    group: str | None = None  # a group or organisation ending (or making) the list
    et_al: bool = False


def person(token: str, *, bare: bool = False) -> str | None:
    """The surname of one printed name, or None when the token is not a person's name."""
    token = token.strip()
    if _CORPORATE.search(token):
        return None  # "StatSoft Inc", "Genomes Project Consortium"
    for pattern in (_AFTER, _BEFORE):
        m = pattern.fullmatch(token) or pattern.fullmatch(token.rstrip("."))
        if m:
            return m.group("surname")
    if bare and _BARE.fullmatch(token.rstrip(".")) and len(token.split()) <= 3:
        return token.rstrip(".")
    return None


def name_and_initials(author: str) -> tuple[str, str] | None:
    """'Wippold FJ' or 'F.J. Wippold' -> ('Wippold', 'FJ'); None when it is not a person's name."""
    for pattern in (_AFTER, _BEFORE):
        m = pattern.fullmatch(author.strip())
        if m:
            return m.group("surname"), m.group("initials")
    return None


def _tokens(segment: str) -> list[str]:
    """Split a printed list into names: commas, semicolons, 'and', '&'."""
    segment = re.sub(r",?\s+(?:and|&)\s+", ", ", segment)
    raw = [t.strip() for t in re.split(r"[,;]", segment)]
    merged: list[str] = []
    for t in raw:
        if not t:
            continue
        if merged and (_SUFFIX_ONLY.fullmatch(t) or _ONLY_INITIALS.fullmatch(t)) and person(merged[-1]) is None:
            merged[-1] = f"{merged[-1]}, {t}"  # "Smith, J. A." (APA) or "McConnell CT, Jr."
        elif merged and _SUFFIX_ONLY.fullmatch(t):
            merged[-1] = f"{merged[-1]}, {t}"
        else:
            merged.append(t)
    return merged


def _apa(token: str) -> str | None:
    if ", " in token:
        surname, _, rest = token.partition(", ")
        if _ONLY_INITIALS.fullmatch(rest.strip()) and _BARE.fullmatch(surname):
            return surname
        if _SUFFIX_ONLY.fullmatch(rest.strip()):
            return person(surname)
    return None


def _name_like(token: str) -> bool:
    """Could this be a name the patterns miss ('Bâ eH', 'Levin S a')? Not a title's words or numbers."""
    words = token.split()
    return (0 < len(words) <= 3 and not re.search(r"\d", token) and not _CORPORATE.search(token)
            and not any(re.fullmatch(r"[a-z]{3,}", w) and not re.fullmatch(PARTICLE, w) for w in words))


def read_authors(segment: str, *, bare: bool = False) -> Authors | None:
    """Every name of a delimited author list, or None when any part is not a name.

    ``bare`` allows surnames without initials ('Fontana, Stadler et al.'): only
    where the list is known to end (before '(2009)' in PLOS and APA-like entries).
    """
    tokens = _tokens(segment.strip())
    names, surnames, group, et_al = [], [], None, False
    for k, token in enumerate(tokens):
        tail = re.search(r"\s+et\.?\s+al\.?$", token)
        if tail:
            token, et_al = token[: tail.start()], True
        if _ETAL.match(token):
            et_al = True
            continue
        surname = _apa(token) or person(token, bare=bare)
        if surname is None and k == len(tokens) - 1 and names and GROUP_WORDS.search(token):
            group = token
            continue
        if surname is None and bare and names and _name_like(token):
            surname = token.split()[0]  # a later name the patterns miss ("Bâ eH"): the list is known to end here
        if surname is None:
            return None
        names.append(token)
        surnames.append(surname)
    if not names:
        return None
    return Authors(tuple(names), tuple(surnames), group, et_al)


# A Vancouver/AMA/BMC list at the start of an entry: names separated by commas, ended by '.' or ':'.
_NAME = rf"(?:{SURNAME}\s+{INITIALS}(?:,?\s+{SUFFIX})?)"
_NAME_LIST = re.compile(
    rf"^\s*(?P<list>{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s*(?:and|&)\s+{_NAME})?)"
    rf"(?P<etal>,?\s*et\s+al)?(?P<group>,\s*[^.:]{{3,120}}?)?\s*(?P<end>[.:])\s+(?=\S)"
)


def leading_authors(text: str) -> tuple[Authors, int] | None:
    """The author list opening a Vancouver-like entry and where the text after it starts."""
    m = _NAME_LIST.match(text)
    if not m:
        return None
    found = read_authors(m.group("list"))
    if found is None:
        return None
    group = m.group("group")
    if group:
        group = group.strip(" ,")
        if not GROUP_WORDS.search(group):
            return None  # "Smith AB, Title words: ..." is not a list ending in a group
    names = found.names
    if m.group("end") == "." and not group and not m.group("etal") and names[-1][-1:].isupper():
        names = names[:-1] + (names[-1] + ".",)  # "Wald JT." as printed: the stop is the initial's too
    return Authors(names, found.surnames, group, bool(m.group("etal"))), m.end()


# "A.B. Surname, C. Other, Title..." (Elsevier numbered): names with initials first.
_LEADING_INITIALS = re.compile(rf"^\s*{UPPER}\.(?:\s?-?{UPPER}\.)*\s*{SURNAME}\s*,")


def initials_first_authors(text: str) -> tuple[Authors, int] | None:
    """Names written 'A.B. Surname' at the start of an entry, up to the first piece that is not one."""
    if not _LEADING_INITIALS.match(text):
        return None
    names, surnames, pos, et_al = [], [], 0, False
    for m in re.finditer(r"[^,]+(?:,|$)", text):
        piece = m.group(0).rstrip(",").strip()
        piece = re.sub(r"^(?:and|&)\s+", "", piece)
        if _ETAL.match(piece):
            et_al, pos = True, m.end()
            continue
        bm = _BEFORE.fullmatch(piece)
        if not bm:
            break
        names.append(piece)
        surnames.append(bm.group("surname"))
        pos = m.end()
    return (Authors(tuple(names), tuple(surnames), None, et_al), pos) if names else None
