"""A process that builds a library's sites with MkDocs, one job at a time: ``python -m kb.site.library_worker``.

It reads one JSON job a line on stdin and answers each with one JSON line on
stdout, so MkDocs, Material and matplotlib are imported once for many
policies. A ``policy`` job builds one policy's site (the single-policy
build, strict, figures drawn in this process) into a cache entry and writes
its summary beside it; a ``library`` job builds the library's home and
paper pages. Each build goes to a temporary folder renamed into place when
it succeeded. Answers: ``{"ok": true}``, or ``{"ok": false, "kind":
"input"|"strict", "message": ...}``; anything else is a crash (traceback
on stderr, exit 3).
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from pathlib import Path

_PLUGIN = "policykb"


class _Warnings(logging.Handler):
    """MkDocs' warnings and errors, kept to report a failed strict build."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


def _quiet_mkdocs() -> _Warnings:
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.propagate = False
    return handler


def _share_compiled_templates() -> None:
    """Compile the theme's templates once for every build of this process, not once a build (about a sixth
    of a policy's build). Jinja keys its bytecode by template name and source checksum, so a changed template
    is compiled afresh; the pages are the same either way."""
    import jinja2
    from mkdocs.theme import Theme

    class Memory(jinja2.BytecodeCache):
        def __init__(self):
            self.code: dict[str, bytes] = {}

        def load_bytecode(self, bucket):
            if bucket.key in self.code:
                bucket.bytecode_from_string(self.code[bucket.key])

        def dump_bytecode(self, bucket):
            self.code[bucket.key] = bucket.bytecode_to_string()

    memory, get_env = Memory(), Theme.get_env

    def shared_env(theme):
        env = get_env(theme)
        env.bytecode_cache = memory
        return env
    Theme.get_env = shared_env


def _build(config_file: str, site_dir: Path, warnings: _Warnings, adjust=None, **overrides) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    warnings.lines.clear()
    try:
        config = load_config(config_file, site_dir=str(site_dir), strict=True, **overrides)
        if adjust:
            adjust(config)
        build(config)
    except PluginError as exc:
        message = str(exc)
        if message.startswith("kb: "):
            return {"ok": False, "kind": "input", "message": message[4:]}
        raise
    except Abort:
        # MkDocs logs a plugin's error and aborts: the plugin's "kb: ..." is an input error (a malformed table).
        for line in warnings.lines:
            if line.startswith("ERROR - kb: "):
                return {"ok": False, "kind": "input", "message": line[len("ERROR - kb: "):]}
        return {"ok": False, "kind": "strict", "message": "\n".join(warnings.lines)}
    return {"ok": True, "config": config}


def share_assets(site: Path, shared: Path) -> None:
    """The theme's files (scripts, stylesheets, search languages: the same in every policy's site) stored once:
    each becomes a hard link to one copy in ``shared``, named by its content's hash."""
    import hashlib

    for path in sorted((site / "assets").rglob("*")):
        if not path.is_file():
            continue
        one = shared / hashlib.sha256(path.read_bytes()).hexdigest()
        try:
            if one.is_file():
                tmp = path.with_name(path.name + ".link")
                os.link(one, tmp)
                os.replace(tmp, path)
            else:
                one.parent.mkdir(parents=True, exist_ok=True)
                os.link(path, one)
        except OSError:
            pass  # no hard links here: the file stays a copy of its own


def _put(tmp: Path, dest: Path) -> None:
    """The finished folder into place (a concurrent build of the same key already put an equal one there)."""
    try:
        tmp.rename(dest)
    except OSError:
        if not dest.is_dir():
            raise
        shutil.rmtree(tmp, ignore_errors=True)


def _under(slug: str):
    """A policy's site lives at <library>/<slug>/: its address there, and the logo leads back to the library."""
    def adjust(config):
        if config.site_url:
            config.site_url = f"{config.site_url.rstrip('/')}/{slug}/"
        config.extra.setdefault("homepage", "../")
    return adjust


def build_policy(job: dict, warnings: _Warnings) -> dict:
    from kb.site.library_pages import summarise, to_json
    from kb.site.plugin import PolicyKbPlugin

    dest = Path(job["dest"])
    tmp = dest.with_name(dest.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    saved = dict(os.environ)
    os.environ.update(KB_POLICY=job["policy"], KB_PROJECT=job["root"], KB_FIGURES="inline")
    if job.get("epoch") is None:  # the plugin dates this policy's build from the policy itself
        os.environ.pop("SOURCE_DATE_EPOCH", None)
    else:
        os.environ["SOURCE_DATE_EPOCH"] = job["epoch"]
    try:
        result = _build(job["config"], tmp / "site", warnings, adjust=_under(job["slug"]))
        if not result.pop("ok"):
            shutil.rmtree(tmp, ignore_errors=True)
            return {"ok": False, **result}
        plugin = next(p for p in result["config"].plugins.values() if isinstance(p, PolicyKbPlugin))
        (tmp / "summary.json").write_text(to_json(summarise(plugin.gathered)), encoding="utf-8")
        share_assets(tmp / "site", Path(job["shared"]))
        _put(tmp, dest)
        return {"ok": True}
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _without_plugin(config_file: str) -> dict:
    """The configuration's plugins minus policykb, and link checks that let links into the policies' sites be."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as f:
        raw = yaml_load(f) or {}
    plugins = [p for p in raw.get("plugins", ["search"])
               if p != _PLUGIN and not (isinstance(p, dict) and _PLUGIN in p)]
    validation = dict(raw.get("validation") or {})
    validation["unrecognized_links"] = "info"
    if isinstance(validation.get("links"), dict):
        validation["links"] = {**validation["links"], "unrecognized_links": "info"}
    return {"plugins": plugins, "validation": validation}


def build_library(job: dict, warnings: _Warnings) -> dict:
    from kb.site.library_pages import from_json, library_pages

    dest = Path(job["dest"])
    docs = dest.with_name(dest.name + ".docs")
    shutil.rmtree(docs, ignore_errors=True)
    summaries = [from_json(Path(p).read_text(encoding="utf-8")) for p in job["summaries"]]
    pages, nav = library_pages(summaries, job["directory_urls"])
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    for path in job["assets"]:  # the stylesheet (and what else the theme's settings name) from the docs folders
        source = Path(path)
        target = docs / Path(path).relative_to(job["assets"][path])
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    saved = dict(os.environ)
    os.environ["SOURCE_DATE_EPOCH"] = job["epoch"]
    try:
        result = _build(job["config"], dest, warnings, docs_dir=str(docs), nav=nav, **_without_plugin(job["config"]))
    finally:
        os.environ.clear()
        os.environ.update(saved)
        shutil.rmtree(docs, ignore_errors=True)
    result.pop("config", None)
    return result


def main() -> int:
    warnings = _quiet_mkdocs()
    _share_compiled_templates()
    jobs = {"policy": build_policy, "library": build_library}
    for line in sys.stdin:
        job = json.loads(line)
        answer = jobs[job["kind"]](job, warnings)
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
