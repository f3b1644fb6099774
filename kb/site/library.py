"""A library of policies built incrementally: each policy its own static site, cached by the hash of its inputs.

    <out>/index.html, papers/, search/ ...   the library: a home listing the policies, the shared papers
    <out>/<policy>/                          that policy's own site, exactly as its cache entry holds it

A policy whose key (``kb.site.cache.policy_key``) has a cache entry is not
built again; the others are built by worker processes
(``kb.site.library_worker``) into ``.kb-cache/site/<policy>/<key>/`` in the
project. The library's pages are made from the policies' cached summaries,
then everything is assembled in a fresh folder (hard links to the cache
where the file system allows, else copies) that replaces the output only
when complete: a failure anywhere leaves the previous library as it was.
"""
from __future__ import annotations

import json
import os
import selectors
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kb.errors import KbError
from kb.paths import policy_name
from kb.progress import progress
from kb.site.cache import config_fingerprint, policy_key, tool_fingerprint
from kb.site.placing import holds_cached_site, link_tree

CACHE = Path(".kb-cache") / "site"
SUMMARY = "summary.json"
SHARED = ".shared"  # the theme's files, once for every policy (kb.site.library_worker.share_assets)
BUNDLED_DOCS = Path(__file__).resolve().parent / "docs"


class StrictBuildFailed(Exception):
    """A policy's (or the library's) strict MkDocs build logged warnings; the message holds them."""


@dataclass(frozen=True)
class Entry:
    """One policy of the library and where its built site is cached."""
    name: str
    policy: Path
    shown_as: str  # the path its pages print
    folder: Path  # the cache entry: site/ and summary.json

    @property
    def cached(self) -> bool:
        return (self.folder / SUMMARY).is_file()


@dataclass(frozen=True)
class Built:
    entries: tuple[Entry, ...]
    rebuilt: int
    carried: dict  # name -> cached site, for the unchanged policies whose previous output folder moves over


def shown_path(policy: Path, root: Path) -> str:
    """The path the pages show: relative to the project when inside it (the build runs there)."""
    resolved = policy.resolve()
    try:
        return str(resolved.relative_to(root))
    except ValueError:
        return str(resolved)


def plan(policies: list[Path], root: Path, config: Path, docs: Path, cache: Path) -> list[Entry]:
    names = [policy_name(p) for p in policies]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise KbError(f"two policies are both called '{twice[0]}'; give them different folder names",
                      str(policies[names.index(twice[0])]))
    tool, settings = tool_fingerprint(), config_fingerprint(config, docs)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    entries = []
    for name, policy in zip(names, policies):
        shown = shown_path(policy, root)
        key = policy_key(policy.resolve(), shown, tool, settings, epoch)
        entries.append(Entry(name, policy, shown, cache / name / key))
    return entries


def _worker_env() -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", MPLBACKEND="Agg",
                KB_PROGRESS="0")


class Worker:
    """One ``kb.site.library_worker`` process: one job at a time, one answer a line."""

    def __init__(self, root: Path):
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "kb.site.library_worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.log, text=True, env=_worker_env(), cwd=root)
        self.job: dict | None = None

    def send(self, job: dict) -> None:
        self.job = job
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()

    def answer(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait()
            self.log.seek(0)
            raise RuntimeError(f"the site build of {self.job.get('policy', 'the library')} crashed; its output:\n"
                               + self.log.read()[-20000:])
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def _raise_for(answer: dict, what: str) -> None:
    if answer["ok"]:
        return
    if answer["kind"] == "input":
        raise KbError(answer["message"])
    raise StrictBuildFailed(f"{what}:\n{answer['message']}")


def _policy_job(entry: Entry, root: Path, config: Path) -> dict:
    return {"kind": "policy", "policy": entry.shown_as, "slug": entry.name, "dest": str(entry.folder),
            "shared": str(entry.folder.parent.parent / SHARED),
            "root": str(root), "config": str(config), "epoch": os.environ.get("SOURCE_DATE_EPOCH")}


def _build_policies(todo: list[Entry], done: int, workers: list[Worker], root: Path, config: Path):
    """Yield once per policy: first those already cached, then each as its build finishes."""
    yield from range(done)
    queue = list(todo)
    with selectors.DefaultSelector() as selector:
        for worker in workers:
            if queue:
                worker.send(_policy_job(queue.pop(0), root, config))
                selector.register(worker.proc.stdout, selectors.EVENT_READ, worker)
        while selector.get_map():
            for key, _ in selector.select():
                worker = key.data
                _raise_for(worker.answer(), f"the strict build of {worker.job['policy']} failed")
                yield worker.job["slug"]
                if queue:
                    worker.send(_policy_job(queue.pop(0), root, config))
                else:
                    selector.unregister(worker.proc.stdout)


def _library_assets(docs: Path) -> dict[str, str]:
    """Files (not pages) the library's own build needs, each with its folder: the docs folder's, and the
    shipped ones it lacks (the stylesheet)."""
    seen: set[str] = set()
    assets: dict[str, str] = {}
    for base in (docs, BUNDLED_DOCS):
        for path in sorted(base.rglob("*")) if base.is_dir() else ():
            rel = path.relative_to(base).as_posix()
            if path.is_file() and path.suffix != ".md" and rel not in seen:
                seen.add(rel)
                assets[str(path)] = str(base)
    return assets


def _library_epoch(entries: list[Entry]) -> str:
    named = os.environ.get("SOURCE_DATE_EPOCH")
    if named:
        return named
    return str(max(json.loads((e.folder / SUMMARY).read_text(encoding="utf-8"))["epoch"] for e in entries))


def _directory_urls(config: Path) -> bool:
    from mkdocs.utils.yaml import yaml_load

    with open(config, encoding="utf-8") as f:
        return bool((yaml_load(f) or {}).get("use_directory_urls", True))


def assemble(entries: list[Entry], building: Path, worker: Worker, config: Path, docs: Path,
             previous: Path | None = None) -> dict[str, Path]:
    """The library's pages, then each policy's cached site under its name, all in ``building``; a policy whose
    folder in the ``previous`` output is its cached site already is left there for ``kb.site.placing.carry_over``
    (returned: name -> cached site)."""
    job = {"kind": "library", "dest": str(building), "config": str(config), "epoch": _library_epoch(entries),
           "summaries": [str(e.folder / SUMMARY) for e in entries], "assets": _library_assets(docs),
           "directory_urls": _directory_urls(config)}
    worker.send(job)
    _raise_for(worker.answer(), "the strict build of the library's pages failed")
    carried: dict[str, Path] = {}
    for entry in entries:
        target = building / entry.name
        if target.exists():
            raise KbError(f"a policy may not be called '{entry.name}': the library's own {entry.name} is there",
                          str(entry.policy))
        if previous is not None and holds_cached_site(previous / entry.name, entry.folder / "site"):
            carried[entry.name] = entry.folder / "site"
        else:
            link_tree(entry.folder / "site", target)
    return carried


def prune(entries: list[Entry]) -> None:
    """Each policy's older cache entries (and builds left by a crash) go once the library using the new one is in
    place, and so do shared theme files no entry links to any more."""
    for entry in entries:
        for other in entry.folder.parent.iterdir():
            if other != entry.folder:
                shutil.rmtree(other, ignore_errors=True)
    shared = entries[0].folder.parent.parent / SHARED if entries else None
    for path in shared.iterdir() if shared and shared.is_dir() else ():
        if path.stat().st_nlink == 1:
            path.unlink()


def _cache_folder(root: Path) -> Path:
    cache = root / CACHE
    try:
        cache.mkdir(parents=True, exist_ok=True)
        ignore = cache.parent / ".gitignore"
        if not ignore.exists():  # a cache is never committed
            ignore.write_text("# made by kb site; safe to delete\n*\n", encoding="utf-8")
    except OSError as exc:
        raise KbError(f"cannot be created for the site cache ({exc.strerror or exc})", str(cache)) from None
    return cache


def build_library(policies: list[Path], building: Path, root: Path, config: Path, docs: Path,
                  jobs: int = 1, previous: Path | None = None) -> Built:
    """Build the library into the empty folder ``building``, reusing every cached policy site; the unchanged
    policies' folders of the ``previous`` output are left to be carried over (``Built.carried``)."""
    entries = plan(policies, root, config, docs, _cache_folder(root))
    todo = [e for e in entries if not e.cached]
    workers = [Worker(root) for _ in range(max(1, min(jobs, len(todo))))]
    try:
        for _ in progress(_build_policies(todo, len(entries) - len(todo), workers, root, config),
                          "building", total=len(entries), unit="policy"):
            pass
        carried = assemble(entries, building, workers[0], config, docs, previous)
    except BaseException:
        for worker in workers:
            worker.stop()
        raise
    for worker in workers:
        worker.close()
    return Built(tuple(entries), len(todo), carried)
