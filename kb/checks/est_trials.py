"""EST3xx across sentences: one trial's size, arms and follow-up counts, held together by the study it is.

The numbers are read sentence by sentence (``kb.estimates.trials``) and tied
to a trial by what the sentence cites: the study a cited paper reports
(``studies.csv``, so a trial's first report and its later follow-up are one
trial), or else the one randomized or observational paper cited. A sentence
citing a review, a guideline or several trials is tied to none and never
compared. The arithmetic is ``kb.estimates.agreement``.
"""
from __future__ import annotations

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

    def judged(n):
        if n.line in described:
            return described[n.line]
        if not n.citations or not n.cited_in or not _names_fit(kb, n, named_authors):
            return None
        keys = {one(c) for c in n.citations}
        return keys.pop() if len(keys) == 1 and None not in keys else None

    # EST304 and EST305 ask about the same numbers: each is judged once per knowledge base (see shared_trial_key).
    seen: dict = {}

    def key(n):
        if n not in seen:
            seen[n] = judged(n)
        return seen[n]

    return key


def shared_trial_key(kb):
    """``trial_key(kb)``, built once per knowledge base and kept on it."""
    from ..sources.citing import memo

    return memo(kb, "_est_trial_key", trial_key)


def _names_fit(kb, n, named_authors) -> bool:
    """A paragraph that names an author its cited entry does not list is not tied by that citation.

    "Tanaka (2010) reported a trial of 172 patients [26]" where [26] is another author's paper: the marker is
    probably wrong (a CIT finding says so), and the numbers must not be held against that paper's.
    """
    from ..estimates.extract import named_in

    texts = [kb.doc.sentences[i].text for i in range(n.paragraph, n.sentence_index + 1)]
    if not _first_authors_fit(kb, n, texts, named_authors):
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
    """named(texts) -> the first authors of the list's entries that the texts (sentences, read as joined by
    spaces) name, as whole words.

    A text is searched only for the names whose first word it has: one search per entry and text made EST304
    and EST305 quadratic in the length of the list (2,000 entries: minutes). Every word of a name matched as a
    whole word is a whole word of the text, so no name is missed. A paragraph's sentences are asked about again
    for each number in it, so each sentence is searched once and its names kept; only a name with a space in it
    can run from one sentence into the next, and only such names are searched in the joined text.
    """
    by_word: dict[str, set[str]] = {}
    words_of: dict[str, frozenset[str]] = {}
    for entry in kb.references.values():
        if entry.first_author:
            words = _WORD.findall(entry.first_author)
            by_word.setdefault(words[0] if words else "", set()).add(entry.first_author)
            words_of[entry.first_author] = frozenset(words)
    with_space = {name for name in words_of if any(c.isspace() for c in name)}
    per_text: dict[str, tuple[set[str], set[str]]] = {}  # a sentence's text -> in_one(text)

    def search(names, text: str) -> set[str]:
        return {name for name in names if _whole(name, text)}

    def in_one(text: str) -> tuple[set[str], set[str]]:
        """(the names without a space that ``text`` names, the words of ``text``) for one sentence."""
        if text not in per_text:
            words = set(_WORD.findall(text))
            candidates = set(by_word.get("", ()))
            for word in words:
                candidates |= {name for name in by_word.get(word, ()) if words_of[name] <= words}
            per_text[text] = search(candidates - with_space, text), words
        return per_text[text]

    def named(texts: list[str]) -> set[str]:
        found, words = set(), set()
        for text in texts:
            names, more = in_one(text)
            found |= names
            words |= more
        spaced = {name for name in with_space if words_of[name] <= words}
        return found | search(spaced, " ".join(texts)) if spaced else found

    return named


def _word_at(text: str, at: int) -> bool:
    return 0 <= at < len(text) and _WORD.match(text, at) is not None


def _whole(name: str, text: str) -> bool:
    """``re.search(rf"\\b{re.escape(name)}\\b", text)``, without compiling a pattern per name (hundreds of
    them): a word boundary at i is a word character on one side of it and not on the other."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if (_word_at(text, at - 1) != _word_at(text, at)) and (_word_at(text, end - 1) != _word_at(text, end)):
            return True
        at = text.find(name, at + 1)
    return False


def _first_authors_fit(kb, n, texts: list[str], named_authors) -> bool:
    """False when the texts name the first author of some entry in the list but of none it cites
    ("Moreau's 2020 study reported a trial of 190 patients [17]", where [17] is da Silva's)."""
    cited = {kb.references[c].first_author for c in n.citations if c in kb.references}
    named = named_authors(texts)
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

    key = shared_trial_key(kb)
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

    key = shared_trial_key(kb)
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
