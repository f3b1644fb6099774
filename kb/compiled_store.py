"""Writing a file of compiled code beside the package's bytecode (``kb.pattern_cache``, ``kb.dataclass_cache``).

Replaced atomically, as readable as the bytecode beside it, and silent when
it cannot be written: such a file only ever saves time on the next run.
"""
from __future__ import annotations

import os
from pathlib import Path


def write_marshal(folder: Path, path: Path, payload) -> None:
    """``payload`` (marshal-able) to ``path`` in ``folder``, or nothing at all."""
    try:
        import marshal
        import tempfile

        data = marshal.dumps(payload)
        folder.mkdir(exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as fh:
                fh.write(data)
            os.chmod(temp, 0o644)  # a temporary file starts private
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time next run
        return
