"""Records of the evidence graph. Node ids follow the graph: ``ref:5``, ``study:vertos-ii``."""
from __future__ import annotations

from dataclasses import dataclass

from kb.ids import study_id

STANCES = ("agrees", "disagrees", "")


@dataclass(frozen=True)
class Study:
    """One trial or other primary study, however many papers report it."""

    id: str
    name: str
    design: str
    randomized: bool
    sham_controlled: bool
    n_randomized: int | None  # None: the policy does not say
    comparison: str
    references: tuple[int, ...]  # the reports, in the order the table gives them
    described_at: tuple[int, ...] = ()  # policy lines that describe it without a citation
    notes: str = ""
    line: int = 0  # line in studies.csv

    @property
    def node(self) -> str:
        return study_id(self.id)


@dataclass(frozen=True)
class Inclusion:
    """A review or guideline pools, or rests on, a study or a reference."""

    review: int  # reference number of the review or guideline
    target: str  # node id: ``study:...`` or ``ref:...``
    origin: str  # "text": read from the policy; "curated": from includes.csv
    line: int | None  # the policy line that states it, when one does
    note: str = ""
    table_line: int | None = None  # line in includes.csv


@dataclass(frozen=True)
class SectionLink:
    """A criterion is discussed in a rationale section (and the sections under it)."""

    statement: str
    section: str
    reason: str
    line: int  # line in statement_sections.csv


@dataclass(frozen=True)
class SupportLink:
    """A curated link from one piece of evidence to a criterion."""

    statement: str
    evidence: str  # node id
    stance: str  # agrees / disagrees / "" (only read for guidelines)
    policy_line: int | None
    reason: str
    line: int  # line in supports.csv


@dataclass(frozen=True)
class EvidenceTables:
    studies: tuple[Study, ...] = ()
    inclusions: tuple[Inclusion, ...] = ()
    sections: tuple[SectionLink, ...] = ()
    supports: tuple[SupportLink, ...] = ()
    present: tuple[str, ...] = ()  # names of the table files that exist
