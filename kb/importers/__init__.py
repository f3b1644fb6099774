"""Importers: other formats (JATS, HTML, docx, PDF) to a verbatim policy.md. Imports only kb.errors and kb.io."""
