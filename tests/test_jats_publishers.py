"""JATS as other publishers and Europe PMC write it (corpus4): a reference list inside the body, citation
numbers whose superscript lives in the stylesheet, names without separators, one xref printing a run.
Each form has a positive and a clean case."""
from __future__ import annotations

from pathlib import Path

from kb.importers.jats import convert, ground_truth
from kb.knowledge.base import load_knowledge_base
from kbdev.corpus_accuracy import write_policy

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Journal of Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Forms</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
"""
REFS = "".join(f'<ref id="R{n}"><label>{n}</label><mixed-citation>Author{n} A. Title {n}. J Tests. 20{n:02d};1:{n}.'
               f'</mixed-citation></ref>' for n in range(1, 7))
BACK = f"</sec></body><back><ref-list>{REFS}</ref-list></back></article>\n"


def _lines(text: str) -> list[str]:
    return convert(text.encode(), "x.xml").markdown.split("\n")


def test_a_reference_list_inside_the_body_is_printed_once(tmp_path: Path):
    """Europe PMC moves the list into a body section ('<sec sec-type="ref-list"><ref-list>')."""
    body = HEAD + 'Cells vary [<xref ref-type="bibr" rid="R1">1</xref>].</sec>'
    inside = (body + f'<sec sec-type="ref-list"><title>References</title><ref-list>{REFS}</ref-list></sec>'
              "</body></article>")
    lines = _lines(inside)
    assert lines.count("## References") == 1 and not any(line.startswith("1.Author1") for line in lines)
    kb = load_knowledge_base(write_policy(tmp_path / "inside", convert(inside.encode(), "x.xml")))
    assert [e.number for e in kb.doc.references] == [1, 2, 3, 4, 5, 6]
    # A section that holds prose besides the list keeps its prose.
    mixed = inside.replace("<title>References</title>", "<title>References</title><p>Sources were searched.</p>")
    assert "Sources were searched." in _lines(mixed)
