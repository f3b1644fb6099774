"""DOC 12x-13x: the running text itself (paragraphs repeated, list items split mid-sentence)."""
from __future__ import annotations

import re
from collections import Counter

from kb.patterns import lazy
from kb.read.markers import expand, find_markers
from . import finding, rule
from .helpers import apparatus

MIN_WORDS = 40  # shorter paragraphs (one-line summaries, list items) repeat wording legitimately
SIMILAR = 0.6  # share of the shorter paragraph's three-word phrases found in the other
COMMON = 25  # a phrase in more paragraphs than this ("95 CI 0") is no evidence of copying
_WORD = lazy(r"[a-z0-9]+")
_MARKER = lazy(r"\[[\d,\s\u2013-]+\]")


def _words(text: str) -> list[str]:
    return _WORD.findall(_MARKER.sub(" ", text.lower()))


def _shingles(words: list[str], sample: bool = False) -> set[tuple[str, str, str]]:
    """Three-word phrases; with ``sample``, only those starting with a word of 1, 5, 9 ... letters.

    The sample is a fixed function of the words, so copies of a paragraph
    sample the same phrases: comparing samples finds candidate pairs at a
    quarter of the cost, and only candidates are compared in full.
    """
    return {t for t in zip(words, words[1:], words[2:]) if not sample or len(t[0]) % 4 == 1}


def _similar_pairs(paragraphs) -> list[tuple[int, int, float]]:
    """(earlier, later, share) for paragraphs sharing most of their phrases.

    An index from sampled phrase to paragraphs keeps this linear in practice:
    only paragraphs that share sampled phrases are compared, and very common
    phrases are ignored.
    """
    words = [_words(p.text) for p in paragraphs]
    index: dict[tuple, list[int]] = {}
    for i, w in enumerate(words):
        for t in _shingles(w, sample=True):
            index.setdefault(t, []).append(i)
    shared: Counter = Counter()
    for posting in index.values():
        if 1 < len(posting) <= COMMON:
            for a in range(len(posting)):
                for b in range(a + 1, len(posting)):
                    shared[posting[a], posting[b]] += 1
    out = []
    for (a, b), n in shared.items():
        if n < 3:  # a couple of stock phrases in common is not a copy
            continue
        full_a, full_b = _shingles(words[a]), _shingles(words[b])
        share = len(full_a & full_b) / min(len(full_a), len(full_b))
        if share >= SIMILAR:
            out.append((a, b, share))
    return sorted(out)


_NAMED = lazy(r"\b([A-Z][\w'\u2019-]+)(?:\s+et\s+al\.?)?\s*[(\[]((?:19|20)\d\d)[a-z]?[)\]]")


def _sources(numbers_at: dict[int, list[int]], paragraph) -> set:
    """What a paragraph cites or names: its reference numbers (``numbers_at``: line -> the numbers its markers
    cite, so each paragraph reads its own lines, not every marker) and 'Surname (year)' sources."""
    cited = {n for line in range(paragraph.line, paragraph.end_line + 1) for n in numbers_at.get(line, ())}
    return cited | {(name, year) for name, year in _NAMED.findall(paragraph.text)}


# A journal's declarations (BMC's "Ethics approval and consent to participate", "Availability of data and materials")
# restate the methods by design: the form asks for them apart.
_DECLARATION = lazy(r"^(?:ethics(?: approval)?(?: and consent to participate)?|ethical (?:approval|considerations|"
                    r"statement)|ethics statement|consent (?:for|to) publication|availability of data(?: and materials)?|"
                    r"data availability(?: statement)?|declarations?|competing interests?|conflicts? of interest|"
                    r"funding|authors'? contributions)\b", re.IGNORECASE)


def _declaration_lines(doc) -> set[int]:
    return {line for section in doc.sections if section.path and _DECLARATION.match(section.path[-1].strip())
            for line in range(section.line, section.end_line + 1)}


@rule("DOC121", "repeated-paragraph", "warning")
def repeated_paragraph(kb):
    """A paragraph that repeats an earlier one almost word for word.

    What: two paragraphs of running text (at least 40 words each, list items
    left out) share most of their wording: at least 60% of the shorter one's
    three-word phrases appear in the other, and both cite or name the same
    source (a reference number, or `Surname (year)`). The finding sits on the
    later paragraph and names the earlier one. Parallel wording about different
    things (the methods of two experiments, an abstract and its conclusion) and
    an article's apparatus (figure and table legends, supplementary files'
    captions, table rows and footnotes) repeat by design and are left alone,
    as are a journal's declarations (`Ethics approval and consent to
    participate`), which restate the methods because the form asks for them.
    Two paragraphs each stating values the other lacks (`>8 actuations` under
    `High use`, `>12 actuations` under `Marked use`) may be parallel
    definitions or a copy whose values drifted: that finding is `info`; so is a paragraph that says it
    restates the main text (`Equation (3) in the main text`, an appendix's).

    Why: a study described twice, in slightly different words, is usually a
    leftover from merging two versions of the policy; readers wonder whether
    the two are different studies, and the two copies drift apart at updates.

    Example: the paragraph `Yi (2014) assessed the occurrence of new vertebral
    compression fractures ...` and, under another heading, `Yi (2014) evaluated
    the occurrence of new vertebral compression fractures ...`.

    Fix: keep one of the two (in the section where it belongs) and move any
    detail only the other has into it.
    """
    declared = _declaration_lines(kb.doc)
    paragraphs = [p for p in kb.doc.paragraphs if p.label is None and len(p.text.split()) >= MIN_WORDS
                  and not apparatus(kb.doc.lines, p.line) and p.line not in declared]
    numbers_at: dict[int, list[int]] = {}
    for m in kb.doc.markers:
        numbers_at.setdefault(m.line, []).extend(m.numbers)
    sources = [_sources(numbers_at, p) for p in paragraphs]
    for a, b, share in _similar_pairs(paragraphs):
        earlier, later = paragraphs[a], paragraphs[b]
        if not sources[a] & sources[b]:
            continue  # parallel wording about different things (methods of two experiments, an abstract)
        if _in_summary(kb.doc, earlier.line) or _in_summary(kb.doc, later.line):
            continue  # a guideline's executive summary restates its body by design (WHO)
        cited = tuple(dict.fromkeys(n for r in find_markers(later.text) for n in expand(r.inner).numbers))
        # 'For SMART, >8 actuations ... >16 actuations of salbutamol' under 'High use', '>12 ... >24' under 'Marked
        # use': one template stating other values is a set of parallel definitions, or a copy whose values drifted;
        # nothing tells which, so it is only info. A copy states the values of the paragraph it copies.
        own_values = _values(earlier.text) ^ _values(later.text)
        parallel = bool(_values(earlier.text) & own_values) and bool(_values(later.text) & own_values)
        # 'For non-nearest neighbours, the coupling ... (Equation (3) in the main text)': an appendix restating the
        # main text says so, on purpose; only info.
        parallel = parallel or bool(_POINTS_BACK.search(later.text))
        yield finding(repeated_paragraph, later.line,
                      f"this paragraph repeats the one at line {earlier.line} "
                      f"({share:.0%} of its three-word phrases are the same)",
                      column=1, citations=cited, severity="info" if parallel else None,
                      suggestion=f"keep one of the two paragraphs (lines {earlier.line} and {later.line}) and move "
                                 f"any detail only the other has into it")


_VALUE = lazy(r"(?<![\w.])\d+(?:[.,\u00b7]\d+)?")
_POINTS_BACK = lazy(r"\b(?:in|of|from|see)\s+the\s+main\s+(?:text|article|manuscript)\b", re.IGNORECASE)


def _values(text: str) -> set[str]:
    """The numbers a paragraph states, its citation markers left out."""
    for r in sorted(find_markers(text), key=lambda r: -r.start):
        text = text[:r.start] + " " + text[r.end:]
    return set(_VALUE.findall(text))


_SUMMARY_HEADING = lazy(r"\b(?:executive\s+summary|summary\s+of\s+recommendations|key\s+messages|at\s+a\s+glance)\b",
                       re.IGNORECASE)


def _in_summary(doc, line: int) -> bool:
    """A paragraph under an executive summary (or its key messages), at any depth."""
    section = doc.section_at(line)
    return bool(section) and any(_SUMMARY_HEADING.search(title) for title in section.path)


# A list item that starts like the rest of a sentence, and one that ends without closing it.
_CONTINUES = lazy(r"^(?:and|or|but|nor|which|that|who|whose|with|without|from|to|of|in|for|as|than|"
                        r"including|especially|particularly)\b")
_CLOSED = lazy(r"(?:[.!?:;)\]\"\u201d]|[;,]\s*(?:and|or)|\[\d[\d,\s\u2013-]*\])\s*$")


def _parallel(before: str, item: str) -> bool:
    """Items opening with the same word are a list written as one sentence ('The aim was: 1) to find ...,
    2) to test ..., 3) to test ...'), not an item split in two."""
    first = before.split()[:1]
    return bool(first) and first[0].casefold() == item.split()[0].casefold()


def _next_label(label: str) -> str | None:
    if label.isdigit():
        return str(int(label) + 1)
    if len(label) == 1 and label.isalpha() and label not in "zZ":
        return chr(ord(label) + 1)
    return None


@rule("DOC131", "split-list-item", "warning")
def split_list_item(kb):
    """A numbered list item that is the end of the previous item's sentence.

    What: an item of a numbered or lettered list starts with a lower-case
    joining word (`and`, `or`, `with`, `which` ...) while the item before it
    stops without closing its sentence. Typically a line break in the source
    became a new list number.

    Why: the list now shows one more item than the source has, the first
    item reads as incomplete, and every later item is numbered one too high.

    Example: `1. Kyphoplasty ... for patients with cancer` followed by
    `2. and disabling back pain from a vertebral fracture (AHA Class IIA ...)`.

    Items that open with the same word (`1) to find ...,` `2) to test ...,`) are a list written as one
    sentence and are left alone.

    Fix: join the item to the one before it and renumber the items after it.
    """
    paragraphs = kb.doc.paragraphs
    for before, item in zip(paragraphs, paragraphs[1:]):
        if not (before.label and item.label and _next_label(before.label) == item.label):
            continue
        if _CONTINUES.match(item.text) and not _CLOSED.search(before.text) and not _parallel(before.text, item.text):
            tail = " ".join(before.text.split()[-4:])
            yield finding(split_list_item, item.line,
                          f"item {item.label} ('{' '.join(item.text.split()[:6])} ...') continues the sentence of "
                          f"item {before.label} ('... {tail}')",
                          column=1,
                          suggestion=f"join item {item.label} to item {before.label} and renumber the items after it")


RULES = (repeated_paragraph, split_list_item)
