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
from kbdev.evidence_data import (ArticleScore, Prompt, has_bare_interval, has_interval,  # noqa: F401
                                 norm, PromptScore)
from kbdev.evidence_scoring import (match_row, numbers_at, orient, outcome_score,  # noqa: F401 - the tests import them here
                                    score_prompt)


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


def load_prompts(source: Source, holds=has_interval) -> dict[str, list[Prompt]]:
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
        spans = tuple(dict.fromkeys(r["Annotations"] for r in rows if holds(r["Annotations"])))
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


def run(source: Source, limit: int, seed: int, exclude: set[str], on_result=None, only: set[str] | None = None,
        holds=has_interval) -> list[ArticleScore]:
    """Measure drawn articles until ``limit`` were measured; articles the importer refuses (no reference
    list) are kept in the results as skipped but do not count toward the limit. ``only``: just these PMC
    numbers (a recorded sample); ``holds``: which evidence counts (interval words, or a bare bracketed pair)."""
    prompts = load_prompts(source, holds)
    if only is not None:
        prompts = {k: v for k, v in prompts.items() if k in only}
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
