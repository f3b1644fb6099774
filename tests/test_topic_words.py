"""Topic words are data: the outcome vocabulary with polarity, the spine treatments as one file, and a
document's own treatments (title, criteria, defined abbreviations)."""
from evidence_helpers import POLICY, full, load

from kb.estimates.topics import criteria_phrases, defined_treatments, document_treatments, title_phrases
from kb.estimates.vocabulary import OUTCOME_WORDS, TREATMENT_WORDS, outcome_in, outcome_word, treatments_in
from kb.read.prose import split_sentences  # noqa: F401  (the reader the documents go through)


def test_the_vocabularies_are_read_from_the_package_data():
    assert {t.area for t in TREATMENT_WORDS} == {"spine"}
    assert outcome_word("pain").polarity == "lower" and outcome_word("pain").subjective
    assert outcome_word("quality of life").polarity == "higher"
    assert outcome_word("mortality").polarity == "lower" and not outcome_word("mortality").subjective
    assert outcome_word("cement volume").polarity == ""
    assert {"function", "adverse events", "mortality", "new fracture"} <= {o.name for o in OUTCOME_WORDS}


def test_general_outcomes_are_named_in_any_topic():
    assert outcome_in("fewer adverse events with the drug") == "adverse events"
    assert outcome_in("improved physical functioning at one year") == "function"
    assert outcome_in("the Oswestry index and back pain") == "disability (ODI)"  # priority order kept
    assert outcome_in("the cost of the device") == ""  # clean


def test_outcomes_of_other_clinical_areas_are_named_and_come_after_the_first_ones():
    assert outcome_in("no association between OSA and the risk of VTE") == "thromboembolism"
    assert outcome_in("subjects with poor adherence to treatment") == "adherence"
    assert outcome_in("HbA1c fell by 0.4 percentage points") == "glycaemic control"
    assert outcome_in("preterm birth was less frequent") == "birth outcomes"
    assert outcome_in("the sensitivity analysis gave the same answer") == ""  # an analysis, not an accuracy
    assert outcome_in("deaths from stroke") == "mortality"  # the earlier row wins
    assert outcome_word("body weight").polarity == ""  # loss or gain depends on the aim


def test_title_and_criteria_name_treatments():
    assert title_phrases("Percutaneous Vertebroplasty, Kyphoplasty, Sacroplasty, and Coccygeoplasty") == [
        "Percutaneous Vertebroplasty", "Kyphoplasty", "Sacroplasty", "Coccygeoplasty"]
    assert title_phrases("Medical Policy Manual") == []  # clean
    assert "deep brain stimulation" in [p.lower() for p in criteria_phrases(["Deep brain stimulation may be "
                                                                              "considered medically necessary"])]


def test_defined_abbreviations_of_treatments_match_as_printed():
    class S:
        def __init__(self, text):
            self.text = text
    found = defined_treatments([S("patients received radiofrequency ablation (RFA) or usual care."),
                                S("The Society of Interventional Radiology (SIR) agreed.")], set())
    assert found == [("radiofrequency ablation", "RFA")]  # the society is not a treatment


def test_a_new_topic_gets_its_comparison_from_the_document(tmp_path):
    text = POLICY.replace("### RANDOMIZED CONTROLLED TRIALS",
                          "Widgetplasty was superior to sham for pain (MD = 1.2; 95% CI, 0.5 to 1.9).<sup>[1]</sup>"
                          "\n\n### RANDOMIZED CONTROLLED TRIALS")
    kb = load(full(tmp_path / "p", text))
    assert [t.name for t in document_treatments(kb.doc)] == ["widgetplasty"]
    (e,) = [e for e in kb.effect_estimates.estimates if e.estimate_text == "1.2"]
    assert (e.comparison, e.outcome) == ("widgetplasty vs sham", "pain")
    assert treatments_in("widgetplasty") == []  # the data files do not know it: the document does
