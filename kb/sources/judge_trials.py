"""When a trial named beside a marker is not the cited entry's, and yet nothing is wrong.

``kb.sources.judge`` reports a trial the cited entry's title does not name while another entry's does. In clinical
articles that is often no mistake, and these say why (pure functions over the knowledge base):

- the document's own trial, named in its title ('... (CONVERT): an open-label, phase 3, randomised ... trial'):
  the marker beside it supports something else, such as the earlier trial it is compared with;
- another trial named in the same sentence is the one the cited entry names ('PATENT-2, an extension of
  PATENT-1, showed ...[14, 15]', 14 titled '... (PATENT-2)');
- a trial named after its cooperative group ('RTOG 9310') when the cited entry names that group written out
  ('Radiation Therapy Oncology Group Study 93-10'), as the text or an entry spells the acronym out;
- the cited entry has the same first author as the entry that names the trial: a trial's main report often
  leaves its acronym out of the title ('Sorafenib in advanced hepatocellular carcinoma', the SHARP trial's),
  and its later papers by the same lead author name it (or the two share two authors or more: the trial's
  group); or the cited paper is about what the sentence says
  and no later than the papers naming the trial ('Riociguat ... in PATENT-1 [13]', 13 'Riociguat for the
  treatment of pulmonary arterial hypertension'), or its title says it reports a trial and names none (a substudy,
  '... in high cardiovascular risk individuals: a randomized controlled trial' for PREDIMED). Said at info, not
  left out: it may still be the wrong paper;
- the sentence calls the cited work a part of the trial ('a sub-study from the ASAP trial', 'a post hoc analysis of
  the X trial'): a paper of its own, whose title need not name the trial. Said at info;
- the document spells the name out as a thing, not a trial ('glucose-insulin-potassium (GIK)', 'tenofovir
  disoproxil fumarate (TDF)', at a sentence's opening 'Attention deficit/hyperactivity disorder (ADHD)'): an
  entry's title calling a drug by its acronym does not make it a trial's name.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.acronyms import definitions, fits, long_form
from kb.sources.index import fold, fold_words

SILENT, INFO = "silent", "info"

# A trial is the cited source when the text calls it one ('the FREE trial', 'trials TRIPOD 2 and 3')
# or cites it at once ('VERTOS II [12]'); a gene or a cohort printed in capitals is not.
_TRIAL_AFTER = lazy(r"\s*(?:(?:trial|study|RCT|investigators|group)\b|[\[(]?\d|[\[\u2070-\u209f<])", re.I)
_TRIAL_BEFORE = lazy(r"\b(?:trials?|stud(?:y|ies)|RCTs?)\s+(?:(?:[\w-]+)\s+){0,2}$", re.I)
_ROMAN = lazy(r"^[IVX]+$")
_TRIAL_WORD = lazy(r"\b(?:trial|study)\b", re.I)


def trial_tied(text: str, start: int, end: int, name: str) -> bool:
    if _ROMAN.match(name):
        return False
    return bool(_TRIAL_WORD.search(text[start:end]) or _TRIAL_AFTER.match(text, end)
                or _TRIAL_BEFORE.search(text[max(0, start - 60):start]))


def _names(text: str | None, name: str) -> bool:
    return bool(text) and re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", text, re.I) is not None


def _other_trial_cited(index, trial: str, sentence: str, scope: list[int]) -> bool:
    for name, numbers in index.trials.items():
        if name != trial.upper() and any(n in numbers for n in scope) and _names(sentence, name):
            return True
    return False


def _group_cited(kb, index, trial: str, scope: list[int]) -> bool:
    """'RTOG 9310' cited as an entry naming the 'Radiation Therapy Oncology Group' the document spells out."""
    group = trial.split()[0] if " " in trial else re.split(r"[-\d]", trial)[0]
    if len(group) < 2:
        return False
    # Spelt out in the text or in an entry of the list ("... by the Radiation Therapy Oncology Group (RTOG): RTOG 8315").
    found = [d for s in kb.doc.sentences for d in s.acronym_definitions]
    found += [d for e in index.entries.values() if group in e.raw for d in definitions(e.raw)]
    forms = {fold_words(" ".join(long_form(d.words))) for d in found
             if d.abbr.upper() == group.upper() and fits(d.letters, long_form(d.words))}
    forms.discard(fold_words(""))
    return any(f in fold_words(index.entries[n].raw) for f in forms for n in scope)


def _same_lead_author(kb, scope: list[int], elsewhere: list[int]) -> bool:
    firsts = {fold(kb.references[n].first_author or "") for n in elsewhere} - {""}
    return any(fold(kb.references[n].first_author or "") in firsts for n in scope)


# 'In the REVEAL trial, the investigators reported that ... dietary supplement use [4]', 4 by Vernarelli, Roberts,
# ..., Cupples, Green and the entry naming REVEAL by Chao, Roberts, ..., Cupples, Green: a trial's group signs its
# later papers, whose titles need not name it, so two or more authors in common make the cited paper plausibly the
# trial's own. At info: it may still be the wrong paper.
_SHARED_AUTHORS = 2


def _same_group(kb, scope: list[int], elsewhere: list[int]) -> bool:
    names = {fold(s) for n in elsewhere for s in kb.references[n].surnames} - {""}
    return any(len({fold(s) for s in kb.references[n].surnames} & names) >= _SHARED_AUTHORS for n in scope)


_TOPIC_WORD = re.compile(r"[a-z]{6,}")


def _plausible_report(kb, scope: list[int], elsewhere: list[int], sentence: str) -> bool:
    """The cited paper is about what the sentence says (a word of six letters or more in common with its title)
    and is no later than the papers that name the trial: it may be the trial's main report."""
    later = [kb.references[n].year for n in elsewhere if kb.references[n].year]
    words = set(_TOPIC_WORD.findall(sentence.lower()))
    for n in scope:
        entry = kb.references[n]
        if entry.year and later and entry.year <= min(later) and words & set(_TOPIC_WORD.findall(
                (entry.title or "").lower())):
            return True
    return False


_CONNECTOR = frozenset({"of", "and", "for", "the", "in", "on", "with", "to", "&"})


def _defined_as_term(kb, trial: str) -> bool:
    """The document spells the name out as a thing, not a trial: 'glucose-insulin-potassium (GIK)', 'tenofovir
    disoproxil fumarate (TDF)' (the words nearest the bracket all lower case, none of them a trial or study)."""
    for sentence in kb.doc.sentences:
        for d in sentence.acronym_definitions:
            if d.abbr.upper() != trial.upper():
                continue
            near = [w for w in d.words[-max(1, len(d.letters)):] if w.lower() not in _CONNECTOR]
            # 'Attention deficit/hyperactivity disorder (ADHD) often presents ...': the capital opening the
            # sentence is the sentence's, when other words follow it in lower case
            if len(near) > 1 and sentence.text.lstrip().startswith(near[0]):
                near = near[1:]
            if near and all(w[:1].islower() for w in near) and not any(_TRIAL_WORD.search(w) for w in near):
                return True
    return False


_TRIAL_REPORT = re.compile(r"\btrial\b", re.I)


def _unnamed_trial_report(index, scope: list[int], titles: dict[int, str]) -> bool:
    """A cited paper whose title says it reports a trial and names none: it may report this one (a secondary
    analysis or substudy, 'The Mediterranean Diet decreases LDL atherogenicity ...: a randomized controlled
    trial', cited for PREDIMED)."""
    named = {n for numbers in index.trials.values() for n in numbers}
    return any(n not in named and _TRIAL_REPORT.search(titles.get(n, "")) for n in scope)


# 'in a sub-study from the ASAP trial, no effect was seen ... [22]': the sentence says the cited work is a part of the
# trial, a paper of its own whose title need not name it. Said at info: it may still be the wrong paper.
_PART_OF = r"\b(?:sub-?stud(?:y|ies)|sub-?analys[ie]s|(?:secondary|post[- ]hoc|ancillary|pooled)\s+analys[ie]s|" \
           r"ancillary\s+stud(?:y|ies)|extension\s+stud(?:y|ies))\s+(?:of|from|within|in|to)\s+(?:the\s+)?"


def _part_of_trial(sentence: str, trial: str) -> bool:
    return re.search(rf"{_PART_OF}{re.escape(trial)}(?![A-Za-z0-9])", sentence, re.I) is not None


def trial_explained(kb, index, trial: str, sentence: str, scope: list[int], elsewhere: list[int]) -> str | None:
    """SILENT or INFO when the pairing has an innocent reading (see the module's note), else None."""
    if _names(kb.doc.title, trial) or _other_trial_cited(index, trial, sentence, scope) \
            or _group_cited(kb, index, trial, scope) or _defined_as_term(kb, trial):
        return SILENT
    titles = {n: kb.references[n].title or "" for n in scope}
    if _same_lead_author(kb, scope, elsewhere) or _same_group(kb, scope, elsewhere) \
            or _plausible_report(kb, scope, elsewhere, sentence) \
            or _unnamed_trial_report(index, scope, titles) or _part_of_trial(sentence, trial):
        return INFO
    return None
