"""Policy Markdown to ``PolicyDocument``.

``parse_policy(text, path)`` never raises on content: whatever it cannot read
becomes a ``Problem``. The loader in ``kb.io`` does the file handling.
"""
from __future__ import annotations

import bisect
import re

from kb.patterns import lazy
from kb.read.author_year import AUTHOR_YEAR, AuthorYearIndex, scan_author_year
from kb.read.blocks import Heading, headings
from kb.read.citing_style import cites_a_fifth, cites_by_name, footnote_numbers, own_citation_lines
from kb.read.criteria_words import category_heading, heading_category
from kb.read.criteria_find import find_statements
from kb.read.heading_markers import heading_markers
from kb.read.marker_parts import with_entry_parts
from kb.read.model import Code, PolicyDocument, Problem, Section
from kb.read.prose import clean_text, group_blocks, read_paragraphs, read_prose
from kb.read.reference_lines import ENTRY, HEADING, parse_references  # noqa: F401 - re-exported
from kb.ids import slug as make_slug
from kb.read.shape import document_shape, front_matter

# A section number may come first ('9. References', '7.1 References', 'VII. REFERENCES'); Word's Harvard style says
# 'Reference List'. A footnote mark may follow, glued as the text reads it: WHO's 'References<sup>2</sup>' over
# '2 All references were accessed on ...' reads 'References2'. Science and its sister journals say 'References and
# Notes'. Payers' words: Highmark's 'Reference Sources', Avalon's laboratory policies' 'VIII. Evidence-based
# Scientific References'; Capital Blue Cross prints a back-to-top link after each section title ('IX. REFERENCES
# TOP'), in capitals as the link is. CareSource letters its sections ('H. References'); Healthfirst's laboratory
# policies (Avalon's template) say 'IV. Reference Materials'. Health plans join the word to another: IU Health Plans'
# 'VIII. References/Citations', Commonwealth Care Alliance's 'Regulatory Notes/References' and 'Related References',
# UCare's 'References and source documents'.
REFERENCE_HEADING = lazy(r"^(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})\.?\s+|[A-Z]\.\s+)?(references?|reference list|"
                         r"references?\s*/\s*(?:citations|sources|resources)|[a-z]+(?:\s[a-z]+)?\s*/\s*references|"
                         r"references and (?:source documents|sources|resources)|related references|"
                         r"list of references|references and notes|"
                         r"references cited|bibliography|works cited|literature cited|cited literature|citations|"
                         r"reference sources|reference materials|(?:evidence[- ]based\s+)?scientific references)"
                         r"(?:\d{1,2}|[*\u2020\u2021])?(?:\s+(?-i:TOP))?$", re.I)
DOCUMENTATION_HEADING = lazy(r"required documentation", re.I)
CODES_HEADING = lazy(r"^(codes?|coding|billing codes?|cpt.*codes?)$", re.I)
CODE = lazy(r"^(?:[0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$")
META = {
    "effective": lazy(r"^\W*Effective(?: Date)?\W*:?\W*\s*(?P<v>[^*]+?)\s*$", re.I),
    "next_review": lazy(r"^\W*Next Review(?: Date)?\W*:?\W*\s*(?P<v>[^*]+?)\s*$", re.I),
    # 'Last Review:', and other issuers' 'Latest Review Date:', 'Most Recent Review:', 'Last Reviewed:'
    "last_review": lazy(r"^\W*(?:Last|Latest|Most Recent) Review(?:ed)?(?: Date)?\W*:?\W*\s*(?P<v>[^*]+?)\s*$", re.I),
    # 'Policy No. 107', 'Policy Number: MP-004', 'Policy #: 0411', or a line 'Number: 0411' (Aetna)
    "policy_number": lazy(r"\bPolicy\s*(?:No\.?|Number|#)[\s:.\u2026]*(?P<v>[A-Z]{0,5}-?\d[\w.-]*)|"
                          r"^\W*Number\W*:\s*(?P<n>[A-Z]{0,5}-?\d[\w.-]*)", re.I),
}


# A masthead prints several fields on one line, set apart by dot leaders (Cigna's 'Effective Date .......4/15/2026
# Next Review Date ...... 4/15/2027 Coverage Policy Number ...... 0529'): each field is read on its own.
_META_FIELD = lazy(r"\s+(?=(?:Next Review|(?:Last|Latest|Most Recent) Review|(?:Coverage |Medical )?Policy (?:No\b|Number|#))"
                   r"[^:]{0,12}?(?:\.{3,}|\u2026|:))", re.I)


def slug(text: str) -> str:
    return make_slug(text, "section")


def heading_title(raw: str) -> str:
    return clean_text(raw).strip(" :")


def read_headings(lines: list[str]) -> list[Heading]:
    """The headings a Markdown reader sees (kb.read.blocks), plus a bold line that names the reference list
    ('**References**'), which stands as a heading at the level of the one before it."""
    out, level = [], 2
    for h in headings("\n".join(lines)):
        title = heading_title(h.text)
        if not title or (h.bold and not REFERENCE_HEADING.match(title)):
            continue
        out.append(Heading(h.line, h.last_line, h.level or level, title, h.bold))
        level = h.level or level
    return out


def parse_sections(lines: list[str], found: list[Heading] | None = None) -> list[Section]:
    heads = [(h.line, h.level, h.text) for h in (read_headings(lines) if found is None else found)]
    # A lone level-1 heading is the issuer or document title: leave it out of ids.
    root = 1 if sum(1 for _, lv, _ in heads if lv == 1) == 1 and heads and heads[0][1] == 1 else 0
    sections, stack, used = [], [], set()
    for k, (line, level, title) in enumerate(heads):
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        end = next((l2 - 1 for l2, lv2, _ in heads[k + 1:] if lv2 <= level), len(lines))
        base = "/".join(slug(t) for lv, t in stack if lv > root) or slug(title)
        sid, n = base, 2
        while sid in used:
            sid, n = f"{base}-{n}", n + 1
        used.add(sid)
        sections.append(Section(sid, title, level, tuple(t for _, t in stack), line, end))
    return sections


def _heading_lines(found: list[Heading]) -> set[int]:
    """Every line a heading takes, a setext heading's underline too."""
    return {line for h in found for line in range(h.line, h.last_line + 1)}


def _region(sections: list[Section], pattern, n_lines: int, lines: list[str] | None = None) -> tuple[int, int] | None:
    """Lines after the last heading matching ``pattern`` up to the next unrelated heading."""
    starts = [s for s in sections if pattern.search(s.title)]
    if not starts:
        return None
    start = starts[-1] if pattern is REFERENCE_HEADING else starts[0]
    later = [s for s in sections if s.line > start.line]
    if not later:
        return start.line + 1, n_lines
    ends = [s.line - 1 for s in later[1:]] + [n_lines]  # the last line of each later section
    end = later[0].line - 1
    if pattern is REFERENCE_HEADING and lines is not None and _first_text(lines, start.line + 1, end) is None:
        # A guideline that numbers its references per section ('S3.1.1-1', the prefix lost in a conversion)
        # prints 'References' over nothing but section headings, each over its own list opening at 1: the list
        # runs on through every such heading (two at least), to the first one whose text is no entry numbered 1.
        parts = 0
        for s, last in zip(later, ends):
            if not _opens_with_first_entry(lines, s.line, last):
                break
            parts, end_of_parts = parts + 1, last
        if parts >= 2:
            end = end_of_parts
    return start.line + 1, end


def _first_text(lines: list[str], first: int, last: int) -> str | None:
    """The first line with text among lines ``first`` to ``last`` (1-based), or None."""
    return next((lines[i - 1] for i in range(first, last + 1) if lines[i - 1].strip()), None)


def _opens_with_first_entry(lines: list[str], heading_line: int, last: int) -> bool:
    """Whether the section under the heading at ``heading_line`` opens with an entry numbered 1."""
    text = _first_text(lines, heading_line + 1, last)
    m = ENTRY.match(text) if text else None
    return bool(m) and int(m.group("b") or m.group("n")) == 1


def parse_codes(lines: list[str], span) -> list[Code]:
    codes, system = [], ""
    for num in range(span[0], span[1] + 1):
        text = lines[num - 1]
        cells = [c.strip() for c in re.split(r"\t|\s*\|\s*", text.strip().strip("|"))]
        if len(cells) < 2:
            continue
        if cells[0] and not CODE.match(cells[0]):
            system = cells[0]
        at = 1 if CODE.match(cells[1]) else (0 if CODE.match(cells[0]) else None)
        if at is None:
            continue
        code_cell = cells[at]
        if CODE.match(cells[0]):  # the system column holds a code: infer the system
            system = "CPT" if code_cell[0].isdigit() else "HCPCS"
        description = " ".join(c for c in cells[at + 1:] if c)
        codes.append(Code(system or "unknown", code_cell, description, num))
    return codes


def parse_metadata(lines: list[str], sections: list[Section], n_statements: int = 0) -> dict:
    meta: dict = {}
    for line in lines[:80]:
        for plain in _META_FIELD.split(line.replace("*", "").strip()):
            for key, rx in META.items():
                m = rx.search(plain)
                if m and key not in meta:
                    meta[key] = (m.group("v") or m.groupdict().get("n") or "").strip()
    shape = document_shape(lines, sections, n_statements)
    meta.update(title=shape.title, issuer=shape.issuer, kind=shape.kind, title_from=shape.source)
    return meta


def _category_lookup(sections: list[Section]):
    def at(line: int) -> str | None:
        found = None
        for s in sections:
            if s.line <= line and category_heading(s.title):
                found = heading_category(s.title)
        return found
    return at


def parse_policy(text: str, path: str = "<policy>") -> PolicyDocument:
    """Read a policy's Markdown text into a ``PolicyDocument``."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    printed = text.split("\n")
    # Front matter is read for the title and issuer only: blank it for everything else.
    front = front_matter(printed)[1]
    lines = [""] * front + printed[front:]
    found = read_headings(lines)
    sections = parse_sections(lines, found)
    problems: list[Problem] = []
    heading_lines = _heading_lines(found)

    ref_span = _region(sections, REFERENCE_HEADING, len(lines), lines)
    references, ref_section, numbered = [], None, True
    if ref_span:
        references, more, numbered = parse_references(lines, ref_span)
        problems += more
        ref_section = next(s for s in sections if s.line == ref_span[0] - 1)
    else:
        problems.append(Problem("no-reference-list", 1, "no References heading was found"))
    code_span = _region(sections, CODES_HEADING, len(lines))
    codes = parse_codes(lines, code_span) if code_span else []

    excluded = set()
    for span in (ref_span, code_span):
        if span:
            excluded.update(range(span[0], span[1] + 1))
    excluded.update(own_citation_lines(lines))
    prose_lines = [(i, l) for i, l in enumerate(lines, 1) if i not in excluded and i not in heading_lines]
    blocks = []
    chunk: list[tuple[int, str]] = []
    for i, l in prose_lines:  # headings break paragraphs, so group between them
        if chunk and i != chunk[-1][0] + 1 and any(h in heading_lines for h in range(chunk[-1][0] + 1, i)):
            blocks += group_blocks(chunk)
            chunk = []
        chunk.append((i, l))
    blocks += group_blocks(chunk)

    heading_starts = [sec.line for sec in sections]

    def section_for_line(line: int) -> str:
        # The innermost section holding a line is the last heading above it.
        i = bisect.bisect_right(heading_starts, line) - 1
        return sections[i].id if i >= 0 else ""

    last_entry = max((r.number for r in references), default=None)
    sentences, markers, skipped = read_prose(blocks, section_for_line, last_entry)
    style = "numbered"
    # A list printed without numbers, or a numbered one its markers hardly cite (a web page's <ol> under a
    # text that cites by author and year): read the citations by name too, and keep the better reading.
    if references and (not numbered or not cites_a_fifth(markers, references)):
        index = AuthorYearIndex(references)
        by_name = read_prose(blocks, section_for_line, last_entry, scan=lambda text: scan_author_year(text, index))
        if cites_by_name(numbered, markers, by_name[1], references, footnote_numbers(lines, excluded)):
            style = AUTHOR_YEAR
            sentences, markers, skipped = by_name
    if style == "numbered":
        markers = sorted(markers + heading_markers(lines, found, markers, last_entry, excluded, section_for_line),
                         key=lambda m: (m.line, m.column))
        markers = with_entry_parts(markers, references)
    statements, more = find_statements(lines, sections, heading_lines, _category_lookup(sections))
    problems += more
    doc_span = _region(sections, DOCUMENTATION_HEADING, len(lines))
    documentation = []
    if doc_span:
        for i in range(doc_span[0], doc_span[1] + 1):
            if re.match(r"^\s*[-*+]\s+\S", lines[i - 1]):
                documentation.append((i, clean_text(lines[i - 1])))
    meta = parse_metadata(printed, sections, len(statements))
    return PolicyDocument(
        path=path, lines=tuple(printed), title=meta.get("title"), metadata=meta,
        sections=tuple(sections), sentences=tuple(sentences), markers=tuple(markers),
        references=tuple(references), reference_section=ref_section,
        statements=tuple(statements), documentation=tuple(documentation),
        codes=tuple(codes), problems=tuple(problems),
        paragraphs=tuple(read_paragraphs(blocks, section_for_line)), skipped=skipped, citation_style=style,
    )
