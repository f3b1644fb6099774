"""The log of an internal error: in a private folder of the user's, under a name nobody can guess or plant.

The folder is ``$XDG_STATE_HOME/policykb`` (``~/.local/state/policykb``),
made ``0700`` and refused when it is a link or someone else's; the file is
made by ``mkstemp`` (a new name, ``0600``, never through a link).
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from pathlib import Path


def log_folder() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "policykb"


def _private(folder: Path) -> None:
    """Make ``folder`` if need be; OSError unless it is a real folder of this user's, readable by nobody else."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise OSError(errno.ENOTDIR, "is a link or not a folder", str(folder))
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise OSError(errno.EPERM, "belongs to another user", str(folder))
    if info.st_mode & 0o077:
        os.chmod(folder, 0o700)


def write_crash_log(text: str) -> str:
    """Write ``text`` to a new log file and return its path (OSError when no log can be written)."""
    folder = log_folder()
    _private(folder)
    fd, path = tempfile.mkstemp(prefix=time.strftime("crash-%Y%m%d-%H%M%S-"), suffix=".log", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path
