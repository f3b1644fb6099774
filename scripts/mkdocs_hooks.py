"""MkDocs hook: the review site's generated pages, added at build time.

The only file in the project that imports mkdocs. It loads the policy named
by ``KB_POLICY`` (default: the bundled policy), runs the checks, gathers the
evidence (profiles, studies, estimates, forest plots drawn once as SVG),
asks ``kb.pages`` for every page and file, adds them as virtual files and
sets the navigation. The hand-written ``index.md`` becomes the home page's opening
text, so the site has one home.
"""
from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

_state: dict = {}


def on_config(config):
    from kb.errors import KbError
    from kb.knowledge_base import load_knowledge_base
    from kb.pages import source_date_epoch
    from kb.paths import resolve_policy

    try:
        kb = load_knowledge_base(resolve_policy(os.environ.get("KB_POLICY") or None))
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    _state["kb"] = kb
    # Dates MkDocs writes (the sitemap) come from the policy, not the clock: same inputs, same files.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(kb)))
    return config


def on_files(files, config):
    from kb.errors import KbError
    from kb.pages import gather, navigation, render_pages

    home = files.get_file_from_path("index.md")
    intro = home.content_string if home else ""
    if home:
        files.remove(home)
    handwritten = sorted(f.src_uri for f in files.documentation_pages())
    try:  # a bad evidence setting (provenance.yaml, estimates.csv) is an input error, not a traceback
        site = gather(_state["kb"], intro)
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    for path, content in render_pages(site).items():
        if files.get_file_from_path(path):
            raise PluginError(f"kb: {path} is generated at build time; remove the hand-written file in docs_dir")
        files.append(File.generated(config, path, content=content))
    config.nav = navigation(site, handwritten)
    return files
