"""REF 13x: identifiers (PMID, DOI) and papers listed twice."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from kb.patterns import lazy
from . import finding, rule
from .entry_twins import different_papers, other_parts, same_authors
from .helpers import describe

_PMID_FORM = lazy(r"\d{1,8}")
_PMID_WORD = lazy(r"\bPMID\b", re.IGNORECASE)
# What an entry prints as its DOI: after "doi:", "doi " or a doi.org address.
_DOI_PRINTED = re.compile(r"(?:(?:\bdoi\s*:?\s*)?https?://(?:dx\.)?doi\.org/|\bdoi\s*:\s*|\bdoi\s+)(?P<v>\S+)",
                          re.IGNORECASE)
_DOI_FORM = re.compile(r"10\.\d{4,9}/\S+")
_SHORT_DOI = re.compile(r"(?:10/)?[a-z0-9]{4,10}")


def _next_word(text: str, at: int) -> str:
    """The word after one space at ``at``, without the punctuation that closes an entry ('' if none)."""
    rest = text[at:]
    return rest[1:].split(None, 1)[0].rstrip(".,;>)") if rest[:1] == " " and rest[1:2].isalnum() else ""


def _norm_title(title: str | None) -> str | None:
    """Case, punctuation and spacing removed; short titles ('Guideline') say too little to compare."""
    if not title:
        return None
    words = re.sub(r"[^a-z0-9]+", " ", title.lower()).split()
    return " ".join(words) if len(" ".join(words)) >= 12 else None


def _year_letter(e) -> str:
    """'2002b': the letter an author-year list adds to tell one author's works of a year apart."""
    m = re.search(rf"\b{e.year}([a-z])\b", e.raw) if e.year else None
    return m.group(1) if m else ""


def _same_work(a, b) -> bool:
    """Same title when both have one, otherwise same first author (or organisation) and year."""
    ta, tb = _norm_title(a.title), _norm_title(b.title)
    if _same_place(a, b) and (not (ta and tb) or ta.startswith(tb) or tb.startswith(ta)):
        return True  # one title cut short ('Update: ... - Worldwide' and '... - Worldwide, May 6, 2009')
    if ta and tb:  # a misprint in one copy ('Assement') does not make it another paper
        return ta == tb or SequenceMatcher(None, ta, tb).ratio() >= 0.95
    who_a, who_b = a.first_author or a.organisation, b.first_author or b.organisation
    return bool(who_a) and who_a == who_b and a.year == b.year


def _same_place(a, b) -> bool:
    """Same journal, year, volume and pages: one paper, if its titles do not disagree."""
    fields = ("source", "year", "volume", "pages")
    return all(getattr(a, f) for f in fields) and all(
        re.sub(r"\W+", "", str(getattr(a, f))).lower() == re.sub(r"\W+", "", str(getattr(b, f))).lower() for f in fields)


def _identifiers(e) -> list[tuple[str, str]]:
    ids = []
    if e.pmid and _PMID_FORM.fullmatch(e.pmid):
        ids.append(("PMID", e.pmid.lstrip("0") or "0"))
    if e.doi:
        ids.append(("DOI", e.doi.lower()))
    return ids


@rule("REF131", "pmid-malformed", "error")
def pmid_malformed(kb):
    """A PMID that is not a PubMed identifier.

    What: the entry says `PMID:` followed by something other than 1 to 8
    digits, or by nothing at all.

    Why: PubMed identifiers are whole numbers of up to eight digits; anything
    else cannot be looked up, so the entry cannot be verified or linked.

    Example: `... 2015;4:CD006349. PMID: 2592352A` or `... PMID:` with no number.

    Fix: copy the PMID from the article's PubMed record, or remove the `PMID:` label.
    """
    for e in kb.doc.references:
        value = (e.pmid or "").strip(":;, ")  # a bare "PMID:" can leave its colon as the value
        if value and not _PMID_FORM.fullmatch(value):
            yield finding(pmid_malformed, e.line, f"{describe(e)} has PMID '{value}', which is not 1 to 8 digits",
                          citations=(e.number,), suggestion="copy the PMID from the article's PubMed record")
        elif not value and _PMID_WORD.search(e.raw):
            yield finding(pmid_malformed, e.line, f"{describe(e)} says 'PMID' but gives no number",
                          citations=(e.number,),
                          suggestion="add the PMID from the article's PubMed record, or remove the label")


@rule("REF132", "doi-malformed", "error")
def doi_malformed(kb):
    """A DOI that does not have the form 10.NNNN/suffix.

    What: the entry prints a DOI (after `doi:` or in a doi.org address) that
    does not start with `10.`, a registrant code of 4 to 9 digits and a slash.
    (`Doi M, Yamaoka I` at the head of an entry is an author, not a DOI; a
    shortDOI, `https://doi.org/f7tzps` or `doi:10/f7tzps`, is doi.org's own
    short form of one.) A DOI whole but for a space after its slash (`10.1159/ 000491999`) is said at info.

    Why: a malformed DOI resolves to nothing, so readers cannot reach the paper
    and reference managers cannot match it.

    Example: `... 2016;388:1408-16. doi: 1016/S0140-6736(16)31341-1`

    Fix: copy the DOI from the article's landing page or from doi.org.
    """
    for e in kb.doc.references:
        # 'doi:/S0042-... <http://dx.doi.org//S0042-...>': the same DOI printed as text and as its address is one
        # defect, said once.
        said: set[str] = set()
        # Every form of the pattern spells 'doi'; the substring test spares most entries its scan.
        for m in _DOI_PRINTED.finditer(e.raw) if "doi" in e.raw.lower() else ():
            value = m.group("v").rstrip(".,;>)")
            if value.lstrip("/") in said:
                continue
            if not any(ch.isdigit() for ch in value):
                continue  # 'Doi M, Yamaoka I ...': an author named Doi, not a DOI
            if _SHORT_DOI.fullmatch(value) and (value.startswith("10/") or "doi.org/" in m.group(0).lower()):
                continue  # a shortDOI ('https://doi.org/f7tzps', 'doi:10/f7tzps'), which doi.org resolves
            suffix = _next_word(e.raw, m.end()) if value.endswith("/") else ""
            if suffix and _DOI_FORM.fullmatch(value + suffix):
                # 'DOI: 10.1159/ 000491999': a space printed after the slash, the suffix whole after it; the DOI is
                # there, only its address breaks at the space (a line broken there in the source, often)
                yield finding(doi_malformed, e.line, f"{describe(e)} prints a space inside its DOI "
                                                     f"('{value} {suffix}'), where a link to it breaks",
                              citations=(e.number,), severity="info", suggestion=f"print it as {value}{suffix}")
                continue
            if not _DOI_FORM.fullmatch(value):
                said.add(value.lstrip("/"))
                yield finding(doi_malformed, e.line, f"{describe(e)} has DOI '{value}', which is not of the "
                                                     f"form 10.NNNN/suffix",
                              citations=(e.number,), suggestion="copy the DOI from the article's page or doi.org")


@rule("REF133", "identifier-shared", "error")
def identifier_shared(kb):
    """Two different entries carry the same PMID or DOI.

    What: a PMID or DOI printed on an entry is also printed on an earlier
    entry whose title (or author and year) is different. When the two entries
    are the same paper, REF134 reports it instead.

    Why: an identifier names exactly one article, so one of the two is wrong:
    usually a copy-paste slip that makes the entry link to someone else's paper.

    Example: `5. Buchbinder R ... 2009 ... PMID: 19657121` and
    `6. Kallmes DF ... 2009 ... PMID: 19657121`.

    Fix: look both entries up in PubMed (or doi.org) and correct the wrong identifier.
    """
    seen: dict[tuple[str, str], object] = {}
    for e in kb.doc.references:
        for kind, value in _identifiers(e):
            earlier = seen.setdefault((kind, value), e)
            if earlier is not e and earlier.number != e.number and not _same_work(earlier, e):
                yield finding(identifier_shared, e.line,
                              f"{describe(e)} has {kind} {value}, which {describe(earlier)} at line "
                              f"{earlier.line} also has, for a different paper",
                              citations=(e.number,),
                              suggestion=f"look up both in {'PubMed' if kind == 'PMID' else 'doi.org'}: "
                                         f"one of the two {kind}s is wrong")


def _duplicate_of(e, by_id: dict, by_title: dict):
    """The earlier entry that is the same paper as ``e``, with the evidence and a severity."""
    for key in sorted(_identifiers(e)):
        other = by_id.get(key)
        if other is not None and other.number != e.number and _same_work(other, e):
            return other, f"same {key[0]} {key[1]}", "error"
    title = _norm_title(e.title)
    other = by_title.get((title, e.year, _year_letter(e))) if title and e.year else None
    if other is not None and other.number != e.number and same_authors(other, e) and not different_papers(other, e):
        return other, f"same title, first author and year ({e.year})", "info" if other_parts(other, e) else "warning"
    return None


@rule("REF134", "duplicate-paper", "error")
def duplicate_paper(kb):
    """The same paper is listed twice.

    What: a later entry has the same PMID or DOI as an earlier one (and the
    same title, or no title to tell them apart), or the same title, first
    author and year without two different PMIDs. The finding sits on the later
    entry and names the earlier one. Sharing only title, author and year is a
    warning (an erratum or a reprint can do that), and is not reported for two reports of one series
    whose numbers differ (bulletins 99 and 100 of one title, neither in a journal volume), nor for two
    entries with different second authors (two papers of one first author), nor for two web pages at different
    addresses with no journal, DOI or PMID (one site's pages for two regions). Two entries of one title with no
    journal details but different words after the title (a guideline series' 'Adult Cancer Pain' and 'Distress
    Management') may be two parts of a series: that finding is info. A list printed in parts whose numbers
    start again at 1 (a guideline's list for each of its sections) is checked part by part: a paper listed
    under two sections is cited by both, not listed twice by mistake.

    Why: a paper listed twice splits its citations over two numbers and
    makes the evidence look larger than it is.

    Example: `40. Smith DK ... PMID: 16632714` and later
    `52. Smith DK ... PMID: 16632714`.

    Fix: remove the later entry and make its markers cite the earlier number.
    """
    by_part: dict = {}  # a list whose numbers start again at 1 is checked part by part (see the page)
    for e in kb.doc.references:
        by_id, by_title = by_part.setdefault(e.part, ({}, {}))
        match = _duplicate_of(e, by_id, by_title)
        if match:
            other, evidence, severity = match
            yield finding(duplicate_paper, e.line,
                          f"{describe(e)} is the same paper as {describe(other)} at line {other.line}: {evidence}",
                          citations=(e.number,), severity=severity,
                          suggestion=f"remove reference {e.number} and cite {other.number} wherever "
                                     f"{e.number} is cited")
        for key in _identifiers(e):
            by_id.setdefault(key, e)
        if _norm_title(e.title) and e.year:
            by_title.setdefault((_norm_title(e.title), e.year, _year_letter(e)), e)


RULES = (pmid_malformed, doi_malformed, identifier_shared, duplicate_paper)
