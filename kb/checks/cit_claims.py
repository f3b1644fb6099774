"""CIT3xx: what a sentence claims about the evidence it cites, against the cited entries."""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.sources.citing import analyse
from kb.sources.claims import count_claims, design_claims, topic_stems
from kb.sources.kinds import GUIDELINE, KIND_LABELS, OTHER, RANDOMIZED, REVIEW
from kb.sources.judge import label, verdicts
from . import finding, rule
from .helpers import clip

_KNOWN = frozenset({RANDOMIZED, REVIEW, GUIDELINE, "observational"})
_POINTER = lazy(r"^[(\[]\s*(?:see(?:\s+also)?|cf\.?|e\.\s?g\.,?)\s", re.I)


def _numbers(entry, claim) -> list[int]:
    return list(dict.fromkeys(n for k in claim.markers for n in entry.markers[k].numbers))


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _kind_note(kb, n: int) -> str:
    kind, why = kb.kinds.get(n, (None, ""))
    return f"reference {n} ({label(kb.references[n])}) is {_a(KIND_LABELS.get(kind, 'other'))} ({why})"


@rule("CIT301", "count-claim-mismatch", "warning")
def count_claim_mismatch(kb):
    """A sentence counts the studies it cites ('five RCTs') and the cited entries disagree.

    What: a count tied to a marker, either directly (`based on five RCTs<sup>[5, 6, 65-67]</sup>`) or as
    the sentence's subject (`Two other RCTs by ... were included.<sup>[4, 6]</sup>`), that differs from
    the number of cited entries, or from the number of cited entries of that kind (RCTs, systematic
    reviews, guidelines, case series). Kinds come from each entry's title and the reviewed overrides in
    the policy folder's `kinds.csv`. A count of what a cited review contains
    (`a review of seven RCTs`, `a meta-analysis of 10 cohort studies [8]` citing one entry, or `based on only three
    studies [24]` where 24 is a systematic review) is not a claim about the cited entries and is not checked, nor
    is a threshold (`at least 10 studies`) or a size reported of one work (`n = 3 population-based studies [20]`),
    nor a count that points back (`These three previous studies were
    in urban areas ...<sup>6</sup>`, studies cited before). An entry whose title names no design may be of the kind
    claimed: when only such entries disagree with the kind, the finding is `info`.
    A count opening the sentence stays silent when its first markers, or the run of markers closing it apart
    from the others, hold exactly that many entries (the rest may be another clause's), the next sentence goes on naming them (`The other study ...`), or `The` points
    back at as many works as the sentence before cites (`[19]–[22]. The four SMILE studies enrolled ... [23]`). A count
    before a unit of time is a duration (`90 day toxicity studies`), and one right after a name in capitals is the
    name's (`the UKPDS and STENO 2 trials [26-28]`); one whose marker points with `see`, `cf.`
    or `e.g.` (`three previous trials (see Titov et al., 2010)`) is only `info`: one paper may report them all; so is
    `the four studies<sup>11-15</sup>` citing more entries than it counts: studies named before, one of which may
    have several papers (a cohort's design paper and its offspring study's).
    A count tied to its marker holds when a counted work named after it brings its own marker and the two make the
    count (`tested in two small randomised studies,<sup>13</sup> including TICH-1,<sup>14</sup>`).
    Why: the count is how a reader weighs the evidence; one non-randomised study counted as an RCT
    overstates it.
    Example: `This recommendation was based on five RCTs<sup>[5, 6, 65-67]</sup>` where 67 is a
    non-randomised trial.
    Fix: correct the count or the kind in the text, or cite the entries the text means.
    """
    a = analyse(kb)
    for entry in a.cited:
        for claim in count_claims(entry.sentence.text, entry.spans):
            numbers = _numbers(entry, claim)
            if not numbers or any(n not in kb.references for n in numbers):
                continue
            marker = entry.markers[claim.markers[0]]
            if len(numbers) == 1 and (claim.of_review or (claim.count > 1 and kb.kind(numbers[0]) == REVIEW)):
                # 'a meta-analysis of 10 cohort studies (125)', 'this finding was based on only three studies
                # [24]' citing a systematic review: the one cited review holds them
                continue
            if len(numbers) != claim.count and (_count_may_fit(kb, entry, claim, len(numbers))
                                               or _part_cited(entry, claim, len(numbers))):
                continue
            if len(numbers) != claim.count:
                # '(see Titov et al., 2010)': a pointer to where the studies are described, maybe one paper
                # reporting them all; the count may be of what it reports.
                pointer = _POINTER.match(marker.raw) or _named_before(entry, claim, len(numbers))
                yield finding(count_claim_mismatch, marker.line,
                              f"'{claim.text}' but the marker{'s' if len(claim.markers) > 1 else ''} "
                              f"cite{'' if len(claim.markers) > 1 else 's'} "
                              f"{len(numbers)} entries ({', '.join(map(str, numbers))})",
                              column=marker.column, citations=numbers, severity="info" if pointer else None,
                              suggestion="correct the count, or cite the entries the text counts")
                continue
            if claim.kinds is None:
                continue
            odd = [n for n in numbers if kb.kind(n) not in claim.kinds]
            if odd:
                # An entry whose title names no design may well be of the kind claimed: only a note then.
                unsure = all(kb.kind(n) == OTHER for n in odd)
                yield finding(count_claim_mismatch, marker.line,
                              f"'{claim.text}' but {'; '.join(_kind_note(kb, n) for n in odd)}",
                              column=marker.column, citations=numbers, severity="info" if unsure else None,
                              suggestion=_kind_hint(kb, a.index, odd, claim))


# 'Three of the 4 studies<sup>52,53,54,</sup> reported that ...': the part the sentence speaks of is what it cites.
_PART_OF = lazy(r"(?:^|\s)(?P<part>[A-Za-z]+(?:-[a-z]+)?|\d{1,3})\s+of\s+(?:the|these|those)\s+$", re.I)


def _part_cited(entry, claim, cited: int) -> bool:
    from kb.estimates.numbers import word_or_number  # only here: few sentences count a part of a whole
    at = entry.sentence.text.find(claim.text)
    part = _PART_OF.search(entry.sentence.text[:at]) if at > 0 else None
    return bool(part) and word_or_number(part.group("part")) == cited


# 'in the four studies<sup>11-15</sup>' (ARIC, CHS, Framingham, Rotterdam, named before): 'the' points back at
# studies the text has named, and the markers cite their papers; one study may have several (a design paper and
# its offspring cohort's), so more entries than the count is no sure mismatch: only a note.
_THE_BEFORE = lazy(r"\b(?:the|these|those)\s+$", re.I)
# studies or cohorts: a trial is one report, or its follow-up named as such ('the extended phase of the 2 trials')
_COHORTS = lazy(r"\b(?:studies|cohorts)$", re.I)


def _named_before(entry, claim, cited: int) -> bool:
    """'the four studies' citing more entries than four: a study the text named may have more than one paper."""
    if claim.opening or claim.kinds is not None or cited <= (claim.count or 0) or not _COHORTS.search(claim.text):
        return False
    at = entry.sentence.text.find(claim.text)
    return at > 0 and bool(_THE_BEFORE.search(entry.sentence.text[:at]))


# 'Only two studies adjusted for confounders, and one ... [6]. The other study ... [25].'
_GOES_ON = lazy(r"^\W*(?:The\s+(?:other|second|third|remaining|last|latter)|Another|A\s+(?:second|third))\b")


def _count_may_fit(kb, entry, claim, cited: int) -> bool:
    """A count opening its sentence may be right in a reading the check cannot rule out: it counts the
    sentence's first markers ('Twenty papers were in English [4]-[6], ... and one in Italian [33]'), or the
    next sentence goes on naming the counted works ('... and one [6]. The other study ... [25]')."""
    if not claim.opening:
        # the count is tied to a marker next to its noun: no other reading but one that names a counted work after
        # it ('tested in two small randomised studies,<sup>13</sup> including TICH-1,<sup>14</sup>')
        return _including_adds(entry, claim)
    seen: list[int] = []
    for k in claim.markers:
        seen += [n for n in entry.markers[k].numbers if n not in seen]
        if len(seen) == claim.count:
            return True
    if _last_run_holds(entry, claim):
        return True
    following = entry.sentence.index + 1
    if cited < claim.count and following < len(kb.doc.sentences) and _GOES_ON.match(kb.doc.sentences[following].text):
        return True
    return _points_back(kb, entry, claim) or claim.count + _one_more(entry.sentence.text, claim) == cited


_INCLUDING = lazy(r"^[\s,;]*(?:including|among them|among which|one of (?:which|them|these)|of which|such as)\b[^.;\[\]()]{0,60}$",
                  re.I)


def _including_adds(entry, claim) -> bool:
    last = claim.markers[-1]
    if last + 1 >= len(entry.spans):
        return False
    between = entry.sentence.text[entry.spans[last][1]:entry.spans[last + 1][0]]
    if not _INCLUDING.match(between):
        return False
    together = {n for k in (*claim.markers, last + 1) for n in entry.markers[k].numbers}
    return len(together) == claim.count


def _last_run_holds(entry, claim) -> bool:
    """'Two preliminary studies ... measured fitness, an objective measure [11] and a predictor of mortality
    [12],[13], as their primary outcome [14],[15]': markers set inside the sentence cite what the words beside
    them say; the run closing it, apart from them, may be the counted works."""
    text, spans = entry.sentence.text, entry.spans
    last = len(spans) - 1
    while last > 0 and _JOINED.match(text[spans[last - 1][1]:spans[last][0]]):
        last -= 1
    if last == 0 or last < claim.markers[0]:
        return False  # one run only: it holds all the sentence's markers
    tail = {n for k in range(last, len(spans)) for n in entry.markers[k].numbers}
    return len(tail) == claim.count


_JOINED = lazy(r"^[\s,;]*$")


# 'Two earlier trials of ..., and a recent trial with ... showed no efficacy [2-4]': one more work named after the
# count, and the marker cites them all.
# Its words may be a list of adjectives ('and a randomized, double-blind clinical trial').
_ONE_MORE = lazy(r"\b(?:and|plus|as well as)\s+(?:a|an|one|another)\s+(?:[\w-]+,?\s+){0,4}?"
                 r"(?:trial|study|review|meta-analysis|analysis|report)\b", re.I)


def _one_more(text: str, claim) -> int:
    at = text.find(claim.text)
    return len(_ONE_MORE.findall(text, at + len(claim.text))) if at >= 0 else 0


def _points_back(kb, entry, claim) -> bool:
    """'The four SMILE studies enrolled patients ... [23]' right after a sentence citing [19]-[22]: the definite
    article points back at the works the sentence before cited, not at this sentence's markers."""
    text = entry.sentence.text
    if not text[:max(0, text.find(claim.text))].strip().lower() == "the" or entry.sentence.index == 0:
        return False
    previous = entry.sentence.index - 1
    cited = {n for m in kb.doc.markers if m.sentence_index == previous for n in m.numbers}
    return len(cited) == claim.count


def _kind_hint(kb, index, odd: list[int], claim) -> str:
    """Name an entry by the same first author that is of the claimed kind, when the list has one."""
    hints = []
    for n in odd:
        author = kb.references[n].first_author
        same = [k for k in index.first_author_matches(author) if k != n and kb.kind(k) in claim.kinds] if author else []
        if same:
            hints.append(f"{author}'s {claim.noun[:-1] if claim.noun.endswith('s') else claim.noun} is reference "
                         f"{same[0]} ({label(kb.references[same[0]])})")
    fix = f"say how many of the cited entries are {claim.noun}, or cite the {claim.noun} the text means"
    return "; ".join(hints + [fix])


@rule("CIT302", "cited-range-member-off-claim", "warning")
def range_member_off_claim(kb):
    """A marker citing many entries includes one of another design or topic than the sentence says.

    What: a marker of three or more entries right after a design (`several small case reports or
    series.<sup>[35-54]</sup>`) where an entry is of a contradicting kind (a meta-analysis, trial or
    guideline among case series): a warning; a possessive before the noun (`on their respective series [39-41]`)
    names the authors' patients, not a design. A systematic review among randomised trials is no contradiction:
    it pools them. A marker of four or more entries whose titles nearly all
    share a topic word with the sentence ('sacroplasty') except one: info.
    Why: a widened range or a swapped number slips a study into the wrong pile; the reader then
    counts a network meta-analysis of vertebral fractures as evidence on sacroplasty.
    Example: `The evidence on sacroplasty is limited to several small case reports or
    series.<sup>[35-54]</sup>` where 54 is Zhao (2017), a network meta-analysis of vertebral fractures.
    Fix: take the entry out of the marker, or cite the entry that belongs there (the suggestion names
    a swapped partner when another sentence cites it by mistake).
    """
    a = analyse(kb)
    for entry in a.cited:
        if all(len(m.numbers) < 3 for m in entry.markers):
            continue  # the usual case: read no claims for single and paired citations
        counted = {k for c in count_claims(entry.sentence.text, entry.spans) for k in c.markers}
        designs = {c.markers[0]: c for c in design_claims(entry.sentence.text, entry.spans)}
        stems = topic_stems(entry.sentence.text)
        for k, marker in enumerate(entry.markers):
            numbers = [n for n in dict.fromkeys(marker.numbers) if n in kb.references]
            if len(numbers) < 3:
                continue
            claim = designs.get(k) if k not in counted else None
            wrong_kind = _wrong_kind(kb, numbers, claim)
            off_topic, common = _off_topic(kb, numbers, stems)

            def fits(other: int, claim=claim, common=common) -> bool:
                kind_ok = claim is None or kb.kind(other) in claim.kinds or kb.kind(other) not in _KNOWN
                return kind_ok and (not common or bool(topic_stems(kb.references[other].title or "") & common))

            for n in numbers:
                if n in wrong_kind or n in off_topic:
                    yield _member_finding(kb, marker, n, claim if n in wrong_kind else None, n in off_topic,
                                          _swap_hint(kb, n, numbers, fits))


def _wrong_kind(kb, numbers: list[int], claim) -> set[int]:
    """Members whose known kind contradicts the claimed design, when most members fit it."""
    if claim is None:
        return set()
    # 'efficacious across a large number of randomized controlled trials [6-8]' citing a meta-analysis of
    # them: a review pools trials of the kind claimed, so it may stand for them.
    fitting = claim.kinds | ({REVIEW} if RANDOMIZED in claim.kinds else set())
    odd = {n for n in numbers if kb.kind(n) in _KNOWN and kb.kind(n) not in fitting}
    return odd if len(odd) * 3 <= len(numbers) else set()


def _off_topic(kb, numbers: list[int], stems: set[str]) -> tuple[set[int], set[str]]:
    """Members sharing none of the topic stems that at least three in four members share (and those stems)."""
    if len(numbers) < 4 or not stems:
        return set(), set()
    titles = {n: topic_stems(kb.references[n].title or "") & stems for n in numbers}
    common = {s for s in stems if sum(s in t for t in titles.values()) * 4 >= len(numbers) * 3}
    return {n for n, t in titles.items() if common and not (t & common)}, common


def _member_finding(kb, marker, n, claim, off_topic: bool, suggestion: str):
    reasons = []
    if claim:
        reasons.append(f"{_a(KIND_LABELS.get(kb.kind(n), 'other'))}, not {claim.noun}")
    if off_topic:
        reasons.append("on a different topic from the other cited entries")
    title = kb.references[n].title or ""
    # The message names the member, not the marker's text: widening [35-54] to [35-55] must not turn
    # the finding about 54 into a "new" one.
    message = f"the marker cites reference {n} ({label(kb.references[n])}: '{clip(title)}'), {' and '.join(reasons)}"
    return finding(range_member_off_claim, marker.line, message, column=marker.column, citations=[n],
                   severity="warning" if claim else "info", suggestion=suggestion)


def _swap_hint(kb, n: int, numbers: list[int], fits) -> str:
    """If a named source elsewhere should cite ``n`` and cites an entry that fits here, say they look swapped."""
    for v in verdicts(kb):
        cited = [c for c in v.pairing.scope if c in kb.references]
        if (v.what == "author" and n in v.citations and len(cited) == 1 and cited[0] not in numbers
                and fits(cited[0])):
            other = cited[0]
            return (f"references {n} and {other} look swapped: line {v.pairing.marker.line} names "
                    f"{v.pairing.mention.label} (reference {n}) but cites {other} "
                    f"({label(kb.references[other])}), which fits this marker")
    return f"remove {n} from the marker, or cite the entry that belongs there"


RULES = (count_claim_mismatch, range_member_off_claim)
