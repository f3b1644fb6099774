"""The evidence index drawn onto the knowledge graph.

Nodes: ``study:<id>`` (kind ``study``; ``n_randomized`` 0 means the policy does
not say). Edges (each with ``kind``; ``line`` is a policy line, 0 when none):

- ``reports``: reference -> study, from studies.csv (``table_line``);
- ``describes``: section -> study, where the text describes a study without citing it;
- ``includes``: review or guideline reference -> study (or reference), with
  ``origin`` "text" (read from the policy) or "curated" (includes.csv);
- ``supports``: reference or study -> statement: the evidence on the criterion's
  path (the kind keeps its name for the graph files' readers; what the evidence
  found is in ``stance``). Attributes: ``via`` (the section that cites it, or
  "curated"), ``origin`` (curated, or proposed from the text alone) and
  ``reason`` (why it is linked), ``stance`` (for / against / inconclusive, from
  ``kb.evidence.stance``) with ``stance_reason`` and ``stance_origin``, and
  ``guideline_stance`` (agrees / disagrees / "", as supports.csv says).
"""
from __future__ import annotations

from .records import ref_node
from .stance import stances


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
                g.add_edge(f"section:{section.id}", study.node, kind="describes", line=line)
    for inc in index.inclusions:
        g.add_edge(ref_node(inc.review), inc.target, kind="includes", origin=inc.origin, line=inc.line or 0,
                   note=inc.note)
    found = {}
    for statement in dict.fromkeys(s.statement for s in index.supports):
        found.update({(statement, st.evidence): st for st in stances(kb, statement)})
    for s in index.supports:
        st = found.get((s.statement, s.evidence))
        g.add_edge(s.evidence, f"stmt:{s.statement}", kind="supports", via=s.via, origin=s.origin,
                   reason=s.reason, stance=st.stance if st else "inconclusive",
                   stance_reason=st.reason if st else "", stance_origin=st.origin if st else "",
                   guideline_stance=s.stance, line=s.line or 0)
