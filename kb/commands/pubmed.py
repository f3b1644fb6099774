"""The annual literature check: each reference against PubMed, and what was published since the last review.

`kb pubmed verify` matches every entry to a PubMed record (by PMID, DOI, or
title and year) from the records files given with --records, or those in
the policy folder's pubmed/ and search/, and reports PMD findings (a PMID
that is another paper, year, volume or pages that differ, a final citation
for an ahead-of-print entry, a retraction, an expression of concern, an
erratum, a missing PMID). `kb pubmed fetch` gets the records of the cited
PMIDs and DOIs from NCBI E-utilities into the policy folder's pubmed/ (or
--cache), asking only for what it lacks. `kb pubmed new` triages a
literature-search export into a screening list.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from .common import add_policy_argument, check_output, load_path, policy_paths


def add_arguments(parser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="check every reference against its PubMed record", description=__doc__)
    add_policy_argument(verify)
    verify.add_argument("--records", nargs="+", metavar="FILE",
                        help="PubMed XML (.xml, .xml.gz) or MEDLINE (.nbib, .txt) files or folders "
                             "(default: the policy folder's pubmed/ and search/)")
    verify.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    verify.add_argument("--fail-on", choices=("error", "warning", "never"), default="error")

    fetch = sub.add_parser("fetch", help="get the cited papers' PubMed records (E-utilities, cached)",
                           description=__doc__)
    add_policy_argument(fetch)
    fetch.add_argument("--cache", metavar="DIR", help="records folder (default: the policy folder's pubmed/)")
    fetch.add_argument("--base-url", metavar="URL", default=os.environ.get("KB_EUTILS_URL"),
                       help="E-utilities base URL (default: NCBI's; or KB_EUTILS_URL)")

    new = sub.add_parser("new", help="triage a literature-search export into a screening list", description=__doc__)
    add_policy_argument(new)
    new.add_argument("--records", nargs="+", metavar="FILE", required=True,
                     help="the search export(s): PubMed XML or MEDLINE files or folders")
    new.add_argument("--since", metavar="DATE",
                     help="mark records published after this date (default: last_review in provenance.yaml)")
    new.add_argument("-o", "--output", metavar="FILE", help="write the list here (.csv or .xlsx; default stdout, CSV)")


def run(args) -> int:
    return {"verify": _verify, "fetch": _fetch, "new": _new}[args.action](args)


def _one_policy(args) -> Path:
    from ..errors import KbError

    paths = policy_paths(args)
    if len(paths) > 1:
        raise KbError(f"kb pubmed {args.action} reads one policy at a time; run it once per policy")
    return paths[0]


def _verify(args) -> int:
    from dataclasses import replace

    from kb.checks import run_checks
    from kb.checks.waivers import apply_waivers
    from kb.knowledge.base import KnowledgeBase
    from kb.outputs.report import FORMATTERS, exit_code

    from ..errors import KbError

    path = _one_policy(args)
    kb = load_path(path)
    if args.records:
        kb = KnowledgeBase(kb.doc, replace(kb.curated, pubmed_files=tuple(Path(p) for p in args.records)))
    if not kb.curated.pubmed_files:
        raise KbError("no PubMed records: give --records FILE, or keep records in the policy folder's pubmed/ "
                      "(kb pubmed fetch puts them there)", str(path))
    results = apply_waivers(kb, run_checks(kb, select=["PMD"]))
    sys.stdout.write(FORMATTERS[args.format](kb.path, results))
    counts: dict[str, int] = {}
    for v in kb.pubmed.verdicts.values():
        counts[v.status] = counts.get(v.status, 0) + 1
    said = ", ".join(f"{n} {status}" for status, n in sorted(counts.items(), key=lambda p: -p[1]))
    print(f"{len(kb.pubmed.verdicts)} entries against {len(kb.pubmed.records)} PubMed records: {said}",
          file=sys.stderr)
    return exit_code(results, args.fail_on)


def _fetch(args) -> int:
    from kb.pubmed.eutils import DEFAULT_BASE, Cache, Client, fetch_records
    from kb.pubmed.layout import PUBMED_DIR
    from kb.pubmed.match import norm_doi, norm_pmid

    path = _one_policy(args)
    kb = load_path(path)
    cache = Cache(args.cache or Path(path).parent / PUBMED_DIR)
    client = Client(base_url=args.base_url or DEFAULT_BASE, api_key=os.environ.get("NCBI_API_KEY") or None)
    entries = kb.doc.references
    pmids = [norm_pmid(e.pmid) for e in entries]
    dois = [norm_doi(e.doi) for e in entries if e.doi and not norm_pmid(e.pmid)]
    done = fetch_records(pmids, dois, cache, client)
    missing = f"; PubMed has no record for PMID {', '.join(done.missing)}" if done.missing else ""
    print(f"{cache.folder}: {done.fetched} records fetched, {done.cached} already cached, {done.dois_found} "
          f"found by DOI, in {done.requests} requests{missing}", file=sys.stderr)
    return 0


def _new(args) -> int:
    from kb.pubmed.layout import SCREENING_FILE
    from kb.pubmed.load import read_records
    from kb.pubmed.screening import read_screening, rows, to_csv, to_xlsx
    from kb.pubmed.triage import triage

    path = _one_policy(args)
    kb = load_path(path)
    since = args.since or kb.curated.provenance.get("last_review")
    reviewed = Path(path).parent / SCREENING_FILE
    decisions = read_screening(reviewed) if reviewed.is_file() else {}
    records = read_records(args.records)
    triaged = triage(records, kb.doc, str(since) if since else None)
    table = rows(triaged, decisions)
    new = sum(1 for t in triaged if t.after_review)
    if args.output and args.output != "-":
        check_output(args.output, [path])
        from kb.io import write_atomic

        write_atomic(args.output, to_xlsx(table) if args.output.lower().endswith(".xlsx") else to_csv(table))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(to_csv(table))
    print(f"{len(records)} records: {len(records) - len(triaged)} already cited, {len(triaged)} to screen"
          + (f", {new} published after {since}" if since else "")
          + (f"; {sum(1 for r in table if r['decision'])} decisions carried over from {reviewed}" if decisions else ""),
          file=sys.stderr)
    return 0
