"""One page per study (a trial or other primary study, however many papers report it), and the study index.

A study page gives the study's design and size as the curated studies table
records them, its reports (references), the reviews and guidelines that
include it, what it found (the estimates reported from its reports, and the
policy's sentences about it), and the criteria whose evidence it is part of. Studies come from ``Site.studies``; without them
there are no study pages.
"""
from __future__ import annotations

from kb.sources.kinds import KIND_LABELS
from kb.site.pages import links
from kb.site.pages.common import entry_label, where
from kb.site.pages.text import link, plain, shorten, table, title
from kb.ids import ref_id

INDEX = links.STUDIES
_YES = {True: "yes", False: "no"}


def study_link(page: str, study) -> str:
    return link(plain(study.name), links.rel(page, links.study_path(study.id)))


def _facts(page: str, kb, study) -> str:
    rows = [["Design", plain(study.design or "not recorded")],
            ["Randomized", _YES[study.randomized]],
            ["Sham-controlled", _YES[study.sham_controlled]],
            ["Patients randomized", plain(study.n_randomized) if study.n_randomized is not None
             else "not given in the policy"],
            ["Comparison", plain(study.comparison or "not recorded")]]
    if study.described_at:
        rows.append(["Described without a citation at", ", ".join(where(page, kb, n) for n in study.described_at)])
    return table(["field", "value"], rows)


def _reports(page: str, kb, study) -> str:
    if not study.references:
        return "No paper in the reference list reports it; the policy describes it without a citation."
    items = []
    for n in study.references:
        entry = kb.references.get(n)
        label = f"{plain(entry_label(entry))}: {plain(shorten(entry.title or entry.raw, 140))}" if entry else ""
        items.append(f"- {link(str(n), links.rel(page, links.reference_path(n)))} {label}")
    lead = ("One trial, several papers: it is counted once however many of them are cited.\n\n"
            if len(study.references) > 1 else "")
    return lead + "\n".join(items)


def including_reviews(kb, study) -> list:
    """The inclusions (kb.evidence) of this study or of one of its reports, by review, in list order."""
    targets = {study.node} | {ref_id(n) for n in study.references}
    found = [i for i in kb.evidence.inclusions if i.target in targets]
    return sorted(found, key=lambda i: (i.review, i.origin))


def _reviews(page: str, kb, study) -> str:
    items = []
    for inc in including_reviews(kb, study):
        entry = kb.references.get(inc.review)
        kind = KIND_LABELS.get(kb.kind(inc.review), "")
        how = ("the policy's text lists it" if inc.origin == "text" else "recorded by a reviewer in includes.csv")
        place = f", {where(page, kb, inc.line)}" if inc.line else ""
        note = f": {plain(inc.note)}" if inc.note and inc.origin == "curated" else ""
        items.append(f"- {link(str(inc.review), links.rel(page, links.reference_path(inc.review)))} "
                     f"{plain(entry_label(entry) if entry else '')} ({plain(kind)}); {how}{place}{note}")
    if not items:
        return ("No review or guideline in the policy is known to include it. Only inclusions the policy states, "
                "or the curated table records, are known.")
    return "\n".join(items)


def found(site, e) -> str:
    """What one estimate found: 'favours kyphoplasty', 'no clear difference' or 'not judged', and how it was read."""
    o = (site.oriented or {}).get(e.id)
    if o is None:
        return ""
    verdict = f"favours {o.favours}" if o.intervention and o.favours in (o.intervention, o.comparator) else o.favours
    turned = (f"; read as {o.question}: {o.estimate_text} ({o.low_text} to {o.high_text})" if o.reoriented else "")
    return plain(verdict + turned)


def estimate_table(page: str, site, estimates) -> str:
    """Estimates as printed, each with what it found, its line and the forest plot that shows it."""
    kb, rows = site.kb, []
    for e in estimates:
        figs = site.figures_of_estimate.get(e.id, [])
        plot = link("plot", links.rel(page, links.forest_path(figs[0].slug))) if figs else "\u2013"
        what = ", ".join(filter(None, [e.outcome, e.timepoint])) or "not named"
        value = plain(e.estimate_text + ("%" if e.unit == "%" else ""))
        row = [plain(what), plain(e.comparison or "not named"),
               f"{plain(e.measure_printed or e.measure)} {value} ({plain(e.ci_low_text)} to {plain(e.ci_high_text)})"
               + (f", p {plain(e.p_value)}" if e.p_value else "")]
        if site.oriented is not None:
            row.append(found(site, e))
        rows.append(row + [link(f"line {e.line}", links.policy_line(page, kb.doc.lines, e.line)), plot])
    header = ["outcome", "as printed", "estimate (interval)"] + (["found"] if site.oriented is not None else [])
    return table(header + ["in the policy", "forest plot"], rows)


def said_about(page: str, kb, numbers, limit: int = 6) -> str:
    """The policy's sentences citing any of ``numbers``, each once, with a link to its line."""
    seen, items = set(), []
    for n in numbers:
        for m in kb.markers_by_number.get(n, []):
            sentence = kb.sentence_of(m)
            if sentence is None or sentence.index in seen:
                continue
            seen.add(sentence.index)
            items.append(f"- {where(page, kb, sentence.line)}: \u201c{plain(sentence.text)}\u201d")
    more = f"\n\n{len(items) - limit} more on the reference pages." if len(items) > limit else ""
    return "\n".join(items[:limit]) + more


def summary(study) -> str:
    """'randomized controlled trial, sham-controlled, 78 patients randomized: vertebroplasty vs sham procedure'."""
    size = (f"{study.n_randomized} patients randomized" if study.n_randomized is not None
            else "size not given" if study.randomized else "")
    facts = ", ".join(filter(None, [study.design or "design not recorded",
                                    "sham-controlled" if study.sham_controlled else "", size]))
    return plain(facts + (f": {study.comparison}" if study.comparison else ""))


def _criteria(page: str, site, study) -> str:
    own = [sid for sid, p in (site.profiles or {}).items()
           if not p.get("inherited_from") and study.id in (p.get("studies") or ())]
    if not own:
        return "No criterion's evidence includes it."
    from kb.site.pages.findings import stance_items

    return stance_items(page, site, own, f"study:{study.id}")


def study_page(site, study) -> str:
    kb = site.kb
    page = links.study_path(study.id)
    estimates = [e for e in site.estimates or () if set(e.citations) & set(study.references)]
    reports = len(study.references)
    facts = summary(study)
    lead = (f"{'An' if facts[:1].lower() in 'aeiou' else 'A'} {facts}. It is one study however many papers report it"
            + (f" (here {reports})" if reports > 1 else "") + "; the pages below link each report, the reviews "
            "that pool it and the estimates the policy quotes from it.")
    said = said_about(page, kb, study.references)
    parts = [f"# Study: {title(study.name, 100)}", lead, _facts(page, kb, study),
             "## What it found",
             ("Its results as the policy reports them, with an interval; *found* reads each one as its question's "
              "intervention vs comparator (an interval that includes no difference finds no clear difference).\n\n"
              + estimate_table(page, site, estimates)) if estimates else
             "The policy reports no result with an interval from its reports.",
             *(["### What the policy says about it", said] if said else []),
             "## Reports", _reports(page, kb, study),
             "## Reviews and guidelines that include it", _reviews(page, kb, study),
             "## Criteria whose evidence includes it",
             "A rationale section mapped to these criteria cites it (or a reviewer linked it). Where it stands on "
             "each criterion's claim (for, against or inconclusive) follows from what it found, above, or from the "
             "citing text.\n\n" + _criteria(page, site, study)]
    if study.notes:
        parts += ["## Where these facts come from", plain(study.notes)]
    return "\n\n".join(parts) + "\n"


def index_page(site) -> str:
    rows = [[study_link(INDEX, s), plain(s.design), _YES[s.randomized], _YES[s.sham_controlled],
             (plain(s.n_randomized) if s.n_randomized is not None else "not given") if s.randomized else "\u2013",
             ", ".join(link(str(n), links.rel(INDEX, links.reference_path(n))) for n in s.references) or "none"]
            for s in site.studies.values()]
    if not rows:
        return ("# Studies\n\nThe policy folder has no studies table (studies.csv), so references are not grouped "
                "into studies; `kb studies bootstrap` proposes one.\n")
    if "studies.csv" not in site.kb.evidence.tables.present:
        intro = ("The trials and other primary studies behind the references, proposed from the text: the policy "
                 "folder has no studies table (studies.csv), so these are not reviewed; `kb studies bootstrap` "
                 "writes them for a reviewer to check. One row per study, however many papers report it.")
    else:
        intro = ("The trials and other primary studies behind the references, as the curated studies table "
                 "records them: one row per study, however many papers report it.")
    return ("# Studies\n\n" + intro + "\n\n"
            + table(["study", "design", "randomized", "sham-controlled", "patients randomized", "reported in"], rows,
                    ["---", "---", "---", "---", "---:", "---"]) + "\n")


def pages(site) -> dict[str, str]:
    if site.studies is None:
        return {}
    out = {INDEX: index_page(site)}
    for study in site.studies.values():
        out[links.study_path(study.id)] = study_page(site, study)
    return out


def nav(site) -> list:
    if site.studies is None:
        return []
    return [{"Studies": INDEX}]  # the index links every study (see references.nav for why not each one)
