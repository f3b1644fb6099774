"""Progress for long work: a bar on stderr when a person is watching (a terminal), nothing otherwise.

    from kb.progress import progress
    for policy in progress(policies, "checking", unit="policy"):
        ...

Built on tqdm, imported only when a bar is shown. ``KB_PROGRESS_FD`` names a
file descriptor to draw on instead of stderr: ``kb site`` passes its own
terminal to the MkDocs process, whose stderr it reads. ``KB_PROGRESS=0``
turns bars off.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def _stream():
    """Where a bar would go, or None when nobody would see it."""
    if os.environ.get("KB_PROGRESS") == "0":
        return None
    fd = os.environ.get("KB_PROGRESS_FD")
    if fd and fd.isdigit():
        try:
            stream = open(int(fd), "w", closefd=False, encoding="utf-8", errors="replace")
        except OSError:
            return None
        return stream if stream.isatty() else None
    return sys.stderr if sys.stderr.isatty() else None


def progress(items: Iterable[T], description: str = "", *, total: int | None = None,
             unit: str = "item") -> Iterator[T]:
    """``items`` as they are, with a bar that disappears when done (the command then prints its summary)."""
    stream = _stream()
    if stream is None:
        yield from items
        return
    from tqdm import tqdm

    if total is None and hasattr(items, "__len__"):
        total = len(items)
    with tqdm(items, desc=description, total=total, unit=unit, file=stream, leave=False, dynamic_ncols=True) as bar:
        yield from bar


def terminal_fd_for_child() -> int | None:
    """A copy of this process's stderr for a child to draw on, when stderr is a terminal (close it after)."""
    if os.environ.get("KB_PROGRESS") == "0" or not sys.stderr.isatty():
        return None
    return os.dup(sys.stderr.fileno())
