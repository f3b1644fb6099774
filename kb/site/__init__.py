"""The review site: pure page builders (kb.site.pages) and the MkDocs plugin that adds them to a build."""
from pathlib import Path

# The hand-written pages shipped with the package; a project's own docs folder (this checkout's site/) wins page by page.
SHIPPED_DOCS = Path(__file__).resolve().parent / "docs"
