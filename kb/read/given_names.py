"""Author lists that print every given name in full after the surname: JMIR's 'Ozminkowski Ronald J, Ling Davina,
Goetzel Ron Z'. The surname is the first word. Read only where the list proves its style with two names: one with a
given name and no initial ('Ling Davina'), which a list of initials never prints (its two-word surnames, 'Blasco
Andaluz J', always carry initials), and one closing with its middle initial ('Ozminkowski Ronald J'), which a list
of given names first never prints (ACL's 'Jacob Devlin, Noah A. Smith')."""
from __future__ import annotations

from dataclasses import replace

from kb.patterns import lazy
from kb.read.authors import SURNAME_WORD, UPPER, Authors

_GIVEN = rf"{UPPER}[a-z\u00df-\u00ff]{{2,}}(?:-{UPPER}[a-z\u00df-\u00ff]+)?"
_FULL_NAME = lazy(rf"(?P<surname>{SURNAME_WORD})\s+{_GIVEN}(?:\s+{_GIVEN})?(?P<initials>(?:\s+{UPPER}\.?){{0,2}})")
_ET_AL = lazy(r",?\s*et\.?\s*al\.?$")
# 'World Health Organization, Global Fund' has the shape of two names with given names: bodies are no people.
_BODY_WORD = lazy(r"\b(?:Organi[sz]ation|Association|Society|Institute|Council|Group|Committee|Fund|Agency|Department|"
                  r"Ministry|Cent(?:er|re)|Foundation|University|College|Network|Consortium|Health|Services?|Board|"
                  r"Office|Commission|Alliance|Federation|Academy|Trust|Collaboration|Programme|Program)\b")


def full_name_list(segment: str) -> Authors | None:
    """'Ozminkowski Ronald J, Ling Davina, Goetzel Ron Z, et al' -> surnames Ozminkowski, Ling, Goetzel."""
    text = segment.strip().rstrip(".")
    et_al = _ET_AL.search(text)
    names = [n.strip() for n in (text[: et_al.start()] if et_al else text).split(",")]
    if len(names) < 2:
        return None
    found = []
    for name in names:  # most lists fail on their first name ('Buchbinder R'): stop there
        m = _FULL_NAME.fullmatch(name)
        if m is None:
            return None
        found.append(m)
    if _BODY_WORD.search(text):
        return None
    initials = [bool(f.group("initials").strip()) for f in found]
    if all(initials) or not any(initials):
        return None  # both are needed: a name with none proves given names, one closing with its initial their order
    return Authors(tuple(names), tuple(f.group("surname") for f in found), et_al=bool(et_al))


# A list proves the style when this many of its entries print a name with a given name and no initial.
_PROVEN = 2


def read_in_full_name_style(entries: list) -> list:
    """A list that prints given names in full on some entries prints them so on all. Where a list proves it:
    an entry whose every name is 'Surname Given [I]' or 'Surname I' ('Pelletier Kenneth R', 'McNeill Lorna H,
    Viswanath K') has the first word of each for its surnames, as the proven entries do; and an entry whose
    names all have given names and no initial ('Koo Malcolm, Skinner Harvey. Challenges of ...'), which the
    entry reader cannot tell from a title, gets them back out of the title it was read into."""
    proven = sum(1 for e in entries if len(e.authors) >= 2 and full_name_list(", ".join(e.authors)))
    if proven < _PROVEN:
        return entries
    return [_surnames_first(e) if e.authors else _names_out_of_title(e) for e in entries]


def _surnames_first(e):
    found = [_FULL_NAME.fullmatch(n.rstrip(".")) or _INITIALS_NAME.fullmatch(n.rstrip(".")) for n in e.authors]
    if not (found and all(found)) or any(_BODY_WORD.search(n) for n in e.authors):
        return e
    surnames = tuple(f.group("surname") for f in found)
    return e if surnames == e.surnames else replace(e, surnames=surnames)


def _names_out_of_title(e):
    """'Griffiths Frances, Lindenmeyer Antje. Why are ...' read as the title: the names before its first full stop,
    when every one is 'Surname Given [Given]' (no initial, so nothing else could have read them)."""
    if e.organisation or not e.title:
        return e
    m = _NAMES_THEN_TITLE.match(e.title)
    if m is None or _BODY_WORD.search(m.group("names")):
        return e
    names = [n.strip() for n in m.group("names").split(",")]
    found = [_FULL_NAME.fullmatch(n) for n in names]
    if not all(f and not f.group("initials").strip() for f in found):
        return e
    return replace(e, authors=tuple(names), surnames=tuple(f.group("surname") for f in found),
                   title=e.title[m.end():].strip() or None)


_INITIALS_NAME = lazy(rf"(?P<surname>{SURNAME_WORD})\s+{UPPER}{{1,3}}")
# Names, a full stop, then the title: 'Koo Malcolm, Skinner Harvey. Challenges ...' (no 'et al', which the entry
# reader already takes for the end of an author list).
_NAMES_THEN_TITLE = lazy(rf"(?P<names>[^.]+?)\.\s+(?={UPPER})")
