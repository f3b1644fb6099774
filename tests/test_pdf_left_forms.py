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
    """Clean case: a list whose names come surname first ('Smith, J.') proves nothing, and a lone entry printed
    given name first among them keeps the reading its own form gives."""
    surname_first = [
        "Bunescu, R. and Mooney, R. 2006. Subsequence kernels for relation extraction. In NIPS.",
        "Dagan, I., Glickman, O., and Magnini, B. 2006. The PASCAL recognising textual entailment challenge.",
        "Gildea, D. and Palmer, M. 2002. The necessity of parsing for predicate argument recognition. In ACL.",
        "Nils Reimers and Iryna Gurevych. 2019. Sentence-BERT. In EMNLP.",
    ]
    doc = parse_policy(_author_year(surname_first, "Text."), "fixture.md")
    assert [e.first_author for e in doc.references][:3] == ["Bunescu", "Dagan", "Gildea"]
    assert doc.references[3].first_author != "Reimers"
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
