"""A document's own treatment words: from its title, its criteria and the abbreviations it defines.

The data files in ``data/treatments/`` know the clinical areas someone has
written down; a policy on another topic names its treatments itself. Three
places are read, each a plain text rule:

- the title, split at commas, "and", "or" and slashes ("Percutaneous
  Vertebroplasty, Kyphoplasty, Sacroplasty, and Coccygeoplasty"), and the two
  treatments a title compares ("Metformin versus placebo in ...");
- the criteria: a word ending like a procedure or a therapy (-plasty, -ectomy,
  -otomy, -therapy, ablation, stimulation, fusion, injection, augmentation,
  stenting) with up to two words before it;
- abbreviations the text defines, "percutaneous vertebroplasty (VP)", whose long
  form ends like a treatment or names a title treatment, and is not an
  organisation's name ("Society of NeuroInterventional Surgery (SNIS)"): the
  abbreviation then matches too, case-sensitively.

A phrase the data files already name is left to them (their canonical names
keep forest plots and tables stable). Controls ("sham", "placebo", "usual
care", "no treatment") get the role ``comparator``.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.acronyms import definitions, fits
from kb.read.model import PolicyDocument
from .vocabulary import TreatmentWord, outcome_in, treatments_in

_HEAD = lazy(
    r"(?:plasty|ectomy|otomy|ostomy|therapy|therapies|ablation|stimulation|fusion|injections?|augmentation|"
    r"stenting|implants?|implantation|transplant\w*|infusion|block|surgery|procedure|treatment|management|"
    r"care|rehabilitation|vaccination)$", re.IGNORECASE)
_CRITERIA_PHRASE = lazy(
    r"\b(?:[A-Za-z-]+ ){0,2}[A-Za-z-]*(?:plasty|ectomy|otomy|therapy|ablation|stimulation|fusion|injection|"
    r"augmentation|stenting)\b", re.IGNORECASE)
_COMPARATOR = lazy(r"\bsham\b|placebo|usual care|standard care|no treatment|\bcontrol\b|conservative|"
                         r"watchful|observation|waiting list", re.IGNORECASE)
_STOP = lazy(r"^(?:the|a|an|of|or|and|using|with|for|to|in|on|by|any|other|than|is|are|be|may|"
                   r"considered|all)\b\s*", re.IGNORECASE)
_SPLIT = lazy(r"\s*(?:,|/|;|\band\b|\bor\b|\bversus\b|\bvs\.?)\s*", re.IGNORECASE)
_ORGANISATION = lazy(r"\b(?:society|college|association|academy|institute|congress|board|agency|"
                           r"organi[sz]ation|foundation|group|council|federation|network|centre|center)\b",
                           re.IGNORECASE)
_cache: dict[int, tuple[PolicyDocument, tuple[TreatmentWord, ...]]] = {}


def _clean(phrase: str) -> str:
    phrase = re.sub(r"[*_\u00ae\u2122]", "", phrase).strip(" .:-")
    while _STOP.match(phrase):
        phrase = _STOP.sub("", phrase, count=1)
    return " ".join(phrase.split())


def _word(name: str, abbr: str = "") -> TreatmentWord:
    body = rf"(?i:\b{re.escape(name)}\b)"
    pattern = re.compile(body + (rf"|\b{re.escape(abbr)}\b" if abbr else ""))
    role = "comparator" if _COMPARATOR.search(name) else "intervention"
    return TreatmentWord(name.lower(), pattern, role, "document")


def title_phrases(title: str) -> list[str]:
    out = []
    for chunk in _SPLIT.split(title or ""):
        chunk = _clean(chunk)
        if chunk and len(chunk.split()) <= 4 and _HEAD.search(chunk.split()[-1]):
            out.append(chunk)
    return out


# A title that compares two treatments names both, with or without a procedure's ending: "Metformin versus
# placebo in combination with insulin analogues ...", "Tranexamic acid vs placebo for ...". Up to four words on
# each side, cut at a preposition or punctuation; a single word that only qualifies ("early versus delayed
# treatment") names no treatment, nor do outcomes weighed against each other.
_TITLE_VERSUS = lazy(r"(?P<a>(?:[\w'\u2010-]+ ){0,3}[\w'\u2010-]+) (?:versus|vs\.?|compared (?:with|to)) "
                     r"(?P<b>[\w'\u2010-]+(?: [\w'\u2010-]+){0,3})", re.IGNORECASE)
_CUT = lazy(r"\b(?:of|for|the|a|an|on|in|with|to|and|or|among|at|as|after|during|by|from|plus|alone|trial|study|"
            r"randomi[sz]ed|controlled|comparing|comparison|effect|effects|efficacy|safety)\b", re.IGNORECASE)
_QUALIFIER_ONLY = frozenset("early late delayed immediate high low short long standard usual new old single double "
                            "once twice daily weekly monthly continuous intermittent".split())


def versus_phrases(title: str) -> list[str]:
    """The two treatments a title compares ("Metformin versus placebo in ..." -> ["Metformin", "placebo"])."""
    m = _TITLE_VERSUS.search(title or "")
    if not m:
        return []
    a_words = m.group("a").split()
    cuts = [i for i, w in enumerate(a_words) if _CUT.fullmatch(w)]
    a = " ".join(a_words[cuts[-1] + 1:] if cuts else a_words)
    b_words = m.group("b").split()
    cut = next((i for i, w in enumerate(b_words) if _CUT.fullmatch(w)), len(b_words))
    b = " ".join(b_words[:cut])
    out = [_clean(x) for x in (a, b)]
    if not all(out) or any(len(x.split()) == 1 and x.lower() in _QUALIFIER_ONLY for x in out):
        return []
    if outcome_in(m.group("a")) or outcome_in(b):
        return []  # "Quality of life versus survival": outcomes weighed, not treatments
    return out


def criteria_phrases(texts) -> list[str]:
    return [_clean(m.group(0)) for text in texts for m in _CRITERIA_PHRASE.finditer(text)]


def defined_treatments(sentences, named: set[str]) -> list[tuple[str, str]]:
    """(long form, abbreviation) for each treatment abbreviation the text defines."""
    out = []
    for sentence in sentences:
        for d in definitions(sentence.text):
            tails = [d.words[-k:] for k in range(1, len(d.words) + 1) if fits(d.letters, d.words[-k:])]
            long_form = _clean(" ".join(tails[0] if tails else d.words[-max(len(d.letters), 1):]))
            last = long_form.split()[-1].lower() if long_form else ""
            if long_form and not _ORGANISATION.search(long_form) and (_HEAD.search(last) or last in named):
                out.append((long_form, d.abbr))
    return out


def _find(doc: PolicyDocument) -> tuple[TreatmentWord, ...]:
    title = doc.title or ""
    found: dict[str, TreatmentWord] = {}
    phrases = title_phrases(title) + versus_phrases(title) + criteria_phrases(s.text for s in doc.statements)
    named = {p.split()[-1].lower() for p in phrases}
    pairs = [(p, "") for p in phrases] + defined_treatments(doc.sentences, named)
    for phrase, abbr in pairs:
        if treatments_in(phrase) or phrase.lower() in found:
            continue  # the data files know it: keep their canonical name
        found[phrase.lower()] = _word(phrase, abbr)
    return tuple(found.values())


def document_treatments(doc: PolicyDocument) -> tuple[TreatmentWord, ...]:
    """The treatments a document names that the data files do not (computed once per document)."""
    hit = _cache.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    words = _find(doc)
    if len(_cache) > 16:
        _cache.clear()
    _cache[id(doc)] = (doc, words)
    return words
