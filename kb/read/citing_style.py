"""How a document cites its list: by number or by author and year, and the lines that cite nothing of it.

The publisher's box citing the article itself, a journal's masthead and the text's footnote numbers would
otherwise count as citations; ``kb.read.parse_policy`` sets them aside before choosing the citation style.
"""
from __future__ import annotations

import re

from kb.patterns import lazy


def cites_a_fifth(markers, references) -> bool:
    listed = {e.number for e in references}
    return len({n for m in markers for n in m.numbers if n in listed}) >= 0.2 * len(listed)


# The publisher's box that tells how to cite the article itself ('**How to cite this article** Webb et al. (2017),
# VESPA ...', Taylor & Francis's '**To cite this article:** Neil B. Hampson, ... (2017) Prospective ...'): the names
# and year there are the article's own, no citation of its list.
_OWN_CITATION = lazy(r"^\W*(?:How\s+to\s+cite\s+this\s+article|To\s+cite\s+this\s+article|Cite\s+this\s+article\s+as)\b",
                     re.IGNORECASE)


# A journal's masthead over an article's title, naming the issue the article itself is in (SGM's 'International
# Journal of Systematic and Evolutionary Microbiology (2013), 63, 4141–4148'): journal, year, volume, pages.
_MASTHEAD = lazy(r"^[A-Z][A-Za-z&.,'\u2019 -]{3,150}\s\((?:19|20)\d\d\),\s*\d{1,4}(?:\s*\(\d{1,3}\))?,\s*[A-Za-z]?\d{1,6}"
                 r"\s*[-\u2013]\s*[A-Za-z]?\d{1,6}\b")


def own_citation_lines(lines: list[str]) -> set[int]:
    """The lines (1-based) of each paragraph that opens the box citing the article itself, and a journal's masthead
    line above the document's first heading."""
    found: set[int] = set()
    first_heading = next((i for i, line in enumerate(lines, 1) if line.startswith("#")), len(lines) + 1)
    for i, line in enumerate(lines, 1):
        if i - 1 in found and line.strip():
            found.add(i)  # the box's paragraph wraps onto this line
        elif _OWN_CITATION.match(line):
            found.add(i)
    return found | {i for i, line in enumerate(lines[: first_heading - 1], 1) if _MASTHEAD.match(line)}


# A footnote's own line opens with its raised number ('<sup>1</sup>Due to space constraints, ...'), or the number
# stands right before the address the note gives ('.<sup>3</sup>https://pdfbox.apache.org').
_FOOTNOTE_OPENING = lazy(r"^\s*<sup>(?P<a>\d{1,2})</sup>\s*\S|<sup>(?P<b>\d{1,2})</sup>\s*(?:https?://|www\.)")


def footnote_numbers(lines: list[str], excluded: set[int]) -> frozenset[int]:
    """The numbers of the footnotes (and affiliations) printed in the text, outside the reference list."""
    found = set()
    for i, line in enumerate(lines, 1):
        if i in excluded or "<sup>" not in line:
            continue
        for m in _FOOTNOTE_OPENING.finditer(line):
            found.add(int(m.group("a") or m.group("b")))
    return frozenset(found)


def cites_by_name(numbered: bool, markers, by_name, references, footnotes: frozenset[int] = frozenset()) -> bool:
    """Whether the text cites its list by author and year rather than by number.

    A list printed without numbers is cited by number only when more numbered markers than names cite it and
    they cite a fifth of it (its numbers were lost in an export; a unit's repeated '<sup>2</sup>' cites one).
    A numbered list is cited by name only when the names cite a fifth of it and outnumber its markers two to
    one: a few names and years beside markers (even markers past the list's end) are not how it cites."""
    named = sum(1 for m in by_name if m.numbers)
    if not numbered:
        # A raised number whose footnote is printed below ('text.<sup>1</sup>' over '<sup>1</sup>Due to ...') calls
        # that note: an author-year article's footnotes are no numbered citations.
        markers = [m for m in markers if not (m.raw.startswith("<sup>") and m.numbers
                                              and set(m.numbers) <= footnotes)]
        return not (sum(1 for m in markers if m.numbers) > named and cites_a_fifth(markers, references))
    return cites_a_fifth(by_name, references) and named >= 2 * len(markers)
