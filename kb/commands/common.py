"""Arguments and helpers shared by subcommands.

Every command that reads a policy takes one or several (``kb check a b``), or
the whole corpus with ``--all`` (every folder under references/ that holds a
policy.md); with none it reads the bundled default.
"""
from __future__ import annotations

import contextlib
import gc
import sys
from pathlib import Path

from ..errors import KbError
from ..io import write_atomic
from ..paths import policy_dirs, references_dir, resolve_policy, POLICY_FILE


def add_policy_argument(parser) -> None:
    parser.add_argument("policy", nargs="*", metavar="POLICY",
                        help="policy files or folders (default: the bundled policy)")
    parser.add_argument("--all", action="store_true", dest="all_policies",
                        help="every policy under references/ (a folder each, with its policy.md)")


def policy_paths(args) -> list[Path]:
    """The policies named on the command line, every bundled one with --all, or the default."""
    named = list(getattr(args, "policy", None) or [])
    if getattr(args, "all_policies", False):
        if named:
            raise KbError("give policies or --all, not both")
        dirs = policy_dirs()
        if not dirs:
            raise KbError(f"no policy folder with a {POLICY_FILE} was found", str(references_dir()))
        return [resolve_policy(str(d)) for d in dirs]
    if not named:
        return [resolve_policy(None)]
    return list(dict.fromkeys(resolve_policy(p) for p in named))


def add_cache_argument(parser) -> None:
    parser.add_argument("--no-cache", action="store_true",
                        help="read and check the policy again even when nothing has changed since the last run "
                             "(the answer is kept under .kb-cache/output/; KB_CACHE=0 does the same)")


def cached(args, command: str, options: dict, policy: Path, compute) -> int:
    """Print ``compute()``'s output (text, exit code), replayed from the output cache when its inputs are unchanged."""
    from .. import output_cache
    from ..paths import project_root

    def work() -> tuple[str, int]:
        from .. import dataclass_cache, pattern_cache

        # What an earlier run of the command compiled (its patterns, its record types' methods), before any
        # of it is compiled again.
        pattern_cache.preload(command)
        dataclass_cache.preload(command)
        return compute()

    if not output_cache.enabled(getattr(args, "no_cache", False)):
        text, code = work()
        sys.stdout.write(text)
        return code
    key = output_cache.key(command, options, policy, f"{policy}\0{Path.cwd()}")
    return output_cache.replay_or_run(project_root(), key, work)


@contextlib.contextmanager
def collector_paused():
    """Run one policy's reading and checks without the cyclic garbage collector.

    Almost everything a check allocates lives to the end of the run (the parsed policy, its indexes, the
    findings), so each collection only walks survivors: 0.2 s of kb check on a 2,000-reference policy, even
    at the raised threshold (kb.cli). The few cycles made meanwhile are left to the process's exit: on the
    way out the survivors are frozen (never scanned again) before collection resumes, as resuming alone
    would walk them all once more.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def load_path(path: Path, *, require_references: bool = True):
    from kb.knowledge.base import load_knowledge_base

    return load_knowledge_base(path, require_references=require_references)


# A policy folder's own files: the text and the tables curated by hand beside it.
POLICY_INPUTS = (POLICY_FILE, "provenance.yaml", "kinds.csv", "waivers.csv", "studies.csv", "includes.csv",
                 "statement_sections.csv", "supports.csv", "estimates.csv", "screening.csv", "DEFAULT")


def check_output(target: str | Path, policies=()) -> None:
    """Refuse an output inside references/ or onto a policy's own files: those are inputs ('kb estimates -o
    references/x/estimates.csv' would replace the curated corrections with the table made from them)."""
    path = Path(target).resolve()
    refs = references_dir().resolve()
    if path == refs or refs in path.parents:
        raise KbError(f"is inside {refs.name}/, which holds the policies and their curated tables; "
                      "write the output elsewhere", str(target))
    if path.name in POLICY_INPUTS and any(path.parent == Path(p).resolve().parent for p in policies):
        raise KbError("is one of the policy's own files; write the output elsewhere", str(target))


def emit_table(rows: list[dict], columns, output: str | None, policies=(), fmt: str | None = None,
               sheet: str = "table") -> None:
    """A table to stdout (CSV or JSON) or to ``output`` as CSV, JSON or XLSX, by ``fmt`` or the file's extension."""
    from ..outputs.tables import format_of, render

    fmt = fmt or format_of(output)
    if fmt == "xlsx" and (not output or output == "-"):
        raise KbError("an XLSX workbook cannot go to the terminal; give -o FILE.xlsx")
    emit(render(rows, columns, fmt, sheet), output, policies)


def emit(text: str | bytes, output: str | None, policies=()) -> None:
    """Print to stdout, or write atomically to ``output`` (never onto an input, see ``check_output``)."""
    if output and output != "-":
        check_output(output, policies)
        write_atomic(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
