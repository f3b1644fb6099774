"""policykb: a medical policy's citations, evidence and statistics as data.

Library first: ``load_knowledge_base(path)`` gives a ``KnowledgeBase``;
``kb.knowledge.graph.build_graph(kb)`` gives the evidence graph. The CLI in ``kb.cli``
is a thin layer over these.

The names below are loaded on first use, so ``kb info`` and ``kb check`` (which
import ``kb.cli`` and with it this package) pay only for the modules they use.
"""
from __future__ import annotations

import importlib

# public name -> the module that defines it
_EXPORTS = {
    "KnowledgeBase": "kb.knowledge.base",
    "build_knowledge_base": "kb.knowledge.base",
    "load_knowledge_base": "kb.knowledge.base",
    "load_policy": "kb.knowledge.base",
    "parse_policy": "kb.read.parse_policy",
}

__all__ = list(_EXPORTS)
__version__ = "0.1.0"


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'kb' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
