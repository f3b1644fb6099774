"""A criteria region cut into blocks: headings, labelled items, bullets, paragraphs, numbered recommendations.

Each block holds its continuation lines, its label and indentation, and whether its words are all in bold; the
walker in ``kb.read.criteria`` turns the blocks into statements.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.prose import clean_text

ITEM = lazy(r"^(?P<indent>\s*)(?:[-*+]\s+)?(?:\*{1,3}|_{1,2})?(?P<open>\()?"
            r"(?P<label>[IVX]{1,4}|[A-Z]|\d{1,2}|[ivx]{2,4}|[a-z])(?:\*{1,3})?[.)]"
            r"(?:\*{1,3}|_{1,2})?\s+(?P<text>\S.*)$")
# A guideline's numbered recommendation: NICE's '1.2.1 Offer structured education ...' (the number printed in the
# margin beside the first line), read only in a region headed 'Recommendations'.
RECOMMENDATION = lazy(r"^\s*(?:\*{1,2})?(?P<label>\d{1,2}(?:\.\d{1,3}){1,3})(?:\*{1,2})?\s+(?P<text>\S.*)$")
_BULLET = lazy(r"^\s*(?:[-*+\u2022\u25cf\u25aa\u00b7]|o)\s+(?P<text>\S.*)$")


@dataclass(frozen=True)
class Block:
    kind: str  # heading, item, bullet, para
    first: int
    last: int
    text: str
    label: str = ""
    indent: int = 0
    bold: bool = False  # one line, all in bold but its label (a paragraph's: all of it)
    paren: bool = False  # the label in parentheses: '(1)', '(a)'


def read_blocks(region, recommendations: bool = False):
    """Headings, labelled items, bullets and paragraphs (or numbered recommendations), each with its continuation
    lines."""
    current: list = []
    for num, raw in region + [(None, "")]:
        rec = RECOMMENDATION.match(raw) if raw and recommendations else None
        # a guideline's own lists (remarks under a recommendation) are no criteria
        item = rec or (ITEM.match(raw) if raw and not recommendations else None)
        bullet = _BULLET.match(raw) if raw and not item else None
        if current and (raw is None or not raw.strip() or item or bullet):
            yield _block(*current)
            current = []
        if raw is None:
            yield Block("heading", num, num, "")
        elif rec:
            current = ["recommendation", num, num, [rec.group("text")], rec.group("label"), 0]
        elif item:
            current = ["item", num, num, [item.group("text")], item.group("label"), len(item.group("indent")),
                       _bold_line(raw), bool(item.group("open"))]
        elif bullet:
            current = ["bullet", num, num, [bullet.group("text")], "", 0]
        elif raw.strip():
            if not current:
                current = ["para", num, num, [raw], "", 0, _bold_line(raw)]
            else:
                current[2] = num
                current[3].append(raw)


def _block(kind, first, last, parts, label, indent, bold=False, paren=False) -> Block:
    return Block(kind, first, last, clean_text(" ".join(parts)), label, indent, bold and first == last, paren)




# A line whose words are all in bold, its label aside: the walker asks whether it names a part.
_BOLD_RUN = lazy(r"\*\*[^*]+\*\*")
_LABEL_ONLY = lazy(r"^[-*+\s]*\(?\w{1,4}[.)]?\s*$")


def _bold_line(raw: str) -> bool:
    """Everything but the label set in bold."""
    return "**" in raw and bool(_LABEL_ONLY.match(_BOLD_RUN.sub("", raw)) or not _BOLD_RUN.sub("", raw).strip())
