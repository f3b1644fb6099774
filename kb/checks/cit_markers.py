"""CIT1xx: citation markers and the numbers in them, against the reference list."""
from __future__ import annotations

import re

from . import finding, rule
from .unseen_places import unread_numbers, unseen_place

_MALFORMED = ("malformed item", "empty item", "number 0", "spans more than")
_ODD = ("reversed range", "range with equal ends", "appears twice")


def _closest(numbers: list[int], n: int) -> int | None:
    return min(numbers, key=lambda k: (abs(k - n), k)) if numbers else None


@rule("CIT101", "number-not-in-list", "error")
def number_not_in_list(kb):
    """A citation marker cites a number that the reference list does not have.

    What: every number in a marker such as `<sup>[5, 6, 65-67]</sup>` must be the number of an entry in
    the numbered reference list.
    Why: a reader who follows the marker finds nothing, or the wrong paper once the list is renumbered;
    it usually means the list was edited (an entry deleted or moved) without updating the text.
    Example: `... in 82 patients.<sup>[77]</sup>` in a policy whose list ends at 76.
    Fix: cite the intended entry's number, or restore the missing entry to the list.
    A correction notice (titled `Correction`, `Erratum` or `Corrigendum`, listing only the paper it corrects)
    that reprints a passage of that paper keeps the paper's own numbers: those are `info`.
    """
    listed = kb.references
    last = max(listed) if listed else 0
    reprint = last <= 2 and bool(_CORRECTION.match(kb.doc.title or ""))
    for marker in kb.doc.markers:
        for n in dict.fromkeys(marker.numbers):
            if n in listed or n == 0:
                continue
            where = f"the list ends at {last}" if n > last else "the list has no entry with that number"
            if reprint:
                where += " (a correction notice: the number may be the corrected paper's own)"
            yield finding(number_not_in_list, marker.line, f"marker {marker.raw} cites reference {n}, but {where}",
                          column=marker.column, citations=[n], severity="info" if reprint else None,
                          suggestion=f"cite an existing entry (1-{last}) or add reference {n} to the list")


_CORRECTION = re.compile(r"\W*(?:Correction|Erratum|Corrigendum|Retraction)\b", re.IGNORECASE)


@rule("CIT102", "malformed-marker", "error")
def malformed_marker(kb):
    """A citation marker has an item that is not a number or a range of numbers.

    What: marker content such as `[5,,6]`, `[5a]`, `[0]` or a range spanning hundreds of numbers.
    Why: the reader cannot tell which references are meant, and tools that link markers to entries
    skip the bad item silently.
    Example: `<sup>[12, 1a]</sup>`.
    Fix: write the marker as numbers and ranges separated by commas, e.g. `[12, 14-16]`.
    """
    for marker in kb.doc.markers:
        bad = [p for p in marker.problems if any(k in p for k in _MALFORMED)]
        if bad:
            yield finding(malformed_marker, marker.line, f"marker {marker.raw}: {'; '.join(bad)}",
                          column=marker.column, citations=sorted(set(marker.numbers)),
                          suggestion="write the marker as numbers and ranges separated by commas, e.g. [12, 14-16]")


@rule("CIT103", "reversed-or-duplicated-number", "warning")
def reversed_or_duplicated(kb):
    """A citation marker has a reversed range, a range with equal ends, or a number twice.

    What: `[54-35]`, `[7-7]` or `[5, 6, 5]`.
    Why: usually a typing slip that hides the intended citation (was `[54-35]` meant as `[35-54]`
    or `[45-54]`?); at best it is untidy.
    Example: `limited to several small case series.<sup>[54-35]</sup>`.
    Fix: write ranges low to high and each number once.
    """
    for marker in kb.doc.markers:
        odd = [p for p in marker.problems if any(k in p for k in _ODD)]
        if odd:
            tidy = _tidy(marker.numbers)
            yield finding(reversed_or_duplicated, marker.line, f"marker {marker.raw}: {'; '.join(odd)}",
                          column=marker.column, citations=sorted(set(marker.numbers)),
                          suggestion=f"write it as [{tidy}]")


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _tidy(numbers) -> str:
    """Sorted, unique, consecutive runs of three or more as ranges: '5, 6, 65-67'."""
    runs = _runs(sorted(set(numbers)))
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs)


NUMBERED_SHARE = 0.2  # below this share of the list cited by number, the document cites another way

@rule("CIT104", "uncited-entry", "warning")
def uncited_entry(kb):
    """A reference list entry that no marker in the text cites.

    What: an entry whose number appears in no citation marker, alone or inside a range.
    Why: an uncited reference is either left over from an earlier version or a citation that was
    lost from the text; either way the evidence it stands for is not tied to any statement.
    Example: entry 77 in a list whose markers stop at 76.
    Consecutive uncited entries (17, 18, 19, 20) are one finding at the first of them, naming each: the usual
    cause is a single range marker lost from the text.
    Fix: cite it where the text relies on it, or remove it from the list (and renumber). When the last entry
    is the only one left uncited, the suggestion also names the other cause: an entry inserted earlier without
    renumbering the markers, which then cite the entry before the one meant.
    When numbered markers cite fewer than a fifth of the list, the document cites some other way
    (by author and year, or not at all, as a correction notice): one info finding says so instead. When the
    text prints the entry's number raised or in brackets where the reader saw no citation (`98.4
    mm<sup>29</sup>` read as a power, `Composition Tables [24]` as a label, a marker in a heading), the
    entry may be cited there: the finding is only `info` and names that place.
    In a policy cited by author and year (a list printed without numbers), an uncited entry is info: such lists
    often hold further reading, and a citation form the reader does not know would leave its entry uncited.
    When the document's supplementary material lists references of its own (`Figs. S1 to S7 References`, as
    Science Advances prints it), an entry cited only there is numbered in the list too: the finding is `info`
    and names that line. So is it when the document lists supplementary files of text or tables it does not
    include (`S1 Table`, `Text S1`, `Additional file 1`): their citations number into the document's list, and
    the reader cannot see them. A supplement with a reference list of its own (`Supplementary References`)
    keeps the warning. So is it, too, when a table's caption stands without its rows (the table is printed as
    an image, and a table comparing studies cites them in its cells), and when a figure's caption says it
    summarises studies (`Meta-analysis of disease-free survival for trials of ...`, a forest plot): its image
    labels the studies, often with their reference numbers.
    """
    cited = sorted(kb.cited)
    entries = kb.doc.references
    if entries and len([n for n in cited if n in kb.references]) < NUMBERED_SHARE * len(entries):
        uncited = list(kb.uncited)
        yield finding(uncited_entry, entries[0].line,
                      f"{len(uncited)} of {len(entries)} entries are cited by no numbered marker: the document "
                      f"seems to cite them some other way (by author and year?), so they are not reported one by one",
                      column=1, citations=uncited, severity="info",
                      suggestion="check how the text cites its sources")
        return
    uncited = list(kb.uncited)
    if kb.doc.citation_style != "numbered":
        for n in uncited:
            entry = kb.references[n]
            yield finding(uncited_entry, entry.line, f"reference {entry.label} is not cited by name and year in the "
                          "text", column=1, citations=[n], severity="info",
                          suggestion="cite it where the text relies on it, or remove it from the list")
        return
    unread = unread_numbers(kb) if uncited else {}
    unseen = unseen_place(kb.doc) if uncited else None
    plain = []
    for n in uncited:
        entry = kb.references[n]
        if n in unread:
            line, text = unread[n]
            yield finding(uncited_entry, entry.line,
                          f"reference {n} ({entry.label}) is cited by no marker the reader is sure of: line {line} "
                          f"prints '{text}', which it did not read as a citation, and may cite it",
                          column=1, citations=[n], severity="info",
                          suggestion=f"check whether '{text}' at line {line} cites it; if not, cite it where the "
                                     f"text relies on it, or remove it from the list")
            continue
        if unseen is not None:
            said, check = unseen
            yield finding(uncited_entry, entry.line,
                          f"reference {n} ({entry.label}) is cited by no marker in the text; {said}",
                          column=1, citations=[n], severity="info",
                          suggestion=f"check whether {check} cites it; if not, cite it where the text relies on it, "
                                     f"or remove it from the list")
            continue
        plain.append(n)
    yield from _plain_uncited(kb, cited, uncited, plain)


def _plain_uncited(kb, cited, uncited, plain):
    # Consecutive uncited entries are one finding: the usual cause is one range marker lost from the text,
    # and four lines saying the same thing hide the pattern from the editor.
    for run in _runs(plain):
        if len(run) > 1:
            yield _uncited_run(kb, cited, run)
            continue
        n = run[0]
        entry = kb.references[n]
        near = _closest(cited, n)
        hint = f" (the nearest cited number is {near})" if near is not None else ""
        suggestion = "cite it where the text relies on it, or remove it from the list"
        if uncited == [max(kb.references)] and n - 1 in kb.cited:
            # Only the last entry is left over: what an entry inserted without renumbering the markers leaves.
            suggestion += ("; if an entry was inserted earlier in the list, the markers after it still cite "
                           "the old numbers: check that the entries they cite are the ones meant")
        yield finding(uncited_entry, entry.line, f"reference {n} ({entry.label}) is not cited in the text{hint}",
                      column=1, citations=[n], suggestion=suggestion)


def _uncited_run(kb, cited, run):
    first, last = run[0], run[-1]
    labels = ", ".join(kb.references[n].label for n in run)
    below, above = [c for c in cited if c < first], [c for c in cited if c > last]
    near = ([max(below)] if below else []) + ([min(above)] if above else [])
    hint = f" (the nearest cited numbers are {' and '.join(map(str, near))})" if len(near) == 2 else (
        f" (the nearest cited number is {near[0]})" if near else "")
    span = f"{first}-{last}" if len(run) > 2 else f"{first} and {last}"
    return finding(uncited_entry, kb.references[first].line,
                   f"references {span} ({labels}) are not cited in the text{hint}",
                   column=1, citations=run,
                   suggestion=f"a run of uncited entries is often one marker lost from the text: cite "
                              f"[{span.replace(' and ', ', ')}] where the text relies on them, or remove them from "
                              f"the list")


RULES = (number_not_in_list, malformed_marker, reversed_or_duplicated, uncited_entry)
