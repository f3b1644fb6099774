"""What a sentence claims about the evidence it cites: how many studies, of which design, on what topic.

Pure reading of a sentence's text and its markers' offsets. A claim is tied
to markers only where the text ties it: the marker follows the noun phrase
directly ('based on five RCTs[5, 6, 65-67]', 'case reports or series.[35-54]',
a run of single markers 'three studies [12], [13], [20]' being one citation),
or the count opens the sentence ('Two other RCTs by ... were included.[4, 6]').
'Mattie (2021) conducted a review of seven RCTs ...[30]' counts the review's
contents, not the cited entries, and is no claim ('a meta-analysis of 10 cohort studies (125)' citing one
entry is the same, and so is 'an evaluation of side effects ... in 15 trials [4]'); nor is a threshold ('Egger's
test needs at least 10 studies [27]').
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.sources.kinds import GUIDELINE, OBSERVATIONAL, OTHER, RANDOMIZED, REVIEW

_NUMBERS = ("two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty").split()
COUNTS = {w: i for i, w in enumerate(_NUMBERS, 2)}

# Noun -> the kinds it names (None: any kind; only the total is checked).
_NOUNS = (
    (r"randomi[sz]ed (?:controlled |clinical )?trials|RCTs", frozenset({RANDOMIZED}), "RCTs"),
    (r"systematic reviews|meta-analyses", frozenset({REVIEW}), "systematic reviews"),
    # A plain 'reviews' may be narrative ones ('the reference lists of four reviews'): only the total is checked.
    (r"reviews", None, "reviews"),
    (r"guidelines", frozenset({GUIDELINE}), "guidelines"),
    (r"case series|case reports(?: or series)?|observational studies|cohort studies|(?:retrospective|prospective) "
     r"studies|series", frozenset({OBSERVATIONAL, OTHER}), "case reports or series"),
    (r"(?:clinical )?trials|studies|publications|papers|reports", None, "studies"),
)
_NOUN_RX = tuple((lazy(p, re.I), kinds, label) for p, kinds, label in _NOUNS)
_NOUN = "|".join(f"(?:{p})" for p, _, _ in _NOUNS)
# The words between a count and its noun are no count themselves: '21 days in two studies' counts two.
# A number joined to what precedes it is a name's or a range's ('COVID-19 publications', '2-3 studies').
# Nor is a word that makes the noun the object of a comparison: 'after intervals 4 and 8 analogous to previous
# studies (Ade et al. 2014)' counts intervals, not studies ('to', 'than', 'with', 'like', 'as', 'from', 'by').
_COUNT = lazy(rf"(?<![\w\u2010-\u2013./-])\b(?P<count>{'|'.join(_NUMBERS)}|[2-9]|[1-9]\d)\s+"
                    rf"(?:(?!(?:{'|'.join(_NUMBERS)}|to|than|with|like|as|from|by)\b)[a-z][\w-]*\s+){{0,3}}?"
                    rf"(?P<noun>{_NOUN})\b", re.I, gated=True)
# 'at least 10 studies [27]', 'more than five trials': a threshold or a bound, not a count of the cited works;
# 'n = 3 population-based studies [20]': a size reported of the cited work, not a count of the markers; 'a BMI of
# greater than 32 are limited to retrospective studies (Boroosan, 2022)': a threshold's number, not a count.
# 'There are ~20 published studies [51]', 'about 30 trials': a rough size of a literature (one cited review's tally),
# not a count of the entries cited.
_BOUND = lazy(r"(?:\b(?:at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|greater\s+than|up\s+to|over|under|"
              r"a\s+minimum\s+of|a\s+maximum\s+of|minimum\s+of|maximum\s+of|about|approximately|around|roughly|"
              r"nearly|almost|circa|some|an\s+estimated|[nN]\s*=)|[<>=~\u2248\u223c\u2264\u2265])\s*$",
              re.I)
# 'none have passed phase 2 clinical trials (33-36)': the number names a phase, a stage or a type, not a count.
# So does a second number after a first ('phase 2 and 3 trials', 'phase II/III trials').
_LABEL = lazy(r"\b(?:phase|stage|grade|type|class|level|step|wave|round|tier)s?\s*"
              r"(?:[0-9IVX]{1,4}[a-c]?\s*(?:,|/|-|\u2013|\band\b|\bor\b|\bto\b)\s*)?$", re.I)
# 'A meta-analysis of 10 cohort studies (125)': with one entry cited, the count is that review's contents.
# 'a review of the literature including 28 randomized clinical trials [2]' is the same: what the review looked at
# may stand between its noun and the count.
_CONTENTS = lazy(r"\b(?:meta-?analys[ie]s|reviews?|overviews?|(?:pooled|secondary|joint)\s+analys[ie]s|re-?analys[ie]s|"
                 r"syntheses|synthesis)\s+(?:of\s+(?:the\s+)?(?:literature|evidence|published\s+data)\s+)?"
                 r"(?:of|including|pooling|combining)\s+(?:the\s+|data\s+from\s+)?$"
                 # 'factor analysis of asthma outcome data from three asthma clinical trials [21]'
                 r"|\banalys[ie]s\s+of\s+(?:[\w-]+\s+){0,4}data\s+from\s+(?:the\s+)?$", re.I)
# 'An evaluation of reported side effects after single doses in 15 double-blind randomized trials [4]': a work that
# evaluates, analyses or sums up something across the trials, its subject far from the count.
_EVALUATION = lazy(r"\b(?:evaluation|assessment|analysis|summary|survey|overview)\s+of\s+[^.;:()\[\]]{0,100}?"
                   r"\b(?:in|from|across|of)\s+$", re.I)
_DESIGN = lazy(rf"(?P<noun>{_NOUN})[\s.,;:)]*$", re.I, gated=True)
# "These three previous studies were in urban areas ... [6]" points back at studies cited before it: the marker at
# the sentence's end supports its own clause, so a demonstrative opening is no count of the sentence's markers.
_OPENING = lazy(r"^(?:(?:The|Only|All|Another|Other|In all,?|Overall,?)\s+)?$", re.I)
_ATTACHED = lazy(r"^[\s.,;:)]*$")
# 'All three trials were of the highest quality, indicating that known sources of bias are unlikely [22,8]': the
# markers come after a clause of their own, which they support; the opening count is not what they cite.
_OWN_CLAUSE = lazy(r",\s*(?:indicating|suggesting|showing|implying|meaning|which|so\s+that)\b|;\s|"
                   r"\b(?:because|since|as\s+recommended|according\s+to)\b", re.I)
# 'five motor evoked potentials >50 μV out of ten trials [46]': the count after 'out of' is of the attempts in
# which other things (named between) were counted, not of studies ('four out of seven trials' has none between).
_ATTEMPTS = lazy(rf"(?<![\w.])(?:\d+|{'|'.join(_NUMBERS)})\s+(?:[^\s\d][^\s]*\s+){{1,6}}out\s+of\s+$", re.I)
# 'the UKPDS and STENO 2 trials [26–28]': a number right after a name in capitals is the name's ('STENO 2'), no count.
_NAMED = lazy(r"\b[A-Z]{2,}[A-Za-z]*[-\s]$")
# '17 papers (11%) only perform human evaluation on short summaries (datasets like XSUM, Narayan et al., 2018)': a count
# opening the sentence with its share of a whole is a tally of the article's own sample (a survey's papers), not of
# the works the sentence goes on to cite.
_SHARE = lazy(r"\s*\(\s*\d{1,3}(?:[.,]\d+)?\s*%\s*\)")
# 'Girerd (2022), Sultana (2010) ... achieved scores of 7 among the included studies.[13-18]': a quality score's
# value, not a count of the studies.
_SCORE = lazy(r"\b(?:scores?|scored|rated|rating)\s+(?:of\s+)?$", re.I)
# '28 day and 90 day toxicity studies [13]': a number before a unit of time is a duration, not a count of studies.
_DURATION = lazy(r"\s*-?\s*(?:minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)


@dataclass(frozen=True)
class Claim:
    text: str  # as written, e.g. "five RCTs"
    count: int | None  # None for a design claim without a number
    kinds: frozenset | None  # the kinds the noun names; None for "studies"
    noun: str  # normalised noun for messages
    markers: tuple[int, ...]  # indexes of the sentence's markers the claim is about
    opening: bool = False  # the count opens the sentence, not tied to a marker next to its noun
    of_review: bool = False  # 'a meta-analysis of 10 cohort studies': may count what one cited review holds


def _noun_kinds(noun: str) -> tuple[frozenset | None, str]:
    for pattern, kinds, label in _NOUN_RX:
        if pattern.fullmatch(noun):
            return kinds, label
    return None, "studies"


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNTS[word.lower()]


_BETWEEN = lazy(r"^[\s,;]*$")


def run(text: str, spans, first: int) -> tuple[int, ...]:
    """The marker at ``first`` and those printed right after it as one citation: '[12], [13], [19]'."""
    out = [first]
    while out[-1] + 1 < len(spans) and _BETWEEN.match(text[spans[out[-1]][1]:spans[out[-1] + 1][0]]):
        out.append(out[-1] + 1)
    return tuple(out)


def count_claims(text: str, spans) -> list[Claim]:
    """Counted claims tied to markers ('five RCTs[...]', or 'Two other RCTs ...' opening the sentence)."""
    claims = []
    for m in _COUNT.finditer(text):
        if (_BOUND.search(text, max(0, m.start() - 20), m.start())
                or _LABEL.search(text, max(0, m.start() - 24), m.start()) or _DURATION.match(text, m.end("count"))
                or _SCORE.search(text, max(0, m.start() - 24), m.start())
                or _ATTEMPTS.search(text, max(0, m.start() - 80), m.start())
                or (m.group("count").isdigit() and _NAMED.search(text, max(0, m.start() - 20), m.start()))):
            continue
        contents = bool(_CONTENTS.search(text, max(0, m.start() - 40), m.start())
                        or _EVALUATION.search(text, max(0, m.start() - 130), m.start()))
        kinds, label = _noun_kinds(m.group("noun"))
        direct = [k for k, (a, _) in enumerate(spans) if a >= m.end() and _ATTACHED.match(text[m.end():a])]
        if direct:
            claims.append(Claim(m.group(0), _count(m.group("count")), kinds, label, run(text, spans, direct[0]),
                                of_review=contents))
        elif spans and _OPENING.match(text[:m.start()]) and not _OWN_CLAUSE.search(text, m.end(), spans[0][0]) \
                and not _SHARE.match(text, m.end()):
            claims.append(Claim(m.group(0), _count(m.group("count")), kinds, label, tuple(range(len(spans))),
                                opening=True, of_review=contents))
    return claims


# 'reported by Kim et al. and Briand et al. on their respective series [39–41]': whose series names the authors'
# patients, whatever the design that enrolled them; a design is claimed without a possessive ('case series [35]').
_POSSESSED = lazy(r"\b(?:their|his|her|its|our)\s+(?:(?:own|respective)\s+)?$", re.I)


def design_claims(text: str, spans) -> list[Claim]:
    """Uncounted design nouns right before a marker: 'limited to several small case reports or series.[35-54]'."""
    claims = []
    for k, (a, _) in enumerate(spans):
        m = _DESIGN.search(text, max(0, a - 60), a)
        if m and m.end() == a and not _POSSESSED.search(text, max(0, m.start() - 30), m.start()):
            kinds, label = _noun_kinds(m.group("noun"))
            if kinds is not None:
                claims.append(Claim(m.group("noun"), None, kinds, label, run(text, spans, k)))
    return claims


_TOPIC_STOP = frozenset("""evidence limited several small studies study reported patients treatment treated results
    trial trials review reviews outcomes outcome clinical included include including based compared comparing
    versus effect effects efficacy safety series reports report analysis published randomized randomised
    controlled systematic which their there these those other about after before between during without within
    using following among""".split())


def topic_stems(text: str) -> set[str]:
    """Four-letter stems of a text's content words ('sacroplasty', 'sacral' -> 'sacr')."""
    return {w[:4] for w in _CONTENT_WORD.findall(text.lower()) if w not in _TOPIC_STOP}


_CONTENT_WORD = lazy(r"[a-z]{5,}")
