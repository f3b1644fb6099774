"""A source a sentence names (an author and year, an organisation, a trial or a bare year), with its offsets."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    kind: str  # "person", "org", "trial" or "year"
    text: str  # as written
    start: int  # offsets in the sentence text
    end: int
    name: str | None = None  # surname, organisation name or trial name
    year: int | None = None
    acronym: str | None = None  # an organisation's acronym
    second: str | None = None  # a second author named ("Smith and Jones")
    carried: bool = False  # the year was given in the previous sentence
    eponym: bool = False  # a method named after the person ('the Sørensen index [14]')

    @property
    def label(self) -> str:
        who = self.name or self.acronym or ""
        if self.kind == "year":
            return f"a source dated {self.year}"
        return f"{who} ({self.year})" if self.year else who
