"""Where a policy folder keeps its PubMed files; cheap to import (``kb check`` lists them on every run).

- ``references/<policy>/pubmed/``: records of the cited papers: PubMed XML
  (also gzipped) or MEDLINE text, exported by hand or written by
  ``kb pubmed fetch`` (which keeps its cache there);
- ``references/<policy>/search/``: the exports of this year's literature
  search, for ``kb pubmed new`` and the page of new evidence;
- ``references/<policy>/screening.csv``: the reviewed screening decisions.

Verification reads both folders: a search export may hold the final
citation of an entry that was ahead of print.
"""
from __future__ import annotations

from pathlib import Path

PUBMED_DIR = "pubmed"
SEARCH_DIR = "search"
SCREENING_FILE = "screening.csv"
SUFFIXES = (".xml", ".xml.gz", ".nbib", ".txt", ".medline", ".gz")


def expand(paths) -> list[Path]:
    """Files as given; a folder stands for the records files directly inside it, sorted."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and f.name.lower().endswith(SUFFIXES)))
        else:
            out.append(p)
    return out


def folder_files(folder: Path | None, name: str) -> tuple[Path, ...]:
    """The records files in ``folder/name`` (none when it does not exist)."""
    if folder is None or not (folder / name).is_dir():
        return ()
    return tuple(expand([folder / name]))
