"""Forms left on the real-PDF folders after the importer's fixes (notes: pdf_findings.md, 'Left, and why'), read
by kb/read and kb/checks. Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of

# An author-year list printed given name first, the year after the names (ACL, BibTeX's plain author-year styles).
_GIVEN_FIRST = [
    "Anant K. Agarwal, Ivan Zaitsev, and Thorsten Joachims. 2019. Estimating position bias. In WSDM.",
    "Waleed Ammar, Dirk Groeneveld, and Oren Etzioni. 2018. Construction of the literature graph. In NAACL-HLT.",
    "Iz Beltagy, Kyle Lo, and Arman Cohan. 2019. SciBERT: A pretrained language model. In EMNLP.",
    "Jacob Devlin, Ming-Wei Chang, Kenton Lee, and Kristina Toutanova. 2019. BERT: Pre-training. In NAACL-HLT.",
    "Diederik P. Kingma and Jimmy Ba. 2014. Adam: A method for stochastic optimization. ArXiv.",
    "Quoc Le and Tomas Mikolov. 2014. Distributed representations of sentences and documents. In ICML.",
    "Laurens van der Maaten. 2014. Accelerating t-SNE using tree-based algorithms. J Mach Learn Res.",
    "Cunchao Tu, Han Liu, Zhiyuan Liu, and Maosong Sun. 2017. CANE: Context-aware network embedding. In ACL.",
]


def _author_year(entries: list[str], text: str) -> str:
    return f"# Embeddings\n\n## Introduction\n\n{text}\n\n## References\n\n" + "\n\n".join(entries) + "\n"


def test_a_list_printed_given_name_first_reads_every_entry_so():
    """Where the entry readers already read several entries given name first, the others ('Anant K. Agarwal', two
    names joined by 'and' with no middle initial) take the last word of each name for its surname."""
    doc = parse_policy(_author_year(_GIVEN_FIRST, "Text."), "fixture.md")
    assert [e.first_author for e in doc.references] == [
        "Agarwal", "Ammar", "Beltagy", "Devlin", "Kingma", "Le", "van der Maaten", "Tu"]
    cited = "Graphs embed text (Tu et al., 2017; Kingma and Ba, 2014; Le and Mikolov, 2014; Agarwal et al., 2019)."
    assert codes_of(_author_year(_GIVEN_FIRST, cited), "CIT107") == []


def test_a_surname_first_list_is_not_read_given_name_first():
    """Clean case: a list whose names come surname first ('Smith, J.') proves nothing, and a lone name printed
    given name first among them keeps the reading its own form gives."""
    surname_first = [
        "Bunescu, R. and Mooney, R. 2006. Subsequence kernels for relation extraction. In NIPS.",
        "Dagan, I., Glickman, O., and Magnini, B. 2006. The PASCAL recognising textual entailment challenge.",
        "Gildea, D. and Palmer, M. 2002. The necessity of parsing for predicate argument recognition. In ACL.",
        "Nils Reimers. 2019. Sentence-BERT. In EMNLP.",
    ]
    doc = parse_policy(_author_year(surname_first, "Text."), "fixture.md")
    assert [e.first_author for e in doc.references][:3] == ["Bunescu", "Dagan", "Gildea"]
    assert doc.references[3].first_author != "Reimers"
    # Positive: an entry of which nothing else was read, opening with names printed given name first, is read so.
    penas = "Anselmo Peñas, Álvaro Rodrigo, Felisa Verdejo. 2007. Overview of the answer validation exercise 2007."
    doc = parse_policy(_author_year(surname_first[:3] + [penas], "Text."), "fixture.md")
    assert doc.references[3].surnames == ("Peñas", "Rodrigo", "Verdejo")
    assert codes_of(_author_year(surname_first[:3] + [penas], "As shown (Peñas et al., 2007)."), "CIT107") == []
    # And with too few entries read given name first, the list's style is not shown.
    doc = parse_policy(_author_year(_GIVEN_FIRST[4:6] + surname_first[:3], "Text."), "fixture.md")
    assert [e.first_author for e in doc.references][:2] != ["Kingma", "Le"]


def _one_page_abstract(author_line: str) -> str:
    return (f"# Interference of single photons\n\n{author_line}\n\n<sup>1</sup> Physics Department, University of "
            "South Florida, Tampa, FL, USA\n<sup>2</sup> Joint Quantum Institute, Gaithersburg, MD, USA\n\n"
            "Two-photon interference is central to quantum networks [1].\n\n# References\n\n"
            "[1] A. Muller et al., Phys. Rev. Lett. 103, 217402 (2009).\n")


def test_a_byline_with_the_comma_before_the_raised_numbers_cites_nothing():
    """'Andreas Muller,<sup>1,*</sup> Sergey V. Polyakov,<sup>2</sup> ... and Glenn S. Solomon<sup>2</sup>': the raised
    numbers point to the affiliations below, not to the list, wherever the comma stands."""
    byline = ("Andreas Muller,<sup>1,*</sup> Sergey V. Polyakov,<sup>2</sup> Natalia Borjemscala,<sup>2, 3</sup> "
              "Edward Van Keuren,<sup>3</sup> and Glenn S. Solomon<sup>2</sup>")
    assert codes_of(_one_page_abstract(byline), "CIT101") == []
    # Clean case: a sentence naming the authors with raised numbers past the list's end still cites them.
    sentence = "Results were reported by Muller,<sup>2</sup> and by Polyakov,<sup>3</sup> in two laboratories."
    assert codes_of(_one_page_abstract(sentence), "CIT101") == [("CIT101", "error")] * 2


def _ieee(entries: list[str], text: str) -> str:
    return (f"# Video servers\n\n## Introduction\n\n{text}\n\n## References\n\n"
            + "\n".join(f"[{i}] {e}" for i, e in enumerate(entries, 1)) + "\n")


_CHEN = ("M. S. Chen, D. Kandlur, and P. Yu, “Support for fully interactive playout in a disk-array-based video "
         "server,” in *Proc. ACM Multimedia’94,* San Francisco, CA, Oct. 1994, pp. 391–398.")


def test_a_ditto_dash_stands_for_the_previous_entrys_authors():
    """IEEE's '[6] ——, “Using rate staggering ...”' (or '[6] , “...' where the text layer lost the dash) is by the
    authors of the entry before it: read with their names, it names Chen, and 'Chen et al. [2]' is right."""
    text = "Chen et al. rotated the blocks [2]; they also skipped segments [1]."
    for ditto in ("——, ", ", ", "———, "):
        entries = [_CHEN, ditto + "“Using rate staggering to store scalable video,” in *Multimedia Computing and "
                   "Networking 1995, SPIE,* San Jose, CA, Feb. 1995, vol. SPIE-2417, pp. 338–345."]
        doc = parse_policy(_ieee(entries, text), "fixture.md")
        assert doc.references[1].surnames == ("Chen", "Kandlur", "Yu")
        assert doc.references[1].raw.startswith(ditto.strip())
        assert codes_of(_ieee(entries, text), "CIT201") == []
    # Clean case: an entry that opens with its own names is read as printed, whatever the entry before it.
    entries = [_CHEN, "H. J. Chen and T. D. C. Little, “A scalable video-on-demand service,” in *Proc. ICMCS,* "
               "Washington DC, May 1995, pp. 65–72."]
    assert parse_policy(_ieee(entries, text), "fixture.md").references[1].surnames == ("Chen", "Little")


def test_a_month_and_year_closing_an_ieee_proceedings_source_is_the_entrys_year():
    """'in *Proc. X,* San Jose, CA, Feb. 1995, vol. SPIE-2417, pp. 338–345': the date stands before the volume."""
    entry = ("M. S. Chen and P. Yu, “Using rate staggering,” in *Multimedia Computing and Networking, SPIE,* San Jose, "
             "CA, Feb. 1995, vol. SPIE-2417, pp. 338–345.")
    doc = parse_policy(_ieee([entry], "Staggering helps [1]."), "fixture.md")
    assert doc.references[0].year == 1995
    assert codes_of(_ieee([entry], "Staggering helps [1]."), "REF111") == []
    # Clean case: an entry that prints no date at all still has no year.
    entry = "E. Chang and A. Zakhor, “Cost analyses for VBR video servers,” *IEEE Multimedia,* vol. 4, no. 3, pp. 56–71."
    assert codes_of(_ieee([entry], "Costs differ [1]."), "REF111") == [("REF111", "warning")]


def test_a_task_label_before_a_cited_name_is_no_part_of_it():
    """'(RTE-1 – Dagan et al., 2006; RTE-2 – Bar-Haim et al., 2006)': a shared task's label and a dash lead the name."""
    entries = ["Bar-Haim, R., Dagan, I., and Dolan, B. 2006. The second PASCAL RTE challenge. In RTE-2.",
               "Dagan, I., Glickman, O., and Magnini, B. 2006. The PASCAL recognising textual entailment challenge."]
    cited = "Entailment helps validation (RTE-1 – Dagan et al., 2006; RTE-2 – Bar-Haim et al., 2006)."
    assert codes_of(_author_year(entries, cited), "CIT107") == []
    # Clean case: a name the list lacks is still reported with its label before it.
    cited = "Entailment helps validation (RTE-3 – Giampiccolo et al., 2007)."
    assert codes_of(_author_year(entries, cited), "CIT107") == [("CIT107", "warning")]


def _physics(entry: str) -> str:
    return f"# Nuclei\n\n## Introduction\n\nRecoil matters [1].\n\n## References\n\n[1] {entry}\n"


def test_a_bold_volume_shows_a_journal_the_reader_missed():
    """APS and IOP print 'J.L.Friar and M.Rosen, Ann. Phys. **87**, 289 (1974).': the words before the bold volume
    are the journal, so 'no source' is in doubt (info, not a warning)."""
    for entry in ("J.L.Friar and M.Rosen, Ann. Phys. **87**, 289 (1974).",
                  "B. F. Schutz, Gravitational wave astronomy, Classical Quantum Gravity **16**, A131 (1999).",
                  "Golub G, Pereyra V (2003). “Separable Nonlinear Least Squares.” Inverse Problems, **19**, R1–R26."):
        assert codes_of(_physics(entry), "REF113") in ([("REF113", "info")], [])
    # Clean case: a name, a title and a year with no journal at all is still reported.
    assert codes_of(_physics("J. L. Friar and M. Rosen, Nuclear recoil corrections, 1974."), "REF113") == [
        ("REF113", "warning")]


def test_a_proceedings_named_in_the_title_part_is_a_source_in_doubt():
    """'R. Srikant and R. Agrawal: “Mining Generalized Association Rules”, Proc. of the 21st Int'l Conf. on Very Large
    Databases, Zurich, Switzerland, Sep. 1995.': the proceedings were read into the title."""
    entry = ("R. Srikant and R. Agrawal: “Mining Generalized Association Rules”, Proc. of the 21st Int'l Conf. on Very "
             "Large Databases, Zurich, Switzerland, Sep. 1995.")
    assert codes_of(_physics(entry), "REF113") in ([("REF113", "info")], [])
    # Clean case: the same entry with no proceedings named is still reported.
    entry = "R. Srikant and R. Agrawal: “Mining Generalized Association Rules”, Zurich, Switzerland, Sep. 1995."
    assert codes_of(_physics(entry), "REF113") == [("REF113", "warning")]


def test_a_meetings_year_in_its_name_puts_a_missing_year_in_doubt():
    """'In Proc. *QoMEX 2012*.', 'in *Proc. IPAC’15*': the only date the entry gives is in the meeting's name."""
    for venue in ("In Proc. *QoMEX 2012*.", "in *Proc. IPAC’15,* Richmond, VA, USA."):
        entry = f"Arndt, S., Antons, J.-N., and Curio, G. Perception of low-quality videos. {venue}"
        assert codes_of(_physics(entry), "REF111") == [("REF111", "info")]
    # Clean case: an entry that names no dated meeting and prints no year is still reported.
    entry = "Arndt, S., Antons, J.-N., and Curio, G. Perception of low-quality videos. In Proc. *QoMEX*."
    assert codes_of(_physics(entry), "REF111") == [("REF111", "warning")]


_ENTITY_LIST = [
    "Ammar, W., Peters, M., and Power, R. 2017. The AI2 system at SemEval-2017. In SemEval.",
    "Collobert, R. and Weston, J. 2011. Natural language processing (almost) from scratch. JMLR.",
    "Demner-Fushman, D. and Rogers, W. 2017. MetaMap Lite. JAMIA.",
    "Ferragina, P. and Scaiella, U. 2010. TAGME: on-the-fly annotation of short text fragments. In CIKM.",
    "Hochreiter, S. and Schmidhuber, J. 1997. Long short-term memory. Neural Computation.",
]


def _with_footnotes(note_line: str) -> str:
    return ("# Literature graph\n\n## Entities\n\nWe link mentions with TagMe (Ferragina and Scaiella, 2010) and MetaMap "
            "Lite.<sup>1</sup> Rules disambiguate the rest.<sup>2</sup> The parser is public.<sup>3</sup> So are the "
            f"data.<sup>4</sup>\n\n{note_line}\n\n## References\n\n" + "\n\n".join(_ENTITY_LIST) + "\n")


def test_footnote_calls_in_an_author_year_article_are_no_numbered_citations():
    """An author-year article's raised numbers that call the footnotes printed below ('<sup>1</sup>We use v3.4 ...',
    '<sup>3</sup>https://...') do not make it cite its list by number (CIT104 on every entry past the notes)."""
    notes = ("<sup>1</sup>We use v3.4 of MetaMap Lite.\n<sup>2</sup>A rules-only approach did worse.\n"
             "<sup>3</sup>https://github.com/allenai/science-parse<sup>4</sup>http://allenai.org/data.html")
    doc = parse_policy(_with_footnotes(notes), "fixture.md")
    assert doc.citation_style == "author-year"
    assert codes_of(_with_footnotes(notes), "CIT101") == []
    # Clean case: raised numbers with no footnote printed for them still read as numbered citations of the list.
    doc = parse_policy(_with_footnotes("No notes are printed."), "fixture.md")
    assert doc.citation_style == "numbered"


def _own_box(box: str) -> str:
    return (f"# VESPA\n\n{box}\n\n## Introduction\n\nSelection is measured (Yang, 2007).\n\n## References\n\n"
            "Yang, Z. 2007. PAML 4: phylogenetic analysis by maximum likelihood. Mol Biol Evol 24: 1586-1591.\n\n"
            "Webb, A. E., Walsh, T. A. and O'Connell, M. J. 2015. Selective pressure analyses. BMC Bioinf 16: 1.\n")


def test_the_box_citing_the_article_itself_cites_nothing():
    """'**How to cite this article** Webb et al. (2017), VESPA ...' (PeerJ), '**To cite this article:** Neil B.
    Hampson, ... (2017) Prospective evaluation ...' (Taylor & Francis): the article's own names and year."""
    for box in ("**How to cite this article** Webb et al. (2017), VESPA: Very large-scale Evolutionary and "
                "Selective Pressure Analyses. **PeerJ Comput. Sci. 3:e118**",
                "**To cite this article:** Webb, A. E. and O'Connell, M. J.\n(2017) VESPA, PeerJ Computer Science, 3, "
                "e118"):
        assert codes_of(_own_box(box), "CIT107") == []
        assert codes_of(_own_box(box), "CIT205") == []
    # Clean case: the same words in a sentence of the text are a citation the list cannot answer.
    text = "As Webb et al. (2017) showed, VESPA scales to large analyses."
    assert codes_of(_own_box(text), "CIT107") == [("CIT107", "warning")]


def test_an_edition_set_raised_shows_a_book():
    """'Some plants of Sundarbans, 1<sup>st</sup> ed., Tectona computing, Chittagong': the edition shows a book whose
    publisher was read into the title, so 'no source' is in doubt."""
    entry = "D. Z. Hassan, Some plants of Sundarbans, 1<sup>st</sup> ed., Tectona computing, Chittagong, 2000."
    assert codes_of(_physics(entry), "REF113") == [("REF113", "info")]
    # Clean case: the same entry without the edition is still reported.
    entry = "D. Z. Hassan, Some plants of Sundarbans, Chittagong, 2000."
    assert codes_of(_physics(entry), "REF113") == [("REF113", "warning")]


def test_a_compact_physics_citation_names_its_journal():
    """'Matos T., and Urena-Lopez L. A. Phys.Rev.D63:063506,2001': journal, volume and page printed with no spaces."""
    entry = "Matos T., and Urena-Lopez L. A. Phys.Rev.D63:063506,2001, [astro-ph/0006024]."
    assert codes_of(_physics(entry), "REF113") == []
    # Clean case: the same names and year with nothing after them still name no source.
    assert codes_of(_physics("Matos T., and Urena-Lopez L. A. Dark matter halos, 2001."), "REF113") == [
        ("REF113", "warning")]


def test_a_textbook_publisher_or_a_journal_in_small_letters_closing_the_title_part_is_a_source_in_doubt():
    """Google Scholar's export: 'J. Golbeck, Analyzing the social web, Newnes, 2013.', 'M. Hirschey, Managerial
    economics, Cengage Learning, 2008.', '..., Frontiers in human neuroscience 5.'"""
    for entry in ("J. Golbeck, Analyzing the social web, Newnes, 2013.",
                  "M. Hirschey, Managerial economics, Cengage Learning, 2008.",
                  "M. N. Moussa, P. J. Laurienti, Changes in cognitive state alter human functional brain networks, "
                  "Frontiers in human neuroscience 5, 2011."):
        assert codes_of(_physics(entry), "REF113") == [("REF113", "info")]
    # Clean case: a title with no publisher or journal after it is still reported.
    assert codes_of(_physics("J. Golbeck, Analyzing the social web, 2013."), "REF113") == [("REF113", "warning")]


def test_names_year_and_title_taken_for_a_body_are_read_as_the_names_in_a_given_first_list():
    """'Carol Tenopir, Rachel Volentine, and Donald W. King. 2012. Scholarly Reading and the Value of Academic Library
    Collections ...': a body's word deep in the title made the readers take the last name, the year and the title for
    a group's name; no body prints its name over the year's sentence."""
    tenopir = ("Carol Tenopir, Rachel Volentine, and Donald W. King. 2012. Scholarly Reading and the Value of Academic "
               "Library Collections: Results of A Study in Six UK Universities. Insights: The UKSG Journal 25 (2012), "
               "130–149.")
    who = "World Health Organization. 2019. Guidelines on physical activity and sedentary behaviour. Geneva: WHO."
    doc = parse_policy(_author_year(_GIVEN_FIRST + [tenopir, who], "Text."), "fixture.md")
    tenopir_entry, who_entry = doc.references[-2], doc.references[-1]
    assert (tenopir_entry.surnames, tenopir_entry.organisation, tenopir_entry.year) == (
        ("Tenopir", "Volentine", "King"), None, 2012)
    # ... and its title and journal, which had gone into that name, are read again
    assert tenopir_entry.title.startswith("Scholarly Reading") and tenopir_entry.source.startswith("Insights")
    assert tenopir_entry.raw.startswith("Carol Tenopir")
    # Clean case: a body named as the author keeps its name.
    assert who_entry.organisation and who_entry.organisation.startswith("World Health Organization")
