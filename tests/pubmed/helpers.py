"""Shared by the PubMed tests: the real records, and synthetic variants made from them in the test."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "pubmed"
XML_FILES = sorted(DATA.glob("pubmed*.xml"))
MEDLINE_FILES = sorted(DATA.glob("pubmed_result*.txt"))


def real(name: str) -> bytes:
    return (DATA / name).read_bytes()


def with_correction_xml(name: str, ref_type: str, pmid: str, pub_type: str | None = None) -> bytes:
    """A real XML record with one comment/correction link (and publication type) added: synthetic."""
    data = real(name)
    link = (f'<CommentsCorrections RefType="{ref_type}"><RefSource>Notice. 2020</RefSource>'
            f'<PMID Version="1">{pmid}</PMID></CommentsCorrections>').encode()
    if b"<CommentsCorrectionsList>" in data:
        data = data.replace(b"<CommentsCorrectionsList>", b"<CommentsCorrectionsList>" + link, 1)
    else:
        data = data.replace(b"</MedlineCitation>", b"<CommentsCorrectionsList>" + link
                            + b"</CommentsCorrectionsList></MedlineCitation>", 1)
    if pub_type:
        data = data.replace(b"<PublicationTypeList>", f"<PublicationTypeList><PublicationType UI=\"D0\">{pub_type}"
                            "</PublicationType>".encode(), 1)
    return data


def with_medline_lines(name: str, *lines: str) -> bytes:
    """A real MEDLINE record with tag lines added after its PMID line: synthetic."""
    text = real(name).decode()
    head, rest = text.split("\n", 1) if text.startswith("PMID") else text.lstrip("\n").split("\n", 1)
    return (head + "\n" + "".join(line + "\n" for line in lines) + rest).encode()
