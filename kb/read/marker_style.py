"""Which marker styles a document cites with, decided over the whole document.

A raised ``<sup>2</sup>`` after a word is a citation in a document that
cites with superscripts and most likely a square or a footnote in one that
cites with brackets; ``(1, 2)`` is a citation only in a document that has no
other markers but a stray few and whose list the parentheses mostly cover. A document that
writes intervals (``[10, 20] mm``) writes the same pair, or a pair reaching past
its list, as an interval elsewhere too. Pure: candidates in, the kept markers and the skipped spans out.
"""
from __future__ import annotations

import re
from collections import Counter

from kb.read.marker_values import INTERVAL
from kb.read.markers import BRACKET, PAREN, REF_WORD, SUP, SUP_BRACKET, UNICODE, RawMarker, Skipped, expand

_DIGITS = re.compile(r"\d+")
_PAIR = re.compile(r"^\[\s*\d+\s*[,;]\s*\d+\s*\]$")
# Fewer parenthesised candidates than this are too few to call a style.
_MIN_PAREN = 3
# Parentheses outnumbering every other marker this many times over are the style, the others strays.
_PAREN_LEAD = 4
_STRAYS = 2  # ... and never more than this many
_FAR_PAST = 10  # a range citing this many numbers past the list's end, most of it, is no citation


def kept_styles(counts) -> frozenset[str]:
    """The styles a document with these candidate counts (style -> count) is read as citing with."""
    counts = Counter(counts)
    brackets = counts[BRACKET]
    kept = {BRACKET, SUP_BRACKET, REF_WORD}  # "ref. 13" cites whatever the document's own style
    for raised in (SUP, UNICODE):
        # A document citing with brackets uses raised numbers for something else.
        if counts[raised] >= brackets or brackets < 3:
            kept.add(raised)
    others = brackets + counts[SUP_BRACKET] + counts[SUP] + counts[UNICODE]
    # Parentheses cite where they are the document's markers: alone, or with a stray few of another kind
    # (an aside "accession no. ABN11829 [4]" in an article that cites "(1)" throughout).
    if counts[PAREN] >= _MIN_PAREN and others <= _STRAYS and counts[PAREN] >= _PAREN_LEAD * others:
        kept.add(PAREN)
    return frozenset(kept)


_WHY = {
    SUP: "a raised number in a document that cites with brackets",
    UNICODE: "a raised number in a document that cites with brackets",
    PAREN: "a number in parentheses in a document with too few of them to call a style",
}


def beyond_the_list(marker: RawMarker, last_entry: int | None) -> bool:
    """'[140, 160]' in an article of 59 entries is an interval: several numbers, none of them an entry.

    A single number past the end ('[77]' in a list of 76) stays a marker: a misnumbered citation is
    exactly what the checks must report.
    """
    if not last_entry:
        return False
    numbers = [int(n) for n in _DIGITS.findall(marker.inner)]
    if len(numbers) > 1 and min(numbers) > last_entry:
        return True
    # '[29–97]' in a list of 29 (a table's age range after its mean and SD): a range that reaches far past the end,
    # most of it no entry, is a range of values; a range a few numbers too long ('[25–31]') stays to be reported.
    read = expand(marker.inner)
    if read.problems or any(d.startswith("0") for d in _DIGITS.findall(marker.inner)):
        return False  # a reversed range or a leading zero is a code's (code_not_citation says which)
    past = sum(1 for n in read.numbers if n > last_entry)
    return past >= _FAR_PAST and past * 2 > len(read.numbers)


_PADDED = re.compile(r"(?<!\d)0\d")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def code_not_citation(marker: RawMarker, last_entry: int | None) -> str | None:
    """Why '(300-02)' is a product's catalogue number, not entries 2 to 300, or None.

    A number written with a leading zero ('02', '0042') is a code, a date or a catalogue number: no list is
    numbered that way. A reversed range whose larger end is past the list ('(4763-1)') is not a citation either:
    a misnumbered citation past the end stays a marker ('[77]' in a list of 76, or '[5-3]' reversed inside it).
    """
    if _PADDED.search(marker.inner):
        return "a number written with a leading zero (a code or catalogue number)"
    # '(1,673)', MMWR's sample size in parentheses: one number grouped by thousands, no space after its comma, whose
    # groups read as citations would run past the list ('(1,6)' or '(12,145)' in a long list stay citations).
    if last_entry and _GROUPED.fullmatch(marker.inner) \
            and max(int(n) for n in _DIGITS.findall(marker.inner)) > last_entry:
        return "a number grouped by thousands past the reference list (a count)"
    ends = [int(n) for n in _DIGITS.findall(marker.inner)]
    if last_entry and len(ends) == 2 and ends[0] > ends[1] and ends[0] > last_entry:
        return "a reversed range past the reference list (a code or catalogue number?)"
    return None


def _interval_of(marker: RawMarker, intervals: frozenset[str], last_entry: int | None) -> str | None:
    """Why a bracketed pair is an interval in a document that writes intervals ('[10, 20] mm'), or None.

    The same pair printed elsewhere with a unit is the same interval ('**[10, 20]**' heading a table
    column); a pair reaching past the list ('[15, 45]' in a list of 43) is one too, there. In a document
    that writes no intervals such a pair stays a marker: a misnumbered citation must be reported.
    """
    if not intervals or marker.style != BRACKET or not _PAIR.match(marker.raw):
        return None
    if "".join(marker.raw.split()) in intervals:
        return "a pair of numbers printed elsewhere as an interval"
    if last_entry and max(int(n) for n in _DIGITS.findall(marker.inner)) > last_entry:
        return "a pair of numbers past the reference list in a document that writes intervals"
    return None


def _parens_cover_the_list(per_line, last_entry: int | None) -> bool:
    """Parentheses cite in a document whose list they mostly cover; "mild (1-3), severe (7-10)" and a
    stray "(131)" in an article whose real markers were lost do not make a citation style."""
    if not last_entry:
        return True
    cited = {n for _, found, _ in per_line for r in found if r.style == PAREN
             for n in expand(r.inner).numbers if 1 <= n <= last_entry}
    return 2 * len(cited) >= last_entry


def _raised_are_notes(per_line, last_entry: int | None, labels: frozenset[int] | set[int] = frozenset()) -> bool:
    """Raised numbers mark notes, not citations, in a document whose parentheses cite across its list while its
    raised numbers touch a few of its first entries only (WHO: '(1)' ... '(92)' in the text, GRADE evidence
    tables marking 'serious imprecision<sup>1</sup>' ... '<sup>6</sup>'). A document citing with raised numbers
    cites across its list with them, so it is never read so. Raised numbers on ``labels`` (captions, a label alone
    on its line) are notes whatever they touch: NGC's commentary on eating disorders marks three headings 'Anorexia
    Nervosa<sup>1</sup>' ... '<sup>3</sup>' and cites its nine entries in parentheses."""
    if not last_entry:
        return False
    styles = Counter(r.style for _, found, _ in per_line for r in found)
    raised = [(line, n) for line, found, _ in per_line for r in found if r.style in (SUP, UNICODE)
              for n in expand(r.inner).numbers if 1 <= n <= last_entry]
    in_text = {n for line, n in raised if line not in labels}
    return bool(raised) and styles[BRACKET] + styles[SUP_BRACKET] <= _STRAYS and styles[PAREN] >= _MIN_PAREN and \
        4 * len(in_text) < last_entry and _parens_cover_the_list(per_line, last_entry)


# '**TABLE 1** Age-standardized characteristics ... in the NHS and HPFS<sup>1</sup>': a caption's raised number
# marks its table's note (AJCN, Oxford); it says nothing of how the text cites.
CAPTION = re.compile(r"^\s*\*\*(?:TABLE|Table|FIGURE|Figure|Fig\.?)\s*S?\d+")
# 'Anorexia Nervosa<sup>1</sup>' alone on its line: a label whose raised number points to a definition or a note
# (NGC's commentary on eating disorders marks three such headings and cites its nine entries in parentheses); like
# a caption's, it says nothing of how the text cites.
LABEL_NOTE = re.compile(r"^\s*(?:\*\*)?[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,5}(?:\*\*)?\s*<sup>\d+</sup>\s*$")


def choose(per_line: list[tuple[int, list[RawMarker], list[Skipped]]], last_entry: int | None = None,
           captions: frozenset[int] | set[int] = frozenset()
           ) -> tuple[list[tuple[int, list[RawMarker]]], list[tuple[int, Skipped]]]:
    """Keep the markers of the document's styles; the others become skipped spans (parentheses only
    when the document has no other markers, since "(1)" is far more often a list label). Raised numbers on
    ``captions`` (line numbers) do not count toward a style."""
    notes = _raised_are_notes(per_line, last_entry, captions)
    counts = Counter(r.style for line, found, _ in per_line for r in found
                     if not ((line in captions or notes) and r.style in (SUP, UNICODE)))
    kept = kept_styles(counts)
    why_not = dict(_WHY)
    if notes:
        kept = kept - {SUP, UNICODE}
        why_not[SUP] = why_not[UNICODE] = "a raised number in a document that cites with parentheses (a note's mark)"
    if PAREN in kept and not _parens_cover_the_list(per_line, last_entry):
        kept = kept - {PAREN}
        why_not[PAREN] = "numbers in parentheses that cite under half of the reference list"
    markers, skipped = [], []
    quiet_parens = bool(counts[BRACKET] + counts[SUP_BRACKET] + counts[SUP] + counts[UNICODE])
    intervals = frozenset("".join(s.text.split()) for _, _, unsure in per_line for s in unsure if s.reason == INTERVAL)
    for line, found, unsure in per_line:
        keep = []
        skipped += [(line, s) for s in unsure]
        for r in (r for r in found if r.style in kept):
            why = ("numbers mostly past the reference list (an interval?)" if beyond_the_list(r, last_entry)
                   else code_not_citation(r, last_entry) or _interval_of(r, intervals, last_entry))
            if why:
                skipped.append((line, Skipped(r.raw, r.start, why)))
            else:
                keep.append(r)
        markers.append((line, keep))
        for r in found:
            if r.style not in kept and not (r.style == PAREN and quiet_parens):
                skipped.append((line, Skipped(r.raw, r.start, why_not[r.style])))
    return markers, skipped
