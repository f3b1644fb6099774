"""Reading: policy text to a PolicyDocument (blocks with line numbers, citation markers, the reference list, criteria, sentences, acronyms). Imports nothing above it but kb.errors and kb.io."""
