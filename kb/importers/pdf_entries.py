"""Where one printed paragraph is really several entries: a reference list set with hanging indents.

Author-year reference lists carry no numbers: each entry starts at the column's
margin and its later lines are indented (a hanging indent), with no extra space
between entries. Read as text, the list is one paragraph. A paragraph set with a
first-line indent looks alike upside down (its first line indented, the rest at
the margin), so the two are told apart by what comes before an indented line:
in a hanging list it follows a full line (the entry runs on), in indented
paragraphs it follows a line that ended early (the paragraph before it ended);
with a ragged right edge, by the share of lines that hang.

Also here: a line that names the reference list by its words, as articles
print it at the text's own size ("References", "REFERENCES", "7. References",
"VII. REFERENCES", "Literature Cited", "Reference list", "References:").
"""
from __future__ import annotations

import re
from collections import defaultdict

REFERENCE_WORDS = re.compile(
    r"^(?:(?:\d{1,2}|[IVXLC]{1,6}|[A-Z])\.?\s+)?(?P<words>(?:references?(?:\s+list)?|reference\s+list|bibliography|"
    r"literature\s+cited|works\s+cited|cited\s+literature|references\s+cited))\s*:?$", re.I)


def names_reference_list(text: str) -> bool:
    """A line that is only the reference list's heading, emphasis and numbering aside; capitalised, as a
    heading is ('12 references' is a count)."""
    m = REFERENCE_WORDS.match(text.replace("*", "").replace("_", " ").strip())
    return bool(m) and m.group("words")[0].isupper()


def hanging_entries(lines: list, short) -> list[list]:
    """The paragraph's lines cut into entries where they hang; ``short(before, after)`` says a line ended
    early. One part (the lines as given) when the paragraph does not hang."""
    if len(lines) < 3:
        return [lines]
    margin = _margins(lines)
    outdented = [line.x0 <= margin[(line.page, line.column)] + 2 for line in lines]
    indent_after_full = indent_after_short = 0
    for i in range(1, len(lines)):
        if not outdented[i] and outdented[i - 1] and _same_column(lines[i - 1], lines[i]):
            if short(lines[i - 1], lines[i]):
                indent_after_short += 1
            else:
                indent_after_full += 1
    indented = outdented.count(False)
    if not outdented[0] or indented < 2:
        return [lines]  # a hanging list starts at the margin
    # a ragged right edge makes an entry's first line end early too; then the shape alone tells: an entry's
    # lines mostly hang under its first, where a paragraph's mostly stand at the margin under its indented one
    runs_on = indent_after_full >= 2 and indent_after_full >= 2 * indent_after_short
    mostly_hanging = indented >= len(lines) - indented >= 3
    if not (runs_on or mostly_hanging):
        return [lines]
    parts: list[list] = []
    for line, out in zip(lines, outdented):
        if out or not parts:
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _margins(lines: list) -> dict:
    """The left margin of each page's column the paragraph passes through: the column's own edge when the
    page is set in columns (a column may hold only the end of an entry), else the paragraph's."""
    margin: dict = defaultdict(lambda: float("inf"))
    for line in lines:
        key = (line.page, line.column)
        margin[key] = min(margin[key], line.left or line.x0)
    return margin


def _same_column(a, b) -> bool:
    return a.page == b.page and a.column == b.column
