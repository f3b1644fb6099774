"""REF12x: whether an entry is final, and whether its web details hold together.

Ahead-of-print citations, a dangling `Available from:` and an access date standing in for a date of
publication. Split from ``kb.checks.ref_entries`` (REF11x: the parts every entry needs).
"""
from __future__ import annotations

import re

from kb.patterns import lazy

from . import finding, rule
from .helpers import describe
from .ref_entries import UNDATED

# A document that has versions: guidance, a report, criteria, a code such as [TA279]. A home page or a
# programme's page ('USAID's NTD program. Available: ...') has no publication date to give.
_DOCUMENT = lazy(r"\b(?:guidelines?|guidance|report|statement|criteria|polic(?:y|ies)|recommendations?|"
                       r"review|assessment|appraisal|standards?|consensus|position)\b|\[[A-Z]{1,4}\d+\]", re.I)
# 'Available at nccn.org.': a site named by its bare domain, a label of two letters or more and a top-level
# domain in small letters ('U.S.', 'e.g.' or a publisher's name are no address).
_BARE_DOMAIN = lazy(r"\b(?i:available\s+(?:from|at))\s*:?\s*'?(?:[A-Za-z0-9][A-Za-z0-9-]+\.)+[a-z]{2,6}(?:/\S*)?"
                    r"(?![\w@])")
# 'Acute lymphoblastic leukemia; Version 1.2018.' (NCCN): the version relied on, which carries its year.
_VERSION_YEAR = lazy(r"\bVersion\s+\d{1,2}\.(?:19|20)\d\d\b", re.IGNORECASE)


@rule("REF121", "ahead-of-print", "info")
def ahead_of_print(kb):
    """A journal article cited ahead of print.

    What: the entry says `Epub ahead of print`, or it names a journal and a
    year but no volume, issue or pages, which is how an article is cited
    before it appears in an issue.

    Why: the final citation (volume, issue, pages) is what readers and
    reference managers need, and sometimes the final version differs from the
    early one. Worth a look at the annual review rather than an error.

    Example: `27. Van Meirhaeghe J, ... *Spine (Phila Pa 1976)*. 2013. PMID: 23446769`

    Fix: at the annual review, look the article up (by its PMID) and update
    the entry to its final citation.
    """
    for e in kb.doc.references:
        if not e.ahead_of_print:
            continue
        why = "says 'Epub ahead of print'" if e.epub_ahead else \
            f"gives a journal and a year ({e.year}) but no volume, issue or pages"
        look_up = f" (PMID {e.pmid})" if e.pmid else ""
        yield finding(ahead_of_print, e.line, f"{describe(e)} {why}: it looks like an ahead-of-print citation",
                      citations=(e.number,),
                      suggestion=f"at the annual review, look it up{look_up} and update it to its final "
                                 f"citation (volume, issue, pages)")


@rule("REF122", "available-from-empty", "error")
def available_from_empty(kb):
    """`Available from:` with no address after it.

    What: the entry says `Available from:` (or `Available at:`) but gives no
    web address anywhere (a DOI printed after it, `Available from: 10.1007/BF00337288`, is an address, and so is a
    site named by its bare domain, `Available at nccn.org`).

    Why: the phrase promises the reader a place to get the document; left
    dangling, the entry is unfinished and the document cannot be found.

    Example: `64. American Academy of Orthopaedic Surgeons ... 2010. [cited 5/11/2026]. 'Available from:'`

    Fix: add the document's address after `Available from:`, or remove the phrase.
    """
    for e in kb.doc.references:
        if e.available_from and not e.url and not e.doi and not _BARE_DOMAIN.search(e.raw):
            yield finding(available_from_empty, e.line, f"{describe(e)} says 'Available from:' but gives no address",
                          citations=(e.number,),
                          suggestion="add the document's web address after 'Available from:', or remove the phrase")


@rule("REF123", "accessed-without-date", "warning")
def accessed_without_date(kb):
    """An access date but no date of publication.

    What: the entry gives the date the document was looked at (`[cited 5/11/2026]`)
    but no year of publication or last update, and does not say it is undated (`(n.d.)`).
    Only documents that come in versions are meant (guidance, a report, criteria, a code
    such as `[TA279]`): a home page or a programme's page has no publication date to give.
    A version number that carries its year (NCCN's `Version 1.2018`) says which version was used.

    Why: web documents and guidelines change; the access date alone does not
    say which version the policy relied on, and the annual review cannot tell
    whether a newer one has appeared.

    Example: `74. National Institute for Health and Clinical Excellence (NICE). Percutaneous vertebroplasty ... [TA279]. [cited 5/11/2026]. 'Available from:' <https://www.nice.org.uk/guidance/ta279>.`

    Fix: add the year (and month) the document was published or last updated,
    as printed on it, before the `[cited ...]` note.
    """
    for e in kb.doc.references:
        if e.accessed and e.year is None and not UNDATED.search(e.raw) and _DOCUMENT.search(e.raw) \
                and not _VERSION_YEAR.search(e.raw):
            yield finding(accessed_without_date, e.line,
                          f"{describe(e)} gives an access date ([cited {e.accessed}]) but no date of publication",
                          citations=(e.number,),
                          suggestion="add the year the document was published or last updated, as printed on it, "
                                     "before the [cited ...] note")


RULES = (ahead_of_print, available_from_empty, accessed_without_date)
