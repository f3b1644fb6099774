"""Estimates printed in tables: Markdown pipe tables and HTML tables (pure: lines in, found rows out).

A table gives its measure and interval in the header ("OR | 95% CI", "aHR (95% CI)") and one
result per row: the estimate and its interval in two cells ("0.95 | 0.81-1.10") or in one
("0.80 (0.70-0.91)", "0.95 [0.81, 1.10]"). A row is read only when its table's header names a
measure or an interval (or, when the columns are grouped, its second line does); the row's first cell
names the result. Numbers stay as printed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.prose import points
from .find import Found, find_estimates
from .numbers import MEASURE, NUM, canonical_measure

_SEP = r"\s*(?:to|\u2013|\u2014|-|,|;)\s*"
_BOUNDS = lazy(rf"^\s*[\[(]?\s*(?P<low>{NUM})\s?%?{_SEP}(?P<high>{NUM})\s?%?\s*[\])]?\s*$")
_WITH_BOUNDS = lazy(rf"^\s*(?P<value>{NUM})\s?%?\s*[\[(]\s*(?P<low>{NUM})\s?%?{_SEP}(?P<high>{NUM})\s?%?\s*[\])]"
                          r"\s*(?:[*\u2020\u2021]|<sup>[^<]*</sup>)*\s*$")
_VALUE = lazy(rf"^\s*(?P<value>{NUM})\s?%?\s*(?:[*\u2020\u2021]|<sup>[^<]*</sup>)*\s*$")
_CI_HEAD = lazy(r"\bC(?:I|rI)\b|confidence|credible|interval", re.IGNORECASE)
_EST_HEAD = lazy(rf"{MEASURE}|\b(?:estimate|effect(?: size)?|ratio|difference)\b", re.IGNORECASE)
_SPREAD = lazy(r"percentile|\bIQR\b|interquartile|\brange\b|\bSD\b|\bSE\b|standard (?:deviation|error)",
                     re.IGNORECASE)
_LEVEL = lazy(r"(\d{2}(?:\.\d+)?)\s?%")
# 'P (95% CI)', 'p-value (95% CI)': the number before the interval is the p-value, not the estimate it is for.
_P_HEAD = lazy(r"^\W*p(?:\s*-?\s*values?)?\b", re.IGNORECASE)
# A physical unit after the measure's letters: an effect measure has none ('HR (beats/min)', 'RR (breaths/min)').
_UNIT_AFTER = lazy(r"\s*\((?:[^()%]*[A-Za-z]/[A-Za-z]|\s*(?:bpm|mmHg|beats|breaths)\b)", re.IGNORECASE)
# 'Difference between groups, Mean or Odds Ratio (95% CI)', 'Difference/OR': each row says which, so no row's measure
# is known.
_DIFFERENCE_WORD = r"\b(?:mean|difference|(?-i:S?MD))\b"
_RATIO_WORD = r"(?:\bratio|\b(?-i:OR|HR|RR|IRR))\b"
_EITHER_HEAD = lazy(rf"{_DIFFERENCE_WORD}.*(?:\bor\b|/).*{_RATIO_WORD}|{_RATIO_WORD}.*(?:\bor\b|/).*{_DIFFERENCE_WORD}",
                    re.IGNORECASE)
# '| RERI ICS × BMI percentile | −0.06 (−0.16 to 0.04) |' under 'Average HR (95% CI)': a row that names a measure on
# the additive scale (an interaction's excess risk, a difference) is not the header's ratio.
_ADDITIVE_ROW = lazy(r"\b(?:RERI|relative\s+excess\s+risks?|attributable\s+proportion|(?:risk|rate|mean)\s+differences?|"
                     r"(?-i:RD|ARD|MD))\b", re.IGNORECASE)
_RULE = lazy(r"^\s*\|?\s*:?-{2,}")
_TAG = lazy(r"<[^>]+>")
_MARKER = lazy(r"\s*\[\d[\d,;\s\-\u2013]*\]")


@dataclass(frozen=True)
class TableRow:
    line: int
    found: Found
    label: str  # the row's first cell, the result it names
    text: str  # the row as plain text, cells joined by " | "
    before: str = ""  # the words before a labelled estimate in its cell ("Vomiting associated with TE (OR = 5.5 ...")


def _cell_text(cell: str) -> str:
    return " ".join(points(html.unescape(_TAG.sub(" ", cell))).split())


def _columns(header: list[str]) -> tuple[int | None, int | None]:
    """(estimate column, interval column). A spread (percentiles, IQR, range, SD) is not an interval, and a
    generic header ("difference", "effect") counts only beside an interval column."""
    usable = [(i, h) for i, h in enumerate(header) if i and not _SPREAD.search(h)]
    ci = next((i for i, h in usable if _CI_HEAD.search(h)), None)
    est = next((i for i, h in usable if re.search(MEASURE, h)), None)
    if est is None and ci is not None:
        est = next((i for i, h in usable if _EST_HEAD.search(h)), None)
    if est is not None and ci is not None and ci < est:
        # '| cHR | 95%CI | aHR | 95%CI |' with only 'aHR' read as a measure: each estimate's interval is the one
        # after it, not the first of the row (the crude HR's), which gave the adjusted HR a lopsided interval.
        # Only a bare interval column right after it: 'Odds ratio (95% CI) | Mean difference (95% CI)' is another
        # measure's column, whose values are no odds ratios.
        ci = next((i for i, h in usable if i == est + 1 and _CI_HEAD.search(h) and not re.search(MEASURE, h)
                   and not _EST_HEAD.search(h)), ci)
    return est, ci


def _read_row(header: list[str], cells: list[str], est: int | None, ci: int | None) -> list[tuple[Found, str]]:
    """The row's results with the words before each in its cell: one, or each labelled estimate of a cell that
    prints several ('OR = 1.24 (95% CI: 1.12-1.37) OR = 0.45 (95% CI: 0.25-0.81)', one per predictor)."""
    head = " ".join(h for h in (header[est] if est is not None else "", header[ci] if ci is not None else ""))
    level = _LEVEL.search(head)
    measure_head = header[est] if est is not None else head
    name = None if _EITHER_HEAD.search(head) else (re.search(MEASURE, measure_head) or re.search(MEASURE, head))
    printed = name.group(0) if name else ""
    measure = canonical_measure(printed) if printed else ""
    level_text = level.group(1) + "%" if level else ""
    for i in dict.fromkeys(x for x in (est, ci) if x is not None):
        if i >= len(cells):
            continue
        both = _WITH_BOUNDS.match(cells[i]) if not _P_HEAD.match(_cell_text(header[i])) else None
        if both:
            return [(Found(0, 0, printed, measure, both.group("value"), both.group("low"), both.group("high"),
                           level_text, "", "%" if "%" in cells[i] else "", ""), "")]
        labelled = find_estimates(cells[i])
        if labelled and all(f.value for f in labelled):
            ends = [0] + [f.end for f in labelled[:-1]]
            return [(f, cells[i][end:f.start]) for f, end in zip(labelled, ends)]
    if est is None or ci is None or max(est, ci) >= len(cells):
        return []
    value, bounds = _VALUE.match(cells[est]), _BOUNDS.match(cells[ci])
    if not value or not bounds:
        return []
    return [(Found(0, 0, printed, measure, value.group("value"), bounds.group("low"), bounds.group("high"),
                   level_text, "", "%" if "%" in cells[est] else "", ""), "")]


def _label(cell: str) -> str:
    """The row's name without its marker or its emphasis ('**Male sex**' is the result 'Male sex')."""
    return _MARKER.sub("", cell).strip().strip("*_").strip()


def _subheader(cells: list[str]) -> bool:
    """A row under the header that names a measure or an interval and holds no result: the header's second
    line, as tables grouping columns print it ('| | Univariable | | Multivariable | |' then
    '| | HR (95% CI) | p | HR (95% CI) | p |')."""
    est, ci = _columns(cells)
    return (est is not None or ci is not None) and not any(
        _VALUE.match(c) or _BOUNDS.match(c) or _WITH_BOUNDS.match(c) for c in cells[1:])


def _rows_of(table: list[tuple[int, list[str]]]) -> list[TableRow]:
    if len(table) < 2:
        return []
    header = table[0][1]
    est, ci = _columns(header)
    if est is None and ci is None and _subheader(table[1][1]):
        header = table[1][1]
        est, ci = _columns(header)
        table = table[1:]
    if est is None and ci is None:
        return _row_labelled(table[1:])
    out = []
    ratio_head = est is not None and re.search(_RATIO_WORD, _cell_text(header[est]), re.IGNORECASE) is not None
    for line, cells in table[1:]:
        if cells and ratio_head and _ADDITIVE_ROW.search(_label(cells[0])):
            continue
        if cells:
            out += [TableRow(line, f, _label(cells[0]), " | ".join(cells), before)
                    for f, before in _read_row(header, cells, est, ci)]
    return out


def _row_labelled(rows: list[tuple[int, list[str]]]) -> list[TableRow]:
    """A table whose rows, not its header, say what they hold: '| ΔLSM (95% CI), % | – | −0.68 (−0.98, −0.37) |'
    (Diabetologia, one column a treatment arm). Each cell printing a value and its interval in such a row is a
    result; the rows before it name the outcome."""
    out = []
    for line, cells in rows:
        if len(cells) < 2 or not _CI_HEAD.search(cells[0]) or not (level := _LEVEL.search(cells[0])):
            continue
        if _SPREAD.search(cells[0]):
            continue  # '| SD (95% CI) | 2.4 (−1.4, −0.2) |': the number is the SD, the interval the mean's above it
        name = re.search(MEASURE, cells[0])
        if name and _UNIT_AFTER.match(cells[0], name.end()):
            name = None  # 'HR (beats/min), mean (95% CI)': a heart rate in its unit, no hazard ratio
        printed = name.group(0) if name else ""
        for cell in cells[1:]:
            both = _WITH_BOUNDS.match(cell)
            if both:
                found = Found(0, 0, printed, canonical_measure(printed) if printed else "", both.group("value"),
                              both.group("low"), both.group("high"), level.group(1) + "%", "",
                              "%" if "%" in cell else "", "")
                out.append(TableRow(line, found, _label(cells[0]), " | ".join(cells)))
    return out


def _markdown_tables(lines: list[str]):
    table: list = []
    for n, raw in enumerate(lines, 1):
        if raw.lstrip().startswith("|"):
            if not _RULE.match(raw):
                table.append((n, [_cell_text(c) for c in raw.strip().strip("|").split("|")]))
            continue
        if table:
            yield table
        table = []
    if table:
        yield table


_ROW = lazy(r"<tr\b[^>]*>(?P<body>.*?)</tr>", re.IGNORECASE | re.DOTALL)
_CELL = lazy(r"<t[hd]\b[^>]*>(?P<cell>.*?)</t[hd]>", re.IGNORECASE | re.DOTALL)


def _html_tables(lines: list[str]):
    text = "\n".join(lines)
    if "<table" not in text.lower():
        return
    for t in re.finditer(r"<table\b.*?</table>", text, re.IGNORECASE | re.DOTALL):
        rows = []
        for r in _ROW.finditer(t.group(0)):
            line = text.count("\n", 0, t.start() + r.start()) + 1
            rows.append((line, [_cell_text(c.group("cell")) for c in _CELL.finditer(r.group("body"))]))
        yield rows


def table_rows(lines: list[str]) -> list[TableRow]:
    """Every estimate with an interval in the document's tables, in line order."""
    out: list[TableRow] = []
    for table in list(_markdown_tables(lines)) + list(_html_tables(lines)):
        out += _rows_of(table)
    return sorted(out, key=lambda r: r.line)


def table_lines(lines: list[str]) -> set[int]:
    """Lines that belong to a table (their sentences are read as rows, not as prose)."""
    found = {n for n, raw in enumerate(lines, 1) if raw.lstrip().startswith("|")}
    text = "\n".join(lines)
    for t in re.finditer(r"<table\b.*?</table>", text, re.IGNORECASE | re.DOTALL) if "<table" in text.lower() else ():
        first = text.count("\n", 0, t.start()) + 1
        found.update(range(first, first + t.group(0).count("\n") + 1))
    return found
