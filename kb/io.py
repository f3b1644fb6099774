"""File input and output at the edges: reading a policy, writing atomically."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import KbError

MAX_BYTES = 25 * 1024 * 1024  # well above any real policy; stops runaway inputs


def read_text(path: Path | str, what: str = "file") -> str:
    """Read a UTF-8 text file or raise a one-line ``KbError``."""
    p = Path(path)
    if not p.exists():
        raise KbError(f"no such {what}", str(p))
    if p.is_dir():
        raise KbError(f"is a directory, not a {what}", str(p))
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise KbError(f"is {size // (1024 * 1024)} MB, larger than the {MAX_BYTES // (1024 * 1024)} MB limit", str(p))
        data = p.read_bytes()
    except OSError as exc:
        raise KbError(f"cannot be read ({exc.strerror})", str(p)) from None
    if not data.strip():
        raise KbError(f"is empty", str(p))
    if b"\x00" in data[:8192]:
        raise KbError("is a binary file, not text", str(p))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KbError(f"is not UTF-8 (byte 0x{data[exc.start]:02x}); re-save it as UTF-8", str(p), line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Write via a temporary file and rename, so a failed run leaves the old file whole."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise KbError("output folder does not exist", str(parent))
    import tempfile  # only commands that write pay for it

    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
