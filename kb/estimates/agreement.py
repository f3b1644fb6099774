"""Do one trial's numbers agree wherever the text gives them? Pure functions from records to issues.

Each number a trial's description gives for its size is a *witness*: a total
("a trial of 300 patients"), the sum of arm sizes printed without a total
("the Kiva group included 153 patients and the KP group 147"), the
``n_randomized`` of its row in ``studies.csv``. Witnesses of one trial are
grouped by a key the caller gives (the study, or the one primary paper a
sentence cites); witnesses without a key are never compared.

- ``paragraph_issues``: a total and the arms in *other* sentences of the same
  paragraph (EST304; a total and arms in one sentence are EST301's).
- ``study_issues``: the paragraphs' sizes against each other and against
  ``studies.csv``; a count followed up that exceeds the size; a percentage
  of participants that does not match count / size (EST305).

When two of three witnesses agree the third is named as the odd one out and
the agreeing value is suggested; with two that disagree both places are named.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .model import decimals, half_unit
from .trial_links import TrialNumber


@dataclass(frozen=True)
class Witness:
    value: int
    line: int  # policy line; 0 for studies.csv
    what: str  # "the total 300", "the arms 153 + 147", "studies.csv line 14 (n_randomized)"
    paragraph: int | None = None
    arms: tuple[tuple[str, int], ...] = ()
    citations: tuple[int, ...] = ()
    sure: bool = True  # tied by a marker in its sentence or paragraph (not only by the paragraph above)


@dataclass(frozen=True)
class Disagreement:
    code: str
    severity: str
    line: int
    message: str
    suggestion: str
    citations: tuple[int, ...] = ()


def witness_of(n: TrialNumber) -> Witness:
    what = f"the total {n.text}" if n.kind == "total" else f"the arms {n.text} (= {n.value})"
    return Witness(n.value, n.line, what, n.paragraph, n.arms, n.citations, n.cited_in != "adjacent")


def _place(w: Witness) -> str:
    return w.what if not w.line else f"{w.what} (line {w.line})"


def _arms_hint(w: Witness, size: int) -> str:
    if len(w.arms) != 2:
        return ""
    (ta, a), (tb, b) = w.arms
    if size - a <= 0 or size - b <= 0:
        return ""
    return f"; with {size} in all the arms would be {ta} and {size - a}, or {size - b} and {tb}"


def _judge(witnesses: list[Witness], code: str, severity: str, subject: str) -> Disagreement | None:
    """One finding if the witnesses disagree: the odd one out when all others agree, else the two places."""
    values = Counter(w.value for w in witnesses)
    if len(values) < 2:
        return None
    common, votes = values.most_common(1)[0]
    odd = [w for w in witnesses if w.value != common]
    agree = [w for w in witnesses if w.value == common]
    cites = tuple(dict.fromkeys(n for w in witnesses for n in w.citations))
    if votes >= 2 and len(odd) == 1:
        w = odd[0]
        where = w.line or next((a.line for a in agree if a.line), 0)
        return Disagreement(code, severity, where,
                            f"{subject}: {_place(w)} disagrees with {' and '.join(_place(a) for a in agree)}, "
                            f"which agree on {common}",
                            f"{_place(w)} is the odd one out: {common} would make them agree"
                            f"{_arms_hint(w, common)}; verify in the source", cites)
    if len(witnesses) == 2:
        first, second = sorted(witnesses, key=lambda w: (w.line == 0, w.line))
        line = max(first.line, second.line)
        arms = next((w for w in (first, second) if w.arms), None)
        other = second if arms is first else first
        hint = _arms_hint(arms, other.value) if arms else ""
        return Disagreement(code, severity, line,
                            f"{subject}: {_place(first)} and {_place(second)} disagree",
                            f"one of them is wrong: {first.value} or {second.value}{hint}; verify in the source",
                            cites)
    listed = ", ".join(_place(w) for w in witnesses)
    return Disagreement(code, severity, max(w.line for w in witnesses), f"{subject}: {listed} do not agree",
                        "verify the trial's size and arms in the source", cites)


def paragraph_issues(numbers: list[TrialNumber], key, more_groups=lambda n: False) -> list[Disagreement]:
    """A total and arm sizes from other sentences of its paragraph, tied by ``key(number)``, that disagree."""
    groups: dict = {}
    for n in numbers:
        k = key(n)
        if k is not None and n.kind in ("total", "arms") and n.cited_in in ("sentence", "paragraph"):
            groups.setdefault((n.paragraph, k), []).append(n)
    out = []
    for (_, k), found in groups.items():
        totals = [n for n in found if n.kind == "total"]
        arms = [n for n in found if n.kind == "arms"]
        if not totals or not arms or any(more_groups(n) for n in found):
            continue
        if len({n.sentence_index for n in found}) < 2:
            continue
        issue = _judge([witness_of(n) for n in found], "EST304", "warning", f"the paragraph's trial [{k}]")
        if issue:
            out.append(issue)
    return out


def agreed_size(witnesses: list[Witness]) -> Witness | None:
    """The size every witness gives, or None when they disagree or there are none."""
    values = {w.value for w in witnesses}
    return witnesses[0] if len(values) == 1 else None


def share_issue(n: TrialNumber, size: Witness, subject: str, severity: str) -> Disagreement | None:
    """A followed count printed with its percentage, against the trial's size."""
    if not n.percent_text or not size.value:
        return None
    percent = float(n.percent_text.rstrip("%"))
    exact = 100 * n.value / size.value
    scale = 10 ** decimals(n.percent_text)
    truncated = math.floor(exact * scale + 1e-9) / scale
    if abs(exact - percent) <= half_unit(n.percent_text) + 1e-9 or abs(truncated - percent) < 1e-9:
        return None
    return Disagreement("EST305", severity, n.line,
                        f"{subject}: {n.text} at line {n.line} is {exact:.1f}% of the {size.value} in the trial "
                        f"({_place(size)}), not {n.percent_text}",
                        f"if {size.value} is the trial's size, the count for {n.percent_text} would be about "
                        f"{round(percent * size.value / 100)}; verify the count, the percentage and the "
                        "denominator in the source", n.citations)


def followed_issue(n: TrialNumber, size: Witness, subject: str, severity: str) -> Disagreement | None:
    if n.value <= size.value:
        return None
    return Disagreement("EST305", severity, n.line,
                        f"{subject}: {n.text} followed up at line {n.line} is more than the {size.value} in the "
                        f"trial ({_place(size)})",
                        "a count followed up cannot exceed the number randomized; verify both in the source",
                        n.citations)


def study_issues(numbers: list[TrialNumber], table: Witness | None, subject: str,
                 judged=frozenset()) -> list[Disagreement]:
    """One trial's sizes across paragraphs and ``studies.csv``; its follow-up counts and shares against them.

    ``judged`` holds (line, count as printed) of percentages EST302 already checked against a printed or
    paragraph denominator; they are not checked twice.
    """
    by_paragraph: dict = {}
    for n in numbers:
        if n.kind in ("total", "arms"):
            by_paragraph.setdefault(n.paragraph, []).append(witness_of(n))
    # A paragraph whose own numbers disagree is EST304's (or EST301's); it is no witness here.
    witnesses = [w for w in (agreed_size(ws) for ws in by_paragraph.values()) if w is not None]
    everyone = witnesses + ([table] if table is not None else [])
    severity = "warning" if all(w.sure for w in witnesses) else "info"
    out = []
    if witnesses and len(everyone) >= 2:
        issue = _judge(everyone, "EST305", severity, subject)
        if issue:
            out.append(issue)
    size = agreed_size(everyone)
    if size is None:
        return out
    for n in numbers:
        if n.kind != "followed":
            continue
        level = "warning" if size.sure and n.cited_in != "adjacent" else "info"
        issue = followed_issue(n, size, subject, level)
        if issue is None and (n.line, n.text.split(" (")[0]) not in judged:
            issue = share_issue(n, size, subject, level)
        if issue:
            out.append(issue)
    return out
