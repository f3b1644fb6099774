"""JATS and entry forms met in corpus 7 (ContentMine's norma test articles: Emerging Infectious Diseases, Genome
Announcements, Royal Society Open Science, Nature Communications, Scientific Reports): pretty-printed brackets,
a linked range dash, author lists ended only by the year, an italic "et al.", bare citations glued to an italic
word or touching each other. Each form has a positive and a clean case."""
from __future__ import annotations

from pathlib import Path

from kb.importers.jats import convert, ground_truth
from kb.knowledge.base import load_knowledge_base
from kb.read.parse_policy import parse_policy
from kbdev.corpus_accuracy import write_policy

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Journal of Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Forms</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
"""


def refs(count: int = 30) -> str:
    return "".join(
        f'<ref id="R{n}"><label>{n}</label><mixed-citation publication-type="journal"><person-group>'
        f'<name><surname>Author{n}</surname> <given-names>AB</given-names></name></person-group>. '
        f'<article-title>Title {n}</article-title>. <source>J Tests</source> <year>20{n % 20:02d}</year>;'
        f'<volume>1</volume>:<fpage>{n}</fpage>.</mixed-citation></ref>' for n in range(1, count + 1))


def article(body: str, entries: str | None = None) -> bytes:
    return (HEAD + f"<p>{body}</p></sec></body><back><ref-list>{entries or refs()}</ref-list></back></article>\n"
            ).encode()


def x(n: int, inner: str | None = None) -> str:
    return f'<xref ref-type="bibr" rid="R{n}">{inner if inner is not None else n}</xref>'


def markdown(data: bytes) -> str:
    return convert(data, "x.xml").markdown


def test_a_linked_range_dash_gets_no_comma_after_it(tmp_path: Path):
    """ASM (Genome Announcements) links the dash of "(5–7)" to an entry: it already joins 5 and 7."""
    data = article(f"Hosts vary ({x(5)}{x(6, '&#x2013;')}{x(7)}). Islands move ({x(13)}{x(14, '&#x2013;')}{x(16)})."
                   f" Legumes ({x(1)}), soils ({x(2)}) and rain ({x(3)}).", refs(16))
    text = markdown(data)
    assert "Hosts vary (5\u20137). Islands move (13\u201316)." in text
    want = [(5, 6, 7), (13, 14, 15, 16), (1,), (2,), (3,)]
    assert [m.numbers for m in ground_truth(data).markers] == want
    kb = load_knowledge_base(write_policy(tmp_path / "dash", convert(data, "x.xml")))
    assert [m.numbers for m in kb.doc.markers] == want
    # Clean case: numbers touching inside brackets still print apart with a comma.
    assert "Rain [8,9]." in markdown(article(f"Rain [{x(8)}{x(9)}]."))


PRETTY = ("Transmission is low (\n\t\t\t<xref ref-type=\"bibr\" rid=\"R1\">\n\t\t\t\t<italic>1</italic>\n\t\t\t</xref>\n"
          "\t\t\t&#x02013;\n\t\t\t<xref ref-type=\"bibr\" rid=\"R3\">\n\t\t\t\t<italic>3</italic>\n\t\t\t</xref>\n"
          "\t\t\t). Markers help (\n\t\t\t<xref ref-type=\"bibr\" rid=\"R10\">10</xref>\n\t\t\t,\n\t\t\t"
          "<xref ref-type=\"bibr\" rid=\"R11\">11</xref>\n\t\t\t). Studies (\n\t\t\t<xref ref-type=\"bibr\" "
          "rid=\"R4\">4</xref>\n\t\t\t) and more (<xref ref-type=\"bibr\" rid=\"R5\">5</xref>).")


def test_the_layout_of_pretty_printed_xml_inside_brackets_is_not_printed(tmp_path: Path):
    """Emerging Infect Dis in Europe PMC: line breaks and tabs around each citation are the file's layout."""
    data = article(PRETTY, refs(14))  # parentheses cite where they cover half the list
    line = next(ln for ln in markdown(data).split("\n") if ln.startswith("Transmission"))
    assert line == "Transmission is low (1\u20133). Markers help (10,11). Studies (4) and more (5)."
    kb = load_knowledge_base(write_policy(tmp_path / "pretty", convert(data, "x.xml")))
    assert [m.numbers for m in kb.doc.markers] == [(1, 2, 3), (10, 11), (4,), (5,)]
    assert [m.numbers for m in ground_truth(data).markers] == [(1, 2, 3), (10, 11), (4,), (5,)]


def test_spaces_the_xml_prints_on_one_line_and_prose_commas_stay():
    """Clean case: spaces without a line break are the text's own, and a comma of the prose before a
    pretty-printed citation is not a joiner between citations."""
    assert "Studies ( 4 ) vary." in markdown(article(f"Studies ( {x(4)} ) vary."))
    text = markdown(article(f'Stress,\n  {x(1, "<sup>1</sup>")}\n adapts.'))
    assert "Stress, <sup>1</sup> adapts." in text


def test_an_author_list_ended_by_the_year_gets_its_stop():
    """Royal Society and ASM tag '<person-group>..</person-group> <year>1995</year> <article-title>': the page
    shows 'Carr SJ. 1995 Title', so the author list is read."""
    entry = ('<ref id="R1"><label>1</label><mixed-citation publication-type="journal"><person-group '
             'person-group-type="author"><name><surname>Howieson</surname><given-names>J</given-names></name>, '
             '<name><surname>Carr</surname><given-names>SJ</given-names></name></person-group>\n<year>1995</year>\n'
             '<article-title>A legume pasture species</article-title>. <source>Aust J Agric Res</source>\n'
             '<volume>46</volume>:<fpage>997</fpage>&#x02013;<lpage>1009</lpage>.</mixed-citation></ref>')
    text = markdown(article(f"Legumes ({x(1)}).", entry))
    assert "1. Howieson J, Carr SJ. 1995 A legume pasture species. Aust J Agric Res 46:997\u20131009." in text
    ref = parse_policy(text, "x.md").references[0]
    assert (ref.first_author, ref.year) == ("Howieson", 1995)
    # Clean case: a list that prints its own stop before the year keeps one stop.
    own = entry.replace("</person-group>\n<year>", "</person-group>. <year>")
    assert "1. Howieson J, Carr SJ. 1995 A legume" in markdown(article(f"Legumes ({x(1)}).", own))


def test_an_italic_et_al_ends_an_author_list():
    """'Smith FA *et al.* 2004 Title' (Royal Society) and '*et al.*' in a Vancouver list are the list's end."""
    def first(entry: str):
        ref = parse_policy(f"# T\n\n## Intro\n\nText [1].\n\n## References\n\n1. {entry}\n", "x.md").references[0]
        return ref.first_author, ref.year, ref.title
    assert first("Smith FA *et al.* 2004 Similarity of body size. Am. Nat. 163, 672\u2013691.")[:2] == ("Smith", 2004)
    assert first("Smith FA, Jones B, *et al.* Similarity of body size. Am Nat. 2004;163:672\u2013691.") == (
        "Smith", 2004, "Similarity of body size")
    # PLOS ONE prints one list with no stop at all before the year: 'Mahoney A.R., Eicken H., et al 2012 Mapping'.
    assert first("Mahoney A.R., Eicken H., et al 2012 Mapping of ice. J Ice. 4: 1\u20132.")[:2] == ("Mahoney", 2012)
    # Clean case: the plain form reads as before, and an italic title is not an author list's end.
    assert first("Smith FA, Jones B, et al. Similarity of body size. Am Nat. 2004;163:672\u2013691.") == (
        "Smith", 2004, "Similarity of body size")
    assert first("Smith FA, Jones B. *Body size*. Am Nat. 2004;163:672\u2013691.")[:2] == ("Smith", 2004)


def test_a_bare_citation_glued_to_an_italic_word_or_inside_an_aside_is_raised():
    """Nature Communications leaves some citations bare: '*Aedes aegypti*<xref>4</xref>' and '(*An. coluzzii*,
    respectively<xref>15</xref>)' print raised on the page."""
    text = markdown(article(f"Invasions in <italic>Aedes aegypti</italic>{x(4)}. Two species (<italic>An. "
                            f"coluzzii</italic> and <italic>An. gambiae</italic>, respectively{x(15)})."))
    assert "*Aedes aegypti*<sup>4</sup>." in text and "respectively<sup>15</sup>)" in text
    # Clean case: a citation enclosed in brackets with other numbers stays as it is printed.
    assert "Rain [18,19] falls." in markdown(article(f"Rain [18,{x(19)}] falls."))


def test_raised_citations_touching_each_other_print_as_one_run(tmp_path: Path):
    """Scientific Reports: bare xrefs set superscript by the style, two touching ('M8)<xref>26</xref><xref>27
    </xref>'), print '<sup>26,27</sup>' as the page does, not 2627."""
    body = " ".join(f"Fact {n}{x(n)}." for n in range(1, 8)) + f" Models (M8){x(26)}{x(27)} fit. Ends{x(9)}{x(12)}."
    data = article(body)
    text = markdown(data)
    assert "Models (M8)<sup>26,27</sup> fit. Ends<sup>9\u201312</sup>." in text
    kb = load_knowledge_base(write_policy(tmp_path / "raised", convert(data, "x.xml")))
    assert [m.numbers for m in kb.doc.markers][-2:] == [(26, 27), (9, 10, 11, 12)]
    assert [m.numbers for m in ground_truth(data).markers][-2:] == [(26, 27), (9, 10, 11, 12)]
    # Clean case: one raised citation alone is unchanged.
    assert "Fact 1<sup>1</sup>." in text


def _entry(text: str):
    return parse_policy(f"# T\n\n## Intro\n\nText [1].\n\n## References\n\n1. {text}\n", "x.md").references[0]


def test_an_italic_species_inside_a_title_is_not_the_journal():
    """'A new world malaria map: *Plasmodium falciparum* endemicity in 2010. Malar J. 2011;10:378.': the italic
    after the colon goes on into the title, so the year is the journal's 2011, not the title's 2010."""
    ref = _entry("Gething PW, Patil AP. A new world malaria map: *Plasmodium falciparum* endemicity in 2010. "
                 "Malar J. 2011;10:378.")
    assert (ref.year, ref.source, ref.volume) == (2011, "Malar J", "10")
    # Clean case: an italic journal after the title, or after a comma (Elsevier numbered), is still the journal.
    assert _entry("Smith A. A new world map. *Lancet*. 2015;385:1-2.").source == "Lancet"
    assert _entry("A. Smith, A new world map, *J. Med.* 12 (2009) 100-110.").source == "J. Med"


def test_a_long_acronym_is_an_organisation_author():
    """'UNESCO-IPBES. The Contribution of ... 2013.': a hyphenated acronym of two bodies is the author."""
    assert _entry("UNESCO-IPBES. The contribution of local knowledge systems. 2013.").organisation == "UNESCO-IPBES"
    # Clean case: a capitalised first word of a title-only entry is no organisation.
    assert _entry("Malaria: the contribution of local knowledge. 2013.").organisation is None


def test_a_raised_number_after_a_programs_version_or_a_name_with_a_digit_cites():
    """Scientific Reports: 'aligned using MUSCLE 3.8<sup>4</sup>', 'human IgG1<sup>5</sup>' cite; a power after a
    plain number, a unit or a short formula does not."""
    refs = "\n".join(f"{n}. Author A. Title {n}. *J*. 2001;1:1-2." for n in range(1, 9))
    body = ("Cells grew.<sup>1</sup> Mice ate.<sup>2</sup> Rats ran.<sup>3</sup> Sequences were aligned with "
            "MUSCLE 3.8<sup>4</sup> and the Fc tail of human IgG1<sup>5</sup> was fused; trees came from "
            "mapDamage 2<sup>6</sup>. We counted 10<sup>6</sup> cells in 2 mm<sup>2</sup> of CO2<sup>2</sup> "
            "in Phase 2<sup>3</sup> of Figure 2<sup>7</sup>.")
    doc = parse_policy(f"# Title of a paper\n\n## Background\n\n{body}\n\n## References\n\n{refs}\n", "x.md")
    assert [m.numbers for m in doc.markers] == [(1,), (2,), (3,), (4,), (5,), (6,)]


def test_the_layout_of_a_pretty_printed_reference_entry_is_not_printed():
    """Emerging Infect Dis in Europe PMC: each part of a mixed citation on its own line, its punctuation between
    ('<source>J Infect Dis</source>\\n\\t.\\n\\t<year>2012</year>\\n\\t;'), prints as the page does, and the year is
    the journal's, not the title's '1995 to 2008'."""
    entry = ('<ref id="R1">\n\t<label>1. </label>\n\t<mixed-citation publication-type="journal">\n\t\t<string-name>\n'
             '\t\t\t<surname>Odoom</surname>\n\t\t\t<given-names>JK</given-names>\n\t\t</string-name>\n\t\t,\n\t\t'
             '<string-name>\n\t\t\t<surname>Forrest</surname>\n\t\t\t<given-names>L</given-names>\n\t\t</string-name>\n'
             '\t\t,\n\t\t<etal />\n\t\t<article-title>Interruption of transmission in Ghana:\n\t\t\tisolates from\n'
             '\t\t\t1995 to 2008.</article-title>\n\t\t<source>J Infect Dis</source>\n\t\t.\n\t\t<year>2012</year>\n'
             '\t\t;\n\t\t<volume>206</volume>\n\t\t:\n\t\t<fpage>1111</fpage>\n\t\t&#x02013;\n\t\t<lpage>20</lpage>\n'
             '\t</mixed-citation>\n</ref>')
    text = markdown(article(f"Polio ({x(1)}).", entry))
    assert ("1. Odoom JK, Forrest L, et al. Interruption of transmission in Ghana: isolates from 1995 to 2008. "
            "J Infect Dis. 2012;206:1111\u201320") in text
    ref = parse_policy(text, "x.md").references[0]
    assert (ref.first_author, ref.year, ref.source) == ("Odoom", 2012, "J Infect Dis")
    # Clean case: an entry on one line keeps the spaces its XML prints.
    one_line = entry.replace("\n\t\t,\n\t\t", " , ").replace("\n", "").replace("\t", "")
    assert "1. Odoom JK , Forrest L , et al." in markdown(article(f"Polio ({x(1)}).", one_line))


def test_names_with_particles_printed_in_small_letters_or_after_the_initials_are_authors():
    """'Heijden GW van der', 'Van den broeck W', 'Lamere SA, st Leger JA', 'Boule' NG', 'Elvira KS, Casadevall i
    Solvas X' (BMC, MDPI, Diabetes Care): each list is read and its first author named."""
    def first(names: str) -> str | None:
        return _entry(f"{names}. Asymmetry of histone variants. Mech Dev. 2005;122:1008\u201322.").first_author
    assert first("Heijden GW van der, Dieker JW, Vlag J van der") == "Heijden"
    assert first("Rekecki A, Van den broeck W") == "Rekecki" and first("Van den broeck W, Rekecki A") == "Van den broeck"
    assert first("Lamere SA, st Leger JA") == "Lamere" and first("Boule' NG, Haddad E") == "Boule'"
    assert first("Elvira KS, Casadevall i Solvas X, Wootton RC") == "Elvira"
    # Clean case: a title's small words before a capital are no name, so a title-only entry stays one.
    assert _entry("The use of A in medicine. Mech Dev. 2005;122:1008\u201322.").first_author is None


def test_a_comma_after_the_last_initial_before_the_title_ends_the_author_list():
    """Europe PMC's Nature and BMC copies: 'Leypoldt F., Armangue T., Dalmau J., Autoimmune encephalopathies.' and
    'Brunhes J, Le Goff G, Bousses P, Anophèles afrotropicaux.' end their lists with a comma."""
    ref = _entry("Leypoldt F., Armangue T., Dalmau J., Autoimmune encephalopathies. Ann N Y Acad Sci 1338, 94\u2013114 "
                 "(2014).")
    assert (ref.first_author, ref.surnames, ref.title) == ("Leypoldt", ("Leypoldt", "Armangue", "Dalmau"),
                                                          "Autoimmune encephalopathies")
    ref = _entry("Brunhes J, Le Goff G, Bousses P, Anophèles afrotropicaux. Ann Soc Entomol France. 2003;39:179\u2013185.")
    assert (ref.first_author, ref.year) == ("Brunhes", 2003)
    # Clean case: a following name (capital initials, not a title's small word) keeps the list going.
    ref = _entry("Smith A, Jones Brown C, Lee D. Diabetes mellitus in mice. J Med. 2001;1:1-2.")
    assert ref.surnames == ("Smith", "Jones Brown", "Lee")


def test_a_link_labelled_in_words_shows_its_address():
    """F1000Research labels every web reference 'Reference Source'; the address is in the link only."""
    entry = ('<ref id="R1"><label>1</label><mixed-citation publication-type="journal"><article-title>Water use'
             '</article-title>. FAO.<year>2014</year>. <ext-link ext-link-type="uri" xlink:href="http://www.fao.org/'
             'x.htm">Reference Source</ext-link></mixed-citation></ref>')
    data = article(f"Water ({x(1)}).", entry).replace(b"<article>", b'<article xmlns:xlink="http://www.w3.org/1999/xlink">')
    text = markdown(data)
    assert "1. Water use. FAO.2014. Reference Source <http://www.fao.org/x.htm>" in text
    assert parse_policy(text, "x.md").references[0].url == "http://www.fao.org/x.htm"
    # Clean case: a link that prints its own address is printed once.
    own = entry.replace(">Reference Source<", ">http://www.fao.org/x.htm<")
    text = markdown(article(f"Water ({x(1)}).", own).replace(b"<article>",
                                                              b'<article xmlns:xlink="http://www.w3.org/1999/xlink">'))
    assert text.count("fao.org/x.htm") == 1
