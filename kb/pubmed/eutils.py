"""NCBI E-utilities (efetch, esearch), paced within NCBI's published limits, with a local cache.

NCBI allows 3 requests a second without an API key and 10 with one
(``NCBI_API_KEY``); we stay under that, retry a busy or failing server with
exponential backoff (honouring ``Retry-After``), and ask for 200 PMIDs per
efetch. Every record fetched is kept in the cache folder, one file per PMID,
so a second run, and the site, need no network. The base URL is a
parameter: tests point it at a local server.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kb.errors import KbError
from kb.io import write_atomic

from .xml_reader import parse_xml

DEFAULT_BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
BATCH = 200
RETRY_STATUS = (429, 500, 502, 503, 504)
NOT_FOUND_FILE = "not-in-pubmed.tsv"  # PMIDs efetch returned nothing for: asked once, not again
DOI_FILE = "doi-lookups.tsv"  # doi, PMID (empty when PubMed has none)


def _urlopen(request: urllib.request.Request, timeout: float) -> bytes:
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the URL is ours or the user's
        return response.read()


@dataclass
class Client:
    base_url: str = DEFAULT_BASE
    api_key: str | None = None
    tool: str = "policykb"
    attempts: int = 5
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    timeout: float = 60.0
    opener: Callable = _urlopen
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    _last: float | None = field(default=None, repr=False)

    @property
    def interval(self) -> float:
        """Seconds between requests: a little over 1/10 s with a key, 1/3 s without."""
        return 0.11 if self.api_key else 0.34

    def _pace(self) -> None:
        if self._last is not None:
            wait = self._last + self.interval - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last = self.clock()

    def call(self, endpoint: str, params: dict) -> bytes:
        """POST to an E-utility; retried on 429, 5xx and network errors; KbError when it never answers."""
        params = dict(params, tool=self.tool, **({"api_key": self.api_key} if self.api_key else {}))
        url = urllib.parse.urljoin(self.base_url.rstrip("/") + "/", endpoint)
        body = urllib.parse.urlencode(params).encode()
        problem = ""
        for attempt in range(self.attempts):
            self._pace()
            self.requests += 1
            try:
                return self.opener(urllib.request.Request(url, data=body, method="POST"), self.timeout)
            except urllib.error.HTTPError as exc:
                if exc.code not in RETRY_STATUS:
                    raise KbError(f"{endpoint} answered HTTP {exc.code} ({exc.reason})", url) from None
                problem = f"HTTP {exc.code}"
                retry_after = exc.headers.get("Retry-After") if exc.headers else None
                delay = float(retry_after) if retry_after and retry_after.isdigit() else self.backoff * 2 ** attempt
            except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
                problem = str(getattr(exc, "reason", exc))
                delay = self.backoff * 2 ** attempt
            if attempt + 1 < self.attempts:
                self.sleep(delay)
        raise KbError(f"{endpoint} did not answer after {self.attempts} tries ({problem})", url)

    def efetch(self, pmids: list[str]) -> bytes:
        return self.call("efetch.fcgi", {"db": "pubmed", "id": ",".join(pmids), "retmode": "xml"})

    def esearch_dois(self, dois: list[str]) -> list[str]:
        term = " OR ".join(f'"{d}"[doi]' for d in dois)
        data = self.call("esearch.fcgi", {"db": "pubmed", "term": term, "retmode": "json", "retmax": len(dois) * 2})
        try:
            return list(json.loads(data)["esearchresult"]["idlist"])
        except (ValueError, KeyError, TypeError):
            raise KbError("esearch answered something other than its JSON result", self.base_url) from None


class Cache:
    """One PubMed XML file per PMID in a folder, plus what PubMed was asked and did not have."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            probe = self.folder / ".kb-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise KbError(f"cache folder cannot be written ({exc.strerror or exc})", str(self.folder)) from None

    def path(self, pmid: str) -> Path:
        return self.folder / f"{pmid}.xml"

    def has(self, pmid: str) -> bool:
        return self.path(pmid).is_file()

    def not_found(self) -> set[str]:
        p = self.folder / NOT_FOUND_FILE
        return set(p.read_text(encoding="utf-8").split()) if p.is_file() else set()

    def add_not_found(self, pmids) -> None:
        if pmids:
            write_atomic(self.folder / NOT_FOUND_FILE, "\n".join(sorted(self.not_found() | set(pmids))) + "\n")

    def dois(self) -> dict[str, str]:
        p = self.folder / DOI_FILE
        if not p.is_file():
            return {}
        rows = (line.split("\t") for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
        return {r[0]: (r[1] if len(r) > 1 else "") for r in rows}

    def add_dois(self, found: dict[str, str]) -> None:
        if found:
            merged = {**self.dois(), **found}
            write_atomic(self.folder / DOI_FILE, "".join(f"{d}\t{p}\n" for d, p in sorted(merged.items())))

    def store(self, data: bytes, source: str) -> dict[str, bytes]:
        """Split an efetch answer into one file per article; returns PMID -> the file's bytes."""
        parse_xml(data, source)  # a malformed or non-PubMed answer is an error before anything is written
        out = {}
        for el in ET.fromstring(data):
            pmid = (el.findtext("MedlineCitation/PMID") or el.findtext("BookDocument/PMID") or "").strip()
            if not pmid:
                continue
            out[pmid] = (b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n'
                         + ET.tostring(el, encoding="utf-8", xml_declaration=False) + b"\n</PubmedArticleSet>\n")
            write_atomic(self.path(pmid), out[pmid])
        return out


@dataclass(frozen=True)
class FetchSummary:
    cached: int  # already in the cache
    fetched: int  # new records written
    missing: tuple[str, ...]  # PMIDs PubMed has no record for
    dois_found: int  # entries without a PMID whose DOI PubMed knows
    requests: int


def fetch_records(pmids, dois, cache: Cache, client: Client) -> FetchSummary:
    """Fill the cache with the records of ``pmids`` and of the papers with ``dois``; only what it lacks."""
    wanted = list(dict.fromkeys(p for p in pmids if p))
    skip = cache.not_found()
    cached = [p for p in wanted if cache.has(p)]
    todo = [p for p in wanted if not cache.has(p) and p not in skip]
    known_dois = cache.dois()
    new_dois = [d for d in dict.fromkeys(d.lower() for d in dois if d) if d not in known_dois]
    doi_found: dict[str, str] = {}
    for i in range(0, len(new_dois), 50):  # a long OR of DOIs is one search; 50 keeps the term short
        batch = new_dois[i:i + 50]
        ids = client.esearch_dois(batch)
        todo += [p for p in ids if not cache.has(p) and p not in todo]
        doi_found.update({d: "" for d in batch})
    fetched: dict[str, bytes] = {}
    missing: list[str] = []
    for i in range(0, len(todo), BATCH):
        batch = todo[i:i + BATCH]
        got = cache.store(client.efetch(batch), f"efetch of {len(batch)} PMIDs")
        fetched.update(got)
        missing += [p for p in batch if p not in got and p in wanted]
    by_doi = _dois_of(cache, fetched) if doi_found else {}
    cache.add_dois({d: by_doi.get(d, "") for d in doi_found})
    cache.add_not_found(missing)
    return FetchSummary(len(cached), len(fetched), tuple(missing), sum(1 for d in doi_found if by_doi.get(d)),
                        client.requests)


def _dois_of(cache: Cache, fetched: dict[str, bytes]) -> dict[str, str]:
    out = {}
    for pmid, data in fetched.items():
        for record in parse_xml(data, str(cache.path(pmid))):
            if record.doi:
                out[record.doi.lower()] = record.pmid
    return out
