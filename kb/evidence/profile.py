"""The evidence profile of a criterion: what supports it, how much is randomized, how many patients, how old.

Counting rules (documented in the README):

- references: every reference on a support path of the criterion (cited in a
  mapped rationale section, or linked in supports.csv), by kind;
- studies: the studies those references report, the studies the reviews and
  guidelines among them pool (includes edges, followed through), and studies
  the mapped sections describe without a citation. A trial is counted once
  however many of its reports and reviews are on the path;
- randomized patients: the sum of ``n_randomized`` over the distinct
  randomized studies; studies whose size the policy does not give are listed
  in ``patients_unknown`` rather than guessed;
- years: publication years of the supporting references; undated entries are
  listed, not counted;
- guidelines: guideline references linked with stance ``agrees``;
- a criterion with no evidence of its own inherits its nearest ancestor's
  profile (``inherited_from``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from kb.sources.kinds import GUIDELINE, KINDS
from kb.ids import node_key


@dataclass(frozen=True)
class EvidenceProfile:
    id: str
    text: str
    inherited_from: str | None  # None: the criterion has evidence of its own
    references: tuple[int, ...]
    references_by_kind: tuple[tuple[str, tuple[int, ...]], ...]
    studies: tuple[str, ...]
    randomized_trials: int
    sham_controlled_trials: int
    randomized_patients: int
    patients_unknown: tuple[str, ...]  # randomized studies whose size the policy does not give
    newest_year: int | None
    median_year: float | None
    undated: tuple[int, ...]
    guidelines: tuple[int, ...]  # guidelines that agree
    guidelines_disagreeing: tuple[int, ...]
    sections: tuple[str, ...]  # rationale sections on the path
    links: tuple[tuple[str, str, str], ...] = ()  # (section or evidence node, origin, reason): curated or proposed

    @property
    def has_evidence(self) -> bool:
        return bool(self.references or self.studies)

    def as_dict(self) -> dict:
        median = self.median_year
        return {
            "id": self.id, "text": self.text, "inherited_from": self.inherited_from,
            "references": list(self.references),
            "references_by_kind": {k: list(v) for k, v in self.references_by_kind},
            "studies": list(self.studies),
            "randomized_trials": self.randomized_trials,
            "sham_controlled_trials": self.sham_controlled_trials,
            "randomized_patients": self.randomized_patients,
            "patients_unknown": list(self.patients_unknown),
            "newest_year": self.newest_year,
            "median_year": int(median) if median is not None and median == int(median) else median,
            "undated_references": list(self.undated),
            "guidelines": list(self.guidelines),
            "guidelines_disagreeing": list(self.guidelines_disagreeing),
            "sections": list(self.sections),
            "links": [{"to": to, "origin": origin, "reason": reason} for to, origin, reason in self.links],
        }

    @property
    def proposed(self) -> bool:
        """Whether any link behind the profile was proposed from the text rather than reviewed."""
        return any(origin == "proposed" for _, origin, _ in self.links)


def _median(values: list[int]) -> float | None:
    if not values:
        return None
    mid = len(values) // 2
    return float(values[mid]) if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def profile_of(kb, statement_id: str) -> EvidenceProfile:
    statement = kb.statements[statement_id]
    source = kb.evidence.source_of(statement_id)
    return replace(_source_profile(kb, source), id=statement.id, text=statement.text,
                   inherited_from=source if source not in (None, statement_id) else None)


def _source_profile(kb, source: str | None) -> EvidenceProfile:
    """The profile of the evidence of ``source`` (id and text left blank), built once per knowledge base:
    the items of a criterion inherit its evidence, and each would otherwise walk the same thousands of
    supports again."""
    from kb.sources.citing import memo

    built = memo(kb, "_evidence_profiles", lambda _: {})
    if source not in built:
        built[source] = _evidence_profile(kb, source)
    return built[source]


def _evidence_profile(kb, source: str | None) -> EvidenceProfile:
    index = kb.evidence
    supports = index.own_supports(source) if source else []
    refs = sorted({int(node_key(s.evidence)) for s in supports if s.evidence.startswith("ref:")})
    study_ids: set[str] = set()
    for evidence in dict.fromkeys(s.evidence for s in supports):  # a reference cited in many sentences: once
        study_ids |= index.studies_behind(evidence)
    studies = sorted(study_ids)
    randomized = [index.studies[s] for s in studies if index.studies[s].randomized]
    years = sorted(kb.references[n].year for n in refs if kb.references[n].year)
    stance = {(int(node_key(s.evidence))): s.stance for s in supports if s.evidence.startswith("ref:") and s.stance}
    kind = {n: kb.kind(n) for n in refs}
    by_kind = tuple((k, tuple(n for n in refs if kind[n] == k)) for k in KINDS)
    return EvidenceProfile(
        id="", text="", inherited_from=None,
        references=tuple(refs),
        references_by_kind=tuple((k, v) for k, v in by_kind if v),
        studies=tuple(studies),
        randomized_trials=len(randomized),
        sham_controlled_trials=sum(1 for s in randomized if s.sham_controlled),
        randomized_patients=sum(s.n_randomized or 0 for s in randomized),
        patients_unknown=tuple(s.id for s in randomized if s.n_randomized is None),
        newest_year=years[-1] if years else None,
        median_year=_median(years),
        undated=tuple(n for n in refs if not kb.references[n].year),
        guidelines=tuple(n for n in refs if kind[n] == GUIDELINE and stance.get(n) == "agrees"),
        guidelines_disagreeing=tuple(n for n in refs if kind[n] == GUIDELINE and stance.get(n) == "disagrees"),
        sections=tuple(dict.fromkeys(s.via for s in supports if s.via != "curated")),
        links=_links(index, source),
    )


def _links(index, source: str | None) -> tuple[tuple[str, str, str], ...]:
    """The criterion's section links (curated or proposed) and its single curated links, with reasons."""
    if source is None:
        return ()
    sections = [(link.section, "curated" if "statement_sections.csv" in index.tables.present else "proposed",
                 link.reason) for link in index.tables.sections if link.statement == source]
    single = [(s.evidence, "curated", s.reason) for s in index.own_supports(source) if s.via == "curated"]
    return tuple(dict.fromkeys(sections + single))


def profiles(kb) -> list[EvidenceProfile]:
    """Every criterion's profile, in outline order."""
    return [profile_of(kb, s.id) for s in kb.doc.statements]
