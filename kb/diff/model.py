"""Records of a comparison between two versions of a policy."""
from __future__ import annotations

from dataclasses import dataclass, field

# Change kinds in report order; each is one line of the report.
KINDS = (
    "criterion-added", "criterion-removed", "criterion-changed", "criterion-renumbered",
    "reference-added", "reference-removed", "reference-updated", "references-renumbered",
    "citation-moved", "sentence-added", "sentence-removed", "sentence-changed",
    "estimate-changed", "finding-new", "finding-fixed",
)


@dataclass(frozen=True)
class Change:
    kind: str
    summary: str  # one line a reviewer reads
    old_line: int | None = None
    new_line: int | None = None
    detail: str | None = None  # e.g. the changed words, "[-old-] {+new+}"
    data: dict = field(default_factory=dict, compare=False, hash=False)

    def as_dict(self) -> dict:
        return {"kind": self.kind, "summary": self.summary, "old_line": self.old_line,
                "new_line": self.new_line, "detail": self.detail, **({"data": self.data} if self.data else {})}


@dataclass(frozen=True)
class Diff:
    old: str
    new: str
    changes: tuple[Change, ...]

    def of_kind(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: n for k in KINDS if (n := len(self.of_kind(k)))}
