"""Sections a criterion page shows when evidence inputs are given (see ``Site.profiles`` / ``Site.forest``).

The evidence profile is a mapping such as ``EvidenceProfile.as_dict()``:
``{"id", "text", "inherited_from", "references", "studies",
"randomized_trials", "sham_controlled_trials", "randomized_patients",
"patients_unknown", "newest_year", "median_year", "guidelines",
"guidelines_disagreeing", "sections"}``. References and guidelines are
reference numbers; studies are ids (of ``Site.studies``), or mappings with
``id``, ``label`` and optionally ``page``. Missing keys are shown as unknown,
never guessed.
"""
from __future__ import annotations

from kb.sources.kinds import KIND_LABELS
from kb.site.pages import links
from kb.site.pages.common import entry_label
from kb.site.pages.text import link, plain, safe_url, table, title

_YES = {True: "yes", False: "no"}


def _count(profile, key) -> str:
    value = profile.get(key)
    return plain(value) if value is not None else "not known"


def _ref(page: str, n) -> str:
    return link(str(n), links.rel(page, links.reference_path(n)))


def _reference_rows(page: str, site, numbers) -> list[list[str]]:
    kb, rows = site.kb, []
    for n in numbers or ():
        entry = kb.references.get(n) if isinstance(n, int) else None
        if entry is None:
            rows.append([plain(n), "not in the reference list", "", "", ""])
            continue
        rows.append([_ref(page, n), plain(entry_label(entry)), plain(entry.year or "no year"),
                     plain(KIND_LABELS.get(kb.kind(n), kb.kind(n) or "")), _behind(page, site, n)])
    return rows


def _behind(page: str, site, n: int) -> str:
    """The study a reference reports, or the studies a review or guideline is known to pool."""
    known = site.studies or {}
    study = lambda s: link(plain(s.name), links.rel(page, links.study_path(s.id)))  # noqa: E731
    reports = site.studies_of_reference.get(n, [])
    if reports:
        return ", ".join(study(s) for s in reports)
    if site.studies is None:
        return ""
    pooled = [known[t[6:]] for t in site.kb.evidence.included_by(n) if t.startswith("study:") and t[6:] in known]
    return ("pools " + ", ".join(study(s) for s in pooled)) if pooled else "–"


def _study_rows(page: str, site, studies) -> list[list[str]]:
    known = site.studies or {}
    rows = []
    for s in studies:
        study = known.get(s) if isinstance(s, str) else None
        if study is None:
            label = plain(s.get("label") or s.get("id")) if isinstance(s, dict) else plain(s)
            target = s.get("page") if isinstance(s, dict) else None
            if isinstance(target, str) and target.endswith(".md"):
                label = link(label, links.rel(page, target))
            rows.append([label, "", "", "", "", ""])
            continue
        n = plain(study.n_randomized) if study.n_randomized is not None else "not given"
        rows.append([link(plain(study.name), links.rel(page, links.study_path(study.id))), plain(study.design),
                     _YES[study.randomized], _YES[study.sham_controlled], n if study.randomized else "",
                     ", ".join(_ref(page, r) for r in study.references) or "no citation"])
    return rows


def _summary(profile) -> str:
    patients = _count(profile, "randomized_patients")
    unknown = profile.get("patients_unknown") or ()
    if unknown:
        patients += f" (and {len(unknown)} trial{'s' if len(unknown) > 1 else ''} whose size the policy does not give)"
    newest = _count(profile, "newest_year")
    if profile.get("median_year") is not None:
        newest += f" (median {plain(profile['median_year'])})"
    disagree = profile.get("guidelines_disagreeing") or ()
    return table(["measure", "value"], [
        ["References cited for it", plain(len(_cited(profile)))],
        ["Distinct studies", plain(len(profile.get("studies") or ()))],
        ["Randomized trials", _count(profile, "randomized_trials")],
        ["of which sham-controlled", _count(profile, "sham_controlled_trials")],
        ["Randomized patients", patients],
        ["Newest evidence (year)", newest],
        ["Guidelines that agree", plain(len(profile.get("guidelines") or ()))
         + (f"; {len(disagree)} disagree{'s' if len(disagree) == 1 else ''}" if disagree else "")],
    ], ["---", "---:"])


def _cited(profile) -> list:
    """The references cited for a criterion, less the guidelines that disagree with it (listed on their own)."""
    against = set(profile.get("guidelines_disagreeing") or ())
    return [n for n in profile.get("references") or () if n not in against]


def _basis(page: str, kb, profile) -> str:
    """Which rationale sections the evidence comes from, linked to the policy text."""
    names, proposed = [], {x["to"]: x["reason"] for x in profile.get("links") or () if x.get("origin") == "proposed"}
    for sid in profile.get("sections") or ():
        sec = kb.sections.get(sid)
        if sec:
            why = f" (*proposed from the text*: {plain(proposed[sid])})" if sid in proposed else ""
            names.append(link(title(sec.title, 60), links.policy_line(page, kb.doc.lines, sec.line)) + why)
    how = link("how this is found", links.rel(page, "method.md", "how-a-criterion-gets-its-evidence"))
    if names:
        confirm = (" A proposed link is the software's reading of the criterion's words, not a reviewer's: confirm "
                   "it at review (statement_sections.csv)." if proposed else "")
        return (f"The references cited in the rationale sections mapped to this criterion ({'; '.join(names)}), "
                f"and links a reviewer added ({how}).{confirm}")
    return f"Links a reviewer added to this criterion ({how})."


def profile_section(page: str, site, profile) -> str:
    """The evidence cited for a criterion: counts, then the studies, references and guidelines.

    A guideline that disagrees is listed once, under "Guidelines that disagree", never also among the
    references cited for it."""
    kb = site.kb
    source = profile.get("inherited_from")
    parts = ["## Evidence"]
    if source:
        target = link(plain(source), links.rel(page, links.criterion_path(source))) if source in kb.statements \
            else plain(source)
        parts += [f"The policy does not discuss this item on its own, so it rests on the evidence of {target}; "
                  f"that page lists the studies and references.", _summary(profile)]
        return "\n\n".join(parts)
    if not (profile.get("references") or profile.get("studies")):
        return "## Evidence\n\nNo evidence in the knowledge base is linked to this criterion."
    parts += [_basis(page, kb, profile), _summary(profile)]
    rows = _study_rows(page, site, profile.get("studies") or ())
    if rows:
        parts += ["### Studies", "Each trial once, however many papers report it and reviews include it.",
                  table(["study", "design", "randomized", "sham-controlled", "patients", "reported in"], rows)]
    rows = _reference_rows(page, site, _cited(profile))
    if rows:
        parts += ["### References cited for it",
                  "*Study*: the study the paper reports, or the studies a review is known to pool (\u2013: none recorded).",
                  table(["ref", "who", "year", "kind", "study"], rows)]
    for key, heading in (("guidelines", "Guidelines that agree"), ("guidelines_disagreeing", "Guidelines that disagree")):
        rows = [r[:3] for r in _reference_rows(page, site, profile.get(key))]
        if rows:
            parts += [f"### {heading}", table(["ref", "who", "year"], rows)]
    return "\n\n".join(parts)


def _inside(image: str) -> bool:
    """Only images inside the site: the site must work offline."""
    return not (safe_url(image) or image.startswith("/") or ".." in image.split("/") or ":" in image)


def forest_section(page: str, plots, *, inherited_from: str | None = None) -> str:
    """Forest plots bearing on a criterion: the images, or (for an item that inherits its evidence) links."""
    from kb.site.pages.forest import figure_image

    plots = [p for p in plots if _inside(p.image)]
    if not plots:
        return ""
    head = ("## Forest plots\n\nFigures that plot estimates reported by the references cited for this criterion "
            f"({link('the rule', links.rel(page, 'method.md', 'forest-plots-on-a-criterion-page'))}).")
    if inherited_from:
        items = "\n".join(f"- {link(title(p.caption, 120), links.rel(page, p.page)) if p.page else title(p.caption)}"
                          for p in plots)
        return f"{head} They come with the evidence of {plain(inherited_from)}:\n\n{items}"
    parts = [head]
    for plot in plots:
        refs = ", ".join(_ref(page, n) for n in plot.via)
        many = len(plot.via) > 1
        why = (f" Shown here because reference{'s' if many else ''} {refs}, cited for this criterion, "
               "report" + ("" if many else "s") + " estimates in it; its other rows give the context."
               if refs else "")
        more = " " + link("Its table and notes", links.rel(page, plot.page)) + "." if plot.page else ""
        parts.append(f"### {title(plot.caption, 120)}\n\n{figure_image(page, plot.image, plot.caption)}"
                     f"\n\n{why.strip()}{more}")
    return "\n\n".join(parts)
