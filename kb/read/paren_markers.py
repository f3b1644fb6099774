"""Citations in parentheses, '(1, 2)' and '(reviewed in 8-10)', told from the values, list items, names and
formulas that print numbers in parentheses too (pure). Read where a document cites so (``kb.read.marker_style``)."""
from __future__ import annotations

import re

from kb.read.marker_context import LABEL_BEFORE
from kb.read.marker_model import PAREN, RawMarker, zero_or_year
from kb.read.marker_numbers import DASHES
from kb.read.marker_values import (centre_with_range, parts_of_count, percent_with_count, sd_said_before,
                                   spelled_before, value_with_spread)

_DASHES = DASHES
# Not before a word or another parenthesis ("(1)(a)"), except a figure's: "Cox2 (30)(Figure 1E)" cites. Italics
# may wrap the numbers inside, as in brackets: WHO's "(*22*)" among its "*(16)*"; a bold "(**3**)" is a chemist's
# compound number.
_PAREN = re.compile(rf"\((?P<em>\*|_)?(?P<inner>\d{{1,3}}(?:\s*(?:[,;]|[{_DASHES}])\s*\d{{1,3}})*)(?(em)(?P=em))\)"
                    rf"(?!\w|\((?!Fig|Table|Supp|Extended))")


_CLOSING_TAG = re.compile(r"</su[bp]>$", re.IGNORECASE)
# A parenthesis attached to a word (a peptide's residues "Ang(1-7)", "Ang-(1-5)", a function's argument "f(2)"), one
# the next word hangs on ("(1–7)-Mas axis"), or one closing a bracket right after its one word ("[Ang (1–7)]")
# belongs to a name; a citation stands apart from the words around it.
_IN_A_NAME_BEFORE = re.compile(r"(?:\w|\w-)$")
# "[Ang (1\u20137)]": a capitalised name; not a lead-in, "[see (11)]", "[See (11) for details]"
_BRACKET_NAME_BEFORE = re.compile(r"\[(?!See\b)[A-Z][\w-]{0,15} ?$")
_IN_A_NAME_AFTER = re.compile(r"-[^\W\d_]")


# A cell of running text: sentences of many words ('The evidence was limited to two trials: ... including 73
# participants (27, 28).'), as guidelines print their evidence summaries; its citations are read as in prose.
_PROSE_CELL_WORDS = 15
_SENTENCE_IN_CELL = re.compile(r"[a-z]{2}[.;:]\s+[A-Z]|[a-z]{2}\.\s*$")


def _in_prose_cell(line: str, start: int, end: int) -> bool:
    cell = line[line.rfind("|", 0, start) + 1: (line.find("|", end) if "|" in line[end:] else len(line))]
    words = re.findall(r"[A-Za-z]{2,}", cell)
    return len(words) >= _PROSE_CELL_WORDS and bool(_SENTENCE_IN_CELL.search(cell.strip()))


PAREN_RANGE = re.compile(rf"^\s*(\d+)\s*[{_DASHES}]\s*(\d+)\s*$")
# "(13; unpublished observations)": a citation beside work the list does not hold, in one bracket; the person may be
# named first: "(15; Thomas Edling, pers. comm.)".
_PAREN_UNPUBLISHED = re.compile(r"\((?P<inner>\d{1,3}(?:\s*,\s*\d{1,3})*)\s*;\s*(?:[A-Z][^();]{0,40}?,\s*)?"
                                r"(?:unpublished|personal\s+communication|pers\.\s*comm\b|"
                                r"data\s+not\s+shown)\b[^()]{0,40}\)", re.IGNORECASE)


_SOURCES_COMMA = re.compile(r"\b(?:studies|reports|trials|authors|investigators|researchers|literature|publications|"
                            r"reviews)[*_]*,$", re.IGNORECASE)


# A list's second item after a comma, its words in lower case: '(1) validate the postulate, (2) quantify ...'.
_NEXT_ITEM = re.compile(r"[,;]\s*(?:and\s+|or\s+)?\(2\)\s+[a-z]")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


def _first_item(line: str, end: int) -> bool:
    """'(1)' opens a list when lower-case words follow it and the same sentence has the second item after a comma
    ('men over 60 (1). Benign ... in men (2).' cites both)."""
    if not re.match(r"\s+[a-z]", line[end:]):
        return False
    stop = _SENTENCE_END.search(line, end)
    return _NEXT_ITEM.search(line, end, stop.start() if stop else len(line)) is not None


# '| Smoking | Non | 34 | (23) | 114 | (77) | 0.999 |': a row of counts, each with its percentage alone in the next
# cell. One such pair may be a count and a source column; two or more in a row are a table's n (%) layout.
_COUNT_THEN_PAREN_CELL = re.compile(r"\|\s*\d[\d,.]*\s*\|\s*(\(\d{1,3}(?:\.\d+)?\))\s*(?=\|)")


# A number, then its value in parentheses, in a cell of a row whose cells stand a tab apart (a table without rules,
# as the PDF importer writes it): '157 (99.37)\t1 (0.93)\t80 (100)'. A citation follows words.
_COUNT_IN_CELL = re.compile(r"(?:^|\t)[^\t]*?(?<![\w.\u2010-])\d[\d,.]*\s*$")


# A value with decimals right before a parenthesised number, in a row of such pairs: a percentage or mean and its
# count ('42.6 (393) 36.0 (350)'). One pair alone may be a value and its citation ('a cutoff of 71.19 (15)').
_DECIMAL_BEFORE = re.compile(r"(?<![\w.])\d+\.\d+%?\s*$")
_DECIMAL_PAIR = re.compile(r"(?<![\w.])\d+\.\d+%?\s*\(\d[\d,.]*\)")


def _percent_cells(line: str) -> set[int]:
    """Starts of the '(N)' cells of a row that pairs two or more counts with a percentage in the cell after each."""
    # matched from every bar, since pairs set side by side share a bar
    starts = set()
    for m in re.finditer(r"\|", line):
        p = _COUNT_THEN_PAREN_CELL.match(line, m.start())
        if p:
            starts.add(p.start(1))
    return starts if len(starts) >= 2 else set()


def _cites_after_comma(before: str, inner: str) -> bool:
    """'in relapsed MM, (58-62) with the highest response', 'in children, (7) and 78% in adults': HCSC's policies set
    the citation after the clause's comma. A list's item there ('..., (2) quantify ...') is one number whose
    predecessor the line printed before it; a range or several numbers, or a number the line has not counted up
    to, is no item."""
    numbers = re.findall(r"\d+", inner)
    if len(numbers) > 1:
        return True
    n = int(numbers[0])
    return n > 1 and f"({n - 1})" not in before


# A North American telephone number, '(301) 427-1364' (AHRQ's footer on every National Guideline Clearinghouse page):
# the area code's parenthesis is followed by the number's seven digits.
_PHONE_REST = re.compile(r"\s?\d{3}[-.\u2010\u2011\u2013 ]\d{4}(?!\d)")
# A web page's counter on a link of its own, '- Read Comments (3)', '[Replies (12)](#replies)': how many comments
# the page has, not a citation.
_COUNTER_LINK = re.compile(r"^\s*(?:[-*+]\s+)?\[?(?:[A-Za-z]+\s+){0,2}(?:comments?|replies|responses|reviews|likes|"
                           r"shares|views|downloads|citations|cited\s+by)\s*$", re.IGNORECASE)
# A citation closing a paragraph after its colon, 'basic principles can inform the care of patients with
# treatment-resistant MDD: (14)': no list's item follows it, so it is no '(1)' label.
_PROSE_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _cites_at_the_end(line: str, before: str, end: int) -> bool:
    rest = line[end:].strip()
    return before.endswith(":") and rest in ("", ".") and len(_PROSE_WORDS.findall(before)) >= 5


def _not_a_citation(line: str, m: re.Match) -> bool:
    """A telephone number's area code or a page's counter of comments."""
    inner = m.group("inner")
    if re.fullmatch(r"\d{3}", inner) and _PHONE_REST.match(line, m.end()):
        return True
    rest = line[m.end():].strip()
    return (rest == "" or rest.startswith("](")) and _COUNTER_LINK.match(line[: m.start()]) is not None


def scan_parens(line: str, found: list, taken: list) -> None:
    for m in _PAREN_UNPUBLISHED.finditer(line):
        if not any(a <= m.start() < b for a, b in taken) and m.start() and not line[m.start() - 1].isalnum():
            taken.append((m.start(), m.end()))
            found.append(RawMarker(m.group(0), m.group("inner"), m.start(), m.end(), PAREN))
    row = line.lstrip().startswith("|")
    percents = _percent_cells(line) if row else set()
    for m in _PAREN.finditer(line):
        if any(a <= m.start() < b for a, b in taken) or m.start() in percents:
            continue
        if "\t" in line and _COUNT_IN_CELL.search(line, 0, m.start()) or (
                _DECIMAL_BEFORE.search(line, 0, m.start()) and len(_DECIMAL_PAIR.findall(line)) >= 2):
            continue  # '80 (100)\t0 (0)': a row of a table printed without rules, a count and its percentage;
            # '42.6 (393) 36.0 (350)': a decimal value and its count, even where the row's cells lost their tabs
        if row and (not (line[: m.start()].rstrip().endswith("|") and line[m.end():].lstrip().startswith("|"))
                    or re.fullmatch(r"\d+,\d{1,2}", m.group("inner"))) and not _in_prose_cell(line, m.start(), m.end()):
            continue  # a table row's "45 (12)" or "| (38,2) |" is a value; a cell holding only "(95)" cites
        if (_IN_A_NAME_BEFORE.search(line, 0, m.start()) or _IN_A_NAME_AFTER.match(line, m.end())
                or (_BRACKET_NAME_BEFORE.search(line, 0, m.start()) and line[m.end():m.end() + 1] == "]")):
            continue  # "Ang(1-7)", "Ang-(1-5)", "(1–7)-Mas", "[Ang (1–7)]", "f(2)": part of a name or a formula
        if _not_a_citation(line, m):
            continue
        inner = m.group("inner")
        before = line[: m.start()].rstrip()
        # "(1) the first ..." lists, "(2009)", "(Figure 2)" and "n (5)" are not citations.
        # "(inhibitor of RAD51; (38))": a citation closing an aside is no list's "(2)", which words follow.
        nested = before[-1:] in (";", "(") and line[m.end():].startswith(")")
        glued = line[m.start() - 1:m.start()] == ","  # ACS: "a limitation,(14-18)"; a list's "(2)" follows a space
        # "In agreement with previous studies, (14-17) our data ...": the works just named; a list's item is one
        # number ("two kinds of studies, (1) those ...")
        sources = _SOURCES_COMMA.search(before) is not None and not inner.strip().isdigit()
        after_comma = before[-1:] == "," and _cites_after_comma(line[: m.start()], inner)
        closing = _cites_at_the_end(line, before, m.end())
        if not before or (before[-1] in ":;(," and not nested and not glued and not sources and not after_comma
                          and not closing) \
                or zero_or_year(inner) \
                or LABEL_BEFORE.search(before):
            continue
        if inner.strip() == "1" and _first_item(line, m.end()):
            continue  # "studies might contribute to (1) validate ..., (2) quantify ...": a list's first item
        if value_with_spread(line, before, inner) or centre_with_range(before, inner) or spelled_before(before, inner) \
                or sd_said_before(line, line[: m.start()], inner) \
                or percent_with_count(before, inner, line[m.end():]) or parts_of_count(before, inner):
            continue
        bounds = PAREN_RANGE.match(inner)
        if bounds and re.search(rf"[<>\u2264\u2265]\s*{bounds.group(1)}(?![\d.])", before[-120:]):
            continue  # "NR (<14 follicles) but not HR (14–30)": a band going on from a threshold, not citations
        # "n (5)", "= (5)" and "< (5)" are values; "CO<sub>2</sub> (29, 30)" cites (a tag's ">" is no sign).
        if re.search(r"(?:\b(?:and|or|n|N)|[=<>])$", _CLOSING_TAG.sub("", before)):
            continue
        found.append(RawMarker(m.group(0), inner, m.start(), m.end(), PAREN))


# "(reviewed in 8\u201310)", "(see 4, 5)", "(e.g., 12)": a pointer's numbers closing the parenthesis, in an article whose
# citations are "(4,5)" (the brackets' "[reviewed in 8]" is LOCATOR's); a count would be followed by what it counts.
_PAREN_LEAD = re.compile(rf"\((?:e\.g\.|cf\.|see(?:\s+also)?|reviewed\s+in)[,:]?\s*"
                         rf"(?P<inner>\d{{1,3}}(?:\s*(?:[,;]|[{_DASHES}])\s*\d{{1,3}})*)\)", re.IGNORECASE)


def scan_paren_leads(line: str, found: list, taken: list) -> None:
    for m in _PAREN_LEAD.finditer(line):
        if any(a <= m.start() < b for a, b in taken) or zero_or_year(m.group("inner")):
            continue
        taken.append((m.start(), m.end()))
        found.append(RawMarker(m.group(0), m.group("inner"), m.start(), m.end(), PAREN))
