"""The MkDocs plugin ``policykb``: the review site's generated pages, added at build time.

Registered by entry point, so a project's ``mkdocs.yml`` says
``plugins: [search, policykb]`` and a plain ``mkdocs build`` makes the site.
The only module in the package that imports mkdocs. It loads the policy named
by ``KB_POLICY`` (or the plugin's ``policies`` option; default: the project's
default policy), runs the checks, gathers the evidence (profiles, studies,
estimates, forest plots), asks ``kb.site.pages`` for every page and file, adds
them as virtual files and sets the navigation. The hand-written pages shipped
in ``kb/site/docs`` (how to read, method, accuracy, the stylesheet) fill in
whatever the project's own docs folder lacks. The forest plots' SVGs are drawn
once, by a process of their own started with the build
(``kb.site.pages.draw``); MkDocs reads the pages meanwhile, and the plugin
waits for the drawings before the files are copied. The hand-written
``index.md`` becomes the home page's opening text, so the site has one home.
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, InclusionLevel

from kb.site import SHIPPED_DOCS as BUNDLED_DOCS

STYLESHEET = "stylesheets/kb.css"


class PolicyKbConfig(Config):
    policies = config_options.ListOfItems(config_options.Type(str), default=[])
    all = config_options.Type(bool, default=False)


class PolicyKbPlugin(BasePlugin[PolicyKbConfig]):
    def __init__(self):
        self._state: dict = {}

    @property
    def gathered(self):
        """The ``Site`` the last single-policy build made its pages from (a library keeps its summary)."""
        return self._state.get("site")

    def on_config(self, config):
        self._close_figures()
        self._state.clear()
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return _on_config(self._state, self.config, config)

    def on_files(self, files, config):
        _add_bundled_pages(files, config)
        if "corpus" in self._state:
            return _corpus_files(self._state, files, config)
        return _policy_files(self._state, files, config)

    def on_env(self, env, config, files):
        """Just before MkDocs copies the files: the figures must be drawn by now."""
        if "figures" not in self._state:
            return env  # a library build draws its figures in-process
        problem = self._state["figures"].wait(self._state.get("drawn", ()))
        if problem:
            raise PluginError(f"kb: drawing the forest plots failed: {problem}")
        return env

    def on_post_build(self, config):
        self._close_figures()

    def on_build_error(self, error):
        self._close_figures()

    def _close_figures(self):
        job = self._state.pop("figures", None)
        if job is not None:
            job.close()


def _add_bundled_pages(files, config) -> None:
    """The shipped hand-written pages a project's docs folder does not have (its own always win)."""
    if Path(config.docs_dir).resolve() == BUNDLED_DOCS:
        return
    for path in sorted(BUNDLED_DOCS.rglob("*")):
        rel = path.relative_to(BUNDLED_DOCS).as_posix()
        if path.is_file() and not files.get_file_from_path(rel):
            files.append(File.generated(config, rel, abs_src_path=str(path)))


def _project(config) -> Path:
    """KB_PROJECT (set by ``kb site``), else the project found from the cwd, else from the mkdocs.yml's folder."""
    from kb.paths import REFERENCES, project_root

    root = project_root()
    if not (root / REFERENCES).is_dir() and config.config_file_path:
        return project_root(Path(config.config_file_path).resolve().parent)
    return root


def _policies(options, root: Path) -> list:
    """KB_POLICY (several joined with the path separator) or the ``policies`` option; KB_ALL=1 or the ``all``
    option: every policy under the project's references/; none: the project's default policy."""
    from kb.paths import policy_dirs, references_dir, resolve_policy

    if os.environ.get("KB_ALL") == "1" or (options.all and not os.environ.get("KB_POLICY")):
        return [resolve_policy(str(d), root) for d in policy_dirs(references_dir(root))]
    named = [p for p in (os.environ.get("KB_POLICY") or "").split(os.pathsep) if p] or list(options.policies)
    # A relative path is read from the cwd (as ``kb site`` passes it), else from the project.
    paths = [resolve_policy(name if Path(name).exists() or not (root / name).exists() else str(root / name), root)
             for name in named]
    return paths or [resolve_policy(None, root)]


def _on_config(state, options, config):
    from kb.errors import KbError
    from kb.knowledge.base import load_knowledge_base
    from kb.site.pages import source_date_epoch
    from kb.site.pages.draw import FigureJob

    try:
        paths = _policies(options, _project(config))
        if len(paths) > 1:
            return _corpus_config(state, config, paths)
        policy = paths[0]
        kb = load_knowledge_base(policy)
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    state["kb"] = kb
    # The forest plots are drawn in a process of their own, beside MkDocs reading the pages (on_env waits);
    # a library's worker (kb.site.library) builds many policies in one process and draws them in it instead.
    if os.environ.get("KB_FIGURES") != "inline":
        state["figures"] = FigureJob(policy)
    # Dates MkDocs writes (the sitemap) come from the policy, not the clock: same inputs, same files.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(kb)))
    return config


def _corpus_config(state, config, paths):
    from kb.knowledge.corpus import load_corpus
    from kb.site.pages import source_date_epoch

    corpus = load_corpus(paths)
    state["corpus"] = corpus
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(max(source_date_epoch(kb) for kb in corpus.policies)))
    return config


def _corpus_files(state, files, config):
    """A library: its home and shared papers, and each policy's pages (hand-written ones too) in its folder."""
    from kb.knowledge.corpus import policy_name
    from kb.errors import KbError
    from kb.site.pages import gather, nav_paths, navigation, render_pages
    from kb.progress import progress
    from kb.site.pages.corpus import corpus_nav, home_page, paper_pages, prefixed, prefixed_nav

    corpus = state["corpus"]
    written = list(files.documentation_pages())
    home = next((f for f in written if f.src_uri == "index.md"), None)
    intro = home.content_string if home else ""
    handwritten = {f.src_uri: f.content_string for f in written if f.src_uri != "index.md"}
    for f in written:
        files.remove(f)
    sites, navs, generated = {}, {}, {}
    try:
        for kb in progress(corpus.policies, "pages", unit="policy"):
            name = policy_name(kb)
            sites[name] = site = gather(kb, intro, figures="draw")
            generated.update(prefixed(name, {**render_pages(site), **handwritten}))
            navs[name] = prefixed_nav(name, navigation(site, sorted(handwritten)))
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    generated.update(paper_pages(corpus))
    generated["index.md"] = home_page(corpus, sites)
    config.nav = corpus_nav(corpus, {name: nav for name, nav in navs.items()})
    listed = nav_paths(config.nav)
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content, inclusion=_inclusion(path, listed)))
    return files


def _policy_files(state, files, config):
    from kb.errors import KbError
    from kb.site.pages import gather, links, nav_paths, navigation, render_pages

    home = files.get_file_from_path("index.md")
    intro = home.content_string if home else ""
    if home:
        files.remove(home)
    handwritten = sorted(f.src_uri for f in files.documentation_pages())
    job = state.get("figures")
    try:  # a bad evidence setting (provenance.yaml, estimates.csv) is an input error, not a traceback
        site = gather(state["kb"], intro, figures="plan" if job else "draw")
    except KbError as exc:
        raise PluginError(f"kb: {exc}") from None
    state["site"] = site
    drawn = [links.forest_path(f.slug, "svg") for f in site.figures or ()] if job else []
    state["drawn"] = drawn
    config.nav = navigation(site, handwritten)
    listed = nav_paths(config.nav)
    generated = [File.generated(config, path, content=content, inclusion=_inclusion(path, listed))
                 for path, content in render_pages(site).items()]
    generated += [File.generated(config, path, abs_src_path=str(job.path(path))) for path in drawn]
    for file in generated:
        if files.get_file_from_path(file.src_uri):
            raise PluginError(f"kb: {file.src_uri} is generated at build time; remove the hand-written file in "
                              "docs_dir")
        files.append(file)
    return files


def _inclusion(path: str, listed: set) -> InclusionLevel:
    """A generated page the navigation leaves out on purpose (its section's index links it) is marked so,
    and MkDocs does not list it as missing from the nav."""
    return InclusionLevel.NOT_IN_NAV if path.endswith(".md") and path not in listed else InclusionLevel.UNDEFINED
