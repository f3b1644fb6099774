"""The evidence map: criteria by evidence (a matrix), and the overlap of the reviews the policy cites.

Rows of the matrix are the criteria, in outline order; columns count the
references cited for it by kind, the distinct studies, randomized and
sham-controlled trials, randomized patients and the newest year (from the
evidence profiles). The overlap section gives the corrected covered area
(kb.evidence.overlap) overall, per topic and for every pair of reviews.
Shown only when the build has evidence profiles.
"""
from __future__ import annotations

from kb.sources.kinds import GUIDELINE, OBSERVATIONAL, OTHER, RANDOMIZED, REVIEW
from kb.site.pages import links
from kb.site.pages.common import entry_label
from kb.site.pages.forest import WIDE
from kb.site.pages.text import link, plain, table, title

PATH = links.EVIDENCE_MAP
_KIND_COLUMNS = ((RANDOMIZED, "RCT"), (REVIEW, "SR"), (GUIDELINE, "GL"), (OBSERVATIONAL, "obs"), (OTHER, "other"))


def _crit(sid: str, kb) -> str:
    return link(plain(sid), links.rel(PATH, links.criterion_path(sid))) if sid in kb.statements else plain(sid)


def _crit_named(sid: str, kb) -> str:
    from kb.site.pages.worklist import criterion_label

    return criterion_label(PATH, kb, sid, 50)


_HEADER = ["criterion", "references cited", "by kind", "studies", "randomized trials (sham)", "patients",
           "newest"]


def _kinds(by_kind) -> str:
    return ", ".join(f"{name} {len(by_kind[k])}" for k, name in _KIND_COLUMNS if by_kind.get(k)) or "\u2013"


def _matrix(site) -> str:
    kb, rows = site.kb, []
    for sid, p in site.profiles.items():
        source = p.get("inherited_from")
        if source:  # the same numbers as its source's row; repeating them would hide the rows that differ
            rows.append([_crit_named(sid, kb), f"as {_crit(source, kb)}"] + [""] * (len(_HEADER) - 2))
            continue
        rows.append([_crit_named(sid, kb), str(len(p.get("references") or ())), _kinds(p.get("references_by_kind") or {}),
                     str(len(p.get("studies") or ())),
                     f"{plain(p.get('randomized_trials', ''))} ({plain(p.get('sham_controlled_trials', ''))})",
                     plain(p.get("randomized_patients", "")), plain(p.get("newest_year") or "none")])
    return table(_HEADER, rows, ["---", "---:", "---", "---:", "---:", "---:", "---:"])


def _review(n: int, kb) -> str:
    entry = kb.references.get(n)
    return link(str(n), links.rel(PATH, links.reference_path(n))) + (f" {plain(entry_label(entry))}" if entry else "")


def _studies(ids, site) -> str:
    known = site.studies or {}
    return ", ".join(link(plain(known[s].name), links.rel(PATH, links.study_path(s))) if s in known else plain(s)
                     for s in ids) or "none"


def _cca(o) -> str:
    return f"{o.cca:.0%}" if o.cca is not None else "not computable"


def _overlap(site) -> list[str]:
    from kb.evidence.overlap import (
        corrected_covered_area,
        overlap_by_topic,
        pairwise,
        reviews_with_inclusions,
    )

    kb = site.kb
    g = kb.graph
    known = reviews_with_inclusions(g)
    parts = ["## Overlap of reviews",
             "When several reviews pool the same trials, their results are not independent. The corrected "
             "covered area is CCA = (N \u2212 r) / (r\u00b7c \u2212 r), with N the inclusions counted with repeats, "
             "r the distinct studies and c the reviews (Pieper et al., J Clin Epidemiol 2014); read as slight "
             "(under 5%), moderate (5\u201310%), high (10\u201315%) or very high (over 15%). Only inclusions the "
             "policy states, or the curated table records, are known: a review whose trials the policy does not "
             "name cannot be placed."]
    if len(known) < 2:
        return parts + ["Fewer than two reviews have known inclusions, so no overlap can be computed."]
    overall = corrected_covered_area(known)
    parts += ["### What each review includes",
              table(["review or guideline", "studies it includes (as known)"],
                    [[_review(n, kb), _studies(sorted(v), site)] for n, v in known.items()]),
              "### Overall",
              f"{overall.inclusions} inclusions of {overall.studies} distinct studies by {len(overall.reviews)} "
              f"reviews: CCA {_cca(overall)} ({plain(overall.band or 'no band')}). Included by more than one: "
              f"{_studies(overall.shared, site)}."]
    rows = []
    for topic, (reviews, o) in overlap_by_topic(g).items():
        sec = kb.sections.get(topic)
        name = link(title(sec.title, 60), links.policy_line(PATH, kb.doc.lines, sec.line)) if sec else plain(topic)
        rows.append([name, ", ".join(_review(n, kb) for n in reviews), str(len(o.reviews)), _cca(o),
                     plain(o.band or "")])
    parts += ["### By topic",
              "A review's topic is the rationale section where the policy first cites it.",
              table(["topic", "reviews cited there", "with known inclusions", "CCA", "reading"], rows)]
    pairs = [[_review(o.reviews[0], kb), _review(o.reviews[1], kb), _studies(o.shared, site), str(o.inclusions),
              str(o.studies), _cca(o), plain(o.band or "")] for o in pairwise(known)]
    parts += ["### Pairwise",
              table(["review", "review", "shared studies", "N", "r", "CCA", "reading"], pairs)]
    return parts


def pages(site) -> dict[str, str]:
    if site.profiles is None:
        return {}
    parts = [WIDE + "# Evidence map",
             "What each criterion rests on, side by side, and how far the reviews the policy cites pool the same "
             "trials. How the evidence of a criterion is found is explained on the " + link(
                 "method page", links.rel(PATH, "method.md", "how-a-criterion-gets-its-evidence")) + ".",
             "## Criteria by evidence",
             "*By kind*: *RCT* randomized trial, *SR* systematic review or meta-analysis, *GL* guideline, *obs* "
             "observational study or case series. *Studies*: the distinct studies behind the references (a trial "
             "reported twice counts once), of which the randomized and (in brackets) sham-controlled trials; "
             "*patients*: patients randomized in those trials, where the policy gives sizes; *newest*: the newest "
             "publication year. *As I*: the item is not discussed on its own and has the evidence of I (the "
             "numbers are on I's row).",
             _matrix(site) or "The policy has no numbered criteria.",
             *_overlap(site)]
    return {PATH: "\n\n".join(parts) + "\n"}


def nav(site) -> list:
    return [{"Evidence map": PATH}] if site.profiles is not None else []
