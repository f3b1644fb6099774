"""What an importer returns: the policy.md text and what the import could not keep."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Converted:
    markdown: str                 # the policy.md text
    format: str                   # "jats", "html", "docx", "pdf", "markdown"
    title: str | None = None
    issuer: str | None = None     # for an article: the journal / publisher
    notes: tuple[str, ...] = ()   # the import report: what could not be kept faithfully, one line each
