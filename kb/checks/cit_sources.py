"""CIT2xx: a source the text names (author, organisation, trial, year) against the entry it cites."""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.sources.citing import analyse
from kb.sources.judge import verdicts
from . import finding, rule
from .helpers import apparatus


def _report(r, kb, what: str):
    for v in verdicts(kb):
        if v.what == what:
            yield finding(r, v.pairing.marker.line, v.message, column=v.pairing.marker.column,
                          citations=v.citations, suggestion=v.suggestion, severity=v.severity)


@rule("CIT201", "named-author-mismatch", "error")
def named_author_mismatch(kb):
    """A sentence names an author next to a marker, and the cited entry is by someone else.

    What: the author named beside a citation (`Zhao (2017)`, `Smith et al.`, `Smith and Jones (2015)`,
    `Buchbinder's trial`, `In 2009, Wardlaw reported`, `A 2016 RCT by Yang`, `reported by Klazen in 2010`)
    is neither the first author nor, with the same year, a co-author of any entry the marker cites.
    A name with a year pairs with the nearest marker of its own sentence (a year printed just after the
    marker, `Lopes et al [13] (2007)`, `Christenson [6], in 1998`, `(van Tulder et al [26], 2003)`, dates the
    name); names joined by `and` or
    commas share a marker such as `[26, 27]`. A name without a year (`Smith et al. [12]`, `Smith and
    Jones [15]`, `A, B and C [9]`, `Smith and colleagues [6]`, `Smith and others [6]`, `Smith [3] showed`,
    `a trial [3] by Smith`)
    pairs only with a marker printed close to it, or, when the named person acts (`Lee et al. showed ...`,
    `Wu and Burgess concluded ...`, `Bierbaum previously reported ...`,
    `Bleakley, who has estimated ...`, `According to Samuel, ...`, `As Singer observed, "..."`), with
    the sentence's one citation after it; it counts only when the list has that surname as a first author
    (a lab head or a person thanked is no source). A method named after a first author right before a
    marker (`the Sørensen index [14]`) is reported at info: a textbook or a program may be cited for it.
    So is a study
    known by its first author's name (`the Prymula study [16]`): the sentence may discuss that study while citing
    someone who wrote about it. A name inside a quotation, and markers offered as further reading (`see
    also [4]`), are left alone. A name spelled a letter or two away from a cited author (`Hoghart`
    for Hogarth) is a warning: the number is right, the spelling is not. A dated name that no entry has
    as an author at all (`isolates from Israel (1998) ... [8]`, a place or a thing) is reported at info.
    Why: the reader who follows the marker lands on a different paper; the statement is then either
    unsupported or attributed to the wrong study.
    Example: `In a Bayesian network meta-analysis, Zhao (2017) examined ...<sup>[22]</sup>` where
    reference 22 is Frey (2017), a sacroplasty series, and Zhao (2017) is reference 54.
    Fix: cite the entry the suggestion names, or correct the name.
    """
    yield from _report(named_author_mismatch, kb, "author")


@rule("CIT202", "named-year-mismatch", "error")
def named_year_mismatch(kb):
    """A sentence names the right author (or organisation) but a year the cited entry does not have.

    What: `Zhan (2016)` next to a marker citing Zhan (2017); `In 2010, the AAOS` next to an AAOS entry
    dated 2012. A year given in the sentence just before, for the same author named again beside the
    marker, counts too ('Zhan (2016) evaluated ... Zhan conducted ...[57]').
    Why: either the year in the text is wrong, or the text describes another paper by the same
    author (an earlier report of the trial) that the list does not contain.
    Example: `Zhan (2016) evaluated risk factors ... Zhan conducted a meta-analysis ...<sup>[57]</sup>`
    where reference 57 is Zhan (2017).
    Fix: correct the year, or cite the paper of that year (adding it to the list).
    A sentence that opens with a year before the name tied to its marker (`In 2003, van Ooij et al. [5]
    reported`) dates the source too; a year one or two before the paper's is only info there, since it may
    date the work itself (`In 1995, Bojang et al. [8] measured ...` for a trial report of 1996). A body named only
    as whose figures they are (`In 2016, the prevalence ... was 25.1%, according to WHO estimates [4]`) leaves the
    opening year to the figures.
    A zoologist's authority right before a marker (`Anura Fischer von Waldheim, 1813 [64]`, `(Garcia,
    2006) [41]`) counts when the marker cites one entry and that entry's first author is the name: the
    description cited is then the entry itself, so its year must be the one printed (a warning; a
    name and year beside an entry by someone else is a taxon's author, and left alone).
    """
    yield from _report(named_year_mismatch, kb, "year")
    judged = {(v.pairing.marker.line, v.pairing.marker.column) for v in verdicts(kb)}
    for marker, entry, year in _authority_years(kb):
        if (marker.line, marker.column) in judged:
            continue
        yield finding(named_year_mismatch, marker.line,
                      f"{entry.first_author}, {year} is named right before {marker.raw}, but reference "
                      f"{entry.number} is {entry.label}",
                      column=marker.column, citations=[entry.number], severity="warning",
                      suggestion=f"correct the year to {entry.year}, or cite {entry.first_author}'s paper of {year} "
                                 f"(adding it to the list)")


def _authority_years(kb):
    """(marker, entry, year) where the first author of the marker's one entry is printed right before it
    with a year that is not the entry's ('Fischer von Waldheim, 1814 [64]' for a paper of 1813)."""
    for cited in analyse(kb).cited:
        for marker, (start, _) in zip(cited.markers, cited.spans):
            numbers = set(marker.numbers)
            entry = kb.references.get(next(iter(numbers))) if len(numbers) == 1 else None
            if entry is None or not entry.first_author or not entry.year or entry.first_author not in \
                    cited.sentence.text[max(0, start - len(entry.first_author) - 16):start]:
                continue
            # 'Johnson and Pilsbry, 1911 [52]' names a second author of the authority: not the entry's first.
            named = re.search(rf"(?<![\w&])(?<!and ){re.escape(entry.first_author)},\s*(?P<year>1[5-9]\d\d|20\d\d)"
                              rf"[a-z]?\)?\.?\s*$", cited.sentence.text[:start])
            if named and int(named.group("year")) != entry.year:
                yield marker, entry, int(named.group("year"))


@rule("CIT203", "named-organisation-or-trial-mismatch", "error")
def named_org_or_trial_mismatch(kb):
    """A sentence names an organisation or a trial next to a marker, and the cited entry is not theirs.

    What: an organisation written out or as an acronym (`The American College of Radiology (ACR)`,
    `NICE`) that the cited entry does not name as author or in its title, when that entry is clearly
    someone else's (a study, or a document naming another organisation); a trial (`the FREE trial`,
    `VERTOS II`) that another entry's title names while the cited one's does not.
    Why: guidance and pivotal trials carry weight in a policy; citing the wrong document for them
    misstates what the guidance or trial said.
    Example: `The American College of Radiology (ACR) published updated appropriateness criteria ... in
    2014.<sup>[73]</sup>` where 73 is Feng (2017), a meta-analysis; the ACR criteria are reference 33.
    Fix: cite the entry the suggestion names, or correct the name.
    The finding is only `info` when the cited paper is a review and no entry in the list names the
    organisation (it may report what the body said), or when the sentence says the body made criteria, a
    guideline or a score and the cited paper's title is about such a thing and names no other body (it may
    be the body's work published under its members' names; a committee named only by its task, `Expert
    committee on the diagnosis ...`, is no other body), or when the sentence speaks of a debate or concerns about
    the body's work (`ongoing debates on use of the new IADPSG's criteria [29]`: the cited paper may take part),
    or when a clause after the body's name tells of the evidence it acted on (`added to the ESC guidelines in 2010
    after the benefit of FFR ... was demonstrated [22]`: the marker may cite that evidence).
    An acronym counts as named when it can be read off
    the entry's body, first word to last (`NICE`, `National Institute for Health and Care Excellence`).
    A trial is left alone when it is the document's own (its title names it), when another trial named in
    the sentence is the one the cited title names (`PATENT-2, an extension of PATENT-1 [14]`), or when it is
    named after a group the cited entry names written out (`RTOG 9310`, `Radiation Therapy Oncology Group
    Study 93-10`); only `info` when the cited paper may be the trial's main report: by the lead author of
    an entry that names it, sharing two authors or more with one (the trial's group signs its later papers),
    or about what the sentence says and no later than the entries naming it (main reports often leave the
    acronym out of the title).
    """
    yield from _report(named_org_or_trial_mismatch, kb, "org")
    yield from _report(named_org_or_trial_mismatch, kb, "trial")


@rule("CIT204", "dated-source-mismatch", "info")
def dated_source_mismatch(kb):
    """A sentence dates the source it cites ('An updated 2012 guideline') and the entry has another year.

    What: a year given for an unnamed source (`An updated 2012 joint practice guideline ...`,
    `In 2014 a study was published ...`, `... in 2014<sup>[69]</sup>`) when no cited entry has that year.
    Why: the text may describe an older or newer version than the one cited; worth a look at the
    annual review. Reported as info because a revised document often keeps its original date in prose.
    Example: `An updated 2012 joint practice guideline ...<sup>[70]</sup>` where 70 is 'Revised 2017'.
    Fix: bring the year in the text in line with the cited version, or cite the version described.
    """
    yield from _report(dated_source_mismatch, kb, "date")


@rule("CIT205", "named-study-without-marker", "warning")
def named_study_without_marker(kb):
    """A study named by author and year in a sentence that carries no citation marker.

    What: `Noriega (2019) reported ...` or `the 2009 study published by Kallmes` in a sentence without
    a marker, unless the same study is cited within two sentences of it or later in the same paragraph. Not reported: a
    parenthetical `(Smith 2009)` and a document that cites by author and year throughout (the name
    and year are the citation), a name in an abstract, a legend or a table note, unpublished work,
    and a capitalised word that no entry has as an author unless it acts like one (`... reported`, but
    not `... published by`: a book or guide that was published).
    Why: a named study without a citation cannot be traced; often the reference was never added to the
    list, or the marker was lost in editing.
    Example: `Noriega (2019) reported the pivotal multicenter non-inferiority trial ...` with no marker and
    no Noriega entry in the list.
    Fix: add the marker (the suggestion names the matching entry when the list has one), or add the
    reference to the list.
    """
    a = analyse(kb)
    parenthetical = sum(1 for m, _ in a.unmarked if m.text.startswith("("))
    if parenthetical >= 3 and parenthetical > len(a.cited):
        return  # the document cites '(Smith 2009)': a name and a year are its citations
    summaries = {s.id for s in kb.doc.sections if _SUMMARY.search(s.title)}
    for mention, sentence in a.unmarked:
        if not _unmarked_study(kb, a.index, mention, sentence, summaries):
            continue
        matches = a.index.first_author_matches(mention.name, mention.year)
        near = range(sentence.index - 2, sentence.index + 3)
        # Any entry by that first author cited nearby will do: the year read from an entry may be off.
        if any(i in near for n in a.index.first_author_matches(mention.name) for i in a.cited_near.get(n, ())):
            continue
        if _cited_later_in_paragraph(kb, a, mention, sentence):
            continue
        line, column = _where(kb, mention.text, sentence)
        yield finding(named_study_without_marker, line, f"{mention.label} is named without a citation marker",
                      column=column, citations=matches, suggestion=_unmarked_hint(kb, a.index, mention, matches))


def _cited_later_in_paragraph(kb, a, mention, sentence) -> bool:
    """Regence's reviews describe a study over a paragraph and cite it once, at its end ('Zhang (2011) performed a
    systematic review ... four of which were located in the CHEK2 gene.[15]'): the marker closing the same
    paragraph cites the study named at its start."""
    by_index = {s.index: s for s in kb.doc.sentences}
    lines = kb.doc.lines
    # The entry of that year when the list has one: further on, the paragraph may cite the author's other paper
    # ('In 2004, Tesarik et al. demonstrated ... In 2006, the same investigators ... (16)', 16 being 2006's).
    for n in a.index.first_author_matches(mention.name, mention.year) or a.index.first_author_matches(mention.name):
        for i in a.cited_near.get(n, ()):
            later = by_index.get(i)
            if later is None or i <= sentence.index:
                continue
            if all(lines[k - 1].strip() for k in range(sentence.line, later.line + 1)):
                return True
    return False


_BY = lazy(r"\s+by\b")
# Where a name and a year need no marker: an abstract or author summary (no citations by convention).
_SUMMARY = lazy(r"\b(?:abstract|author summary|synopsis|highlights|significance|key points)\b", re.I)
_UNPUBLISHED = lazy(r"\bunpublished\b|\bpersonal communication\b|\bin preparation\b|\bsubmitted\b", re.I)
_SAYS = lazy(r"\s*(?:,\s*)?(?:also\s+|and\s+colleagues\s+)?(?:reported|published|conducted|found|showed|"
                   r"described|evaluated|compared|studied|reviewed|examined|assessed|performed|analy[sz]ed|"
                   r"investigated|randomi[sz]ed|enrolled|treated|followed|observed|noted|concluded|presented|"
                   r"demonstrated|summari[sz]ed|pooled|identified|included|measured|tested|used|proposed|"
                   r"suggested|argued|developed|introduced)\b")


# A government paper's number, 'Guo Zhong Yi Yao Yi Zheng Han [2024] No. 90' (China's letters, 'Han' for 函): a year
# and the paper's number after a word that may be an author's surname too; it names a document, not a study.
_NUMBERED_PAPER = lazy(r"\s*(?:No\.?|Nr\.?|number)\s*\d", re.I)


def _unmarked_study(kb, index, mention, sentence, summaries) -> bool:
    """Whether a dated name with no marker is a study the text fails to cite.

    Not: a parenthetical '(Smith 2009)' (a citation in the author-year style), a name in an
    abstract, a legend or a table note, unpublished work, or a capitalised word that no entry
    has as an author and that does not act like one ('Social Evolution (1998)', a book title).
    """
    if mention.text.startswith("(") or sentence.section_id in summaries:
        return False
    if apparatus(kb.doc.lines, sentence.line) or _UNPUBLISHED.search(sentence.text):
        return False
    if _NUMBERED_PAPER.match(sentence.text, mention.end):
        return False
    if index.is_known_surname(mention.name) or re.search(r"\bet\s+al\b", mention.text):
        return True
    says = _SAYS.match(sentence.text, mention.end)
    # '... Laboratory Animals (2011) published by the National Research Council': a work that was published.
    return bool(says) and not _BY.match(sentence.text, says.end())


def _unmarked_hint(kb, index, mention, matches) -> str:
    if len(matches) == 1:
        return f"reference {matches[0]} is {kb.references[matches[0]].label}: add <sup>[{matches[0]}]</sup>"
    if matches:
        return f"references {', '.join(map(str, matches))} match {mention.label}: add the right marker"
    other = index.first_author_matches(mention.name)
    if other:
        listed = ", ".join(f"{kb.references[n].label} as reference {n}" for n in other[:3])
        return f"the list has no {mention.label}; it has {listed}: check the year, or add the reference"
    return f"the list has no entry for {mention.label}: add the reference and a marker"


def _where(kb, text: str, sentence) -> tuple[int, int | None]:
    """The line and column where a name is printed (the sentence's first line if markup splits it)."""
    for line in range(sentence.line, sentence.end_line + 1):
        at = kb.doc.lines[line - 1].find(text)
        if at >= 0:
            return line, at + 1
    return sentence.line, None


RULES = (named_author_mismatch, named_year_mismatch, named_org_or_trial_mismatch, dated_source_mismatch,
         named_study_without_marker)
