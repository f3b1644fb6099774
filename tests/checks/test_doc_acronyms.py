"""DOC111-112 and the acronym helpers: letters that fit a name, acronyms never defined."""
import pytest

from kb.read.acronyms import definitions, fits, initials, long_form, near_miss
from kb.checks.doc_acronyms import acronym_mismatch, acronym_undefined

from .policy_text import make_policy, run_rule


@pytest.mark.parametrize("text", [
    "the injection of polymethylmethacrylate (PMMA)",
    "the Society of NeuroInterventional Surgery (SNIS)",
    "the National Institute for Health and Care Excellence (NICE)",
    "the American Society of Regional Anesthesia and Pain Medicine (ASRA)",
    "the 36-Item Short-Form Health Survey (SF-36)",
    "European Quality of Life-5 Dimensions (EQ-5D)",
    "nonsteroidal anti-inflammatory drugs (NSAIDs)",
    "randomized controlled trials (RCTs)",
    "the U.S. Food and Drug Administration (FDA)",
    "percutaneous vertebroplasty (VP)",
])
def test_real_acronyms_fit_their_names(text):
    (d,) = definitions(text)
    assert fits(d.letters, d.words), text


@pytest.mark.parametrize("text, guess", [
    ("the Congress of Neurological Surgeons (CAN)", "CNS"),
    ("the American Society of Spine Radiology (ASRS)", "ASSR"),
])
def test_wrong_acronyms_do_not_fit(text, guess):
    (d,) = definitions(text)
    assert not fits(d.letters, d.words)
    assert initials(long_form(d.words)) == guess


def test_codes_and_roman_numerals_are_not_definitions():
    assert definitions("guidance (TA279) and trial (II) and the brand, (MAXXSPINE)")[0].words == ()


def test_near_miss_is_a_dropped_or_swapped_letter_of_three_or_more():
    defined = {"ASNR", "BK", "MD", "ASA", "CT"}
    assert near_miss("ASN", defined) == "ASNR"
    assert near_miss("SANR", defined) == "ASNR"
    assert near_miss("BKP", defined) is None  # a letter added builds a new acronym
    assert near_miss("WMD", defined) is None
    assert near_miss("AHA", defined) is None  # a changed letter is another body
    assert near_miss("CI", defined) is None  # two letters: too short to judge


def test_mismatch_finding_points_at_the_acronym():
    text = make_policy(body="The Congress of Neurological Surgeons (CAN) agreed.<sup>[1]</sup>")
    (f,) = run_rule(acronym_mismatch, text)
    assert f.severity == "warning" and "(CNS)" in f.suggestion
    assert text.split("\n")[f.line - 1][f.column - 1:].startswith("(CAN)")


def test_mismatch_without_a_clear_alternative_is_info():
    text = make_policy(body="The Institute for Quality and Efficiency in Health Care (IQWG) agreed.<sup>[1]</sup>")
    (f,) = run_rule(acronym_mismatch, text)
    assert f.severity == "info"


def test_reuse_of_an_acronym_defined_elsewhere_is_not_a_mismatch():
    body = ("The American College of Radiology (ACR) agreed.<sup>[1]</sup> Later the college (ACR) wrote "
            "again.")
    assert run_rule(acronym_mismatch, make_policy(body=body)) == []


def test_dropping_the_first_letter_is_only_info():
    body = ("Osteoporotic vertebral compression fractures (OVCF) hurt.<sup>[1]</sup> Any VCF can hurt.")
    (f,) = run_rule(acronym_undefined, make_policy(body=body))
    assert f.severity == "info" and "'VCF'" in f.message


def test_clean_acronyms():
    body = ("The American Society of Neuroradiology (ASNR) and the Society of Interventional Radiology (SIR) "
            "agreed.<sup>[1]</sup> The ASNR and SIR, with the FDA and an MRI, wrote a CI and HR.")
    assert run_rule(acronym_mismatch, make_policy(body=body)) == []
    assert run_rule(acronym_undefined, make_policy(body=body)) == []


def test_undefined_near_miss_is_reported_once_at_first_use():
    body = ("The American Society of Neuroradiology (ASNR) agreed.<sup>[1]</sup>\n\n"
            "The ACR and ASN disagreed. The ASN later agreed.")
    (f,) = run_rule(acronym_undefined, make_policy(body=body))
    assert "'ASN' is used but never defined; the policy defines ASNR (American Society of Neuroradiology)" == f.message
    assert "write ASNR" in f.suggestion


def test_bundled_policy(bundled_kb):
    """Line 284 defines 'Congress of Neurological Surgeons (CAN)'; line 288 lists 'The ACR, ASN, ASSR, SIR,
    and SNIS' where only ASNR (American Society of Neuroradiology, line 284) is defined."""
    (f,) = acronym_mismatch.func(bundled_kb)
    assert (f.line, "CAN") == (284, f.message.split("'")[1])
    (g,) = acronym_undefined.func(bundled_kb)
    assert g.line == 288 and "'ASN'" in g.message


@pytest.mark.parametrize("body", [
    "Baseline characteristics of the trials (DOCX).<sup>[1]</sup> Search strategy (PDF).",
    "Carriers of the R462Q variant (QQ) were more often infected.<sup>[1]</sup>",
    "Expression in the three strains (A\u2013C) was higher.<sup>[1]</sup>",
    "MCF10A cells were obtained from the supplier (ATCC).<sup>[1]</sup>",
    "Lysates were probed for IRF3 (IBL).<sup>[1]</sup>",
])
def test_brackets_that_hold_no_acronym_are_not_warnings(body):
    assert [f for f in run_rule(acronym_mismatch, make_policy(body=body)) if f.severity != "info"] == []


def test_supplier_after_words_keeps_its_first_letter_rule():
    """A name of words whose initials give another acronym with the same first letter is still a warning."""
    text = make_policy(body="The American Society of Spine Radiology (ASRS) agreed.<sup>[1]</sup>")
    (f,) = run_rule(acronym_mismatch, text)
    assert f.severity == "warning" and "ASSR" in f.suggestion


def test_terms_of_their_own_are_not_slips():
    body = ("Plates were washed in Tween in PBS (PBST).<sup>[1]</sup>\n\nCells were kept in PBS. PBS was changed "
            "daily. Fresh PBS was added.\n\n"
            "Early radial glial (E-RG) cells divided.<sup>[2]</sup>\n\nERG cells stopped.\n\n"
            "The stop codon UAG (amber) and the codons AUG and UGA are shown.<sup>[3]</sup>")
    assert run_rule(acronym_undefined, make_policy(body=body.replace("UAG (amber)", "(UAG)"))) == []


def test_the_factor_of_a_defined_receptor_is_only_info():
    body = ("Sunitinib blocks platelet derived growth factor receptors (PDGFR).<sup>[1]</sup>\n\n"
            "Tumours then activate PDGF signalling.")
    (f,) = run_rule(acronym_undefined, make_policy(body=body))
    assert f.severity == "info" and "'PDGF'" in f.message


def test_a_bracket_after_an_acronym_defines_it_only_when_it_spells_it_out():
    """'DAPI (blue)' and 'BLASTX (protein homology)' describe; 'VAS (visual analog scale)' defines."""
    described = ("Nuclei were stained with DAPI (blue).<sup>[1]</sup> Sensors such as AIM2, DAI and IFI16 act.\n\n"
                 "Contigs were compared using BLASTX (protein homology). BLAST hits were kept.")
    assert run_rule(acronym_undefined, make_policy(body=described)) == []
    defined = "Pain was scored on a VAS (visual analog scale).<sup>[1]</sup>\n\nThe VS fell and the VSA rose."
    (f,) = run_rule(acronym_undefined, make_policy(body=defined))
    assert "'VSA'" in f.message and "defines VAS" in f.message


def test_an_acronym_from_another_language_is_only_info():
    """NKR (Nederlandse Kankerregistratie): K is nowhere in 'Netherlands Cancer Registry'."""
    (f,) = run_rule(acronym_mismatch, make_policy(body="Data came from the Netherlands Cancer Registry (NKR).<sup>[1]</sup>"))
    assert f.severity == "info"
    (g,) = run_rule(acronym_mismatch, make_policy(body="Data came from the Netherlands Cancer Registry (NGC).<sup>[1]</sup>"))
    assert g.severity == "warning"


def test_a_translated_documents_mismatches_are_only_info():
    """Three acronyms from the Spanish names: a translation, not three slips."""
    body = ("The Official College of Nurses of Barcelona (COIB) and the Nursing Competency Scale (ECE) were used "
            "in Care Management (CG).<sup>[1]</sup>")
    assert [f.severity for f in run_rule(acronym_mismatch, make_policy(body=body))] == ["info", "info", "info"]
    one = "Data were kept by Care Management (CG).<sup>[1]</sup>"
    assert [f.severity for f in run_rule(acronym_mismatch, make_policy(body=one))] == ["warning"]


def test_an_acronym_in_a_slash_list_of_names_is_a_term_of_its_own():
    """'ATM/p38/MAPK' (a pathway) and 'TEM/SEM' (two methods) name things; a slip is not set in such a list."""
    body = ("Tumour associated macrophages (TAM) gather.<sup>[1]</sup>\n\n"
            "GAS5 acts through the ATM/p38/MAPK pathway.")
    assert run_rule(acronym_undefined, make_policy(body=body)) == []
    slip = body.replace("ATM/p38/MAPK pathway", "ATM pathway")
    (f,) = run_rule(acronym_undefined, make_policy(body=slip))
    assert "'ATM'" in f.message and "defines TAM" in f.message


def test_a_legends_list_of_abbreviations_defines_them():
    legend = ("**Figure 2** Uptake. *DNS* dansyl, *EGF* epidermal growth factor, *FAP* fibroblast activation "
              "protein.<sup>[1]</sup>\n\nThe EGFR inhibitor binds the epidermal growth factor receptor (EGFR).")
    assert run_rule(acronym_undefined, make_policy(body=legend)) == []
    not_a_list = legend.replace("*EGF* epidermal growth factor", "*EGF* was added")
    (f,) = run_rule(acronym_undefined, make_policy(body=not_a_list))
    assert "'EGF'" in f.message


def test_a_tables_note_of_abbreviations_defines_them():
    note = ("Table 1 note: IQR, interquartile range; MASLD, metabolic dysfunction associated steatotic liver "
            "disease.<sup>[1]</sup>\n\nFigure 1. MALSD metabolic dysfunction associated steatotic liver disease.\n\n"
            "MASLD rose.")
    assert run_rule(acronym_undefined, make_policy(body=note)) == []
    (f,) = run_rule(acronym_undefined, make_policy(body=note.replace("MASLD, metabolic dysfunction associated steatotic liver disease", "MASLD, a common disease")))
    assert "'MASLD'" in f.message


def test_a_compound_of_two_acronyms_fits_when_each_part_does():
    body = "Accuracy was the area under the receiver operating characteristic curve (AUC-ROC).<sup>[1]</sup>"
    assert run_rule(acronym_mismatch, make_policy(body=body)) == []
    (f,) = run_rule(acronym_mismatch, make_policy(body=body.replace("AUC-ROC", "AUC-RBC")))
    assert "'AUC-RBC'" in f.message


def test_a_compound_with_a_one_letter_part_fits_when_that_letter_is_a_word_of_the_name():
    body = "Tumours recruited cells secreting type I IFN (IFN-I).<sup>[1]</sup>"
    assert run_rule(acronym_mismatch, make_policy(body=body)) == []
    assert len(run_rule(acronym_mismatch, make_policy(body=body.replace("type I IFN", "type II IFN")))) == 1


def test_a_country_in_a_suppliers_address_is_common_knowledge():
    """corpus6 (BMC Infect Dis): 'U.S Department of Agriculture (USDA)' defined, '(GibcoBRL, NY, USA)' later."""
    body = ("Animals were kept under the U.S Department of Agriculture (USDA) act.<sup>[1]</sup>\n\n"
            "Medium came from GibcoBRL (Grand Island, NY, USA).")
    assert run_rule(acronym_undefined, make_policy(body=body)) == []
    # Another undefined near miss of the same acronym is still a slip.
    (f,) = run_rule(acronym_undefined, make_policy(body=body.replace("NY, USA", "the USD office")))
    assert "'USD' is used but never defined; the policy defines USDA" in f.message


def test_the_name_plos_one_is_no_slip_for_a_defined_acronym():
    """PLOS ONE trial report: '*PLoS ONE*. doi: ...' under the title, 'natural outdoor environments (NOE)' later."""
    body = ("*PLoS ONE*. doi: 10.1371/journal.pone.0172200\n\n"
            "We studied exposure to natural outdoor environments (NOE).<sup>[1]</sup>")
    assert run_rule(acronym_undefined, make_policy(body=body)) == []
    (f,) = run_rule(acronym_undefined, make_policy(body=body.replace("PLoS ONE", "PLoS NEO")))
    assert "'NEO' is used but never defined" in f.message
