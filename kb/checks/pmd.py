"""PMD 1xx: each entry against its PubMed record (records in the policy folder's pubmed/ and search/).

Silent when the policy has no records, and for entries no record matches:
the records say only what they hold.
"""
from __future__ import annotations

from . import finding, rule
from .helpers import describe


def _verdicts(kb):
    check = getattr(kb, "pubmed", None)
    if check is None:
        return []
    return [(kb.references[n], v) for n, v in sorted(check.verdicts.items()) if n in kb.references]


def _listed(names) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _who(record) -> str:
    return f"{record.first_author or 'no author'} ({record.year or 'no year'}), \"{record.title[:80]}\""


@rule("PMD101", "pmid-other-paper", "error")
def pmid_other_paper(kb):
    """The PMID names a different paper.

    What: the PubMed record of the entry's PMID has another title, and another
    first author or year, than the entry prints; or the paper's record, found by
    the entry's DOI or title, has another PMID than the one printed.

    Why: a wrong PMID sends readers, reference managers and every later check
    to another paper; the link on the site goes to the wrong article.

    Example: `Buchbinder R, Osborne RH, ... N Engl J Med. 2009;361(6):557-68. PMID: 12230038`,
    where PMID 12230038 is Mangalam (2002), "The Bio* toolkits--a brief overview".

    Fix: copy the PMID from the paper's own PubMed record (the suggestion gives it
    when the records hold the paper under its DOI or title).
    """
    for e, v in _verdicts(kb):
        if not v.wrong_pmid:
            continue
        fix = (f"the paper's PMID is {v.correct.pmid}; replace {e.pmid} with it" if v.correct
               else "look the paper up in PubMed and copy its PMID")
        if v.match.how == "pmid":
            said = f"which is {_who(v.match.record)}: the {_listed(v.wrong_pmid)} disagree"
        else:
            said = f"but PubMed has the paper (found by its {v.match.how.upper() if v.match.how == 'doi' else 'title'})" \
                   f" as PMID {v.match.record.pmid}"
        yield finding(pmid_other_paper, e.line, f"{describe(e)} has PMID {e.pmid}, {said}", citations=(e.number,),
                      suggestion=fix)


@rule("PMD102", "citation-differs", "warning")
def citation_differs(kb):
    """The year, volume or pages differ from the PubMed record.

    What: the entry and the record of the same paper (matched by PMID, DOI or
    title) print a different year, volume or page range. Abbreviated ranges
    (1116-22) and electronic-first years count as the same.

    Why: a wrong volume or page range makes the citation hard to find and is the
    commonest error reference checkers report.

    Example: `... Gut. 2017;66(6):1116-28.` where the record says 1116-1122.

    Fix: correct the entry from the record (the suggestion gives the record's values).
    """
    for e, v in _verdicts(kb):
        if not v.differences or v.wrong_pmid:
            continue
        said = "; ".join(f"{name} {printed} (record: {recorded})" for name, printed, recorded in v.differences)
        yield finding(citation_differs, e.line, f"{describe(e)} differs from PubMed record {v.record.pmid}: {said}",
                      citations=(e.number,),
                      suggestion="use " + ", ".join(f"{name} {recorded}" for name, _, recorded in v.differences))


@rule("PMD103", "final-citation-available", "info")
def final_citation_available(kb):
    """An ahead-of-print entry now has its final citation.

    What: the entry says Epub ahead of print (or has a year but no volume or
    pages), and its PubMed record now gives volume and pages.

    Why: the final citation is how the paper is found and cited from now on; the
    annual review is when the list is brought up to date.

    Example: `Bao Y, ... Gut. 2016. Epub ahead of print.`, while PubMed now has
    `Gut. 2017;66(6):1116-1122`.

    Fix: replace the entry with the full citation the suggestion gives.
    """
    for e, v in _verdicts(kb):
        if v.final_citation and not v.wrong_pmid:
            yield finding(final_citation_available, e.line,
                          f"{describe(e)} is cited ahead of print; PubMed {v.record.pmid} now has volume "
                          f"{v.record.volume} and pages {v.record.pages}", citations=(e.number,),
                          suggestion=v.record.citation())


@rule("PMD104", "retracted", "error")
def retracted(kb):
    """The paper has been retracted.

    What: the paper's PubMed record is a Retracted Publication, or links to a
    retraction notice.

    Why: evidence from a retracted paper must not support a coverage criterion;
    the committee needs to know before the review.

    Example: an entry whose record carries the publication type `Retracted
    Publication` and `Retraction in: ... PMID: 99000001`.

    Fix: remove the paper from the evidence, re-read what the policy concludes from
    it, and say so in the rationale.
    """
    for e, v in _verdicts(kb):
        if v.record and v.record.retracted:
            notice = ", ".join(v.record.related("RetractionIn"))
            yield finding(retracted, e.line, f"{describe(e)} (PMID {v.record.pmid}) has been retracted"
                          + (f" (notice: PMID {notice})" if notice else ""), citations=(e.number,),
                          suggestion="drop it from the evidence and review the statements that rest on it")


@rule("PMD105", "expression-of-concern", "warning")
def expression_of_concern(kb):
    """The journal has published an expression of concern about the paper.

    What: the paper's PubMed record links to an expression of concern.

    Why: an expression of concern warns that the results may not be reliable while
    an investigation runs; a criterion resting on the paper may need another basis.

    Example: an entry whose record says `Expression of concern in: ... PMID: 99000002`.

    Fix: read the notice; weigh the paper accordingly and record the decision in
    the rationale or in waivers.csv.
    """
    for e, v in _verdicts(kb):
        if v.record and v.record.concern and not v.record.retracted:
            notice = ", ".join(v.record.related("ExpressionOfConcernIn"))
            yield finding(expression_of_concern, e.line,
                          f"{describe(e)} (PMID {v.record.pmid}) has an expression of concern (notice: {notice})",
                          citations=(e.number,), suggestion="read the notice and weigh the paper accordingly")


@rule("PMD106", "erratum-published", "info")
def erratum_published(kb):
    """An erratum to the paper has been published.

    What: the paper's PubMed record links to an erratum.

    Why: the correction may change a number the policy quotes.

    Example: an entry whose record says `Erratum in: ... PMID: 99000003`.

    Fix: read the erratum and check the numbers the policy reports from the paper.
    """
    for e, v in _verdicts(kb):
        errata = v.record.related("ErratumIn") if v.record else ()
        if errata and not v.record.retracted:
            yield finding(erratum_published, e.line,
                          f"{describe(e)} (PMID {v.record.pmid}) has an erratum (PMID {', '.join(errata)})",
                          citations=(e.number,), suggestion="check the numbers the policy quotes against the erratum")


@rule("PMD107", "pmid-missing", "info")
def pmid_missing(kb):
    """The entry has no PMID, and PubMed has the paper.

    What: the entry prints no PMID, and a record with its DOI (or its title,
    published within a year of its year) is among the records.

    Why: the PMID lets readers and tools find the paper in one step and lets the
    next review check the entry again automatically.

    Example: `Casbon JA, Crooks GE, Saqi MA. A high level interface to SCOP and ASTRAL
    implemented in python. BMC Bioinformatics. 2006;7:10.`

    Fix: add the PMID the suggestion gives (and check that it is the same paper).
    """
    for e, v in _verdicts(kb):
        if v.match and v.match.how != "pmid" and not (e.pmid or "").strip():
            yield finding(pmid_missing, e.line,
                          f"{describe(e)} has no PMID; PubMed has it by {v.match.how.upper() if v.match.how == 'doi' else 'title'}",
                          citations=(e.number,), suggestion=f"add PMID: {v.match.record.pmid}")


RULES = (pmid_other_paper, citation_differs, final_citation_available, retracted, expression_of_concern,
         erratum_published, pmid_missing)
