"""A library of policies on one site: a home listing them, each policy's own site under its name,
and a page per paper that several policies cite, listing them.

Each policy's pages are its single-policy pages moved under ``<policy>/``;
their links are relative, so they keep working. With one policy the site
is built as before and nothing here is used.
"""
from __future__ import annotations

import hashlib
import re

from kb.knowledge.corpus import policy_name
from kb.site.pages import links
from kb.site.pages.common import SEVERITY_WORD
from kb.site.pages.text import link, nav_title, plain, pubmed_url, table, title

HOME = links.HOME
PAPERS = "papers/index.md"


def prefixed(name: str, files: dict) -> dict:
    """A policy's files under its own folder."""
    return {f"{name}/{path}": content for path, content in files.items()}


def prefixed_nav(name: str, nav: list) -> list:
    """A policy's navigation with every page path moved under its folder."""
    def move(item):
        if isinstance(item, str):
            return f"{name}/{item}"
        if isinstance(item, dict):
            return {key: move(value) for key, value in item.items()}
        return [move(i) for i in item]
    return [move(item) for item in nav]


def paper_path(paper: str) -> str:
    """papers/pmid-19657121.md; a title-based identity gets a short, stable slug."""
    kind, _, value = paper.partition(":")
    if kind in ("pmid", "doi"):
        slug = f"{kind}-" + re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-")
    else:
        slug = f"{kind}-{hashlib.sha1(paper.encode()).hexdigest()[:12]}"
    return f"papers/{slug[:80]}.md"


def _counts(site) -> str:
    found = {"error": 0, "warning": 0, "info": 0}
    for _, f in site.open_findings:
        found[f.severity] = found.get(f.severity, 0) + 1
    return ", ".join(f"{n} {SEVERITY_WORD.get(k, k)}" for k, n in found.items())


def home_page(corpus, sites: dict, intro: str = "") -> str:
    rows = []
    for kb in corpus.policies:
        name = policy_name(kb)
        rows.append([link(plain(name), links.rel(HOME, f"{name}/{links.HOME}")), title(kb.doc.title or name, 90),
                     plain(kb.metadata("effective") or ""), plain(kb.metadata("next_review") or ""),
                     str(len(kb.references)), _counts(sites[name])])
    shared = corpus.shared()
    parts = ["# Policy library", intro.strip(),
             f"{len(corpus.policies)} policies. Each has its own pages (criteria, evidence, references, "
             f"findings, annual-review worklist); {len(shared)} papers are cited by more than one of them.",
             table(["policy", "title", "effective", "next review", "references", "open findings"], rows),
             "## Papers several policies rest on",
             link("Every shared paper", links.rel(HOME, PAPERS)) + ", with the policies that cite it."]
    return "\n\n".join(p for p in parts if p) + "\n"


def _paper_label(corpus, citing) -> tuple[str, object]:
    first = corpus.by_name[citing[0].policy].references[citing[0].number]
    return first.label, first


def paper_pages(corpus) -> dict[str, str]:
    shared = corpus.shared()
    index_rows, out = [], {}
    for paper, citing in sorted(shared.items(), key=lambda kv: (-len(kv[1]), _paper_label(corpus, kv[1])[0])):
        label, entry = _paper_label(corpus, citing)
        path = paper_path(paper)
        names = list(dict.fromkeys(c.policy for c in citing))
        index_rows.append([link(plain(label), links.rel(PAPERS, path)), plain(entry.title or ""), str(len(names))])
        rows = [[link(plain(c.policy), links.rel(path, f"{c.policy}/{links.HOME}")),
                 link(f"reference {c.number}", links.rel(path, f"{c.policy}/{links.reference_path(c.number)}")),
                 "cited" if c.number in corpus.by_name[c.policy].cited else "listed, not cited"] for c in citing]
        pmid = link(plain(entry.pmid), pubmed_url(entry.pmid)) if entry.pmid else ""
        out[path] = "\n\n".join(filter(None, [
            f"# {title(label)}", plain(entry.raw), f"PMID {pmid}" if pmid else "",
            f"Cited by {len(names)} policies:", table(["policy", "its entry", "in the text"], rows)])) + "\n"
    out[PAPERS] = "\n\n".join(filter(None, [
        "# Papers cited by several policies",
        "A paper is the same when its PMID, else its DOI, else its title and year match.",
        table(["paper", "title", "policies"], index_rows) or "No paper is cited by more than one policy."])) + "\n"
    return out


def corpus_nav(corpus, navs: dict) -> list:
    """Library home and shared papers, then each policy's own navigation (already under its folder)."""
    nav: list = [{"Library": HOME}, {"Shared papers": PAPERS}]
    for kb in corpus.policies:
        name = policy_name(kb)
        nav.append({nav_title(name) or "policy": navs[name]})
    return nav
