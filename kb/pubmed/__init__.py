"""PubMed records: read user exports, match them to reference entries, fetch and triage.

Stage: between ``kb.sources`` and ``kb.knowledge``. Modules here import only
``kb.read``, ``kb.io`` and ``kb.errors`` (and the standard library); the
knowledge base reaches the records of a policy folder through
``kb.pubmed.library``. Nothing here touches the network except
``kb.pubmed.eutils``, which the ``kb pubmed fetch`` command alone imports.
"""
