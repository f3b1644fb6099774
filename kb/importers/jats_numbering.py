"""Which number each JATS reference entry has: its ``<label>``, or its place in the list.

PLOS and many publishers tag the number (``<label>1</label>``). BMC, Nature,
SciELO and many PMC articles tag none: the list is printed numbered in order
and the in-text citations print those numbers. Numbering by position is only
accepted when the article shows it is numbered that way: every in-text
citation that prints a number prints the entry's position. A list whose labels
repeat a number (a typesetting slip: SciELO's ``<label>1</label>`` on entry 32)
is numbered by position too, when every other label is its entry's position and
the citations agree; otherwise it is refused. An author-year article (its
citations print names and years) is numbered by position too, and said so: its
list is written without numbers and its citations as printed, for the reader's
author-year mode (``kb.read.author_year``). Anything else is one line naming
the problem: a list with labels on some entries only, or a citation whose number
disagrees with the list.
"""
from __future__ import annotations

import re

from kb.errors import KbError
from kb.importers.jats_inline import is_citation, local, squash

_LABEL = re.compile(r"^\W*(\d{1,5})\W*$")
# A citation that prints numbers only: "1", "[1]", "(2, 3)", "4-6", "1,3\u20135".
_NUMERIC = re.compile(r"^[\s\[\]()\d,;.\-\u2010-\u2014\u2212]*\d[\s\[\]()\d,;.\-\u2010-\u2014\u2212]*$")
_INT = re.compile(r"\d+")
_NOT_OWN = ("sub-article", "response")  # translations and replies carry their own lists


def walk(el):
    """Every element under ``el`` in document order, leaving out sub-articles and responses."""
    for child in el:
        if local(child.tag) in _NOT_OWN:
            continue
        yield child
        yield from walk(child)


def refs_of(root) -> list:
    """The article's own reference entries (without a supplement's list appended to them, see ``own_list``, nor
    an unnumbered list nothing cites beside numbered ones, see ``_aside``)."""
    lists = [[r for r in lst if local(r.tag) == "ref"] for lst in walk(root) if local(lst.tag) == "ref-list"]
    lists = [refs for refs in lists if refs]
    if len(lists) > 1:
        cited = {rid for el in walk(root) if local(el.tag) == "xref" for rid in (el.get("rid") or "").split()}
        kept = [refs for refs in lists if not _aside(refs, cited)]
        lists = kept if kept else lists
    return own_list(root, [r for refs in lists for r in refs])


def _aside(refs: list, cited: set) -> bool:
    """BMC's "Pre-publication history" list inside the reference list (one entry: the history's address): no entry
    numbered, none cited. Beside numbered lists it is a note, not part of the list the text cites."""
    return not any(_label(r)[0] for r in refs) and not any(r.get("id") in cited for r in refs)


def own_list(root, refs: list) -> list:
    """The entries without a second list appended after them: bioRxiv and medRxiv put the supplementary material's
    references after the article's in one ``<ref-list>``, numbered again from 1 (``<label>1.</label>`` on 'sc1'),
    and the text of the article cites none of them. Such a run is left out: it is another document's list. A run
    numbered again from 1 that the text does cite stays, and is judged as the list it is."""
    labels = [_label(ref)[1] for ref in refs]
    for k in range(1, len(refs)):
        run = labels[k:]
        if run[0] != 1 or None in run or any(b < a and b != 1 for a, b in zip(run, run[1:])):
            continue  # not lists numbered from 1 up (a repeated number, as a slip, is allowed; so is a third list)
        cited = {rid for el in walk(root) if local(el.tag) == "xref" for rid in (el.get("rid") or "").split()}
        return refs if any(ref.get("id") in cited for ref in refs[k:]) else refs[:k]
    return refs


def line_of(data: bytes, tag: str, attr: str, value: str) -> int | None:
    """The line of the first ``<tag ... attr="value"`` in the file (``rid`` may list several ids)."""
    pattern = (rb"<" + tag.encode() + rb"\b[^>]*\s" + attr.encode() + rb"=[\"'](?:[^\"']*\s)?"
               + re.escape(value.encode()) + rb"(?:\s[^\"']*)?[\"']")
    found = re.search(pattern, data)
    return data.count(b"\n", 0, found.start()) + 1 if found else None


def _label(ref) -> tuple[bool, int | None]:
    """(has a <label>, its number if the label is a number)."""
    label = next((c for c in ref if local(c.tag) == "label"), None)
    if label is None:
        return False, None
    found = _LABEL.match("".join(label.itertext()))
    return True, int(found.group(1)) if found else None


_YEAR_IN_LABEL = re.compile(r"\b(?:1[89]|20)\d\d[a-z]?\b|\b(?:n\.\s?d\.|in press)", re.IGNORECASE)


def _author_year_labels(refs) -> bool:
    """PeerJ labels every entry with its citation, 'Aberham, Balakrishnan & Gurja (2017a)': an author-year list,
    numbered by position like one with no labels at all."""
    texts = ["".join(label.itertext()) for ref in refs
             for label in [next((c for c in ref if local(c.tag) == "label"), None)] if label is not None]
    return len(texts) == len(refs) and all(_YEAR_IN_LABEL.search(t) and not _LABEL.match(t) for t in texts)


def _citations(root, ref_ids) -> list[tuple[tuple[str, ...], str]]:
    """(cited ids, printed text) of every bibliographic xref of the article."""
    return [(tuple((x.get("rid") or "").split()), squash("".join(x.itertext())))
            for x in walk(root) if local(x.tag) == "xref" and is_citation(x, ref_ids)]


def number_refs(root, data: bytes, source_name: str) -> tuple[list[tuple[int, object]], bool]:
    """(number, ``<ref>``) for every entry of the article's reference lists, and whether the article cites them
    by author and year (numbered by position, the numbers not printed); or a one-line KbError."""
    refs = refs_of(root)
    if not refs:
        raise KbError("the article has no reference list (no <ref> in a <ref-list>)", source_name)
    labels = [_label(ref) for ref in refs]
    if all(n is not None for _, n in labels):
        numbers = [n for _, n in labels]
        if len(set(numbers)) < len(numbers):
            return _repeated_labels(root, data, source_name, refs, numbers), False
        if numbers == list(range(1, len(refs) + 1)) and _cited_by_name(root, {r.get("id") for r in refs}):
            return list(enumerate(refs, 1)), True
        return list(zip(numbers, refs)), False
    if any(has for has, _ in labels) and not _author_year_labels(refs):
        # labels on some entries only, or labels that are not numbers
        ref = next(r for (_, n), r in zip(labels, refs) if n is None)
        rid = ref.get("id") or ""
        raise KbError(f"reference '{rid or '?'}' has no number (no numeric <label>)", source_name,
                      line_of(data, "ref", "id", rid) if rid else None)
    numbered = list(enumerate(refs, 1))
    by_name = _check_positions(root, data, source_name, {ref.get("id"): n for n, ref in numbered if ref.get("id")})
    return numbered, by_name


def _cited_by_name(root, ref_ids: set) -> bool:
    """Ubiquity Press numbers its list (``<label>1</label>`` ...) but cites it by name and year, '(Lehmann 1999)',
    and the page prints the list without the numbers: an author-year article, its labels only the entries' places.
    True when no citation prints a number of the list and at least three print a name and a year."""
    words = 0
    for rids, text in _citations(root, frozenset(i for i in ref_ids if i)):
        if not text or not rids:
            continue
        ints = [int(i) for i in _INT.findall(text)] if _NUMERIC.match(text) else []
        if ints and not 1500 <= ints[0] <= 2100:
            return False  # a citation printing an entry's number: a numbered article
        words += bool(_YEAR_IN_LABEL.search(text) and re.search(r"[A-Za-z\u00c0-\u024f]{2}", text))
    return words >= 3


def _printed_numbers(root, position: dict[str, int]):
    """(cited ids, printed numbers, their positions) of each citation that prints numbers only."""
    for rids, text in _citations(root, frozenset(position)):
        if text and rids and _NUMERIC.match(text):
            yield rids, [int(i) for i in _INT.findall(text)], [position.get(r) for r in rids]


def _agrees(ints: list[int], cited: list) -> bool:
    return ints[0] == cited[0] and (len(ints) != len(cited) or ints == cited)


def _repeated_labels(root, data: bytes, source_name: str, refs: list, numbers: list[int]) -> list[tuple[int, object]]:
    """Entries by position when a label repeats an earlier one by slip and the article shows the positions.

    Every label that is not its entry's position must be a repeated number, each entry with such a
    label must be cited by its position, and nearly all printed citations (one slip in twenty) must print
    the positions. Anything else is refused, naming the two entries.
    """
    first = {}
    for n, ref in zip(numbers, refs):
        first.setdefault(n, ref)
    slipped = [(place, ref) for place, (n, ref) in enumerate(zip(numbers, refs), 1) if n != place]
    position = {ref.get("id"): place for place, ref in enumerate(refs, 1) if ref.get("id")}
    printed = list(_printed_numbers(root, position))
    right = sum(1 for _, ints, cited in printed if _agrees(ints, cited))
    shown = {c for _, ints, cited in printed if _agrees(ints, cited) for c in cited}
    repeats = {n for n in numbers if numbers.count(n) > 1}
    if (all(numbers[place - 1] in repeats and place in shown for place, _ in slipped)
            and printed and (len(printed) - right) * 20 <= len(printed)):
        return list(enumerate(refs, 1))
    place, ref = next(((p, r) for p, r in slipped if numbers[p - 1] in repeats), slipped[0])
    ids = [first[numbers[place - 1]].get("id") or "?", ref.get("id") or "?"]
    raise KbError(f"references '{ids[0]}' and '{ids[1]}' both have the number {numbers[place - 1]} (<label>), "
                  "and the text does not show which is which", source_name,
                  line_of(data, "ref", "id", ids[1]) if ids[1] != "?" else None)


def _check_positions(root, data: bytes, source_name: str, position: dict[str, int]) -> bool:
    """Refuse position numbering unless the printed citation numbers are the positions; True when most
    citations print names and years instead (an author-year article)."""
    numeric, words = 0, []
    for rids, text in _citations(root, frozenset(position)):
        if not text or not rids:
            continue
        ints = [int(i) for i in _INT.findall(text)] if _NUMERIC.match(text) else []
        if not ints or (ints[0] > len(position) and 1500 <= ints[0] <= 2100):  # "Hites 2004", or a year alone
            words.append((rids, text))
            continue
        numeric += 1
        cited = [position.get(r) for r in rids]
        if ints[0] != cited[0] or (len(ints) == len(cited) and ints != cited):
            rid = rids[0]
            where = f"entry {cited[0]} of the list" if cited[0] else "not in the list"
            raise KbError(f"reference '{rid}' has no <label>, and the text cites it as '{text}' but it is {where}",
                          source_name, line_of(data, "ref", "id", rid) or line_of(data, "xref", "rid", rid))
    if words and len(words) >= numeric:
        return True
    if not numeric:
        raise KbError("the reference list has no numbers (no <label>) and no citation in the text prints one",
                      source_name)
