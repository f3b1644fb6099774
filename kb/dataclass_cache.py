"""The code ``dataclasses`` generates for the record types, kept between runs beside the bytecode.

Every record of the package is a frozen dataclass, and creating one (its
``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__`` and
``__delattr__``) makes ``dataclasses`` write each method as Python source and
compile it: about 370 small compilations for ``kb check``, about a tenth of its
CPU time on the bundled policy, the same on every run. ``preload(command)``
lets ``dataclasses`` execute code compiled on an earlier run instead: it gives
the module its own ``exec`` (a module-level name, which it looks up before the
built-in one) that looks the source text up in
``kb/__pycache__/dataclasses-<command>.<python>.marshal`` and compiles only
text it has not seen, then adds that text at exit. The text is the key, so the
methods are the very ones compiling it would make.

Like ``kb.pattern_cache``: keyed by the exact interpreter, written only where
Python writes bytecode, replaced atomically, passed over when missing, stale
or unreadable; ``KB_COMPILE_CACHE=0`` turns both off.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from kb.compiled_store import write_marshal

_FOLDER = Path(__file__).resolve().parent / "__pycache__"
_KEEP = 4000  # generated methods; a command makes about 400
_state: dict = {}


def _stamp() -> tuple:
    from importlib.util import MAGIC_NUMBER

    return (2, sys.version, MAGIC_NUMBER)  # 2: this file's own format (compiled without inherited flags)


def _path(command: str) -> Path:
    return _FOLDER / f"dataclasses-{command}.{sys.implementation.cache_tag}.marshal"


def preload(command: str) -> None:
    """From now on, ``dataclasses`` runs the methods it generates from code kept by earlier runs. Once."""
    import dataclasses

    if _state or os.environ.get("KB_COMPILE_CACHE", "1") == "0" or "exec" in vars(dataclasses):
        return
    import atexit
    import marshal

    known: dict = {}
    try:
        stamp, kept = marshal.loads(_path(command).read_bytes())
        if stamp == _stamp() and isinstance(kept, dict):
            known = kept
    except (OSError, ValueError, EOFError, TypeError):
        known = {}
    _state.update(command=command, known=known, new={})
    dataclasses.exec = _exec
    atexit.register(_keep)


def _exec(source, globals=None, locals=None):  # noqa: A002 - the built-in's own signature
    if globals is None:  # the built-in would run in its caller's namespace, which is dataclasses'
        import dataclasses

        globals = vars(dataclasses)  # noqa: A001
    if isinstance(source, str):
        code = _state["known"].get(source)
        if code is None:
            # dont_inherit: as dataclasses' own exec compiles it, without this module's __future__ annotations
            # (which would turn the generated methods' annotations into strings).
            code = _state["new"][source] = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    exec(source, globals, locals)


def _keep() -> None:
    """At exit, when this run compiled methods the file did not hold: those first, then the file's."""
    new = _state.get("new")
    if sys.dont_write_bytecode or not new:
        return
    kept = dict(list({**new, **_state["known"]}.items())[:_KEEP])
    write_marshal(_FOLDER, _path(_state["command"]), (_stamp(), kept))
