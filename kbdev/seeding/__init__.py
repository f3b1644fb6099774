"""Seeded-error runs: inject one known defect into a clean policy, run the checks, score.

A defect module in this package (``citations.py``, ``estimates.py`` ...)
defines ``INJECTORS``: a dict from a defect name to a function
``inject(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None``
(None when the policy offers no place for that defect). ``evaluate`` runs
every injector on every policy and counts, per defect type, how many were
injected, how many were found at their line by one of the expected codes,
and how many new findings appeared anywhere else (false alarms). A defect found
only by ``info`` findings counts as found and is also counted apart
(``found_at_info_only``): the editor sees it, but no finding calls it wrong.
"""
from __future__ import annotations

import importlib
import pkgutil
import random
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from kbdev.synthetic import SyntheticPolicy


@dataclass(frozen=True)
class Seeded:
    defect: str
    text: str  # the whole policy text, defect included
    lines: frozenset[int]  # where a finding is expected (any one of them counts)
    codes: frozenset[str]  # the codes (or code prefixes) that count as finding it
    # Lines where further findings are knock-on effects, neither a find nor a false alarm
    # (the entry a shifted marker no longer cites is, rightly, reported as uncited).
    consequences: frozenset[int] = frozenset()
    # Entry numbers a finding may name instead of standing at one of ``lines``: an entry added after an uncited last
    # one is reported in one finding with it, at the first of the run's lines.
    entries: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Score:
    defect: str
    injected: int
    found: int  # found at an expected line by an expected code
    false_alarms: int  # new findings (absent from the clean run) at other lines or with other codes
    # Of ``found``, those found only by info findings: shown to the editor, but not called wrong.
    found_at_info_only: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.injected if self.injected else 1.0


Injector = Callable[[SyntheticPolicy, random.Random], "Seeded | None"]


def all_injectors() -> dict[str, Injector]:
    """Every defect module's injectors, in module then definition order."""
    out: dict[str, Injector] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        out.update(getattr(module, "INJECTORS", {}))
    return out


def findings_of(text: str, path: str = "seeded.md") -> list:
    """Unwaived findings of every check on a policy text."""
    from kb.checks import run_checks
    from kb.knowledge.base import build_knowledge_base
    from kb.read.parse_policy import parse_policy
    from kb.outputs.report import flatten

    return flatten(run_checks(build_knowledge_base(parse_policy(text, path))))


_ENTRY_NUMBER = re.compile(r"^\s*\d+[.)]\s+")
_DIGITS = re.compile(r"\d+")
_MARKERS = re.compile(r"<sup>[^<]*</sup>|\[[\d\s,;\-\u2013]+\]")


def _line_text(lines: list[str], line: int) -> str:
    """A line as a reader sees it with the reference numbers taken out (they move with renumbering)."""
    text = lines[line - 1] if 1 <= line <= len(lines) else ""
    return " ".join(_MARKERS.sub(" ", _ENTRY_NUMBER.sub("", text)).split())


def _loose(f, lines: list[str]) -> tuple:
    return f.code, _line_text(lines, f.line), _DIGITS.sub("#", f.message)


def new_findings(clean: list, clean_lines: list[str], seeded: list, lines: list[str]) -> list:
    """Findings of the seeded run that the clean run did not have.

    A seeded defect renumbers entries or edits a marker, so a finding the clean
    run had may come back on another line with other numbers in its message
    ("reference 27" now "reference 26"). It is the same finding if it has the same
    code, line and message, or else the same code and message but for its digits on
    the same text (markers and entry numbers taken out). The second kind is
    counted, so a second such finding on one line is still new.
    """
    exact = {(f.code, f.line, f.message) for f in clean}
    seeded_exact = {(f.code, f.line, f.message) for f in seeded}
    budget = Counter(_loose(f, clean_lines) for f in clean if (f.code, f.line, f.message) not in seeded_exact)
    new = []
    for f in seeded:
        if (f.code, f.line, f.message) in exact:
            continue
        key = _loose(f, lines)
        if budget[key] > 0:
            budget[key] -= 1
            continue
        new.append(f)
    return new


def matches(f, seeded: Seeded) -> bool:
    at = f.line in seeded.lines or bool(seeded.entries & set(f.citations))
    return at and any(f.code.startswith(c) for c in seeded.codes)


def evaluate(policies: Iterable[tuple[SyntheticPolicy, str]], injectors: dict[str, Injector] | None = None,
             seed: int = 0) -> list[Score]:
    """Score each injector over ``(policy, clean text)`` pairs."""
    injectors = injectors if injectors is not None else all_injectors()
    counts: dict[str, Counter] = {name: Counter() for name in injectors}
    for policy, clean_text in policies:
        clean_lines = clean_text.split("\n")
        clean = findings_of(clean_text)
        for name, inject in injectors.items():
            seeded = inject(policy, random.Random(f"{seed}:{policy.seed}:{name}"))
            if seeded is None:
                continue
            new = new_findings(clean, clean_lines, findings_of(seeded.text), seeded.text.split("\n"))
            hits = [f for f in new if matches(f, seeded)]
            counts[name]["injected"] += 1
            counts[name]["found"] += bool(hits)
            counts[name]["info_only"] += bool(hits) and all(f.severity == "info" for f in hits)
            counts[name]["false_alarms"] += sum(1 for f in new if not matches(f, seeded)
                                                and f.line not in seeded.consequences)
    return [Score(name, c["injected"], c["found"], c["false_alarms"], c["info_only"]) for name, c in counts.items()]


def table(scores: list[Score]) -> str:
    """The scores as a Markdown table (README and the site's method page)."""
    rows = ["| defect | injected | found at its line | recall | false alarms |",
            "| --- | ---: | ---: | ---: | ---: |"]
    for s in scores:
        rows.append(f"| {s.defect} | {s.injected} | {s.found} | {s.recall:.0%} | {s.false_alarms} |")
    total = Score("all", sum(s.injected for s in scores), sum(s.found for s in scores),
                  sum(s.false_alarms for s in scores))
    rows.append(f"| **all** | {total.injected} | {total.found} | {total.recall:.0%} | {total.false_alarms} |")
    return "\n".join(rows) + "\n"
