"""A local stand-in for NCBI E-utilities on 127.0.0.1, serving the real records in tests/data/pubmed."""
from __future__ import annotations

import json
import re
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kb.pubmed.load import read_records

from .helpers import XML_FILES


def _articles() -> dict[str, bytes]:
    out = {}
    for path in XML_FILES:
        for el in ET.fromstring(path.read_bytes()):
            out[el.findtext("MedlineCitation/PMID")] = ET.tostring(el, encoding="utf-8")
    return out


class FakeEutils:
    """Records every request; ``failures`` answers the first requests with that HTTP status instead."""

    def __init__(self, failures: list[int] | None = None):
        self.articles = _articles()
        self.dois = {r.doi.lower(): r.pmid for r in read_records(XML_FILES) if r.doi}
        self.failures = list(failures or [])
        self.requests: list[tuple[str, dict]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                params = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
                fake.requests.append((self.path, params))
                if fake.failures:
                    self.send_response(fake.failures.pop(0))
                    self.send_header("Retry-After", "0")
                    self.end_headers()
                    return
                if self.path.endswith("/efetch.fcgi"):
                    ids = params.get("id", "").split(",")
                    payload = (b'<?xml version="1.0" ?>\n<PubmedArticleSet>'
                               + b"".join(fake.articles[i] for i in ids if i in fake.articles)
                               + b"</PubmedArticleSet>")
                    kind = "text/xml"
                elif self.path.endswith("/esearch.fcgi"):
                    asked = re.findall(r'"([^"]+)"\[doi\]', params.get("term", ""))
                    ids = [fake.dois[d.lower()] for d in asked if d.lower() in fake.dois]
                    payload = json.dumps({"esearchresult": {"count": str(len(ids)), "idlist": ids}}).encode()
                    kind = "application/json"
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/entrez/eutils/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
