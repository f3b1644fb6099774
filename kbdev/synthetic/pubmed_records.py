"""Synthetic PubMed exports and citing policies at scale, made from the real records in tests/data/pubmed.

Each record is a copy of a real PubMedArticle element with a new PMID, DOI,
title, authors, year, volume, pages and publication types, so the XML has
the real shape and size. Same seed, same files. For benchmarks and scale tests.
"""
from __future__ import annotations

import copy
import random
import xml.etree.ElementTree as ET
from pathlib import Path

from kbdev.synthetic.model import CONDITIONS, JOURNALS, PROCEDURES, SURNAMES

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "pubmed"
TYPES = (("Randomized Controlled Trial",), ("Meta-Analysis", "Systematic Review"), ("Practice Guideline",),
         ("Observational Study",), ("Case Reports",), ("Journal Article",), ("Comparative Study",))
FIRST_PMID = 30_000_000


def _templates() -> list[ET.Element]:
    out = []
    for path in sorted(DATA.glob("pubmed*.xml")):
        for el in ET.fromstring(path.read_bytes()):
            # The papers' own reference lists would dwarf the records; a search export's records are 3-8 kB.
            for lst in el.iter("CommentsCorrectionsList"):
                lst.clear()
            data = el.find("PubmedData")
            for lst in data.findall("ReferenceList") if data is not None else ():
                data.remove(lst)
            out.append(el)
    return out


def _set(parent, path: str, text: str) -> None:
    el = parent.find(path)
    if el is not None:
        el.clear()
        el.text = text


def records_xml(n: int, seed: int = 1) -> bytes:
    """``n`` synthetic records as one PubmedArticleSet."""
    rng = random.Random(seed)
    templates = _templates()
    parts = [b'<?xml version="1.0" ?>\n<PubmedArticleSet>\n']
    for i in range(n):
        el = copy.deepcopy(rng.choice(templates))
        pmid = str(FIRST_PMID + i)
        citation, article = el.find("MedlineCitation"), el.find("MedlineCitation/Article")
        _set(citation, "PMID", pmid)
        title = (f"{rng.choice(PROCEDURES).capitalize()} for {rng.choice(CONDITIONS)}: "
                 f"{rng.choice(('a randomized trial', 'a cohort study', 'a systematic review', 'a case report', 'outcomes'))}"
                 f" in {rng.choice(SURNAMES)} {i}")
        _set(article, "ArticleTitle", title)
        year = rng.randint(2000, 2026)
        _set(article, "Journal/JournalIssue/PubDate/Year", str(year))
        _set(article, "Journal/JournalIssue/Volume", str(rng.randint(1, 400)))
        start = rng.randint(1, 2000)
        _set(article, "Pagination/MedlinePgn", f"{start}-{start + rng.randint(3, 15)}")
        for a in article.findall("AuthorList/Author"):
            _set(a, "LastName", rng.choice(SURNAMES))
        for d in article.findall("ArticleDate"):
            _set(d, "Year", str(year))
        _set(article, "Journal/ISOAbbreviation", rng.choice(JOURNALS))
        types = article.find("PublicationTypeList")
        if types is not None:
            types.clear()
            for t in rng.choice(TYPES):
                ET.SubElement(types, "PublicationType").text = t
        for e in list(article.findall("ELocationID")) + list(el.findall("PubmedData/ArticleIdList/ArticleId")):
            if e.get("EIdType") == "doi" or e.get("IdType") == "doi":
                e.text = f"10.5555/bench.{i}"
            elif e.get("IdType") == "pubmed":
                e.text = pmid
        parts.append(ET.tostring(el, encoding="utf-8") + b"\n")
    parts.append(b"</PubmedArticleSet>\n")
    return b"".join(parts)


def citing_policy(records, n: int, error_every: int = 20) -> str:
    """A policy whose list cites the first ``n`` records; every ``error_every``-th entry carries one
    defect the PMD checks find (a wrong PMID, wrong pages, ahead of print, no PMID) in turn."""
    entries = []
    for i, r in enumerate(records[:n]):
        authors = ", ".join(r.authors[:3]) or "Anonymous"
        pages, pmid, where = r.pages, r.pmid, f"{r.year};{r.volume}:{r.pages}"
        if i % error_every == 1:
            kind = (i // error_every) % 4
            if kind == 0:
                pmid = records[(i + 1) % len(records)].pmid
            elif kind == 1:
                where = f"{r.year};{r.volume}:{pages.split('-')[0]}-9999"
            elif kind == 2:
                where = f"{r.year}. Epub ahead of print"
            else:
                pmid = ""
        tail = f" PMID: {pmid}" if pmid else ""
        entries.append(f"{i + 1}. {authors}. {r.title}. *{r.journal}*. {where}.{tail}")
    body = "\n\n".join(f"Study {k} found a benefit.<sup>[{k}]</sup>" for k in range(1, n + 1, 10))
    return ("# Synthetic Health\n\n## ***Bench Policy***\n\n### MEDICAL POLICY CRITERIA\n\n"
            "- I. Cryoneurolysis may be considered **medically necessary** for chronic low back pain.\n"
            "- II. Spinal cord stimulation is considered **investigational** for vertebral fractures.\n\n"
            f"## EVIDENCE SUMMARY\n\n{body}\n\n### REFERENCES\n\n" + "\n".join(entries) + "\n")
