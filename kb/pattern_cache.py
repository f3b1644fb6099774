"""Compiled regular expressions kept between runs, as Python keeps compiled modules in ``__pycache__``.

A command compiles a few hundred patterns (the checks', the reader's, its
libraries'); on the bundled policy that was about a quarter of ``kb check``'s
CPU time, and it is the same work on every run. Python's ``re`` turns a
pattern into a list of integer codes (a parse and a compile written in
Python) and hands it to its C engine (``_sre.compile``), which takes well
under a millisecond for all of them. So the first run of a command writes its
patterns' codes to ``kb/__pycache__/patterns-<command>.<python>.marshal``; a
later run loads them into the ``re`` module's own cache of compiled patterns
before the work starts, and every ``re.compile``, ``re.search`` or lazy
pattern (``kb.patterns``) then finds its pattern compiled.

The file is keyed by the exact interpreter (its version and the engine's
code format), written only where Python may write bytecode
(``PYTHONDONTWRITEBYTECODE`` turns writing off), replaced atomically, and
passed over silently when missing, stale or unreadable: it only ever saves
time. The engine validates every code list it is given. ``KB_COMPILE_CACHE=0``
turns it off. It relies on the internals of CPython 3.11's ``re`` (the
module's cache and ``_sre.compile``), so on any other interpreter it does
nothing.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from kb.compiled_store import write_marshal

_FOLDER = Path(__file__).resolve().parent / "__pycache__"
# At most this many patterns, newest first; patterns made from one policy's own words (organisation names) fall
# off the end. ``re`` keeps 512 and, when full, drops the oldest entry: a check now uses about 670 distinct
# patterns, so with 512 each run compiled some 160-250 of them again and rewrote the file. While the file is in
# use ``re``'s cache is raised to hold them all (compiled patterns are small: about 2 MB for 2,048).
_KEEP = 2048
_state: dict = {}


def _supported() -> bool:
    import re

    return (sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11)
            and isinstance(getattr(re, "_cache", None), dict) and os.environ.get("KB_COMPILE_CACHE", "1") != "0")


def _stamp() -> tuple:
    import _sre

    return (sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sources())


def _sources() -> int:
    """A checksum of the package's source files (name, size, modification time). After an edit the file starts
    afresh: patterns no run uses any more would otherwise keep their places in it, and once the file and the
    patterns a run needs no longer fit in ``re``'s cache together, a few would be compiled again on every run."""
    import zlib

    seen, folders = [], [str(Path(__file__).resolve().parent)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    info = entry.stat()
                    seen.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
                elif entry.name != "__pycache__" and entry.is_dir():
                    folders.append(entry.path)
    return zlib.crc32("\n".join(sorted(seen)).encode())


def _path(command: str) -> Path:
    return _FOLDER / f"patterns-{command}.{sys.implementation.cache_tag}.marshal"


def _compiled(entry: tuple):
    import _sre

    pattern, _flags, final_flags, code, groups, groupindex = entry
    indexgroup = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))


def preload(command: str) -> None:
    """Put the patterns ``command`` compiled on an earlier run into ``re``'s cache; keep new ones at exit. Once."""
    if _state or not _supported():
        return
    import atexit
    import marshal
    import re

    _state.update(command=command, entries={})
    re._MAXCACHE = max(re._MAXCACHE, _KEEP)
    try:
        stamp, entries = marshal.loads(_path(command).read_bytes())
        if stamp != _stamp():
            entries = []
        room = min(_KEEP, re._MAXCACHE - len(re._cache))
        for entry in entries[:max(0, room)]:
            key = (type(entry[0]), entry[0], entry[1])
            if key not in re._cache:
                re._cache[key] = _compiled(entry)
            _state["entries"][key] = entry
    except (OSError, ValueError, EOFError, TypeError, RuntimeError, IndexError):
        _state["entries"] = {}
    atexit.register(_keep)


def _entry(pattern, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands the engine, minus what can be derived from it."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # the opcodes are an int subclass marshal refuses
    return (pattern, int(flags), int(flags | parsed.state.flags), code, parsed.state.groups - 1,
            dict(parsed.state.groupdict))


def _keep() -> None:
    """At exit, when this run compiled patterns the file did not hold: those first, then the file's."""
    import re

    known = _state.get("entries", {})
    new = [key for key in list(re._cache) if key[0] in (str, bytes) and isinstance(key[2], int) and key not in known]
    if sys.dont_write_bytecode or not new or not os.access(_FOLDER if _FOLDER.exists() else _FOLDER.parent, os.W_OK):
        return  # (a read-only install: the codes are not even worked out)
    try:
        entries = ([_entry(key[1], key[2]) for key in new] + list(known.values()))[:_KEEP]
    except Exception:  # noqa: BLE001 - a pattern re's internals cannot re-make is simply not kept
        return
    write_marshal(_FOLDER, _path(_state["command"]), (_stamp(), entries))
