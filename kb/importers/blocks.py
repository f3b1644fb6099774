"""Markdown out of the blocks a converter finds: headings, paragraphs, list items, tables, plain lines.

The converters (HTML, Word, PDF) each walk their own format and hand blocks to a
``MarkdownWriter``, so every import writes the same dialect: the one the policy
reader reads (ATX headings, ``- `` bullets, ``N.`` items, pipe tables, citation
markers as ``<sup>...</sup>``). Text goes through as printed: nothing is escaped,
reworded or renumbered.
"""
from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not the no-break space: it is printed on purpose
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
             "\ufb05": "st", "\ufb06": "st"}
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")


def squeeze(text: str) -> str:
    """Runs of white space (line breaks of the source included) as one space, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def unfold_ligatures(text: str) -> str:
    return _LIGATURE.sub(lambda m: LIGATURES[m.group()], text)


_BOLD_LINE = re.compile(r"^\*\*([^*]+)\*\*$")


# a criteria list's connector set bold or large between its items (UnitedHealthcare's '-AND-', '-OR-'): no heading
CONNECTOR = re.compile(r"^[\s*_]*[-\u2013\u2014]?\s*(?:AND|OR|AND/OR)\s*[-\u2013\u2014]?[\s*_]*$")


def bold_heading(text: str) -> bool:
    """A heading set by hand rather than by style: one short line, all bold, not ending like a sentence (nor a
    connector between criteria)."""
    m = _BOLD_LINE.match(text.strip())
    return bool(m) and len(m.group(1).split()) <= 12 and not m.group(1).rstrip().endswith((".", ",", ";", ":")) \
        and not CONNECTOR.match(text)


def caps_heading(text: str) -> bool:
    """A payer policy's section title set as a bold line in capitals, a colon after it or not ('**POLICY:**',
    '**DESCRIPTION OF PROCEDURE OR SERVICE:**', '**KEY POINTS:**')."""
    m = _BOLD_LINE.match(text.strip())
    words = m.group(1).strip().rstrip(":").strip() if m else ""
    return len(re.sub(r"[^A-Za-z]", "", words)) >= 3 and words.upper() == words and len(words.split()) <= 8 \
        and not words.endswith((".", ",", ";"))


def sup(text: str) -> str:
    """A superscript as the policy reader reads it: ``<sup>[5, 6]</sup>``, ``<sup>®</sup>``."""
    inner = squeeze(text)
    return f"<sup>{inner}</sup>" if inner else ""


def emphasis(text: str, mark: str) -> str:
    """``**bold**`` with the mark inside any surrounding spaces ('** x **' is not bold in Markdown)."""
    core = text.strip()
    if not core or not mark:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    return f"{lead}{mark}{core}{mark}{trail}"


# A line of text opening with three backticks or tildes would open a Markdown code fence, and an unclosed one
# hides the rest of the document from the reader (pandoc leaves '```{=html}' in the Word files it writes).
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")


class MarkdownWriter:
    """Collects blocks in reading order and joins them: a blank line between blocks, none inside a list."""

    def __init__(self) -> None:
        self._blocks: list[tuple[str, str]] = []  # (kind, text)
        self.fences = 0  # lines of text that would have opened a code fence, written with the mark escaped

    def heading(self, level: int, text: str) -> None:
        text = squeeze(text)
        if text:
            self._blocks.append(("heading", "#" * max(1, min(level, 6)) + " " + text))

    def paragraph(self, text: str) -> None:
        lines = [self._unfenced(squeeze(part)) for part in text.split("\n")]  # a hard line break stays a line
        text = "\n".join(line for line in lines if line)
        if text:
            self._blocks.append(("paragraph", text))

    def _unfenced(self, line: str) -> str:
        """A line as printed, with a backslash before a fence mark it opens with, so it stays text."""
        m = _FENCE.match(line)
        if not m:
            return line
        self.fences += 1
        return f"{m.group(1)}\\{line[m.end(1):]}"

    def item(self, depth: int, label: str, text: str) -> None:
        """A list item: ``label`` is ``-`` for a bullet, or the printed number or letter with its dot."""
        text = squeeze(text)
        if text or label != "-":
            self._blocks.append(("item", "  " * max(depth, 0) + f"{label} {text}".rstrip()))

    def table(self, rows: list[list[str]]) -> None:
        rows = [[squeeze(c).replace("|", "\\|") for c in row] for row in rows if any(squeeze(c) for c in row)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        self._blocks.append(("table", "\n".join(out)))

    def plain_lines(self, rows: list[list[str]]) -> None:
        """Text kept line by line as printed: one row per line, its cells a tab apart (a table that could not
        be read as a grid; the tab is what the policy reader takes for a cell boundary)."""
        lines = [self._unfenced("\t".join(squeeze(c) for c in row if c and squeeze(c))) for row in rows]
        if any(lines):
            self._blocks.append(("lines", "\n".join(line for line in lines if line)))

    def mark(self) -> int:
        """Where the next block goes: a position to give move()."""
        return len(self._blocks)

    def move(self, start: int, end: int, to: int) -> None:
        """The blocks [start, end) written again at position ``to`` (at or after ``end``), in their order."""
        moving = self._blocks[start:end]
        self._blocks[to:to] = moving
        del self._blocks[start:end]

    def text(self) -> str:
        out: list[str] = []
        previous = None
        for kind, text in self._blocks:
            if out:
                out.append("\n" if kind == "item" and previous == "item" else "\n\n")
            out.append(text)
            previous = kind
        return "".join(out) + "\n" if out else ""


def fence_notes(writer: MarkdownWriter) -> list[str]:
    """The import report's line on text that opened like a code fence, if any."""
    if not writer.fences:
        return []
    return [f"{writer.fences} lines of text opening with ``` or ~~~ (a code fence in Markdown, such as the "
            "'```{=html}' pandoc leaves) were written with a backslash before the mark, so the text after them "
            "is read"]


def reference_title(text: str) -> bool:
    """Whether a heading (or a line standing alone) names the reference list as the policy reader does."""
    from kb.read.parse_policy import REFERENCE_HEADING, heading_title

    return bool(REFERENCE_HEADING.match(heading_title(text)))
