"""The evidence index drawn onto the knowledge graph.

Nodes: ``study:<id>`` (kind ``study``; ``n_randomized`` 0 means the policy does
not say). Edges (each with ``kind``; ``line`` is a policy line, 0 when none):

- ``reports``: reference -> study, from studies.csv (``table_line``);
- ``describes``: section -> study, where the text describes a study without citing it;
- ``includes``: review or guideline reference -> study (or reference), with
  ``origin`` "text" (read from the policy) or "curated" (includes.csv);
- ``supports``: reference or study -> statement, with ``via`` (the section that
  cites it, or "curated") and ``stance`` (agrees / disagrees / "").
"""
from __future__ import annotations

from kb.ids import ref_id as ref_node, section_id, stmt_id


def add_evidence(g, kb) -> None:
    index = kb.evidence
    for study in index.studies.values():
        g.add_node(study.node, kind="study", key=study.id, label=study.name, design=study.design,
                   randomized=study.randomized, sham_controlled=study.sham_controlled,
                   n_randomized=study.n_randomized or 0, comparison=study.comparison)
        for n in study.references:
            g.add_edge(ref_node(n), study.node, kind="reports", origin="curated", table_line=study.line)
        for line in study.described_at:
            section = kb.doc.section_at(line)
            if section is not None:
                g.add_edge(section_id(section.id), study.node, kind="describes", line=line)
    for inc in index.inclusions:
        g.add_edge(ref_node(inc.review), inc.target, kind="includes", origin=inc.origin, line=inc.line or 0,
                   note=inc.note)
    for s in index.supports:
        g.add_edge(s.evidence, stmt_id(s.statement), kind="supports", via=s.via, stance=s.stance,
                   line=s.line or 0)
