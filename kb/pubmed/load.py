"""Read records files as users export them: PubMed XML (also gzipped) and MEDLINE text.

The format is told by the content, not the file name: exports are renamed
(``pubmed-vertebropl-set.nbib``, ``records.txt``). Every problem is one
``KbError`` naming the file: not PubMed, truncated, a wrong encoding, no
records at all.
"""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from kb.errors import KbError
from kb.io import read_bytes

from .layout import expand
from .medline_reader import parse_medline
from .records import PubmedRecord
from .xml_reader import parse_xml

MAX_BYTES = 512 * 1024 * 1024  # a search export of tens of thousands of records, with abstracts


def _gunzip(data: bytes, source: str) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except EOFError:
        raise KbError("is a gzip file that ends too soon: the file looks truncated", source) from None
    except (OSError, zlib.error) as exc:
        raise KbError(f"is not a readable gzip file ({exc})", source) from None


def _medline_text(data: bytes, source: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise KbError(f"is not UTF-8 (byte 0x{data[exc.start]:02x}); export it again from PubMed, or re-save it "
                      "as UTF-8", source, line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_records(data: bytes, source: str) -> list[PubmedRecord]:
    """Records from the bytes of one export (gzipped or not); the format is decided by its first characters."""
    data = _gunzip(data, source)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64]
    if not head:
        raise KbError("is empty: it holds no PubMed records", source)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head.startswith(b"<"):
        records = parse_xml(data, source)
    elif head.startswith(b"PMID-"):
        records = parse_medline(_medline_text(data, source), source)
    elif b"\x00" in data[:4096]:
        raise KbError("is a binary file, not PubMed XML or MEDLINE text", source)
    else:
        raise KbError("is neither PubMed XML nor MEDLINE text (a MEDLINE export starts with 'PMID- ')", source)
    if not records:
        raise KbError("holds no PubMed records", source)
    return records


def read_records(paths) -> list[PubmedRecord]:
    """Every record in the files (and folders) given, in file order; a PMID seen twice keeps its first record."""
    seen: dict[str, PubmedRecord] = {}
    for p in expand(paths):
        for record in parse_records(read_bytes(p, "records file", MAX_BYTES), str(p)):
            seen.setdefault(record.pmid, record)
    return list(seen.values())
