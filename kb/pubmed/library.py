"""The entries of a policy judged against its PubMed records (where they live: ``kb.pubmed.layout``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .load import read_records
from .match import RecordIndex
from .verify import Verdict, verify


@dataclass(frozen=True)
class PubmedCheck:
    files: tuple[Path, ...]
    index: RecordIndex = field(repr=False, compare=False)
    verdicts: dict = field(repr=False, compare=False)  # reference number -> Verdict

    @property
    def records(self) -> list:
        return self.index.records

    def of(self, number: int) -> Verdict | None:
        return self.verdicts.get(number)


def check_entries(entries, files) -> PubmedCheck:
    """Read the records files and judge every entry (the first of a number listed twice)."""
    index = RecordIndex(read_records(files))
    first = {}
    for e in entries:
        first.setdefault(e.number, e)
    verdicts = {v.number: v for v in verify(first.values(), index)}
    return PubmedCheck(tuple(Path(f) for f in files), index, verdicts)
