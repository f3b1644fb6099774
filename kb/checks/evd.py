"""EVD: the evidence behind each criterion (kb.evidence): missing, stale, hidden in ranges, double-counted."""
from __future__ import annotations

from . import finding, rule


def _profiles(kb):
    from ..evidence.profile import profiles

    return {p.id: p for p in profiles(kb)}


def _mapped(kb) -> bool:
    from ..evidence.tables import STATEMENT_SECTIONS, SUPPORTS

    return any(name in kb.evidence.tables.present for name in (STATEMENT_SECTIONS, SUPPORTS))


@rule("EVD101", "criterion-without-evidence", "warning")
def criterion_without_evidence(kb):
    """A criterion has no supporting evidence path.

    What: no rationale section is mapped to the criterion (statement_sections.csv), no
    evidence is linked to it (supports.csv), and no ancestor it could inherit from has any.
    Only the topmost such criterion is reported; its items share the finding. A policy
    folder with neither table gets one info finding instead.
    Why: a committee member must be able to see what each criterion rests on.
    Example: criterion III (investigational devices) with no section or link behind it.
    Fix: map the criterion to the rationale section that discusses it, or link its evidence.
    """
    if not kb.doc.statements:
        return
    if not _mapped(kb):
        first = kb.doc.statements[0]
        yield finding(criterion_without_evidence, first.line, "no criterion is linked to evidence by a reviewed "
                      "table: the policy folder has no statement_sections.csv or supports.csv (kb evidence proposes "
                      "links from the text meanwhile)", severity="info",
                      suggestion="add statement_sections.csv mapping criteria to rationale sections")
        return
    found = _profiles(kb)
    for st in kb.doc.statements:
        parent_bare = st.parent is not None and not found[st.parent].has_evidence
        if not found[st.id].has_evidence and not parent_bare:
            items = sum(1 for s in kb.doc.statements if s.id.startswith(st.id + ".") and not found[s.id].has_evidence)
            tail = f" (nor do {items} of its items)" if items else ""
            yield finding(criterion_without_evidence, st.line, f"criterion {st.id} has no supporting evidence "
                          f"path{tail}", suggestion=f"map {st.id} to the rationale section that discusses it")


@rule("EVD102", "stale-evidence", "info")
def stale_evidence(kb):
    """A criterion's newest supporting evidence is older than the age limit.

    What: the newest publication year among the references supporting a criterion with
    evidence of its own is earlier than the policy's effective year minus the limit
    (provenance.yaml key evidence_max_age_years, default 10). A year on the cut-off counts
    as recent. A criterion whose evidence is all undated is reported too, as undated.
    Why: the annual review should know which criteria rest only on old evidence.
    Example: effective 2026-10-01; I.A.4 rests on guidelines from 2014 at the newest.
    Fix: look for newer evidence, or record why the old evidence still stands.
    """
    from ..evidence.dates import oldest_recent_year

    cutoff = oldest_recent_year(kb)
    if cutoff is None:
        return
    for p in _profiles(kb).values():
        if p.inherited_from or not p.has_evidence or not p.references:
            continue
        line = kb.statements[p.id].line
        if p.newest_year is None:
            yield finding(stale_evidence, line, f"criterion {p.id} rests only on undated references "
                          f"({', '.join(map(str, p.undated))})", citations=p.undated,
                          suggestion="add publication years to the entries, or newer dated evidence")
        elif p.newest_year < cutoff:
            newest = [n for n in p.references if kb.references[n].year == p.newest_year]
            undated = f" (undated: {', '.join(map(str, p.undated))})" if p.undated else ""
            yield finding(stale_evidence, line, f"criterion {p.id}: newest supporting evidence is from "
                          f"{p.newest_year}, before {cutoff}{undated}", citations=newest,
                          suggestion=f"look for evidence from {cutoff} or later")


def _named(kb, entry, prose: str) -> bool:
    """The entry's first author (or organisation) appears in the running text."""
    who = entry.first_author or entry.organisation
    if not who:
        return True  # cannot tell: stay silent
    def word_char(c: str) -> bool:
        return bool(c) and (c.isalnum() or c in "-_")

    at = prose.find(who)
    while at >= 0:  # a literal search, then the word boundaries: far faster than a lookbehind regex
        if not word_char(prose[at - 1:at]) and not word_char(prose[at + len(who):at + len(who) + 1]):
            return True
        at = prose.find(who, at + 1)
    return False


@rule("EVD103", "range-only-reference", "info")
def range_only_reference(kb):
    """References cited only inside a range and never discussed.

    What: every marker citing the reference includes it through a range such as [35-54],
    and its first author (or organisation) is never named in the text.
    Why: a bare range hides which source supports what; a reviewer cannot tell whether each
    entry belongs to the claim.
    Example: "limited to several small case reports or series [35-54]".
    Fix: discuss the sources that matter, or cite them individually.
    """
    by_number = kb.markers_by_number
    prose = "\n".join(s.text for s in kb.doc.sentences)
    for marker in kb.doc.markers:
        hidden = [n for n in dict.fromkeys(marker.numbers) if n in marker.in_range and n in kb.references
                  and all(n in m.in_range for m in by_number.get(n, ()))
                  and not _named(kb, kb.references[n], prose)]
        if hidden:
            total = len(set(marker.numbers))
            yield finding(range_only_reference, marker.line, f"{len(hidden)} of the {total} references in "
                          f"[{marker.inner}] are cited only through this range and never discussed",
                          column=marker.column, citations=hidden,
                          suggestion="name the sources that matter, or cite them individually")


def _listed(kb, count) -> list[int]:
    """References a stated count enumerates: its markers, less a lone review marker beside them."""
    from ..evidence.extract import is_review_marker

    markers = list(count.markers)
    own = [m for m in markers if is_review_marker(kb, m)]
    if len(own) == 1 and len(markers) > 1:
        markers.remove(own[0])
    return list(dict.fromkeys(n for m in markers for n in m.numbers if n in kb.references))


@rule("EVD104", "trial-counted-twice", "warning")
def trial_counted_twice(kb):
    """The same trial is counted twice in one stated count.

    What: a sentence states a number of trials or studies and cites two references that
    report one study (studies.csv), such as an initial report and its follow-up.
    Why: the count, and any pooled total, overstate the evidence.
    Example: "three RCTs [5, 11, 16]" where [5] and [11] are the 6- and 24-month reports
    of one trial.
    Fix: count the trial once and cite its main report (or say the other is a follow-up).
    Silent without a reviewed studies.csv: studies proposed from the text are not enough.
    """
    from ..evidence.extract import stated_counts

    index = kb.evidence
    if "studies.csv" not in index.tables.present:
        return  # studies bootstrapped in memory are a proposal: a warning needs reviewed ones
    for count in stated_counts(kb):
        by_study: dict[str, list[int]] = {}
        for n in _listed(kb, count):
            for study in index.study_of_ref.get(n, ()):
                by_study.setdefault(study, []).append(n)
        for study, refs in by_study.items():
            if len(refs) > 1:
                marker = next(m for m in count.markers if refs[0] in m.numbers)
                yield finding(trial_counted_twice, count.line, f"'{count.phrase}' cites "
                              f"{' and '.join(f'[{n}]' for n in refs)}, reports of one study "
                              f"({index.studies[study].name}): the trial is counted {len(refs)} times",
                              column=marker.column, citations=refs,
                              suggestion=f"count {index.studies[study].name} once")


# EVD105 (a count of RCTs citing a non-trial) was retired: CIT301 finds the same thing.
RULES = (criterion_without_evidence, stale_evidence, range_only_reference, trial_counted_twice)
