"""One page per coverage criterion, and the criteria index.

A criterion page opens with what its evidence found and how sure we can be
(``kb.site.pages.findings``), then shows its place in the outline, the sentences of
the policy that name it, its evidence (profile, studies, references,
guidelines) and the forest plots that bear on it when those inputs are
present (``Site.profiles``, ``Site.forest``; see ``kb.site.pages.evidence``), and
the findings on its lines.
"""
from __future__ import annotations

import re

from kb.read.criteria_find import no_criteria_note
from kb.site.pages import links
from kb.site.pages.common import findings_section, where
from kb.site.pages.evidence import forest_section, profile_section
from kb.site.pages.findings import found_section
from kb.site.pages.home import criteria_tree
from kb.site.pages.text import nav_title, link, plain, short_name, shorten, title

INDEX = links.CRITERIA


def naming_sentences(kb, statement_id: str):
    """Sentences outside the criteria themselves that name this criterion ("criteria I.A.5", "criterion II").

    The word criterion must come first: a bare "I" or "A" is an ordinary word.
    """
    pattern = re.compile(r"\bcriteri(?:on|a)\s+" + re.escape(statement_id) + r"(?![\w]|\.\w)", re.IGNORECASE)
    own = {(st.line, st.end_line) for st in kb.doc.statements}
    inside = lambda s: any(a <= s.line <= b for a, b in own)  # noqa: E731
    # A plain substring test first: the pattern runs once per criterion over every sentence of the policy.
    return [s for s in kb.doc.sentences if "criteri" in s.text.lower() and pattern.search(s.text) and not inside(s)]


def summary_sections(kb, statement):
    """For a top-level criterion: the rationale's summary section titled with its category, if any."""
    if statement.parent or not statement.category:
        return []
    first = min((st.line for st in kb.doc.statements), default=0)
    last = max((st.end_line for st in kb.doc.statements), default=0)
    return [sec for sec in kb.doc.sections
            if sec.title.strip().lower() == statement.category and not first - 5 <= sec.line <= last
            and any("summary" in t.lower() for t in sec.path[:-1])]


def _discussion(page: str, kb, st) -> str:
    items = []
    for s in naming_sentences(kb, st.id):
        items.append(f"- {where(page, kb, s.line)}: \u201c{plain(s.text)}\u201d")
    for sec in summary_sections(kb, st):
        sentences = [s for s in kb.doc.sentences if sec.line < s.line <= sec.end_line]
        if sentences:
            items.append(f"- The policy's summary for *{plain(st.category)}* criteria, "
                         f"{where(page, kb, sec.line)}: \u201c{plain(' '.join(s.text for s in sentences))}\u201d")
    if not items:
        return ""
    return "## Where the policy discusses it\n\n" + "\n".join(items)


def _outline(page: str, kb, st) -> str:
    out = []
    if st.parent and st.parent in kb.statements:
        parent = kb.statements[st.parent]
        out.append(f"Part of {link(plain(parent.id), links.rel(page, links.criterion_path(parent.id)))}: "
                   f"{plain(shorten(parent.text, 160))}")
    children = [c for c in kb.doc.statements if c.parent == st.id]
    if children:
        out.append("Its parts:\n\n" + "\n".join(
            f"- {link(plain(c.id), links.rel(page, links.criterion_path(c.id)))}: {plain(shorten(c.text, 160))}"
            for c in children))
    return "\n\n".join(out)


def criterion_page(site, st) -> str:
    kb = site.kb
    page = links.criterion_path(st.id)
    head = f"# Criterion {title(st.id)}"
    place = link(f"line {st.line}", links.policy_line(page, kb.doc.lines, st.line))
    meta = (f"**Category:** {plain(st.category)} \u00b7 " if st.category else "") + f"**In the policy text:** {place}"
    parts = [head, meta, f"{plain(st.text)}\n{{: .kb-statement }}", found_section(page, site, st.id),
             _outline(page, kb, st), _discussion(page, kb, st)]
    profile = (site.profiles or {}).get(st.id)
    if profile is not None:
        parts.append(profile_section(page, site, profile))
    plots = (site.forest or {}).get(st.id)
    if plots:
        parts.append(forest_section(page, plots, inherited_from=(profile or {}).get("inherited_from")))
    parts.append(findings_section(page, site, site.findings_between(st.line, st.end_line),
                                  empty="No findings on this criterion's lines."))
    return "\n\n".join(p for p in parts if p) + "\n"


def pages(site) -> dict[str, str]:
    kb = site.kb
    if not kb.doc.statements:
        note = no_criteria_note(kb.doc.sections)
        return {INDEX: f"# Coverage criteria\n\n{plain(note[0].upper() + note[1:])}.\n"}
    out = {INDEX: "# Coverage criteria\n\nEvery numbered criterion of the policy, as an outline. "
                  "Each id links to the criterion's page.\n\n" + criteria_tree(INDEX, kb, limit=200) + "\n"}
    for st in kb.doc.statements:
        out[links.criterion_path(st.id)] = criterion_page(site, st)
    return out


def nav(site) -> list:
    """The outline as nested sections: a criterion with parts is a section whose index is its own page."""
    kb = site.kb
    children: dict[str | None, list] = {}
    for st in kb.doc.statements:
        children.setdefault(st.parent if st.parent in kb.statements else None, []).append(st)

    def entry(st):
        path = links.criterion_path(st.id)
        kids = children.get(st.id)
        if not kids:
            return {_nav_title(st): path}
        return {_nav_title(st): [path] + [entry(c) for c in kids]}

    return [{"Criteria": [INDEX] + [entry(st) for st in children.get(None, [])]}]


def _nav_title(st) -> str:
    return nav_title(f"{st.id} {short_name(st.text, 34)}")
