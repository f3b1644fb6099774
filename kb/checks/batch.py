"""Check many policies: one report per policy and a total, in worker processes when it pays.

A worker loads one policy, runs the checks and the waivers, and sends back
plain records (findings and crash notes); the parent rebuilds the results
against its own rule registry, so nothing unpicklable crosses a process.
A policy that cannot be read becomes an input error for that policy alone;
the others are still checked.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

from kb.errors import KbError
from kb.progress import progress

# Below this many policies, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


@dataclass(frozen=True)
class PolicyReport:
    path: str
    results: tuple = ()  # kb.checks.Result, in rule order
    error: str | None = None  # the one-line input error, when the policy could not be read


def _check_one(path: str, select, ignore, cache: bool = False):
    """(path, [(code, findings, crashed)] or None, input error or None), from the output cache when it holds it."""
    if not cache:
        return _compute_one(path, select, ignore)
    from kb import output_cache
    from kb.paths import project_root

    root = project_root()
    key = output_cache.key("check-policy", {"select": select, "ignore": ignore}, Path(path), path)
    kept = output_cache.load(root, key, _plain_record)
    if kept is not None:
        return path, _from_plain(kept["results"]), None
    path, results, error = _compute_one(path, select, ignore)
    if results is not None and not any(crashed for _, _, crashed in results):
        output_cache.store(root, key, {"results": _to_plain(results)})
    return path, results, error


def _compute_one(path: str, select, ignore):
    from kb.checks import run_checks
    from kb.knowledge.base import load_knowledge_base
    from kb.checks.waivers import apply_waivers

    try:
        kb = load_knowledge_base(Path(path))
        results = apply_waivers(kb, run_checks(kb, select=select, ignore=ignore))
    except KbError as exc:
        return path, None, str(exc)
    return path, [(r.rule.code, r.findings, r.crashed) for r in results], None


def _to_plain(results) -> list:
    return [[code, [dataclasses.asdict(f) for f in findings]] for code, findings, _ in results]


def _from_plain(results) -> list:
    from kb.read.model import Finding

    return [(code, tuple(Finding(**{**f, "citations": tuple(f["citations"])}) for f in findings), None)
            for code, findings in results]


def _plain_record(record) -> bool:
    """A kept record as _to_plain wrote it (anything else is read again, not trusted)."""
    from kb.read.model import Finding

    fields = {f.name for f in dataclasses.fields(Finding)}
    results = record.get("results")
    return isinstance(results, list) and all(
        isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], list)
        and all(isinstance(f, dict) and set(f) == fields and isinstance(f["citations"], list) for f in item[1])
        for item in results)


def _rebuild(path: str, plain, error) -> PolicyReport:
    from kb.checks import Result, all_rules

    if plain is None:
        return PolicyReport(path, (), error)
    rules = {r.code: r for r in all_rules()}
    return PolicyReport(path, tuple(Result(rules[code], findings, crashed) for code, findings, crashed in plain))


def check_policies(paths: list[Path], select=None, ignore=None, workers: int | None = None,
                   cache: bool = False) -> list[PolicyReport]:
    """Reports in the order of ``paths``; ``workers`` defaults to the CPU count for large batches.

    With ``cache``, a policy whose inputs are unchanged since a run that kept
    its findings (``kb.output_cache``) is not read again.
    """
    jobs = [str(p) for p in paths]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(jobs) < PARALLEL_FROM or workers <= 1:
        return [_rebuild(*_check_one(p, select, ignore, cache)) for p in progress(jobs, "checking", unit="policy")]
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(jobs) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_check_one, jobs, [select] * len(jobs), [ignore] * len(jobs), [cache] * len(jobs),
                        chunksize=chunk)
        return [_rebuild(*item) for item in progress(done, "checking", total=len(jobs), unit="policy")]
