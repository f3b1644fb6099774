"""When the reader's split of an entry into title and source is in doubt.

REF112 and REF113 report a part the reader did not find. That is only sure
when the entry was split cleanly: authors read, then a title that is a title.
Books, reports, software and working papers are printed in many house forms
(`Wolf - Hund - Mensch, Brandstätter, 231.`, `(Times Book, 2013)`, `Vol 1
London: Henry Kimpton`), and where the reader does not know the form it folds
the publisher into the title, or the title into an italic span it takes for
the journal. These tests name the signs of such a fold; an entry that shows
one is reported at `info`, not as a defect.
"""
from __future__ import annotations

import re

# '(in Chinese)', '[in Spanish]': a language note, not a source.
_LANGUAGE_NOTE = re.compile(r"[(\[]\s*in\s+[A-Z][a-z]+\s*[)\]]\.?")
_SIGNS = (
    # a second sentence: 'Title. Serie Documentos de Trabajo, DT 06/2014, Instituto ...'
    re.compile(r"[a-z)\]]\.\s+\(?[A-Z]"),
    # ... or one opening with a name written small-then-capital, as some journals and reference works spell theirs:
    # 'Sodium MRI in man. eMagRes', '... transcription. mBio'
    re.compile(r"[a-z)\]]\.\s+[a-z]{1,3}[A-Z][A-Za-z]+"),
    # a parenthesis holding a year: '(Times Book, 2013)'
    re.compile(r"\([^()]*\b(?:1[5-9]|20)\d\d\b[^()]*\)"),
    # volume, issue or pages at the end after a name or a comma: 'Engineering 64 (8)', 'Beziehung, Brandstätter, 231'
    # (not a version's or a part's number: 'Release 14', 'Phase 2')
    re.compile(r"(?:,\s*|\b(?!(?:Release|Version|Edition|Part|Phase|Type|Stage|Grade|Class|Level)\s)[A-Z][\w-]*\s+)"
               r"\d+(?:\s*\(\d+\))?\s*$"),
    # a page range: 'toolkit 59–66 (IEEE'
    re.compile(r"\b\d+\s*[\u2013-]\s*\d+\b"),
    # a bracket left open, as a cut-off publisher: '(IEEE'
    re.compile(r"\([^)]*$"),
    # a volume or an edition: 'Systems of Ophthalmology, Vol 1 London: ...'
    re.compile(r"\b(?:Vol|Vols|pp|ed|edn)\b\.?\s*\d|\b\d+(?:st|nd|rd|th)\s+ed\b"),
    # a place and publisher after a comma: 'New York City,Westport: Praeger'
    re.compile(r",\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?:\s*[A-Z]"),
    # a place printed as town, region, country: 'Boulder, Colorado, USA NASA'
    re.compile(r"\b[A-Z][a-z]+,\s+[A-Z][a-z]+,\s+[A-Z]{2,}\b"),
    # an author list run on into the title: 'and Shafir E., Why Having Too Little ...'
    re.compile(r"^(?:and|&)\s"),
    # a thesis's university or a report's institute closing it, after no stop, in English or not: '... nursing
    # concepts Wayne State University 2004', '... Documentos Técnicos de Salud Pública, Instituto de Salud Pública'
    re.compile(r"\b(?:University|College|Institute|Universit\w+|Institut[eo]?)(?:\s+(?:of|de|del|for|f\u00fcr|voor)"
               r"(?:\s+[A-Z][\w'-]*)+)?[,.]?\s*(?:(?:1[5-9]|20)\d\d)?\.?$"),
    # ... or its graduate school after the university's name: '... of the skin: Wake Forest University Graduate
    # School of Arts and Sciences. 2011.'
    re.compile(r"\bUniversity\s+(?:Graduate\s+)?(?:School|Faculty|Department|College)\b(?:\s+(?:of|and|for|[A-Z][\w'-]*))*"
               r"[,.]?\s*(?:(?:1[5-9]|20)\d\d)?\.?$"),
    # a place and a publisher's short name closing it, after no stop: '... in four districts in Nepal Kathmandu: GIZ'
    re.compile(r"\b[A-Z][a-z]+:\s*[A-Z][A-Za-z&]{1,7}$"),
    # a publisher closing it: 'Self-efficacy: Thought control of action : Taylor & Francis', '..., Harvard
    # university press', '..., SAGE publications'
    re.compile(r"\b(?:[Pp]ress|[Pp]ublishers?|[Pp]ublishing|[Pp]ublications|Verlag|Wiley|Springer|Elsevier|"
               r"Taylor\s*&\s*Francis|Routledge|SAGE|Sage|Lippincott[\w\s&]*|Saunders|Mosby|McGraw[- ]Hill|"
               # textbook and engineering publishers, named after a comma: '..., Cengage Learning', '..., Newnes'
               r"Cengage(?:\s+Learning)?|Pearson(?:\s+Education)?|Prentice[- ]Hall|Addison[- ]Wesley|Newnes|"
               r"Butterworth[- ]Heinemann|Morgan\s+Kaufmann|O['\u2019]Reilly(?:\s+Media)?)\W*$"),
    # a journal named after a comma with its volume, in small letters as a reference manager exported it:
    # '..., Frontiers in human neuroscience 5'
    re.compile(r",\s+[A-Z][A-Za-z]+(?:\s+(?:[a-z]+|[A-Z][A-Za-z]*|&)){1,6}\s+\d{1,3}$"),
    # a publishing body and its country: '... in sub-Saharan Africa: The Alan Guttmacher Institute, USA; 2005'
    re.compile(r"\b(?:Institute|University|Press|Ministry|Foundation|Council|Publishers?)\b[^.:]{0,40}[,;]\s*[A-Z]{2,}\b"),
)


def _bare_title(e) -> str:
    """The title without a language note and without the entry's own year printed at its end."""
    # an ordinal set raised, as a PDF keeps it ('1<sup>st</sup> ed.'), reads as printed plain ('1st ed.')
    text = _LANGUAGE_NOTE.sub("", re.sub(r"</?sup>", "", e.title or "")).strip(" .,;")
    if e.year:
        text = re.sub(rf"[\s.,;]*\(?{e.year}[a-z]?\)?$", "", text).strip(" .,;")
    return text


_NOT_A_SOURCE = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b|\bin press\b|\bforthcoming\b|\bn\.\s?d\.|[\W\d_]+", re.I)


def _words_after_title(e) -> bool:
    """Words printed after the title other than its year or a note that it is in press."""
    raw, title = e.raw, e.title or ""
    at = raw.find(title) if title else -1
    rest = raw[at + len(title):] if at >= 0 else ""
    return len(_NOT_A_SOURCE.sub(" ", rest).strip()) > 1


# A journal's volume set in bold after its name, then pages or an article number, as physics and statistics journals
# print it: 'Ann. Phys. **87**, 289 (1974)', 'Inverse Problems, **19**, R1–R26'. The words before it are the journal.
_BOLD_VOLUME = re.compile(r"[A-Za-z.],?\s*\*\*\d{1,4}\*\*\s*[,:(]\s*[A-Z]?\d")
# A proceedings named inside what was read as the title: 'Title”, Proc. of the 21st Int'l Conf. on Very Large ...'.
_PROCEEDINGS = re.compile(r"\b(?:Proc\.|Proceedings\b)")


def title_may_hold_source(e) -> bool:
    """The text read as the title may hold the publisher or journal (or be the authors), so 'no source' is unsure."""
    if _BOLD_VOLUME.search(e.raw):
        return True  # the reader missed a journal its bold volume shows
    if not (e.surnames or e.organisation) and _words_after_title(e):
        return True  # no author was read: the part read as the title may be them, and the title come after
    title = _bare_title(e)
    if not title:
        return False  # a name and a year and nothing else ('Saru D. 1997.'): no source, and no title (REF112)
    if e.first_author and re.search(rf"(?<!\w){re.escape(e.first_author)}(?!\w)", title):
        return True  # 'Gabriel, C' or 'FAO & FHI 360': the author part read as the title
    return any(sign.search(title) for sign in _SIGNS) or bool(_PROCEEDINGS.search(title))


_QUOTE = re.compile("[\u201c\u201d\"]")


def source_may_hold_title(e) -> bool:
    """What was read as the source holds a sentence's end (F1000's italic `*Title. Source.* 2020`), or runs
    to five words or more with no volume or pages (a standalone work's title, often set in italics where a
    journal would stand), or the names read hold a quoted title: 'no title' is unsure."""
    # A quoted title read into the author part: 'Welfare AIoHa , "Australian Burden of Disease Study 2023," (2023).'
    # (Wiley's numbered style quotes the title; with no source after it the reader took it for a name).
    if any(_QUOTE.search(name or "") for name in (*e.surnames, e.organisation)):
        return True
    source = e.source or ""
    if not source or e.volume or e.issue or e.pages:
        return False
    return bool(re.search(r"\S[.?!]\s+\S", source)) or len(source.split()) >= 5
