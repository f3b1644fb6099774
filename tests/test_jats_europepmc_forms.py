"""JATS forms met in Europe PMC's copies of Emerging Infectious Diseases, Tropical Medicine and Health and the
Bulletin of the WHO (corpus6): citation numbers set in italic, reference entries whose author list runs into the
title with only a space between, and names whose surname and initials touch. Each form has a positive and a
clean case."""
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


def _refs(names: str = "") -> str:
    out = []
    for n in range(1, 10):
        who = names or (f'<string-name><surname>Author{n}</surname> <given-names>AB</given-names></string-name>, '
                        f'<string-name><surname>Second</surname> <given-names>C</given-names></string-name>.')
        out.append(f'<ref id="R{n}"><label>{n}. </label><mixed-citation publication-type="journal">{who} '
                   f'<article-title>Title {n}.</article-title> <source>J Tests</source> <year>20{n:02d}</year>;'
                   f'<volume>1</volume>:<fpage>{n}</fpage></mixed-citation></ref>')
    return "".join(out)


def _article(body: str, refs: str) -> str:
    return HEAD + f"<p>{body}</p></sec></body><back><ref-list>{refs}</ref-list></back></article>\n"


def _x(n: int, italic: bool = True) -> str:
    inner = f"<italic>{n}</italic>" if italic else str(n)
    return f'<xref ref-type="bibr" rid="R{n}">{inner}</xref>'


ITALIC = (f"Zika spread ({_x(1)},{_x(2)}). It was isolated in 1947 ({_x(3)}). Serology followed "
          f"({_x(4)}<italic>\u2013</italic>{_x(6)}). Later studies ({_x(7)},{_x(8)},{_x(9)}).")


def test_citation_numbers_set_in_italic_are_read_as_markers(tmp_path: Path):
    """Emerging Infectious Diseases prints '(<italic>1</italic>,<italic>2</italic>)': the italic is typography."""
    article = _article(ITALIC, _refs())
    line = next(x for x in convert(article.encode(), "x.xml").markdown.split("\n") if x.startswith("Zika"))
    assert "(1,2)" in line and "(3)" in line and "(4\u20136)" in line and "*" not in line
    kb = load_knowledge_base(write_policy(tmp_path / "italic", convert(article.encode(), "x.xml")))
    assert [m.numbers for m in kb.doc.markers] == [(1, 2), (3,), (4, 5, 6), (7, 8, 9)]
    assert [m.numbers for m in ground_truth(article.encode()).markers] == [(1, 2), (3,), (4, 5, 6), (7, 8, 9)]
    # Clean case: italic words next to a citation keep their emphasis; only the numbers lose it.
    worded = _article(ITALIC.replace("Zika spread", "<italic>Aedes</italic> spread"), _refs())
    assert "*Aedes* spread (1,2)" in convert(worded.encode(), "x.xml").markdown


def test_an_author_list_running_into_the_title_gets_its_stop():
    """Europe PMC keeps 'Haddow AJ <article-title>Zika virus' with no stop; the journal's page prints one."""
    bare = _refs('<string-name><surname>Dick</surname> <given-names>GW</given-names></string-name>, '
                 '<string-name><surname>Haddow</surname> <given-names>AJ</given-names></string-name>')
    text = convert(_article(ITALIC, bare).encode(), "x.xml").markdown
    assert "1. Dick GW, Haddow AJ. Title 1. J Tests 2001;1:1" in text
    kb_entries = {e.number: e for e in _read(text)}
    assert (kb_entries[1].first_author, kb_entries[1].year) == ("Dick", 2001)
    # Clean case: an entry that already prints its stop is left as it is (no doubled stop).
    text = convert(_article(ITALIC, _refs()).encode(), "x.xml").markdown
    assert "1. Author1 AB, Second C. Title 1. J Tests 2001;1:1" in text
    # An organisation as author gets the same stop; "et al." already ends with one.
    org = convert(_article(ITALIC, _refs("<collab>World Health Organization</collab>")).encode(), "x.xml")
    assert "2. World Health Organization. Title 2." in org.markdown
    etal = convert(_article(ITALIC, _refs('<string-name><surname>Duffy</surname> <given-names>MR</given-names>'
                                          '</string-name>, <etal/>')).encode(), "x.xml")
    assert "3. Duffy MR, et al. Title 3." in etal.markdown
    # A lone surname before a book's <source> is a body's name wrongly parted (PLOS: '<surname>British</surname>
    # <source>Thoracic Society'): no stop goes inside it. A person with initials before a <source> gets one.
    book = ('<ref id="R9"><label>9</label><mixed-citation publication-type="book"><name><surname>British</surname>'
            '</name> <source>Thoracic Society; Guidelines</source> <publisher-name>Network</publisher-name> '
            '(<year>2003</year>) <comment>British guideline on asthma.</comment></mixed-citation></ref>')
    text = convert(_article(ITALIC, _refs().split('<ref id="R9">')[0] + book).encode(), "x.xml").markdown
    assert "9. British Thoracic Society; Guidelines Network (2003)" in text
    person = book.replace("<surname>British</surname>", "<surname>Brit</surname> <given-names>AB</given-names>")
    text = convert(_article(ITALIC, _refs().split('<ref id="R9">')[0] + person).encode(), "x.xml").markdown
    assert "9. Brit AB. Thoracic Society; Guidelines Network (2003)" in text


def test_a_name_whose_parts_touch_prints_them_apart():
    """Europe PMC's Bulletin of the WHO: '<surname>Cao-Lormeau</surname><given-names>VM</given-names>'."""
    touching = _refs('<string-name><surname>Cao-Lormeau</surname><given-names>VM</given-names></string-name>, '
                     '<string-name><surname>Musso</surname> <given-names>D</given-names></string-name>.')
    text = convert(_article(ITALIC, touching).encode(), "x.xml").markdown
    assert "1. Cao-Lormeau VM, Musso D. Title 1." in text
    assert {e.number: e.first_author for e in _read(text)}[1] == "Cao-Lormeau"
    # Clean case: a name printed with its own space is unchanged.
    assert "Musso D." in text and "Musso  D" not in text


def _read(markdown: str):
    from kb.read.parse_policy import parse_policy

    return parse_policy(markdown, "x.md").references


def test_citation_numbers_touching_inside_brackets_are_read_apart():
    """Medknow in Europe PMC: '[<xref>8</xref><xref>9</xref>]' prints '[8,9]', not eighty-nine."""
    body = (f'Rain falls in June.[{_x(8, False)}{_x(9, False)}] Farms vary.[{_x(7, False)}{_x(1, False)}'
            f'{_x(2, False)}] Roads too [{_x(3, False)}].')
    article = _article(body, _refs())
    text = convert(article.encode(), "x.xml").markdown
    assert "June.[8,9] Farms vary.[7,1,2] Roads" in text
    assert [m.numbers for m in ground_truth(article.encode()).markers] == [(8, 9), (7, 1, 2), (3,)]
    # Clean case: one xref per bracket is unchanged, and touching numbers outside brackets are left to the
    # glued-run rule (BMJ's raised '1' '3' reads as a range).
    assert "Roads too [3]." in text
    glued = convert(_article(f"Drugs help.{_x(1, False)}{_x(3, False)}", _refs()).encode(), "x.xml").markdown
    assert "Drugs help.<sup>1\u20133</sup>" in glued


def test_an_article_number_with_colons_after_the_volume_keeps_the_year():
    """Euro Surveillance: '2010;15:19547:1\u201319547:5' and '2014;19:pii: 20759'; a year in the title is not it."""
    from kb.read.reference_list import parse_entry

    e = parse_entry(1, "Angelini P, Tamba M. West Nile virus surveillance system 2009. Euro Surveill. "
                       "2010;15:19547:1\u201319547:5. PMID: 20430000", 1)
    assert (e.year, e.volume, e.pages) == (2010, "15", "19547:1\u201319547:5")
    e = parse_entry(1, "Van Bortel W, Rosine J. Chikungunya, December 2013 to March 2014. Euro Surveill. "
                       "2014;19:pii: 20759.", 1)
    assert (e.year, e.volume) == (2014, "19")
    # Clean case: the usual 'year;volume(issue):pages' is read as before.
    e = parse_entry(1, "Smith A. A trial begun in 2009. Lancet. 2010;15(2):100-110.", 1)
    assert (e.year, e.volume, e.issue, e.pages) == (2010, "15", "2", "100-110")


def test_a_one_word_name_among_names_with_initials_is_an_author():
    """Indonesian authors print one name: 'Kosim R, Djauzi, et al.', 'Ksiazek TG, Suhandiman, Triwibowo.'"""
    from kb.read.reference_list import parse_entry

    e = parse_entry(1, "Olson JG, Ksiazek TG, Suhandiman, Triwibowo. Zika virus, a cause of fever in Central Java. "
                       "Trans R Soc Trop Med Hyg. 1981;75:389\u201393.", 1)
    assert (e.first_author, e.surnames[-1], e.year) == ("Olson", "Triwibowo", 1981)
    assert e.title.startswith("Zika virus")
    # Clean case: a title of single words ('Dengue, Zika, Chikungunya.') is no author list.
    e = parse_entry(1, "Dengue, Zika, Chikungunya. A review. Lancet. 2001;1:1-2.", 1)
    assert e.first_author is None and not e.surnames
