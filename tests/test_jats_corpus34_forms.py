"""Forms met in corpus 34 (60 JATS articles of 2001-2007 from the CRAFT corpus's PMC full texts, most of them
BioMed Central research articles in genetics, developmental biology and neuroscience, read first as they came), and
three left over from corpus 33. Each form has a case the check now reads right and a case it must still report;
the texts are made here."""
from __future__ import annotations

from tests.formtools import codes_of


def _doc(defined: str, used: str) -> str:
    """A defining sentence in one paragraph, the undefined acronym in another, and a one-entry list."""
    return (f"# Screen\n\n## Methods\n\n{defined}\n\n## Results\n\n{used}\n\n## References\n\n"
            "1. Smith A. A screen. J Cell Sci. 2004;117:1-5.\n")


_CODON = "The mutation turns the codon into thymine thymine adenine (TTA), a leucine codon [1]."


def test_a_group_of_a_primer_sequence_is_no_acronym():
    """'5'-CCC ACA TAT GCA GAC ACA C-3'': TAT is three bases of a primer, not a slip for the defined TTA."""
    primer = "Primers were ST015 (F) 5'-CCC ACA TAT GCA GAC ACA C-3' and ST031 (R)."
    assert codes_of(_doc(_CODON, primer), "DOC112") == []
    # Still said: the same letters as a word of their own, outside a sequence.
    assert codes_of(_doc(_CODON, "The TAT construct was then cloned."), "DOC112") == [("DOC112", "warning")]


_DSS = "Colitis was induced with dextran sodium sulfate (DSS) in drinking water [1]."


def test_an_acronym_joined_by_a_dash_to_another_code_names_a_method():
    """'SDS\u2013PAGE anomalies': SDS is part of the method's compound name, not a slip for the defined DSS."""
    assert codes_of(_doc(_DSS, "Similar SDS\u2013PAGE anomalies have been reported."), "DOC112") == []
    assert codes_of(_doc(_DSS, "Similar SDS-PAGE anomalies have been reported."), "DOC112") == []
    # Still said: the acronym on its own.
    assert codes_of(_doc(_DSS, "Similar SDS anomalies have been reported."), "DOC112") == [("DOC112", "warning")]


def test_an_amount_before_the_acronym_names_a_reagent_and_leaves_the_slip_unsure():
    """'20% FCS in PBS': fetal calf serum, a reagent by its amount; FACS defined, the slip is only info."""
    facs = "Phagocytosis was measured by fluorescence activated cell sorting (FACS) [1]."
    assert codes_of(_doc(facs, "The buffer held 0.1% collagenase and 20% FCS in PBS."), "DOC112") == \
        [("DOC112", "info")]
    assert codes_of(_doc(facs, "Cells were then counted by FCS."), "DOC112") == [("DOC112", "warning")]


def test_a_molecule_s_symbol_before_activity_or_beside_a_gene_leaves_the_slip_unsure():
    """'inhibiting FAP activity' beside a defined AFP; 'downregulates PD-L1 and MET' beside a defined EMT: gene and
    protein symbols share letters with acronyms by chance (corpus 33's FAP, ATM and MET)."""
    afp = "Serum markers such as alpha fetoprotein (AFP) were measured [1]."
    assert codes_of(_doc(afp, "Inhibiting FAP activity in tumours is feasible."), "DOC112") == [("DOC112", "info")]
    assert codes_of(_doc(afp, "The FAP was raised in every patient."), "DOC112") == [("DOC112", "warning")]
    emt = "It promotes invasion and epithelial mesenchymal transition (EMT) [1]."
    assert codes_of(_doc(emt, "miR-34a downregulates PD-L1 and MET, restoring T cell function."), "DOC112") == \
        [("DOC112", "info")]
    assert codes_of(_doc(emt, "It also downregulates the MET, restoring T cell function."), "DOC112") == \
        [("DOC112", "warning")]
    # Still said: a pathway's name (corpus 23's '*FGR* pathway' for FGF) and a hormone beside a one-letter symbol
    # (corpus 29's 'FSH, E2, PGR and LH' for a defined PRG) are real slips in the same places.
    fgfr = "Patients had fibroblast growth factor receptor (FGFR) amplification [1]."
    assert codes_of(_doc(fgfr, "An effect regardless of FGR pathway amplification cannot be excluded."),
                    "DOC112") == [("DOC112", "warning")]
    prg = "Women received progesterone (PRG) in one sequence [1]."
    assert codes_of(_doc(prg, "Blood levels of FSH, E2, PGR and LH were measured."), "DOC112") == \
        [("DOC112", "warning")]


def test_a_charge_after_the_acronym_names_a_chemical_species():
    """'regenerating NAD\u207a' beside a defined NADH: the oxidised form, not a slip (corpus 33)."""
    nadh = "The enzyme uses reduced nicotinamide adenine dinucleotide (NADH) [1]."
    assert codes_of(_doc(nadh, "Lactate dehydrogenase converts pyruvate to lactate, regenerating NAD\u207a."),
                    "DOC112") == []
    assert codes_of(_doc(nadh, "Lactate dehydrogenase converts pyruvate to lactate, regenerating NAD+."),
                    "DOC112") == []
    assert codes_of(_doc(nadh, "Lactate dehydrogenase converts pyruvate to lactate, regenerating NAD in cells."),
                    "DOC112") == [("DOC112", "warning")]


def test_a_book_s_imprint_closed_by_a_semicolon_and_a_stop_names_its_publisher():
    """BioMed Central prints a book's imprint inside its <source> ('Textbook of Glaucoma, Third edn Baltimore:
    Williams & Wilkins;') and the year after it, so the entry reads 'Williams & Wilkins;. 1992.'."""
    entry = "4. Shields MB. Textbook of Glaucoma, Third edn Baltimore: Williams & Wilkins;. 1992."
    text = f"# Glaucoma\n\n## Introduction\n\nPressure rises with age [4].\n\n## References\n\n{entry}\n"
    assert codes_of(text, "REF113") == []
    # Still said: the title and the year with no imprint.
    bare = text.replace(entry, "4. Shields MB. Textbook of Glaucoma, Third edn. 1992.")
    assert codes_of(bare, "REF113") == [("REF113", "warning")]
