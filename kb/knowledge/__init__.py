"""The knowledge base: a read policy with its curated tables, the graph over it, and the corpus of several policies. Imports kb.read, kb.sources, kb.estimates and kb.evidence."""
