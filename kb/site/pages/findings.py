"""What the evidence found for a criterion and how sure we can be: the section a criterion page opens with.

From the evidence stage (``kb.evidence.findings.summary_of_findings``,
``kb.evidence.stance.stances``, gathered into ``Site.summaries`` and
``Site.stances``): the studies and references for, against and inconclusive
about the criterion's claim, then one row per question and outcome in the
manner of a GRADE evidence profile (the effects as reported, never pooled; the
direction; the suggested certainty with every rule's verdict). A rating no
reviewer has confirmed says so.
"""
from __future__ import annotations

from kb.site.pages import links
from kb.site.pages.common import entry_label
from kb.site.pages.text import link, plain, table

_STANCE_WORDS = (("for", "For the criterion"), ("against", "Against it"), ("inconclusive", "Inconclusive"))
_SIGN = {0: "ok", -1: "\u22121"}


def evidence_link(page: str, site, node: str) -> str:
    """A study or reference node ('study:free', 'ref:64') as a link to its page, named as people know it."""
    kind, _, key = node.partition(":")
    studies = site.studies or {}
    if kind == "study" and key in studies:
        return link(plain(studies[key].name), links.rel(page, links.study_path(key)))
    if kind == "ref" and key.isdigit() and int(key) in site.kb.references:
        n = int(key)
        return link(f"{plain(entry_label(site.kb.references[n]))} &#91;{n}&#93;", links.rel(page, links.reference_path(n)))
    return plain(node)


def stance_groups(stances, kb) -> dict[str, list]:
    """Stance -> the Stance records, each study or reference once (a reference of a known study counts as it)."""
    from kb.evidence.stance import stance_lists

    order = stance_lists(kb, stances[0].statement, stances) if stances else {}
    by_node: dict[str, list] = {}
    for s in stances:
        by_node.setdefault(s.evidence, []).append(s)
        if s.evidence.startswith("ref:"):
            for study in kb.evidence.study_of_ref.get(int(s.evidence[4:]), ()):
                by_node.setdefault(f"study:{study}", []).append(s)
    # the record that gave the node its place (a study reported in several papers has one per paper)
    return {key: [(node, next((s for s in by_node.get(node, ()) if s.stance == key), None)) for node in nodes]
            for key, nodes in order.items()}


def _stances(page: str, site, stances) -> str:
    groups = stance_groups(stances, site.kb)
    lines = []
    for key, heading in _STANCE_WORDS:
        items = groups.get(key) or []
        if not items:
            lines.append(f"- **{heading}**: none")
            continue
        shown = [evidence_link(page, site, node) + (f" ({plain(s.reason)})" if s is not None and key != "inconclusive"
                                                    else "") for node, s in items]
        lines.append(f"- **{heading}** ({len(items)}): " + "; ".join(shown))
    return "\n".join(lines)


def _effects(row) -> str:
    parts = []
    for e in row.effects:
        when = f", {e.timepoint}" if e.timepoint else ""
        turned = " (turned round)" if e.reoriented else ""
        parts.append(f"{e.study}: {e.measure} {e.estimate} ({e.ci_low} to {e.ci_high}){when}{turned}")
    return plain("; ".join(parts))


def _verdict(v) -> str:
    if v.rule in ("start", "review"):
        return f"{v.rule} {v.verdict}"
    return f"{v.rule} " + ("not judged" if v.verdict == "not judged" else _SIGN.get(v.change, str(v.change)))


def _verdicts(row) -> str:
    return "; ".join(_verdict(v) for v in row.certainty_reasons)


def summary_table(page: str, site, rows) -> str:
    out = []
    for r in rows:
        who = f"{len(r.studies)} ({plain(', '.join(r.studies))})"
        if r.participants is not None:
            who += f"; {r.participants} participants"
        sure = f"**{plain(r.certainty)}**" + ("" if r.confirmed else "\\*")
        out.append([plain(r.question), plain(r.outcome), who, _effects(r), plain(r.direction), sure,
                    plain(_verdicts(r))])
    return table(["comparison", "outcome", "studies", "effects as reported", "what it found", "certainty",
                  "rules (levels)"], out)


def _reasons(rows) -> str:
    items = []
    for r in rows:
        moved = [v for v in r.certainty_reasons if v.change or v.rule in ("start", "review")]
        why = "; ".join(f"{v.rule}: {v.reason}" for v in moved) or "no rule moved it"
        items.append(f"- {plain(r.question)}, {plain(r.outcome)}: **{plain(r.certainty)}**. {plain(why)}"
                     + (f" ({plain(r.certainty_note)})" if r.confirmed else ""))
    return "\n".join(items)


def found_section(page: str, site, sid: str) -> str:
    """The criterion's summary of findings, or '' when the build has none for it."""
    profile = (site.profiles or {}).get(sid) or {}
    source = profile.get("inherited_from")
    if source:
        target = link(plain(source), links.rel(page, links.criterion_path(source)))
        return (f"## What the evidence found\n\nThe policy does not discuss this item on its own: what was found "
                f"is on the page of {target}, whose evidence it rests on.")
    if site.summaries is None or sid not in site.summaries:
        return ""
    rows, stances = site.summaries.get(sid) or (), (site.stances or {}).get(sid) or ()
    method = link("how this is read", links.rel(page, "method.md", "what-the-evidence-found-and-how-sure"))
    parts = ["## What the evidence found",
             f"For or against the criterion's claim that the treatment helps the patients it names, as the policy "
             f"reports the evidence cited for it ({method}).",
             _stances(page, site, stances) if stances else "No evidence is linked to it."]
    if rows:
        unconfirmed = any(not r.confirmed for r in rows)
        parts += ["### Summary of findings",
                  "One row per comparison and outcome: the effects as the policy reports them (nothing pooled "
                  "that the policy did not pool), what they found, and how sure we can be."
                  + (" \\*Suggested by rules; confirm at review." if unconfirmed else ""),
                  summary_table(page, site, rows),
                  "### Why this certainty", _reasons(rows)]
    else:
        parts.append("The policy reports no result with an interval from this evidence, so no effect can be "
                     "summarised; the stances above come from guidelines and the citing sentences.")
    return "\n\n".join(parts)


def stance_on(site, sid: str, node: str) -> tuple[str, str] | None:
    """(for / against / inconclusive, why) of a study or reference node on a criterion, or None if not placed.

    A reference that reports a known study has its study's place.
    """
    stances = (site.stances or {}).get(sid)
    if not stances:
        return None
    nodes = [node]
    if node.startswith("ref:"):
        nodes += [f"study:{s}" for s in site.kb.evidence.study_of_ref.get(int(node[4:]), ())]
    for key, items in stance_groups(stances, site.kb).items():
        for placed, s in items:
            if placed in nodes:
                return key, (s.reason if s is not None else "")
    return None


def stance_items(page: str, site, sids, node: str) -> str:
    """One line per criterion: its link, its words, and where this study or reference stands on it."""
    from kb.site.pages.text import shorten

    statements, lines = site.kb.statements, []
    for sid in sids:
        found = stance_on(site, sid, node)
        words = f": {plain(shorten(statements[sid].text, 120))}" if sid in statements else ""
        where = f" \u2014 **{found[0]}**" + (f" ({plain(found[1])})" if found[1] else "") if found else ""
        lines.append(f"- {link(plain(sid), links.rel(page, links.criterion_path(sid)))}{words}{where}")
    return "\n".join(lines)
