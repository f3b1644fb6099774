"""One printed person's name in a reference list (pure): the letters a surname is made of in any script, its
particles, initials and suffixes, and the split of 'Smith AB', 'Smith, A. B.', 'J.A. Smith' or PubMed's 'Heijden GW
van der' into surname and initials. Whole author lists are read in ``kb.read.authors``."""
from __future__ import annotations

import re

from kb.patterns import lazy


# Capitals of the Latin, Greek and Cyrillic alphabets. Python's ``re`` has no ``\p{Lu}``; the Latin
# Extended blocks mix capitals and small letters, so they are taken whole (a small letter there
# rarely opens a word of a reference list). Ranges, not a list of letters: the patterns below use this
# class many times, and a class of a thousand letters made importing the module cost a third of a second.
UPPER = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u038f\u0391-\u03ab\u0400-\u042f\u1e00-\u1eff]"
# A letter, with any combining accents after it (names in decomposed form: "c" + caron).
LETTER = r"(?:[^\W\d_][\u0300-\u036f]*)"
# The apostrophe of 'O'Brien' as publishers key it: straight, curly, and the left quote or acute accent some copies
# carry ("O\u2018Banion", "O\u00b4Neill"), which otherwise cut the name and lost the whole author list.
JOIN = "'\u2019\u2018\u00b4\\-\u2010\u2011\u2013"
PARTICLE = (r"(?:[vV]an['\u2019]t|['\u2019]t|[iI]n(?=\s+['\u2019]t\s)|zur|zum|el|[vV]an|[vV]on|[dD]e|[dD]er|[dD]en|[dD]a|[dD]i|[dD]u|[lL]a|[lL]e|las|los|del|della|delle|degli|dello|dela|do|dos|das|"
            r"ten|ter|te|zu|af|y|i|bin|ben|[sS]t\.?)")  # "Casadevall i Solvas", "st Leger", "te Velde", "delle Fave" too
# ("van 't Veer", "In 't Anker": the Dutch article printed apart; "zur Hausen", "el Danasouri")
# "vanEngelsdorp", "deBoer", "LeBlanc", "tenOever", "d'Eysmond", "al-Sabbagh", "dos-Santos-Silva": a particle written
# onto the capital, or joined to it by a hyphen.
SURNAME_WORD = rf"(?:[vV]an|[vV]on|[dD]e|[dD]i|[dD]a|[dD]u|[lL]e|[lL]a|ten|ter|d['\u2019]|(?:al|el|ben|bin|ibn|d[aeo]s?|del)-)?{UPPER}[\u0300-\u036f]*{LETTER}*(?:[{JOIN}]{LETTER}+)*"
# "Boule'" (an accent printed as an apostrophe); "Van den broeck", "De meillon": a surname after a particle
# printed in small letters
SURNAME = (rf"(?:(?:{PARTICLE}\s+)+[a-z]{LETTER}+|(?:{PARTICLE}\s+)*{SURNAME_WORD})['\u2019]?"
           rf"(?:\s+(?:{PARTICLE}\s+)*{SURNAME_WORD})*?")
# "AB", "A.B.", "A-M", "J-i", "Fv" and "Avd" (a Dutch 'van (der)' folded into the initials); up to five
# capitals for Portuguese and Spanish names ("Tavares MCGCF"); dotted initials with a particle's small letters
# between them, as MDPI prints them ("Emery F.d.S.", "Deemter L.v.", "Ascencio-Montiel I.d.J.")
# ... and a second initial a reference manager exported in small letters ("Neese R a", "Levine J a").
INITIALS = (rf"(?:{UPPER}{{1,4}}[a-z]{{1,2}}|{UPPER}\.(?:\s?(?:{UPPER}|[a-z]{{1,3}})\.){{1,4}}|{UPPER}\s[a-z]"
            rf"|{UPPER}(?:\.?\s?-?{UPPER}){{0,4}}\.?(?:-[a-z]\.?)?)"
            rf"(?![^\W\d_])")
SUFFIX = r"(?:Jr|Sr|2n?d|3r?d|[4-9]th|II|III|IV)\.?"  # PubMed numbers generations: "Butterworth JF 5th"; NLM once "3d"

# Each piece is compiled once and names are cut into pieces in Python: one pattern holding the
# surname pattern several times over cost more to compile than reading a whole reference list.
SURNAME_RX = lazy(SURNAME)
INITIALS_RX = lazy(INITIALS)
_DOTTED = lazy(rf"{UPPER}\.(?:\s?-?{UPPER}\.)*\s*")  # "J.A. " before a surname
_SUFFIX_TAIL = lazy(rf",?\s+{SUFFIX}$")
# PMC's rendering of a <suffix> between the surname and the initials: 'Sundt 3rd TM', 'Rahn 3rd DA', 'Bordim Jr. O'
_SUFFIX_INSIDE = lazy(rf"(?<=[^\W\d_])\s+{SUFFIX}(?=\s+{UPPER}{{1,4}}\.?(?:\s?{UPPER}\.?)*$)")
# PubMed's Dutch 'Heijden GW van der' and 'Winter W De': the particle after the initials, in either case
_PARTICLE_TAIL = lazy(r"(?<=[A-Z.])(?:\s+(?:[vV]an|[vV]on|[dD]e|[dD]er|[dD]en|[dD]u|[dD]a|[dD]i|[lL]e|[lL]a|ten|ter))+$")
ONLY_INITIALS = lazy(rf"{UPPER}\.(?:\s?-?{UPPER}\.)*")
SUFFIX_ONLY = lazy(SUFFIX)
# "JF" in "Sallis, JF": two to five capitals, no stops (one bare capital is where a list of dotted initials
# was cut: "Thompson, K. M. & ...")
BARE_INITIALS = lazy(rf"{UPPER}{{2,5}}")
_LONE_CAPITAL = lazy(rf"{UPPER}\.?")
ETAL = lazy(r"^\*{0,2}(?:et\.?\s*al\.?|and\s+others|others|\.\.\.|\u2026)\*{0,2}$", re.IGNORECASE)  # "et.al" too
GROUP_WORDS = lazy(
    r"\b(?:Groups?|Investigators?|Collaborat\w*|Consortium|Team|Study|Trial|Committee|Network|Writing|"
    r"Working|Panel|Society|Association|Council|Task Force|Organi[sz]ation|Institute|Agency|Coordinators|"
    r"Consultation|Initiative|College|(?-i:Program(?:me)?))\b", re.IGNORECASE)  # a title's "program" is not one


# 'Cancer Research UK', 'CSD Medical Research UK', 'Diabetes UK': capitalised words with a charity's or a data
# body's word, closed by a country's code, name a body; 'UK' there is no pair of initials ('Lloyd Jones UK' may
# still be a person).
COUNTRY_BODY = lazy(r"(?=.*\b(?:Research|Medical|Health|Cancer|Care|Trust|Statistics|Data|Alliance|Diabetes|Heart|"
                    r"Kidney|Lung|Stroke|Arthritis|Asthma)\b)(?:[A-Z][\w&'-]*\s+){1,5}(?:UK|USA)")

# Words that make a name an organisation's, never a person's surname.
CORPORATE = lazy(rf"{GROUP_WORDS.pattern}|\b(?:Inc|Ltd|LLC|GmbH|Corp|University|Foundation|Office|Department|Ministry|Cent(?:er|re)s?|Administration)\b\.?",
                        re.IGNORECASE)


# 'Ngoan le T' (a Vietnamese name as PubMed inverts it): a surname whose last word is a small particle.
_WITH_PARTICLE = lazy(rf"{SURNAME_WORD}\s+(?:le|la|de|van|von|da|di|du)")


# PubMed folds a Portuguese or Spanish particle between given names into the initials: 'Parreira Pdo C'.
_FOLDED_PARTICLE = lazy(rf"(?P<surname>{SURNAME_WORD}(?:\s+{SURNAME_WORD})?)\s+"
                        rf"(?P<initials>{UPPER}{{1,2}}(?:da|de|do|dos|das)\s+{UPPER}{{1,3}})")


def split_person(token: str) -> tuple[str, str] | None:
    """(surname, initials) of 'Smith AB', 'Smith A. B.', 'McConnell CT, Jr.', 'J.A. Smith' or PubMed's Dutch
    'Heijden GW van der' (the particle after the initials)."""
    core = _PARTICLE_TAIL.sub("", _SUFFIX_TAIL.sub("", _SUFFIX_INSIDE.sub("", token.strip(), count=1)))
    folded = _FOLDED_PARTICLE.fullmatch(core)
    if folded:  # PubMed's 'Parreira Pdo C', 'Costa Lda C': 'P. do C.', the particle folded into the initials
        return folded.group("surname"), folded.group("initials")
    for name in dict.fromkeys((core, token.strip())):  # "Tetko IV": initials that look like a suffix
        words = name.split()
        for k in (1, 2, 3):  # "Smith AB", "Smith A. B", "Bottcher C. J. F", Thieme's "Kahn S R"
            if len(words) > k:
                head, tail = " ".join(words[:-k]), " ".join(words[-k:])
                if _LONE_CAPITAL.fullmatch(words[-k - 1]) and len(words) > k + 1:
                    continue  # "Kahn S" is no surname: the lone capital is the first of spaced initials
                if INITIALS_RX.fullmatch(tail) and (SURNAME_RX.fullmatch(head) or _WITH_PARTICLE.fullmatch(head)):
                    return head, tail
    return initials_first(core)


def initials_first(piece: str) -> tuple[str, str] | None:
    """(surname, initials) of 'J.A. Smith': dotted initials before a surname."""
    m = _DOTTED.match(piece)
    if m and len(piece) - m.end() > 1 and SURNAME_RX.fullmatch(piece[m.end():]):  # "J.A": no surname "A"
        return piece[m.end():], piece[: m.end()].strip()
    return None


def person(token: str, *, bare: bool = False) -> str | None:
    """The surname of one printed name, or None when the token is not a person's name."""
    token = token.strip()
    if CORPORATE.search(token):
        return None  # "StatSoft Inc", "Genomes Project Consortium"
    if COUNTRY_BODY.fullmatch(token.rstrip(".")):
        return None  # "Cancer Research UK": a body's name closed by its country, not a surname and initials
    found = split_person(token) or split_person(token.rstrip("."))
    if found:
        return found[0]
    if bare and SURNAME_RX.fullmatch(token.rstrip(".")) and len(token.split()) <= 3:
        return token.rstrip(".")
    return None


def name_and_initials(author: str) -> tuple[str, str] | None:
    """'Wippold FJ' or 'F.J. Wippold' -> ('Wippold', 'FJ'); None when it is not a person's name."""
    return split_person(author)
