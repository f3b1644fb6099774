"""Running text: paragraphs, sentences and the citation markers inside them.

Policies exported from PDF often break a sentence across a blank line
("... P =" / "" / ".56), ..."). A paragraph that stops without closing
punctuation continues into the next one when that one starts in lower case
or with punctuation; this keeps sentences whole without guessing elsewhere.
"""
from __future__ import annotations

import bisect
import functools
import html
import re
from dataclasses import dataclass, replace

from kb.patterns import lazy
from kb.read.byline import is_byline
from kb.read.marker_style import CAPTION, LABEL_NOTE, choose
from kb.read.marker_model import PAREN
from kb.read.marker_numbers import Expansion
from kb.read.markers import SUP, SUP_BRACKET, UNICODE, expand, scan_line
from kb.read.model import CitationMarker, Paragraph, Sentence

_RAISED = tuple("\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")  # a raised digit that can open a label
_LIST_ITEM = lazy(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|[A-Za-z][.)]\s+|[IVXivx]+[.)]\s+)")
_ENDS_OPEN = lazy(r"[^.!?:;)\]\"\u201d>]\s*$")
_CONTINUES = lazy(r"^\s*[a-z0-9.,;:)\u2013\-]")
# Raised markers after the stop belong to the sentence they close, a spaced run of them too ('a day.<sup>19</sup>
# <sup>20</sup> Compliance ...', BMJ's Archives): the next sentence opens after the last. So do numbers in square
# brackets glued to the stop ('in decision making.[31] It was ...', Medknow): without them the two sentences read as one,
# and a name in the second took the first one's markers.
_BOUNDARY = lazy(
    r"(?<=[.!?])[\"\u201d\u2019')\]]*(?:\s*<sup>[^<]*</sup>(?:[ ,]*<sup>[^<]*</sup>)*"
    r"|\[\d{1,4}(?:\s*[,\-\u2013]\s*\d{1,4})*\](?:,?\[\d{1,4}(?:\s*[,\-\u2013]\s*\d{1,4})*\])*)?"
    r"\s+(?=[A-Z0-9\"\u201c(\[<$])"
)
_NO_BREAK_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])et al|\bvs|\be\.g|\bi\.e|\bie|\beg|\bcf|\bDr|\bMr|\bMrs|\bMs|\bNo|\bFig|\bapprox|"
    r"\bSt|\bJr|\bSr|\bInc|\bCo|\bVol|\bpp|\b[A-Z])[*_]*\.[\"\u201d)]*$"
)


@dataclass(frozen=True)
class Block:
    """Consecutive lines read as one paragraph, with each line's offset in ``text``."""

    lines: tuple[int, ...]
    starts: tuple[int, ...]
    text: str

    def line_at(self, offset: int) -> int:
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


def make_block(numbered: list[tuple[int, str]]) -> Block:
    starts, parts, pos = [], [], 0
    for _, text in numbered:
        starts.append(pos)
        parts.append(text)
        pos += len(text) + 1
    return Block(tuple(n for n, _ in numbered), tuple(starts), " ".join(parts))


def group_blocks(numbered_lines: list[tuple[int, str]]) -> list[Block]:
    """Group (line number, text) pairs into paragraphs; list items stand alone."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    gap = False
    for num, text in numbered_lines:
        if not text.strip():
            gap = True
            continue
        is_item = bool(_LIST_ITEM.match(text))
        joins = current and (
            (not gap and not is_item)
            or (gap and not is_item and _ENDS_OPEN.search(current[-1][1]) and _CONTINUES.match(text))
        )
        if joins:
            current.append((num, text))
        else:
            if current:
                groups.append(current)
            current = [(num, text)]
        gap = False
    if current:
        groups.append(current)
    return [make_block(g) for g in groups]


_UNANSWERED = Expansion((), (), frozenset())
_SUP_CITE = lazy(r"<sup>\s*(\[[^<\]]*\])\s*</sup>", re.IGNORECASE)
_SUP_OTHER = lazy(r"<sup>\s*([^<]*?)\s*</sup>", re.IGNORECASE)
_TAG = lazy(r"<[^>]{0,200}>")
_EMPHASIS = lazy(r"\*{1,3}|_{2,3}")
_BULLET = lazy(r"^\s*[-*+]\s+")
# The Lancet journals print the decimal point raised, "hazard ratio 1\u00b718 [95% CI 0\u00b795\u20131\u00b745]": read as a point,
# so the numbers are the numbers (one character for one, so offsets stay).
_MID_DOT_DECIMAL = lazy(r"(?<=\d)\u00b7(?=\d)")


@functools.lru_cache(maxsize=8192)  # pure; estimates map every number back to its line, cleaning the lines again
def clean_text(raw: str) -> str:
    """Markup out, markers kept as '[n]', a raised decimal point a point: the sentence a reader sees."""
    text = _SUP_CITE.sub(r" \1", raw) if "<" in raw else raw
    if "<" in text:
        text = _TAG.sub("", _SUP_OTHER.sub(r"\1", text))
    if "\\" in text or "$" in text:
        text = text.replace("\\pm", "\u00b1").replace("$", "")
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    if text.lstrip()[:1] in ("-", "*", "+"):
        text = _BULLET.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(points(text).split())


def points(text: str) -> str:
    """'1\u00b718' -> '1.18': a raised decimal point (the Lancet's) as a point; nothing else changes."""
    return _MID_DOT_DECIMAL.sub(".", text) if "\u00b7" in text else text


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a paragraph."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _NO_BREAK_BEFORE.search(text[max(start, m.start() - 12): m.start()]):
            continue
        if _LIST_ITEM.fullmatch(text[start: m.end()]):
            continue  # "1. Kyphoplasty ...": a list label is not a sentence of its own
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def read_prose(blocks: list[Block], section_for_line, last_entry: int | None = None, scan=None):
    """Sentences, markers and the spans left unread as ambiguous, numbered in document order.

    ``scan`` reads a paragraph's markers in place of the numbered styles (an author-year list's citations,
    which may run over a line's end): its markers are all kept."""
    if scan is not None:
        chosen, skipped = [row for block in blocks for row in _scanned_by_block(block, scan)], []
    else:
        per_line, captions = [], set()
        for block in blocks:
            noted = False  # the line before opened with a raised label: these lines are notes, each its own
            byline = False
            for i, num in enumerate(block.lines):
                line_text = block.text[block.starts[i]: block.starts[i] + _line_len(block, i)]
                opens = i == 0 or noted or line_text.lstrip().startswith("|")
                byline = is_byline(line_text, continues=byline)
                found, unsure = ([], []) if byline else scan_line(line_text, opens_block=opens)
                # affiliations under a byline, each opening with its raised number ('\u00b9 School of ...', a Word
                # file's lines of one paragraph), are labelled lines too
                noted = byline or line_text.lstrip().lower().startswith("<sup>") or line_text.lstrip().startswith(_RAISED)
                per_line.append((num, found, unsure))
                if CAPTION.match(line_text) or (len(block.lines) == 1 and LABEL_NOTE.match(line_text)):
                    captions.add(num)
        chosen, skipped = choose(per_line, last_entry, captions)
    kept = iter(chosen)
    sentences: list[Sentence] = []
    markers: list[CitationMarker] = []
    for block in blocks:
        rows = [(i, num, next(kept)[1]) for i, num in enumerate(block.lines)]
        spans = _closing_markers(block, split_sentences(block.text), rows)
        first_index = len(sentences)
        span_starts = [s for s, _ in spans]
        placed = []  # (offset in block, RawMarker)
        for i, num, found in rows:
            placed += [(block.starts[i] + raw.start, raw) for raw in found]
            for raw in found:
                offset = block.starts[i] + raw.start
                which = first_index + max(0, bisect.bisect_right(span_starts, offset) - 1)
                exp = expand(raw.inner) if raw.inner or not raw.notes else _UNANSWERED
                markers.append(CitationMarker(
                    raw=raw.raw, inner=raw.inner.strip(), numbers=exp.numbers, line=num,
                    column=raw.start + 1, section_id=section_for_line(num),
                    sentence_index=which if spans else None, problems=exp.problems + raw.notes,
                    in_range=exp.from_range,
                ))
        for start, end in spans:
            line = block.line_at(start)
            sentences.append(Sentence(
                text=clean_text(_bracketed(block.text, start, end, placed)),
                line=line,
                end_line=block.line_at(max(start, end - 1)),
                section_id=section_for_line(line),
                index=len(sentences),
            ))
    return sentences, markers, tuple(skipped)


def _closing_markers(block: Block, spans: list[tuple[int, int]], rows) -> list[tuple[int, int]]:
    """Sentences with the citation in parentheses set after their full stop ('... than unilateral mastectomy. (20)
    Moreover, in a study by Eck et al. (2014) ...', as HCSC's policies print it) end after that citation: it cites
    the sentence before it, not the one it opens."""
    spans = list(spans)
    for i, _, found in rows:
        for raw in found:
            if raw.style != PAREN:
                continue
            at, end = block.starts[i] + raw.start, block.starts[i] + raw.end
            k = next((k for k, (a, b) in enumerate(spans) if a <= at < b), None)
            if not k or block.text[spans[k][0]:at].strip() or not block.text[:spans[k][0]].rstrip().endswith(
                    (".", "!", "?")):
                continue
            spans[k - 1] = (spans[k - 1][0], end)
            spans[k] = (end, spans[k][1])
    return [(a, b) for a, b in spans if block.text[a:b].strip()]


def _scanned_by_block(block: Block, scan) -> list[tuple[int, list]]:
    """(line, markers) for each line of a paragraph scanned whole: each marker goes to the line it starts on,
    its offsets made the line's."""
    rows = [(num, []) for num in block.lines]
    for raw in scan(block.text):
        i = bisect.bisect_right(block.starts, raw.start) - 1
        rows[i][1].append(replace(raw, start=raw.start - block.starts[i], end=raw.end - block.starts[i]))
    return rows


def _bracketed(text: str, start: int, end: int, placed) -> str:
    """The sentence with every marker written '[n, m]', as the checks read markers in sentences."""
    out, pos = [], start
    for offset, raw in placed:
        if offset < pos or offset + len(raw.raw) > end:
            continue
        out.append(text[pos:offset])
        if not raw.inner and raw.notes:
            out.append("[]")  # a citation no entry answers: out of the words, so it is not read again as a name
            pos = offset + len(raw.raw)
            continue
        lead = " " if raw.style in (SUP, SUP_BRACKET, UNICODE) else ""
        out.append(f"{lead}[{raw.inner.strip()}]")
        pos = offset + len(raw.raw)
    out.append(text[pos:end])
    return "".join(out)


def _line_len(block: Block, i: int) -> int:
    end = block.starts[i + 1] - 1 if i + 1 < len(block.starts) else len(block.text)
    return end - block.starts[i]


# "- a. text", "1) text", "IV. text", "- text": the label of a list item.
_ITEM_LABEL = lazy(r"^\s*(?:(?P<bullet>[-*+])\s+)?(?:(?P<label>\d{1,3}|[IVX]{1,4}|[ivx]{1,4}|[A-Za-z])[.)]\s+)?")


def read_paragraphs(blocks: list[Block], section_for_line) -> list[Paragraph]:
    """Each block as a ``Paragraph``: cleaned text without its list label, and the label."""
    out = []
    for block in blocks:
        m = _ITEM_LABEL.match(block.text)
        label = m.group("label") or m.group("bullet")
        body = block.text[m.end():] if label else block.text
        out.append(Paragraph(clean_text(body), block.lines[0], block.lines[-1],
                             section_for_line(block.lines[0]), label))
    return out
