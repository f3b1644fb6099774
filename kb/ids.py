"""Node ids and slugs, made here and nowhere else.

Node ids carry their kind: ``ref:5``, ``study:vertos-ii``, ``stmt:I.A.5.k``,
``section:rationale/vertebroplasty``, ``code:22510``. A slug is lower case
letters and digits joined by single hyphens ('Sham RCTs (2009)' ->
'sham-rcts-2009'); section ids, figure names, study ids and page anchors are
slugs.
"""
from __future__ import annotations

import re

from kb.patterns import lazy

_NOT_SLUG = lazy(r"[^a-z0-9]+")


def slug(text: str, default: str = "") -> str:
    """'Sham RCTs (2009)' -> 'sham-rcts-2009'; ``default`` when nothing is left."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or default


def ref_id(number: int) -> str:
    return f"ref:{number}"


def study_id(study: str) -> str:
    return f"study:{study}"


def stmt_id(statement: str) -> str:
    return f"stmt:{statement}"


def section_id(section: str) -> str:
    return f"section:{section}"


def code_id(code: str) -> str:
    return f"code:{code}"


def node_key(node: str) -> str:
    """``ref:5`` -> ``5``; ``study:free`` -> ``free``."""
    return node.split(":", 1)[1]
