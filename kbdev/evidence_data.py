"""Records and text helpers of the Evidence Inference measurement (kbdev.evidence_accuracy): a prompt, its
scores, and the normalisation both the corpus reader and the scorer use."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# An interval in the doctors' words, read independently of kb: interval wording and a pair of numbers.
_INTERVAL_WORDS = re.compile(r"\bCI\b|\bC\.I\.|confidence interval|credib\w* interval|\bUI\b|\bCrI\b", re.I)
_RANGE = re.compile(r"-?\d+(?:\.\d+)?\s*(?:to|-|,|;)\s*-?\d+(?:\.\d+)?")
_DASHES = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",
                         "\u00b7": ".", "\u2009": " ", "\u00a0": " ", "\u202f": " "})
_WORD = re.compile(r"[a-z][a-z0-9]+")
_STOP = frozenset("the and with for from that this were was are group groups patients all who after before "
                  "than those receiving received plus per dose doses daily day days during treatment".split())


@dataclass(frozen=True)
class Prompt:
    id: int
    pmcid: str
    outcome: str
    intervention: str
    comparator: str
    label: int  # 1 increased, -1 decreased, 0 no significant difference
    spans: tuple[str, ...]  # the doctors' evidence words, one per answer that holds an interval


@dataclass(frozen=True)
class PromptScore:
    prompt: Prompt
    read: bool  # an estimate of ours lies in the evidence words
    row: dict = field(default_factory=dict)  # the matched row's fields (measure, numbers, comparison, outcome)
    significance: str = ""  # right / wrong / no null (a row on no ratio or difference scale)
    direction: str = ""  # right / wrong / could not orient / n/a (no significant label or no excluded null)
    orient_note: str = ""
    outcome: str = ""  # match / other / empty


@dataclass(frozen=True)
class ArticleScore:
    pmcid: str
    estimates: int = 0
    prompts: tuple[PromptScore, ...] = ()
    skipped: str | None = None
    crash: str | None = None


def norm(text: str) -> str:
    """Whitespace collapsed, dashes and raised decimal points made plain, Markdown emphasis dropped."""
    text = (text or "").translate(_DASHES).replace("*", "").replace("_", " ")
    return " ".join(text.split())


def has_interval(span: str) -> bool:
    plain = norm(span)
    return bool(_INTERVAL_WORDS.search(plain) and _RANGE.search(plain))


# The second held-out sample (hevi2): evidence that names a ratio or difference with a bracketed number pair but
# prints no interval words ("OR 2.1 (1.3-3.4)"); the only agreed prompts left once every article with interval
# words was used for development or lies in a corpus folder.
_MEASURE_WORDS = re.compile(r"\b(?:OR|RR|HR|IRR|aOR|aHR|odds ratio|relative risk|risk ratio|hazard ratio|rate ratio|"
                            r"mean difference|difference)\b", re.I)
_BRACKETED_PAIR = re.compile(r"[(\[]\s*-?\d+(?:\.\d+)?\s*(?:to|-|,|;)\s*-?\d+(?:\.\d+)?\s*[)\]]")


def has_bare_interval(span: str) -> bool:
    plain = norm(span)
    return bool(_MEASURE_WORDS.search(plain) and _BRACKETED_PAIR.search(plain)) and not has_interval(span)
