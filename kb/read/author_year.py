"""Author-year citations: a reference list printed without numbers, and a text that cites it by name and year.

Some issuers print their references alphabetically, without numbers, and cite them in the text as
``(Buchbinder et al., 2009)``, ``(Staples et al, 2011; Firanescu et al, 2018)``, ``Kallmes and
colleagues (2009)`` or ``(AAOS, 2010)``. The reader numbers such a list in its printed order and ties each
citation to the entry of that first author and year, so that the checks, tables and pages built on numbered
markers work unchanged; the policy text stays as printed. A citation the list cannot answer for stays a
marker without numbers, with a note that CIT107 reports.

Pure: a line of text and the entries in, ``RawMarker`` records out. The list itself is read by
``kb.read.author_year_list``, and a cited name is looked up in it by ``kb.read.author_year_index``.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.author_year_index import AuthorYearIndex
from kb.read.author_year_list import CAPITAL, PARTICLES, YEAR
from kb.read.markers import RawMarker

AUTHOR_YEAR = "author-year"

# A letter after the year may be set in italics, as in the list: 'O'Mahen *et al.* 2013*b*'.
_LETTER = r"(?:[a-z]|[*_][a-z][*_])"
# '2002, 2003', '2007a,b', '2015 and 2017'
_YEARS = rf"{YEAR}{_LETTER}?(?:(?:\s*,\s*|\s+and\s+)(?:{YEAR}{_LETTER}?|{_LETTER}\b))*"
_CAP = CAPITAL
# Portuguese 'e' and Spanish 'y' join the last two names ('Esteves, Abud e Barcellos (2015)'); 'et al.' may be set in
# italics ('Tedesco *et al*. (1995)').
# Wiley sets the hyphen of a double surname as U+2010 ('Klasko\u2010Foster et al. (2020)'): a letter of the name too.
# A possessive is no surname of a list of names ('National Collaborating Centre for Women's and Children's Health
# (2004)'); 'Smith's (2004) trial' is read with its possessive apart, after the names.
_NAME = rf"{PARTICLES}{_CAP}[\w'\u2019\u00c0-\u00ff\u2010\u2011-]+(?<!['\u2019]s)(?:\s+{_CAP}[a-z\u00df-\u00ff][\w'\u2019\u00c0-\u00ff\u2010\u2011-]*)?"
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
_NARRATIVE = lazy(rf"(?<![\w'\u2019\u2010\u2011-])(?P<who>{_NAME}{_TAIL})(?:['\u2019]s)?,?\s*(?P<paren>\((?P<years>{_YEARS})\))")
# Outside parentheses (F1000): 'following the protocol of Frazier *et al.*, 2014', 'Loefer & Sedberry, 2003'.
_BARE = lazy(rf"(?<![\w'\u2019\u2010\u2011-])(?P<who>{_NAME}(?:\s+[*_]{{0,2}}et\s+al\.?[*_]{{0,2}}|\s+(?:and|&)\s+{_NAME})?),[*_]?\s+"
             rf"(?P<years>{YEAR}[a-z]?)\b(?!\s*[-\u2013])")
_STRONG = lazy(rf"\bet\s+al\b|\s(?:and|&|e|y)\s(?={_CAP})|\s(?:and|&)\s")
# Words that start a parenthesis with a year but name no author: '(since 2009)', '(January 2010)'.
_NOT_NAMES = frozenset("""in since from until before after between during by and or to the a an as of for on at
january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec spring summer autumn fall winter phase version updated revised accessed
published effective retrieved last n ages aged as while when recently similarly however thus later also
although whereas unlike like both this these that""".split())


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
