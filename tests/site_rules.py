"""Rules made for the browser tests, so findings have something to show.

Nothing here is a claim about the bundled policy: the findings are planted on
lines the test chooses.
"""
from kb.checks import finding, rule


@rule("TST901", "journal-entry-without-volume", "warning")
def entry_without_volume(kb):
    """A journal reference gives no volume (a rule made for the browser tests).

    What: an entry with a journal and a year but no volume.
    Why: the final citation may have appeared since.
    Example:
        27. Van Meirhaeghe J, et al. A randomized trial. *Spine*. 2013. PMID: 23446769
    Fix: look the article up and add volume, issue and pages.
    """
    for n, e in kb.references.items():
        if e.source and e.year and not e.volume:
            yield finding(entry_without_volume, e.line, f"reference {n} has no volume", citations=(n,),
                          suggestion="add the volume and pages from PubMed")


@rule("TST902", "wide-citation", "error")
def wide_citation(kb):
    """A marker cites five or more references at once (a rule made for the browser tests)."""
    for m in kb.doc.markers:
        if len(set(m.numbers)) >= 5:
            yield finding(wide_citation, m.line, f"marker [{m.inner}] cites {len(set(m.numbers))} references",
                          column=m.column, citations=tuple(dict.fromkeys(m.numbers)))


RULES = (entry_without_volume, wide_citation)
