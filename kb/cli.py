"""The ``kb`` command line: thin subcommands over the library.

Each subcommand lives in ``kb.commands.<name>`` with ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``, and is imported only when
used, so ``kb info`` does not pay for matplotlib or pandas.
"""
from __future__ import annotations

import argparse
import gc
import importlib
import sys

from .errors import KbError

# name -> one-line help; order is the order in --help.
COMMANDS = {
    "info": "counts and metadata of a policy",
    "check": "check citations, references, statistics and structure",
    "export": "export references or the graph (bibtex, csl-json, graph-json, graphml)",
    "estimates": "list every reported effect estimate (CSV or JSON), numbers as printed",
    "plots": "draw forest plots of the estimates by question and outcome (SVG, PNG, CSV)",
    "evidence": "the evidence profile of each criterion (studies, trials, patients, years, guidelines)",
    "studies": "propose the studies behind the references (studies bootstrap)",
    "diff": "compare two versions of a policy (criteria, references, citations, findings)",
    "pubmed": "verify references against PubMed records, fetch records, triage new evidence",
    "site": "build the annual-review site (and serve it with --serve)",
    "import": "bring in a policy from a web page, Word, PDF, JATS or Markdown file (references/<id>/)",
}
# A command whose module name differs from its word ('import' is a Python keyword).
MODULES = {"import": "import_"}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb",
        description="policykb: an evidence-review knowledge base for a medical policy.",
        epilog="POLICY is one or several policy files or folders (or --all: every policy under references/); "
               "it defaults to the bundled policy. "
               "Exit codes: 0 fine, 1 findings at or above --fail-on, 2 usage or input error, 3 internal error.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        if only and name != only:
            sub.add_parser(name, help=help_text)
            continue
        module = importlib.import_module(f"kb.commands.{MODULES.get(name, name)}")
        cmd = sub.add_parser(name, help=help_text, description=module.__doc__)
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def _report_crash(exc: BaseException) -> str:
    import traceback

    from .crashlog import write_crash_log

    return write_crash_log(" ".join(sys.argv) + "\n\n" + "".join(traceback.format_exception(exc)))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first if first in COMMANDS else None)
    args, extra = parser.parse_known_args(argv)
    # argparse gives a '*' positional nothing once an option follows another positional
    # ('kb export bibtex -o out.bib policy.md'): policies after the options are still policies.
    if extra and (not isinstance(getattr(args, "policy", None), list) or any(a.startswith("-") for a in extra)):
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if extra:
        args.policy = [*args.policy, *extra]
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KbError as exc:
        print(f"kb {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kb {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, a log, exit 3
        try:
            where = f"with the log at {_report_crash(exc)}"
        except OSError as log_error:  # a full disk or a read-only temp folder must not end in a traceback
            where = f"(no log could be written: {log_error.strerror or log_error})"
        print(f"kb {args.command}: internal error ({type(exc).__name__}); please report it {where}", file=sys.stderr)
        return 3


def entry() -> None:
    # A command is one short run that builds a large heap it keeps to the end (the parsed policy, its indexes):
    # at the collector's default first threshold (700 allocations) the full collections scanned it hundreds
    # of times, 0.3 s of kb check on a 2,000-reference policy. Collection stays on, only less often.
    gc.set_threshold(10_000, 10, 10)
    sys.exit(main())
