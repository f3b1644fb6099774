"""The reference list indexed by what running text calls a source: surname, organisation, trial.

Built once per knowledge base, so that checking a named source costs a few
dictionary look-ups, never a scan of the whole list (a 2,000-entry list with
5,000 markers stays linear).
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from kb.patterns import lazy
from kb.read.model import ReferenceEntry
from kb.read.acronyms import definitions, fits

ORG_WORDS = lazy(
    r"\b(Academy|Society|Institute|College|Association|Agency|Organi[sz]ation|Committee|Congress|"
    r"Foundation|Department|Council|Board|Task Force|Federation|Collaboration|Excellence|Network)\b")
_ACRONYM_PAREN = lazy(r"\((?P<acronym>[A-Z][A-Za-z]{1,9})\)")
_NAME_WORD = lazy(r"[A-Z][a-z\u00df-\u00ff][\w'\u2019-]*$")  # capitalised, not a shouted heading
_TRIAL_IN_TITLE = lazy(
    r"\((?P<paren>[A-Z][A-Za-z0-9-]{2,}(?: [IVX]{1,4}| \d)?)\)|\b(?P<named>[A-Z][A-Z0-9-]{2,}(?: [IVX]{1,4})?) (?:[Ss]tudy|[Tt]rial)\b")
_TRIAL_WORDS = lazy(r"\btrial|\bstudy\b", re.I)
_SMALL = {"of", "for", "and", "the", "on", "in", "&"}
# A committee, panel or working group named by what it does, not by whose it is ("Expert Committee on the ...").
_TASK_COMMITTEE = lazy(r"(?:the\s+)?(?:(?:expert|joint|international|ad hoc|scientific|steering|writing|consensus)\s+)*"
                       r"(?:committee|panel|working group|task force|consensus group)\s+(?:on|for)\s", re.I)


_NOT_ALNUM = lazy(r"[^a-z0-9]")
_ALNUM_RUN = lazy(r"[a-z0-9]+")
_AUTHOR_ACRONYM = lazy(r"^[A-Z]{2,8}$")  # an organisation written as its acronym in the author place ("WHO")
# A report printed title first names the body that issued it only as its publisher, after the place and before the
# year: 'Laboratory and point-of-care diagnostic testing ... Geneva: World Health Organization; 2023 (https://...)'.
_PUBLISHER = lazy(r"(?:^|\.\s+)[A-Z][\w .'’-]{1,40}:\s*(?P<body>[A-Z][^:;.()]{2,120}?)\s*[;,]\s*(?:1[89]|20)\d\d\b")


# Letters NFKD does not split into a base letter and a mark: 'Wisløff' is 'Wisloff', not 'Wislff'.
_OWN_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
                              "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ı": "i"})


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text.translate(_OWN_LETTERS)).encode("ascii", "ignore").decode()


def fold(text: str) -> str:
    """'Van Meirhaeghe', 'van meirhaeghe', 'Martin-López' -> 'vanmeirhaeghe', 'martinlopez'."""
    return _NOT_ALNUM.sub("", _ascii(text).lower())


def fold_words(text: str) -> str:
    """A name as space-separated words, plurals folded: 'Anesthesiologists' matches 'Anesthesiologist'."""
    plain = _ascii(text).lower()
    words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _ALNUM_RUN.findall(plain)]
    return " " + " ".join(w for w in words if w not in ("the", "and")) + " "


def org_definitions(text: str, positions: bool = False) -> list[tuple]:
    """(written-out name, acronym) pairs such as ('Society of Interventional Radiology', 'SIR').

    With ``positions``, (start, end, name, acronym) with the name's offsets in ``text``.

    Walks back from each parenthesised acronym over capitalised and small words,
    so the cost is linear in the text.
    """
    out = []
    for m in _ACRONYM_PAREN.finditer(text):
        before = text[max(0, m.start() - 160): m.start()].split()
        words: list[str] = []
        for word in reversed(before):
            if _NAME_WORD.match(word) or word in _SMALL:
                words.insert(0, word)
            else:
                break
        while words and (words[0] in _SMALL or words[0] in ("The", "In", "A", "An")):
            words = words[1:]  # "the" and a sentence's first word are not part of the name
        name = " ".join(words)
        if name and ORG_WORDS.search(name) and words[0][0] == m.group("acronym")[0]:
            if positions:
                start = text.rfind(name, max(0, m.start() - 160), m.start())
                out.append((start if start >= 0 else m.start(), m.end(), name, m.group("acronym")))
            else:
                out.append((name, m.group("acronym")))
    return out


@dataclass
class SourceIndex:
    entries: dict[int, ReferenceEntry]
    by_first: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    by_author: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    org_names: dict[str, str] = field(default_factory=dict)  # folded words -> written name
    org_acronyms: set[str] = field(default_factory=set)
    acronym_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # "SIR" -> folded names
    trials: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # upper name -> entries
    _org_patterns: dict[str, re.Pattern] = field(default_factory=dict)
    _org_text: dict[int, str] = field(default_factory=dict)
    _acronyms_of: dict[int, set[str]] = field(default_factory=dict)

    # ---- people ------------------------------------------------------------
    def first_author_matches(self, name: str, year: int | None = None) -> list[int]:
        found = self.by_first.get(fold(name), [])
        return [n for n in found if year is None or self.entries[n].year == year]

    def is_known_surname(self, name: str) -> bool:
        return fold(name) in self.by_author

    def has_author(self, number: int, name: str) -> bool:
        entry = self.entries[number]
        key = fold(name)
        if entry.surnames:
            return any(fold(s) == key for s in entry.surnames)
        return key in fold(entry.raw)  # authors the parser could not split: fall back on the text

    # ---- organisations -----------------------------------------------------
    def org_keys(self, name: str | None, acronym: str | None) -> tuple[set[str], set[str]]:
        """Folded names and acronyms one organisation goes by ('SIR' -> 'society of interventional radiology')."""
        names = {fold_words(name)} if name else set()
        acronyms = {acronym} if acronym else set()
        if acronym:
            names |= self.acronym_names.get(acronym, set())
        if name:
            acronyms |= {a for a, ns in self.acronym_names.items() if fold_words(name) in ns}
            initials = _initials(name)
            if initials:
                acronyms.add(initials)  # an undefined 'WHO' still names the World Health Organization
        return names, acronyms

    def names_org(self, number: int, keys: tuple[set[str], set[str]]) -> bool:
        """Does entry ``number`` name the organisation (written out or by its acronym)?"""
        names, acronyms = keys
        text = self._org_text[number]
        if any(n in text for n in names) or bool(acronyms & self._acronyms_of[number]):
            return True
        author = self.entries[number].organisation
        return bool(author) and any(_spells(a, author) for a in acronyms)

    def add_org(self, name: str, acronym: str) -> None:
        self.org_names.setdefault(fold_words(name), name)
        self.org_acronyms.add(acronym)
        self.acronym_names[acronym].add(fold_words(name))

    def org_pattern(self, written: str) -> re.Pattern:
        """Where a known organisation's name stands in a sentence (plurals and case ignored)."""
        if written not in self._org_patterns:
            words = [re.escape(w[:-1]) + "s?" if len(w) > 3 and w.endswith("s") else re.escape(w)
                     for w in written.split()]
            self._org_patterns[written] = re.compile(r"\b" + r"\s+".join(words) + r"\b", re.I)
        return self._org_patterns[written]

    def names_some_org(self, number: int) -> bool:
        """Does the entry name a body of its own? A committee named only by its task ('Expert committee on the
        diagnosis and classification of diabetes mellitus') may be any body's, the one the text names too."""
        entry = self.entries[number]
        own = bool(entry.organisation) and not _TASK_COMMITTEE.match(entry.organisation)
        return own or bool(self._acronyms_of[number] & self.org_acronyms)

    def org_matches(self, keys: tuple[set[str], set[str]], year: int | None = None) -> list[int]:
        """Entries naming the organisation: a loop over the list, run only to suggest a fix."""
        return [n for n in self.entries
                if self.names_org(n, keys) and (year is None or self.entries[n].year == year)]

    # ---- trials ------------------------------------------------------------
    def names_trial(self, number: int, trial: str) -> bool:
        title = (self.entries[number].title or self.entries[number].raw).upper()
        return re.search(rf"(?<![A-Z0-9]){re.escape(trial.upper())}(?![A-Z0-9])", title) is not None

    def trial_pattern(self) -> re.Pattern | None:
        """One pattern for every trial the list names, longest first ('VERTOS II' before 'VERTOS')."""
        if "_trial_rx" not in self.__dict__:
            names = sorted(self.trials, key=lambda name: (-len(name), name))  # a fixed order: one pattern, cached
            self.__dict__["_trial_rx"] = re.compile(
                r"(?<![A-Z0-9])(?:" + "|".join(map(re.escape, names)) + r")(?![A-Z0-9])") if names else None
        return self.__dict__["_trial_rx"]

    def trial_matches(self, trial: str) -> list[int]:
        key = trial.upper()
        exact = self.trials.get(key)
        if exact:
            return list(exact)
        return sorted({n for name, ns in self.trials.items() if name.split()[0] == key for n in ns})


def _spells(acronym: str, name: str) -> bool:
    """Is the acronym read off the organisation's own name, first word to last ('NICE': National Institute for
    Health and Care Excellence)? An acronym the text gives a body may not match the name the list prints it under
    word for word ('National Institute of Health and Clinical Excellence (NICE)')."""
    words = tuple(w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in _SMALL)
    return (len(acronym) >= 3 and acronym.isupper() and len(words) >= 2 and words[0][0] == acronym[0]
            and words[-1][0].upper() == acronym[-1] and fits(acronym, words))


def _acronyms(text: str) -> set[str]:
    return set(re.findall(r"(?<![A-Za-z])[A-Z]{2,}(?![a-z])", text))


def build_index(entries: dict[int, ReferenceEntry], document_text: str = "") -> SourceIndex:
    """Index a reference list; ``document_text`` adds the organisations the policy defines itself."""
    index = SourceIndex(entries)
    for number, entry in entries.items():
        for i, surname in enumerate(entry.surnames):
            if i == 0:
                index.by_first[fold(surname)].append(number)
            index.by_author[fold(surname)].append(number)
        # A report's issuing body is often printed only as its publisher ("Geneva: World Health Organization").
        issuer = entry.source if entry.source_guessed else None
        if not issuer and not entry.first_author and not entry.organisation:
            publisher = _PUBLISHER.search(entry.raw)
            issuer = publisher.group("body") if publisher else None
        words = " ".join(filter(None, (entry.organisation, entry.title, issuer)))
        index._org_text[number] = fold_words(words)
        index._acronyms_of[number] = _acronyms(words) | {s for s in entry.surnames if _AUTHOR_ACRONYM.match(s)}
        for name, acronym in org_definitions(words):
            index.add_org(name, acronym)
        if entry.organisation and ORG_WORDS.search(entry.organisation):
            index.org_names.setdefault(fold_words(entry.organisation.split(" (")[0]), entry.organisation)
        if entry.title and _TRIAL_WORDS.search(entry.title):
            terms = _spelled_terms(entry.title)
            for m in _TRIAL_IN_TITLE.finditer(entry.title):
                trial = (m.group("paren") or m.group("named")).upper()
                if len(re.sub(r"[^A-Z]", "", trial)) >= 3 and not (m.group("paren") and m.start() in terms):
                    index.trials[trial].append(number)
    for name, acronym in org_definitions(document_text):
        index.add_org(name, acronym)
    for acronym in index.org_acronyms:
        index.trials.pop(acronym, None)  # "(SIR)" in a title is a society, not a trial
    return index


_MINOR = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})


def _initials(name: str) -> str | None:
    """The acronym a body's written-out name makes ('World Health Organization' -> 'WHO'), three letters or more."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _MINOR]
    if len(words) < 3 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


def _spelled_terms(title: str) -> set[int]:
    """Where a title defines a term's acronym ('prevention of mother-to-child transmission (PMTCT)' in a
    cross-sectional study's title): the words before the bracket spell it, and they name no trial or study.
    'The Fracture Intervention Trial (FIT)' and '... fracture (FREE): a randomised trial' name trials."""
    return {d.start for d in definitions(title)
            if fits(d.letters, d.words) and not any(_TRIAL_WORDS.search(w) for w in d.words)}

