"""How well ``kb estimates`` reads what a trial found, against doctors' labels it never saw.

The labelled data is the public Evidence Inference corpus (jayded/evidence-inference; DeYoung et al., 2020):
for a prompt (an article, an outcome, an intervention and a comparator) doctors chose "significantly
increased", "significantly decreased" or "no significant difference" and marked the words that show it. Each
drawn article is converted with ``kb.importers.convert`` (what ``kb import jats`` runs), read with the normal
loader into a temporary folder, and its estimates taken from ``kb.estimates.estimates_of`` (what ``kb
estimates`` lists). Every valid prompt whose marked words hold an interval estimate is scored:

- **recall**: we read an estimate whose numbers (estimate, then both bounds) lie in the marked words;
- **significance**: that row's interval excludes the null (1 for ratios, 0 for differences) exactly when the
  doctors' label is significant; rows on no ratio or difference scale are counted apart;
- **direction** (significant labels only): where the row's comparison names two treatments that the prompt's
  intervention and comparator words can be told apart by, the sign turned to intervention vs comparator agrees
  with increased / decreased (a hazard ratio on a survival or time-to-event outcome counts the other way: fewer
  events is longer survival); "could not orient" is counted apart (unknown is honest, wrong is bad);
- **outcome**: the row's outcome matches the prompt's outcome words (the vocabulary's words for it occur in them,
  or they share a word), names another outcome, or is empty.

Spans are matched by their text with whitespace, dashes and decimal points normalised, never by the corpus'
offsets (they refer to its own article reader's text). Prompts the corpus lists as incorrect are dropped.
"""
from __future__ import annotations

import csv
import io
import random
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ANNOTATIONS = ("annotations/annotations_merged.csv", "annotations/v2_annotations.csv")
PROMPTS = "annotations/prompts_merged.csv"
XML = "annotations/xml_files/PMC{}.nxml"
# annotations/README.md, "Caveat: Incorrect": obviously wrong prompts, not to be used.
INCORRECT = frozenset(int(n) for n in """
911 912 1262 1261 3044 3248 3111 3620 4308 4490 4491 4324 4325 4492 4824 5000 5001 5002 5046 5047 4948 5639 5710
5752 5775 5782 5841 5843 5861 5862 5863 5964 5965 5966 5975 4807 5776 5777 5778 5779 5780 5781 6034 6065 6066 6666
6667 6668 6669 7040 7042 7944 8590 8605 8606 8639 8640 8745 8747 8749 8877 8878 8593 8631 8635 8884 8886 8773 10032
10035 8876 8875 8885 8917 8921 8118 10885 10886 10887 10888 10889 10890""".split())
LABELS = {"significantly increased": 1, "significantly increase": 1, "significantly decreased": -1,
          "no significant difference": 0}
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


# ---- the corpus -------------------------------------------------------------------------------------------

def _git_show(repo: Path, path: str) -> bytes | None:
    done = subprocess.run(["git", "-C", str(repo), "show", f"HEAD:{path}"], capture_output=True)
    return done.stdout if done.returncode == 0 and done.stdout else None


class Source:
    """A folder holding ``annotations/`` or a bare git mirror of the repository (read with ``git show``)."""

    def __init__(self, where: Path):
        self.where = Path(where)
        self.git = not (self.where / "annotations").is_dir()

    def read(self, path: str) -> bytes | None:
        if self.git:
            return _git_show(self.where, path)
        p = self.where / path
        return p.read_bytes() if p.is_file() else None

    def csv(self, path: str) -> list[dict] | None:
        data = self.read(path)
        if data is None:
            return None
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig", errors="replace"))))


def load_prompts(source: Source) -> dict[str, list[Prompt]]:
    """Valid prompts whose evidence holds an interval, by PMCID. The merged annotations when the copy has
    them (a mirror may lack the large file), else the second release's."""
    answers = None
    for name in ANNOTATIONS:
        answers = source.csv(name)
        if answers:
            break
    if not answers:
        raise FileNotFoundError("no annotations file (annotations_merged.csv or v2_annotations.csv) found")
    prompts = {r["PromptID"]: r for r in source.csv(PROMPTS) or ()}
    by_prompt: dict[str, list[dict]] = {}
    for a in answers:
        label = LABELS.get(a["Label"].strip().lower())
        valid = a.get("Valid Label", "1") in ("1", "True") and a.get("Valid Reasoning", "1") in ("1", "True")
        if label is None or not valid or not a["PromptID"].isdigit() or int(a["PromptID"]) in INCORRECT:
            continue
        by_prompt.setdefault(a["PromptID"], []).append(a)
    out: dict[str, list[Prompt]] = {}
    for pid, rows in sorted(by_prompt.items(), key=lambda kv: int(kv[0])):
        p = prompts.get(pid)
        labels = {LABELS[r["Label"].strip().lower()] for r in rows}
        if p is None or len(labels) != 1:  # doctors who disagree give no label to score against
            continue
        spans = tuple(dict.fromkeys(r["Annotations"] for r in rows if has_interval(r["Annotations"])))
        if spans:
            out.setdefault(p["PMCID"], []).append(Prompt(int(pid), p["PMCID"], p["Outcome"], p["Intervention"],
                                                         p["Comparator"], labels.pop(), spans))
    return out


def excluded_pmcids(folders) -> set[str]:
    """PMC numbers of the files in earlier corpus folders (file names and their SOURCES.md)."""
    out: set[str] = set()
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        out |= {m.group(1) for p in folder.iterdir() for m in [re.match(r"PMC(\d+)", p.name)] if m}
        sources = folder / "SOURCES.md"
        if sources.is_file():
            out |= set(re.findall(r"PMC(\d+)", sources.read_text(encoding="utf-8", errors="replace")))
    return out


def _plos(data: bytes) -> bool:
    """A PLOS article (PLOS Medicine is held out): told from the journal-meta and DOI before anything else."""
    head = data[:6000].decode("utf-8", errors="replace")
    return "10.1371/" in head or bool(re.search(r"<journal-title>\s*PLo?S", head, re.I))


def draw(source: Source, prompts: dict[str, list[Prompt]], seed: int, exclude: set[str]):
    """(PMCID, XML bytes) of the candidate articles in a seeded random order (``random.Random(seed).shuffle``
    of the sorted PMC numbers), leaving out excluded PMC numbers and PLOS files; the caller takes as many as
    it measures."""
    candidates = sorted(set(prompts) - exclude, key=int)
    random.Random(seed).shuffle(candidates)
    for pmcid in candidates:
        data = source.read(XML.format(pmcid))
        if data is not None and not _plos(data):
            yield pmcid, data


def run(source: Source, limit: int, seed: int, exclude: set[str], on_result=None) -> list[ArticleScore]:
    """Measure drawn articles until ``limit`` were measured; articles the importer refuses (no reference
    list) are kept in the results as skipped but do not count toward the limit."""
    prompts = load_prompts(source)
    results: list[ArticleScore] = []
    measured = 0
    for pmcid, data in draw(source, prompts, seed, exclude):
        if measured >= limit:
            break
        r = measure_safely(pmcid, data, prompts[pmcid])
        results.append(r)
        measured += not r.skipped
        if on_result:
            on_result(r)
    return results


# ---- scoring ----------------------------------------------------------------------------------------------

def numbers_at(e, span: str) -> int | None:
    """Where the estimate, then both bounds, lie within a short stretch of the span, or None. A row whose
    estimate was not read (an interval alone) never matches: it reports no result."""
    texts = [norm(t).lstrip("+") for t in (e.estimate_text, e.ci_low_text, e.ci_high_text)]
    if not texts[0]:
        return None
    at, first = 0, None
    for i, t in enumerate(texts):
        num = re.escape(t.rstrip("%"))
        m = re.compile(rf"(?<![\d.]){num}(?![\d])").search(span, at)
        if not m or (i and m.start() - at > 90):
            return None
        first = m.start() if first is None else first
        at = m.end()
    return first


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(norm(text).lower()) if w not in _STOP and len(w) > 2}


_TIME = re.compile(r"\b(\d+)\s*(?:-|\s)?(?:day|week|month|year|h\b|hour)", re.I)


def _times(text: str) -> set[str]:
    """The time points a text names ("at 6 months" -> {"6"}): they tell apart one outcome's results over time."""
    return set(_TIME.findall(norm(text)))


def match_row(estimates, spans, outcome: str = "") -> object | None:
    """Our estimate whose numbers lie in one of the evidence spans. Where several do ("at 6 months (OR ...) but
    not at 12 months (OR ...)"), the one whose own words (the span's text since the previous estimate) name the
    prompt's time point, then share most words with its outcome, then the one whose sentence is most like the span
    (shared words over all words: a table holding the same numbers is less like it than the sentence)."""
    best, best_key = None, None
    wanted = _words(outcome)
    for span in spans:
        plain = norm(span)
        words = _words(plain)
        placed = sorted((at, i) for i, e in enumerate(estimates) for at in [numbers_at(e, plain)] if at is not None)
        starts = sorted({at for at, _ in placed})
        for at, i in placed:
            k = starts.index(at)  # rows at the same place (a sentence and a table holding its numbers) share words
            own = plain[starts[k - 1] + 1 if k else 0:at]
            quote = _words(estimates[i].quote)
            key = (len(_times(outcome) & _times(own)), len(wanted & _words(own)),
                   len(words & quote) / (len(words | quote) or 1))
            if best_key is None or key > best_key:
                best, best_key = estimates[i], key
    return best


_TAG = re.compile(r"\b(?:group|arm)\s+([a-z]|[ivx]{1,4}|\d)\b", re.I)


def _tags(text: str) -> set[str]:
    """Lettered or numbered groups a text names ("group A", "Group III")."""
    return {t.lower() for t in _TAG.findall(norm(text))}


def _which(name: str, a: str, b: str) -> str | None:
    """'a' or 'b': the side of the row's comparison the prompt's words name (by a group's letter, else by shared
    words), if clear."""
    tags = _tags(name)
    ta, tb = bool(tags & _tags(a)), bool(tags & _tags(b))
    if ta != tb:
        return "a" if ta else "b"
    w = _words(name)
    sa, sb = len(w & _words(a)), len(w & _words(b))
    if sa > sb:
        return "a"
    if sb > sa:
        return "b"
    return None


_TIME_TO_EVENT = re.compile(r"surviv|time to|\bfree\b|duration", re.I)


def orient(e, prompt: Prompt) -> tuple[int | None, str]:
    """+1 / -1: the sign of intervention vs comparator on the row's scale; None when it cannot be told."""
    parts = e.comparison.split(" vs ") if e.comparison else []
    if len(parts) != 2 or not all(parts):
        return None, "no comparison read"
    a, b = parts
    side_i, side_c = _which(prompt.intervention, a, b), _which(prompt.comparator, a, b)
    if side_i is None and side_c is None:
        return None, f"'{e.comparison}' names neither prompt arm"
    if side_i == side_c:
        return None, f"'{e.comparison}': both prompt arms read as one side"
    first = (side_i == "a") if side_i else (side_c == "b")
    sign = 1 if e.estimate > e.null else -1
    if e.measure == "HR" and _TIME_TO_EVENT.search(prompt.outcome):
        sign = -sign  # a hazard ratio below 1 lengthens the time to the event: "survival" increased
    return (sign if first else -sign), ""


def outcome_score(e, prompt: Prompt) -> str:
    from kb.estimates.vocabulary import outcome_word

    if not e.outcome:
        return "empty"
    word = outcome_word(e.outcome)  # the vocabulary's words for it, wherever the prompt names them
    if (word and word.pattern.search(prompt.outcome)) or _words(e.outcome) & _words(prompt.outcome):
        return "match"
    return "other"


def score_prompt(estimates, prompt: Prompt) -> PromptScore:
    e = match_row(estimates, prompt.spans, prompt.outcome)
    if e is None:
        return PromptScore(prompt, False)
    row = {"measure": e.measure, "estimate": e.estimate_text, "ci": f"{e.ci_low_text} to {e.ci_high_text}",
           "comparison": e.comparison, "outcome": e.outcome, "line": e.line, "quote": e.quote}
    outcome = outcome_score(e, prompt)
    if e.null is None:
        return PromptScore(prompt, True, row, "no null", "n/a", outcome=outcome)
    excludes = not (min(e.ci_low, e.ci_high) <= e.null <= max(e.ci_low, e.ci_high))
    significance = "right" if excludes == (prompt.label != 0) else "wrong"
    if prompt.label == 0 or not excludes:
        return PromptScore(prompt, True, row, significance, "n/a", outcome=outcome)
    sign, why = orient(e, prompt)
    if sign is None:
        return PromptScore(prompt, True, row, significance, "could not orient", why, outcome)
    return PromptScore(prompt, True, row, significance, "right" if sign == prompt.label else "wrong", "", outcome)


def measure(pmcid: str, data: bytes, prompts: list[Prompt]) -> ArticleScore:
    from kb.errors import KbError
    from kb.estimates import estimates_of
    from kb.importers import convert
    from kb.knowledge.base import load_knowledge_base
    from kbdev.corpus_accuracy import write_policy

    name = f"PMC{pmcid}.nxml"
    try:
        converted = convert(data, name, "jats")
        with tempfile.TemporaryDirectory(prefix="kb-evidence-") as tmp:
            kb = load_knowledge_base(write_policy(Path(tmp) / f"PMC{pmcid}", converted))
            estimates = estimates_of(kb).estimates
    except KbError as exc:
        return ArticleScore(pmcid, skipped=str(exc))
    return ArticleScore(pmcid, len(estimates), tuple(score_prompt(estimates, p) for p in prompts))


def measure_safely(pmcid: str, data: bytes, prompts: list[Prompt]) -> ArticleScore:
    try:
        return measure(pmcid, data, prompts)
    except Exception as exc:  # noqa: BLE001 - the run goes on; the crash is counted and shown
        return ArticleScore(pmcid, crash=f"{type(exc).__name__}: {exc}")


# ---- reporting --------------------------------------------------------------------------------------------
