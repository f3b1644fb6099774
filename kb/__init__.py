"""policykb: a medical policy's citations, evidence and statistics as data.

Library first: ``load_knowledge_base(path)`` gives a ``KnowledgeBase``;
``kb.knowledge.graph.build_graph(kb)`` gives the evidence graph. The CLI in ``kb.cli``
is a thin layer over these.
"""
from kb.knowledge.base import KnowledgeBase, build_knowledge_base, load_knowledge_base, load_policy
from kb.read.parse_policy import parse_policy

__all__ = ["KnowledgeBase", "build_knowledge_base", "load_knowledge_base", "load_policy", "parse_policy"]
__version__ = "0.1.0"
