"""Check a policy's citations, reference list, statistics and structure.

Findings print like a linter (path:line:col: CODE message) with a suggested
fix under each. Exit 0 when nothing is at or above --fail-on, 1 when
something is, 2 on a usage or input error. Findings accepted in the policy
folder's waivers.csv (code,line,citation,reason,reviewer,date) are shown as
waived and do not count. --list-rules lists the checks; --explain CODE
documents one. With several policies (or --all) each gets its report, then
a total line; exit 2 if any could not be read.
"""
from __future__ import annotations

import sys

from .common import add_cache_argument, add_policy_argument, cached, collector_paused, load_path, policy_paths


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def add_arguments(parser) -> None:
    add_policy_argument(parser)
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="also write the findings as a table: .csv, .json or .xlsx (a spreadsheet)")
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                        help="lowest severity that makes the exit code 1 (default: error)")
    parser.add_argument("--select", type=_codes, metavar="CODES",
                        help="only these codes or prefixes, comma-separated (e.g. CIT,REF101)")
    parser.add_argument("--ignore", type=_codes, metavar="CODES", help="skip these codes or prefixes")
    parser.add_argument("--list-rules", action="store_true",
                        help="list every check (code, default severity, name, summary) and exit")
    parser.add_argument("--explain", metavar="CODE", type=str.upper,
                        help="print the documentation of one check (what, why, example, fix) and exit")
    parser.add_argument("-j", "--jobs", type=int, metavar="N",
                        help="worker processes for many policies (default: the number of CPUs)")
    add_cache_argument(parser)


def _describe_rules(args) -> int:
    """--list-rules and --explain: documentation only, no policy is read."""
    import json

    from ..checks import all_rules
    from ..checks.docs import rule_page, rule_record, rules_table, rules_text
    from ..errors import KbError

    rules = all_rules()
    if args.explain:
        chosen = next((r for r in rules if r.code == args.explain), None)
        if chosen is None:
            raise KbError(f"no check has the code {args.explain} (see kb check --list-rules)")
        text = (json.dumps(rule_record(chosen), indent=2) + "\n" if args.format == "json"
                else rule_page(chosen))
    elif args.format == "json":
        text = json.dumps([rule_record(r) for r in rules], indent=2) + "\n"
    else:
        text = rules_table(rules) if args.format == "markdown" else rules_text(rules)
    sys.stdout.write(text)
    return 0


def run(args) -> int:
    if args.list_rules or args.explain:
        return _describe_rules(args)
    paths = policy_paths(args)
    if len(paths) > 1:
        return _run_many(args, paths)
    if args.output:
        return _run_one(args, paths)
    options = {"format": args.format, "fail_on": args.fail_on, "select": args.select, "ignore": args.ignore}
    return cached(args, "check", options, paths[0], lambda: _report_one(args, paths[0]))


def _findings(args, path):
    from ..checks import run_checks
    from kb.checks.waivers import apply_waivers

    with collector_paused():  # one policy per process here
        kb = load_path(path)
        return kb, apply_waivers(kb, run_checks(kb, select=args.select, ignore=args.ignore))


def _report_one(args, path) -> tuple[str, int]:
    """The printed report and the exit code of one policy."""
    from kb.outputs.report import FORMATTERS, exit_code

    kb, results = _findings(args, path)
    return FORMATTERS[args.format](kb.path, results), exit_code(results, args.fail_on)


def _run_one(args, paths) -> int:
    """One policy with -o FILE: the table written beside the report (never from the cache: it writes a file)."""
    from kb.outputs.report import FORMATTERS, exit_code

    kb, results = _findings(args, paths[0])
    _write_findings(args, [(kb.path, results)], paths)
    sys.stdout.write(FORMATTERS[args.format](kb.path, results))
    return exit_code(results, args.fail_on)


def _write_findings(args, reports, paths) -> None:
    """-o FILE: the findings as rows, with their policy when there are several."""
    from kb.outputs.report import flatten
    from kb.outputs.rows import FINDING_COLUMNS
    from kb.paths import policy_name

    from .common import emit_table

    many = len(reports) > 1
    rows = [{**({"policy": policy_name(path)} if many else {}), **f.as_dict(), "waived": f.waived or ""}
            for path, results in reports for f in flatten(results)]
    emit_table(rows, (("policy",) if many else ()) + FINDING_COLUMNS, args.output, paths, sheet="findings")


def _run_many(args, paths) -> int:
    """One report per policy and a total; an unreadable policy is one stderr line, the rest still run."""
    from kb.checks.batch import check_policies
    from kb.outputs.report import MANY_FORMATTERS, many_exit_code

    from kb import output_cache

    reports = check_policies(paths, select=args.select, ignore=args.ignore, workers=args.jobs,
                             cache=output_cache.enabled(args.no_cache))
    for r in reports:
        if r.error:
            print(f"kb check: {r.error}", file=sys.stderr)
    if args.output:
        _write_findings(args, [(r.path, r.results) for r in reports if not r.error], paths)
    sys.stdout.write(MANY_FORMATTERS[args.format](reports))
    return many_exit_code(reports, args.fail_on)
