"""Whether an organisation named beside a marker is the cited source's author (pure predicates).

``kb.sources.judge`` reports a body the cited entry does not name when the entry is clearly someone else's; these
say when the sentence presents the body as the source at all (it published, recommended or stated something), when
the body is the document's own issuer, when a title dates the document as the text does, and when the cited paper
may be the body's product published under its members' names or a voice in a debate about it.
"""
from __future__ import annotations

import re

from kb.patterns import lazy


# An organisation is the source a sentence cites only when the sentence says it spoke: it published,
# recommended or stated something, or its guideline, report or criteria are named. Funders, suppliers,
# databases and institutes named in passing are not the cited source.
# 'considered' in the passive ('a 5-point gain in summed ASIA motor score was considered significant') is the
# authors' judgement of the body's scale, not the body's own words.
_SPOKE = lazy(r"(?:\s*\([^)]{1,20}\))?(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,3}?(?:published|issued|released|"
                    r"updated|revised|proposed|adopted|approved|announced|declared|recommend(?:s|ed)?|stat(?:es|ed)|advis(?:es|ed)|endors(?:es|ed)|conclud(?:es|ed)|"
                    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)consider(?:s|ed)?|"
                    r"(?:practice\s+)?guidelines?|guidance|statements?|criteria|recommendations?|"
                    r"position|consensus|appraisals?|technology\s+assessments?)\b", re.I)
_ACCORDING = lazy(r"(?:according\s+to|guidelines?\s+(?:from|by|of)|issued\s+by|published\s+by|"
                        r"recommended\s+by|endorsed\s+by)\s+(?:the\s+)?$", re.I)


# A body the sentence compares its source with is not the source: "the EU directive, using the same data
# source as the USEPA recommends a level ... [29]" (29 the EU's), "higher than the WHO recommends [3]".
_COMPARED = lazy(r"(?:\bsame\b[^,.;:]{0,60}\bas|\bthan|\bunlike|\bsimilar\s+to|\bcompared\s+(?:with|to))\s+"
                 r"(?:the\s+)?$", re.I)


def spoke(text: str, start: int, end: int) -> bool:
    """Whether the sentence presents the organisation named at ``start:end`` as the author of what it cites."""
    if _COMPARED.search(text[max(0, start - 100):start]):
        return False
    return bool(_SPOKE.match(text, end) or _ACCORDING.search(text[max(0, start - 40):start]))


def title_dated(entry, year: int) -> bool:
    """The entry's title prints ``year`` as a word of its own ('Guidelines 2009', 'recommendations (2009) on')."""
    return re.search(rf"(?<![\d.\-/]){year}(?![\d\-/])", entry.title or "") is not None


def is_issuer(kb, index, keys: tuple[set[str], set[str]]) -> bool:
    """The body named is the one that issued the document: its own voice ('WHO recommends to test ... [106]' in
    a WHO guideline), the cited work the evidence it speaks from, not its author."""
    issuer = (kb.doc.metadata or {}).get("issuer")
    if not issuer:
        return False
    names, acronyms = keys
    own_names, own_acronyms = index.org_keys(issuer, None)
    return bool(names & own_names) or bool(acronyms & own_acronyms) or issuer.strip() in acronyms


# 'ongoing debates on use of the new IADPSG's criteria [29]': the sentence speaks of a debate about the body's work,
# and the cited paper may be one taking part in it, not the body's own document. Only a note then.
DEBATED = lazy(r"\b(?:debates?|debated|controvers(?:y|ies)|critici[sz]ms?|critiques?|concerns?|disagreements?|"
                r"implications|consequences)\s+(?:on|about|over|of|around|regarding|surrounding)\s+"
                r"(?:(?:the\s+)?(?:use|adoption|application|introduction|implementation)\s+of\s+)?(?:the\s+)?"
                r"(?:(?:new|revised|updated|current|proposed)\s+)?$", re.IGNORECASE)


# 'As outlined in the ACC guidelines mentioned above, ... 3-4% per year [50]', 'the aforementioned ACC guidelines': the
# body's document was cited before; a marker later in the sentence supports what follows, not the body.
_CITED_AFTER = lazy(r"\s+(?:[\w-]+\s+){0,2}?(?:mentioned|cited|described|discussed|referred\s+to|quoted)\s+"
                    r"(?:above|earlier|previously|before)\b", re.IGNORECASE)
_CITED_BEFORE = lazy(r"\b(?:above[- ]mentioned|aforementioned|previously\s+(?:mentioned|cited|described))\s+"
                     r"(?:the\s+)?$", re.IGNORECASE)


def cited_before(sentence: str, start: int, end: int) -> bool:
    """Does the sentence say the body's document was named before ('the ACC guidelines mentioned above')?"""
    return bool(_CITED_AFTER.match(sentence, end) or _CITED_BEFORE.search(sentence, max(0, start - 40), start))


# 'The 2015 results of a Kenyan trial ... prompted a change ... to align with the new WHO guidance in 2016 [11]': the
# sentence names a study of the cited entry's year, which the marker may well be for; the body is only mentioned.
_STUDY_WORD = r"(?:trials?|stud(?:y|ies)|cohorts?|surveys?|results|analys[ie]s)"


def study_of_its_year(kb, scope: list[int], sentence: str, studies: tuple) -> bool:
    """Is every cited entry a study whose year the sentence prints right before a word for a study?"""
    for n in scope:
        year = kb.references[n].year
        if kb.kind(n) not in studies or not year or not re.search(
                rf"\b{year}\b[^.;\[]{{0,40}}?\b{_STUDY_WORD}\b", sentence, re.IGNORECASE):
            return False
    return bool(scope)


# What a body puts out (criteria, a guideline, a score), as a sentence and an entry's title name it.
_PRODUCT = lazy(r"\b(?:criteri(?:a|on)|guidelines?|guidance|recommendations?|consensus|statements?|"
                r"classifications?|definitions?|scor(?:e|es|ing)|standards?)\b", re.IGNORECASE)


def product_paper(kb, index, number: int, sentence: str) -> bool:
    """Could the cited entry be the body's product published under its members' names? The sentence says the
    body made such a thing, the entry's title is about one, and the entry names no other body."""
    title = kb.references[number].title or ""
    return bool(_PRODUCT.search(sentence)) and bool(_PRODUCT.search(title)) and not index.names_some_org(number)


# 'FFR was added to the ESC guidelines in 2010 after the benefit of FFR ... was demonstrated.[22]': a clause after the
# body's name that tells of the evidence the body acted on; the marker closing it may cite that evidence, a study.
EVIDENCE_AFTER = lazy(r"\b(?:after|following|once|since|because)\s+(?:[\w-]+\s+){1,14}?(?:was|were|had\s+been|"
                      r"has\s+been|have\s+been)\s+(?:demonstrated|shown|established|proven|proved|confirmed)\b",
                      re.IGNORECASE)


# 'taking into account the limited available evidence [44] ..., ESH recommends ...': a marker right after a word for
# evidence, before the body is named, cites that evidence (a study), not the body.
_ON_EVIDENCE = lazy(r"\b(?:evidence|data|studies|trials|literature|findings)\s*\[(?P<n>[^\]]+)\]", re.IGNORECASE)


def marked_as_evidence(sentence: str, before: int, scope) -> bool:
    """Every number of ``scope`` is in a marker that closes a word for evidence before offset ``before``."""
    numbers = set()
    for m in _ON_EVIDENCE.finditer(sentence, 0, before):
        numbers.update(int(n) for n in re.findall(r"\d+", m.group("n")))
    return bool(scope) and set(scope) <= numbers


# 'Recent systematic reviews concluded there was ... little evidence to guide WHO recommendations [40]': studies the
# sentence reports are what its markers cite; a body named in what they found is its subject, not its source.
STUDIES_FOUND = lazy(r"^\W*(?:[\w-]+\s+){0,3}?(?:(?:systematic\s+)?reviews|meta-analyses|studies|trials|"
                     r"surveys)\s+(?:have\s+|had\s+)?(?:concluded|found|showed|shown|reported|suggested|"
                     r"demonstrated|indicated)\b", re.IGNORECASE)

# '... prevented 80% of the deaths ... since WHO's initial recommendation in 1997 [48]': the body's act dates a period
# the cited study speaks of; the body is a point in time, not the source.
SINCE_BODY = lazy(r"\b(?:since|until|prior\s+to)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+)?$", re.IGNORECASE)
