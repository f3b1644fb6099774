"""Where a policy states its coverage criteria.

Issuers head the criteria differently ('Medical Policy Criteria', Cigna's 'Coverage Policy', Anthem's 'Position
Statement', Aetna's 'Policy', 'Clinical Indications', UnitedHealthcare's 'Coverage Rationale'), and the first heading
that names coverage may be a masthead ('Medical Coverage Policy' over the title). So every such section is a
candidate, in order, and the first where a statement decides coverage in its own words wins; a policy that heads
each category on its own ('Medically Necessary', 'Not Medically Necessary', ...) with no criteria heading is read
from those headings.
"""
from __future__ import annotations

import re
from collections import Counter

from kb.patterns import lazy
from kb.read.criteria import read_statements
from kb.read.criteria_voice import PAYER_VOICE, payer_voice_spans
from kb.read.criteria_words import category_heading, decisive_heading, states_coverage
from kb.read.model import Problem, Section, Statement
from kb.read.shape import NO_CRITERIA

# 'Policy' alone may carry its outline number ('I. POLICY', Capital Blue Cross) or an endnote's mark, the products it
# covers run on after it ('Policy1 Commercial Members: Managed Care ...', BCBS Massachusetts).
CRITERIA_HEADING = lazy(r"\bcriteria\b|\bcoverage\b|\bpolicy statement|^(?:(?:[IVX]{1,4}|\d{1,2})\.\s+)?policy(?:\d{1,2}\b.*)?$|"
                        r"\bposition statement|\bclinical indications?\b|^medical necessity\b", re.I)
# Parts of a policy that hold no criteria even when their words decide coverage (a coding table's 'Considered
# Medically Necessary when criteria ... are met', a rationale quoting another issuer).
_NEVER_CRITERIA = lazy(r"\b(?:coding|codes|background|rationale|references?|bibliography|definitions?|appendix|revision|"
                       r"history|summary of evidence|evidence review|instructions)\b", re.I)
# Cigna's 'Related Coverage Resources' lists other policies.
_RELATED = lazy(r"\brelated\b", re.I)
# A study's or a disease's criteria, not coverage criteria: an article's 'Diagnostic criteria of EM', 'Eligibility
# criteria'.
_OTHER_CRITERIA = lazy(r"\b(?:diagnostic|diagnosis|inclusion|exclusion|eligibility|selection|classification|"
                       r"response|outcome)\s+criteria\b", re.I)
# Sections that never hold criteria and end a region read from category headings.
_ELSEWHERE = lazy(r"\b(?:coding|codes|background|rationale|references?|description|definitions?|evidence|appendix|"
                  r"revision|history|bibliography|overview|summary)\b", re.I)


def find_statements(lines: list[str], sections: list[Section], heading_lines: set[int],
                    heading_category) -> tuple[list[Statement], list[Problem]]:
    """The statements of the first candidate region where a top statement decides coverage in its own words; none
    when no region does (an article's inclusion criteria are lists, not coverage criteria)."""
    decisive = frozenset(s.line for s in sections if decisive_heading(s.title))
    running = _running_headers(sections)
    for spans, recommendations in _regions(sections, lines):
        region = [(i, "" if i in running else None if i in heading_lines else lines[i - 1]) for first, last in spans
                  for i in range(first, last + 1)]
        statements, problems = read_statements(region, heading_category, recommendations, decisive)
        tops = [s for s in statements if s.parent is None]
        if recommendations and sum(1 for s in tops if s.category in _FOR_OR_AGAINST) >= 2:
            return statements, problems
        if not recommendations and any(states_coverage(s.text) or _under(s.line, sections, decisive) for s in tops):
            return statements, problems
    spans = payer_voice_spans(sections, lines)
    if spans:
        region = [(i, None if i in heading_lines else lines[i - 1]) for first, last in spans
                  for i in range(first, last + 1)]
        statements, problems = read_statements(region, heading_category, False)
        if any(PAYER_VOICE.search(s.text.replace("*", "")) for s in statements if s.parent is None):
            return statements, problems
    return [], []


def _running_headers(sections: list[Section]) -> set[int]:
    """The lines of a running header a PDF printed as a heading over every page (BCBS Arizona's 'ROCTAVIAN
    (valoctocogene roxaparvovec-rvox)', a title three times or more, no category heading): read as a blank line,
    so a list broken by the page goes on under its statement."""
    seen = Counter(s.title.lower() for s in sections)
    return {s.line for s in sections if seen[s.title.lower()] >= 3 and not category_heading(s.title)}


def _under(line: int, sections: list[Section], decisive: frozenset[int]) -> bool:
    """Whether the nearest heading above a line is a category heading that decides coverage ('Non-Covered')."""
    above = [s.line for s in sections if s.line < line]
    return bool(above) and max(above) in decisive


_FOR_OR_AGAINST = ("recommended", "not recommended")
# A guideline's recommendations ('Recommendations', 'Key recommendations', 'Recommendations organised by site of
# cancer'), not its research recommendations.
_RECOMMENDATIONS = lazy(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?:key\s+|summary\s+of\s+(?:the\s+)?)?recommendations\b"
                        r"(?!.*\bresearch\b)", re.I)


def _regions(sections: list[Section], lines: list[str]):
    """Each candidate region as its spans, and whether it holds a guideline's recommendations: those a guideline
    prints under several headings ('Recommendations organised by site of cancer', 'Recommendations on patient
    support') are one region."""
    spans = list(_spans(sections, lines))
    for first, last, recommendations in spans:
        if not recommendations:
            yield [(first, last)], False
    kept: list[tuple[int, int]] = []
    for first, last, recommendations in spans:
        if recommendations and (not kept or first > kept[-1][1]):  # not one inside a region already kept
            kept.append((first, last))
    if kept:
        yield kept, True


def _spans(sections: list[Section], lines: list[str]):
    """(first line, last line, whether a guideline's recommendations) of each candidate region: the sections whose
    heading names criteria, the run of category headings, then sections headed 'Recommendations'."""
    title = _title_heading(sections)
    for s in sections:
        if s is not title and CRITERIA_HEADING.search(s.title) and not _RELATED.search(s.title) \
                and not _OTHER_CRITERIA.search(s.title) \
                and not category_heading(s.title):
            yield s.line + 1, _end(s, sections, lines, stop_elsewhere=False), False
    for number, line in enumerate(lines, 1):
        bold = _BOLD_SECTION.match(line)
        if bold and CRITERIA_HEADING.search(bold.group("title")) and not _RELATED.search(bold.group("title")):
            yield number + 1, _bold_end(number, sections, lines), False
    for number, title, run_in in _bold_titles(lines):
        if CRITERIA_HEADING.search(title) and not (_RELATED.search(title) or _OTHER_CRITERIA.search(title)
                                                   or _NEVER_CRITERIA.search(title) or category_heading(title)):
            yield number + (0 if run_in else 1), _title_end(number, sections, lines), False
    first = next((s for s in sections if category_heading(s.title)), None)
    if first is not None:
        yield first.line, _end(first, sections, lines, stop_elsewhere=True), False
    for s in sections:
        if _RECOMMENDATIONS.match(s.title.strip()):
            yield s.line + 1, _end(s, sections, lines, stop_elsewhere=False), True


# A numbered section title printed as a bold line rather than a heading (UnitedHealthcare's drug programs:
# '**2. Coverage Criteria**<sup>a</sup>**: A. Atopic Dermatitis**', '**3. Additional Clinical Programs:**').
_BOLD_SECTION = lazy(r"^\*\*(?:\d{1,2}|[IVX]{1,4})\.\s*(?P<title>[^*]{3,60}?)\s*:?\s*\*\*")


def _bold_end(start: int, sections: list[Section], lines: list[str]) -> int:
    """The line before the next numbered bold section title, or before a later heading that never holds criteria
    or whose own text decides no coverage (the lettered indications between carry the criteria on)."""
    stop = next((n for n in range(start + 1, len(lines) + 1) if _BOLD_SECTION.match(lines[n - 1])), len(lines) + 1)
    for s in sections:
        if start < s.line < stop and (_NEVER_CRITERIA.search(s.title) or not _decides(s, sections, lines)):
            return s.line - 1
    return stop - 1


# A section's title set as a bold line of its own, unnumbered (Mass General Brigham's '**Coverage Guidelines**',
# Commonwealth Care Alliance's '**Clinical Coverage Criteria:**', '**LIMITATIONS/EXCLUSIONS:**'): a few words, no
# sentence.
_BOLD_TITLE = lazy(r"^\s*\*\*(?P<title>[A-Z][^*.;]{2,60}?)\s*:?\s*\*\*\s*:?\s*$")
# ... or run in, its colon in the bold and the section's text after it on the line (Scott and White's '**POLICY:**
# Please review the plan's EOC ...')
_RUN_IN_TITLE = lazy(r"^\s*\*\*(?P<title>[A-Z][A-Z /&-]{2,40}?)\s*:\s*\*\*\s*\S")


def _bold_titles(lines: list[str]) -> list[tuple[int, str, bool]]:
    """(line, title, run in) of each bold title line of eight words at most, and of each run-in title in
    capitals."""
    out = []
    for number, line in enumerate(lines, 1):
        m = _BOLD_TITLE.match(line)
        if m and len(m.group("title").split()) <= 8:
            out.append((number, m.group("title").strip(" :"), False))
        elif _RUN_IN_TITLE.match(line):
            out.append((number, _RUN_IN_TITLE.match(line).group("title").strip(" :"), True))
    return out


# A drug policy's approval terms under its criteria ('**Approval duration**', '**Approval conditions:**').
_APPROVAL = lazy(r"^approval\b", re.I)


def _title_end(start: int, sections: list[Section], lines: list[str]) -> int:
    """The line before the first later title (a heading or a bold title line) that names a part never holding
    criteria, or whose own text decides no coverage; category headings, running headers (a title printed three
    times or more: BCBS Arizona's drug name over every page) and a drug's approval terms carry the criteria on."""
    titles = sorted([(s.line, s.title) for s in sections if s.line > start]
                    + [(n, t) for n, t, _ in _bold_titles(lines) if n > start])
    def own(k: int) -> range:
        return range(titles[k][0] + 1, titles[k + 1][0] if k + 1 < len(titles) else len(lines) + 1)

    seen = Counter(title.lower() for _, title in titles)
    for k, (line, title) in enumerate(titles):
        if category_heading(title) or seen[title.lower()] >= 3 or _APPROVAL.match(title):
            continue  # a category heading carries the criteria on; so does a running header, or a drug's approval terms
        if _NEVER_CRITERIA.search(title):
            return line - 1
        j = k  # a title with no text of its own titles the one after it
        while j + 1 < len(titles) and not any(lines[i - 1].strip() for i in own(j)):
            j += 1
        if not any(states_coverage(lines[i - 1]) for i in own(j)):
            return line - 1
    return len(lines)


def _title_heading(sections: list[Section]) -> Section | None:
    """The document's lone top heading, its title ('Cigna Medical Coverage Policy - Physical Therapy')."""
    tops = [s for s in sections if s.level == 1]
    return tops[0] if len(tops) == 1 and sections and sections[0] is tops[0] else None


def _end(start: Section, sections: list[Section], lines: list[str], *, stop_elsewhere: bool) -> int:
    """The line before the first later heading that closes the region. A category heading never does (it carries
    the criteria on, at any level). Otherwise: one above the start's level, or one at its level that names a part
    never holding criteria or whose own text decides no coverage (a drug policy prints 'Other Uses with Supportive
    Evidence' and 'Conditions Not Covered' at the level of 'Policy Statement'); for a region read from category
    headings, one above the start's level or naming a part that never holds criteria. A running header printed
    as a heading never does."""
    running = _running_headers(sections)
    for s in sections:
        if s.line <= start.line or category_heading(s.title) or s.line in running:
            continue
        if stop_elsewhere:
            if s.level < start.level or _ELSEWHERE.search(s.title):
                return s.line - 1
        elif s.level < start.level or (s.level == start.level and (_NEVER_CRITERIA.search(s.title)
                                                                  or not _decides(s, sections, lines))):
            return s.line - 1
    return len(lines)


def _decides(section: Section, sections: list[Section], lines: list[str]) -> bool:
    """Whether a line of the section's own text (up to the next heading) decides coverage. A heading with no text of
    its own titles the one after it (Dean Health Plan's 'DONOR-DERIVED CELL-FREE DNA ...' over 'Evidence-Based
    ...', PacificSource's 'Commercial' over 'I. Genetic Testing', every heading at one level): that one decides."""
    later = [s for s in sections if s.line > section.line]
    end = later[0].line - 1 if later else len(lines)
    own = range(section.line + 1, end + 1)
    if later and not any(lines[i - 1].strip() for i in own):
        return _decides(later[0], sections, lines)
    return any(states_coverage(lines[i - 1]) for i in own)


# Headings that promise coverage criteria, where finding none means the reader is unsure, not that there are none
# (a trial article's 'Eligibility criteria' promises nothing of the kind).
_PROMISES = lazy(r"\bcoverage\b|^(?:medical\s+)?policy(?:\s+(?:criteria|statements?))?$|\bmedical policy\b|"
                 r"\bposition statement\b|\bmedical necessity\b|\bclinical indications?\b", re.I)


def no_criteria_note(sections) -> str:
    """What the evidence parts say when no criterion was read: that there are none, or, under a heading that
    promises them, that the reader could not read them."""
    title = _title_heading(list(sections))
    promising = [s for s in sections if s is not title and _PROMISES.search(s.title) and not _RELATED.search(s.title)]
    if not promising:
        return NO_CRITERIA
    # A masthead ('Medical Coverage Policy' as the first line) names the kind of document, not the section.
    chosen = next((s for s in promising if s is not sections[0]), promising[0])
    return (f"no criteria read: the section '{chosen.title}' (line {chosen.line}) promises coverage criteria, "
            "but no paragraph or labelled item there decides coverage in a form the reader knows ('is considered "
            "medically necessary', 'investigational', ...); its references and citations are read and checked as usual")
