"""The parsed policy, the curated tables and the facts read from the text, joined.

Plain dictionaries and frozen records: checks and ``kb evidence`` use this
index without importing networkx; ``kb.evidence.graph`` draws the same facts
as graph edges, so the two cannot disagree.

Supports, and how a criterion gets its evidence:

- a criterion mapped to a rationale section (``statement_sections.csv``) rests
  on every reference cited in that section or a section under it, and on every
  study the text describes there without a citation;
- ``supports.csv`` adds single pieces of evidence (and says whether a guideline
  agrees with the criterion);
- a criterion with neither inherits the evidence of its nearest ancestor
  that has some (I.A.3.a -> I.A.3 -> I.A -> I), because where the text does
  not discuss an item separately, the evidence for the item is the evidence for
  the whole indication.

Without the reviewed tables the links are proposed from the text alone
(``kb.evidence.proposal``): sections by the criteria's words when there is no
``statement_sections.csv``, studies bootstrapped in memory when there is no
``studies.csv``. A proposed support says so (``origin`` "proposed", with its
``reason``); a reviewed table, when present, wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

from kb.ids import ref_id as ref_node, study_id as study_node

from .records import EvidenceTables, Inclusion, Study
from .tables import STATEMENT_SECTIONS, STUDIES, load_evidence_tables


@dataclass(frozen=True)
class Support:
    statement: str
    evidence: str  # node id
    via: str  # the section that cites it, or "curated"
    stance: str
    line: int | None  # the policy line of the citation or of the curated link
    origin: str = "curated"  # curated (a reviewed table) or proposed (from the text alone)
    reason: str = ""  # why the link exists: the table's reason or the proposal's


@dataclass(frozen=True)
class EvidenceIndex:
    tables: EvidenceTables
    studies: dict = field(default_factory=dict, hash=False)  # id -> Study
    study_of_ref: dict = field(default_factory=dict, hash=False)  # number -> tuple of study ids
    supports: tuple[Support, ...] = ()
    parents: dict = field(default_factory=dict, hash=False)  # statement id -> parent id
    kb: object = field(default=None, compare=False, hash=False, repr=False)

    @cached_property
    def inclusions(self) -> tuple[Inclusion, ...]:
        """Text and curated inclusions, targets resolved to studies where known (read on first use:
        kb info never needs them)."""
        return _inclusions(self.kb, self.tables, self.study_of_ref) if self.kb is not None else self.tables.inclusions

    @cached_property
    def _by_statement(self) -> dict[str, list[Support]]:
        """Statement -> its supports, in order: asked for each criterion, a scan of every support (tens of
        thousands in a long policy) per question cost more than the profiles themselves."""
        out: dict[str, list[Support]] = {}
        for s in self.supports:
            out.setdefault(s.statement, []).append(s)
        return out

    def own_supports(self, statement: str) -> list[Support]:
        return list(self._by_statement.get(statement, ()))

    def source_of(self, statement: str) -> str | None:
        """The criterion whose evidence ``statement`` uses: itself, or its nearest ancestor with evidence."""
        current: str | None = statement
        while current is not None:
            if current in self._by_statement:
                return current
            current = self.parents.get(current)
        return None

    @cached_property
    def _included(self) -> dict[int, list[str]]:
        """Review number -> what it includes, in order (one pass, not one per question)."""
        out: dict[int, list[str]] = {}
        for i in self.inclusions:
            out.setdefault(i.review, []).append(i.target)
        return {review: list(dict.fromkeys(targets)) for review, targets in out.items()}

    def included_by(self, review: int) -> list[str]:
        return list(self._included.get(review, ()))

    def studies_behind(self, node: str, _seen: frozenset = frozenset()) -> set[str]:
        """Study ids behind a node: a study itself, a report's studies, what a review pools (recursively)."""
        if node.startswith("study:"):
            return {node.split(":", 1)[1]}
        number = int(node.split(":", 1)[1])
        found = set(self.study_of_ref.get(number, ()))
        for target in self.included_by(number):
            if target not in _seen:
                found |= self.studies_behind(target, _seen | {node})
        return found


def _resolve(target: str, study_of_ref: dict) -> list[str]:
    """An included reference that reports known studies stands for those studies."""
    if target.startswith("ref:"):
        studies = study_of_ref.get(int(target.split(":", 1)[1]))
        if studies:
            return [study_node(s) for s in studies]
    return [target]


def _inclusions(kb, tables: EvidenceTables, study_of_ref: dict) -> tuple[Inclusion, ...]:
    from .extract import text_inclusions

    found = [Inclusion(t.review, ref_node(n), "text", t.line) for t in text_inclusions(kb) for n in t.references]
    found += list(tables.inclusions)
    out: dict[tuple, Inclusion] = {}
    for inc in found:
        for target in _resolve(inc.target, study_of_ref):
            note = inc.note or (f"reported in {inc.target}" if target != inc.target else "")
            out.setdefault((inc.review, target, inc.origin), Inclusion(inc.review, target, inc.origin, inc.line,
                                                                      note, inc.table_line))
    return tuple(out.values())


def _section_supports(kb, tables: EvidenceTables, studies: tuple[Study, ...]) -> list[Support]:
    out = []
    origin = "curated" if STATEMENT_SECTIONS in tables.present else "proposed"
    for link in tables.sections:
        def inside(section_id: str, root=link.section) -> bool:
            return section_id == root or section_id.startswith(root + "/")
        for marker in kb.doc.markers:
            if inside(marker.section_id):
                out += [Support(link.statement, ref_node(n), marker.section_id, "", marker.line, origin, link.reason)
                        for n in dict.fromkeys(marker.numbers) if n in kb.references]
        for study in studies:
            for line in study.described_at:
                section = kb.doc.section_at(line)
                if section and inside(section.id):
                    out.append(Support(link.statement, study.node, section.id, "", line, origin, link.reason))
    return out


def build_index(kb) -> EvidenceIndex:
    tables = load_evidence_tables(kb)
    # The proposals read the text for treatments and designs (kb.estimates' vocabulary): imported only when a
    # reviewed table is missing, so kb info on a curated policy does not load them.
    if STUDIES not in tables.present:
        from .proposal import bootstrapped_studies

        tables = replace(tables, studies=bootstrapped_studies(kb))
    if STATEMENT_SECTIONS not in tables.present:
        from .proposal import proposed_links

        tables = replace(tables, sections=proposed_links(kb))
    study_of_ref: dict[int, tuple[str, ...]] = {}
    for study in tables.studies:
        for n in study.references:
            study_of_ref[n] = study_of_ref.get(n, ()) + (study.id,)
    stances = {(s.statement, s.evidence): s.stance for s in tables.supports}
    supports = _section_supports(kb, tables, tables.studies)  # made with no stance: only a curated one adds it
    if stances:
        supports = [replace(s, stance=stances.get((s.statement, s.evidence), "")) for s in supports]
    supports += [Support(s.statement, s.evidence, "curated", s.stance, s.policy_line, "curated", s.reason)
                 for s in tables.supports]
    return EvidenceIndex(
        tables=tables,
        studies={s.id: s for s in tables.studies},
        study_of_ref=study_of_ref,
        supports=tuple(dict.fromkeys(supports)),
        parents={s.id: s.parent for s in kb.doc.statements},
        kb=kb,
    )
