"""Outputs: BibTeX and CSL-JSON, findings reports, forest plots and figures. Imports the stages below it, never kb.site or kb.commands."""
