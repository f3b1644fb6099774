"""A trial's sizes as the text gives them, sentence by sentence: totals, arms, follow-up counts (pure).

A policy rarely prints a trial's numbers in one sentence: the size is where
the trial is introduced ("a trial of 300 patients"), the arms in the next
sentence ("The Kiva group included 153 patients and the KP group included
147 patients"), follow-up counts further on ("Complete data were available
for 67 (86%) of participants at 12 months"). This module reads each of those
on its own; ``kb.estimates.trial_links`` ties them to papers and
``kb.estimates.agreement`` holds them together.

Only plain forms are read, and a number is left out when the words around it
say it is not the trial's size: approximate ("about 300"), a range ("100-120
patients"), a subgroup or a later count ("of whom", "in the subgroup", "the
285 treated patients", "at 12 months"), people screened or eligible, a count of
trials or places ("All 3 trials included women"), people from one arm ("27 men
from the control condition"), or a planned size ("100 per group").
"""
from __future__ import annotations

import re

from kb.needles import fold_case
from kb.patterns import lazy
from .numbers import WORD_NUMBER, word_or_number

_INT = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
# "One hundred one", "two hundred and twelve", "forty-two", "202". Number words are read where a sentence
# opens with them ("One hundred one subjects were enrolled into ..."); elsewhere policies print digits, and
# every pattern holding the words costs start-up time to compile.
_COUNT = rf"\b(?:{_INT}|(?:{WORD_NUMBER})(?:\s+hundred(?:\s+(?:and\s+)?(?:{WORD_NUMBER}))?)?)"
_PEOPLE_WORDS = ("patients", "participants", "subjects", "individuals", "adults", "people", "persons", "women", "men",
                 "children", "volunteers")
_PEOPLE = rf"(?:{'|'.join(_PEOPLE_WORDS)})"
_NOT_SIZE = (r"treated|eligible|evaluable|screened|remaining|analy[sz]ed|assessed|followed|available|completing|"
             r"additional|other|more|affected|excluded|withdrawn|lost|responders?|new|older|younger|elderly|those")
# (?=...): what a count opens with, a digit or a number word's first letter, before the lookbehind (as in counts)
_TOTAL = lazy(
    rf"(?=[\dtfesno])(?<![\d.,\-\u2013])(?P<n>{_COUNT})\s+(?P<between>(?:[\w-]+\s+){{0,2}}?){_PEOPLE}\b(?!\s*\(\s*\d+(?:\.\d+)?\s?%)", re.IGNORECASE)
_TOTAL_N = lazy(rf"(?:\bN\s*=\s*|\b(?i:{_PEOPLE})\s*\(\s*\$?\s*n\s*=\s*)(?P<n>{_INT})\b(?!\s*[\-\u2013])")
# Plain substrings first: most sentences name no people at all, and a substring test is far cheaper than a
# case-insensitive search for any of the words.
_SIZE_HINTS = ("patient", "participant", "subject", "individual", "adult", "people", "person", "women", "men",
               "children", "volunteer", "n=", "n =")
_SIZE_WORD = lazy(rf"{_PEOPLE}|\bN\s*=", re.IGNORECASE)
# "All 3 trials included women ...", "five studies enrolled patients": the number counts trials or places, not
# people (a plural unit noun straight after it); "300 trial participants" (singular) is still a size.
_UNIT_COUNTED = lazy(r"(?:trials|studies|RCTs|cohorts|centres|centers|sites|hospitals|countries|clinics|practices|"
                     r"reviews|meta-analyses)\s", re.IGNORECASE)
_N_EQUALS = lazy(r"\bn\s*=")  # 'N =' in a lowered text
_TRIAL_WORDS = lazy(r"\b(?:trials?|RCTs?|randomi[sz]ed|enrolled|recruited|included|including|study|studies|"
                          r"conducted|participants|comparing|compared)\b", re.IGNORECASE)
# Words just before a number that make it something other than the trial's size.
# A number after a label word names a kind or a time, not people: 'type 2 diabetic patients', 'phase 3 patients'.
_BEFORE_BAD = lazy(
    r"(?:\b(?:type|phase|grade|stage|class|level|wave|day|week|visit)|\bthe|\d\s+of|\bout of|(?:group|arm)\s+(?:included|comprised|consisted of|had|enrolled|contained)|\bamong|\bwhom|\bthese|\bapproximately|\babout|\baround|\bnearly|\balmost|\bover|"
    r"\bmore than|\bfewer than|\bless than|\bat least|\bup to|\bunder|\bsome|\broughly|\bonly|\ban additional|"
    r"\bfurther|\bremaining|~|[<>\u2264\u2265]|\d\s*(?:-|\u2013|to|and)|\bmillion|\bthousand)\s*$",
    re.IGNORECASE)
# '27 men from the control condition gave their consent ...': people drawn from one arm are part of it, not the size.
# '14 subjects requiring a revision procedure': people with an event, not the trial's size.
# '11 participants in each class', '20 patients per centre': the size of each of several units, not the trial's.
# 'A total of 34 patients were not included in this analysis': people left out are not the size either.
_AFTER_BAD = lazy(r"^\s*(?:who were (?:eligible|screened|assessed for)|were (?:eligible|screened)|eligible|"
                        r"(?:who\s+)?(?:were|was)\s+(?:not\s+(?:included|enrolled|randomi[sz]ed|eligible|analy[sz]ed)|"
                        r"excluded|ineligible)|"
                        r"requiring|experiencing|developing|needing|suffering|"
                        r"screened|per [\w-]+|in (?:each|every) [\w-]+|each|of (?:the|all|these|those)|"
                        r"(?:from|in) (?:the|each|either|both) (?:[\w-]+ ){0,2}?(?:groups?|arms?|conditions?))\b",
                        re.IGNORECASE)
_SUBGROUP = lazy(r"\bsub-?groups?\b|\bsubsets?\b|\bof whom\b|\bof which\b|\bof these\b|\bamong (?:them|these|those)\b|"
                       r"\bsubsample\b|\bsensitivity analys", re.IGNORECASE, gated=True)
_LATER = lazy(r"\bat (?:\d+|one|two|three|four|five|six|twelve|eighteen|twenty-four)[\s-]+"
                    r"(?:days?|weeks?|months?|years?)\b|\bfollow-?up\b|\bcomplet\w*|\bassessed\b|\banaly[sz]ed\b|"
                    r"\bavailable\b|\bfollowed\b|\bretained\b|\bremained\b|\blost\b|\bdropped\b|\bwithdr[ae]w",
                    re.IGNORECASE)
# "the 285 treated patients", "100 per group": arms in such a clause are of a subset, or planned.
_SUBSET = lazy(rf"\b\d[\d,]*\s+(?:{_NOT_SIZE})\s+{_PEOPLE}\b|\bper (?:group|arm)\b", re.IGNORECASE)
_ARM_LABEL = r"[A-Za-z\u00ae][\w\u00ae'\-]*(?:\s+[\w\u00ae'\-]+){0,4}?"
# "... and 122 to sham": a further arm, read only beside an arm in one of the other forms
_FURTHER_ARM = lazy(rf"\b(?:and|or)\s+(?P<n>{_INT})\s+(?:{_PEOPLE}\s+)?(?:to|into|in)\s+(?:receive\s+)?"
                          rf"(?:the\s+)?(?P<label>{_ARM_LABEL})(?=\s*(?:,|;|\.|\band\b|\bor\b|$))", re.IGNORECASE)
_ARMS = (
    # "the Kiva group included 153 patients"
    lazy(rf"\bthe\s+(?P<label>{_ARM_LABEL})\s+(?:group|arm)\s+(?:included|comprised|consisted of|had|"
               rf"enrolled|contained|numbered)\s+(?P<n>{_INT})\b", re.IGNORECASE),
    # "101 subjects were enrolled into the treatment group", "and 101 into the control arm"
    lazy(rf"(?=[\dtfesno])(?<![\d.,])(?P<n>{_COUNT})\s+(?:{_PEOPLE}\s+)?(?:(?:were|was)\s+)?(?:(?:randomi[sz]ed|assigned|"
               rf"allocated|enrolled|included|placed)\s+)?(?:in|into|to)\s+(?:the\s+)?(?P<label>{_ARM_LABEL})\s+"
               rf"(?:group|arm)\b", re.IGNORECASE),
    # "91 were randomized to vertebroplasty"
    lazy(rf"(?=\d)(?<![\d.,])(?P<n>{_INT})\s+(?:{_PEOPLE}\s+)?(?:were|was)\s+(?:randomi[sz]ed|assigned|allocated)"
               rf"\s+to\s+(?:receive\s+)?(?P<label>{_ARM_LABEL})(?=\s*(?:,|;|\.|\band\b|\bor\b|$))", re.IGNORECASE),
    _FURTHER_ARM,
    # "vertebroplasty (n=91) ... sham procedure (n=89)"
    lazy(rf"(?P<label>[A-Za-z][\w\-]*)\s*\(\s*n\s*=\s*(?P<n>{_INT})\s*\)", re.IGNORECASE),
)
_NAMES_ITS_ARM = 2  # the first two forms end in "group" or "arm": a sentence without either word skips them
_N_FORM = len(_ARMS) - 1  # the last form, "(n=91)", holds an "=": a sentence without one skips it


def _arm_matches(text: str):
    """Every match of the _ARMS forms in ``text``, form by form. The two forms that end in "group" or "arm"
    (tried at every number, or every "the", of the text) are skipped when neither word is in it."""
    low = text.lower()
    named = "group" in low or "arm" in low
    for k, rx in enumerate(_ARMS):
        if (k >= _NAMES_ITS_ARM or named) and (k != _N_FORM or "=" in text):
            yield from ((m, rx) for m in rx.finditer(text))


DIGIT = lazy(r"\d")
_ARM_CUE = lazy(r"\b(?:group|arm|randomi[sz]ed|assigned|allocated|enrolled)\b|\(\s*n\s*=", re.IGNORECASE)
_CUE_WORDS = ("group", "arm", "randomi", "assigned", "allocated", "enrolled")


def _arm_cued(text: str) -> bool:
    """``_ARM_CUE.search(text)``, after substring tests that rule most sentences out: none of its words in
    the lowered text (where lowering is exact, kb.needles) and no '='."""
    low = fold_case(text)
    if low is not None and "=" not in text and not any(w in low for w in _CUE_WORDS):
        return False
    return bool(_ARM_CUE.search(text))
# (?=\d): the lookbehind tried only where a digit stands; the same matches, in a third of the time
_PERCENT_COUNT = lazy(rf"(?=\d)(?<![\d.,/])(?P<c>{_INT})\s*\(\s*(?P<p>\d+(?:\.\d+)?)\s?%\s*\)")
_OF_EVERYONE = lazy(rf"\bof (?:the |all )?(?:{_PEOPLE}|randomi[sz]ed)\b", re.IGNORECASE)
_DENOMINATOR = lazy(r"^\s*(?:of|out of)\s+(?:the\s+)?\d", re.IGNORECASE)
_FOLLOWED = lazy(rf"(?=\d)(?<![\d.,])(?P<n>{_INT})\s+(?:{_PEOPLE}\s+)?(?:\(\s*\d+(?:\.\d+)?\s?%\s*\)\s+)?"
                       r"(?:completed|were (?:followed|assessed|analy[sz]ed|evaluated|available))\b", re.IGNORECASE)
_FOLLOW_WORDS = lazy(r"\bcomplet\w*|\bassessed\b|\bfollowed\b|\bfollow-?up\b|\banaly[sz]ed\b|\bavailable\b|"
                           r"\bevaluated\b|\bretained\b", re.IGNORECASE, gated=True)
_GROUP = lazy(r"\b(?:groups?|arms?|controls)\b", re.IGNORECASE)
_MORE_GROUPS = lazy(r"\b(?:three|four|five|3|4|5)[\s-](?:arms?|groups?)\b|\bthree-arm", re.IGNORECASE, gated=True)


def count_value(text: str) -> int | None:
    """'202' -> 202, 'One hundred one' -> 101, 'forty-two' -> 42."""
    words = text.lower().replace(" and ", " ").split()
    if "hundred" in words:
        at = words.index("hundred")
        head = word_or_number(" ".join(words[:at]))
        tail = word_or_number(" ".join(words[at + 1:])) if words[at + 1:] else 0
        return None if head is None or tail is None else head * 100 + tail
    return word_or_number(text)


def _clause(text: str, pos: int) -> str:
    start = max(text.rfind(";", 0, pos), text.rfind(". ", 0, pos)) + 1
    ends = [i for i in (text.find(";", pos), text.find(". ", pos)) if i >= 0]
    return text[start:min(ends) if ends else len(text)]


def _names_people(text: str) -> bool:
    """``_SIZE_WORD.search(text)``, as substring tests of the lowered text where lowering is exact (a search
    for the case-insensitive alternation stops at every letter a word opens with)."""
    low = fold_case(text)
    if low is None:
        return bool(_SIZE_WORD.search(text))
    return any(w in low for w in _PEOPLE_WORDS) or ("n" in low and bool(_N_EQUALS.search(low)))


def totals(text: str) -> list[tuple[int, str, int]]:
    """(offset, as printed, value) of each number that reads as a trial's size."""
    low = text.lower()
    if not any(w in low for w in _SIZE_HINTS) or not _names_people(text) or not _TRIAL_WORDS.search(text):
        return []
    out = []
    as_arm = {m.start("n") for m, _ in _arm_matches(text)
              if not re.match(_PEOPLE, m.groupdict().get("label") or "", re.I)} if _arm_cued(text) else set()
    for m in list(_TOTAL.finditer(text)) + list(_TOTAL_N.finditer(text)):
        if m.start("n") in as_arm:  # "101 subjects were enrolled into the treatment group" is an arm
            continue
        before, after = text[max(0, m.start("n") - 30):m.start("n")], text[m.end():m.end() + 40]
        between = m.groupdict().get("between") or ""
        if _UNIT_COUNTED.match(between):
            continue
        if _BEFORE_BAD.search(before) or _AFTER_BAD.match(after) or re.search(_NOT_SIZE, between, re.I):
            continue
        clause = _clause(text, m.start("n"))
        at = clause.find(m.group(0))
        near = clause[max(0, at - 50):at + len(m.group(0)) + 40] if at >= 0 else clause
        if _SUBGROUP.search(clause) or _LATER.search(near):
            continue
        value = count_value(m.group("n").replace(",", ""))
        if value is not None and value > 1:
            out.append((m.start("n"), m.group("n"), value))
    return sorted(set(out))


def arms(text: str) -> list[tuple[int, tuple[tuple[str, int], ...]]]:
    """(offset, ((as printed, value), ...)) for a clause that lists two or more arm sizes and no total."""
    out: list = []
    if not _arm_cued(text):  # most sentences: no arm is printed without one of these words
        return out
    for clause_start, clause in _clauses(text):
        if _SUBGROUP.search(clause) or _LATER.search(clause) or _SUBSET.search(clause) or _EVENT_LIST.search(clause):
            continue
        hits = sorted(((m, rx is not _FURTHER_ARM) for m, rx in _arm_matches(clause)
                       if not re.match(_PEOPLE, m.groupdict().get("label") or "", re.I)
                       and not _DESIGN_LABEL.fullmatch(m.groupdict().get("label") or "")),
                      key=lambda h: (h[0].start("n"), not h[1]))
        found, end, strong = [], -1, False
        for m, plain in hits:  # one arm per number: the forms overlap ("101 subjects were enrolled into the ... group")
            value = count_value(m.group("n").replace(",", ""))
            if value is None or m.start("n") < end:
                continue
            end, strong = m.end("n"), strong or plain
            found.append((m.start("n"), m.group("n"), value))
        if 2 <= len(found) <= _MOST_ARMS and strong:
            out.append((clause_start + found[0][0], tuple((t, v) for _, t, v in found)))
    return out


# 'complications included abscess (n=2) and leak (n=1)': sizes listed after events are counts of those events.
_EVENT_LIST = lazy(r"\b(?:complications?|adverse events?|side effects?|events)\b(?:(?!\.\s)[^;]){0,120}?\b(?:included|including|such as)\b",
                   re.IGNORECASE, gated=True)
# 'a prospective RCT (n=294) of patients ... randomized to the treatment (n=192) or control (n=102) group': the
# size after the design's name is the trial's, not an arm's.
_DESIGN_LABEL = lazy(r"RCTs?|trials?|study|studies|cohorts?|series|review|analysis", re.IGNORECASE)
# 'the diagnoses were breast cancer (n = 6), colorectal cancer (n = 11), lung cancer (n = 5), ... (n = 5)': six sizes
# or more in one clause break the people down by a category; trials with that many arms are rare.
_MOST_ARMS = 5


def _clauses(text: str):
    pos = 0
    for part in re.split(r"(;)", text):
        if part != ";":
            yield pos, part
        pos += len(part)


def followed(text: str) -> list[tuple[int, str, int, str]]:
    """(offset, as printed, count, percentage or '') of counts followed up, assessed or completing."""
    out: list = []
    if "%" not in text and not _FOLLOW_WORDS.search(text):
        return out
    for m in _FOLLOWED.finditer(text):
        out.append((m.start("n"), m.group("n"), int(m.group("n").replace(",", "")), ""))
    for m in _PERCENT_COUNT.finditer(text):
        # 'At follow-up, 25 (46%) patients had anemia': a time set before the clause says when, not that the count
        # is of those followed; the share is of those with data then, whose number the clause does not give.
        clause = _WHEN_FOLLOWED.sub("", _clause(text, m.start()))
        # A share of everyone followed up, not of one arm ("in the control group") or of a subgroup.
        if _DENOMINATOR.match(text[m.end():]) or not (_FOLLOW_WORDS.search(clause) or _OF_EVERYONE.search(clause)):
            continue
        if _SUBGROUP.search(clause) or _GROUP.search(clause):
            continue
        if not any(o == m.start("c") for o, *_ in out):
            out.append((m.start("c"), m.group("c"), int(m.group("c").replace(",", "")), m.group("p") + "%"))
    return sorted(out)


_WHEN_FOLLOWED = lazy(r"^\s*(?:At|During|By)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?follow-?up\b[^,]{0,60},", re.IGNORECASE)


def many_groups(text: str) -> bool:
    """The text speaks of three or more arms: two arm sizes need not add up to its total."""
    return bool(_MORE_GROUPS.search(text))
