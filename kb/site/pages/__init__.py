"""The review site's pages: pure functions from a ``Site`` to ``{docs path: text or bytes}``.

Each page family is a module in this package with ``pages(site)`` and,
if it belongs in the navigation, ``nav(site)`` (a MkDocs ``nav`` fragment).
``FAMILIES`` is the registry, in navigation order: adding a family is one
module and one line here. Nothing here imports mkdocs; the MkDocs plugin ``kb/site/plugin.py`` adds the pages to a build.
"""
from __future__ import annotations

import importlib

from kb.site.pages.inputs import Site, gather, source_date_epoch
from kb.site.pages.plots import ForestFigure, ForestPlot

FAMILIES: tuple[str, ...] = (
    "home",
    "policy_text",
    "criteria",
    "evidence_map",
    "forest",
    "studies",
    "references",
    "report",
    "rules",
    "worklist",
    "literature",
    "codes",
    "downloads",
)

def family(name: str):
    return importlib.import_module(f"{__name__}.{name}")


def render_pages(site: Site) -> dict[str, str | bytes]:
    """Every generated file of the site, by docs-relative path."""
    out: dict[str, str | bytes] = {}
    for name in FAMILIES:
        for path, content in family(name).pages(site).items():
            if path in out:
                raise ValueError(f"page families collide on {path}")
            out[path] = content
    for path, content in site.extra_files.items():
        if path in out:
            raise ValueError(f"an extra file collides with a page: {path}")
        out[path] = content
    return out


def navigation(site: Site, handwritten: list[str] = ()) -> list:
    """The MkDocs ``nav``: the families in registry order, then the hand-written pages under About."""
    nav: list = []
    for name in FAMILIES:
        module = family(name)
        if hasattr(module, "nav"):
            nav.extend(module.nav(site))
    if handwritten:
        nav.append({"About this site": list(handwritten)})
    return nav


def nav_paths(nav) -> set[str]:
    """Every page a ``nav`` lists; the others (a reference's, a study's, a check code's) are linked from
    their section's index page, and the build marks them as deliberately left out of the navigation."""
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav
    return set().union(*(nav_paths(item) for item in items))


__all__ = ["FAMILIES", "ForestFigure", "ForestPlot", "Site", "gather", "nav_paths", "navigation", "render_pages", "source_date_epoch"]
