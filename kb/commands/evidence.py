"""Show the evidence behind each criterion: supporting references by kind, distinct studies,
randomized and sham-controlled trials (each trial once, however many reports and reviews),
randomized patients, newest and median publication year, guidelines that agree; then what
that evidence found (summary of findings per question and outcome: effects, direction,
suggested certainty with every rule's verdict) and which evidence is for, against or
inconclusive.

--overlap prints the corrected covered area (CCA) of the reviews that pool the same
trials; --list-sections prints the section ids statement_sections.csv refers to.
"""
from __future__ import annotations

import json
import sys

from .common import add_policy_argument, emit_table, load_path, policy_paths


def add_arguments(parser) -> None:
    add_policy_argument(parser)
    parser.add_argument("--statement", metavar="ID", help="only this criterion (e.g. I.A.4)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--overlap", action="store_true", help="the reviews' overlap (CCA) instead of profiles")
    parser.add_argument("--list-sections", action="store_true", help="section ids and titles, for curators")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write the profiles as a table, one row per criterion: .csv, .json or .xlsx")


def _kinds(p) -> str:
    from kb.sources.kinds import KIND_LABELS

    return ", ".join(f"{KIND_LABELS[k]} {len(v)}" for k, v in p.references_by_kind) or "none"


def profile_text(p) -> list[str]:
    if p.inherited_from:
        return [f"{p.id:<8} {p.text[:90]}", f"         same evidence as {p.inherited_from} (not discussed separately)"]
    years = f"newest {p.newest_year}, median {p.median_year:g}" if p.newest_year else "no dated references"
    unknown = f" (size not given: {', '.join(p.patients_unknown)})" if p.patients_unknown else ""
    lines = [
        f"{p.id:<8} {p.text[:90]}",
        f"         references  {len(p.references)}: {_kinds(p)}",
        f"         studies     {len(p.studies)}; randomized trials {p.randomized_trials} "
        f"(sham-controlled {p.sham_controlled_trials}); randomized patients {p.randomized_patients}{unknown}",
        f"         years       {years}" + (f" (undated: {', '.join(map(str, p.undated))})" if p.undated else ""),
        f"         guidelines  agree: {', '.join(map(str, p.guidelines)) or 'none'}"
        + (f"; disagree: {', '.join(map(str, p.guidelines_disagreeing))}" if p.guidelines_disagreeing else ""),
    ]
    lines += [f"         proposed    {to}: {reason}" for to, origin, reason in p.links if origin == "proposed"]
    return lines


def _overlap(kb) -> tuple[dict, list[str]]:
    from ..evidence.overlap import corrected_covered_area, overlap_by_topic, pairwise, reviews_with_inclusions

    g = kb.graph
    known = reviews_with_inclusions(g)
    overall, pairs = corrected_covered_area(known), pairwise(known)
    topics = overlap_by_topic(g)
    payload = {"overall": overall.as_dict(), "pairwise": [o.as_dict() for o in pairs],
               "topics": {t: {"reviews": r, **o.as_dict()} for t, (r, o) in topics.items()},
               "included": {str(k): sorted(v) for k, v in known.items()}}

    def show(o) -> str:
        if o.cca is None:
            return "CCA not computable (needs two reviews with known inclusions)"
        return f"N={o.inclusions} r={o.studies} c={len(o.reviews)} CCA={o.cca:.1%} ({o.band})"

    lines = ["reviews and guidelines with known inclusions:"]
    lines += [f"  [{n}] {', '.join(sorted(studies))}" for n, studies in known.items()]
    lines.append(f"overall {show(overall)}; shared: {', '.join(overall.shared) or 'none'}")
    lines += [f"  [{o.reviews[0]}] vs [{o.reviews[1]}]: {show(o)}; shared: {', '.join(o.shared) or 'none'}"
              for o in pairs]
    lines.append("by topic (reviews cited there; CCA over those with known inclusions):")
    lines += [f"  {topic}: reviews {', '.join(map(str, reviews))}; known {len(o.reviews)}; {show(o)}"
              for topic, (reviews, o) in topics.items()]
    return payload, lines


def _result(args, kb) -> tuple[dict | None, list[str]]:
    """What to print for one policy: the JSON payload (None for --list-sections) and the text lines."""
    from ..errors import KbError
    from ..evidence.findings import summary_of_findings
    from ..evidence.profile import profile_of
    from ..evidence.stance import stance_lists, stances
    from ..evidence.summary_text import summary_lines

    if args.list_sections:
        return None, [f"{s.line:>5}  {s.id}  ({s.title})" for s in kb.doc.sections]
    if args.overlap:
        return _overlap(kb)
    ids = [s.id for s in kb.doc.statements]
    if args.statement and args.statement not in kb.statements:
        raise KbError(f"no criterion '{args.statement}' (criteria: {', '.join(ids) or 'none'})", kb.path)
    if not ids:
        from ..read.criteria_find import no_criteria_note
        note = no_criteria_note(kb.doc.sections)
        return {"document": kb.path, "statements": [], "note": note}, [note]
    chosen = [profile_of(kb, i) for i in ([args.statement] if args.statement else ids)]
    statements, lines = [], []
    for p in chosen:
        rows = summary_of_findings(kb, p.id)
        found = stances(kb, p.id)
        lists = stance_lists(kb, p.id, found)
        statements.append({**p.as_dict(), "summary": [r.as_dict() for r in rows], **lists,
                           "stances": [s.as_dict() for s in found]})
        lines += profile_text(p)
        if not p.inherited_from and p.has_evidence:
            lines += summary_lines(rows, lists)
    payload = {"document": kb.path, "statements": statements}
    if not args.statement:
        own = sum(1 for p in chosen if not p.inherited_from and p.has_evidence)
        bare = sum(1 for p in chosen if not p.has_evidence)
        lines.append(f"{len(chosen)} criteria: {own} with evidence of their own, "
                     f"{sum(1 for p in chosen if p.inherited_from)} inheriting it, {bare} without evidence")
    return payload, lines


def run(args) -> int:
    paths = policy_paths(args)
    if args.output:
        return _write_profiles(args, paths)
    results = [(kb, *_result(args, kb)) for kb in (load_path(p) for p in paths)]
    if args.format == "json" and not args.list_sections:
        payloads = [payload for _, payload, _ in results]
        out = payloads[0] if len(payloads) == 1 else {
            "policies": [{"document": kb.path, **payload} for (kb, _, _), payload in zip(results, payloads)]}
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    for i, (kb, _, lines) in enumerate(results):
        if len(results) > 1:
            print(("\n" if i else "") + f"== {kb.path}")
        print("\n".join(lines))
    return 0


def _write_profiles(args, paths) -> int:
    """-o FILE: every criterion's profile as one row (with its policy when there are several)."""
    from ..errors import KbError
    from ..outputs.rows import PROFILE_COLUMNS, profile_rows
    from ..paths import policy_name

    if args.overlap or args.list_sections:
        raise KbError("-o writes the evidence profiles; --overlap and --list-sections print to the terminal")
    rows = []
    for path in paths:
        kb = load_path(path)
        these = [r for r in profile_rows(kb) if not args.statement or r["id"] == args.statement]
        rows += [{"policy": policy_name(path), **r} for r in these] if len(paths) > 1 else these
    columns = (("policy",) if len(paths) > 1 else ()) + PROFILE_COLUMNS
    emit_table(rows, columns, args.output, paths, sheet="evidence profiles")
    print(f"{len(rows)} criteria; wrote {args.output}", file=sys.stderr)
    return 0
