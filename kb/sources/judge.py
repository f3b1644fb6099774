"""Verdicts on each named source paired with a marker: does the cited entry match, and if not, which does.

A verdict is only given where the evidence is clear. A name that is a
co-author of the cited entry (same year), an organisation next to a guideline
that names no organisation at all, a trial no entry's title names: all silent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.reading import readable_author
from kb.sources.citing import Analysis, Pairing, analyse, memo
from kb.sources.index import fold, fold_words
from kb.sources.judge_orgs import (DEBATED, EVIDENCE_AFTER, SINCE_BODY, STUDIES_FOUND, cited_before, is_issuer,
                                   marked_as_evidence, product_paper, spoke, study_of_its_year, title_dated)
from kb.sources.judge_trials import INFO, SILENT, trial_explained, trial_tied
from kb.sources.kinds import GUIDELINE, KIND_LABELS, OBSERVATIONAL, OTHER, RANDOMIZED, REVIEW
from kb.sources.named import GROUP_WORDS


@dataclass(frozen=True)
class Verdict:
    what: str  # "author", "year", "org", "trial" or "date"
    pairing: Pairing
    message: str
    suggestion: str | None
    citations: tuple[int, ...]
    severity: str | None = None  # None: the rule's own


def verdicts(kb) -> list[Verdict]:
    """Every verdict for a knowledge base, computed once and shared by the rules."""
    return memo(kb, "_cit_verdicts", lambda k: judge_all(k, analyse(k)))


def label(entry) -> str:
    """'Zhao (2017)', or a title cut at a word boundary when the entry names no author."""
    if entry.first_author or entry.organisation or not entry.title or len(entry.title) <= 40:
        return entry.label
    short = entry.title[:40].rsplit(" ", 1)[0] + "\u2026"
    return f"{short} ({entry.year})" if entry.year else short


def judge_all(kb, analysis: Analysis) -> list[Verdict]:
    out = []
    dated_by_name = {p.sentence.index for p in analysis.pairings if p.mention.kind in ("person", "org")}
    for p in analysis.pairings:
        if any(n not in kb.references for n in p.scope):
            continue  # a number the list lacks (CIT101): what the name stands for is unclear
        scope = list(p.scope)
        kind = p.mention.kind
        if kind == "person":
            v = _person(kb, analysis.index, p, scope)
        elif kind == "org":
            v = _organisation(kb, analysis.index, p, scope)
        elif kind == "trial":
            v = _trial(kb, analysis.index, p, scope)
        else:
            v = None if p.sentence.index in dated_by_name else _date(kb, p, scope)
        if v:
            out.append(v)
    return out


def _cites(kb, scope: list[int]) -> str:
    if len(scope) == 1:
        return f"reference {scope[0]}, which is {label(kb.references[scope[0]])}"
    return "references " + ", ".join(f"{n} ({label(kb.references[n])})" for n in scope)


def _one_of(kb, numbers: list[int], named: str) -> str:
    if len(numbers) == 1:
        return f"{named} is reference {numbers[0]}"
    return f"{named} matches references {', '.join(map(str, numbers))}"


# 'the Prymula study [16]': a study known by its first author's name.
_NAMED_STUDY = lazy(r"[Tt]he\s.*\b(?:study|trial|cohort|series|report|review|meta-analysis)$")


def _person(kb, index, p: Pairing, scope: list[int]) -> Verdict | None:
    v = _person_verdict(kb, index, p, scope)
    if v and _NAMED_STUDY.match(p.mention.text):
        # 'The statement did not discuss the limits of the Klempner study [31]': the study may be what the sentence
        # is about while the marker cites who wrote about it (31, a review quoting the press release). Unsure.
        return Verdict(v.what, v.pairing, v.message, v.suggestion, v.citations, "info")
    if v and p.mention.eponym:
        # 'the Sørensen index [18]' may cite a textbook or a program rather than Sørensen's paper: unsure.
        return Verdict(v.what, v.pairing, v.message.replace(p.mention.label, f"the {p.mention.label} method", 1),
                       v.suggestion, v.citations, "info")
    return v


def _person_verdict(kb, index, p: Pairing, scope: list[int]) -> Verdict | None:
    m = p.mention
    unread = [n for n in scope if not readable_author(kb.references[n])]
    if unread and (any(_named_in(kb.references[n], m.name) for n in unread) or not index.first_author_matches(m.name)):
        # An entry whose author could not be read (`kb info` says so once, not each time) is judged only
        # when its whole text lacks the name and another entry is the named author's: it is someone else's.
        return None
    if _compound_of_cited(kb, scope, m.name):
        return None  # 'Silva Junior et al.' against 'Silva Jr SHA': one compound surname, written two ways
    firsts = [n for n in scope if n in set(index.first_author_matches(m.name))]
    if firsts:
        if m.year is None or any(kb.references[n].year in (None, m.year) for n in firsts):
            return None
        n = firsts[0]
        same = index.first_author_matches(m.name, m.year)
        hint = (f"{_one_of(kb, same, m.label)}; cite it instead" if same
                else f"correct the year to {kb.references[n].year}, or cite the {m.year} paper (add it to the list)")
        named = f"{m.name} ({m.year}, as dated in the sentence before)" if m.carried else m.label
        if _IN_A_YEAR.match(m.text) and 0 < kb.references[n].year - m.year <= 2:
            # 'In 1995, Bojang et al. [8] measured ...' for a paper of 1996: the year may date the work itself.
            return Verdict("year", p, f"{named} is cited as {_cites(kb, [n])}; the year before the name may be "
                                      f"when the work was done", hint, (n, *same), "info")
        return Verdict("year", p, f"{named} is cited as {_cites(kb, [n])}", hint, (n, *same))
    co = [n for n in scope if index.has_author(n, m.name)]
    if co and (m.year is None or any(kb.references[n].year in (None, m.year) for n in co)):
        return _not_led(kb, index, p, scope)  # a co-author of the cited paper: plausible, at most worth a look
    # A co-author dated otherwise, who leads a paper of that year elsewhere in the list ('Al-Khatib et al.
    # (2021) [24]', 24 by McConnell and Al-Khatib (2005), 25 Al-Khatib (2021)): the marker slipped.
    own = [n for n in index.first_author_matches(m.name, m.year) if n not in scope] if co and m.year else []
    if not own and any(_named_in(kb.references[n], m.name) for n in scope):
        return None  # the entry names them (an organisation, an author list the reader could not split)
    slip = None if m.eponym else _spelling_slip(kb, scope, m.name)
    if slip:
        n, right = slip
        return Verdict("author", p, f"{m.name} is cited as reference {n}, which is {label(kb.references[n])}: "
                                    f"the name is spelled differently", f"correct the spelling to {right}",
                       (n,), "warning")
    if m.year is None and not index.first_author_matches(m.name):
        return None  # no year and nobody's first author: a senior author, a lab, a person thanked
    matches = index.first_author_matches(m.name, m.year) if m.year else index.first_author_matches(m.name)
    if matches:
        hint = f"{_one_of(kb, matches, m.label)}; cite it instead, or correct the name"
    else:
        others = index.first_author_matches(m.name)
        hint = (f"the list has {m.name} only as {', '.join(f'{kb.references[n].label} (reference {n})' for n in others[:3])}"
                if others else f"no entry in the list is by {m.label}: correct the name or the citation")
    # A name no entry has as an author at all may be no author: a place or a thing with a year ('isolates from
    # Israel (1998) ... [8, 31]'), or an original study named while a later review is cited ('described by
    # MacNamara, 1954 [13]'). Only a note; a name the list knows elsewhere is the error above.
    unknown = not matches and not any(index.has_author(n, m.name) for n in index.entries)
    return Verdict("author", p, f"{m.label} is cited as {_cites(kb, scope)}", hint, tuple(scope) + tuple(matches),
                   "info" if unknown else None)


# Words that end a compound surname (Portuguese and Spanish generational names, Junior/Senior) rather than name
# a person of their own.
_NAME_SUFFIXES = frozenset({"junior", "jr", "senior", "sr", "filho", "neto", "sobrinho"})

# A year printed before the name ('In 1995, Bojang et al.'): it may be the year of the work, not of its paper.
_IN_A_YEAR = lazy(r"[Ii]n\s+\d{4}\b")

_LEADS = re.compile(rf"\bet\s+al\b|\band\s+{GROUP_WORDS}\b")


def _not_led(kb, index, p: Pairing, scope: list[int]) -> Verdict | None:
    """'Silverstein and colleagues [44]' where Silverstein co-authored 44 and is first author of 43: info.

    'X et al.' says X led the paper; a lab head is often written so, hence info, and only when the list
    has a paper X did lead.
    """
    m = p.mention
    own = [n for n in index.first_author_matches(m.name, m.year) if n not in scope] if _LEADS.search(m.text) else []
    if not own or m.eponym:
        return None
    return Verdict("author", p, f"{m.text.strip()} is cited as {_cites(kb, scope)}, which {m.name} co-authored "
                                f"but did not lead", f"{_one_of(kb, own, m.label)}; cite it if it is the paper meant",
                   tuple(scope) + tuple(own), "info")


def _compound_of_cited(kb, scope: list[int], name: str) -> bool:
    """A name that is, or ends with, a generational word ('Junior', 'Neto'): its other words may begin a cited
    surname ('Silva' of 'Silva Jr'), and the word alone is no one's name."""
    words = name.split()
    if not words or fold(words[-1]) not in _NAME_SUFFIXES:
        return False
    stem = fold(" ".join(words[:-1]))
    return not stem or any(fold(s).startswith(stem) for n in scope for s in kb.references[n].surnames)


def _named_in(entry, name: str) -> bool:
    return fold_words(name) in fold_words(entry.raw)


def _spelling_slip(kb, scope: list[int], name: str) -> tuple[int, str] | None:
    """A cited entry whose author's surname is the named one but for a letter or two (Hoghart, Hogarth)."""
    key = fold(name)
    if len(key) < 4:
        return None
    for n in scope:
        for surname in kb.references[n].surnames:
            other = fold(surname)
            if other[:1] == key[:1] and other != key and _within_two(key, other):
                return n, surname
    return None


def _within_two(a: str, b: str) -> bool:
    """Edit distance at most 2 (a swap of neighbours counts once), at least 4 letters agreeing."""
    if abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    before: list[int] = []
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, previous = previous, current
    return previous[-1] <= 2 and min(len(a), len(b)) - previous[-1] >= 4


def _organisation(kb, index, p: Pairing, scope: list[int]) -> Verdict | None:
    m = p.mention
    keys = index.org_keys(m.name, m.acronym)
    named = [n for n in scope if index.names_org(n, keys)]
    if named:
        # 'In 2010, a working group of the WHO was established [45]': a year the body did not publish in.
        # A title that prints the year itself ('ESGE recommendations (2009) on ...' published in 2010) dates the
        # document as the text does: no mismatch.
        if m.year and spoke(p.sentence.text, m.start, m.end) and all(kb.references[n].year for n in named) and not any(
                kb.references[n].year == m.year or title_dated(kb.references[n], m.year) for n in named):
            same = [n for n in index.org_matches(keys, m.year) if n not in named]
            hint = (f"{_one_of(kb, same, m.label)}; cite it instead" if same
                    else f"correct the year to {kb.references[named[0]].year}, or cite the {m.year} document")
            return Verdict("year", p, f"{m.label} is cited as {_cites(kb, named[:1])}", hint, (named[0], *same))
        return None
    # Silent unless the cited entry is clearly someone else's: a study, or a document naming another body.
    if not spoke(p.sentence.text, m.start, m.end) or is_issuer(kb, index, keys) \
            or cited_before(p.sentence.text, m.start, m.end):
        return None
    if not all(kb.kind(n) != GUIDELINE or index.names_some_org(n) for n in scope):
        return None
    matches = index.org_matches(keys, m.year) or index.org_matches(keys)
    matches = _best_by_title(kb, matches, p.sentence.text)
    hint = (f"{_one_of(kb, matches, m.label)}; cite it instead" if matches
            else f"no entry in the list names {m.name or m.acronym}: check that the cited work is the body's own "
                 f"(published under its members' names) or reports it, else cite the body's document")
    what = ", ".join(f"{n} ({label(kb.references[n])}, {KIND_LABELS.get(kb.kind(n), 'other')})" for n in scope)
    # With no entry of the body's own to point to, only a note: a review may report what the body recommended
    # ('models such as those recommended by the ESC rely on ... [3]'), and a body's criteria often appear as its
    # members' papers ('JAAM proposed criteria [8, 9]', 8 titled 'A ... validation of ... diagnostic criteria').
    secondhand = ((not matches and all(kb.kind(n) in (REVIEW, OTHER) for n in scope))
                  or all(product_paper(kb, index, n, p.sentence.text) for n in scope)
                  or bool(DEBATED.search(p.sentence.text[max(0, m.start - 80):m.start]))
                  or bool(EVIDENCE_AFTER.search(p.sentence.text, m.end))
                  or study_of_its_year(kb, scope, p.sentence.text, (RANDOMIZED, OBSERVATIONAL))
                  or marked_as_evidence(p.sentence.text, m.start, scope)
                  or bool(SINCE_BODY.search(p.sentence.text[max(0, m.start - 30):m.start]))
                  or (bool(STUDIES_FOUND.search(p.sentence.text))
                      and all(kb.kind(n) in (REVIEW, RANDOMIZED, OBSERVATIONAL) for n in scope)))
    return Verdict("org", p, f"{m.label} is cited as reference{'s' if len(scope) > 1 else ''} {what}, "
                             f"which does not name {m.acronym or m.name}", hint, tuple(scope) + tuple(matches),
                   "info" if secondhand else None)


def _trial(kb, index, p: Pairing, scope: list[int]) -> Verdict | None:
    trial = p.mention.name
    if not trial_tied(p.sentence.text, p.mention.start, p.mention.end, trial):
        return None
    if any(index.names_trial(n, trial) for n in scope):
        return None
    elsewhere = [n for n in index.trial_matches(trial) if n not in scope]
    if not elsewhere:
        return None  # the list names the trial nowhere: the cited report may simply not say it
    explained = trial_explained(kb, index, trial, p.sentence.text, scope, elsewhere)
    if explained == SILENT:
        return None
    return Verdict("trial", p, f"the {trial} trial is cited as {_cites(kb, scope)}, whose title does not name it",
                   f"{_one_of(kb, elsewhere, 'the ' + trial + ' trial')}; cite it instead",
                   tuple(scope) + tuple(elsewhere), "info" if explained == INFO else None)


def _date(kb, p: Pairing, scope: list[int]) -> Verdict | None:
    years = [kb.references[n].year for n in scope]
    if None in years or p.mention.year in years:
        return None
    return Verdict("date", p, f"the text dates this source {p.mention.year}, but {_cites(kb, scope)}",
                   f"bring the year in line with reference {scope[0]} ({years[0]}), or cite the {p.mention.year} "
                   f"version", tuple(scope))


_WORD = lazy(r"[a-z]{4,}")


def _best_by_title(kb, numbers: list[int], sentence: str) -> list[int]:
    """Of several candidate entries, those whose titles share the most words with the sentence."""
    if len(numbers) < 2:
        return numbers
    words = set(_WORD.findall(sentence.lower()))
    score = {n: len(words & set(_WORD.findall((kb.references[n].title or "").lower()))) for n in numbers}
    best = max(score.values())
    return [n for n in numbers if score[n] == best]
