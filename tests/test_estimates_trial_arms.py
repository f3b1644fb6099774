"""What a trial report's sentence compares, and on which outcome, where no treatment word is known: the arms
it names by their groups ("in the A group than in the B group", "group A ... group B"), "with A than B", one
arm matched by two words, and the outcome words the Evidence Inference measurement found missing. Made-up
sentences; the forms come from kbdev/evidence_accuracy.py."""
import pytest

from kb.estimates.comparison import _ordered, named_arms
from kb.estimates.topics import _word
from kb.estimates.vocabulary import outcome_in, outcome_word
from kb.knowledge.base import build_knowledge_base
from kb.estimates import estimates_of
from kb.read.parse_policy import parse_policy

REFS = "## References\n\n1. Roe A, Poe B. A randomized trial. *J Med*. 2020;1:1-9.\n"


def comparisons(sentence: str) -> list[str]:
    text = f"# Results of a trial\n\n## Results\n\n{sentence}<sup>[1]</sup>\n\n{REFS}"
    return [e.comparison for e in estimates_of(build_knowledge_base(parse_policy(text, "fixture.md"))).estimates]


@pytest.mark.parametrize("sentence, arms", [
    ("Fewer had a stroke in the zinc group (12 [4%] of 300) than in the saline group (aOR 0.70, 95% CI 0.5 to 0.9).",
     ["zinc", "saline"]),
    ("Blood loss was lower in group A compared with that in group B (MD -70.0; 95% CI -120.5 to -20.1).",
     ["group A", "group B"]),
    ("Compared with the saline group, the zinc group gained less weight (difference -2.1 kg, 95% CI -3.0 to -1.2).",
     ["zinc", "saline"]),
    ("Relapses were rarer in the early-start group than in the late-start group (RR 0.81, 95% CI 0.71 to 0.92).",
     ["early-start", "late-start"]),
    ("Progression came sooner with drug X than capecitabine (HR, 1.40; 95% CI, 1.10-1.80).",
     ["drug x", "capecitabine"]),
    ("Relapse was less frequent in patients treated with zincovir 3.5 mg/kg (HR = 0.61, 95% CI = 0.44, 0.85) than "
     "in those treated with placebo.", ["zincovir", "placebo"]),
    ("Compared to the attention control, intervention participants were more active (OR = 2.5; 95% CI: 1.1-5.6).",
     ["intervention", "attention control"]),
    # two doses, each with its own parenthesis, before "than": the asides do not count toward the distance
    ("Progression was less likely in patients treated with zincovir tablets 3.5 mg/kg (hazard ratio (HR) = 0.63, "
     "95% confidence interval (CI) = 0.44, 0.89; p = 0.010) and 5.25 mg/kg (HR = 0.58, 95% CI = 0.41, 0.83; "
     "p = 0.003) than in those treated with placebo.", ["zincovir", "placebo"]),
    ("There was a difference between the intervention and control groups in general health (mean difference = 3.2, "
     "95% CI = 0.1-5.8, P = .02).", ["intervention", "control"]),
    ("The retinal area when the participants were on zincovir was 0.021 higher (95% CI: 0.002, 0.040) than when "
     "they received placebo.", ["zincovir", "placebo"]),
])
def test_the_arms_a_sentence_compares_are_read_in_its_order(sentence, arms):
    assert named_arms(sentence) == arms
    assert set(comparisons(sentence)) == {" vs ".join(arms)}  # one per estimate the sentence prints


@pytest.mark.parametrize("sentence", [
    # named with "and" only: which arm the printed ratio puts first is not said
    "Tubes were intact in 3 cases in the small-port group and 18 in the large-port group "
    "(OR: 51.0, CI 95%: 7.5-343.7).",
    "There was no significant difference between the two treatment groups in pain (MD 0.2; 95% CI -0.4 to 0.8).",
    "Both groups improved (MD 0.2; 95% CI -0.4 to 0.8).",
    "Outcomes were better in group I than in groups II and III (OR 2.0; 95% CI 1.1 to 3.6).",  # three arms
    "Pain was lower with time than before (MD -1.2; 95% CI -2.0 to -0.4).",  # no arms
    "It was given with more than one drug (OR 2.0; 95% CI 1.1 to 3.6).",
    # no control named: two groups of people compared are not two arms
    "Compared with men, older patients fell more often (OR 2.0; 95% CI 1.1 to 3.6).",
    "Patients treated with zincovir fell less often than those treated with aspirin (OR 0.5; 95% CI 0.3 to 0.9).",
    # a subject and "compared with": the difference may be printed either way round
    "Zincovir significantly reduced the level (mean difference 105.2, 95% CI 10.7 to 199.7) compared with placebo.",
    # periods of a crossover with no control named: which one the number puts first is not said
    "Pain when patients were on zincovir was 0.4 higher (95% CI: 0.1, 0.7) than when they took aspirin.",
    # the control named first: the difference may be printed either way round
    "There was no difference between the control and feedback groups (-0.4 vs 0.1; MD 0.5; 95% CI -1.7 to 1.2).",
])
def test_no_pair_is_guessed(sentence):
    assert named_arms(sentence) == [] and comparisons(sentence) == [""]


def test_one_arm_matched_by_two_words_is_one_arm():
    own = (_word("non-surgical management", "NSM"),)
    assert _ordered("success in the fusion group and in the non-surgical management group", own) == [
        "non-surgical management"]
    assert _ordered("non-surgical management compared with conservative treatment", own) == [
        "non-surgical management", "conservative care"]
    assert _ordered("vertebroplasty versus conservative care", own) == ["vertebroplasty", "conservative care"]


@pytest.mark.parametrize("text, outcome", [
    ("median progression-free survival was longer", "progression-free survival"),
    ("disease-free survival at 5 years", "progression-free survival"),
    ("intra-operative blood loss was lower", "bleeding"),
    ("haematoma expansion at day 2", "bleeding"),
    ("the forced expiratory volume in 1 second (FEV1)", "lung function"),
    ("the rate of exacerbations per year", "exacerbations"),
    ("rates of delirium after surgery", "delirium"),
    ("patients were more satisfied", "satisfaction"),
    ("moderate physical activity at 6 months", "physical activity"),
    ("the cholesterol level", "lipids"),
    ("the clinical pregnancy rate per cycle", "pregnancy"),
    ("the mean wound healing time", "wound healing"),
    ("the hazard ratio for OS was", "mortality"),
    ("had the highest ORR", "response"),
    ("a weight decrease of 1.2 kg", "body weight"),
    ("a higher risk for SGA", "birth outcomes"),
    ("fewer moderate to severe headaches", "headache"),
    ("a lower energy intake than the control group", "dietary intake"),
    ("a reduction in dietary glycaemic load", "dietary intake"),
])
def test_trial_outcomes_are_named(text, outcome):
    assert outcome_in(text) == outcome


def test_trial_outcome_words_stay_clean():
    assert outcome_in("overall survival") == "mortality"  # survival alone stays with mortality
    assert outcome_in("given per os twice daily") == ""  # "OS" only as the capitals
    assert outcome_in("the cost of the device") == ""
    assert outcome_in("a satisfactory sample") == ""
    assert outcome_in("the CORR value") == "" and outcome_in("the SGAs were") == ""
    assert outcome_in("the weight of the evidence") == "" and outcome_in("intake of the study drug") == ""
    assert outcome_in("fecal fat loss as percent of fat intake") == ""  # fat intake is often a denominator
    assert outcome_in("migraine patients were enrolled") == ""  # the condition, not an outcome
    assert outcome_word("headache").polarity == "lower" and outcome_word("dietary intake").polarity == ""
    assert outcome_word("lipids").polarity == "" and outcome_word("pregnancy").polarity == ""
    assert outcome_word("lung function").polarity == "higher"


@pytest.mark.parametrize("title, phrases", [
    ("Metformin versus placebo in combination with insulin analogues in type 2 diabetes", ["Metformin", "placebo"]),
    ("Effect of tranexamic acid vs placebo on haematoma expansion", ["tranexamic acid", "placebo"]),
    ("Sunitinib compared with capecitabine for advanced breast cancer", ["Sunitinib", "capecitabine"]),
    ("Early versus delayed treatment of multiple sclerosis", []),  # qualifiers, not treatments
    ("Quality of life versus survival in older patients", []),  # outcomes weighed
    ("Percutaneous Vertebroplasty, Kyphoplasty, Sacroplasty, and Coccygeoplasty", []),  # no comparison: clean
])
def test_a_title_comparing_two_treatments_names_both(title, phrases):
    from kb.estimates.topics import versus_phrases

    assert versus_phrases(title) == phrases


def test_a_title_s_treatments_order_a_sentence_that_names_one_arm():
    text = (f"# Zincovir versus placebo in adults with a cold\n\n## Results\n\nThe zincovir group gained less weight "
            f"(between-group difference -2.1 kg (95% CI -3.0 to -1.2)).<sup>[1]</sup>\n\n{REFS}")
    (e,) = estimates_of(build_knowledge_base(parse_policy(text, "fixture.md"))).estimates
    assert e.comparison == "zincovir vs sham"  # placebo is the data files' control, named "sham"


def test_a_ratio_said_of_the_intervention_arm_alone_is_against_control():
    sentence = "Intervention participants had increased odds of meeting the activity goal (OR = 5.1; 95% CI: 1.2-22.0)."
    assert comparisons(sentence) == ["intervention vs control"]


@pytest.mark.parametrize("sentence", [
    # a difference may be the arm's own change from baseline
    "Intervention participants lost more weight (MD -2.1 kg; 95% CI -3.0 to -1.2).",
    # another group is named: which pair the ratio is for is not said by the arm alone
    "Intervention participants were more active than the comparison group (OR = 2.5; 95% CI: 1.1-5.6).",
    # no comparative: an arm's own odds over time, say
    "In intervention participants the odds of activity (OR = 2.5; 95% CI: 1.1-5.6) were modelled by month.",
])
def test_the_intervention_arm_alone_gives_no_pair_otherwise(sentence):
    assert comparisons(sentence) == [""]
