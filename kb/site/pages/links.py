"""Where each generated page lives, and relative links between them.

Paths are docs-relative Markdown paths ("references/5.md"); MkDocs turns a
relative link to one into the right URL and, under ``--strict``, fails the
build when the target or its anchor does not exist.
"""
from __future__ import annotations

import functools
import posixpath
import re

HOME = "index.md"
POLICY = "policy.md"
CRITERIA = "criteria/index.md"
REFERENCES = "references/index.md"
REPORT = "report/index.md"
RULES = "rules/index.md"
WORKLIST = "worklist.md"
CODES = "codes.md"
DOWNLOADS = "downloads/index.md"
STUDIES = "studies/index.md"
FOREST = "forest/index.md"
EVIDENCE_MAP = "evidence-map.md"

_SAFE_SEGMENT = re.compile(r"[^A-Za-z0-9~-]")


def criterion_path(statement_id: str) -> str:
    """I.A.5.k -> criteria/I/A/5/k/index.md: the outline becomes folders, so navigation can nest it."""
    segments = [_SAFE_SEGMENT.sub("-", part) or "-" for part in statement_id.split(".")]
    return "criteria/" + "/".join(segments) + "/index.md"


def reference_path(number: int) -> str:
    return f"references/{int(number)}.md"


def reference_bib_path(number: int) -> str:
    return f"references/{int(number)}.bib"


def study_path(study_id: str) -> str:
    return f"studies/{_SAFE_SEGMENT.sub('-', study_id)}.md"


def forest_path(slug: str, ext: str = "md") -> str:
    """forest/<slug>.md is a figure's page; .svg its image, .csv its rows."""
    return f"forest/{_SAFE_SEGMENT.sub('-', slug)}.{ext}"


def rule_path(code: str) -> str:
    return f"rules/{_SAFE_SEGMENT.sub('-', code)}.md"


def rel(from_page: str, to_path: str, anchor: str | None = None) -> str:
    """A link from the page at ``from_page`` to ``to_path`` (both docs-relative)."""
    target = _relpath(to_path, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


@functools.lru_cache(maxsize=65536)
def _relpath(to_path: str, from_dir: str) -> str:
    # A build makes thousands of links among a few hundred pages; relpath resolves both paths each time.
    return posixpath.relpath(to_path, from_dir)


# ---- anchors in the policy text page -------------------------------------------

def line_anchor(line: int) -> str:
    return f"L{int(line)}"


def marker_anchor(line: int, column: int) -> str:
    return f"m{int(line)}-{int(column)}"


def shown_line(lines: tuple[str, ...], line: int) -> int:
    """The policy-text line that carries the anchor for ``line``.

    Blank lines are not shown; a place on one (or past the end) goes to the
    nearest shown line above it, or below it at the top of the file.
    """
    n = len(lines)
    line = min(max(int(line), 1), n) if n else 1
    for k in range(line, 0, -1):
        if lines[k - 1].strip():
            return k
    for k in range(line + 1, n + 1):
        if lines[k - 1].strip():
            return k
    return 1


def policy_line(from_page: str, lines: tuple[str, ...], line: int) -> str:
    return rel(from_page, POLICY, line_anchor(shown_line(lines, line)))
