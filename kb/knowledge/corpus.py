"""A library of policies: load several, and join the papers they cite.

A paper cited by several policies is one node of the corpus graph (matched
on all its keys, PMID, DOI, and normalised title with year:
``kb.diff.identity.group_papers``), so one can ask which policies rest on a
given trial.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kb.diff.identity import group_papers
from kb.errors import KbError
from kb.knowledge.base import KnowledgeBase, load_knowledge_base
from kb.paths import policy_name as name_of_path
from kb.progress import progress


def policy_name(kb: KnowledgeBase) -> str:
    """The policy's folder name ('regence-surgery-107'), or its file name when it has no folder of its own."""
    return name_of_path(kb.path)


@dataclass(frozen=True)
class Citing:
    policy: str
    number: int  # the paper's number in that policy's list
    label: str  # 'Buchbinder (2009)'


@dataclass(frozen=True)
class Corpus:
    policies: tuple[KnowledgeBase, ...]

    @cached_property
    def by_name(self) -> dict[str, KnowledgeBase]:
        return {policy_name(kb): kb for kb in self.policies}

    @cached_property
    def papers(self) -> dict[str, tuple[Citing, ...]]:
        """Paper identity -> the policies (and numbers) that list it, in policy order."""
        entries, citing = [], []
        for kb in self.policies:
            name = policy_name(kb)
            for number, entry in kb.references.items():
                entries.append(entry)
                citing.append(Citing(name, number, entry.label))
        return {paper: tuple(citing[i] for i in group) for paper, group in group_papers(entries)}

    def shared(self) -> dict[str, tuple[Citing, ...]]:
        """Papers listed by two or more policies."""
        return {k: v for k, v in self.papers.items() if len({c.policy for c in v}) > 1}

    def policies_citing(self, paper: str) -> list[str]:
        return list(dict.fromkeys(c.policy for c in self.papers.get(paper, ())))


def load_corpus(paths: list[Path]) -> Corpus:
    """Load each policy; two policies may not share a name (their folder names)."""
    corpus = Corpus(tuple(load_knowledge_base(p) for p in progress(paths, "reading", unit="policy")))
    if len(corpus.by_name) != len(corpus.policies):
        names = [policy_name(kb) for kb in corpus.policies]
        twice = sorted({n for n in names if names.count(n) > 1})
        raise KbError(f"two policies are both called '{twice[0]}'; give them different folder names",
                      str(paths[names.index(twice[0])]))
    return corpus


def paper_node(paper: str) -> str:
    return f"paper:{paper}"


def corpus_graph(corpus: Corpus):
    """Policies and papers; ``cites`` edges policy -> paper carry the number the policy uses."""
    import networkx as nx

    g = nx.MultiDiGraph(kind="corpus")
    for kb in corpus.policies:
        g.add_node(f"policy:{policy_name(kb)}", kind="policy", key=policy_name(kb), label=kb.doc.title or "")
    for paper, citing in corpus.papers.items():
        first = corpus.by_name[citing[0].policy].references[citing[0].number]
        g.add_node(paper_node(paper), kind="paper", key=paper, label=first.label, year=first.year or 0,
                   policies=len({c.policy for c in citing}))
        for c in citing:
            cited = c.number in corpus.by_name[c.policy].cited
            g.add_edge(f"policy:{c.policy}", paper_node(paper), kind="cites" if cited else "lists", number=c.number)
    return g
