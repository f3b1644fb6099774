"""The parsed policy joined with its curated tables, with the lookups every stage needs."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kb.sources.kinds import classify
from kb.knowledge.curated import Curated, load_curated
from kb.knowledge.graph import build_graph
from kb.errors import KbError
from kb.io import read_text
from kb.read.model import CitationMarker, PolicyDocument, ReferenceEntry, Sentence
from kb.read.parse_policy import parse_policy

ESTIMATES_TABLE = "estimates.csv"  # beside the policy: reviewed additions and corrections of its estimates


@dataclass(frozen=True)
class KnowledgeBase:
    doc: PolicyDocument
    curated: Curated = field(default_factory=Curated)

    @property
    def path(self) -> str:
        return self.doc.path

    @cached_property
    def references(self) -> dict[int, ReferenceEntry]:
        """By number; the first entry wins when a number is listed twice."""
        out: dict[int, ReferenceEntry] = {}
        for entry in self.doc.references:
            out.setdefault(entry.number, entry)
        return out

    @cached_property
    def kinds(self) -> dict[int, tuple[str, str]]:
        """Reference number -> (kind, why), curated overrides first."""
        out = {}
        for number, entry in self.references.items():
            override = self.curated.kinds.get(number)
            out[number] = (override.kind, f"reviewed: {override.reason}") if override else classify(entry)
        return out

    def kind(self, number: int) -> str | None:
        return self.kinds.get(number, (None, ""))[0]

    @cached_property
    def markers_by_number(self) -> dict[int, list[CitationMarker]]:
        out: dict[int, list[CitationMarker]] = defaultdict(list)
        for marker in self.doc.markers:
            for n in dict.fromkeys(marker.numbers):
                out[n].append(marker)
        return dict(out)

    @cached_property
    def cited(self) -> set[int]:
        return set(self.markers_by_number)

    @cached_property
    def uncited(self) -> list[int]:
        return sorted(n for n in self.references if n not in self.cited)

    def sentence_of(self, marker: CitationMarker) -> Sentence | None:
        if marker.sentence_index is None:
            return None
        return self.doc.sentences[marker.sentence_index]

    @cached_property
    def statements(self) -> dict:
        return {s.id: s for s in self.doc.statements}

    @cached_property
    def sections(self) -> dict:
        return {s.id: s for s in self.doc.sections}

    @cached_property
    def graph(self):
        """The evidence graph, built once on first use (networkx is imported only then)."""
        return build_graph(self)

    @cached_property
    def evidence(self):
        """Studies, inclusions and supports (kb.evidence.index), read from the curated tables and the text."""
        from kb.evidence.index import build_index

        return build_index(self)

    @cached_property
    def estimate_corrections(self) -> list[tuple[int, dict]]:
        """The rows of estimates.csv beside the policy, read and validated once (KbError when malformed)."""
        folder = getattr(self.curated, "folder", None)
        table = folder / ESTIMATES_TABLE if folder is not None else None
        if table is None or not table.is_file():
            return []
        from kb.estimates.curated import read_curated

        return read_curated(table, self)

    @cached_property
    def effect_estimates(self):
        """Reported estimates, arm sizes, counts and I² (kb.estimates), extracted on first use."""
        from kb.estimates import build

        return build(self)

    @cached_property
    def pubmed(self):
        """The entries judged against the PubMed records in the policy folder (``kb.pubmed.library``), or None."""
        if not self.curated.pubmed_files:
            return None
        from kb.pubmed.library import check_entries

        return check_entries(self.doc.references, self.curated.pubmed_files)

    def metadata(self, key: str) -> str | None:
        """Provenance first (reviewed), then what the text itself says."""
        prov = {"effective": "effective_date", "next_review": "next_review", "title": "title"}
        return self.curated.provenance.get(prov.get(key, key)) or self.doc.metadata.get(key)


def build_knowledge_base(doc: PolicyDocument, curated: Curated | None = None) -> KnowledgeBase:
    return KnowledgeBase(doc, curated or Curated())


def load_policy(path: Path | str, *, require_references: bool = True) -> PolicyDocument:
    """Read and parse a policy file; a file with no reference list is an input error."""
    text = read_text(path, "policy file")
    doc = parse_policy(text, str(path))
    if require_references and not doc.references:
        problem = next((p for p in doc.problems if p.kind in ("no-reference-list", "empty-reference-list")), None)
        raise KbError(problem.message if problem else "the policy has no reference list", str(path),
                      problem.line if problem and problem.line > 1 else None)
    return doc


def load_knowledge_base(path: Path | str, *, require_references: bool = True) -> KnowledgeBase:
    doc = load_policy(path, require_references=require_references)
    kb = build_knowledge_base(doc, load_curated(Path(path)))
    kb.evidence  # noqa: B018 - a malformed evidence table is an input error now, not a crashed check later
    kb.estimate_corrections  # noqa: B018 - and so is a malformed estimates.csv (the estimates are extracted later)
    return kb
