"""Checks: one rule, one code, one function from a knowledge base to findings.

A family module (``kb/checks/ref_entries.py`` for ``REF``, ``cit_markers.py`` for ``CIT`` ...)
defines rules with the ``@rule`` decorator and lists them in ``RULES``. The
registry below is an explicit ordered tuple of family modules; a rule's
docstring (What / Why / Example / Fix) becomes its documentation page.
"""
from __future__ import annotations

import importlib
import inspect
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from kb.read.model import SEVERITIES, Finding

# Family modules in report order. Add a module here when it exists.
FAMILIES: tuple[str, ...] = (
    "ref_numbering", "ref_entries", "ref_status", "ref_identity",
    "cit_markers", "cit_author_year", "cit_order", "cit_shifted", "cit_sources", "cit_coauthor", "cit_uncited",
    "cit_claims",
    "doc_xref", "doc_acronyms", "doc_text",
    "est", "est_trials", "evd", "pmd", "wvr",
)


@dataclass(frozen=True)
class Rule:
    code: str  # e.g. "CIT101"
    name: str  # e.g. "number-not-in-list"
    severity: str  # default severity of its findings
    func: Callable

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.name


def rule(code: str, name: str, severity: str):
    """Decorator: turn ``func(kb) -> Iterable[Finding]`` into a ``Rule``."""
    if severity not in SEVERITIES:
        raise ValueError(f"bad severity {severity!r}")

    def wrap(func):
        return Rule(code, name, severity, func)

    return wrap


@dataclass(frozen=True)
class Result:
    rule: Rule
    findings: tuple[Finding, ...]
    crashed: str | None = None  # "ValueError: ..." when the rule raised


def all_rules() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for family in FAMILIES:
        rules.extend(importlib.import_module(f"kb.checks.{family}").RULES)
    return tuple(rules)


def _selected(code: str, select: Iterable[str] | None, ignore: Iterable[str] | None) -> bool:
    """Prefix matching like ruff: 'CIT' selects every CIT rule, 'CIT1' the 1xx ones."""
    if select and not any(code.startswith(s) for s in select):
        return False
    return not (ignore and any(code.startswith(s) for s in ignore))


def run_checks(kb, select=None, ignore=None, rules=None) -> list[Result]:
    """Run every selected rule; a rule that raises becomes a crashed result.

    Except ``KbError``: a rule that reads a curated file on first use (estimates.csv,
    provenance.yaml) and finds it malformed has met bad input, which the CLI reports
    as such (one line, exit 2), not a broken rule.
    """
    from ..errors import KbError

    results = []
    for r in rules if rules is not None else all_rules():
        if not _selected(r.code, select, ignore):
            continue
        try:
            found = _once_per_line(sorted(r.func(kb), key=lambda f: (f.line, f.column or 0, f.code)))
            results.append(Result(r, found))
        except KbError:
            raise
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the report
            results.append(Result(r, (), f"{type(exc).__name__}: {exc}"))
    return results


def _once_per_line(found: list[Finding]) -> tuple[Finding, ...]:
    """Identical findings on one line become one that says how often: a paragraph is one line in an imported
    article, and a name misspelt twice in it is one thing for the editor to fix, at the first place."""
    counts = Counter((f.code, f.line, f.message) for f in found)
    out, seen = [], set()
    for f in found:
        key = (f.code, f.line, f.message)
        if key not in seen:
            seen.add(key)
            n = counts[key]
            times = _TIMES.get(n, f"{n} times")
            out.append(f if n == 1 else replace(f, message=f"{f.message} ({times} on this line)"))
    return tuple(out)


_TIMES = {2: "twice", 3: "three times"}


def finding(r: Rule, line: int, message: str, *, column=None, citations=(), suggestion=None,
            severity: str | None = None) -> Finding:
    """A finding of rule ``r`` (its default severity unless told otherwise)."""
    return Finding(code=r.code, severity=severity or r.severity, line=line, message=message,
                   column=column, citations=tuple(citations), suggestion=suggestion)
