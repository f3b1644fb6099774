"""Organisations and trials a sentence names, and the year that dates an organisation's source.

Part of ``kb.sources.named`` (its people and years stay there): pure functions from a sentence's text and a
``SourceIndex`` to ``Mention`` records.
"""
from __future__ import annotations

from dataclasses import replace

from kb.patterns import lazy
from kb.sources.index import ORG_WORDS, SourceIndex, fold_words, org_definitions
from kb.sources.mention import Mention

_TRIAL_CONTEXT = lazy(r"\b(?P<trial>[A-Z][A-Z0-9-]{2,}(?:\s+[IVX]{1,4})?)\s+(?:[Tt]rial|[Ss]tudy)\b")
_ACRONYM = lazy(r"(?=[A-Z])(?<![\w-])[A-Z][A-Z]+(?![\w-])")  # the lookahead: a capital must stand there


def organisations(text: str, index: SourceIndex) -> list[Mention]:
    found = []
    if "(" in text:
        for start, end, name, acronym in org_definitions(text, positions=True):
            found.append(Mention("org", text[start:end], start, end, name, acronym=acronym))
    if ORG_WORDS.search(text):
        folded = fold_words(text)
        for key, written in index.org_names.items():
            if key in folded:
                for m in index.org_pattern(written).finditer(text):
                    found.append(Mention("org", m.group(0), m.start(), m.end(), written))
    for m in _ACRONYM.finditer(text) if index.org_acronyms else ():
        if m.group(0) in index.org_acronyms:
            found.append(Mention("org", m.group(0), m.start(), m.end(), None, acronym=m.group(0)))
    return found


def trials_named(text: str, index: SourceIndex) -> list[Mention]:
    found = [Mention("trial", m.group("trial"), m.start(), m.end(), m.group("trial").upper())
             for m in _TRIAL_CONTEXT.finditer(text) if m.group("trial") not in index.org_acronyms]
    known = index.trial_pattern()
    if known:
        for m in known.finditer(text.upper()):
            if _as_a_name(text, m.start(), m.end()):
                found.append(Mention("trial", text[m.start():m.end()], m.start(), m.end(), m.group(0)))
    return found


_TRIAL_WORD_AFTER = lazy(r"\s+(?:[Tt]rials?|[Ss]tud(?:y|ies))\b")


def _as_a_name(text: str, start: int, end: int) -> bool:
    """Is a known trial's name written as one? Trials are often named with words ('LIFE', 'INFANT', 'HOPE'): the
    word in lower case, or in a compound ('half-life'), is the word; a capitalised word names the trial only before
    'trial' or 'study'. Capitals, or a name with its numeral ('Vertos II'), name it."""
    written = text[start:end]
    if written.isupper():
        return True
    if written.islower() or (start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()):
        return False
    return not written.isalpha() or _TRIAL_WORD_AFTER.match(text, end) is not None


# A figure between the organisation and the year ("the FAO, with 240,780 million metric tons produced in 2013 [1]"):
# the year dates the figure, not the source that reports it.
_FIGURE = lazy(r"\d[\d,.]*\s*(?:%|[a-z]+)")


# A year after 'conducted in', 'held in' dates an event the sentence tells of ('issued ... case definitions based on
# the systematic review ... conducted in 2022 (12)'), not the document the body published.
_EVENT_YEAR = lazy(r"\b(?:conducted|performed|carried\s+out|undertaken|held|convened)\s+(?:in|during)\s+$")
# 'In 2016, the prevalence ... was 25.1%, according to WHO estimates [4]': a body named only as whose figures
# they are leaves the year to the figures (the year they describe), not to the source the marker cites.
_ATTRIBUTED = lazy(r"\baccording\s+to\s+(?:the\s+)?$")


def date_organisations(mentions: list[Mention], text: str) -> list[Mention]:
    """'In 2010, the AAOS ...' or '... the ACR ... in 2014 [73]': one organisation and one year are one source."""
    orgs = [m for m in mentions if m.kind == "org"]
    years = [m for m in mentions if m.kind == "year"]
    if len(years) != 1 or not orgs or _distinct(orgs) > 1:
        return mentions
    year = years[0]
    if year.start > orgs[-1].end and _FIGURE.search(text, orgs[-1].end, year.start):
        return mentions
    if _EVENT_YEAR.search(text, max(0, year.start - 40), year.start):
        return mentions
    if year.end <= orgs[0].start and all(_ATTRIBUTED.search(text, max(0, m.start - 20), m.start) for m in orgs):
        return mentions
    return [replace(m, year=years[0].year) if m.kind == "org" else m for m in mentions if m.kind != "year"]


def _distinct(orgs: list[Mention]) -> int:
    """How many organisations: 'American College of Radiology (ACR)' and a later 'ACR' are one."""
    groups: list[set] = []
    for m in orgs:
        keys = {k for k in (m.acronym, m.name and fold_words(m.name)) if k}
        for group in groups:
            if group & keys:
                group |= keys
                break
        else:
            groups.append(keys)
    return len(groups)
