"""Two entries of one title, first author and year: the signs that they are two papers, not one listed twice.

Each sign is a pure function of two reference entries; REF134 (``kb/checks/ref_identity.py``) reports a pair as one
paper listed twice only when none of them holds.
"""
from __future__ import annotations

import re

from kb.patterns import lazy


# A body's document-kind label read as the title: 'American College of Medical Genetics and Genomics (ACMG). ACMG
# Statement. Laboratory perspectives in ...' and '... ACMG Statement. The clinical application of ...'.
_KIND_LABEL = lazy(r"^(?:\S+\s+){0,2}(?:statement|bulletin|opinion|guidelines?|report|update|brief)$", re.IGNORECASE)


def _kind_label_titles(a, b) -> bool:
    """Two entries whose 'title' is only a label of the kind of document ('ACMG Statement') and whose words after
    it begin differently: two documents of one series, whose own titles the reading took for the source."""
    if not (a.title and _KIND_LABEL.match(a.title.strip(" .")) and a.source and b.source):
        return False
    first = lambda e: " ".join(_SOURCE_WORD.findall(e.source.lower())[:6])  # noqa: E731
    return first(a) != first(b)


_SOURCE_WORD = lazy(r"[^\W\d_]{3,}")


def other_parts(a, b) -> bool:
    """Two entries of one title and body whose words after the title are other words, with no journal details
    ('NCCN (2010) Clinical practice guidelines in oncology. Adult Cancer Pain' and '... Distress Management'): two
    parts of one series, or one report printed two ways. Nothing tells which: the finding is only info. Words after
    the title mostly shared ('In: Shawe-Taylor J, Zemel R, ... editors' and '... Zemel RS ...') are one book's
    chapter printed twice."""
    ids = (a.volume, b.volume, a.pages, b.pages, a.doi, b.doi, a.pmid, b.pmid)
    if not (a.source and b.source) or any(ids):
        return False
    words_a, words_b = ({w.lower() for w in _SOURCE_WORD.findall(e.source)} for e in (a, b))
    if not (words_a and words_b):
        return False
    return len(words_a & words_b) < 0.5 * min(len(words_a), len(words_b))


def same_authors(a, b) -> bool:
    """Same first author or organisation; an entry without either cannot contradict."""
    who_a, who_b = a.first_author or a.organisation, b.first_author or b.organisation
    return not (who_a and who_b) or who_a == who_b


_NUMBERS = lazy(r"(?<![\d.])\d{1,4}(?!\d|\.\d)")


def _other_issue(a, b) -> bool:
    """Two issues of one series: the same title and body, different numbers after the title, neither with a
    journal volume ('... COVID-19 [Internet]. (Boletim Epidemiológico Especial, 103)' and '...; 100')."""
    if a.volume or b.volume or not (a.raw and b.raw):
        return False
    tail = lambda e: {n for n in _NUMBERS.findall(e.raw.split(e.title or "\0", 1)[-1]) if str(e.year) != n}  # noqa: E731
    return tail(a) != tail(b)


def _first_page(pages: str) -> str:
    return re.split(r"\s*[-\u2010-\u2014]\s*", pages.strip())[0]


def _other_pages(a, b) -> bool:
    """Two papers of one volume ('J Quality Technol. 1981;13:174–183' and '...;13:232–240', a part I and II
    printed without their titles): the first pages differ ('7' and '7\u20137' are one page, printed two ways)."""
    return bool(a.pages and b.pages and _first_page(a.pages) != _first_page(b.pages))


def _other_coauthors(a, b) -> bool:
    """Two second authors: two papers by one first author (two untitled proceedings entries, 'Helmiyati H.,
    Suci R.P.' and 'Helmiyati H., Masriah I.'). Only the second: a name garbled further on ('Nicholls S, S,,')
    must not part a paper listed twice."""
    return len(a.surnames) >= 2 and len(b.surnames) >= 2 and a.surnames[1] != b.surnames[1]


def _address(url: str) -> str:
    return re.sub(r"^https?://(?:www\.)?|/+$", "", url.strip().lower())


def _other_pages_of_a_site(a, b) -> bool:
    """Two web pages of one title at different addresses, neither in a journal: a site's pages for two places or
    parts ('Country antimalarial drug policies: by region', one page a region), not one paper listed twice."""
    return bool(a.url and b.url and not (a.volume or b.volume or a.doi or b.doi or a.pmid or b.pmid)
                and _address(a.url) != _address(b.url))


def _other_pmids(a, b) -> bool:
    """Two different PubMed records: two papers, even with the same title (a reply, a second part)."""
    return bool(a.pmid and b.pmid and a.pmid != b.pmid)


def different_papers(a, b) -> bool:
    """Any sign that two entries of one title, author and year are two papers."""
    return (_other_pmids(a, b) or _other_issue(a, b) or _other_pages(a, b) or _other_coauthors(a, b)
            or _other_pages_of_a_site(a, b) or _kind_label_titles(a, b))
