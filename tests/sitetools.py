"""Helpers for the site tests: build a site, read its HTML, follow its links, list what it requests."""
from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", MPLBACKEND="Agg")


def kb_site(*args, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    """``kb site ...`` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "kb", "site", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env or ENV)


def build_in_process(out: Path, *, policy: Path | None = None, extra_rules=(), profiles=None) -> None:
    """A strict build in this process, with test-only rules added to what the hook gathers (and, if given,
    evidence profiles in place of the policy's own)."""
    import pytest
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import kb.site.pages as pages

    original = pages.gather

    def gather(kb, intro="", **options):
        import dataclasses

        from kb.checks import run_checks
        site = original(kb, intro, **options)
        rules = tuple(site.rules) + tuple(extra_rules)
        return dataclasses.replace(site, rules=rules, results=tuple(run_checks(kb, rules=rules)),
                                   profiles=site.profiles if profiles is None else profiles)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pages, "gather", gather)
        for key, value in ENV.items():
            mp.setenv(key, value)
        if policy:
            mp.setenv("KB_POLICY", str(policy))
        else:
            mp.delenv("KB_POLICY", raising=False)
        mp.chdir(ROOT)
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
        build(config)


class Page(HTMLParser):
    """The ids, links and requested resources of one HTML file."""

    RESOURCE = {"script": "src", "img": "src", "source": "src", "iframe": "src", "video": "src", "audio": "src",
                "embed": "src", "object": "data", "input": "src", "track": "src"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self.links.append(a["href"])
        if tag == "link" and a.get("href"):
            self.resources.append(a["href"])
        if tag in self.RESOURCE and a.get(self.RESOURCE[tag]):
            self.resources.append(a[self.RESOURCE[tag]])
        for key in ("srcset", "poster", "background"):
            if a.get(key):
                self.resources.extend(part.split()[0] for part in a[key].split(","))
        if a.get("style"):
            self.resources.extend(css_urls(a["style"]))


def css_urls(css: str) -> list[str]:
    return re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def _target(root: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file a relative or root-relative link points at, and its fragment."""
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page, fragment
    base = "/" if parts.path.startswith("/") else "/" + page.parent.relative_to(root).as_posix() + "/"
    resolved = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    target = root / resolved.lstrip("/")
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, fragment


def broken_links(root: Path) -> list[str]:
    """Every internal link (and stylesheet or script) whose file or #anchor is missing."""
    cache: dict[Path, Page] = {}

    def page_of(p: Path) -> Page:
        if p not in cache:
            cache[p] = parse(p)
        return cache[p]

    broken = []
    for html in html_files(root):
        for href in page_of(html).links + page_of(html).resources:
            if urlsplit(href).scheme or href.startswith("//"):
                continue  # external (checked elsewhere), mailto:, data:
            target, fragment = _target(root, html, href)
            if not target.is_file():
                broken.append(f"{html.relative_to(root)} -> {href} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in page_of(target).ids:
                broken.append(f"{html.relative_to(root)} -> {href} (no anchor)")
    return broken


def outside_requests(root: Path) -> list[str]:
    """Resources (scripts, styles, fonts, images, frames) that a page or stylesheet would fetch from elsewhere."""
    found = []
    for html in html_files(root):
        for url in parse(html).resources:
            if re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:)?//", url) and not url.startswith("data:"):
                found.append(f"{html.relative_to(root)}: {url}")
    for css in root.rglob("*.css"):
        for url in css_urls(css.read_text(encoding="utf-8", errors="replace")):
            if re.match(r"(?i)^(?:https?:)?//", url.strip()):
                found.append(f"{css.relative_to(root)}: {url}")
    for js in root.rglob("*.js"):
        text = js.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"(?:importScripts|import)\(\s*['\"](https?:)?//[^'\"]+", text):
            found.append(f"{js.relative_to(root)}: {m.group(0)[:80]}")
    return found
