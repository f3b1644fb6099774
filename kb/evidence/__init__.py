"""The evidence graph: studies behind references, what reviews pool, what supports each criterion.

Modules, one job each:

- ``records``: frozen records (studies, inclusions, section and support links);
- ``tables``: the curated tables beside a policy, read and validated;
- ``extract``: what the policy text itself says (trial names, follow-up reports,
  reviews that enumerate the trials they pooled, stated counts of trials);
- ``index``: the parsed policy, the tables and the extracted facts joined into one
  ``EvidenceIndex`` (pure Python: ``kb check`` needs no networkx);
- ``graph``: the index as ``study`` nodes and ``reports`` / ``includes`` /
  ``describes`` / ``supports`` edges on the knowledge graph;
- ``profile``: the evidence profile of each criterion;
- ``overlap``: corrected covered area (CCA) of reviews that pool the same trials;
- ``queries``: plain functions over the graph;
- ``bootstrap``: a proposed ``studies.csv`` for a reviewer to check;
- ``proposal``: links proposed from the text alone when the reviewed tables are absent;
- ``direction``: one orientation per question, and which treatment each estimate favours;
- ``design``: randomized or not, blinded or open, participants, as the text says;
- ``certainty``: the suggested-certainty rules (GRADE), every verdict kept;
- ``findings``: the summary of findings per criterion, question and outcome;
- ``stance``: for / against / inconclusive, with the reason;
- ``review``: the reviewer's polarity.csv, stances.csv and certainty.csv;
- ``summary_text``: the summary as text lines for ``kb evidence``.
"""
