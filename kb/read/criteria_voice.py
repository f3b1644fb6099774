"""Criteria under no heading that names them: the sections whose own text decides coverage in a payer's voice.

Some policies head their criteria with words no reader could list (Geisinger's 'Genetic Syndromes', 'Connective
Tissue Disorders', one condition a heading), set the heading in a face a PDF does not mark (Oscar's 'Clinical
Indications' in a slightly heavier weight of the body's font, read as a plain line), or repeat a drug's name as a
running heading over every page (BCBS Arizona). When no section named for criteria holds a statement, the sections
whose own lines say that a service 'is considered medically necessary' (or experimental, investigational, unproven)
are read, each with its heading; sections that never hold criteria (background, description, definitions, coding,
references, ...) are left out. The wording asked for is a payer's decision, not an article's mention of medical
necessity, so research articles stay without criteria.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.model import Section

# 'Genetic testing ... may be considered medically necessary when', 'is considered ***medically necessary***',
# 'The Plan considers genetic testing medically necessary to establish ...', 'is medically necessary when'
_CATEGORY = r"(?:not\s+)?medically\s+necess(?:ary|ity)|experimental|investigational|unproven"
PAYER_VOICE = lazy(rf"\b(?:is|are|be)\s+(?:\w+\s+){{0,2}}?considered\s+(?:to\s+be\s+)?(?:{_CATEGORY})\b|"
                   # the Plan 'considers' a service medically necessary; an algorithm that 'considers only strand
                   # separation, to fit the experimental data' decides nothing
                   r"\bconsiders?\s+(?:[^\s.;:]+\s+){1,14}?(?:not\s+)?medically\s+necess(?:ary|ity)\b|"
                   # Scott and White's 'Coverage for genetic/genomic testing ... may be medically necessary when ALL'
                   r"\b(?:is|are|may\s+be)\s+(?:not\s+)?medically\s+necessary\s+(?:when|if|for|in)\b", re.IGNORECASE)
# Parts of a policy that never hold its criteria, whatever their words (notes restate or qualify them).
_NEVER = lazy(r"\b(?:coding|codes|background|rationale|references?|bibliography|description|definitions?|evidence|"
              r"appendix|revision|history|overview|summary|disclaimer|instructions|attestation|notes?|discussion|"
              r"conclusions?|results|methods?|introduction|abstract)\b", re.IGNORECASE)


# A research article's parts: an article that quotes an insurer ('will not cover IV therapy beyond 28 days') or
# concludes that a referral 'may not be considered medically necessary' decides nobody's coverage.
_ARTICLE_PART = lazy(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:abstract|introduction|background|methods?|materials\s+and\s+methods|"
                     r"results|discussion|conclusions?|limitations)\W*$", re.IGNORECASE)


def payer_voice_spans(sections: list[Section], lines: list[str]) -> list[tuple[int, int]]:
    """(heading line, last line of its own text) of each section whose own text decides coverage in a payer's
    voice, in order; none when no section does, or when the document is a research article (two or more of
    Abstract, Introduction, Methods, Results, Discussion ... head its sections)."""
    parts = {m.group(0).strip(" .:").lower() for m in map(_ARTICLE_PART.match, (s.title for s in sections)) if m}
    if len(parts) >= 2:
        return []
    spans = []
    heads = sorted(s.line for s in sections)
    for s in sections:
        if any(_NEVER.search(title) for title in s.path):
            continue
        end = next((h - 1 for h in heads if h > s.line), len(lines))
        if any(PAYER_VOICE.search(lines[i - 1].replace("*", "")) for i in range(s.line + 1, end + 1)):
            spans.append((s.line, end))
    return spans
