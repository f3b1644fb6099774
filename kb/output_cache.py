"""A command's printed output kept by a hash of everything it was made from, as linters keep their results.

``kb check`` and ``kb info`` spend nearly all their time importing the
checks, compiling their patterns and reading the policy; the answer for an
unchanged policy is the same every time. The first run stores what it
printed and its exit code under ``.kb-cache/output/`` in the project; a
later run whose key matches prints that again without importing any of it.

The key covers the command and its options, the path it prints, every file
of the policy's folder (by content: the text, curated tables, waivers,
PubMed records), the tool (the version and every file of the kb package, by
size and modification time, which an edit or a reinstall changes) and the
Python and the installed packages it runs with (the folders of ``sys.path``
by modification time, which installing, upgrading or removing a package
changes). ``--no-cache`` or ``KB_CACHE=0`` skips the cache. A cache that
cannot be read or written is passed over silently: it only ever saves time.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from collections import namedtuple
from collections.abc import Callable
from contextlib import redirect_stderr
from pathlib import Path

from kb.paths import POLICY_FILE
from kb.pubmed.layout import PUBMED_DIR, SEARCH_DIR

FOLDER = Path(".kb-cache") / "output"
RECORD_FOLDERS = (PUBMED_DIR, SEARCH_DIR)  # PubMed records beside a policy, read by the PMD checks
_CONTENT_LIMIT = 1 << 20
_KB_PACKAGE = Path(__file__).resolve().parent


def enabled(no_cache: bool = False) -> bool:
    return not no_cache and os.environ.get("KB_CACHE", "1") != "0"


def _walk_stats(digest, folder: Path) -> None:
    """Each file's relative path, size and modification time; __pycache__ is the interpreter's, not ours."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            stat = os.stat(os.path.join(root, name))
            rel = os.path.relpath(os.path.join(root, name), folder)
            digest.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())


def tool_stamp() -> str:
    """The kb package and the interpreter and packages around it, cheaply: sizes and times, not contents."""
    from kb import __version__

    digest = hashlib.sha256(f"kb {__version__}\0{sys.version}\0{sys.executable}\0".encode())
    _walk_stats(digest, _KB_PACKAGE)
    for entry in sys.path:
        try:
            digest.update(f"{entry}\0{os.stat(entry or '.').st_mtime_ns}\0".encode())
        except OSError:
            digest.update(f"{entry}\0-\0".encode())
    return digest.hexdigest()


def _file_digest(digest, path: str, folder: Path) -> None:
    """A small file by content (a table edited within the same second still counts); a large one by size and time."""
    stat = os.stat(path)
    if stat.st_size <= _CONTENT_LIMIT:
        with open(path, "rb") as fh:
            mark = hashlib.sha256(fh.read()).hexdigest()
    else:
        mark = f"{stat.st_size}:{stat.st_mtime_ns}"
    digest.update(f"{os.path.relpath(path, folder)}\0{mark}\0".encode())


def _policy_digest(digest, policy: Path) -> None:
    """The policy's folder: the text, the curated tables and waivers beside it, and its record folders.

    A policy.md's folder is the policy's own, read whole; a file of another
    name may sit in any folder (a home folder, Downloads), so only the files
    directly beside it and the PubMed record folders are read there.
    """
    folder = policy.parent
    own = policy.name == POLICY_FILE
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and (own or (here == folder and d in RECORD_FOLDERS) or here != folder))
        for name in sorted(files):
            _file_digest(digest, os.path.join(root, name), folder)


# Where an answer is kept (one place per command, options and policy, so the cache does not grow with each
# edit: a new answer replaces the old) and the hash of every input it was made from. A named tuple, not a
# dataclass: importing dataclasses would cost this fast path a third of its time.
Key = namedtuple("Key", "slot digest")


def key(command: str, options: dict, policy: Path, shown_as: str) -> Key:
    slot = hashlib.sha256(f"{command}\0{json.dumps(options, sort_keys=True, default=str)}\0{shown_as}\0"
                          .encode())
    digest = slot.copy()
    digest.update(tool_stamp().encode())
    _policy_digest(digest, policy)
    return Key(slot.hexdigest(), digest.hexdigest())


def _entry(root: Path, key: Key) -> Path:
    return root / FOLDER / key.slot[:2] / f"{key.slot}.json"


def load(root: Path, key: Key, valid: Callable[[dict], bool]) -> dict | None:
    """The record kept for ``key``, or None when there is none, it was made from other inputs, or it is damaged
    (``valid`` says no)."""
    try:
        record = json.loads(_entry(root, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("key") == key.digest and valid(record) else None


def store(root: Path, key: Key, record: dict) -> None:
    """Written to a temporary name and renamed, so a reader never sees half a record; failures are ignored."""
    path = _entry(root, key)
    record = {"key": key.digest, **record}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore = root / FOLDER.parent / ".gitignore"
        if not ignore.exists():  # a cache is never committed
            ignore.write_text("# made by kb; safe to delete\n*\n", encoding="utf-8")
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def _printed(record) -> bool:
    return (isinstance(record.get("stdout"), str) and isinstance(record.get("stderr"), str)
            and isinstance(record.get("exit"), int))


def replay_or_run(root: Path, key: Key, compute: Callable[[], tuple[str, int]]) -> int:
    """Print the stored output for ``key``, or run ``compute`` (text for stdout, exit code) and store it.

    What ``compute`` writes to stderr is kept too and written again on a
    replay. An error (``KbError`` or any other) is raised as usual and
    nothing is stored, so a failure is never replayed.
    """
    record = load(root, key, _printed)
    if record is None:
        errors = io.StringIO()
        try:
            with redirect_stderr(errors):
                stdout, code = compute()
        except BaseException:
            sys.stderr.write(errors.getvalue())
            raise
        record = {"stdout": stdout, "stderr": errors.getvalue(), "exit": code}
        store(root, key, record)
    sys.stderr.write(record["stderr"])
    sys.stdout.write(record["stdout"])
    return record["exit"]
