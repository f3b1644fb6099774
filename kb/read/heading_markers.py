"""Citation markers printed in a heading: '##### Disability Rating Index (DRI) [21]', a subsection named after the
instrument or study it cites. Headings are no sentences, so their markers belong to none (``sentence_index`` is
None): they count as citations (an entry cited only there is cited) and are checked against the list; rules that
read a sentence's words leave them alone. Kept only in the styles the body's markers use, and only when every
number is on the list: a heading's '(2)' or '[1]' may number the section instead."""
from __future__ import annotations

from kb.read.marker_numbers import expand
from kb.read.markers import scan_line
from kb.patterns import lazy
from kb.read.blocks import Heading
from kb.read.model import CitationMarker


_WORD = lazy(r"[^\W\d_]{3,}")


def _style(raw: str) -> str:
    if raw.lower().startswith("<sup>"):
        return "sup"
    return raw[:1] if raw[:1] in "[(" else "other"


def heading_markers(lines: list[str], headings: list[Heading], markers: list[CitationMarker], last_entry: int | None,
                    skip: set[int], section_for_line) -> list[CitationMarker]:
    """The markers of headings (below the document's title, outside ``skip`` lines) in the body's styles."""
    styles = {_style(m.raw) for m in markers}
    if not styles or last_entry is None:
        return []
    found = []
    for h in headings:
        if h.level < 2 or h.line in skip or len(_WORD.findall(h.text)) < 2:
            continue  # a heading of symbols ('## x [110]', a formula's line set large in a PDF) names nothing
        for raw in scan_line(lines[h.line - 1], opens_block=False)[0]:
            exp = expand(raw.inner)
            if _style(raw.raw) not in styles or not exp.numbers or exp.problems or max(exp.numbers) > last_entry:
                continue
            found.append(CitationMarker(raw=raw.raw, inner=raw.inner.strip(), numbers=exp.numbers, line=h.line,
                                        column=raw.start + 1, section_id=section_for_line(h.line),
                                        sentence_index=None, in_range=exp.from_range))
    return found
