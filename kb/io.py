"""File input and output at the edges: reading a policy, writing atomically."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import KbError

MAX_BYTES = 25 * 1024 * 1024  # well above any real policy; stops runaway inputs


def read_bytes(path: Path | str, what: str = "file", limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, at most ``limit``, or a one-line ``KbError`` naming the file.

    Reads at most ``limit + 1`` bytes: a device or pipe reports no size, and /dev/zero never ends.
    """
    p = Path(path)
    if not p.exists():
        raise KbError(f"no such {what}", str(p))
    if p.is_dir():
        raise KbError(f"is a directory, not a {what}", str(p))
    mb = limit // (1024 * 1024)
    try:
        size = p.stat().st_size
        if size > limit:
            raise KbError(f"is {size // (1024 * 1024)} MB, larger than the {mb} MB limit", str(p))
        with open(p, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise KbError(f"cannot be read ({exc.strerror or exc})", str(p)) from None
    if len(data) > limit:
        raise KbError(f"is larger than the {mb} MB limit", str(p))
    return data


def _not_utf8(data: bytes, exc: UnicodeDecodeError, p: Path) -> KbError:
    line = data[: exc.start].count(b"\n") + 1
    byte = data[exc.start]
    try:  # name the character the byte most likely stands for: editors save Windows-1252 or Latin-1
        guess = f", '{bytes([byte]).decode('cp1252')}' in Windows-1252"
    except UnicodeDecodeError:
        guess = ""
    return KbError(f"is not UTF-8 (byte 0x{byte:02x}{guess}); re-save it as UTF-8", str(p), line)


def read_text(path: Path | str, what: str = "file") -> str:
    """Read a UTF-8 text file or raise a one-line ``KbError``."""
    p = Path(path)
    data = read_bytes(p, what)
    if not data.strip():
        raise KbError("is empty", str(p))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode", Word's "Unicode Text"
        raise KbError("is UTF-16 text; re-save it as UTF-8", str(p))
    if b"\x00" in data[:8192]:
        raise KbError("is a binary file, not text", str(p))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc, p) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mode_for(p: Path) -> int:
    """The replaced file's permissions, or what a plain open() would give: mkstemp's are owner-only."""
    try:
        return p.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Write via a temporary file and rename, so a failed run leaves the old file whole."""
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        raise KbError("output folder does not exist", str(parent))
    if p.is_dir():
        raise KbError("is a folder; give a file name to write", str(p))
    import tempfile  # only commands that write pay for it

    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise KbError(f"cannot be written ({exc.strerror or exc})", str(p)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, _mode_for(p))
        os.replace(tmp, p)
    except OSError as exc:
        raise KbError(f"cannot be written ({exc.strerror or exc}); the file there, if any, is unchanged",
                      str(p)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
