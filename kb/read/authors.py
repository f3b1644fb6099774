"""Author lists of reference entries, in any script and the common numbered styles.

Pure. Names are read as printed: ``Surname AB`` (Vancouver, AMA, PLOS, BMC),
``Surname, A. B.`` (APA-like), ``A.B. Surname`` (Elsevier numbered), with
particles (de las Heras, van der Berg), apostrophes and hyphens (O'Brien,
Shen–Orr) and letters of any alphabet (Łukasz, Østergaard, Doğan, Παπαδόπουλος).
A list may end in ``et al.`` or in a group name (``the FREE investigators``). One person's name is
split in ``kb.read.person_names``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.person_names import (  # noqa: F401 - the entry readers import these names from here too
    BARE_INITIALS, CORPORATE, ETAL, GROUP_WORDS, JOIN, LETTER, ONLY_INITIALS, PARTICLE, SUFFIX_ONLY, SURNAME,
    SURNAME_RX, SURNAME_WORD, UPPER, initials_first, name_and_initials, person)


@dataclass(frozen=True)
class Authors:
    names: tuple[str, ...]  # as printed, one per author
    surnames: tuple[str, ...]
    group: str | None = None  # a group or organisation ending (or making) the list
    et_al: bool = False


def _tokens(segment: str) -> list[str]:
    """Split a printed list into names: commas, semicolons, 'and', '&'."""
    segment = re.sub(r",?\s+(?:and|&)\s+", ", ", segment)
    raw = [t.strip() for t in re.split(r"[,;]", segment)]
    merged: list[str] = []
    for t in raw:
        if not t:
            continue
        if merged and (SUFFIX_ONLY.fullmatch(t) or ONLY_INITIALS.fullmatch(t)) and person(merged[-1]) is None:
            merged[-1] = f"{merged[-1]}, {t}"  # "Smith, J. A." (APA) or "McConnell CT, Jr."
        elif merged and BARE_INITIALS.fullmatch(t) and person(merged[-1]) is None \
                and SURNAME_RX.fullmatch(merged[-1]) and len(merged[-1].split()) <= 2 \
                and not CORPORATE.search(f"{merged[-1]} {t}"):
            merged[-1] = f"{merged[-1]}, {t}"  # "Sallis, JF, Cervero RB": a stray comma before the initials
        elif merged and SUFFIX_ONLY.fullmatch(t):
            merged[-1] = f"{merged[-1]}, {t}"
        elif merged and "." in t and ONLY_INITIALS.fullmatch(t) and merged[-1][:1].islower() \
                and SURNAME_RX.fullmatch(merged[-1]):
            merged[-1] = f"{merged[-1]}, {t}"  # "van de Wal, R. S. W." (Nature): a particle's surname, then initials
        else:
            merged.append(t)
    return merged


def _apa(token: str) -> str | None:
    if ", " in token:
        surname, _, rest = token.partition(", ")
        if (ONLY_INITIALS.fullmatch(rest.strip()) or BARE_INITIALS.fullmatch(rest.strip())) \
                and SURNAME_RX.fullmatch(surname):
            return surname
        if SUFFIX_ONLY.fullmatch(rest.strip()):
            return person(surname)
    return None


def _name_like(token: str) -> bool:
    """Could this be a name the patterns miss ('Bâ eH', 'Levin S a')? Not a title's words or numbers."""
    words = token.split()
    return (0 < len(words) <= 3 and not re.search(r"\d", token) and not CORPORATE.search(token)
            and not any(re.fullmatch(r"[a-z]{3,}", w) and not re.fullmatch(PARTICLE, w) for w in words))


_SURE = 2  # names read as surname and initials before a loosely printed one is trusted
_YEAR_TOKEN = lazy(r"(?:19|20)\d\d[a-z]?")
_INITIALS_WORD = lazy(rf"{UPPER}{{1,3}}\.?")
# A name printed loosely: one to three words, each a capitalised word ('Atul', 'Mittal'), a particle or initials,
# with at least one capitalised word of two letters or more; never quotes, colons or digits.
_CAP_WORD = rf"{UPPER}[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]+(?:[{JOIN}]{UPPER}?[a-z\u00df-\u00ff]+)*"
_LOOSE_NAME = lazy(rf"(?:(?:{PARTICLE}|{UPPER}{{1,3}}\.?)\s+)*{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{PARTICLE}|{UPPER}{{1,3}}\.?)){{0,2}}")


# A later name whose initials a reference manager broke: 'Yoon I- K' (a hyphen then a space), 'Lim Y a. L' (a small
# letter with a stop), 'Silveira LV de A' (a particle between initials): a surname, then two to four short pieces,
# one of them capitals.
_GARBLED_INITIALS = lazy(rf"{SURNAME_WORD}(?=.*\s{UPPER}{{1,3}}[.-]?(?:\s|$))"
                         rf"(?:\s+(?:{UPPER}{{1,3}}[.-]?|[a-z]{{1,2}}\.?|{PARTICLE})){{2,4}}")


# A book's editors named in the author list's place: "..., editors." "(eds)"
_EDITORS = lazy(r"\(?(?:editors?|eds?)\.?\)?", re.IGNORECASE)
# The comma before 'editors' left out: "Stober DR, Grant AM editors." (after a name's initials only).
_EDITORS_GLUED = lazy(rf"(?P<initials>\s{UPPER}{{1,3}})\s+(?:editors|eds|\((?:eds?|editors?)\.?\))\.?$")  # 'Boyer WH (ed.)'
_NUMBER_FOR_INITIALS = lazy(rf"{SURNAME_WORD}\s+\d{{1,2}}")


def _loose_surname(token: str) -> str:
    """'Atul Mittal' -> 'Mittal', 'Chulay' -> 'Chulay', 'Ngoan le T' -> 'Ngoan': the initials, if any, come last."""
    words = token.split()
    return words[0] if len(words) > 1 and _INITIALS_WORD.fullmatch(words[-1]) else words[-1]


def read_authors(segment: str, *, bare: bool = False) -> Authors | None:
    """Every name of a delimited author list, or None when any part is not a name.

    ``bare`` allows surnames without initials ('Fontana, Stadler et al.'): only
    where the list is known to end (before '(2009)' in PLOS and APA-like entries).
    """
    found = _read_authors(segment, bare=bare)
    several = bool(re.search(r"[,;]", segment.strip().rstrip(",;")))
    if found is None and (_AFFILIATION_MARKS.search(segment) or (several and _MARK_BEFORE_INITIALS.search(segment))):
        # 'Vijgen GH1, Schouten R', 'Kanwal, Fasiha1,2,3; Loomba, Rohit5': a publisher's page copied with the
        # authors' affiliation numbers glued to their names; read without them, never instead of a plain reading
        unmarked = _AFFILIATION_MARKS.sub("", segment)
        found = _read_authors(_MARK_BEFORE_INITIALS.sub("", unmarked) if several else unmarked, bare=bare)
    return found or _given_name_list(segment) or _lone_initial_pair(segment)


# Affiliation numbers glued to a name: after a letter or an initial's stop, before a comma, a semicolon or the end.
_AFFILIATION_MARKS = lazy(r"(?<=[^\W\d_]|\.)\d{1,2}(?:,\d{1,2})*(?=\s*[,;]|\s*$)")
# ... or glued to the surname before its initials ('Weilenmann H., Egli1 T.', 'Pop-Busui1 R, Sima A'); read so only in
# a list of several names: one 'Author1 A' alone is a name with a number in it (a placeholder, a test's author).
_MARK_BEFORE_INITIALS = lazy(rf"(?<=[a-z])\d{{1,2}}(?=\s+{UPPER}{{1,3}}\.?(?:\s*[,;]|\s*$))")
# 'Kanwal, Fasiha; Neuschwander-Tetri, Brent A.; Loomba, Rohit': surname, comma, given names written out, the
# names parted by semicolons (a journal's page copied whole). Two such names at least: one could be a place.
_GIVEN_NAME_PIECE = lazy(rf"(?P<surname>{SURNAME}),\s+{UPPER}[a-z]+(?:[-\s]{UPPER}[a-z]+)?(?:\s+{UPPER}\.?)*")


def _given_name_list(segment: str) -> Authors | None:
    pieces = [p.strip() for p in _AFFILIATION_MARKS.sub("", segment.strip()).rstrip(".").split(";")]
    if len(pieces) < 2:
        return None
    found = [_GIVEN_NAME_PIECE.fullmatch(p) for p in pieces]
    if not all(found) or any(CORPORATE.search(p) for p in pieces):
        return None
    return Authors(tuple(pieces), tuple(f.group("surname") for f in found))


# 'Kalichman, L and Vulfsons, S': names each with one bare initial after a comma, the last joined by 'and'. Read
# only as a whole list of two names or more: one 'Thompson, K' is where a list of dotted initials was cut.
_LONE_INITIAL_NAME = rf"{SURNAME},\s+{UPPER}\.?"
_LONE_INITIAL_LIST = lazy(rf"{_LONE_INITIAL_NAME}(?:,\s+{_LONE_INITIAL_NAME})*,?\s+(?:and|&)\s+{_LONE_INITIAL_NAME}")


def _lone_initial_pair(segment: str) -> Authors | None:
    text = segment.strip()
    if not _LONE_INITIAL_LIST.fullmatch(text) or CORPORATE.search(text):
        return None
    names = [n.strip() for n in re.split(r"(?<=[A-Z.]),?\s+(?:and|&)\s+|(?<=[A-Z.]),\s+", text)]
    surnames = [n.partition(",")[0].strip() for n in names]
    if len(names) < 2 or not all(SURNAME_RX.fullmatch(s) for s in surnames):
        return None
    return Authors(tuple(names), tuple(surnames))


# 'Coresh J Selvin E Stevens LA Van Lente F Levey AS': names of surname and bare initials with no commas between them.
_SPACED_NAME = lazy(rf"(?:{PARTICLE}\s+)?(?P<surname>{SURNAME_WORD})\s+{UPPER}{{1,3}}(?=\s|$)")


def _spaced_names(token: str) -> list[str] | None:
    """The names of a token that is two names or more, each a surname (with a small letter: not initials) and up to
    three capitals, run together with spaces; None for anything else ('Smith AB', 'Garcia Marquez G')."""
    names, at = [], 0
    for m in _SPACED_NAME.finditer(token):
        if m.start() != at or not any(c.islower() for c in m.group("surname")):
            return None
        names.append(m.group(0))
        at = m.end() + 1
    return names if len(names) >= 2 and at >= len(token) else None


def _read_authors(segment: str, *, bare: bool = False) -> Authors | None:
    tokens = _tokens(segment.strip())
    if len(tokens) == 1:
        # a list printed with no commas at all; within a list parted by commas, 'Chin A Paw MJM' is one Dutch name
        tokens = _spaced_names(tokens[0]) or tokens
    if len(tokens) > 1 and _YEAR_TOKEN.fullmatch(tokens[-1]):
        tokens = tokens[:-1]  # "Needham J, McMurray A, Shaban RZ, 2016. Best practice ...": the year, not a name
    if len(tokens) > 1 and _EDITORS.fullmatch(tokens[-1]):
        tokens = tokens[:-1]  # "Goroll AH, Mulley AG, editors. Primary Care Medicine": a book's editors are its names
    elif tokens and _EDITORS_GLUED.search(tokens[-1]):
        tokens = tokens[:-1] + [_EDITORS_GLUED.sub(r"\g<initials>", tokens[-1])]  # "Grant AM editors.": no comma
    names, surnames, group, et_al = [], [], None, False
    for k, token in enumerate(tokens):
        tail = re.search(r"\s+\*{0,2}et\.?\s*al\.?\*{0,2}$", token)  # "Smith FA *et al.* 2004": italic too
        if tail:
            token, et_al = token[: tail.start()], True
        if ETAL.match(token):
            et_al = True
            continue
        surname = _apa(token) or person(token, bare=bare)
        if surname is None and names and _WORD_AND_INITIALS.fullmatch(token):
            surname = token.split()[0]  # 'Jemal A, Center MM, DeSantis C': a surname that is also a body's word
        if surname is None and k == len(tokens) - 1 and names and GROUP_WORDS.search(token):
            group = token
            continue
        if surname is None and names and token in segment and (
                any(GROUP_WORDS.search(t) for t in tokens[k:])
                or (re.search(rf";\s*{re.escape(token)}", segment) and all(CORPORATE.search(t) for t in tokens[k:]))):
            # "Kinoshita M, et al.; Committee for Epidemiology and Clinical Management of ...": the group
            # named last may hold commas or an 'and' of its own
            group = segment[segment.rindex(token):].strip(" .;,")
            break
        if surname is None and names and _AFTER_SEMICOLON.search(segment[:max(0, segment.find(token))]) \
                and _group_after(segment, token):
            # 'Arrazola RA, Singh T, et al.; Centers for Disease Control and Prevention (CDC).', 'Farber HJ, Nelson K;
            # Section on tobacco control.': a semicolon parts the people from the group that wrote with them
            group = _group_after(segment, token)
            break
        if surname is None and bare and names and _name_like(token):
            surname = token.split()[0]  # a later name the patterns miss ("Bâ eH"): the list is known to end here
        if surname is None and len(names) >= _SURE and not et_al and k < len(tokens) - 1 \
                and _LOOSE_NAME.fullmatch(token):
            # "Das P, Samuels S, Desjeux P, Atul Mittal, Roshan Topno": after names that are surely names, one
            # printed another way (given name first, no initials) is still a name, not the title; the last piece
            # before the list's end may be the title's or a group's first words ("Kidney Disease: Improving ...")
            surname = _loose_surname(token)
        if surname is None and k and _mononym(token) and sum(1 for t in tokens if person(t)) >= 2:
            surname = token.rstrip(".")  # 'Kosim R, Djauzi, et al.': an Indonesian name has no initials
        if surname is None and len(names) >= _SURE and k < len(tokens) - 1 and _NUMBER_FOR_INITIALS.fullmatch(token):
            # 'Marchetti P, Contursi 3, Alterio A': a number printed where a later name's initial (or its
            # affiliation mark) stands; between names read surely, it is still a name
            surname = token.split()[0]
        if surname is None and names and _GARBLED_INITIALS.fullmatch(token):
            # 'Aldstadt J, Yoon I- K, ...', 'Aziz S, Ngui R, Lim Y a. L, ...', 'Costa JV, Silveira LV de A': a
            # reference manager broke a later name's initials; one such name must not unread the whole list
            surname = token.split()[0]
        if surname is None and len(names) >= _SURE and _LOWER_CASE_NAME.fullmatch(token):
            # 'Rossato M, Di Virgilio F, Rizzuto R, galeazzi C, Foresta C': a later surname typed in lower case,
            # its initials in capitals, after names that are surely names; one such slip must not unread the list
            # (right after the first name, 'Cuningham GF, leveno KJ, ...', too little is sure: left unread)
            surname = token.split()[0]
        if surname is None:
            return None
        names.append(token)
        surnames.append(surname)
    if not names:
        return None
    return Authors(tuple(names), tuple(surnames), group, et_al)


_AFTER_SEMICOLON = lazy(r";\s*$")
_LOWER_CASE_NAME = lazy(rf"[a-z\u00df-\u00ff]{LETTER}+(?:[{JOIN}]{LETTER}+)*\s+{UPPER}{{1,3}}")
# One capitalised word and its initials, after a name: a person, even when the word names bodies elsewhere ('Center').
_WORD_AND_INITIALS = lazy(rf"{UPPER}[a-z]+\s+{UPPER}{{1,3}}")
# Bodies that write with named authors, beyond the corporate words: a society's section, a research partnership.
_BODY_WORD = lazy(r"\b(?:Section|Partnership|Division|Board)\b")


def _group_after(segment: str, token: str) -> str | None:
    """The group a semicolon sets after the names: the rest of the list from ``token``, which opens it with a capital
    and holds two words at least, a body's word ('Centers', 'Section', 'Partnership'), no digit and no comma (ACS
    parts its names 'Cotter, T. G.; Rinella, M.' by semicolons, each with a comma; 'et al.; Widget therapy in knees'
    is a title's words)."""
    at = segment.find(token)
    rest = segment[at:].strip(" .;,") if at >= 0 else ""
    if not re.match(rf"{UPPER}", rest) or len(rest.split()) < 2 or re.search(r"[\d,]", rest) or not (
            CORPORATE.search(rest) or _BODY_WORD.search(rest)):
        return None
    return rest


def _mononym(token: str) -> bool:
    """One capitalised word among names with initials ('Olson JG, Ksiazek TG, Suhandiman, Triwibowo')."""
    word = token.strip().rstrip(".")
    return " " not in word and bool(SURNAME_RX.fullmatch(word)) and not CORPORATE.search(word)
