"""MkDocs hook: the review site's generated pages, added at build time.

The only file in the project that imports mkdocs. It loads the policy named
by ``KB_POLICY`` (default: the bundled policy), runs the checks, gathers the
evidence (profiles, studies, estimates, forest plots), asks ``kb.site.pages`` for
every page and file, adds them as virtual files and sets the navigation.
The forest plots' SVGs are drawn once, by a process of their own started
with the build (``kb.site.pages.draw``); MkDocs reads the pages meanwhile, and
the hook waits for the drawings before the files are copied. The hand-written ``index.md`` becomes the home page's opening
text, so the site has one home.
"""
from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

_state: dict = {}


def _policies() -> list:
    """KB_POLICY: one policy, or several joined with the path separator; KB_ALL=1: every bundled policy."""
    from kb.paths import policy_dirs, resolve_policy

    if os.environ.get("KB_ALL") == "1":
        return [resolve_policy(str(d)) for d in policy_dirs()]
    named = [p for p in (os.environ.get("KB_POLICY") or "").split(os.pathsep) if p]
    return [resolve_policy(p) for p in named] or [resolve_policy(None)]


def on_config(config):
    from kb.errors import KbError
    from kb.knowledge.base import load_knowledge_base
    from kb.site.pages import source_date_epoch

    from kb.site.pages.draw import FigureJob

    _close_figures()
    _state.pop("corpus", None)
    try:
        paths = _policies()
        if len(paths) > 1:
            return _corpus_config(config, paths)
        policy = paths[0]
        kb = load_knowledge_base(policy)
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    _state["kb"] = kb
    # The forest plots are drawn in a process of their own, beside MkDocs reading the pages (on_env waits).
    _state["figures"] = FigureJob(policy)
    # Dates MkDocs writes (the sitemap) come from the policy, not the clock: same inputs, same files.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(kb)))
    return config


def _corpus_config(config, paths):
    from kb.knowledge.corpus import load_corpus
    from kb.site.pages import source_date_epoch

    corpus = load_corpus(paths)
    _state["corpus"] = corpus
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(max(source_date_epoch(kb) for kb in corpus.policies)))
    return config


def _corpus_files(files, config):
    """A library: its home and shared papers, and each policy's pages (hand-written ones too) in its folder."""
    from kb.knowledge.corpus import policy_name
    from kb.errors import KbError
    from kb.site.pages import gather, navigation, render_pages
    from kb.site.pages.corpus import corpus_nav, home_page, paper_pages, prefixed, prefixed_nav

    corpus = _state["corpus"]
    written = list(files.documentation_pages())
    home = next((f for f in written if f.src_uri == "index.md"), None)
    intro = home.content_string if home else ""
    handwritten = {f.src_uri: f.content_string for f in written if f.src_uri != "index.md"}
    for f in written:
        files.remove(f)
    sites, navs, generated = {}, {}, {}
    try:
        for kb in corpus.policies:
            name = policy_name(kb)
            sites[name] = site = gather(kb, intro, figures="draw")
            generated.update(prefixed(name, {**render_pages(site), **handwritten}))
            navs[name] = prefixed_nav(name, navigation(site, sorted(handwritten)))
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    generated.update(paper_pages(corpus))
    generated["index.md"] = home_page(corpus, sites)
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    config.nav = corpus_nav(corpus, {name: nav for name, nav in navs.items()})
    return files


def on_files(files, config):
    from kb.errors import KbError
    from kb.site.pages import gather, links, navigation, render_pages

    if "corpus" in _state:
        return _corpus_files(files, config)
    home = files.get_file_from_path("index.md")
    intro = home.content_string if home else ""
    if home:
        files.remove(home)
    handwritten = sorted(f.src_uri for f in files.documentation_pages())
    try:  # a bad evidence setting (provenance.yaml, estimates.csv) is an input error, not a traceback
        site = gather(_state["kb"], intro, figures="plan")
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    job = _state["figures"]
    drawn = [links.forest_path(f.slug, "svg") for f in site.figures or ()]
    _state["drawn"] = drawn
    generated = [File.generated(config, path, content=content) for path, content in render_pages(site).items()]
    generated += [File.generated(config, path, abs_src_path=str(job.path(path))) for path in drawn]
    for file in generated:
        if files.get_file_from_path(file.src_uri):
            raise PluginError(f"kb: {file.src_uri} is generated at build time; remove the hand-written file in "
                              "docs_dir")
        files.append(file)
    config.nav = navigation(site, handwritten)
    return files


def on_env(env, config, files):
    """Just before MkDocs copies the files: the figures must be drawn by now."""
    if "figures" not in _state:
        return env  # a library build draws its figures in-process
    problem = _state["figures"].wait(_state.get("drawn", ()))
    if problem:
        raise PluginError(f"kb: drawing the forest plots failed: {problem}")
    return env


def on_post_build(config):
    _close_figures()


def on_build_error(error):
    _close_figures()


def _close_figures():
    job = _state.pop("figures", None)
    if job is not None:
        job.close()
