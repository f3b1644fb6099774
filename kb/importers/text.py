"""Markdown and plain text: copied as they are, byte for byte (the reader already reads them)."""
from __future__ import annotations

from kb.errors import KbError
from kb.importers.model import Converted


def convert(data: bytes, source_name: str) -> Converted:
    try:
        text = data.decode("utf-8")  # a byte-order mark stays: the copy is the file as it came
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KbError(f"line {line}: is not UTF-8 (byte 0x{data[exc.start]:02x}); re-save it as UTF-8") from None
    return Converted(markdown=text, format="markdown")
