"""Forms met in corpus 28 (60 JATS articles from SciELO's and eLife's tools' test data, BMJ, PNAS, Ubiquity Press and
bioRxiv, read first as they came): Brazilian author-year citations (ABNT), lists numbered but cited by name, and
more. Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.importers.jats import convert
from kb.read.author_year_list import read_entry
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, markers_in

_LIST = """## References

Barbosa, L.M. 2017. Lista de espécies indicadas para restauração ecológica. São Paulo: Instituto de Botânica.

Esteves, R.L., Abud, A.K. & Barcellos, M. 2015. Avaliação de briquetes. Revista Verde 10: 1-9.

IBGE - Instituto Brasileiro de Geografia e Estatística. 2012. Manual técnico da vegetação. Rio de Janeiro: IBGE.

Lemainski, J. & Da Silva, J. 2006. Utilização do biossólido na produção de milho. Pesquisa Agropecuária 41: 1-8.

Martins, A. & Jesus, B. 2011. Uso de resíduos. Revista Árvore 35: 1-8.

Şener, M. & Schulten, K. 2002. General random matrix approach to account for the effect of static disorder. Physical Review E 65: 031916.

Silva, J.E., Resck, D.V.S. & Sharma, R.D. 2002. Alternativa agronômica para o biossólido. Revista Brasileira 26: 1-9.

SOS Mata Atlântica & Instituto Nacional de Pesquisas Espaciais. 2022. Atlas dos remanescentes florestais. São Paulo: Fundação SOS.

Tedesco, M.J., Gianello, C. & Bissani, C.A. 1995. Análises de solo, plantas e outros materiais. Porto Alegre: UFRGS.
"""


def _numbers(sentence: str) -> list[tuple[int, ...]]:
    doc = parse_policy(f"# Solos\n\n## Introdução\n\n{sentence}\n\n{_LIST}", "f.md")
    assert doc.citation_style == "author-year"
    return [m.numbers for m in doc.markers]


def test_abnt_co_authors_parted_by_semicolons_are_one_work():
    """'(SILVA; RESCK; SHARMA, 2002; LEMAINSKI; DA SILVA, 2006)': ABNT parts one work's authors by semicolons."""
    assert _numbers("O biossólido é útil (SILVA; RESCK; SHARMA, 2002; LEMAINSKI; DA SILVA, 2006).") == [(7, 4)]
    assert codes_of(f"# S\n\n## I\n\nTexto (SILVA; RESCK; SHARMA, 2002; LEMAINSKI; DA SILVA, 2006).\n\n{_LIST}",
                    "CIT107") == []
    # Clean: works parted by semicolons, each with its year, stay two; a wrong year is still said.
    assert _numbers("O biossólido é útil (Silva et al., 2002; Lemainski & Da Silva, 2006).") == [(7, 4)]
    assert codes_of(f"# S\n\n## I\n\nTexto (SILVA; RESCK; SHARMA, 2003).\n\n{_LIST}", "CIT107") == [
        ("CIT107", "warning")]


def test_portuguese_e_joins_the_last_two_names():
    """'Esteves, Abud e Barcellos (2015)', 'Martins e Jesus (2011)': 'e' is Portuguese 'and'."""
    assert _numbers("Segundo Esteves, Abud e Barcellos (2015) e Martins e Jesus (2011), o uso cresce.") == [(2,), (5,)]
    # Clean: a name the list does not hold is no citation of the list.
    assert _numbers("Segundo Pereira e Souza (2015), o uso cresce.") == [()]


def test_a_missing_space_after_the_comma_parts_two_citations():
    """'(Cogdell et al., 2006,Cartron et al., 2014)' cites two works (eLife's XML)."""
    assert _numbers("Light is used (Silva et al., 2002,Martins and Jesus, 2011).") == [(7, 5)]
    # Clean: two years of one author stay that author's.
    assert _numbers("Light is used (Silva et al., 2002,2006).") == [(7,)]


def test_a_page_after_a_colon_follows_the_year():
    """Harvard's '(Kriel 2017: 53)', '(IST 2012: 9\u201310)': the page after the colon is no part of the year."""
    assert _numbers("As argued before (Barbosa 2017: 53; Tedesco et al. 1995: 9\u201310).") == [(1, 9)]
    # Clean: a colon before a name still parts two citations.
    assert _numbers("As argued before (Barbosa 2017: Tedesco et al. 1995).") == [(1, 9)]


def test_a_name_may_open_with_a_capital_of_latin_extended_a():
    """'(Şener and Schulten, 2002)': 'Ş' is a capital letter."""
    assert _numbers("Static disorder matters (Şener and Schulten, 2002).") == [(6,)]
    assert _numbers("As Şener and Schulten (2002) showed, disorder matters.") == [(6,)]


def test_et_al_in_italics_before_a_year_in_brackets():
    """'Tedesco *et al*. (1995)': the narrative citation's 'et al.' set in italics."""
    assert _numbers("Segundo Tedesco *et al*. (1995), o método é simples.") == [(9,)]
    # Clean: italics around other words make no citation.
    assert _numbers("Segundo o *método* (1995), o uso é simples.") == []


def test_a_lower_case_de_before_a_cited_name_is_a_preposition():
    """Portuguese 'adaptado de Barbosa (2017)': 'de' is 'from', not the particle of 'de Barbosa'."""
    assert _numbers("A lista foi adaptada de Barbosa (2017).") == [(1,)]
    # Clean: a name the list holds with its particle is still found ('Da Silva').
    assert _numbers("Como em Lemainski e Da Silva (2006).") == [(4,)]


def test_a_body_is_cited_by_the_first_of_its_names():
    """'(IBGE 2012)' for 'IBGE - Instituto Brasileiro ...', '(SOS Mata Atlântica & INPE 2022)' for 'SOS Mata
    Atlântica & Instituto Nacional de Pesquisas Espaciais'."""
    assert _numbers("A vegetação é densa (IBGE 2012). A perda cresce (SOS Mata Atlântica & INPE 2022).") == [
        (3,), (8,)]
    # Clean: another body is no entry of the list.
    assert codes_of(f"# S\n\n## I\n\nA perda cresce (Fundação Florestal & INPE 2022).\n\n{_LIST}", "CIT107") == [
        ("CIT107", "warning")]


def test_the_year_after_a_body_s_name_wins_over_an_access_date():
    """'Brasil - Estado da Bahia. 2003a. Decreto ... 13 Oct. 2022.': the entry is of 2003 by the state of Bahia."""
    entry = read_entry(1, "Brasil - Estado da Bahia. 2003a. Decreto Nº 8.650. Altera a poligonal da APA. "
                          "http://www.legislabahia.ba.gov.br/documentos/decreto. 13 Oct. 2022.", 10)
    assert (entry.organisation, entry.year) == ("Brasil - Estado da Bahia", 2003)
    entry = read_entry(1, "Brasil. Decreto s/n. 2007. Alteração de limites da Reserva Biológica de Una. "
                          "https://www.planalto.gov.br/ccivil_03/dnn11456.htm. 13 Oct. 2022.", 10)
    assert (entry.organisation, entry.year) == ("Brasil", 2007)
    # Clean: a title opening the entry is no body ('Guidelines for using ...'); a person's entry keeps its reading.
    entry = read_entry(1, "Guidelines for using the red list. 2019. Version 14. Accessed 13 Oct. 2022.", 10)
    assert entry.organisation is None
    entry = read_entry(1, "Jardim JG. 2003. Uma caracterização parcial da vegetação. Ilhéus: CEPLAC.", 10)
    assert (entry.surnames[:1], entry.organisation, entry.year) == (("Jardim",), None, 2003)


_UBIQUITY = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Stability</journal-title></journal-meta>
<article-meta><title-group><article-title>Communications</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
<p>Little is written on it (<xref ref-type="bibr" rid="B2">{c1}</xref>; <xref ref-type="bibr" rid="B1">{c2}</xref>).</p>
<p>Radio helps (<xref ref-type="bibr" rid="B3">{c3}</xref>).</p>
</sec></body><back><ref-list>
<ref id="B1"><label>1</label><mixed-citation publication-type="book"><string-name><surname>Bellou</surname>, <given-names>F</given-names></string-name> <year>2014</year> <source>Cultural Awareness in Peace Operations</source>. <publisher-name>Routledge</publisher-name>.</mixed-citation></ref>
<ref id="B2"><label>2</label><mixed-citation publication-type="book"><string-name><surname>Lehmann</surname>, <given-names>I A</given-names></string-name> <year>1999</year> <source>Peacekeeping and Public Information</source>. <publisher-loc>London</publisher-loc>: <publisher-name>Routledge</publisher-name>.</mixed-citation></ref>
<ref id="B3"><label>3</label><mixed-citation publication-type="book"><string-name><surname>Williams</surname>, <given-names>P D</given-names></string-name> <year>2017</year> <source>Fighting for Peace in Somalia</source>. <publisher-loc>Oxford</publisher-loc>: <publisher-name>OUP</publisher-name>.</mixed-citation></ref>
</ref-list></back></article>
"""


def test_a_list_numbered_in_the_xml_but_cited_by_name_is_an_author_year_list():
    """Ubiquity Press labels its entries 1, 2, 3 and cites them '(Lehmann 1999; Bellou 2014)': the page prints the
    list without numbers, so the article is read as author-year."""
    converted = convert(_UBIQUITY.format(c1="Lehmann 1999", c2="Bellou 2014", c3="Williams 2017: 53").encode(), "u.xml")
    doc = parse_policy(converted.markdown, "u.md")
    assert doc.citation_style == "author-year"
    assert [m.numbers for m in doc.markers] == [(2, 1), (3,)]
    # Clean: the same list cited by its numbers stays numbered.
    converted = convert(_UBIQUITY.format(c1="2", c2="1", c3="3").encode(), "u.xml")
    assert parse_policy(converted.markdown, "u.md").citation_style == "numbered"


_ELIFE = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>eLife</journal-title></journal-meta>
<article-meta><title-group><article-title>A minimal cell</article-title></title-group></article-meta></front>
<body><sec><title>Methods</title><p>Fits used SciPy (<xref ref-type="bibr" rid="bib1">Jones et al., 2001</xref>).</p>
</sec></body><back><ref-list>
<ref id="bib1"><element-citation publication-type="software">{cit}</element-citation></ref>
</ref-list></back></article>
"""
_SCIPY = ('<person-group person-group-type="author"><name><surname>Jones</surname><given-names>E</given-names></name>'
          '</person-group><year>2001</year>{title}<ext-link ext-link-type="uri" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="https://www.scipy.org/">https://www.scipy.org/</ext-link>')


def test_a_data_title_is_the_entry_s_title():
    """eLife titles software and data sets with <data-title>: 'SciPy: open source scientific tools for python'."""
    data = _ELIFE.format(cit=_SCIPY.format(title="<data-title>SciPy: open source tools</data-title>"))
    markdown = convert(data.encode(), "e.xml").markdown
    assert "Jones E. SciPy: open source tools. 2001. https://www.scipy.org/" in markdown
    # Clean: an <article-title> is printed as before.
    data = _ELIFE.format(cit=_SCIPY.format(title="<article-title>SciPy: open source tools</article-title>"))
    assert "Jones E. SciPy: open source tools. 2001." in convert(data.encode(), "e.xml").markdown


_BMJ = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>BMJ Open</journal-title></journal-meta>
<article-meta><title-group><article-title>Rotavirus</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
<p>Rotavirus kills children.<xref ref-type="bibr"{r1}>1</xref> Dehydration follows.<xref ref-type="bibr"{r2}>2\u20133</xref></p>
</sec></body><back><ref-list>
<ref id="R1"><label>1</label><mixed-citation>Tate JE. Rotavirus deaths. <italic>Lancet Infect Dis</italic> 2012;12:136\u201341.</mixed-citation></ref>
<ref id="R2"><label>2</label><mixed-citation>Parashar UD. Global illness. <italic>Emerg Infect Dis</italic> 2003;9:565\u201372.</mixed-citation></ref>
<ref id="R3"><label>3</label><mixed-citation>Glass RI. Rotavirus vaccines. <italic>Lancet</italic> 2006;368:323\u20132.</mixed-citation></ref>
</ref-list></back></article>
"""


def test_a_citation_linking_no_entry_stands_for_the_numbers_it_prints():
    """BMJ Open's '<xref ref-type="bibr">2\u20133</xref>' names no rid: the XML states the entries by the numbers
    printed, which the measurement now counts (the folder's markers were all 'extra' before)."""
    from kb.importers.jats import ground_truth
    truth = ground_truth(_BMJ.format(r1="", r2="").encode(), "b.xml")
    assert [m.numbers for m in truth.markers] == [(1,), (2, 3)]
    # Clean: linked citations give their entries as before.
    truth = ground_truth(_BMJ.format(r1=' rid="R1"', r2=' rid="R2 R3"').encode(), "b.xml")
    assert [m.numbers for m in truth.markers] == [(1,), (2, 3)]


_ACR = """# Cells

## Methods

Diacylglycerol is made from phosphatidate via phosphatidate phosphatase (PAPA). {text}

## References

1. Smith A. A cell. *J Cell*. 2001;1:1-5.
"""


def test_an_acronym_opening_a_product_s_name_is_no_slip():
    """'CLC Genomics Workbench' beside a defined CPLC: CLC is part of a product's name."""
    text = "Insertions were shown with CLC Genomics Workbench.\n\nWe thank the Center for the Physics of Living " \
           "Cells (CPLC) [1]."
    assert codes_of(_ACR.format(text=text), "DOC112") == []
    # Clean: the same acronym alone is still a likely slip.
    text = "Insertions were counted by CLC.\n\nWe thank the Center for the Physics of Living Cells (CPLC) [1]."
    assert codes_of(_ACR.format(text=text), "DOC112") == [("DOC112", "warning")]


def test_a_table_row_of_codes_is_no_slip():
    """'| 0606 | PGK | \u25a0 | 0344 | PPA |': enzymes named by gene codes beside a defined PAPA."""
    table = "\n\n| Gene | Code | Gene | Code |\n| --- | --- | --- | --- |\n| 0606 | PGK | 0344 | PPA |\n"
    assert codes_of(_ACR.format(text="It is essential [1]." + table), "DOC112") == []
    # Clean: a row whose other acronyms are defined still shows the slip ('| LQ | VMP |' beside a defined VPM).
    table = "\n\n| Limit | Value |\n| --- | --- |\n| LQ | PPA |\n"
    text = "It is essential [1]. The limit of quantification (LQ) is low." + table
    assert codes_of(_ACR.format(text=text), "DOC112") == [("DOC112", "warning")]


def test_brackets_read_across_table_cells_define_nothing():
    """'| Detected, not enriched | | Carbonyl reductase [NADPH] 1 |': the words before the bracket run across cells,
    so they define nothing, and NADH elsewhere in the table is no slip for NADPH."""
    table = ("\n\n| Protein | Note |\n| --- | --- |\n| Synaptosomal protein | Detected, not enriched |\n"
             "| Carbonyl reductase [NADPH] 1 | Detected, not enriched |\n\nMore were found.\n\n"
             "| Protein | Note |\n| --- | --- |\n| NADH dehydrogenase | Detected |\n")
    assert codes_of(_ACR.format(text="It is essential [1]." + table), "DOC112") == []
    # Clean: a definition in the text still counts.
    text = "It uses nicotinamide adenine dinucleotide phosphate (NADPH) [1].\n\nThen NADH is made."
    assert codes_of(_ACR.format(text=text), "DOC112") == [("DOC112", "warning")]


def _ay_entry(entry: str) -> str:
    return (f"# Rocks\n\n## Introduction\n\nThe flows are silicic (Nardy 1995).\n\n## References\n\n{entry}\n\n"
            "Polo LA, Janasi VA. 2014. Volcanic stratigraphy. Lithos 193: 1-12.\n")


def test_a_thesis_named_as_one_says_where_it_was_written():
    """'NARDY AJR. 1995. Geologia ... Tese de Doutorado, Instituto de Geociências, Universidade Estadual Paulista,
    316 p.': a doctoral thesis and its university are its source (Portuguese, Spanish or English)."""
    for kind in ("Tese de Doutorado, Instituto de Geociências, Universidade Estadual Paulista, 316 p.",
                 "PhD thesis, Department of Earth Sciences, University of Leeds, 316 p."):
        entry = f"NARDY AJR. 1995. Geologia e petrologia do vulcanismo mesozoico, Rio Claro, {kind}"
        assert codes_of(_ay_entry(entry), "REF113") == []
    # Clean: an entry naming no thesis and no source still gets the warning.
    entry = "NARDY AJR. 1995. Geologia e petrologia do vulcanismo mesozoico da região central, 316 p."
    assert codes_of(_ay_entry(entry), "REF113") == [("REF113", "warning")]


def test_a_portuguese_secretariat_issues_the_work():
    """'São Paulo: Terra Virgem, Secretaria do Meio Ambiente do Estado de São Paulo.': an issuing body."""
    entry = ("Nardy, A.A. & Costa, J.P.O. 1995. A Reserva da Biosfera da Mata Atlântica: apresentação Covas, M. - "
             "São Paulo: Terra Virgem, Secretaria do Meio Ambiente do Estado de São Paulo.")
    assert codes_of(_ay_entry(entry), "REF113") == []
    # Clean: the words alone, in lower case, name no body.
    entry = "Nardy, A.A. & Costa, J.P.O. 1995. A reserva e a secretaria do meio ambiente do estado, 120 p."
    assert codes_of(_ay_entry(entry), "REF113") == [("REF113", "warning")]


_COUPLING = ("The coupling between two pigments can be computed for well separated pigments using the point-dipole "
             "approximation (Ritz et al., 2001), employing the dipole moments of the two pigments, their distance and "
             "the unit vector between them, with a constant that depends on the dielectric medium around the pigments "
             "and on the units chosen for the energy{tail}.")


def test_an_appendix_that_says_it_restates_the_main_text_is_only_info():
    """eLife's supplement: 'the coupling ... is computed according to the point-dipole approximation (Ritz et al.,
    2001) (Equation (3) in the main text)': a restatement on purpose."""
    text = (f"# Energy\n\n## Methods\n\n{_COUPLING.format(tail='')}\n\n## Supplementary material\n\n"
            f"{_COUPLING.format(tail=' (Equation (3) in the main text)')}\n\n## References\n\n"
            "Ritz T, Park S, Schulten K. 2001. Kinetics of excitation migration. J Phys Chem B 105: 8259-8267.\n")
    assert codes_of(text, "DOC121") == [("DOC121", "info")]
    # Clean: a copy that does not say so keeps the warning.
    assert codes_of(text.replace(" (Equation (3) in the main text)", ""), "DOC121") == [("DOC121", "warning")]


def test_harvard_without_stops_a_body_its_year_and_the_title():
    """Ubiquity Press: 'Ipsos 2016 Citizens Perception of Peace ... . Ipsos Survey Report, July.' is Ipsos's, 2016."""
    entry = read_entry(1, "Ipsos 2016 Citizens Perception of Peace and Stabilization Initiative in Somalia. Ipsos "
                          "Survey Report, unpublished document, July.", 10)
    assert (entry.organisation, entry.year) == ("Ipsos", 2016)
    # Clean: a body's name with no year in it is left as read.
    entry = read_entry(1, "Ipsos Citizens Perception of Peace and Stabilization Initiative in Somalia. Ipsos Survey "
                          "Report, unpublished document, July.", 10)
    assert entry.year is None


def test_an_abnt_surname_in_capitals_with_its_particle_is_cited_whole():
    """'DA SILVA, E.E.; AZEVEDO, P.H.S. (2007)' cited '(DA SILVA; AZEVEDO, 2007)': the capitals hold the particle."""
    text = ("# Solos\n\n## Introdução\n\nA respiração basal foi medida (DA SILVA; AZEVEDO, 2007).\n\n"
            "## References\n\n"
            "DA SILVA, E.E.; AZEVEDO, P.H.S. (2007) Determinação da respiração basal. Seropédica: Embrapa.\n\n"
            "SILVA, J.E.; RESCK, D.V.S. (2002) Alternativa agronômica para o biossólido. Brasília: Embrapa.\n\n"
            "TEDESCO, M.J.; GIANELLO, C. (1995) Análises de solo, plantas e outros materiais. Porto Alegre: UFRGS.\n")
    assert codes_of(text, "CIT107") == []
    # Clean: a year the list does not have is still said.
    assert codes_of(text.replace("AZEVEDO, 2007)", "AZEVEDO, 2008)"), "CIT107") == [("CIT107", "warning")]


def test_a_raised_number_after_a_span_of_years_in_brackets_cites():
    """BMJ Open: 'two studies conducted in Egypt (1995\u20131996)<sup>25</sup>': no span of years is a base."""
    assert markers_in("Two studies in Egypt (1995\u20131996)<sup>25</sup> agreed.") == ["25"]
    assert markers_in("Two studies in Egypt (1995-96)<sup>25</sup> agreed.") == ["25"]
    # Clean: a bracketed formula is still a base of a power.
    assert markers_in("The area is (x + 1)<sup>2</sup> here.") == []


def test_codes_in_other_rows_of_the_table_do_not_hide_a_slip_in_its_own_row():
    """The reader may take a whole table for one sentence: only the slip's own row counts ('| UTRI cost | 79 |'
    under rows of other codes, beside a defined URTI, folder 16)."""
    text = ("It is essential [1]. Children contract upper respiratory tract infections (URTI) often.\n\n"
            "| Outcome | n |\n| --- | --- |\n| GP cost | 79 |\n| UTRI cost | 79 |\n")
    assert codes_of(_ACR.format(text=text), "DOC112") == [("DOC112", "warning")]
    # Clean: the slip's own row holding another undefined code still reads as a row of codes.
    text = text.replace("| UTRI cost | 79 |", "| UTRI cost | GPX |")
    assert codes_of(_ACR.format(text=text), "DOC112") == []


def test_a_table_of_many_codes_is_no_slip_even_where_the_row_holds_one():
    """eLife's table of gene codes, one code a row beside a defined PAPA: the table names things by codes."""
    codes = ["PGK", "ADK", "CTPS", "BPNT", "AGPAT", "CYTK", "PPA"]
    rows = "".join(f"| 06{k:02d} | {code} |\n" for k, code in enumerate(codes))
    text = ("It is essential [1]. The enzyme phosphatidate phosphatase (PAPA) acts first. We tested glycerol "
            "kinase (PGK).\n\n| Locus | Code |\n| --- | --- |\n" + rows)
    assert codes_of(_ACR.format(text=text), "DOC112") == []
    # Clean: one other code in another row is no table of codes ('UTRI' beside a defined URTI, folder 16).
    few = text.replace("| 0601 | ADK |\n| 0602 | CTPS |\n| 0603 | BPNT |\n| 0604 | AGPAT |\n", "")
    assert codes_of(_ACR.format(text=few), "DOC112") == [("DOC112", "warning")]
