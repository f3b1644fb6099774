"""Acronyms in running text: where they are defined, whether their letters fit, which are used.

Pure functions over cleaned sentence text. A definition is a name followed
by its acronym in brackets, "Congress of Neurological Surgeons (CNS)". The
letters fit the name when each letter starts a later word of the name or
sits, in order, inside a word that already gave its first letter
("polymethylmethacrylate (PMMA)", "NeuroInterventional" giving N and I).
Words may be skipped ("National Institute for Health and Care Excellence
(NICE)") and trailing words left over ("... Regional Anesthesia and Pain
Medicine (ASRA)"), because real names are written that way. An X may stand
for a word opening with 'ex' ("Anger Expression Scale (AXS)").
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from kb.patterns import lazy

# An acronym as printed: capitals (digits after a hyphen, as in SF-36, EQ-5D), an optional plural s.
_TOKEN = r"[A-Z][A-Z]*(?:-[0-9A-Z]+)?[A-Z0-9]?"
_DEFINED = lazy(rf"[(\[](?P<abbr>{_TOKEN})(?P<plural>s?)[)\]]")
_REVERSED = lazy(r"(?<![A-Za-z0-9])(?P<abbr>[A-Z]{2,7})s?\s+\((?=[a-z])")  # "VAS (visual analog scale)"
# (?=[A-Z]) changes no match: the engine tries the lookbehind only where a capital stands (faster on every sentence)
_USED = lazy(r"(?=[A-Z])(?<![A-Za-z0-9\-])(?P<abbr>[A-Z]{2,7})s?(?![A-Za-z0-9\-])")
_CODE_LIKE = lazy(r"^(?:[A-Z]+\d+|[IVX]+)$")  # TA279, CG75, Roman numerals: labels, not acronyms
_BOUNDARY = lazy(r"[()\[\];:,]")
_TWO_CAPITALS = lazy(r"[A-Z][A-Z]")
# A legend's list of abbreviations, 'EGF epidermal growth factor, FAP fibroblast activation protein' (the
# italics of '*EGF*' are gone from a sentence's text), or a table's note 'IQR, interquartile range; MASLD, ...':
# each item an acronym, then its words, then a separator; or the words, then the acronym, in one bracket.
# A name's first word may be a capital and a hyphen: 'CRP: C-reactive protein', 'BNP, B-type natriuretic peptide'.
_NAME_START = r"(?:[a-z]|[A-Z][-\u2010])"
_GLOSSARY = (lazy(rf"(?:^|[,;:.]\s+)(?P<abbr>[A-Z]{{2,7}})\s+(?P<words>{_NAME_START}[^,;:.()\[\]]{{2,80}}?)"
                  r"(?=\s*(?:[,;.]|$))"),
             lazy(rf"(?:^|[;:.]\s+)(?P<abbr>[A-Z]{{2,7}}),\s+(?P<words>{_NAME_START}[^,;:.()\[\]]{{2,80}}?)"
                  r"(?=\s*(?:[;.]|$))"),
             # a guideline's list of bodies, names capitalised: 'AACN indicates American Association of Colleges of
             # Nursing; CAPP, Cardiology Advanced Practice Providers; CEC, clinical endpoint committee' (AHA/ACC)
             lazy(rf"(?:^|[;.]\s+)(?P<abbr>[A-Z]{{2,7}})(?:,|\s+indicates)\s+(?P<words>[A-Z][^,;:.()\[\]]{{2,80}}?)"
                  r"(?=\s*(?:[;.]|$))"),
             # WHO's figure notes: 'HIS:health information system; ICT: information and communications technology'
             lazy(rf"(?:^|[;.]\s+)(?P<abbr>[A-Z]{{2,7}}):\s*(?P<words>{_NAME_START}[^,;:.()\[\]]{{2,80}}?)"
                  r"(?=\s*(?:[;.]|$))"),
             # a figure's list with colons and commas: 'PKC: protein kinase C, PTEN: phosphatase and tensin homolog'
             lazy(rf"(?:^|[,.]\s+)(?P<abbr>[A-Z]{{2,7}}):\s*(?P<words>{_NAME_START}[^,;:.()\[\]]{{2,80}}?)"
                  r"(?=\s*(?:[,.]|$))"),
             # a list of abbreviations with equals signs: 'ACR = American College of Rheumatology, ADR = Adverse ...'
             lazy(rf"(?:^|[,;.]\s+)(?P<abbr>[A-Z]{{2,7}})\s?=\s?(?P<words>[A-Za-z][^,;:.()\[\]=]{{2,80}}?)"
                  r"(?=\s*(?:[,;.]|$))"),
             # the name, a comma, then its acronym in one bracket: '3.0-5.9 METs (moderate physical activity, MPA)'
             lazy(rf"\((?P<words>{_NAME_START}[^,;:.()\[\]]{{2,80}}?),\s*(?P<abbr>[A-Z]{{2,7}})s?\)"))
_WORD_SPLIT = lazy(r"[\s\-\u2010-\u2014/]+")
CONNECTORS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&", "a", "an", "de", "du", "la"})


@dataclass(frozen=True)
class Definition:
    abbr: str  # as printed, plural s removed: "RCT", "SF-36"
    letters: str  # the capitals only: "RCT", "SF"
    words: tuple[str, ...]  # the words before the bracket, nearest last, cut at punctuation
    start: int  # offset of the bracket in the text


def letters_of(abbr: str) -> str:
    return "".join(c for c in abbr if c.isalpha())


def _words(text: str) -> tuple[str, ...]:
    out = []
    for raw in _WORD_SPLIT.split(text):
        word = raw.strip(".'\"\u2019\u201c\u201d\u00ae\u2122*")
        if word:
            out.append(word)
    return tuple(out)


def definitions(text: str) -> list[Definition]:
    """Every 'name (ACRONYM)' in a sentence; the name is what precedes the bracket up to punctuation."""
    out = []
    for m in _DEFINED.finditer(text):
        abbr = m.group("abbr")
        letters = letters_of(abbr)
        if len(letters) < 2 or _CODE_LIKE.match(abbr):
            continue
        before = text[: m.start()]
        cut = max((b.end() for b in _BOUNDARY.finditer(before)), default=0)
        window = min(len(letters) + 5, 2 * len(letters))
        words = _words(before[cut:])[-window:]
        out.append(Definition(abbr, letters, words, m.start()))
    return out


def fits_other_name(text: str, d: Definition) -> bool:
    """'... *Telemonitorización de la Enfermedad de Crohn y Colitis Ulcerosa* or Telemonitoring of Crohn's Disease and
    Ulcerative Colitis (TECCU)': a name given twice, joined by 'or' (in its own language and in translation, or an
    older name and a newer); the acronym may be read off the first."""
    before = text[:d.start]
    cut = max((b.end() for b in _BOUNDARY.finditer(before)), default=0)
    head, sep, tail = before[cut:].rpartition(" or ")
    named = _words(tail)
    if not sep or not named or long_form(named) != named:
        return False  # what follows 'or' is not the name itself ('rest or exercise (RE)')
    window = min(len(d.letters) + 5, 2 * len(d.letters))
    first = _words(head)[-window:]
    return bool(first) and fits(d.letters, first)


def defined_elsewhere(text: str) -> set[str]:
    """Acronyms introduced the other way round, 'VAS (visual analog scale)', or in a legend's list of
    abbreviations, 'EGF epidermal growth factor, FAP ...' or 'IQR, interquartile range; MASLD, ...'.

    Only where the words spell the acronym out: 'DAPI (blue)' and 'BLASTX (protein homology)' say
    something about the thing, they do not define its name.
    """
    out: set[str] = set()
    if not _TWO_CAPITALS.search(text):  # every form holds an acronym of two capitals or more
        return out
    for m in _REVERSED.finditer(text):
        abbr = m.group("abbr")
        inside = text[m.end(): text.find(")", m.end()) if ")" in text[m.end():] else len(text)]
        words = _words(_BOUNDARY.split(inside, 1)[0])
        if not _CODE_LIKE.match(abbr) and words and fits(abbr, words):
            out.add(abbr)
    listed: set[str] = set()  # the items of the lists (every form but the first, a bare space, and the last)
    slips: set[str] = set()
    for i, pattern in enumerate(_GLOSSARY):
        for m in pattern.finditer(text):
            words = _words(m.group("words"))
            if words and fits(m.group("abbr"), words):
                out.add(m.group("abbr"))
            elif _swapped(m.group("abbr"), words):
                slips.add(m.group("abbr"))
            if 0 < i < len(_GLOSSARY) - 1:  # a list set off by a comma, colon or '=', not 'EGF was added'
                listed.add(m.group("abbr"))
    # A legend's list defines each of its items, also one whose words do not spell it out (a protein's name, 'SGK:
    # serine/threonine-protein kinase' beside 'PKC: protein kinase C'): where enough of the list's items do, the
    # text is such a list and the rest are its entries, not remarks about a thing. An item whose words' initials
    # are its letters in another order is a slip ('HAD = high disease activity' beside LDA, MDA), not a name.
    if len(listed) >= _LIST_ITEMS and len(out & listed) >= _LIST_SPELLED:
        out |= listed - slips
    return out


def _swapped(abbr: str, words: tuple[str, ...]) -> bool:
    """The initials of the words (connectors left out) are the acronym's letters in another order."""
    initials = [w[0].lower() for w in words if w.lower() not in CONNECTORS]
    return sorted(initials) == sorted(abbr.lower())


_LIST_ITEMS = 3  # items that make a list of abbreviations ...
_LIST_SPELLED = 2  # ... and how many of them must spell their acronym for the others to count as defined too


# A table of terminology printed as lines, one term a row, its cells a tab apart ('IAP<tab>Idiopathic acute
# pancreatitis', Avalon's policies): read as prose the whole table is one run-on sentence.
_TERM_ROW = lazy(r"^\s*(?P<abbr>[A-Z][A-Za-z]{1,6}\d?)\t+(?P<words>[^\t]{3,120}?)\s*$")


def defined_in_rows(lines: list[str]) -> set[str]:
    """Acronyms a two-cell row of a terminology table spells out: 'IAP<tab>Idiopathic acute pancreatitis'."""
    out: set[str] = set()
    for line in lines:
        if "\t" not in line:
            continue
        m = _TERM_ROW.match(line)
        if m and _TWO_CAPITALS.search(m.group("abbr")):
            words = _words(m.group("words"))
            if words and fits(m.group("abbr"), words):
                out.add(m.group("abbr"))
    return out


def used(text: str) -> list[tuple[str, int]]:
    """(acronym, offset) for every all-capital word of 2 to 7 letters; a plural s is dropped."""
    # Its capitals hold no digit, so the one code-like form left is a Roman numeral: all I, V and X (a plain
    # string test, not a pattern per match: this runs on every sentence and paragraph).
    return [(m.group("abbr"), m.start()) for m in _USED.finditer(text) if m.group("abbr").strip("IVX")]


def _unaccented(word: str) -> str:
    """'\u00e5sberg' -> 'asberg': an acronym is spelled in plain letters ('Montgomery-\u00c5sberg ... (MADRS)')."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def fits(letters: str, words: tuple[str, ...]) -> bool:
    """Whether the acronym's letters can be read off the words (see the module's note)."""
    low = tuple(_unaccented(w.lower()) for w in words)
    target = _unaccented(letters.lower())

    @lru_cache(maxsize=None)
    def go(i: int, w: int, pos: int) -> bool:
        if i == len(target):
            return True
        ch = target[i]
        at = low[w].find(ch, pos)
        if at >= 0 and go(i + 1, w, at + 1):
            return True
        # X may stand for a word's 'ex' ('Anger Expression Scale (AXS)', as in 'AX' and 'XR', extended release)
        return any(go(i + 1, j, 2 if ch == "x" and not low[j].startswith("x") else 1) for j in range(w + 1, len(low))
                   if low[j].startswith(ch) or (ch == "x" and low[j].startswith("ex")))

    return any(go(1, s, 1) for s in range(len(low)) if low[s].startswith(target[0]))


def long_form(words: tuple[str, ...]) -> tuple[str, ...]:
    """The name itself: the run of capitalised words (and connectors) that ends at the bracket."""
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper():
            run.insert(0, word)
        elif word.lower() in CONNECTORS and run:
            run.insert(0, word)
        else:
            break
    while run and run[0].lower() in CONNECTORS:
        run.pop(0)
    return tuple(run)


def initials(name: tuple[str, ...]) -> str:
    """'Congress of Neurological Surgeons' -> 'CNS'; inner capitals count ('NeuroInterventional' -> 'NI')."""
    return "".join(c for w in name if w.lower() not in CONNECTORS for c in w[0] + w[1:] if c.isupper())


def near_miss(abbr: str, defined: set[str]) -> str | None:
    """A defined acronym that ``abbr`` is one slip away from: a letter dropped or two swapped.

    Only acronyms of three letters or more: two-letter ones (CI, CT, HR, OR)
    are too close to each other for a dropped letter to mean anything. A
    letter added (BK -> BKP, MD -> WMD) is left alone too: that is how
    authors build a new, legitimate acronym on an old one.
    """
    if len(abbr) < 3:
        return None
    for d in sorted(defined):
        if len(d) == len(abbr) + 1 and any(d[:i] + d[i + 1:] == abbr for i in range(len(d))):
            return d
        if len(d) == len(abbr) and d != abbr and sorted(d) == sorted(abbr):
            diff = [i for i in range(len(d)) if d[i] != abbr[i]]
            if len(diff) == 2 and diff[1] == diff[0] + 1:
                return d
    return None
