"""A library's own pages (its home and the papers several policies cite) from each policy's cached summary.

An incremental library build must not load every policy again to list them,
so each policy's build leaves a summary (``summary.json``): what the library
pages read of its knowledge base and its findings. A ``PolicySummary`` stands
in for the knowledge base where ``kb.site.pages.corpus`` reads one, so the
library home and paper pages are the same functions as in a one-site library.
The policies' own sites are built apart, so a link into one becomes a plain
URL (``policy-0001/references/5/``) that MkDocs leaves alone.
"""
from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from kb.knowledge.corpus import Corpus
from kb.read.model import ReferenceEntry

METADATA = ("effective", "next_review")


@dataclass(frozen=True)
class Doc:
    title: str | None


@dataclass(frozen=True)
class Found:
    severity: str


@dataclass(frozen=True)
class Findings:
    """Where the library home counts a policy's open findings."""
    open_findings: tuple[tuple[str, Found], ...]


@dataclass(frozen=True)
class PolicySummary:
    """What the library pages read of one policy (in place of its ``KnowledgeBase``)."""
    path: Path
    doc: Doc
    references: dict[int, ReferenceEntry]
    cited: frozenset[int]
    meta: tuple[tuple[str, str], ...]
    severities: tuple[str, ...]
    epoch: int  # the date its build stamps (kb.site.pages.source_date_epoch)

    def metadata(self, key: str) -> str | None:
        return dict(self.meta).get(key)

    @property
    def findings(self) -> Findings:
        return Findings(tuple(("", Found(s)) for s in self.severities))


def summarise(site) -> PolicySummary:
    """The summary of a policy's gathered site (``kb.site.pages.Site``)."""
    from kb.site.pages import source_date_epoch

    kb = site.kb
    return PolicySummary(
        path=Path(kb.path), doc=Doc(kb.doc.title), references=dict(kb.references), cited=frozenset(kb.cited),
        meta=tuple((k, kb.metadata(k)) for k in METADATA if kb.metadata(k)),
        severities=tuple(f.severity for _, f in site.open_findings), epoch=source_date_epoch(kb))


def to_json(summary: PolicySummary) -> str:
    return json.dumps({
        "path": str(summary.path), "title": summary.doc.title, "cited": sorted(summary.cited),
        "meta": dict(summary.meta), "severities": list(summary.severities), "epoch": summary.epoch,
        "references": [dataclasses.asdict(e) for _, e in sorted(summary.references.items())],
    }, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> PolicySummary:
    data = json.loads(text)
    entries = [ReferenceEntry(**{k: tuple(v) if isinstance(v, list) else v for k, v in e.items()})
               for e in data["references"]]
    return PolicySummary(path=Path(data["path"]), doc=Doc(data["title"]),
                         references={e.number: e for e in entries}, cited=frozenset(data["cited"]),
                         meta=tuple(sorted(data["meta"].items())), severities=tuple(data["severities"]),
                         epoch=data["epoch"])


_MD_LINK = re.compile(r"\]\((?P<target>[^)#\s]+\.md)(?P<anchor>#[^)\s]*)?\)")


def _url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page at docs path ``path``, from the site's root."""
    stem = path[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[:-5]
    return stem + "/"


def link_out(pages: dict[str, str], names: set[str], directory_urls: bool) -> dict[str, str]:
    """Links from the library's pages into a policy's own site, as URLs relative to the page's own URL (those
    pages are not in this build, so MkDocs would not turn their ``.md`` paths into URLs)."""
    def fix(page: str):
        url = _url(page, directory_urls)
        here = url.rstrip("/") if url.endswith("/") or not url else posixpath.dirname(url)

        def replace(match):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match.group("target")))
            if target.split("/", 1)[0] not in names:
                return match.group(0)
            to = _url(target, directory_urls)
            relative = posixpath.relpath(to.rstrip("/") or ".", here or ".")
            slash = "/" if to.endswith("/") and relative != "." else ""
            return f"]({'./' if relative == '.' else relative + slash}{match.group('anchor') or ''})"
        return replace
    return {page: _MD_LINK.sub(fix(page), text) for page, text in pages.items()}


def library_pages(summaries: list[PolicySummary], directory_urls: bool) -> tuple[dict[str, str], list]:
    """The library's home and paper pages (docs path -> Markdown), and its navigation."""
    from kb.knowledge.corpus import policy_name
    from kb.site.pages.corpus import PAPERS, home_page, paper_pages
    from kb.site.pages.links import HOME

    corpus = Corpus(tuple(summaries))
    pages = paper_pages(corpus)
    pages[HOME] = home_page(corpus, {policy_name(s): s.findings for s in summaries})
    names = {policy_name(s) for s in summaries}
    nav = [{"Library": HOME}, {"Shared papers": PAPERS}]
    return link_out(pages, names, directory_urls), nav
