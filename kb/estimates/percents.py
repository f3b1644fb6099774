"""Counts printed with their percentages ('229 (53%)', '6 out of 16 (37%)') and the denominator each is of
(pure): printed beside it ('of 78'), opening the sentence ('Out of 431 patients, ...'), a flow's later stage, or
the arm named after it."""
from __future__ import annotations

import re

from kb.patterns import lazy
from .count_forms import INT, PEOPLE, SCREENED, as_int, totals_in
from .model import rounds_to
from .numbers import WORD_NUMBER, word_or_number

_COUNT = lazy(rf"(?=[\dtfesno])(?<![\d.,])(?<![^\W\d_])(?P<c>{INT}|{WORD_NUMBER})\s+(?:[a-z]+\s+)?\(\s*(?P<p>\d+(?:\.\d+)?)\s?%\s*\)",
                    re.IGNORECASE)
_DENOM_AFTER = lazy(rf"\s*(?:of|out of)\s+(?:the\s+)?(?P<d>{INT})\b")
_DENOM_BEFORE = lazy(rf"(?:^|[,;]\s*)(?:out of|of)\s+(?:the\s+)?(?P<d>{INT})\s+(?:[\w-]+\s+){{0,2}}?{PEOPLE}\b",
                           re.IGNORECASE)


# '6 out of 16 patients (37%)': the count before 'out of' is the percentage's count, the one after its denominator.
# A hyphen before the count ends a longer number ('Two-hundred-fifty of 1,063 (23.5%)'), whose last word alone is
# no count.
_PART_BEFORE = lazy(rf"(?<![\d.,])\b(?<!-)(?P<k>{INT}|{WORD_NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?$", re.IGNORECASE)
# 'Of 1712 subjects screened, 1041 were randomized and 1040 were exposed ...; 147 subjects (14.1%) withdrew': a
# flow's later stage, of which a percentage after it is taken, not of those screened.
_STAGE = lazy(rf"(?<![\d.,])(?P<n>{INT})\s+(?:were|was)\s+(?:[\w-]+\s+)?(?:randomi[sz]ed|enrolled|included|allocated|"
              r"assigned|exposed|treated|analy[sz]ed)\b", re.IGNORECASE)


# '433/1119 (38.7%)': a count printed over its denominator; the percentage is of the number after the slash.
# The count over the slash is grouped as its denominator is: a space inside it only when the denominator has one
# ('10 746/19 984 (54%)', the Lancet's thousands); in a table row flattened to text ('1 158 / 3,032 (5.2%)', the class
# in one cell and the count in the next) the number before the space is another cell's.
_SLASH_BEFORE = lazy(r"(?<![\d.,/\u2013\u2014-])(?P<k>\d{1,3}(?:,\d{3})+(?!\d)|\d+)\s*/\s*$")
_SPACED_SLASH_BEFORE = lazy(rf"(?<![\d.,/\u2013\u2014-])(?P<k>{INT})\s*/\s*$")
# '... the AZL-M/CTD 20/12.5–40/25 mg group (0.5%)': a combination's doses over a slash, no count over its
# denominator; a unit after the second number says so.
_DOSE_UNIT = lazy(r"\s*(?:mg|g|mcg|\u00b5g|\u03bcg|ng|ml|mL|mmHg|mmol|IU|units?)\b")
# '34 975 were aged 40-74 ...; however, of these, 2550 (7.3%) had ...': 'of these' takes the count printed last
# before it, not the sentence's opening total.
_OF_THESE = lazy(r"\b(?:of|among)\s+(?:these|them|those|whom)\b[\s,]*(?:[\w-]+\s+){0,3}?$", re.IGNORECASE)
_A_COUNT = lazy(rf"(?<![\d.,\w])(?P<n>{INT})(?![\d.,]\d)(?![\w%-])(?!\s*%)")


_PLACES_AFTER = lazy(r"\s*(?:sites|centres|centers|hospitals|clinics|practices|facilities|countries|regions|districts|"
                     r"provinces|states|villages|schools|wards|units|studies|trials)\b", re.IGNORECASE)


def counts_with_percent(text: str) -> list[tuple[re.Match, str | None]]:
    """(match, denominator as printed or None) for each 'count (p%)'; ``printed_count`` gives its count."""
    out: list = []
    if "%" not in text:
        return out
    for m in _COUNT.finditer(text):
        part = _PART_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if part or _over_slash(text, m):
            out.append((m, m.group("c")))
            continue
        after = _DENOM_AFTER.match(text, m.end())
        if after:
            out.append((m, after.group("d")))
            continue
        before = [d for d in _DENOM_BEFORE.finditer(text[:m.start()])]
        denom = before[-1].group("d") if len(before) == 1 else None
        # 'Out of the 537 patients randomized, a total of 484 participants, 276 male (57.0%)': a total printed
        # between the denominator and the count is the count's own group.
        nearer = denom and any(t.start() >= before[-1].end() for t in totals_in(text[:m.start()]))
        if denom and not nearer and SCREENED.match(text, before[-1].end()):
            stages = list(_STAGE.finditer(text, before[-1].end(), m.start()))
            denom = stages[-1].group("n") if stages else denom
        # 'Of 806 participants from 26 sites, 90 (11.2%) participants from 5 (19.2%) sites': a count of places is
        # not of the people the sentence opens with.
        if denom and _PLACES_AFTER.match(text, m.end()):
            denom = None
        if denom and not nearer:
            these = _of_these(text, before[-1].end(), m)
            if these is not False:
                out.append((m, these))
                continue
        out.append((m, None if nearer else (_subgroup(text, m, before[-1].end()) or _restated(text, m, before[-1].end(), denom)
                                             or denom) if denom else None))
    return _per_arm(text, out)


def printed_count(text: str, m: re.Match) -> str:
    """The count a 'count (p%)' match gives its percentage of: the one before 'out of' or a slash when one stands
    there."""
    part = _PART_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _over_slash(text, m)
    return part.group("k") if part else m.group("c")


def _over_slash(text: str, m: re.Match) -> re.Match | None:
    """The count printed over the slash before ``m``'s number ('433/1119 (38.7%)'), unless the two are doses."""
    if _DOSE_UNIT.match(text, m.end("c")):
        return None
    slash = _SPACED_SLASH_BEFORE if " " in m.group("c") else _SLASH_BEFORE
    return slash.search(text, max(0, m.start() - 14), m.start())


def _of_these(text: str, start: int, m: re.Match) -> str | None | bool:
    """The denominator 'of these' names between the sentence's total (ending at ``start``) and the count ``m``:
    the last count printed before the phrase when the percentage fits it, else None (unsure); False when no
    such phrase stands there."""
    these = None
    for these in re.finditer(r"\b(?:of|among)\s+(?:these|them|those|whom)\b", text[start:m.start()], re.IGNORECASE):
        pass
    if these is None:
        return False
    count = word_or_number(printed_count(text, m))
    numbers = [as_int(c.group("n")) for c in _A_COUNT.finditer(text, start, start + these.start())]
    numbers = [n for n in numbers if n and count is not None and n > count]
    return str(numbers[-1]) if numbers and _fits(count, m.group("p"), numbers[-1]) else None


_ARM_AFTER = lazy(r"\s*(?:[\w-]+\s+){0,3}?(?:intervention|comparison|control|placebo|treatment|usual care)\b|"
                  r"\s*(?:[\w-]+\s+){0,3}?(?:group|arm)\b", re.IGNORECASE)


def _per_arm(text: str, found: list) -> list:
    """'Out of 23 participants ..., 10 (57.5%) intervention participants and 3 (75%) from the comparison group': when
    the counts an earlier total shares are each an arm's and their percentages add up past 100%, each is of its
    own arm, which the sentence does not print: no denominator."""
    shared: dict[str, list] = {}
    for m, denom in found:
        if denom and not _DENOM_AFTER.match(text, m.end()):
            shared.setdefault(denom, []).append(m)
    unsure = {id(m) for ms in shared.values() if len(ms) > 1 and sum(float(m.group("p")) for m in ms) > 100.5
              and all(_ARM_AFTER.match(text, m.end()) for m in ms) for m in ms}
    return [(m, None if id(m) in unsure else denom) for m, denom in found]


def _fits(count: int, percent_text: str, of: int) -> bool:
    """The percentage is count / of, as rounding or cutting it to its printed digits gives it."""
    return of > 0 and rounds_to(100 * count / of, percent_text)


def _subgroup(text: str, m: re.Match, start: int) -> str | None:
    """A count printed between the sentence's denominator and this one, of which this one's percentage is taken:
    "Out of the 96 subjects, 23 (24%) had refractive error; astigmatism was found in 10 (43.5%)" (10 of 23)."""
    count = word_or_number(m.group("c"))
    if count is None:
        return None
    for earlier in _COUNT.finditer(text, start, m.start()):
        n = word_or_number(earlier.group("c"))
        if n and n > count and _fits(count, m.group("p"), n):
            return str(n)
    return None


def _restated(text: str, m: re.Match, start: int, denom: str) -> str | None:
    """'Of 144 persons (136 passengers and 8 crew) ..., follow-up ... were completed for 140; 8 (5.7%) had ...': a
    larger number printed between the opening total and the count, of which the percentage is taken when it is not
    of the total (a later stage of the flow)."""
    count, total = word_or_number(m.group("c")), word_or_number(denom)
    if count is None or total is None or _fits(count, m.group("p"), total):
        return None
    numbers = [as_int(c.group("n")) for c in _A_COUNT.finditer(text, start, m.start())]
    fitting = [n for n in numbers if n and n > count and _fits(count, m.group("p"), n)]
    return str(fitting[-1]) if fitting else None
