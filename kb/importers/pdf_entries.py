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
    r"^(?:(?:\d{1,2}|[IVXLC]{1,6}|[A-Z])\.?\s+)?(?P<words>(?:references?(?:\s+list|\s+and\s+notes)?|"
    r"reference\s+list|bibliography|"
    r"literature\s+cited|works\s+cited|cited\s+literature|references\s+cited))\s*:?$", re.I)


def names_reference_list(text: str) -> bool:
    """A line that is only the reference list's heading, emphasis and numbering aside; capitalised, as a
    heading is ('12 references' is a count). The policy reader's own names count too (a health plan's bold
    'RELATED REFERENCES:', 'VIII. References/Citations'): a line it would take for the heading is one."""
    from kb.read.parse_policy import REFERENCE_HEADING

    plain = text.replace("*", "").replace("_", " ").strip()
    m = REFERENCE_WORDS.match(plain)
    if m:
        return m.group("words")[0].isupper()
    plain = plain.rstrip(" :")
    return bool(REFERENCE_HEADING.match(plain)) and plain[:1].isupper() and not plain.lower().startswith("citations")


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


_BRACKET_ENTRY = re.compile(r"^\[(\d{1,3})\]\s+\S")
_NUMBERED_ENTRY = re.compile(r"^\s{0,6}(\d{1,3})\.\s+[A-Z\u00c0-\u00de]")  # '1. Koch, C.', as a list item or not
_BOX_LINES = 40  # a box printed amid a list's entries is this many lines at most
# BMJ's bare number, then the entry ('1 Park SC, Yoon SH.', '4 NHS Information Centre.'), set in small type
_BARE_ENTRY = re.compile(r"^\s{0,6}(\d{1,3}) +[A-Z\u00c0-\u00de]")
# the Vancouver name such an entry opens with: a surname, then its initials ('Van Tulder MW,', 'Kallen K.')
_VANCOUVER_NAME = re.compile(r"^\s{0,6}\d{1,3} +(?:[A-Z\u00c0-\u00de][\w'\u2019-]+ ){1,3}[A-Z]{1,3}[,.]")
_SUP_MARKER = re.compile(r"<sup>([\d,\s\u2013-]+)</sup>")
_BRACKET_MARKER = re.compile(r"\[(\d{1,3})(?:\s*[,\u2013-]\s*\d{1,3})*\]")
_SUPPLEMENT = re.compile(r"\bsupplement(?:ary|al)?\b|\bsupporting information\b|\bonline (?:data|material|appendix)\b",
                         re.I)
# an annex or appendix that carries a list of its own ('Annex 3. Protocol for the systematic review', 'Appendix B')
_ANNEX = re.compile(r"^(?:annex|appendix)\b", re.I)


def head_unheaded_list(markdown: str) -> tuple[str, str | None]:
    """A preprint (revtex, the APS styles) prints its numbered list at the end under no heading: entries [1] to
    [n] (three or more, in order, each opening a line) after the text, which cites them as '[k]'; Nature's
    journals print '1.' to 'n.' (five or more, four in five holding a year) cited by superscripts. A References
    heading is written above the first entry, and the report says so; without one the list would not be read
    at all. Left alone: a document that has a reference heading, and a run the text before it never cites."""
    from kb.read.parse_policy import REFERENCE_HEADING, heading_title, read_headings

    lines = markdown.split("\n")
    if any(REFERENCE_HEADING.match(heading_title(h.text)) for h in read_headings(lines)):
        return markdown, None
    for form, least in ((_BRACKET_ENTRY, 3), (_NUMBERED_ENTRY, 5), (_BARE_ENTRY, 5)):
        start, last = _last_run(lines, form)
        # a numbered list near the top is the text's own enumeration; BMJ's list may have its tables and figures
        # after it, so there the text before the list is weighed against the text up to the list's end
        reach = _run_end(lines, start, form, last) if form is _BARE_ENTRY else len(lines)
        if last < least or start < 0.3 * reach:
            continue
        if form is not _BRACKET_ENTRY and not _mostly_dated(lines[start:], last, form):
            continue  # '1.', '2.' ... without years is a list of steps, not of references
        if form is _BARE_ENTRY and not _mostly_named(lines[start:], last):
            continue  # a bare number before a capital is common in tables: most entries must open with a name
        before = lines[:start]
        cited = {int(m.group(1)) for line in before for m in _BRACKET_MARKER.finditer(line)}
        cited |= {int(n) for line in before for sup in _SUP_MARKER.findall(line) for n in re.findall(r"\d+", sup)}
        if not cited & set(range(1, last + 1)):
            continue
        lines, last, boxes = _past_boxes(lines, start, form, last)
        lines[start:start] = ["## References", ""]
        first, end = (("[1]", f"[{last}]") if form is _BRACKET_ENTRY else ("1", str(last)) if form is _BARE_ENTRY
                      else ("1.", f"{last}."))
        moved = "" if not boxes else (
            f"; {boxes} box{'es' if boxes > 1 else ''} printed amid the entries (a heading and its text, as BMJ "
            "sets 'What is already known on this topic' beside its list) moved after the list")
        return "\n".join(lines), (f"entries {first} to {end} stand at the end under no heading (as preprints and "
                                  f"some journals print them): a References heading was added above them{moved}")
    return markdown, None


def rejoin_boxed_list(markdown: str) -> tuple[str, str | None]:
    """A box printed amid a headed list's entries (NEJM's 'Article metrics now available', Dove's 'Publish your
    work in this journal' at the foot of the list's column) comes out of the column order as a heading and its
    text between entry n and entry n + 1, and ends the list there: the stretch is moved after the list, as
    ``_past_boxes`` does for a list under no heading, when three or more entries go on in order after it."""
    from kb.read.parse_policy import REFERENCE_HEADING, heading_title, read_headings

    lines = markdown.split("\n")
    heads = [h for h in read_headings(lines) if REFERENCE_HEADING.match(heading_title(h.text))]
    if not heads:
        return markdown, None
    start = next((i for i in range(heads[-1].line, len(lines)) if lines[i].strip()), None)
    form = next((f for f in (_BRACKET_ENTRY, _NUMBERED_ENTRY, _BARE_ENTRY)
                 if start is not None and (m := f.match(lines[start])) and m.group(1) == "1"), None)
    if form is None:
        return markdown, None
    last = 0
    for line in lines[start:]:
        if line.startswith("#"):
            break
        m = form.match(line)
        if m and int(m.group(1)) == last + 1:
            last += 1
    lines, _, boxes = _past_boxes(lines, start, form, last)
    if not boxes:
        return markdown, None
    return "\n".join(lines), (f"{boxes} box{'es' if boxes > 1 else ''} printed amid the reference list's entries "
                              "(a heading and its text, a publisher's notice) moved after the list")


def _mostly_dated(lines: list[str], last: int, form: re.Pattern = _NUMBERED_ENTRY) -> bool:
    """Four in five of the run's entries hold a year: a reference list, not a numbered procedure."""
    entries = [line for line in lines if form.match(line)][:last]
    return bool(entries) and sum(1 for e in entries if re.search(r"\b(?:19|20)\d\d\b", e)) >= 0.8 * len(entries)


def _mostly_named(lines: list[str], last: int) -> bool:
    """Four in five of a bare-numbered run's entries open with a Vancouver name (a table's rows do not)."""
    entries = [line for line in lines if _BARE_ENTRY.match(line)][:last]
    return bool(entries) and sum(1 for e in entries if _VANCOUVER_NAME.match(e)) >= 0.8 * len(entries)


def _past_boxes(lines: list[str], start: int, form: re.Pattern, last: int) -> tuple[list[str], int, int]:
    """The column order reads a box set beside the list (BMJ's 'What this study adds') amid its entries: where a
    stretch of a few lines holding a heading stands between entry n and entry n + 1, and three or more entries
    follow in order, the stretch is moved after the list and the run goes on. Returns the lines, the run's last
    number and how many stretches were moved."""
    moved = 0
    while True:
        end = _run_end(lines, start, form, last)
        after = next((i for i in range(end, min(len(lines), end + _BOX_LINES)) if (m := form.match(lines[i]))
                      and int(m.group(1)) == last + 1), None)
        if after is None or not any(line.startswith("#") for line in lines[end:after]):
            return lines, last, moved
        more, i = last, after
        for i in range(after, len(lines)):
            if lines[i].startswith("#"):
                break
            m = form.match(lines[i])
            if m and int(m.group(1)) == more + 1:
                more += 1
        if more - last < 3:
            return lines, last, moved
        stop = _run_end(lines, after, form, more)
        lines = lines[:end] + lines[after:stop] + lines[end:after] + lines[stop:]
        last, moved = more, moved + 1


def _run_end(lines: list[str], start: int, form: re.Pattern, last: int) -> int:
    """The line index of the run's entry numbered ``last`` (the run begins at ``start``)."""
    for i in range(start, len(lines)):
        m = form.match(lines[i])
        if m and int(m.group(1)) == last:
            return i + 1
    return len(lines)


def _last_run(lines: list[str], form: re.Pattern) -> tuple[int, int]:
    """The line index of the last run of entries numbered 1, 2, ... in order (in ``form``), and its last number."""
    best = (0, 0)
    start, expected = None, 1
    for i, line in enumerate(lines):
        if line.startswith("#"):
            start, expected = None, 1
            continue
        m = form.match(line)
        if not m:
            continue
        number = int(m.group(1))
        if number == 1:
            start, expected = i, 2
        elif start is not None and number == expected:
            expected += 1
        else:
            continue
        if expected - 1 >= 3:
            best = (start, expected - 1)
    return best


def set_apart_supplement_lists(markdown: str) -> tuple[str, str | None]:
    """An article followed by its supplementary material (printed in one PDF) has two reference lists: the
    article's, then the supplement's own, shorter one under a second References heading. The policy reader
    takes the last such heading for the list, so a reference heading after a heading that names supplementary
    material ('Supplementary online data', 'Supporting information') is kept as a plain line of its words, and
    the report says so: the article's list is the one read."""
    from kb.read.parse_policy import REFERENCE_HEADING, heading_title, read_headings

    lines = markdown.split("\n")
    heads = read_headings(lines)
    refs = [h for h in heads if REFERENCE_HEADING.match(heading_title(h.text))]
    if len(refs) < 2:
        return markdown, None
    # (an annex's list too: a WHO guideline's protocol annex lists the eight GRADE papers it cites, numbered
    # from 1 again, after the guideline's own list)
    supplement = next((h for h in heads if h.line > refs[0].line and (
        _SUPPLEMENT.search(heading_title(h.text)) or _ANNEX.match(_bare(h.text)))), None)
    later = [h for h in refs if supplement and h.line > supplement.line]
    if not later:
        return markdown, None
    for h in later:
        lines[h.line - 1] = heading_title(h.text).replace("*", "").replace("_", " ").strip()
    title = heading_title(supplement.text).replace("*", "")
    lists = f"{len(later)} reference list{'s' if len(later) > 1 else ''}"
    if _ANNEX.match(_bare(supplement.text)):
        return "\n".join(lines), (f"{lists} after the heading '{title}' belong{'' if len(later) > 1 else 's'} to "
                                  "that annex: kept as text, so the document's own list is the one read")
    return "\n".join(lines), (f"{lists} after the heading '{title}' belong{'' if len(later) > 1 else 's'} to the "
                              "supplementary material: kept as text, so the article's own list is the one read")


def _bare(title: str) -> str:
    """A heading's words without its emphasis marks ('**Annex 3. Protocol**')."""
    from kb.read.parse_policy import heading_title

    return heading_title(title).replace("*", "").replace("_", " ").strip()
