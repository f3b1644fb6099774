"""EST3xx across sentences: one trial's size, arms and follow-up counts, held together by the study it is.

The numbers are read sentence by sentence (``kb.estimates.trials``) and tied
to a trial by what the sentence cites: the study a cited paper reports
(``studies.csv``, so a trial's first report and its later follow-up are one
trial), or else the one randomized or observational paper cited. A sentence
citing a review, a guideline or several trials is tied to none and never
compared. The arithmetic is ``kb.estimates.agreement``.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from . import finding, rule

_WORD = lazy(r"\w+")


def trial_key(kb):
    """key(number) -> the trial a number belongs to ("study:<id>" or "ref:<n>"), or None when unsure."""
    from ..evidence.tables import STUDIES
    from ..sources.kinds import GUIDELINE, OTHER, REVIEW, classify

    evidence = kb.evidence
    # Only a reviewed studies.csv joins reports of one trial: studies proposed from the text are guesses.
    curated = STUDIES in evidence.tables.present
    study_of_ref = evidence.study_of_ref if curated else {}
    described = {line: f"study:{s.id}" for s in evidence.studies.values() for line in s.described_at} if curated else {}
    kinds: dict = {}
    named_authors = _first_author_finder(kb)

    def one(number: int):
        studies = study_of_ref.get(number)
        if studies:
            return f"study:{studies[0]}" if len(studies) == 1 else None
        entry = kb.references.get(number)
        if entry is None:
            return None
        if number not in kinds:
            kinds[number] = classify(entry)[0]
        return None if kinds[number] in (REVIEW, GUIDELINE, OTHER) else f"ref:{number}"

    def key(n):
        if n.line in described:
            return described[n.line]
        if not n.citations or not n.cited_in or not _names_fit(kb, n, named_authors):
            return None
        keys = {one(c) for c in n.citations}
        return keys.pop() if len(keys) == 1 and None not in keys else None

    return key


def _names_fit(kb, n, named_authors) -> bool:
    """A paragraph that names an author its cited entry does not list is not tied by that citation.

    "Tanaka (2010) reported a trial of 172 patients [26]" where [26] is another author's paper: the marker is
    probably wrong (a CIT finding says so), and the numbers must not be held against that paper's.
    """
    from ..estimates.extract import named_in

    texts = [kb.doc.sentences[i].text for i in range(n.paragraph, n.sentence_index + 1)]
    if not _first_authors_fit(kb, n, " ".join(texts), named_authors):
        return False
    named = next((w for w in map(named_in, texts) if w), "")
    if not named:
        return True
    who, _, year = named.partition(" (")
    surname, year = who.split()[-1].lower(), year.rstrip(")")
    entries = [kb.references.get(c) for c in n.citations]
    return any(e is not None and surname in " ".join(e.authors or (e.raw,)).lower()
               and (not e.year or str(e.year) == year) for e in entries)


def _first_author_finder(kb):
    """named(text) -> the first authors of the list's entries that ``text`` names, as whole words.

    A text is searched only for the names whose first word it has: one search per entry and text made EST304
    and EST305 quadratic in the length of the list (2,000 entries: minutes). Every word of a name matched as a
    whole word is a whole word of the text, so no name is missed.
    """
    by_word: dict[str, set[str]] = {}
    for entry in kb.references.values():
        if entry.first_author:
            words = _WORD.findall(entry.first_author)
            by_word.setdefault(words[0] if words else "", set()).add(entry.first_author)
    patterns: dict[str, re.Pattern] = {}

    def named(text: str) -> set[str]:
        candidates = set(by_word.get("", ()))
        for word in set(_WORD.findall(text)):
            candidates |= by_word.get(word, set())
        found = set()
        for name in candidates:
            if name not in patterns:
                patterns[name] = re.compile(rf"\b{re.escape(name)}\b")
            if patterns[name].search(text):
                found.add(name)
        return found

    return named


def _first_authors_fit(kb, n, text: str, named_authors) -> bool:
    """False when the text names the first author of some entry in the list but of none it cites
    ("Moreau's 2020 study reported a trial of 190 patients [17]", where [17] is da Silva's)."""
    cited = {kb.references[c].first_author for c in n.citations if c in kb.references}
    named = named_authors(text)
    return not named or bool(named & cited)


def _name(kb, key: str) -> str:
    kind, _, ident = key.partition(":")
    if kind == "study":
        study = kb.evidence.studies.get(ident)
        return study.name if study else ident
    entry = kb.references.get(int(ident))
    return f"{entry.label} [{ident}]" if entry and entry.label else f"reference {ident}"


def _table_witness(kb, key: str):
    from ..estimates.agreement import Witness

    kind, _, ident = key.partition(":")
    study = kb.evidence.studies.get(ident) if kind == "study" else None
    if study is None or study.n_randomized is None:
        return None
    return Witness(study.n_randomized, 0, f"studies.csv line {study.line} (n_randomized {study.n_randomized})")


@rule("EST304", "arms-disagree-across-sentences", "warning")
def arms_disagree_across_sentences(kb):
    """A trial's total and its arm sizes, printed in different sentences of one paragraph, that disagree.

    What: one sentence gives a trial's size ("the trial enrolled 240 patients") and another sentence of the same
    paragraph its arms ("the device group included 118 patients and the control group 122"), and the arms do not
    add up to the total. The sentences are tied by the trial they cite: the paragraph's marker, or the same study
    in studies.csv. Numbers that are not the trial's size are left out: approximate ("about 240"), ranges, people
    screened or eligible, subgroups and later counts ("of whom", "in the subgroup", "the 285 treated patients",
    "at 12 months"), planned sizes ("100 per group"), and a trial the text calls three- or four-armed. With three
    or more numbers the odd one out is named.
    Why: an editor who changes one arm size in a later sentence leaves a trial whose numbers contradict
    themselves; the in-sentence check (EST301) cannot see it.
    Example: "The trial enrolled 240 patients.[5] The device group included 128 patients and the control group
    included 122 patients." (128 + 122 = 250).
    Fix: check the numbers in the cited paper; the suggestion gives the arm sizes the total implies.
    """
    from ..estimates.agreement import paragraph_issues
    from ..estimates.trials import many_groups

    key = trial_key(kb)
    numbers = kb.effect_estimates.trials
    sentences = kb.doc.sentences
    for issue in paragraph_issues(list(numbers), key, lambda n: many_groups(sentences[n.sentence_index].text)):
        yield finding(arms_disagree_across_sentences, issue.line, issue.message, citations=issue.citations,
                      suggestion=issue.suggestion, severity=issue.severity)


@rule("EST305", "trial-numbers-disagree", "warning")
def trial_numbers_disagree(kb):
    """One trial's numbers that disagree across the document or with studies.csv.

    What: the numbers the text gives for one trial, wherever they are (its first report, a later report of the
    same trial, a review's description of it), are held together through the trial's study (studies.csv joins the
    papers that report one trial): the size given in one paragraph and the size or arm sum given in another
    must agree, and agree with n_randomized in studies.csv; a count followed up ("57 were assessed at two years")
    cannot exceed the size; a count printed with its percentage of participants ("88 (73%) of participants")
    must be that share of the size, after rounding (or truncation). When two of three numbers agree, the third is
    named as the odd one out and the agreeing value is suggested. A number tied to its trial only through the
    paragraph above (no marker of its own) gives info, not a warning.
    Why: a trial's size is copied into several places; a wrong one misstates the evidence, and a reviewer
    cannot tell which is right without the source.
    Example: "VERTOS II ... was a randomized trial of 202 patients.[16]" and, later, "One hundred one subjects
    were enrolled into the treatment group and 111 into the control arm." (101 + 111 = 212).
    Fix: check the cited paper; correct the text or the studies.csv row named in the finding.
    """
    from ..estimates.agreement import study_issues

    key = trial_key(kb)
    by_trial: dict = {}
    for n in kb.effect_estimates.trials:
        k = key(n)
        if k is not None:
            by_trial.setdefault(k, []).append(n)
    judged = frozenset((c.line, c.count_text) for c in kb.effect_estimates.counts if c.denominator)
    for k, numbers in by_trial.items():
        for issue in study_issues(numbers, _table_witness(kb, k), _name(kb, k), judged):
            yield finding(trial_numbers_disagree, issue.line, issue.message, citations=issue.citations,
                          suggestion=issue.suggestion, severity=issue.severity)


RULES = (arms_disagree_across_sentences, trial_numbers_disagree)
