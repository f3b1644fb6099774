"""What a converter hands back: the policy text as Markdown, and what it could not keep."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Converted:
    markdown: str                 # the policy.md text
    format: str                   # "jats", "html", "docx", "pdf", "markdown"
    title: str | None = None
    issuer: str | None = None
    notes: tuple[str, ...] = ()   # the import report: what could not be kept faithfully, one line each
