"""Author-year citations: a reference list printed without numbers, and a text that cites it by name and year.

Some issuers print their references alphabetically, without numbers, and cite them in the text as
``(Buchbinder et al., 2009)``, ``(Staples et al, 2011; Firanescu et al, 2018)``, ``Kallmes and
colleagues (2009)`` or ``(AAOS, 2010)``. The reader numbers such a list in its printed order and ties each
citation to the entry of that first author and year, so that the checks, tables and pages built on numbered
markers work unchanged; the policy text stays as printed. A citation the list cannot answer for stays a
marker without numbers, with a note that CIT107 reports.

Pure: a line of text and the entries in, ``RawMarker`` records out. The list itself is read by
``kb.read.author_year_list``.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from kb.patterns import lazy
from kb.read.markers import RawMarker
from kb.read.author_year_list import PARTICLES, YEAR
from kb.read.model import ReferenceEntry

AUTHOR_YEAR = "author-year"
# Note words CIT107 reads from a marker's problems (and CIT102/103 must not: see kb.checks.cit_markers).
NO_ENTRY = "names no entry of the list"
OTHER_YEAR = "names an entry of another year"
AMBIGUOUS = "fits more than one entry"

# A letter after the year may be set in italics, as in the list: 'O'Mahen *et al.* 2013*b*'.
_LETTER = r"(?:[a-z]|[*_][a-z][*_])"
# '2002, 2003', '2007a,b', '2015 and 2017'
_YEARS = rf"{YEAR}{_LETTER}?(?:(?:\s*,\s*|\s+and\s+)(?:{YEAR}{_LETTER}?|{_LETTER}\b))*"
# A name opens with a capital, of Latin-1 or Latin Extended-A ('\u015eener', '\u010cech', '\u0141ukasz').
_CAP = r"[A-Z\u00c0-\u00de\u0100-\u017f]"
# Portuguese 'e' and Spanish 'y' join the last two names ('Esteves, Abud e Barcellos (2015)'); 'et al.' may be set in
# italics ('Tedesco *et al*. (1995)').
_NAME = rf"{PARTICLES}{_CAP}[\w'\u2019\u00c0-\u00ff-]+(?:\s+{_CAP}[a-z\u00df-\u00ff][\w'\u2019\u00c0-\u00ff-]*)?"
# AGU names a second author before "et al." to tell two first authors' papers apart: 'Li, Marshall, et al. (2023)'.
# PeerJ names three authors: 'Mmbaga, Munishi & Treydte (2017)', 'Rahman, Abdullah Al Mahmud & Shahidullah (2017)'.
_LISTED = _NAME + rf"(?:\s+{_CAP}[\w'\u2019-]+)?"
_TAIL = (r"(?:,\s+" + _NAME + r",?\s+et\s+al\.?|(?:,\s+" + _LISTED + r")+,?\s+(?:and|&|e|y)\s+" + _LISTED
         + r"|,?\s+[*_]{0,2}et\s+al[*_]{0,2}\.?[*_]{0,2}|\s+and\s+(?:colleagues|coworkers|co-workers|associates|others)"
         + r"|\s+(?:and|&|e|y)\s+" + _NAME + ")?")
# One item of a parenthetical citation: 'Buchbinder et al., 2009', 'Smith and Jones 2010a, 2011', 'AAOS, 2010'.
# Harvard's page after a colon may follow the year: '(Kriel 2017: 53)', '(IST 2012: 9\u201310)',
# '(HIPPO 2015: \u00a7309)'.
# A place in the cited work may lead: '(Fig. 1f in Rodgers et al. 2021)', '(see Fig. 5 in Danabasoglu et al. 2020)'.
# So may a figure of the article itself, before the name: '(Figure 4B and Xiong et al., 2010)', '(Table 1 Allmann and
# Baldwin, 2010)', '(e.g., Supplementary Figure 4 of Gur et al., 2020)'.
_LOCATOR = (r"(?:(?:see\s+)?(?:Supplementary\s+|Extended\s+Data\s+)?(?:Figs?\.|Figures?|Tables?|Eqs?\.|Equations?|"
            r"Sect?\.|Sections?|Chapters?)\s+(?:S?\d+[A-Za-z]?|[\w.]+(?=\s+(?:in|of)\s))(?:\s+(?:in|of|and)\s+|,?\s+))?")
# A data set's or a shared task's label may lead, set off by a dash: '(RTE-1 – Dagan et al., 2006; RTE-2 – Bar-Haim et
# al., 2006)' names Dagan and Bar-Haim.
_LABEL = r"(?:[A-Z]{2,}[-\u2010]?\d+[a-z]?\s+[\u2013\u2014-]\s+)?"
_ITEM = lazy(rf"^(?:[a-z][\w.]*[,:]?\s+){{0,5}}?{_LOCATOR}{_LABEL}(?P<who>{PARTICLES}{_CAP}[^;]*?),?\s+"
             rf"(?P<years>{_YEARS})(?:,?\s+(?:for|and\s+references|p\.|pp\.)[^;]*|:\s*\u00a7?\s*\d[^;]*)?$")
# Items part at a semicolon, or at a comma between a year and the next name: '(Narahashi 2000, Biondi et al. 2012)'.
# Also at 'and' between a year and the next name: '(see Hawkins et al. 2016 and Stevenson et al. 2023)'.
# Items part at ";", and at a comma, "and" or a colon after a year ("Hecht and Shlaer, 1936: Kelly, 1974").
# The space after the comma may be missing: '(Cogdell et al., 2006,Cartron et al., 2014)'.
_ITEMS_SPLIT = lazy(rf";|(?:(?<=\d)|(?<=\d[a-z]))(?:,\s*|:\s+|\s+and\s+)(?={PARTICLES}{_CAP})")
# ABNT (Brazil's NBR 10520) parts the authors of one work by semicolons, in capitals: '(SILVA; RESCK; SHARMA, 2002;
# LEMAINSKI; DA SILVA, 2006)' cites two works. A capitalised name with no year before a semicolon is the next
# work's co-author, not a work of its own.
_UPPER_WORD = rf"{_CAP}[A-Z\u00c0-\u00de'\u2019-]+"
_ABNT_COAUTHOR = lazy(rf"(?<![\w-])((?:{_UPPER_WORD}\s)*{_UPPER_WORD});\s+(?={_UPPER_WORD}[;,\s])")
_ONLY_YEARS = lazy(_YEARS)
# A value the source is cited for, before its name: '(CV < 1% Bangsbo and Mohr 2012)', '(r = 0.8 Smith et al. 2010)'.
# A relation sign and a number are no part of a name.
_VALUE_BEFORE = lazy(rf"^[^;]*?[<>=\u2264\u2265]\s*[-\u2212]?\d[\d.,\u00b7]*\s*%?,?\s+(?={PARTICLES}{_CAP})")
# In parentheses, or in brackets (eLife's '(e.g., DNA [Bhardwaj et al., 2006])').
_PAREN = lazy(rf"\((?P<body>[^()\[\]]*?\b{YEAR}[a-z]?[^()\[\]]*?)\)|\[(?P<bbody>[^()\[\]]*?\b{YEAR}[a-z]?[^()\[\]]*?)\]")
# "Brown et al.'s (2012) study": a possessive before the year too.
_NARRATIVE = lazy(rf"(?<![\w'\u2019-])(?P<who>{_NAME}{_TAIL})(?:['\u2019]s)?,?\s*(?P<paren>\((?P<years>{_YEARS})\))")
# Outside parentheses (F1000): 'following the protocol of Frazier *et al.*, 2014', 'Loefer & Sedberry, 2003'.
_BARE = lazy(rf"(?<![\w'\u2019-])(?P<who>{_NAME}(?:\s+[*_]{{0,2}}et\s+al\.?[*_]{{0,2}}|\s+(?:and|&)\s+{_NAME})?),[*_]?\s+"
             rf"(?P<years>{YEAR}[a-z]?)\b(?!\s*[-\u2013])")
_STRONG = lazy(rf"\bet\s+al\b|\s(?:and|&|e|y)\s(?={_CAP})|\s(?:and|&)\s")
# Words that start a parenthesis with a year but name no author: '(since 2009)', '(January 2010)'.
_NOT_NAMES = frozenset("""in since from until before after between during by and or to the a an as of for on at
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec spring summer autumn fall winter phase version updated revised accessed
published effective retrieved last n ages aged as while when recently similarly however thus later also
although whereas unlike like both this these that""".split())


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
                if found[0].year is not None:  # an entry with no year read cannot be said to differ
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


# An organisation's small words ('Academy of ...', 'Agency for ...') and 'and colleagues' are allowed; so are the
# Dutch particles 'ten', 'ter', 'te' ('(ten Cate and Marsh, 1994)').
_NAME_WORDS = lazy(r"(?:and|&|van|von|de|der|den|da|di|du|la|le|del|dos|ten|ter|te|of|for|the|on|in|y|e|colleagues|"
                   r"co-?workers|associates|others|[^\sa-z][^\s]*)[,.*_]*")


def _names_a_source(who: str) -> bool:
    """Names, not words: 'Smith and Jones', 'Buchbinder *et al*.', 'AAOS', 'de Vries'; not 'since', not
    'Heart rate variability: standards ...', not 'Dunwoody, as quoted in Hamilton'."""
    words = who.split()
    first = words[0].strip(".,").lower() if words else ""
    before_et_al = len(words) > 1 and re.match(r"[*_]{0,2}et\b", words[1]) is not None  # 'Jan et al.': a surname
    if not first or (first in _NOT_NAMES and not before_et_al) or first[0].isdigit() or ":" in who or len(words) > 12:
        return False
    plain = re.sub(r"\bet\s+al\b", "et_al", re.sub(r"[*_]", "", who))
    return all(w == "et_al" or w.startswith("et_al") or _NAME_WORDS.fullmatch(w) for w in plain.split())


def _without_opener(who: str) -> str:
    """'As Kallmes et al.' is Kallmes: a capitalised word opening the sentence is not part of the name, nor is
    one set off by a comma ('However, Diener and Clifton', which the three-author form would take for a list)."""
    first, _, rest = who.partition(" ")
    if re.match(r"[*_]{0,2}et\s+al\b", rest):
        return who  # 'Jan et al. (2005)', 'May et al.': before 'et al.' the word is a surname, not a month or opener
    return rest if rest and first.rstrip(",").lower() in _NOT_NAMES else who


def _closes_italics(text: str, end: int) -> bool:
    """'*Social Science & Medicine (1982)*': a year closing an italic span is part of a title (a journal's name
    kept apart from an earlier one of that name), not a citation."""
    return text[end:end + 1] in ("*", "_") and text[:end].count(text[end]) % 2 == 1


def scan_author_year(text: str, index: AuthorYearIndex) -> list[RawMarker]:
    """The author-year citations of a paragraph, each a ``RawMarker`` whose inner lists the entries it names."""
    found: list[RawMarker] = []
    taken: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text):
        numbers, notes, any_item, who = [], [], False, None
        for part in _ITEMS_SPLIT.split(_ABNT_COAUTHOR.sub(r"\1, ", m.group("body") or m.group("bbody"))):
            item = _ITEM.match(part.strip())
            if item:
                # "(KIMS; French validation: Nicastro et al., 2010)": a label before a colon introduces the name
                named = _VALUE_BEFORE.sub("", item.group("who").rsplit(": ", 1)[-1])
                who = named if _names_a_source(named) else None
                years = item.group("years")
            elif who and _ONLY_YEARS.fullmatch(part.strip()):
                years = part.strip()
            else:
                who = None
            if not who:
                continue
            got, said, known = index.resolve(who, years)
            if not known and not _STRONG.search(who):
                continue  # '(Medicare, 2010)': a single unknown word may be a place, a programme or a product
            any_item = True
            numbers += got
            notes += said
        if any_item:
            # Each entry once: '(Nater et al. 2006; 2007)' may tie both years to the one entry the list has.
            inner = ", ".join(map(str, dict.fromkeys(numbers)))
            found.append(RawMarker(m.group(0), inner, m.start(), m.end(), AUTHOR_YEAR, tuple(notes)))
            taken.append((m.start(), m.end()))
    for m in _NARRATIVE.finditer(text):
        start, end = m.start("paren"), m.end("paren")
        who = _without_opener(m.group("who"))
        if any(a <= start < b for a, b in taken) or not _names_a_source(who) or _closes_italics(text, end):
            continue
        got, said, known = index.resolve(who, m.group("years"))
        if not known and not _STRONG.search(who):
            continue
        found.append(RawMarker(m.group("paren"), ", ".join(map(str, got)), start, end, AUTHOR_YEAR, said))
        taken.append((m.start(), end))
    for m in _BARE.finditer(text):
        start, end = m.start(), m.end()
        if any(a <= start < b or a < end <= b for a, b in taken) or not _names_a_source(m.group("who")):
            continue
        got, said, known = index.resolve(m.group("who"), m.group("years"))
        if got and not said:  # a bare name and year is a citation only when it names its entry exactly
            found.append(RawMarker(m.group(0), ", ".join(map(str, got)), start, end, AUTHOR_YEAR))
            taken.append((start, end))
    found.sort(key=lambda r: r.start)
    return found
