"""Where an estimate sits: its line, its citations and its clause (what the clause claims: ``kb.estimates.claims``).

A rationale usually introduces a study in a paragraph's first sentence (with
the citation marker) and reports its results in the sentences after it, so a
result without a marker of its own takes the paragraph's first marker, and a
paragraph without any marker takes the nearest marker above it in the same
section. The table records which of these happened (``cited_in``).
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.model import PolicyDocument, Sentence
from kb.read.prose import clean_text

_LIST_ITEM = lazy(r"^\s*(?:[-*+]\s|\d+[.)]\s)")
# Where a clause ends for the purpose of "which words govern this number".
CLAUSE_BREAK = lazy(r";|:\s|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|\balthough\b", re.IGNORECASE)


def paragraphs(doc: PolicyDocument) -> list[list[int]]:
    """Sentence indices grouped by paragraph (a blank line or a new section starts one)."""
    groups: list[list[int]] = []
    prev: Sentence | None = None
    for s in doc.sentences:
        same = prev is not None and s.section_id == prev.section_id and (
            s.line == prev.end_line
            or (s.line == prev.end_line + 1 and not _LIST_ITEM.match(doc.lines[s.line - 1])))
        if same:
            groups[-1].append(s.index)
        else:
            groups.append([s.index])
        prev = s
    return groups


def markers_by_sentence(doc: PolicyDocument) -> dict[int, tuple[int, ...]]:
    out: dict[int, list[int]] = {}
    for m in doc.markers:
        if m.sentence_index is not None:
            out.setdefault(m.sentence_index, []).extend(m.numbers)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def citations_for(doc: PolicyDocument, cited: dict, paragraph: list[int], index: int) -> tuple[tuple[int, ...], str]:
    """(numbers, where they came from) for the sentence ``index`` in ``paragraph``."""
    if cited.get(index):
        return cited[index], "sentence"
    for i in paragraph:
        if cited.get(i):
            return cited[i], "paragraph"
    section = doc.sentences[index].section_id
    for i in range(paragraph[0] - 1, -1, -1):
        if doc.sentences[i].section_id != section:
            break
        if cited.get(i):
            return cited[i], "section"
    return (), ""


def locate(doc: PolicyDocument, sentence: Sentence, offset: int, snippet: str) -> tuple[int, int | None]:
    """The line (and column, when it can be found in the raw line) of ``offset`` in the sentence text.

    The sentence text is cleaned (markup out, whitespace collapsed); cleaning
    each line on its own and joining them gives the same text, so offsets map
    back to lines. If markup spans lines and the mapping fails, the sentence's
    first line is the honest answer.
    """
    parts = [(n, clean_text(doc.lines[n - 1])) for n in range(sentence.line, sentence.end_line + 1)]
    parts = [(n, t) for n, t in parts if t]
    joined, starts, pos = [], [], 0
    for n, t in parts:
        starts.append((pos, n))
        joined.append(t)
        pos += len(t) + 1
    at = " ".join(joined).find(sentence.text)
    line = sentence.line
    if at >= 0:
        target = at + offset
        line = max((n for p, n in starts if p <= target), default=sentence.line)
    raw = doc.lines[line - 1]
    for size in (40, 20, 12):  # the longest piece of the result that the raw line holds
        col = raw.find(snippet[:size]) if snippet else -1
        if col >= 0:
            return line, col + 1
    return line, None


_SUBORDINATE = ("although", "while", "whereas")


# A comma inside a list ("Although FSH, LH, E2, and P were significantly higher ..., the IR was not"): the next item
# is a few words closed by another comma, or 'and'/'or' follows. The subordinate clause goes on past it.
_LIST_COMMA = lazy(r"\s*(?:(?:and|or)\b|[^\s,;()]+(?:\s+[^\s,;()]+){0,2}\s*,)", re.IGNORECASE)


def clause_start(text: str, pos: int) -> int:
    """Start of the clause that holds ``pos`` (ignoring breaks inside parentheses).

    A clause opened by 'although', 'while' or 'whereas' ends at its first comma: 'Although A was not a significant
    predictor (OR ...), participants ... were less likely (OR ...)' puts the second result in the main clause."""
    depth, start, subordinate = 0, 0, False
    for m in re.finditer(r"[(),]|" + CLAUSE_BREAK.pattern, text[:pos], re.IGNORECASE):
        tok = m.group(0)
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and tok == ",":
            if subordinate and not _LIST_COMMA.match(text, m.end()):
                start, subordinate = m.end(), False
        elif depth == 0:
            start, subordinate = m.end(), tok.lower() in _SUBORDINATE
    return start


def without_parentheses(text: str) -> str:
    """Text with parenthesised asides blanked out (same length, so offsets survive)."""
    if "(" not in text:
        return text  # nothing opens an aside (a stray ')' is kept as it is)
    out, depth = [], 0
    for ch in text:
        if ch == "(":
            depth += 1
        out.append(" " if depth else ch)
        if ch == ")" and depth:
            depth -= 1
    return "".join(out)


_PHRASE_CUT = lazy(
    r".*(?:,|;|:|\band\b|\bor\b|\bwere\b|\bwas\b|\bby\b|\bof\b|\bfor\b|\bat\b|\bin\b|\bthe\b|\bwith\b)\s+",
    re.IGNORECASE | re.DOTALL)


def detail_of(phrase: str) -> str:
    """The few words naming a result: 'the risk of clinical fracture' -> 'clinical fracture'."""
    plain = " ".join(without_parentheses(phrase).split()).strip(" ,;")
    short = _PHRASE_CUT.sub("", plain + " ").strip(" ,;")
    return short[:60]
