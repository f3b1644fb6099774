"""PDF reading forms found reading the PDF folders' findings one by one (helper hpdf5): reference lists set flush
left (no hanging indent, no space between entries: IJSEM, AAAI), ACM's appendix headings. The lines are made here,
as the importer's layout step receives them; each form has a positive and a clean case."""
from __future__ import annotations

import re

from importtools import layout_line as _line, written_lines as _written

# a column from x 50 to 300; an entry's last line stops early unless it happens to fill the column
_FLUSH = [
    ("Brettar, I. & Rheinheimer, G. (1991). Denitrification in the central", 300),
    ("Baltic Sea. Mar Ecol Prog Ser 77, 157-169.", 220),
    ("Brettar, I., Labrenz, M., Flavier, S. & Christen, R. (2006). A catalyst for", 300),
    ("autotrophic denitrification. Appl Environ Microbiol 72, 1364-1372.", 300),
    ("Brinkhoff, T., Kuever, J. & Muyzer, G. (2005). Genus VI. Thiomicrospira.", 300),
    ("In Bergey's Manual. New York: Springer.", 200),
    ("Bruns, A., Cypionka, H. & Overmann, J. (2002). Cyclic AMP increases the", 300),
    ("cultivation efficiency. Appl Environ Microbiol 68, 3978-3987.", 230),
    ("Campbell, B. J. & Takai, K. (2006). The versatile epsilon-proteobacteria.", 300),
    ("Nat Rev Microbiol 4, 458-468.", 160),
]


def _lines(rows):
    return [_line(text, 100 + 12 * i, 50, x1) for i, (text, x1) in enumerate(rows)]


def test_an_entry_after_a_full_last_line_opens_its_own_line():
    """Brettar's last line fills the column; Brinkhoff's entry still starts a line of its own, as the entries that
    start after a short line show the list's shape (surname, initials)."""
    text = _written(_lines(_FLUSH))
    assert "\nBrinkhoff, T., Kuever, J." in text
    assert "1364-1372. Brinkhoff" not in text
    assert "\nBruns, A." in text and "\nCampbell, B. J." in text


def test_a_paragraph_without_the_lists_shape_runs_on():
    """Clean cases: prose whose sentence ends at a full line and whose next line opens with a name and initials
    runs on, and so does a list whose entries do not open with a surname and initials."""
    prose = [("We thank the crew of the vessel for their help with sampling at sea.", 300),
             ("Sampling was done in 2010 by the team of the station at sea.", 300),
             ("Smith, J. (2010) reported the same; our data agree with that report.", 200),
             ("The samples were kept frozen until they were analysed in the laboratory.", 300),
             ("Jones, K. & Smith, J. (2011) kept theirs at 4 degrees instead.", 250)]
    text = _written(_lines(prose))
    assert "\nJones, K." not in text and "laboratory. Jones, K." in text
    # a wrapped editor's name ('In Singh, S. P.;') after a full line is no entry either
    rows = _FLUSH[:3] + [("Restricted generation. Proceedings of the Conference.", 300),
                         ("In Singh, S. P.; and Markovitch, S., eds., Proceedings of AAAI.", 200)] + _FLUSH[4:]
    assert "Conference. In Singh, S. P." in _written(_lines(rows))


def test_initials_opening_a_wrapped_line_of_a_name_list_are_no_item_label():
    """AAAI: '..., Bhagavatula, C.; Hwang,' at the foot of a right column over 'J. D.; and Choi, Y. 2021.' at the
    top of the next page's left column: the name runs on, the 'J.' is no lettered item's label."""
    first = [_line("Sun, H.; and Zhou, M. 2012. Joint Learning of a Dual SMT System. In ACL.", 100, 320, 560),
             _line("West, P.; Lu, X.; Holtzman, A.; Bhagavatula, C.; Hwang,", 112, 320, 560)]
    second = [_line("J. D.; and Choi, Y. 2021. Reflective Decoding. In Proceedings of ACL.", 100, 50, 300)]
    from kb.importers.blocks import MarkdownWriter
    from kb.importers.pdf_layout import write_blocks
    from dataclasses import replace

    out = MarkdownWriter()
    first = [replace(line, column=1, left=320, right=560) for line in first]
    second = [replace(line, page=2, left=50, right=300) for line in second]
    write_blocks(out, [first, second], [[], []])
    assert "Hwang, J. D.; and Choi, Y. 2021." in out.text()
    # clean: a lettered item after a sentence's end stays an item
    items = _written([_line("The patient meets all of the following:", 100, 50, 200),
                      _line("A. Pain for three months, and", 112, 50, 150),
                      _line("B. Failed conservative care.", 124, 50, 300)])
    assert "following: A." not in items and "and B." not in items


def test_an_appendix_letter_without_a_stop_before_capitals_is_a_heading():
    """ACM: 'A INTERVIEWS WITH HEALTHCARE CONSUMERS' after the list heads an appendix, so the list ends there."""
    text = _written([_line("[111] Alesia A. Zuccala. 2010. Open access. Information Research 15 (2010).", 100),
                     _line("A INTERVIEWS WITH HEALTHCARE CONSUMERS", 130, 50, 200),
                     _line("To validate the idea we interviewed six consumers [95].", 150)])
    assert re.search(r"^#+ A INTERVIEWS WITH HEALTHCARE CONSUMERS$", text, re.M)
    # clean: a capital and words that are not all capitals, or too few letters, stay text
    assert not re.search(r"^#", _written([_line("A Patient has pain at rest.", 100, 50, 200),
                                          _line("B CT", 130, 50, 80)]), re.M)


def _column(rows, column, left, right):
    from dataclasses import replace

    return [replace(_line(text, top, x0, x1, size), column=column, left=left, right=right)
            for text, top, x0, x1, size in rows]


def test_a_footnote_at_the_foot_of_the_left_column_does_not_cut_an_entry():
    """ACL: the left column ends inside an entry ('..., Sebastian Kohlmeier,'), a footnote set smaller stands at its
    foot, and the entry goes on at the top of the right column: the footnote is read after the columns."""
    from kb.importers.pdf_footnotes import notes_after_columns

    left = _column([("Waleed Ammar, Dirk Groeneveld, Chandra Bhagavatula, Iz Beltagy,", 690, 72, 290, 10.0),
                    ("Rodney Kinney, Sebastian Kohlmeier,", 702, 83, 290, 10.0),
                    ("<sup>19</sup>The Kaggle CORD-19 and TREC-COVID competitions.", 730, 88, 290, 9.0),
                    ("See Wang et al. (2020) for details.", 740, 72, 194, 9.0)], 0, 72, 290)
    right = _column([("Kyle Lo, Tyler Murray, and Oren Etzioni. 2018. Construction of the", 66, 318, 525, 10.0),
                     ("literature graph in semantic scholar. In NAACL.", 78, 318, 450, 10.0)], 1, 307, 527)
    from kb.importers.blocks import MarkdownWriter
    from kb.importers.pdf_layout import write_blocks

    out = MarkdownWriter()
    write_blocks(out, notes_after_columns([left + right]), [[]])
    text = out.text()
    assert "Sebastian Kohlmeier, Kyle Lo, Tyler Murray" in text
    assert re.search(r"^<sup>19</sup>The Kaggle CORD-19 .* See Wang et al\. \(2020\) for details\.$", text, re.M)
    # clean: a list labelled with raised numbers, in one face, goes on into the next column in its order
    labelled = _column([("<sup>1</sup>Smith, J. A trial. Lancet 2001.", 700, 72, 290, 9.0),
                        ("<sup>2</sup>Jones, K. A cohort. BMJ 2002.", 712, 72, 290, 9.0)], 0, 72, 290)
    labelled_right = _column([("<sup>3</sup>Brown, L. A review. JAMA 2003.", 66, 318, 525, 9.0)], 1, 307, 527)
    assert notes_after_columns([labelled + labelled_right]) == [labelled + labelled_right]


def test_a_moved_footnote_waits_for_the_entry_running_onto_the_next_page():
    """The right column's last entry runs onto the next page: the left column's footnote is written after that
    entry, not between its two parts; a bold heading set smaller at a column's foot is no footnote."""
    from dataclasses import replace

    from kb.importers.blocks import MarkdownWriter
    from kb.importers.pdf_footnotes import notes_after_columns
    from kb.importers.pdf_layout import write_blocks

    left = _column([("[11] T. Barnes, F. E. Close, and H. J. Lipkin, Implications", 600, 54, 299, 9.0),
                    ("of a DK molecule, Phys. Rev. D68, 054006 (2003).", 611, 72, 230, 9.0),
                    ("<sup>2</sup> At higher energies, there could be more states.", 700, 62, 299, 8.0)], 0, 54, 299)
    right = _column([("[12] L. Liu, K. Orginos, F.-K. Guo, and U.-G. Meissner, Interactions", 600, 317, 562, 9.0),
                     ("of charmed mesons with light", 611, 335, 562, 9.0)], 1, 317, 562)
    after = [replace(line, page=2) for line in _column(
        [("pseudoscalar mesons, Phys. Rev. D87, 014508 (2013).", 55, 72, 299, 9.0),
         ("[13] E. Kolomeitsev, On heavy light mesons, Phys. Lett. B582 (2004).", 66, 54, 299, 9.0)], 0, 54, 299)]
    out = MarkdownWriter()
    write_blocks(out, notes_after_columns([left + right, after]), [[], []])
    text = out.text()
    assert "of charmed mesons with light pseudoscalar mesons, Phys. Rev. D87" in text
    assert text.index("D87, 014508 (2013).") < text.index("<sup>2</sup> At higher")
    # clean: a bold heading set smaller at the foot of the left column stays where it stands
    heading = _column([("mesons can be classified as compact tetraquarks.", 100, 54, 200, 10.0),
                       ("**ACKNOWLEDGMENTS**", 157, 117, 236, 9.0)], 0, 54, 299)
    thanks = _column([("This work is supported in part by the NSFC.", 54, 317, 562, 10.0)], 1, 317, 562)
    assert notes_after_columns([heading + thanks]) == [heading + thanks]
