"""Remove a policy's reviewed tables (in a temporary copy), propose the links from the text, and
compare them with the reviewed ones.

Three comparisons, each as precision (proposed links the reviewed tables also
have) and recall (reviewed links the proposal found):

- **sections**: (criterion, rationale section) pairs against ``statement_sections.csv``;
- **evidence**: (criterion, reference) pairs on each criterion's own evidence
  path, against the path the reviewed tables give (sections and ``supports.csv``);
- **studies**: studies as sets of reports, against ``studies.csv``.

The policy folder itself is never touched: the copy is made under a temporary
folder and removed afterwards.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kb.knowledge.base import load_knowledge_base

REVIEWED = ("statement_sections.csv", "supports.csv", "studies.csv", "includes.csv", "kinds.csv",
            "estimates.csv", "stances.csv", "certainty.csv", "polarity.csv", "waivers.csv")


@dataclass(frozen=True)
class Score:
    what: str
    proposed: int
    reviewed: int
    agreed: int
    missed: tuple = ()
    extra: tuple = ()

    @property
    def precision(self) -> float | None:
        return self.agreed / self.proposed if self.proposed else None

    @property
    def recall(self) -> float | None:
        return self.agreed / self.reviewed if self.reviewed else None


def score(what: str, proposed: set, reviewed: set) -> Score:
    return Score(what, len(proposed), len(reviewed), len(proposed & reviewed),
                 tuple(sorted(reviewed - proposed, key=str)), tuple(sorted(proposed - reviewed, key=str)))


def _sections(kb) -> set:
    return {(link.statement, link.section) for link in kb.evidence.tables.sections}


def _evidence(kb) -> set:
    return {(s.statement, s.evidence) for s in kb.evidence.supports if s.evidence.startswith("ref:")}


def _studies(kb) -> set:
    return {tuple(sorted(s.references)) for s in kb.evidence.studies.values() if s.references}


def bare_copy(policy: Path, into: Path) -> Path:
    """A copy of the policy's folder without its reviewed tables; returns the copied policy file."""
    folder = into / policy.parent.name
    shutil.copytree(policy.parent, folder, ignore=shutil.ignore_patterns(*REVIEWED, "previous"))
    return folder / policy.name


def measure(policy: Path) -> tuple[list[Score], list[str]]:
    """The three scores, and the criteria the reviewed tables give evidence that the proposal leaves bare."""
    reviewed = load_knowledge_base(policy)
    with tempfile.TemporaryDirectory(prefix="policykb-links-") as tmp:
        bare = load_knowledge_base(bare_copy(policy, Path(tmp)))
        scores = [score("sections", _sections(bare), _sections(reviewed)),
                  score("evidence", _evidence(bare), _evidence(reviewed)),
                  score("studies", _studies(bare), _studies(reviewed))]
        discussed = {link.statement for link in reviewed.evidence.tables.sections}
        bare_ids = [s for s in sorted(discussed) if bare.evidence.source_of(s) is None]
    return scores, bare_ids


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def report(policy: Path, scores: list[Score], bare: list[str], verbose: bool = False) -> str:
    lines = [f"links proposed from the text of {policy} (its reviewed tables removed in a temporary copy), "
             "against the reviewed tables", "",
             f"{'links':<10} {'proposed':>9} {'reviewed':>9} {'agreed':>7} {'precision':>10} {'recall':>7}"]
    for s in scores:
        lines.append(f"{s.what:<10} {s.proposed:>9} {s.reviewed:>9} {s.agreed:>7} {_pct(s.precision):>10} "
                     f"{_pct(s.recall):>7}")
        if verbose:
            lines += [f"    missed: {m}" for m in s.missed] + [f"    extra:  {e}" for e in s.extra]
    lines += ["", "criteria the rationale discusses (reviewed) left without proposed evidence: "
              + (", ".join(bare) or "none")]
    return "\n".join(lines)
