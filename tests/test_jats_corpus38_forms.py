"""Forms met in corpus 38 (52 PMC open-access articles of 2004-2025 kept as reading inputs and test data by
clulab/reach, a biomedical RAG project and jakelever/biotext: oncology, endocrinology, reproductive medicine,
respiratory and translational research articles and reviews, read first as they came). Each form has a case the
reader or check now gets right and a case it must still refuse or report; the texts are made here."""
from __future__ import annotations

import pytest

from kb.errors import KbError
from kb.importers.jats import convert, ground_truth

_ARTICLE = ('<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front>'
            '<article-meta><title-group><article-title>Clots</article-title></title-group></article-meta></front>'
            '<body><sec><title>Introduction</title><p>Clots form [<xref ref-type="bibr" rid="R1">1</xref>].</p>'
            '</sec></body><back><ref-list><ref id="R1"><label>1</label><mixed-citation>Smith A. A trial. J Med. '
            '2001;1:1-5.</mixed-citation></ref></ref-list></back></article>')
_SET = ('<?xml version="1.0"?>\n<!DOCTYPE pmc-articleset PUBLIC "-//NLM//DTD ARTICLE SET 2.0//EN" '
        '"http://dtd.nlm.nih.gov/ncbi/pmc/articleset/nlm-articleset-2.0.dtd">\n<pmc-articleset>{}</pmc-articleset>')


def test_an_efetch_article_set_is_read_as_the_article_it_carries():
    """NCBI E-utilities' efetch (db=pmc) answers with '<pmc-articleset><article>...', and most tools that download
    PMC articles save that answer as it is: 40 of the 52 files came so and were all skipped as 'not a JATS
    article'."""
    wrapped = _SET.format(_ARTICLE).encode()
    assert "Clots form [1]." in convert(wrapped, "x.xml").markdown
    assert [m.numbers for m in ground_truth(wrapped).markers] == [(1,)]


def test_an_article_set_of_several_articles_or_none_is_refused():
    with pytest.raises(KbError, match="PMC article set holding 2 JATS articles"):
        convert(_SET.format(_ARTICLE * 2).encode(), "x.xml")
    with pytest.raises(KbError, match="PMC article set holding 0 JATS articles"):
        convert(_SET.format("").encode(), "x.xml")
