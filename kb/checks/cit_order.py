"""CIT105: a range whose last numbers are then cited again one by one as if new, in a list numbered by first citation."""
from __future__ import annotations

from . import finding, rule

ORDERED_SHARE = 0.9  # share of first citations that take the next number: the list is numbered by first citation
MIN_FIRST_CITED = 10  # too few numbers to tell how the list is ordered
MAX_TAIL = 3  # a range end pushed further than this would be a different slip
MIN_TAIL = 1  # measured: one number cited again so fires on about 1 clean range in 75 (see the rule's doc)
MIN_TAIL_WITH_NEW = 2  # one number cited again beside the next new ones is common ('[3-7]' then '[7, 8]')


def _in_text_order(markers) -> list:
    return sorted(markers, key=lambda m: (m.line, m.column))


def numbered_by_first_citation(markers) -> bool:
    """True when nearly every number is first cited right after the highest number cited so far."""
    seen: set[int] = set()
    top = new = in_order = 0
    for marker in markers:
        for n in sorted(set(marker.numbers)):
            if n in seen:
                continue
            seen.add(n)
            new += 1
            in_order += n == top + 1
            top = max(top, n)
    return new >= MIN_FIRST_CITED and in_order >= ORDERED_SHARE * new


def _last_run(marker) -> tuple[int, int]:
    """The first and last number of the marker's last range ('[2-4, 10-12]' -> 10, 12)."""
    end = max(marker.in_range)
    start = end
    while start - 1 in marker.in_range:
        start -= 1
    return start, end


def _swallowed(marker, top: int, cited_before: set[int], following: list) -> tuple[list[int], bool]:
    """The range's last numbers that the text cites again, in order, before it first cites a number past the
    range, and no other number of the range (numbers cited before the range say nothing either way); and
    whether the marker that first cites past the range is one of them ('[8], [9]' or '[8-10]' after '[3-9]').

    The range opens with the next new number, and one number cited again alone is enough; or the range
    ends past the highest number cited before it and that marker takes two or three of its last numbers
    along with the new ones ('[27-31]' then '[30-32]').
    """
    start, end = _last_run(marker)
    if not start <= top + 1 <= end:
        return [], False  # the range cites no new number: it is not a first citation
    between, past = [], None
    for later in following:
        if any(n > end for n in later.numbers):
            past = later
            break
        between.append(later)
    if past is None:
        return [], False  # no higher number is ever cited: nothing to compare with
    tail = _tail(start, end, top, cited_before, between) if start == top + 1 else []
    if tail:
        return tail, False
    tail = _tail(start, end, top, cited_before, between + [past])
    return (tail, True) if len(tail) >= MIN_TAIL_WITH_NEW else ([], False)


def _tail(start: int, end: int, top: int, cited_before: set[int], markers: list) -> list[int]:
    """The range's last numbers (past ``top``) that ``markers`` cite, in order, when they cite no other number
    of the range and nothing new up to its end."""
    first_seen: dict[int, int] = {}
    for position, later in enumerate(markers):
        for n in later.numbers:
            if n not in cited_before and n <= end:
                first_seen.setdefault(n, position)
    tail: list[int] = []
    while len(tail) < MAX_TAIL and end - len(tail) in first_seen and end - len(tail) > max(start, top):
        tail.insert(0, end - len(tail))
    if len(tail) < MIN_TAIL or set(first_seen) != set(tail):
        return []
    order = [first_seen[n] for n in tail]
    return tail if order == sorted(order) else []


@rule("CIT105", "range-end-cited-again-as-new", "info")
def range_end_cited_again(kb):
    """A range's last numbers are then cited again, in order, as if for the first time.

    What: in a list numbered by order of first citation (nine first citations in ten take the next
    number), a range such as `[3–9]` opens with the next new number, and the markers that follow cite
    no number of the range but its last one, two or three, one by one in order (`[8]`, then `[9]`),
    before a number past the range (`[10]`) is first cited. Or the range ends past the highest number
    cited before it, and the marker that first cites past it takes its last two or three numbers along
    (`[3–9]` then `[8–12]`). Numbers cited before the range may come in between; they say nothing
    either way.
    Why: that is what a range whose end was typed too high looks like: `[3–7]` written `[3–9]` swallows
    8 and 9, which the text then cites where they were first meant to appear. The range may be right
    (a group cited, then its last study discussed), so this is information to look at, not an error:
    on the published articles of six folders it fires on 16 of 916 ranges (16 of 250 articles), and
    on about 45 in 100 ranges widened by one to three numbers.
    Example: `Several trials [3–9] ... Smith et al. [8] ... Jones et al. [9] ... [10]`.
    Fix: check the range against the entries it is meant to cover; end it before the numbers cited
    again if they are not part of the group.
    """
    markers = _in_text_order(kb.doc.markers)
    if not numbered_by_first_citation(markers):
        return
    top = 0
    cited: set[int] = set()  # the numbers cited before the marker at hand
    for i, marker in enumerate(markers):
        before, top = top, max([top, *marker.numbers])
        tail, with_new = (_swallowed(marker, before, cited, markers[i + 1:])
                          if marker.in_range and max(marker.in_range) > before else ([], False))
        cited.update(marker.numbers)
        if tail:
            end, listed = max(marker.in_range), " and ".join(map(str, tail))
            if with_new:
                again = f"cites {listed} again, in order, where it first cites a number past {end}"
            elif len(tail) > 1:
                again = f"cites {listed} one by one, in order, before it first cites a number past {end}"
            else:
                again = f"cites {listed} again, alone, before it first cites a number past {end}"
            yield finding(range_end_cited_again, marker.line,
                          f"the range in {marker.raw} ends at {end}, but the text then {again}, as if "
                          f"{'they were' if len(tail) > 1 else 'it were'} new: should the range end at {tail[0] - 1}?",
                          column=marker.column, citations=tail,
                          suggestion=f"check whether {listed} belong{'' if len(tail) > 1 else 's'} to the range; "
                                     f"if not, end it at {tail[0] - 1}")


RULES = (range_end_cited_again,)
