"""Forms met in corpus 38 (52 PMC open-access articles of 2004-2025 kept as reading inputs and test data by
clulab/reach, a biomedical RAG project and jakelever/biotext: oncology, endocrinology, reproductive medicine,
respiratory and translational research articles and reviews, read first as they came). Each form has a case the
reader or check now gets right and a case it must still refuse or report; the texts are made here."""
from __future__ import annotations

import pytest

from kb.errors import KbError
from kb.importers.jats import convert, ground_truth
from kb.read.reference_list import parse_entry
from tests.formtools import codes_of

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


# ---- reference entries ------------------------------------------------------------------------------------------

def _entry(raw: str):
    return parse_entry(1, raw, 1)


def test_et_al_after_the_last_initial_s_stop_closes_the_names():
    """'Ziegler E. et al. Mapping ...' (Research Square), 'Ramakrishnan V. *et al*. Identification ...' (BioMedicine),
    'Kish S. J. et al. Preferential ...': the initial's stop is not the list's end; 52 titles of three articles
    were read as 'et al' or began with it."""
    e = _entry("Ziegler E. et al. Mapping track density changes in nigrostriatal pathways. Neuroimage 99, 498\u2013508 "
               "(2014).")
    assert (e.authors, e.title, e.source, e.year) == (("Ziegler E.",), "Mapping track density changes in "
                                                      "nigrostriatal pathways", "Neuroimage", 2014)
    e = _entry("Hollopeter G, Jantzen HM, Ramakrishnan V. *et al*. Identification of the platelet ADP receptor. "
               "Nature. 2001;409:202\u201307.")
    assert (e.authors[-1], e.title, e.source) == ("Ramakrishnan V.", "Identification of the platelet ADP receptor",
                                                  "Nature")
    e = _entry("Kish S. J. et al. Preferential loss of serotonin markers. Brain 131, 120\u2013131 (2008).")
    assert (e.authors, e.title) == (("Kish S. J.",), "Preferential loss of serotonin markers")
    # Still read as before: a list with no 'et al.', and one whose 'et al.' follows a comma.
    e = _entry("Wald JT, Kallmes DF. Vertebroplasty outcomes. AJNR. 2010;1:1-5.")
    assert (e.authors, e.title) == (("Wald JT", "Kallmes DF."), "Vertebroplasty outcomes")
    assert _entry("Kish SJ, Tong J, et al. Preferential loss. Brain. 2008;131:120-31.").title == "Preferential loss"


def test_a_dutch_t_and_the_particles_zur_and_el_belong_to_the_surname():
    """"van 't Veer LJ", "In 't Anker PS", "zur Hausen A", "el Danasouri I": the whole list was lost."""
    assert _entry("van 't Veer LJ, Dai H, et al. Gene expression profiling. Nature. 2002;415:530\u2013536."
                  ).first_author == "van 't Veer"
    assert _entry("In 't Anker PS, Scherjon SA, et al. Isolation of stem cells. Stem Cells. 2004;22:1338\u20131345."
                  ).first_author == "In 't Anker"
    assert _entry("Hirschfeld M, zur Hausen A, Bettendorf H. Alternative splicing. Cancer Res. 2009;69:2082\u20132090."
                  ).authors == ("Hirschfeld M", "zur Hausen A", "Bettendorf H.")
    assert _entry("Simon C, el Danasouri I, Polan ML. Embryonic implantation. Endocrinology. 1994;134:521\u2013528."
                  ).first_author == "Simon"
    # Still no author: a book's 'In:' before its editors.
    assert _entry("In: Smith A, editor. A book. London: X; 2001.").first_author is None


_REGULATION = ("# Survey\n\nHospitals are licensed [1]. Rules apply [2].\n\n## References\n\n"
               "1. Smith A. A survey. *J Med*. 2001;1:1-5.\n"
               "2. State Council of the People's Republic of China. Administrative Regulations on Medical "
               "Institution. {date}\n")


def test_a_regulation_dated_in_iso_order_has_its_year():
    """'Administrative Regulations on Medical Institution. 1994-09-01.': the day it took effect dates it."""
    assert codes_of(_REGULATION.format(date="1994-09-01."), "REF111") == []
    # Still said: no date, a date that is no date, and an access date only.
    assert codes_of(_REGULATION.format(date="Beijing."), "REF111") == [("REF111", "warning")]
    assert codes_of(_REGULATION.format(date="1994-13-01."), "REF111") == [("REF111", "warning")]
    assert _entry("Ministry of Health. Rules. Available from: http://x.cn/a. Accessed 2020-05-01.").year is None
    # ... nor the day a copy was archived (Wikipedia's 'Archived from the original on 2014-04-06.'), while a page's
    # own date before its access date is its year
    assert _entry('"Movie Review". *Sify*. Archived from the original on 2014-04-06. Retrieved 2014-04-15.').year is None
    assert _entry('"Happy Death Day 2U Review". *ScreenRant*. 2019-02-13. Retrieved 2020-10-20.').year == 2019


# ---- acronyms ---------------------------------------------------------------------------------------------------

_LEGEND = ("# Review\n\nGlycogen synthase kinase (GSK) acts on axons [1].\n\n**Fig. 1. The pathway. {items}**\n\n"
           "## References\n\n1. Smith A. A review. *J Med*. 2001;1:1-5.\n")


def test_every_item_of_a_legend_s_list_of_abbreviations_is_defined():
    """'PKC: protein kinase C, PTEN: phosphatase and tensin homolog, SGK: serine/threonine-protein kinase': a
    protein's name need not spell its symbol; in a list whose other items do, SGK is defined, not a slip for GSK."""
    listed = "PKC: protein kinase C, PTEN: phosphatase and tensin homolog, SGK: serine/threonine-protein kinase."
    assert codes_of(_LEGEND.format(items=listed), "DOC112") == []
    # Still said: SGK alone, and in a 'list' where no other item spells its acronym.
    assert codes_of(_LEGEND.format(items="SGK acts too."), "DOC112") == [("DOC112", "warning")]
    unspelled = "PKC: a kinase, PTEN: a phosphatase, SGK: serine/threonine-protein kinase."
    assert codes_of(_LEGEND.format(items=unspelled), "DOC112") == [("DOC112", "warning")]
    # ... and an item whose words' initials are its letters in another order: a slip (folder 30's 'HAD = high
    # disease activity' beside LDA and MDA, with HDA defined).
    slip = ("# Review\n\nHigh disease activity (HDA) was rare [1].\n\n**Fig. 2. LDA = low disease activity, MDA = "
            "moderate disease activity, HAD = high disease activity.**\n\n## References\n\n1. Smith A. A review. "
            "*J Med*. 2001;1:1-5.\n")
    assert codes_of(slip, "DOC112") == [("DOC112", "warning")]


# ---- citations in a table's cells -------------------------------------------------------------------------------

_TABLE = ("# Review\n\nBDNF is lower in ADHD {o}1{c}. Glial factors rise {o}2{c}. Both were measured in blood "
          "{o}1, 2{c}. Levels fall with age {o}2{c}.\n\n"
          "| Disorder | Factor | Sample |\n| --- | --- | --- |\n| ADHD | BDNF \u2193 {cell} | Children and adolescents (3) |\n\n"
          "## References\n\n1. Smith A. A study. *J Med*. 2001;1:1-5.\n2. Jones B. A study. *J Med*. 2002;2:1-5.\n"
          "3. Zeni CP. A study. *Acta Psychiatr Scand*. 2016;134:268-74.\n")


def test_a_number_in_parentheses_in_a_table_cell_may_cite_in_a_document_citing_so():
    """Frontiers' table 'Brain-derived neurotrophic factor (BDNF) \u2193 (12\u201314)', in an article whose text cites
    '(34)': the reader leaves the cell's range as a value, so the entry cited only there (14) is not reported as
    uncited, only named at info."""
    assert codes_of(_TABLE.format(o="(", c=")", cell="(1\u20133)"), "CIT104") == [("CIT104", "info")]
    # Still a warning: a document citing in brackets (its table's '(3)' is a value), and a table with no 3.
    assert codes_of(_TABLE.format(o="[", c="]", cell="(1\u20133)"), "CIT104") == [("CIT104", "warning")]
    no_three = _TABLE.format(o="(", c=")", cell="(1, 2)").replace("adolescents (3)", "adolescents (2)")
    assert codes_of(no_three, "CIT104") == [("CIT104", "warning")]
    # ... and a lone number after a word, which is a group's size as often (folder 30's 'Placebo (3)').
    assert codes_of(_TABLE.format(o="(", c=")", cell="(1, 2)"), "CIT104") == [("CIT104", "warning")]
