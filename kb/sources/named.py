"""Sources a sentence names: authors with years, organisations, trials, and bare years.

Pure: a sentence's text (markers kept as ``[n]``) and a ``SourceIndex`` in,
``Mention`` records with their offsets out. The forms read are the ones
evidence summaries use: ``Zhao (2017)``, ``Smith et al. (2015)``,
``Smith and Jones (2015)``, ``Buchbinder [2009]`` (a bracketed year, not a
citation), ``(Buchbinder 2009``, ``In 2009, Wardlaw reported``, ``A 2016 RCT
by Yang``, ``reported by Klazen in 2010``, ``Smith's 2015 trial``; for a
surname the list knows, ``Hubrecht [63]``, ``Smith and Jones [15]``, ``A, B and C [9]``,
``Smith and (his) colleagues [6]``, ``Landrine & Klonoff, 2003 [46]``, ``Bleakley, who has
estimated`` and ``According to Samuel,``; eponyms before a marker (``kb.sources.eponyms``);
written-out or abbreviated organisations; trial names such as ``the FREE trial``.
A surname without a year counts only when the list knows it as a first author.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kb.patterns import lazy
from kb.sources.eponyms import eponyms
from kb.sources.index import ORG_WORDS, SourceIndex
from kb.sources.mention import Mention
from kb.sources.named_bodies import date_organisations, organisations, trials_named

YEAR = r"(?:19[5-9]\d|20\d{2})"
_PARTICLE = r"(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]i|[Dd]u|[Ll]a|[Ll]e|[Dd]el|[Dd]ella|[Dd]os|[Tt]en|[Tt]er|St\.?)"
_UP = "A-Z\u00c0-\u00de"
_LOW = "a-z\u00df-\u00ff"
_PART = rf"[{_UP}](?:['\u2019][{_UP}])?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?"  # Smith, O'Brien, McConnell, DePalma
_WORD = rf"(?:{_PART}(?:-{_PART})*)"  # Martin-Lopez, Kim-McConnell
NAME = rf"(?:{_PARTICLE}\s+)*{_WORD}(?:\s+{_WORD})?"
_ETAL = r"(?:(?:\s+[A-Z]{1,3})?\s+et\s+al\.?,?)?"  # 'Huespe IA et al.': initials may come before 'et al.'
# The people a named author led: 'Smith and (his) colleagues', 'Mathews and associates'.
GROUP_WORDS = r"(?:(?:his|her|their)\s+)?(?:colleagues|collaborators|co-?workers|associates)"
_VERB = (rf"(?:and\s+{GROUP_WORDS}\s+)?(?:(?:also|had|has|have|then|later|first|recently|previously|independently)\s+)?(?:[a-z]+ed|found|reported|published|conducted|showed|shown|shows|reports|"
         r"finds|concluded|noted|wrote|led|ran|undertook)\b")
# What authors do in a study; 'In 2016, Stryker acquired ...' names a company, not a study.
_RESEARCH_VERB = (r"(?:also\s+|and\s+colleagues\s+)?(?:reported|published|conducted|found|showed|described|"
                  r"evaluated|compared|studied|reviewed|examined|assessed|performed|analy[sz]ed|investigated|"
                  r"randomi[sz]ed|enrolled|treated|followed|observed|noted|concluded|presented|demonstrated|"
                  r"summari[sz]ed|pooled|identified|included|measured|tested|used|reports|finds|shows)\b")
_DOC = (r"(?:guidelines?|guidance|review|study|trial|RCT|meta-analysis|report|statement|appraisal|criteria|"
        r"analysis|update)\b")

# 'studied during the 2009 H1N1 pandemic by Anovadiya et al. [17]': the year dates an event the work was done in, not
# the work ('A 2016 RCT by Yang' dates the work).
_EVENT = r"(?:pandemic|epidemic|outbreak|season|wave|crisis|earthquake|tsunami|hurricane|war|census|election)s?\b"
# A name is found once per sentence; the forms are short patterns on the text just after or before it.
_START = r"(?<![\w'\u2019-])"  # a name starts a word
# The lookahead holds the letters a name can open with (a capital, or a particle's v, d, l, t): it changes no
# match, but the engine tries the costlier lookbehind at far fewer places (about 40% less time a sentence).
_NAME_AT = lazy(rf"(?=[{_UP}vdlt]){_START}(?P<name>{NAME})")
_SECOND = r"(?:[a-z]{1,4}\s+)?[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?"
# (pattern the text after the name must start with, pattern the text before must end with, the
# endings that text can have at all), most specific first. The endings are tested first: cheap.
_FORMS = tuple((lazy(after) if after else None, lazy(before) if before else None, ends) for
               after, before, ends in (
    (rf"\s+(?:and|&)\s+(?P<second>{_SECOND}){_ETAL}\s*[(\[](?P<year>{YEAR})[a-z]?[)\]]", None, None),  # A and B (2015)
    (rf"{_ETAL}(?:['\u2019]s)?\s*[(\[](?P<year>{YEAR})[a-z]?[)\]]", None, None),  # Zhao (2017), Buchbinder [2009]
    (rf"{_ETAL}\s+(?P<year>{YEAR})[a-z]?\b", r"\($", ("(",)),  # (Buchbinder 2009
    (rf"{_ETAL}(?=\s+{_RESEARCH_VERB})", rf"\b[Ii]n\s+(?P<year>{YEAR}),?\s+$", tuple("0123456789,")),  # In 2009, Wardlaw
    (None, rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+)?(?P<year>{YEAR})\s+(?:(?!{_EVENT})[\w-]+\s+){{0,5}}?(?:by|from)\s+$",
     ("by", "from")),  # A 2016 RCT by Yang
    (rf"(?:\s+(?:and|&)\s+(?P<second>{_SECOND}))?{_ETAL}\s+in\s+(?P<year>{YEAR})\b", r"\bby\s+$",
     ("by",)),  # reported by Klazen in 2010, by Hunter and Lillehei in 1958
    (rf"(?:['\u2019]s|(?<=s)['\u2019])\s+(?:(?P<year>{YEAR})\s+)?(?:[\w-]+\s+){{0,2}}?"
     r"(?:study|trial|RCT|review|meta-analysis|analysis|report|series)\b", None, None),  # Smith's 2015 trial
    # 'Smith et al. in 2010 reported', 'Reid and his colleagues in 1985, assessed': a led group dated as it acts
    (rf"(?:(?:\s+[A-Z]{{1,3}})?\s+et\s+al\.?|\s+and\s+{GROUP_WORDS}),?\s+in\s+(?P<year>{YEAR}),?"
     rf"(?=\s+(?:[a-z]+\s+)?{_RESEARCH_VERB})", None, None),
    # 'the Prymula study gave', 'in the Biesiekierski study': a study known by its first author's name
    # ('the Boonen et al. study [20]' is read as 'Boonen et al.', below: the authors named as such)
    (r"\s+(?:study|trial|cohort|series|report|review|meta-analysis)\b", r"\b[Tt]he\s+$", ("the", "The")),
    (r"(?:\s+[A-Z]{1,3})?\s+et\s+al\b", None, None),  # Smith et al., Singh VP et al. (no year)
))
# A surname with no year counts only when the list knows it as a first author.
# ('Bleakley, who has estimated', 'According to Samuel,' count as well.)
# 'Wu and Burgess concluded': a co-author may stand between the name and what they did.
_BARE = (re.compile(rf"(?=(?:\s+(?:and|&)\s+{_SECOND})?(?:,?\s+who)?\s+{_VERB})"),
         re.compile(r"(?:\bby|\b[Aa]ccording\s+to)\s+$"))
# Forms that tie a name to the marker right after it, or date it the zoologists' way: they count
# only for surnames the list knows as authors ('Hubrecht [63] featured', 'Smith and Jones [15]',
# 'Bastiani and colleagues [35]', 'Paweska and others [24]', 'Snoke et al. 2007 [42]', 'Lopes et al [13]
# (2007)'). A zoologist's 'Petuch, 2002 [2]' names a taxon's author, not the source.
_GROUP = r"(?:(?:his|her|their)\s+)?(?:colleagues|collaborators|co-?workers|coworkers|associates|others)\b"
_CO = rf"(?:\s+(?:and|&)\s+(?P<second>{_SECOND}))?"
_TIED = (
    # 'Lopes et al [13] (2007)', 'Koray, et al. [8] (2014)', 'Goldenberg [50] (2010) stated': the year printed
    # just after the marker
    re.compile(rf"{_CO}(?:,?\s+et\s+al\.?,?)?\s*(?=\[[\d\s,\u2013-]+\]\s*\((?P<year>{YEAR})[a-z]?\))"),
    # 'contributed by True et al. [332] in 2006', 'the study of Christenson [6], in 1998, resulted'
    re.compile(rf"{_CO}(?:\s+et\s+al\.?,?)?\s*(?=\[[\d\s,\u2013-]+\],?\s+in\s+(?P<year>{YEAR})\b(?!\s*[-\u2013]))"),
    # '(van Tulder et al [26], 2003)', a table's '| Fukui et al. [8], 2012 |': the year closes the group or cell
    re.compile(rf"{_CO}(?:\s+et\s+al\.?,?)?\s*(?=\[[\d\s,\u2013-]+\],\s*(?P<year>{YEAR})[a-z]?\s*(?:\)|\||$))"),
    # 'Snoke et al. 2007 [42]', a footnote's 'Estimate from Edmunds et al. 1993. [45]'
    re.compile(rf"{_CO}(?:\s+et\s+al\.?,?)?\s+(?P<year>{YEAR})[a-z]?\.?\s*(?=\[\d)"),
    re.compile(rf"{_CO}\s+et\s+al\.?,\s*(?P<year>{YEAR})[a-z]?\s*(?=\[\d)"),  # Cummings et al., 1997 [27]
    # 'Landrine & Klonoff, 2003 [46]', 'Hyland, Cummings, and Seiwell, 2000 [22]': two or more authors
    # and a year are a citation (one name and a year may be a taxon's author).
    re.compile(rf"(?:,\s+{_SECOND})*,?\s+(?:and|&)\s+(?P<second>{_SECOND}),\s*(?P<year>{YEAR})[a-z]?\s*(?=\[\d)"),
    re.compile(rf"{_CO}(?:{_ETAL}|\s+and\s+{_GROUP})(?:['\u2019]s)?\s*(?=\[\d)"),
    re.compile(rf"(?:,\s+{_SECOND})+,?\s+(?:and|&)\s+(?P<second>{_SECOND})\s*(?=\[\d)"),  # A, B and C [9]
)
_N_DATED_TIED = 6  # the first six forms carry a year
# The sentence opens with the year, right before the name, perhaps after one linking word ('However, in 2012,').
_IN_YEAR = lazy(rf"^(?:[A-Z][a-z]+,\s+)?(?P<in>[Ii]n\s+(?P<year>{YEAR})),?\s+$")
_MARKER_NEXT = lazy(r"\.?,?\s*\[\d")
_PARTICLE_RX = re.compile(_PARTICLE)
_YEAR_ONLY = tuple(re.compile(p) for p in (
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?:(?:updated|revised|new|earlier|later|recent|joint)\s+)?(?P<year>{YEAR})\s+(?:[\w-]+\s+){{0,4}}?{_DOC}",
    rf"\b[Ii]n\s+(?P<year>{YEAR})\s*[.,;:]?\s*(?=\[)",
    rf"^In\s+(?P<year>{YEAR})\b",
))
_A_YEAR = lazy(r"(?:19|20)\d\d")
_PLACE_WORD = lazy(r"\s(?:County|Province|Prefecture|District|Region|Municipality|Township|Village|City)$")
# 'National Bureau of Statistics (2006)', 'Office for National Statistics (2010)': the words after a body's
# 'of' or 'for' finish its name; they are no author.
_BODY_OF = lazy(r"\b(?:Bureau|Office|Ministry|Department|Institute|Agency|Cent(?:re|er)s?|Council|Commission|Board|"
                r"Directorate|Division|Academy|Society|Association|Federation|Organi[sz]ation)\s+(?:of|for)\s+"
                r"(?:the\s+)?$")
# 'World Health Survey (2004)', 'Census (1989 and 1999)': a data source named by what it is, not by an author.
_SOURCE_NOUN = lazy(r"\b(?:Surveys?|Census(?:es)?|Questionnaires?|Registry|Registries|Register|Database|Statistics|"
                    r"Yearbook|Atlas)$")
_STOP = frozenset("""In The A An This These That Those Both All Each Most Other Another One Two Three Four Five Six
    Since From After Before During Although However Furthermore Moreover Additionally Also Using According
    Updated Revised Published Recently Similarly Meanwhile Overall Results Patients Participants Authors
    January February March April May June July August September October November December Table Figure
    Trial Study Review Report Guideline Guidelines Phase Level Grade Class Version Cochrane Medicare""".split())


# Every form that reads the text after a name, as one pattern (group names dropped): where it does not match
# right after a candidate and no form that reads the words before it can apply, no form does, and the dozen
# tries for each capitalised word ('Further', 'For') are spared. Same flags as the forms: none.
_ANY_AFTER = lazy("|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', p)})" for p in (
    *(after.pattern for after, _, _ in _FORMS if after), *(rx.pattern for rx in _TIED), _BARE[0].pattern)))


def _may_name(text: str, end: int, before: str) -> bool:
    """False only when no form can read a source around a name ending at ``end`` (see _ANY_AFTER)."""
    return bool(_ANY_AFTER.match(text, end) or before.rstrip().endswith(("by", "from"))
                or before.endswith(("by ", "to ")))


def _words_after_stop(name: str) -> list[str]:
    words = name.split()
    while words and (words[0] in _STOP or words[0].split("-")[0] in _STOP):
        words = words[1:]
    return words


def _resolve(name: str, start_of_sentence: bool, index: SourceIndex) -> str | None:
    """The surname inside a matched name: 'Using Smith' -> 'Smith'; None when it is no name."""
    words = _words_after_stop(name)
    if not words:
        return None
    full = " ".join(words)
    if len(words) == 2 and not _PARTICLE_RX.fullmatch(words[0]) and not index.is_known_surname(full):
        if index.is_known_surname(words[1]) or (start_of_sentence and name.split()[0] == words[0]):
            return words[1]
    return full


# 'dated to 145 Ma [95]': a word right after a number that is not a year is its unit (mega-annum), not the surname
# Ma; 'In 2010 Ma et al. [5]' still names Ma.
_QUANTITY_BEFORE = lazy(r"(?<![\w.,])(?!(?:1[89]|20)\d\d\s?$)\d+(?:[.,]\d+)?\s?$")


def _people(text: str, index: SourceIndex) -> list[Mention]:
    found = []
    for m in _NAME_AT.finditer(text):
        start, end = m.span("name")
        before = text[max(0, start - 70): start]
        # A candidate of stop words only ('In', 'The') resolves to no name whatever form fits it.
        if not _words_after_stop(m.group("name")) or not _may_name(text, end, before) or _QUANTITY_BEFORE.search(before):
            continue
        mention = (_tied_form(text, m.group("name"), start, end, index, _TIED[:_N_DATED_TIED])
                   or _dated_form(text, m.group("name"), start, end, before, index)
                   # 'introduced by Catchpole and Morgan [4]': the tie to the marker beats 'by Catchpole'
                   or _tied_form(text, m.group("name"), start, end, index, _TIED[_N_DATED_TIED:]))
        if mention is None and (_BARE[0].match(text, end) or (before.endswith(("by ", "to ")) and _BARE[1].search(before))):
            name = _resolve(m.group("name"), start == 0, index)
            if name and index.first_author_matches(name):
                mention = Mention("person", m.group("name"), start, end, name)
        if mention and mention.year is None and mention.text[:4] in ("the ", "The ") \
                and not index.is_known_surname(mention.name):
            mention = None  # 'the LIFE trial', 'the Rotterdam study': named for a trial or a place, not an author
        if mention and mention.year is None and _MARKER_NEXT.match(text, mention.end):
            mention = _opening_year(text, mention)
        # 'the European Dialysis and Transplant Association (2021)' names a body, not two authors, and
        # 'Nangqian County (2004)' a place and its year
        if mention and not any(ORG_WORDS.search(w or "") for w in (m.group("name"), mention.second)) \
                and not _PLACE_WORD.search(m.group("name")) and not _BODY_OF.search(before) \
                and not _SOURCE_NOUN.search(m.group("name")):
            found.append(mention)
    return found


def _dated_form(text: str, raw: str, start: int, end: int, before: str, index) -> Mention | None:
    """The first form that fits around a name: 'Zhao (2017)', 'In 2009, Wardlaw', 'by Klazen in 2010' ..."""
    tail = before.rstrip()
    for after_rx, before_rx, ends in _FORMS:
        if ends and not tail.endswith(ends):
            continue
        a = after_rx.match(text, end) if after_rx else None
        if after_rx and not a:
            continue
        b = before_rx.search(before) if before_rx else None
        if before_rx and not b:
            continue
        name = _resolve(raw, start == 0, index)
        if not name:
            return None
        groups = {**(b.groupdict() if b else {}), **(a.groupdict() if a else {})}
        year = int(groups["year"]) if groups.get("year") else None
        first = start - (len(before) - b.start()) if b else start
        last = a.end() if a else end
        return Mention("person", text[first:last], first, last, name, year, second=groups.get("second"))
    return None


def _tied_form(text: str, raw: str, start: int, end: int, index, forms) -> Mention | None:
    """'Hubrecht [63]', 'Smith and colleagues [6]', 'Snoke et al. 2007 [42]': only a surname the list knows."""
    for rx in forms:
        a = rx.match(text, end)
        if not a:
            continue
        name = _resolve(raw, start == 0, index)
        if not name or not index.is_known_surname(name):
            return None
        year = int(a.group("year")) if a.groupdict().get("year") else None
        opening = None if year else _IN_YEAR.search(text, 0, start)  # 'In 1999 Shah [1] and others said'
        if opening:
            return Mention("person", text[opening.start("in"):a.end()], opening.start("in"), a.end(), name,
                           int(opening.group("year")), second=a.group("second"))
        return Mention("person", text[start:a.end()], start, a.end(), name, year, second=a.group("second"))
    return None


def _opening_year(text: str, mention: Mention) -> Mention:
    """'In 2003, van Ooij et al. [5] reported': a sentence that opens with a year and then names the author of
    the marker right after the name dates that source (the form with a verb right after the name is in _FORMS)."""
    opening = _IN_YEAR.search(text, 0, mention.start)
    if not opening:
        return mention
    return replace(mention, text=text[opening.start("in"):mention.end], start=opening.start("in"),
                   year=int(opening.group("year")))


def _years(text: str) -> list[Mention]:
    return [Mention("year", m.group(0), m.start("year"), m.end("year"), year=int(m.group("year")))
            for rx in _YEAR_ONLY for m in rx.finditer(text)]


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Earlier kinds win (people, then organisations, trials, bare years); then the longer match."""
    kept: list[Mention] = []
    for m in mentions:
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def read_mentions(text: str, index: SourceIndex) -> list[Mention]:
    """Every source the sentence names, in reading order, overlaps resolved."""
    people = sorted(_people(text, index), key=lambda m: (m.year is None, m.start, -(m.end - m.start)))
    if "[" in text:
        people += [Mention("person", text[a:b], a, b, name, year, eponym=True) for a, b, name, year in eponyms(text, index)]
    orgs = organisations(text, index)  # definitions first: they carry both name and acronym
    trials = trials_named(text, index) if (index.trials or " trial" in text or " stud" in text) else []
    years = _years(text) if _A_YEAR.search(text) else []
    mentions = _without_overlaps(people + orgs + trials + years)
    return date_organisations(mentions, text)
