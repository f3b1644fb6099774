"""The shape of a document: its title and issuer, and whether it is a policy with coverage criteria.

Pure. The title and issuer come, in this order, from
1. front matter at the top of the file (``---`` / ``title: ...`` / ``issuer: ...`` / ``---``);
2. the heading structure, where it says which heading is the title:
   - one top heading (``#``) followed by a second-level heading that holds the document's dates
     (Effective, Next Review, Policy No.) or under which every other heading sits: the top heading
     is the issuer and the second-level one the title (``# Regence`` / ``## Percutaneous Vertebroplasty``);
   - otherwise one top heading is the title, and there is no issuer;
   - several top headings are sections: no title from them.
A section heading (Introduction, Abstract, Methods, References ...) is never the title, and a lone
heading is never the issuer. ``provenance.yaml`` beside the file overrides both (the knowledge base
reads it first). A document without coverage criteria (an evidence review, a journal article) is of
kind ``article``; its evidence parts say so instead of reporting empty criteria.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kb.patterns import lazy
from kb.read.model import Section

POLICY, ARTICLE = "policy", "article"
# What the evidence parts say about a document of kind ARTICLE, instead of an empty criteria report.
NO_CRITERIA = ("no criteria: this document has no coverage criteria (an evidence review or article); "
               "its references and citations are read and checked as usual")

_FENCE = lazy(r"^---\s*$")
_KEY_VALUE = lazy(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_FRONT_KEYS = {"title": "title", "issuer": "issuer", "publisher": "issuer", "journal": "issuer",
               "organisation": "issuer", "organization": "issuer"}
_DATES = lazy(r"\b(?:Effective(?: Date)?|Next Review|Last Review|Policy No\.?)\b", re.IGNORECASE)
# Headings that name a part of a document, never the document itself.
SECTION_NAMES = frozenset(" ".join(n.split()) for n in """abstract|summary|introduction|background|objective|
    objectives|aim|aims|method|methods|materials and methods|results|discussion|conclusion|conclusions|reference|
    references|bibliography|acknowledgements|acknowledgments|appendix|appendices|description|policy|
    policy criteria|medical policy criteria|criteria|coverage|rationale|evidence summary|regulatory status|code|
    codes|coding|cross references|required documentation|important reminder|supporting information|
    author contributions|funding|competing interests|table|tables|figure|figures""".split("|"))


def is_section_name(title: str) -> bool:
    """'Introduction', 'METHODS', 'Policy Criteria:' name a part of a document."""
    return " ".join(title.lower().split()).strip(" :") in SECTION_NAMES


# Headings after the body that may sit beside the title heading without making it a section.
_BACK_MATTER = lazy(r"^(?:references?|bibliography|acknowledge?ments?|appendix|appendices|codes?|"
                          r"cross references)$", re.IGNORECASE)


# A masthead that names the kind of document, printed above its title: 'Medical Coverage Policy', 'Clinical Policy
# Bulletin', 'Reimbursement Policy'.
_KIND_OF_DOCUMENT = lazy(r"^(?:medical|clinical|coverage|payment|reimbursement|pharmacy|drug|administrative)?\s*"
                         r"(?:coverage\s+)?(?:policy|policy bulletin|guideline|bulletin|determination)$", re.IGNORECASE)


_SUBJECT = lazy(r"^subject:\s*", re.IGNORECASE)
_NUMBER_LINE = lazy(r"^[A-Z]{0,6}[\w.-]*\d[\w.-]*$")


def _masthead(title: str) -> bool:
    return bool(_KIND_OF_DOCUMENT.match(title) or _DATES.search(title) or _NUMBER_LINE.match(title)
                or re.search(r"\b(?:Reviewed|Revised|Original Effective Date)\b", title, re.IGNORECASE))


@dataclass(frozen=True)
class Shape:
    title: str | None
    issuer: str | None
    kind: str  # POLICY (has coverage criteria) or ARTICLE
    source: str  # where the title came from: "front matter", "headings", "subject field" or "none"


def front_matter(lines: list[str]) -> tuple[dict, int]:
    """The ``key: value`` pairs of a front-matter block at the top and the number of lines it takes.

    Read as flat lines (no YAML parser at start-up); quotes around a value are dropped.
    """
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or not _FENCE.match(lines[start]):
        return {}, 0
    values: dict = {}
    for i in range(start + 1, min(len(lines), start + 60)):
        if _FENCE.match(lines[i]):
            return values, i + 1
        m = _KEY_VALUE.match(lines[i])
        if not m:
            if lines[i].strip() and not lines[i].startswith((" ", "\t", "#")):
                return {}, 0  # not a front-matter block: a rule followed by text
            continue
        key = _FRONT_KEYS.get(m.group("key").lower())
        if key and key not in values and m.group("value"):
            values[key] = m.group("value").strip("'\"")
    return {}, 0


def _holds_dates(section: Section, lines: list[str], next_line: int) -> bool:
    return any(_DATES.search(lines[i - 1]) for i in range(section.line + 1, min(next_line, len(lines) + 1)))


def from_headings(sections: list[Section], lines: list[str]) -> tuple[str | None, str | None]:
    """(title, issuer) where the heading structure says which heading is which."""
    tops = [s for s in sections if s.level == 1]
    if not sections or len(tops) > 1:
        return None, None
    first = sections[0]
    if first.level == 1:
        below = sections[1] if len(sections) > 1 else None
        if below is not None and below.level == 2 and not is_section_name(below.title) \
                and not _DATES.search(below.title):
            after = sections[2].line if len(sections) > 2 else len(lines) + 1
            wraps = len(sections) > 2 and all(s.level > 2 or _BACK_MATTER.match(s.title) for s in sections[2:])
            if _holds_dates(below, lines, after) or wraps:
                return below.title, first.title
        return (None if is_section_name(first.title) else first.title), None
    if len(tops) == 1 and first.level > 1 and all(_masthead(s.title) for s in sections[:sections.index(tops[0])]):
        # a masthead over the title: the kind of document (Cigna's 'Medical Coverage Policy'), or Florida Blue's
        # guideline number and dates above '# Subject: ...'
        return _SUBJECT.sub("", tops[0].title), None
    # No top heading: a second-level heading is the title only when it holds the dates.
    after = sections[1].line if len(sections) > 1 else len(lines) + 1
    if not is_section_name(first.title) and _holds_dates(first, lines, after):
        return first.title, None
    return None, None


def _blank(section: Section, next_line: int, lines: list[str]) -> bool:
    """No text between the heading and the next one (a section's end takes in its subsections)."""
    return not any(lines[i].strip() for i in range(section.line, min(next_line - 1, len(lines))))


def _cover(sections: list[Section], lines: list[str]) -> list[Section]:
    """The headings of a cover and title page read as one title. A PDF's cover prints the title in large type, a
    heading a line ('Guidelines for the' / 'management of' / 'asymptomatic sexually' ...), and the title page
    prints it again (WHO): several top headings, so no title was read. In the run of headings at the top with no
    text between them (and the first heading with text after it), a heading repeating an earlier one is dropped,
    and a top heading that continues the one before it (its first word in lower case) is joined to it."""
    run = 0
    while run + 1 < len(sections) and _blank(sections[run], sections[run + 1].line, lines):
        run += 1
    run = min(run + 1, len(sections))
    kept: list[Section] = []
    again = False
    for s in sections[:run]:
        plain = " ".join(s.title.split())
        if any(k.level == s.level and " ".join(k.title.split()) == plain for k in kept) or any(
                k.level == 1 and s.level <= 2 and plain in " ".join(k.title.split()) and k.title != plain
                for k in kept):
            again = True
            continue  # printed again (a part of a joined title, too)
        if kept and kept[-1].level == 1 and s.level <= 2 and s.title[:1].islower():
            kept[-1] = replace(kept[-1], title=f"{kept[-1].title} {s.title}", end_line=s.end_line)
        else:
            kept.append(s)
    if again and kept and kept[0].level == 1:
        # a cover and a title page: the lines under the title in smaller type are its subtitle or edition
        # ('Living guideline May 2025'), not a title under an issuer's name
        kept = [k for k in kept if k.level != 2 or k is kept[-1]]
    return kept + sections[run:]


# '© World Health Organization 2025', 'Copyright © 2024 Example Health Plan': the body that holds the copyright,
# printed at the front of a report, issued it. A body, not a person: an organisation's word, or an acronym.
_COPYRIGHT = lazy(r"^[\W_]*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*,?\s*)?"
                  r"(?P<body>[A-Z][\w&'’.\- ]{1,80}?)\s*,?\s*(?:(?:19|20)\d\d)?[\s.*_]*$", re.IGNORECASE)
_BODY_WORD = lazy(r"\b(?:Organi[sz]ation|Institute|Agency|Society|College|Association|Department|Council|"
                  r"Cent(?:re|er)|Board|Health|Care|Excellence|Ministry|Plan|Insurance)\b|^[A-Z]{2,8}$")
_FRONT_LINES = 60  # how far into the document the front matter of a report runs


def _copyright_issuer(lines: list[str]) -> str | None:
    for line in lines[:_FRONT_LINES]:
        text = re.sub(r"^#+\s*", "", line.strip())
        m = _COPYRIGHT.match(text)
        if m and _BODY_WORD.search(m.group("body").strip()):
            return m.group("body").strip()
    return None


# Anthem's masthead names the document in a field above the first heading: '**Subject:** Oral, Pharyngeal ...'.
_SUBJECT_FIELD = lazy(r"^\W*Subject\W*:\W*\s*(?P<v>\S.*?)\s*$", re.IGNORECASE)


def _subject_field(lines: list[str], first_heading: int) -> str | None:
    for line in lines[:min(first_heading - 1, _FRONT_LINES)]:
        m = _SUBJECT_FIELD.match(line.replace("*", "").split("\t\t")[0])
        if m:
            return m.group("v").strip()
    return None


def document_shape(lines: list[str], sections: list[Section], n_statements: int) -> Shape:
    """Title, issuer and kind of a document from its front matter, then its headings (a cover's read as one
    title), then, for the issuer, the copyright line at its front."""
    front, _ = front_matter(lines)
    title, issuer = from_headings(_cover(sections, lines), lines)
    if not issuer and not front.get("issuer") and not front.get("title"):
        issuer = _copyright_issuer(lines)
    source = "front matter" if front.get("title") else ("headings" if title else "none")
    if not title and not front.get("title"):
        title = _subject_field(lines, sections[0].line if sections else len(lines) + 1)
        source = "subject field" if title else source
    return Shape(front.get("title") or title, front.get("issuer") or (None if front.get("title") else issuer),
                 POLICY if n_statements else ARTICLE, source)
