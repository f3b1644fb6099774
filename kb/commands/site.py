"""Build the annual-review site (MkDocs with the Material theme) from a policy, and optionally serve it.

The build is strict (any broken link or anchor fails it) and offline (no
fonts, scripts or images from elsewhere). It runs the project's mkdocs.yml,
or the default one shipped in the package when the project has none; pages
are generated from the knowledge base at build time by the policykb MkDocs
plugin (kb/site/plugin.py); nothing generated is stored. With several policies (or --all) the site is a library
(kb/site/library.py): a home listing them and a page per paper several
policies cite, and each policy's own site in its folder, built once and
cached under .kb-cache/ until its inputs change. Exit 0 built; 1 the strict
build failed (its warnings are printed); 2 a usage or input error.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from ..errors import KbError
from ..paths import project_root
from ..progress import terminal_fd_for_child
from .common import add_policy_argument, check_output, policy_paths

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "site" / "mkdocs.yml"
# Files a previous build leaves; MkDocs empties the output folder first, so refuse any other folder.
_BUILT_MARKERS = ("sitemap.xml", "search/search_index.json", "404.html")


def add_arguments(parser) -> None:
    add_policy_argument(parser)
    parser.add_argument("-o", "--output", metavar="DIR",
                        help="build into DIR (default: build/site in the project); an existing DIR must "
                             "be empty or hold an earlier build, because the build replaces its contents")
    parser.add_argument("--serve", action="store_true",
                        help="after building, serve the site on http://127.0.0.1:PORT/ until Ctrl-C")
    parser.add_argument("-j", "--jobs", type=_jobs, default=1,
                        help="a library (several policies): build up to N policies at once (default 1)")
    parser.add_argument("--port", type=_port, default=8000, help="port for --serve (default 8000; 0 picks a free one)")


def _jobs(value: str) -> int:
    import argparse

    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of jobs (1 or more)")
    return int(value)


def _port(value: str) -> int:
    """A TCP port, checked before the build rather than after it."""
    import argparse

    try:
        port = int(value)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port (0-65535)")
    return port


def config_file(root: Path) -> Path:
    """The project's own mkdocs.yml, else the default shipped with the package."""
    own = root / "mkdocs.yml"
    return own if own.is_file() else DEFAULT_CONFIG


def docs_dir(config: Path) -> Path:
    """The hand-written pages' folder a configuration names (MkDocs' default: docs beside it)."""
    import yaml

    try:
        # MkDocs' own tags (!ENV, !relative) would stop safe_load; only docs_dir matters here.
        loader = type("Loader", (yaml.SafeLoader,), {})
        loader.add_multi_constructor("!", lambda loader, suffix, node: None)
        named = (yaml.load(config.read_text(encoding="utf-8"), Loader=loader) or {}).get("docs_dir")
    except (OSError, yaml.YAMLError, AttributeError) as exc:
        raise KbError(f"cannot be read as a MkDocs configuration ({exc})", str(config)) from None
    return (config.parent / (named if isinstance(named, str) else "docs")).resolve()


def _check_output(out: Path, docs: Path) -> None:
    from kb.site import SHIPPED_DOCS

    if out.exists() and not out.is_dir():
        raise KbError("is a file, not a folder for the site", str(out))
    # The shipped pages count too: a build left among them would be packaged and read as pages next time.
    for pages in (docs, SHIPPED_DOCS):
        if out == pages or pages in out.parents or out in pages.parents:
            raise KbError(f"would overlap the hand-written pages in {pages.name}/; choose another folder", str(out))
    if out.is_dir() and any(out.iterdir()) and not any((out / m).exists() for m in _BUILT_MARKERS):
        raise KbError("is not empty and holds no earlier site build; the build would delete its contents",
                      str(out))


def _policy_for_plugin(policy: Path, root: Path) -> str:
    """The path the pages show: relative to the project when inside it (the build runs there)."""
    resolved = policy.resolve()
    try:
        return str(resolved.relative_to(root))
    except ValueError:
        return str(resolved)


def build(policies: Path | list[Path], out: Path, root: Path | None = None) -> subprocess.CompletedProcess:
    """Run the strict MkDocs build; several policies make a library site (see kb.site.pages.corpus)."""
    root = root or project_root()
    policies = [policies] if isinstance(policies, Path) else list(policies)
    named = os.pathsep.join(_policy_for_plugin(p, root) for p in policies)
    env = dict(os.environ, KB_POLICY=named, KB_PROJECT=str(root), NO_MKDOCS_2_WARNING="1",
               DISABLE_MKDOCS_2_WARNING="true", MPLBACKEND="Agg")
    # Never add -q or -v: with either, --strict no longer fails the build on warnings.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file(root)), "-d", str(out)]
    # MkDocs' stderr is read here for its warnings; the progress bar goes to our terminal (kb.progress).
    terminal = terminal_fd_for_child()
    if terminal is not None:
        env["KB_PROGRESS_FD"] = str(terminal)
    try:
        return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=root,
                              pass_fds=(terminal,) if terminal is not None else ())
    finally:
        if terminal is not None:
            os.close(terminal)


def serve(out: Path, port: int) -> None:
    import functools
    import http.server

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # one line per request would bury the address
            pass

    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(out)))
    except OSError as exc:
        raise KbError(f"cannot serve on port {port} ({exc.strerror}); pick another with --port") from None
    print(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# The plugin reports input errors (missing file, bad encoding, malformed curated table) as "kb: ...";
# one raised later, while the pages are made, reaches MkDocs' own traceback as "kb.errors.KbError: ...".
_INPUT_ERROR = re.compile(r"^(?:ERROR\s+-\s+kb: |kb\.errors\.KbError: )(?P<message>.+)$", re.MULTILINE)


def _failed(proc: subprocess.CompletedProcess) -> int:
    """A build that failed: an input error (exit 2), a crash (exit 3, via the CLI's log) or a strict failure (1)."""
    problem = _INPUT_ERROR.search(proc.stderr)
    if problem:
        raise KbError(problem.group("message"))
    if "Traceback (most recent call last)" in proc.stderr:
        raise RuntimeError("the MkDocs build of the site crashed; its output:\n" + proc.stderr)
    lines = [l for l in proc.stderr.splitlines() if l.startswith(("WARNING", "ERROR", "Error", "Aborted"))]
    print("kb site: the strict build failed; the earlier site, if any, is unchanged:\n"
          + "\n".join(lines or proc.stderr.splitlines()[-20:]), file=sys.stderr)
    return 1


def _fresh_folder(out: Path) -> Path:
    """An empty folder beside ``out`` to build into, with the permissions a plain mkdir gives."""
    import tempfile

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent))
    except OSError as exc:
        raise KbError(f"cannot be created ({exc.strerror or exc})", str(out)) from None
    umask = os.umask(0)
    os.umask(umask)
    tmp.chmod(0o777 & ~umask)
    return tmp


def _swap_in(built: Path, out: Path) -> None:
    """Put the new build where the old one was; the old one goes only once the new one is in place."""
    import shutil

    old = built.with_name(built.name.replace(".building", ".old"))
    if out.exists():
        out.rename(old)
    try:
        built.rename(out)
    except OSError:
        if old.exists():
            old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _library(policies: list[Path], out: Path, root: Path, jobs: int) -> tuple[int, str]:
    """Build a library incrementally (kb.site.library): exit code, and what was built."""
    import shutil

    from ..site.library import StrictBuildFailed, build_library, prune
    from ..site.placing import carry_over, put_back

    config = config_file(root)
    building = _fresh_folder(out)
    try:
        try:
            built = build_library(policies, building, root, config, docs_dir(config), jobs=jobs, previous=out)
        except StrictBuildFailed as exc:
            print(f"kb site: {exc}\nthe earlier site, if any, is unchanged", file=sys.stderr)
            return 1, ""
        # Last, so that a failure before it leaves the previous library whole.
        moved = carry_over(built.carried, out, building)
        try:
            _swap_in(building, out)
        except BaseException:
            put_back(moved)
            raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    prune(built.entries)
    return 0, f"{len(policies)} policies ({built.rebuilt} built, {len(policies) - built.rebuilt} from the cache)"


def run(args) -> int:
    import shutil

    policies = policy_paths(args)
    root = project_root()
    out = Path(args.output).resolve() if args.output else root / "build" / "site"
    check_output(out, policies)
    _check_output(out, docs_dir(config_file(root)))
    start = time.perf_counter()
    # MkDocs empties its output folder before it makes the pages, and a strict build fails only at
    # the end: build into a fresh folder, so a failed build never touches the earlier site.
    # The plugin loads the policy itself; reading it here first would cost every build a second parse.
    if len(policies) > 1:
        code, source = _library(policies, out, root, args.jobs)
        if code:
            return code
    else:
        building = _fresh_folder(out)
        try:
            proc = build(policies, building)
            if proc.returncode != 0:
                return _failed(proc)
            _swap_in(building, out)
        finally:
            shutil.rmtree(building, ignore_errors=True)
        source = policies[0]
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"built {pages} HTML pages from {source} into {os.path.relpath(out)} in {time.perf_counter() - start:.1f} s; "
          f"open {os.path.relpath(out / 'index.html')}")
    if args.serve:
        serve(out, args.port)
    return 0
