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


BARE = HEAD + ('<p>Tumours resist therapy <xref ref-type="bibr" rid="R1">1</xref>. Vaccines help '
               '<xref ref-type="bibr" rid="R2">2</xref>, <xref ref-type="bibr" rid="R3">3</xref>. So do '
               'antibodies <xref ref-type="bibr" rid="R4">4</xref>, cells <xref ref-type="bibr" rid="R5">5</xref> '
               'and drugs <xref ref-type="bibr" rid="R6">6</xref>.</p>') + BACK


def test_citation_numbers_bare_everywhere_are_printed_raised():
    """Ivyspring and Dove in Europe PMC: no <sup> and no bracket anywhere; the journals print them raised."""
    assert ("Tumours resist therapy <sup>1</sup>. Vaccines help <sup>2</sup>, <sup>3</sup>. So do antibodies "
            "<sup>4</sup>, cells <sup>5</sup> and drugs <sup>6</sup>.") in _lines(BARE)
    assert [m.numbers for m in ground_truth(BARE.encode()).markers] == [(1,), (2, 3), (4,), (5,), (6,)]
    # One xref printing a run ("<xref rid='R4'>4\u20136</xref>", Dove) is raised whole and cites the run.
    run = BARE.replace('antibodies <xref ref-type="bibr" rid="R4">4</xref>', 'antibodies <xref ref-type="bibr" '
                       'rid="R4">4\u20136</xref>')
    assert any("So do antibodies <sup>4\u20136</sup>, cells" in line for line in _lines(run))
    assert [m.numbers for m in ground_truth(run.encode()).markers][2] == (4, 5, 6)
    # An article that brackets its citations keeps them as printed.
    bracketed = BARE.replace('therapy <xref ref-type="bibr" rid="R1">1</xref>',
                             'therapy [<xref ref-type="bibr" rid="R1">1</xref>]')
    for n in range(2, 7):
        bracketed = bracketed.replace(f'<xref ref-type="bibr" rid="R{n}">{n}</xref>',
                                      f'[<xref ref-type="bibr" rid="R{n}">{n}</xref>]')
    assert "Tumours resist therapy [1]. Vaccines help [2], [3]. So do antibodies [4], cells [5] and drugs [6]." in _lines(bracketed)


def test_bare_numbers_glued_to_a_word_are_raised_and_kept_apart():
    """A BMJ article in Europe PMC: 'immunotherapy.<xref>1</xref><xref>3</xref>' prints '13' unless raised and split."""
    glued = HEAD + ('<p>It resists immunotherapy.<xref ref-type="bibr" rid="R1">1</xref><xref ref-type="bibr" '
                    'rid="R3">3</xref> Cells help.<sup><xref ref-type="bibr" rid="R2">2</xref>,<xref ref-type="bibr" '
                    'rid="R4">4</xref></sup> Lists [5,<xref ref-type="bibr" rid="R6">6</xref>] stay.</p>') + BACK
    # Apart, the two are a range's ends (BMJ tags "1\u20133" by its ends); next to each other, a pair.
    assert "It resists immunotherapy.<sup>1\u20133</sup> Cells help.<sup>2,4</sup> Lists [5,6] stay." in _lines(glued)
    assert [m.numbers for m in ground_truth(glued.encode()).markers][:2] == [(1, 2, 3), (2, 4)]
    pair = glued.replace('rid="R3">3</xref>', 'rid="R2">2</xref>')
    assert "It resists immunotherapy.<sup>1,2</sup> Cells help.<sup>2,4</sup> Lists [5,6] stay." in _lines(pair)


def test_names_standing_side_by_side_get_their_commas():
    """Frontiers in Europe PMC: '<name>..</name><name>..</name><etal/>' with nothing between the names."""
    bare = ('<person-group person-group-type="author"><name><surname>Hu</surname><given-names>H</given-names></name>'
            '<name><surname>Tsai</surname><given-names>HJ</given-names></name><etal/></person-group>. <article-title>'
            'Survival</article-title>. <source>Sci Rep</source>. (<year>2021</year>) <volume>11</volume>:<fpage>23142'
            '</fpage>.')
    text = HEAD + '<p>Survival [<xref ref-type="bibr" rid="R1">1</xref>].</p>' + BACK.replace(
        "Author1 A. Title 1. J Tests. 2001;1:1.", bare)
    assert "1. Hu H, Tsai HJ, et al. Survival. Sci Rep. (2021) 11:23142." in _lines(text)
    spaced = text.replace("</name><name>", "</name>, <name>").replace("</name><etal/>", "</name>, <etal/>")
    assert "1. Hu H, Tsai HJ, et al. Survival. Sci Rep. (2021) 11:23142." in _lines(spaced)


def test_one_xref_printing_a_run_cites_the_run():
    """Taylor & Francis: '<xref rid="R2"><sup>2-4</sup></xref>' names only the first entry it prints."""
    run = HEAD + '<p>Fungi matter.<xref ref-type="bibr" rid="R2"><sup>2-4</sup></xref> Also<xref ref-type="bibr" ' \
                 'rid="R5"><sup>5,6</sup></xref>.</p>' + BACK
    assert [m.numbers for m in ground_truth(run.encode()).markers] == [(2, 3, 4), (5, 6)]
    spaced = run.replace("<sup>5,6</sup>", "<sup>5 6</sup>")  # BMJ separates raised numbers with a space
    assert [m.numbers for m in ground_truth(spaced.encode()).markers] == [(2, 3, 4), (5, 6)]
    single = run.replace("<sup>2-4</sup>", "<sup>2</sup>").replace("<sup>5,6</sup>", "<sup>5</sup>")
    assert [m.numbers for m in ground_truth(single.encode()).markers] == [(2,), (5,)]


def test_figures_and_tables_gathered_after_the_back_matter_are_printed():
    """MDPI in Europe PMC: '<floats-group>' after '<back>' holds the figures, whose captions cite."""
    caption = ('<floats-group><fig id="f1"><label>Figure 1</label><caption><p>Reproduced from ref. '
               '[<xref ref-type="bibr" rid="R2">2</xref>].</p></caption></fig></floats-group>')
    text = HEAD + '<p>Cells vary [<xref ref-type="bibr" rid="R1">1</xref>].</p>' + BACK.replace("</article>",
                                                                                               caption + "</article>")
    lines = _lines(text)
    assert "**Figure 1** Reproduced from ref. [2]." in lines
    assert lines.index("**Figure 1** Reproduced from ref. [2].") < lines.index("## References")
    assert [m.numbers for m in ground_truth(text.encode()).markers] == [(1,), (2,)]
    without = HEAD + '<p>Cells vary [<xref ref-type="bibr" rid="R1">1</xref>].</p>' + BACK
    assert not any(line.startswith("**Figure 1**") for line in _lines(without))
