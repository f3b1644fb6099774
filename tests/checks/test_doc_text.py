"""DOC121 and DOC131: repeated paragraphs, list items split mid-sentence."""
from kb.checks.doc_text import repeated_paragraph, split_list_item

from .policy_text import make_policy, run_rule

STUDY = ("Yi (2014) assessed the occurrence of new vertebral compression fractures after treatment with cement "
         "augmenting procedures versus conservative treatment in an RCT with 290 patients.<sup>[1]</sup> "
         "Return to usual activity occurred at one week for 87.6% of operatively treated patients and at two "
         "months for 59.2% of conservatively treated patients. At a mean follow-up of 49.4 months, 10.7% of "
         "patients had experienced 42 new symptomatic fractures.")
REWORDED = (STUDY.replace("assessed", "evaluated").replace("operatively treated", "operatively-treated")
            .replace("At a mean", "After a mean"))
OTHER = ("Zhang (2017) published a meta-analysis of comparative studies to evaluate the incidence of new "
         "vertebral fractures between vertebral augmentation and no operation.<sup>[2]</sup> Twelve comparative "
         "studies were identified with a total of 1,328 patients. There were no significant differences between "
         "groups for new nor existing vertebral fractures, nor in bone mineral density at the lumbar spine.")


def test_reworded_repeat_is_reported_on_the_later_paragraph():
    text = make_policy(body=f"{STUDY}\n\n## ADVERSE EVENTS\n\n{OTHER}\n\n{REWORDED}")
    (f,) = run_rule(repeated_paragraph, text)
    first = text.split("\n").index(STUDY) + 1
    assert f.line == text.split("\n").index(REWORDED) + 1 and f"line {first}" in f.message
    assert f.citations == (1,) and f.severity == "warning"


def test_different_paragraphs_and_parallel_list_items_are_clean():
    assert run_rule(repeated_paragraph, make_policy(body=f"{STUDY}\n\n{OTHER}")) == []
    items = f"1. {STUDY}\n2. {REWORDED}"
    assert run_rule(repeated_paragraph, make_policy(body=items)) == []


LIST = """The society made these recommendations:<sup>[1]</sup>

1. Kyphoplasty is superior to medical therapy for patients with cancer
2. and disabling back pain from a vertebral fracture (Class IIA).
3. Vertebroplasty is a reasonable option in selected patients."""


def test_item_continuing_the_previous_sentence():
    text = make_policy(body=LIST)
    (f,) = run_rule(split_list_item, text)
    assert text.split("\n")[f.line - 1].startswith("2. and disabling")
    assert "item 2 ('and disabling back pain from a ...') continues the sentence of item 1" in f.message
    assert "join item 2 to item 1" in f.suggestion


def test_items_joined_by_and_or_closed_by_punctuation_are_clean():
    clean = LIST.replace("with cancer\n", "with cancer; and\n").replace("2. and disabling", "2. disabling")
    assert run_rule(split_list_item, make_policy(body=clean)) == []
    lower = "Failure includes:<sup>[1]</sup>\n\n1. pain at rest;\n2. and pain at night."
    assert run_rule(split_list_item, make_policy(body=lower)) == []


def test_items_opening_with_the_same_word_are_one_sentence_written_as_a_list():
    """corpus6 (Ann Gen Hosp Psychiatry): 'The aim was: 1) to find ..., 2) to test ..., 3) to test ...'."""
    aims = "The aim of the study was:<sup>[1]</sup>\n\n1. to find if it crosses the barrier,\n2. to test its effects,\n" \
           "3. to test its activity."
    assert run_rule(split_list_item, make_policy(body=aims)) == []
    # An item opening with another joining word than the one before it is still split.
    split = aims.replace("3. to test its activity.", "3. and its activity.")
    (f,) = run_rule(split_list_item, make_policy(body=split))
    assert "item 3 ('and its activity." in f.message


def test_bundled_policy(bundled_kb):
    """Lines 176 and 264 both describe Yi (2014) [17] in nearly the same words; line 295 ('2. and disabling
    back pain ...') ends the sentence of line 294 ('1. Kyphoplasty ... for patients with cancer')."""
    (f,) = repeated_paragraph.func(bundled_kb)
    assert (f.line, f.citations) == (264, (17,)) and "line 176" in f.message
    (g,) = split_list_item.func(bundled_kb)
    assert g.line == 295


METHOD = ("Source shapes were randomly generated from a mesh model of a human hip, misaligned by a random "
          "rotation and translation in Experiment 2A, and registered back to a point cloud of the mesh. The test "
          "cases differ in the noise added to the target points, and each case was repeated three hundred times "
          "with new random draws of the misalignment and of the noise.")


def test_parallel_wording_about_different_things_is_clean():
    """Two experiments' methods in the same words: neither cites nor names a common source."""
    other = METHOD.replace("Experiment 2A", "Experiment 3A").replace("hip", "femur")
    assert run_rule(repeated_paragraph, make_policy(body=f"{METHOD}\n\n## RESULTS\n\n{other}")) == []
    # the same pair describing one cited study twice is a repeat
    cited = f"{METHOD} The design follows Smith (2015).<sup>[1]</sup>"
    (f,) = run_rule(repeated_paragraph, make_policy(body=f"{cited}\n\n## RESULTS\n\n{cited.replace('2A', '3A')}"))
    assert f.citations == (1,)


def test_legends_and_table_footnotes_are_clean():
    legend = f"**Fig 2. Registration error.** {STUDY}"
    assert run_rule(repeated_paragraph, make_policy(body=f"{legend}\n\n{legend.replace('Fig 2', 'Fig 3')}")) == []
    supplementary = f"**S1 Table. Characteristics.** {STUDY}"
    assert run_rule(repeated_paragraph, make_policy(body=f"{supplementary}\n\n{supplementary.replace('S1', 'S2')}")) == []
    table = "| Trial | n |\n| --- | --- |\n| Yi | 290 |"
    assert run_rule(repeated_paragraph, make_policy(body=f"{table}\n\n{STUDY}\n\n{table}\n\n{REWORDED}")) == []
