"""Reader forms found reading the PDF folders' findings one by one (helper hpdf5; notes: pdf_findings.md). Each form
has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from tests.formtools import codes_of, markers_in


def test_a_crystal_direction_in_brackets_is_no_marker():
    """A silicon paper's '[110] crystal direction' and 'along the [110] ([100]) directions' name lattice axes."""
    assert markers_in("Young's modulus of silicon in the [110] crystal direction [23] is 165 GPa.") == ["23"]
    assert markers_in("transistors placed perpendicularly along the [110] ([100]) directions.") == []
    assert markers_in("channels parallel to the [110] direction of the crystal.") == []
    # clean: a citation of a long list's entry 110 or 111 is still one
    assert markers_in("as reported before [110], the direction of change was the same.") == ["110"]
    assert markers_in("Two reviews [111, 112] agree.") == ["111, 112"]


def _article(masthead: str) -> str:
    return (f"{masthead}\n\n# Sulfurimonas gotlandica sp. nov.\n\n## Introduction\n\nThe genus was described "
            "before (Inagaki et al., 2003).\n\n## References\n\nInagaki, F., Takai, K. & Horikoshi, K. (2003). "
            "Sulfurimonas autotrophica gen. nov. Int J Syst Evol Microbiol 53, 1801–1805.\n")


def test_a_journals_masthead_over_the_title_cites_nothing():
    """SGM's 'International Journal of Systematic and Evolutionary Microbiology (2013), 63, 4141–4148' above the
    title names the article's own issue: no citation of 'Systematic (2013)'."""
    masthead = "International Journal of Systematic and Evolutionary Microbiology (2013), 63, 4141–4148\tDOI 10.1099/x"
    assert codes_of(_article(masthead), "CIT107") == []
    # clean: a sentence naming a work by a year in brackets above the title is still read as a citation
    assert codes_of(_article("As Labrenz et al. (2013) showed, the redoxcline is stable."), "CIT107") != []


def test_a_given_name_first_entry_with_a_name_in_brackets_is_read():
    """ACL: 'Evie (Yu-Yen) Cheng' among names printed given name first: the bracketed form is another name of the
    same person, and the entry is read as the list's others are (first author Wang, 2021)."""
    from kb.read.parse_policy import parse_policy

    entries = [
        "Tal August, Lucy Lu Wang, Jonathan Bragg, and Kyle Lo. 2023. Paper plain. ACM TOCHI.",
        "Kyle Lo, Lucy Lu Wang, Mark Neumann, and Daniel Weld. 2020. S2ORC: The semantic scholar corpus. In ACL.",
        "Lucy Lu Wang, Isabel Cachola, Evie (Yu-Yen) Cheng, and Daniel S. Weld. 2021. Improving the accessibility "
        "of scientific documents. ArXiv, abs/2105.00076.",
        "Lucy Lu Wang, Kyle Lo, Yoganand Chandrasekhar, and Sebastian Kohlmeier. 2020. CORD-19. ArXiv.",
    ]
    text = ("# Papermage\n\n## Introduction\n\nAccessible formats (Wang et al., 2021) help.\n\n## References\n\n"
            + "\n\n".join(entries) + "\n")
    assert parse_policy(text, "fixture.md").references[2].surnames[:3] == ("Wang", "Cachola", "Cheng")
    assert codes_of(text, "CIT107") == []
    # clean: a bracket that is no name (an organisation's acronym after it) leaves the entry as it was read
    other = text.replace("Evie (Yu-Yen) Cheng", "Evie Cheng (NIH),")
    assert parse_policy(other, "fixture.md").references[2].surnames[:1] != ("Wang", )


def _survey(sentence: str) -> str:
    return (f"# Survey\n\n## Results\n\n{sentence}\n\n## References\n\n1. Narayan S, Cohen SB, Lapata M. Don't give me "
            "the details, just the summary. EMNLP. 2018.\n2. Smith A. A trial. J Med. 2001;1:1-5.\n")


def test_a_count_opening_a_sentence_with_its_share_is_the_articles_own_tally():
    """EACL: '17 papers (11%) only perform human evaluation on short summaries (datasets like XSUM [1])': the
    papers are the survey's own sample, not the one work cited."""
    text = _survey("17 papers (11%) only perform human evaluation on short summaries (datasets like XSUM [1]).")
    assert codes_of(text, "CIT301") == []
    # clean: the same count without a share still counts the works the sentence cites
    assert codes_of(_survey("Two studies evaluated short summaries only [1]."), "CIT301") != []


def test_an_entry_without_a_year_does_not_swallow_the_next_line():
    """JMLR: 'L. Cheng, ..., B. E. Engelhardt. Sparse ... March . URL ...' prints no year; the next line, 'S.
    Cheng-Xian Li and B. Marlin. ... NIPS, 2016.', is an entry of its own, cited '(Cheng-Xian Li and Marlin (2016))'."""
    from kb.read.parse_policy import parse_policy

    entries = ["M. A. Alvarez, L. Rosasco, and N. D. Lawrence. Kernels for vector valued functions. Arxiv, 2012.",
               "L. Cheng, G. Darnell, and B. E. Engelhardt. Sparse multi-output Gaussian processes. arXiv preprint "
               "arXiv:1703.09112, March . URL https://arxiv.org/abs/1703.09112.",
               "S. Cheng-Xian Li and B. Marlin. A scalable end-to-end gaussian process adapter. NIPS, 2016.",
               "J. Futoma, S. Hariharan, and K. Heller. Learning to detect sepsis. ICML, 2017."]
    text = ("# Sepsis\n\n## Methods\n\nWe use the Lanczos method (Cheng-Xian Li and Marlin (2016)).\n\n## References\n\n"
            + "\n".join(entries) + "\n")
    assert len(parse_policy(text, "fixture.md").references) == 4
    assert codes_of(text, "CIT107") == []
    # clean: a wrapped line opening with a journal's name and a year stays part of its undated entry
    wrapped = ("# Sepsis\n\n## Methods\n\nText (Alvarez et al., 2012).\n\n## References\n\n" + entries[0] + "\n"
               "L. Cheng, G. Darnell, and B. E. Engelhardt. Sparse multi-output Gaussian processes.\n"
               "Nature Medicine 2016;12:1-5.\n" + entries[3] + "\n")
    assert len(parse_policy(wrapped, "fixture.md").references) == 3
