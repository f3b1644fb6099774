"""The review site: pure page builders (kb.site.pages) and the MkDocs hook that adds them to a build."""
