"""Check many policies: one report per policy and a total, in worker processes when it pays.

A worker loads one policy, runs the checks and the waivers, and sends back
plain records (findings and crash notes); the parent rebuilds the results
against its own rule registry, so nothing unpicklable crosses a process.
A policy that cannot be read becomes an input error for that policy alone;
the others are still checked.
"""
from __future__ import annotations

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


def _check_one(path: str, select, ignore) -> tuple[str, list[tuple[str, tuple, str | None]] | None, str | None]:
    from kb.checks import run_checks
    from kb.knowledge.base import load_knowledge_base
    from kb.checks.waivers import apply_waivers

    try:
        kb = load_knowledge_base(Path(path))
        results = apply_waivers(kb, run_checks(kb, select=select, ignore=ignore))
    except KbError as exc:
        return path, None, str(exc)
    return path, [(r.rule.code, r.findings, r.crashed) for r in results], None


def _rebuild(path: str, plain, error) -> PolicyReport:
    from kb.checks import Result, all_rules

    if plain is None:
        return PolicyReport(path, (), error)
    rules = {r.code: r for r in all_rules()}
    return PolicyReport(path, tuple(Result(rules[code], findings, crashed) for code, findings, crashed in plain))


def check_policies(paths: list[Path], select=None, ignore=None, workers: int | None = None) -> list[PolicyReport]:
    """Reports in the order of ``paths``; ``workers`` defaults to the CPU count for large batches."""
    jobs = [str(p) for p in paths]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(jobs) < PARALLEL_FROM or workers <= 1:
        return [_rebuild(*_check_one(p, select, ignore)) for p in progress(jobs, "checking", unit="policy")]
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(jobs) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = pool.map(_check_one, jobs, [select] * len(jobs), [ignore] * len(jobs), chunksize=chunk)
        return [_rebuild(*item) for item in progress(done, "checking", total=len(jobs), unit="policy")]
