"""bioRxiv and medRxiv append the supplementary material's own reference list to the article's, in one <ref-list>,
numbered again from 1 ('sc1' labelled 1.). When the article's text cites none of those entries they are another
document's list and are left out (said in the import notes); when the text cites them, the clash is refused as before."""
from __future__ import annotations

import pytest

from kb.errors import KbError
from kb.importers.jats import convert, ground_truth

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>bioRxiv</journal-title></journal-meta>
<article-meta><title-group><article-title>Preprint</article-title></title-group></article-meta></front>
<body><sec><title>Results</title>
"""


def ref(rid: str, label: str | None, surname: str, year: int) -> str:
    lab = f"<label>{label}</label>" if label else ""
    return (f'<ref id="{rid}">{lab}<mixed-citation publication-type="journal"><string-name><surname>{surname}'
            f'</surname> <given-names>A</given-names></string-name>. <article-title>A study of {surname}'
            f'</article-title>. <source>J Biol</source>. <year>{year}</year>;<volume>3</volume>:<fpage>1</fpage>.'
            '</mixed-citation></ref>')


def article(body: str, main_labels: bool, supplement_cited: bool = False) -> bytes:
    main = [ref(f"c{n}", f"{n}." if main_labels else None, name, 2000 + n)
            for n, name in enumerate(("Avery", "Brown", "Chen"), 1)]
    supplement = [ref(f"sc{n}", f"{n}.", name, 2010 + n) for n, name in enumerate(("Dahl", "Evans"), 1)]
    if supplement_cited:
        body += ' The supplement <xref ref-type="bibr" rid="sc1">1</xref>.'
    return (HEAD + f"<p>{body}</p></sec></body><back><ref-list><title>References</title>"
            + "".join(main + supplement) + "</ref-list></back></article>\n").encode()


NUMBERED = ('Cells vary <xref ref-type="bibr" rid="c1">1</xref>, <xref ref-type="bibr" rid="c2">2</xref> and '
            '<xref ref-type="bibr" rid="c3">3</xref>.')
BY_NAME = ('Cells vary (<xref ref-type="bibr" rid="c1">Avery, 2001</xref>; <xref ref-type="bibr" rid="c2">Brown, '
           '2002</xref>; <xref ref-type="bibr" rid="c3">Chen, 2003</xref>).')


@pytest.mark.parametrize("body, labels", [(NUMBERED, True), (BY_NAME, False)])
def test_an_uncited_supplement_list_numbered_again_is_left_out(body, labels):
    data = article(body, labels)
    converted = convert(data, "x.xml")
    assert "Dahl" not in converted.markdown and "Chen" in converted.markdown
    assert [e.number for e in ground_truth(data).entries] == [1, 2, 3]
    assert any("supplementary material's own reference list" in n and n.startswith("2 ") for n in converted.notes)


def test_a_supplement_list_the_text_cites_is_still_refused():
    with pytest.raises(KbError, match="both have the number 1"):
        convert(article(NUMBERED, True, supplement_cited=True), "x.xml")


def test_a_single_list_loses_nothing():
    data = (HEAD + f"<p>{NUMBERED}</p></sec></body><back><ref-list>"
            + "".join(ref(f"c{n}", f"{n}.", s, 2000 + n) for n, s in enumerate(("Avery", "Brown", "Chen"), 1))
            + "</ref-list></back></article>\n").encode()
    converted = convert(data, "x.xml")
    assert [e.number for e in ground_truth(data).entries] == [1, 2, 3]
    assert not any("supplementary" in n for n in converted.notes)
