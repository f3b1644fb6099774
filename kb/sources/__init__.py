"""Sources: who a sentence names, which reference entry that is, and what kind of source an entry is. Imports kb.read."""
