"""What the policy text itself says about studies and reviews. Pure functions of a knowledge base.

- stated counts: "four RCTs [5, 16, 59, 60]", "based on five RCTs [5, 6, 65-67]";
- inclusions a review's paragraph enumerates: a count of trials whose markers
  list exactly that many references, tied to the review or guideline cited in
  the same sentence or just before it in the same section;
- follow-up reports: "The initial report ... (Buchbinder 2009 [5])",
  "Twenty-four-month results of this study were reported by ... [26, 27]";
- trial names (acronyms) from titles and from "the FREE trial";
- trials the text describes without citing them: "Noriega (2019) reported ... trial".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.sources.kinds import GUIDELINE, OBSERVATIONAL, RANDOMIZED, REVIEW

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_N = r"\d{1,3}|" + "|".join(NUMBER_WORDS)
COUNT = lazy(rf"\b(?P<n>{_N})\s+(?:[A-Za-z][\w-]*\s+|\d\s+){{0,3}}?"
                   r"(?P<noun>randomi[sz]ed controlled trials|RCTs|trials|studies)\b", re.IGNORECASE, gated=True)
REVIEW_WORDS = lazy(r"\b(?:review|meta-?analys[ie]s|guidelines?|recommendations?|appraisal)\b", re.I)
FOLLOW_UP = lazy(
    r"\b(?:initial|original|earlier|first|primary) report\b|\bresults of (?:this|the same) (?:study|trial)\b"
    r"|\b(?:follow-up|long-term|later) (?:report|results|outcomes) of (?:this|the same) (?:study|trial)\b"
    r"|\bsecondary analysis of (?:this|the same)\b", re.IGNORECASE)
PRIMARY_KINDS = (RANDOMIZED, OBSERVATIONAL)
NOT_TRIAL_NAMES = frozenset(
    "RCT RCTS VAS ODI NRS MRI CT PMMA OVCF OVCFS VCF VCFS SF PCS RMDQ ADL ADLS FDA NICE ACR AAOS ASA ASRA SIR "
    "SNIS ASNR ASSR AANS CNS CIRA ASPN PVP BKP BK KP VP RFK PCKP UTI NSAIDS ITT CI MD OR RR HR SMD SSR EQ CG TA "
    "PEEK AHA JACR USA UK".split())
_ROMAN = r"(?: (?:I|II|III|IV|V|VI))?"
_TITLE_NAMES = (
    lazy(rf"\((?P<a>[A-Z][A-Za-z0-9-]{{2,}}{_ROMAN})\)"),
    lazy(rf"^(?P<a>[A-Z]{{3,}}{_ROMAN}) (?:Study|Trial)\b"),
    lazy(rf"\b[Tt]he (?P<a>[A-Z]{{3,}}{_ROMAN}) (?:study|trial)\b"),
)
_TEXT_NAMES = (
    lazy(rf"\bthe (?P<a>[A-Z][A-Z0-9-]{{2,}}{_ROMAN}) (?:trial|study)\b", gated=True),
    lazy(rf"^(?P<a>[A-Z][A-Z0-9-]{{2,}}{_ROMAN}), (?=[^.]*\b(?:trial|study)\b)"),
)
_NAMED = lazy(r"^(?P<who>[A-Z][A-Za-z'-]+(?: [A-Z][A-Za-z'-]+)?) \((?P<year>\d{4})\) (?P<rest>.*)$")
_TRIAL_WORDS = lazy(r"\b(?:trial|RCT|randomi[sz]ed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StatedCount:
    sentence: int  # sentence index
    line: int
    number: int
    noun: str
    phrase: str  # as printed, e.g. "four RCTs"
    markers: tuple  # the CitationMarkers of the sentence, in order


@dataclass(frozen=True)
class TextInclusion:
    review: int
    references: tuple[int, ...]
    line: int  # the sentence that enumerates them


@dataclass(frozen=True)
class FollowUp:
    anchor: int  # the report the sentence refers back to
    references: tuple[int, ...]  # reports of the same study
    line: int


@dataclass(frozen=True)
class UncitedTrial:
    who: str
    year: int
    line: int
    sentence: str


def _count_value(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def markers_by_sentence(kb) -> dict[int, list]:
    out: dict[int, list] = {}
    for m in kb.doc.markers:
        if m.sentence_index is not None:
            out.setdefault(m.sentence_index, []).append(m)
    return out


def stated_counts(kb) -> list[StatedCount]:
    """Sentences that state a number of trials or studies and cite something."""
    by_sentence = markers_by_sentence(kb)
    out = []
    for index, markers in sorted(by_sentence.items()):
        sentence = kb.doc.sentences[index]
        m = COUNT.search(sentence.text)
        if m:
            out.append(StatedCount(index, sentence.line, _count_value(m.group("n")), m.group("noun"),
                                   m.group(0), tuple(markers)))
    return out


def is_review_marker(kb, marker) -> bool:
    """A marker citing one review or guideline (by its kind, or by what its sentence calls it)."""
    numbers = set(marker.numbers)
    if len(numbers) != 1:
        return False
    kind = kb.kind(next(iter(numbers)))
    if kind in (REVIEW, GUIDELINE) or kind in PRIMARY_KINDS:
        return kind not in PRIMARY_KINDS
    sentence = kb.sentence_of(marker)  # kind "other": trust what the sentence calls it
    return bool(sentence and REVIEW_WORDS.search(sentence.text))


def _markers_in(kb, first: int, stop: int) -> list:
    """The markers of sentences ``first`` to ``stop - 1``, in document order, from an index by sentence built
    once per knowledge base (a pass over every marker for each sentence asked about was quadratic)."""
    from kb.sources.citing import memo

    def index(kb) -> dict[int, list]:
        out: dict[int, list] = {}
        for position, m in enumerate(kb.doc.markers):
            if m.sentence_index is not None:
                out.setdefault(m.sentence_index, []).append((position, m))
        return out

    by_sentence = memo(kb, "_evidence_markers_by_sentence", index)
    found = [pm for i in range(max(first, 0), stop) for pm in by_sentence.get(i, ())]
    return [m for _, m in sorted(found, key=lambda pm: pm[0])]


def _preceding_marker(kb, count: StatedCount, reach: int = 4):
    """The nearest marker before the count's sentence, in the same section, within ``reach`` sentences."""
    section = kb.doc.sentences[count.sentence].section_id
    candidates = [m for m in _markers_in(kb, count.sentence - reach, count.sentence) if m.section_id == section]
    return candidates[-1] if candidates else None


def text_inclusions(kb) -> list[TextInclusion]:
    """Reviews whose paragraph lists, marker by marker, the trials they pooled."""
    out = []
    for count in stated_counts(kb):
        own = [m for m in count.markers if is_review_marker(kb, m)]
        review_marker = own[-1] if len(own) == 1 and len(count.markers) > 1 else None
        if review_marker is None and not own:
            before = _preceding_marker(kb, count)
            review_marker = before if before is not None and is_review_marker(kb, before) else None
        if review_marker is None:
            continue
        review = review_marker.numbers[0]
        listed = tuple(dict.fromkeys(n for m in count.markers if m is not review_marker for n in m.numbers))
        if (len(listed) == count.number and review not in listed
                and all(kb.kind(n) not in (REVIEW, GUIDELINE) for n in listed)):
            out.append(TextInclusion(review, listed, count.line))
    return out


def follow_ups(kb) -> list[FollowUp]:
    """Reports the text ties to an earlier-cited report of the same study."""
    out = []
    for index, markers in sorted(markers_by_sentence(kb).items()):
        sentence = kb.doc.sentences[index]
        if not FOLLOW_UP.search(sentence.text):
            continue
        refs = tuple(dict.fromkeys(n for m in markers for n in m.numbers))
        before = [m for m in _markers_in(kb, index - 3, index)
                  if m.section_id == sentence.section_id and len(set(m.numbers)) == 1]
        if not before:
            continue
        anchor = before[-1].numbers[0]
        joined = tuple(n for n in refs if n != anchor)
        if joined and all(kb.kind(n) in PRIMARY_KINDS for n in (anchor, *joined)):
            out.append(FollowUp(anchor, joined, sentence.line))
    return out


def _clean_name(name: str) -> str | None:
    parts = name.split(" ")
    head = parts[0].upper() if parts[0].isupper() or len(parts) > 1 else None
    if head is None or head in NOT_TRIAL_NAMES:
        return None
    return " ".join([head, *parts[1:]])


def trial_names(kb) -> dict[int, str]:
    """Reference number -> trial name, from its title first, then from sentences citing it alone."""
    out: dict[int, str] = {}
    for number, entry in kb.references.items():
        for pattern in _TITLE_NAMES:
            m = pattern.search(entry.title or "")
            name = _clean_name(m.group("a")) if m else None
            if name:
                out[number] = name
                break
    for marker in kb.doc.markers:
        sentence = kb.sentence_of(marker)
        if len(set(marker.numbers)) != 1 or sentence is None or marker.numbers[0] in out:
            continue
        for pattern in _TEXT_NAMES:
            m = pattern.search(sentence.text)
            name = _clean_name(m.group("a")) if m else None
            if name:
                out[marker.numbers[0]] = name
                break
    return out


def uncited_trials(kb) -> list[UncitedTrial]:
    """'Noriega (2019) reported the pivotal ... trial' with no marker on its line and no list entry."""
    cited_lines = {m.line for m in kb.doc.markers}
    listed = {(e.first_author, e.year) for e in kb.references.values()}
    out = []
    for sentence in kb.doc.sentences:
        m = _NAMED.match(sentence.text)
        if not m or not _TRIAL_WORDS.search(m.group("rest")) or sentence.line in cited_lines:
            continue
        key = (m.group("who"), int(m.group("year")))
        if key not in listed:
            out.append(UncitedTrial(key[0], key[1], sentence.line, sentence.text))
    return out
