"""EST304 and EST305: one trial's numbers across sentences, paragraphs and studies.csv.

Each form has a positive fixture (a number changed, found) and a clean one (the same text, silent);
rounding, "approximately", ranges, subgroups and later counts must stay silent.
"""
import pytest

from kb.checks import est_trials, run_checks
from kb.estimates.trials import arms, count_value, followed, totals
from kb.knowledge.base import build_knowledge_base, load_knowledge_base
from kb.outputs.report import flatten
from kb.read.parse_policy import parse_policy

REFS = ("## References\n\n1. Roe A, Poe B. A meta-analysis of trials. *J Spine*. 2020;1:1-9.\n"
        "2. Doe C. A randomized trial of a device. *Lancet*. 2019;2:10-19.\n"
        "3. Moe D. Two-year results of a randomized trial of a device. *Lancet*. 2021;3:20-29.\n"
        "4. Low E. A randomized trial of a brace. *BMJ*. 2018;4:30-39.\n")
HEAD = "# Plan\n\n## ***Widget Therapy***\n\n## Evidence\n\n"
STUDIES_HEADER = ("id,name,design,randomized,sham_controlled,n_randomized,comparison,references,described_at,notes,"
                  "reviewer,date\n")


def _policy(body: str) -> str:
    return f"{HEAD}{body}\n\n{REFS}"


def run(body: str, code: str, studies: str | None = None, tmp_path=None):
    rule = next(r for r in est_trials.RULES if r.code == code)
    if studies is None:
        kb = build_knowledge_base(parse_policy(_policy(body), "fixture.md"))
    else:
        (tmp_path / "policy.md").write_text(_policy(body), encoding="utf-8")
        (tmp_path / "studies.csv").write_text(STUDIES_HEADER + studies, encoding="utf-8")
        kb = load_knowledge_base(tmp_path / "policy.md")
    return flatten(run_checks(kb, rules=(rule,)))


TRIAL = "Doe (2019) reported a randomized trial of 240 patients.<sup>[2]</sup> "
PARAGRAPH_CASES = {  # form: (positive, clean); each positive changes one number of the clean text
    "the X group included N": (
        TRIAL + "The device group included 128 patients and the control group included 122 patients.",
        TRIAL + "The device group included 118 patients and the control group included 122 patients."),
    "N were randomized to X and M to Y": (
        TRIAL + "Of those, 118 were randomized to the device and 132 to sham.",
        TRIAL + "Then 118 were randomized to the device and 122 to sham."),
    "X (n=N) and Y (n=M)": (
        TRIAL + "It compared the device (n=118) with sham (n=112).",
        TRIAL + "It compared the device (n=118) with sham (n=122)."),
    "number words": (
        TRIAL + "One hundred eighteen subjects were enrolled into the treatment group and 112 into the control arm.",
        TRIAL + "One hundred eighteen subjects were enrolled into the treatment group and 122 into the control arm."),
    "total after the arms": (
        "The device group included 118 patients and the control group included 122 patients.<sup>[2]</sup> "
        "In all, the trial enrolled 250 patients.",
        "The device group included 118 patients and the control group included 122 patients.<sup>[2]</sup> "
        "In all, the trial enrolled 240 patients."),
}


@pytest.mark.parametrize("form", sorted(PARAGRAPH_CASES))
def test_est304_positive_names_both_numbers_and_suggests_arms(form):
    found = run(PARAGRAPH_CASES[form][0], "EST304")
    assert [f.code for f in found] == ["EST304"], form
    f = found[0]
    assert f.line == 7 and f.citations == (2,) and f.severity == "warning"
    assert "240" in f.message or "250" in f.message
    assert f.suggestion


@pytest.mark.parametrize("form", sorted(PARAGRAPH_CASES))
def test_est304_clean_is_silent(form):
    assert run(PARAGRAPH_CASES[form][1], "EST304") == []


def test_est304_two_of_three_agree_names_the_odd_one_and_the_agreeing_value():
    body = (TRIAL + "The device group included 128 patients and the control group included 122 patients. "
            "The trial enrolled 240 patients at six centres.")
    (f,) = run(body, "EST304")
    assert "the arms 128 + 122 (= 250)" in f.message and "agree on 240" in f.message
    assert "odd one out" in f.suggestion and "240 would make them agree" in f.suggestion
    assert "118 and 122" in f.suggestion  # the arm sizes the total implies


def test_est304_names_both_lines_when_the_sentences_are_on_two_lines():
    body = TRIAL + "\nThe device group included 128 patients and the control group included 122 patients."
    (f,) = run(body, "EST304")
    assert f.line == 8 and "(line 7)" in f.message and "(line 8)" in f.message


@pytest.mark.parametrize("quiet", [
    "Doe (2019) reported a randomized trial of approximately 240 patients.<sup>[2]</sup> The device group included "
    "128 patients and the control group included 122 patients.",
    "Doe (2019) reported a randomized trial of 200-240 patients.<sup>[2]</sup> The device group included "
    "128 patients and the control group included 122 patients.",
    TRIAL + "In the subgroup with severe pain, the device group included 60 patients and the control group included "
    "58 patients.",
    TRIAL + "At 12 months, the device group included 100 patients and the control group included 90 patients.",
    TRIAL + "A sample size of 100 per group was planned; 100 were assigned to the device group and 100 to the "
    "control group at 12 months.",
    "Doe (2019) reported a three-arm randomized trial of 240 patients.<sup>[2]</sup> The device group included "
    "80 patients and the control group included 80 patients.",
    "Roe (2020) pooled 12 trials with 2,400 patients.<sup>[1]</sup> The device group included 1,180 patients and "
    "the control group included 1,120 patients.",  # a review's pooled numbers are tied to no trial
    TRIAL + "Low (2018) reported a second trial.<sup>[4]</sup> Its device group included 50 patients and the brace "
    "group included 60 patients.<sup>[4]</sup>",
    TRIAL + "Of 431 patients who were eligible, 118 were randomized to the device and 122 to sham.",
    TRIAL + "In the 205 treated patients, the device group included 100 patients and the control group included "
    "105 patients.",
])
def test_est304_stays_quiet_when_unsure(quiet):
    assert run(quiet, "EST304") == []


# ---- EST305: across paragraphs, reports and studies.csv -----------------------------------------------------

FIRST = "Doe (2019) reported a randomized trial of 240 patients.<sup>[2]</sup>"
LATER_ARMS = "Moe (2021) reported two-year results.<sup>[3]</sup> The device group included {a} patients and the " \
             "control group included 122 patients."
ROW = "device-trial,Doe (2019),randomized controlled trial,yes,no,{n},device vs control,2;3,,,,\n"


def test_est305_first_report_and_later_report_through_the_study(tmp_path):
    body = f"{FIRST}\n\n{LATER_ARMS.format(a=128)}"
    (f,) = run(body, "EST305", ROW.format(n=""), tmp_path)
    assert f.code == "EST305" and f.severity == "warning" and f.line == 9
    assert "line 7" in f.message and "line 9" in f.message and set(f.citations) == {2, 3}
    assert "118 and 122" in f.suggestion


def test_est305_clean_reports_agree(tmp_path):
    assert run(f"{FIRST}\n\n{LATER_ARMS.format(a=118)}", "EST305", ROW.format(n="240"), tmp_path) == []


def test_est305_without_studies_csv_the_two_reports_are_not_joined():
    assert run(f"{FIRST}\n\n{LATER_ARMS.format(a=128)}", "EST305") == []


@pytest.mark.parametrize("named", ["Low (2018)", "Low's 2018 study"])
def test_est305_a_paragraph_naming_another_author_is_not_tied_by_its_marker(named):
    body = f"{FIRST}\n\n{named} reported a trial of 250 patients.<sup>[2]</sup>"
    assert run(body, "EST305") == []
    assert [f.code for f in run(f"{FIRST}\n\nDoe's 2019 trial reported 250 patients.<sup>[2]</sup>", "EST305")] \
        == ["EST305"]


def test_est305_same_paper_in_two_paragraphs_without_studies_csv():
    body = f"{FIRST}\n\nLater, Doe (2019) gave the arms.<sup>[2]</sup> 118 were randomized to the device and 132 " \
           "to sham."
    (f,) = run(body, "EST305")
    assert f.line == 9 and "line 7" in f.message


def test_est305_studies_csv_disagrees_with_the_text(tmp_path):
    (f,) = run(FIRST, "EST305", ROW.format(n="250"), tmp_path)
    assert "studies.csv line 2 (n_randomized 250)" in f.message and "the total 240 (line 7)" in f.message
    assert f.line == 7


def test_est305_studies_csv_is_the_odd_one_out(tmp_path):
    (f,) = run(f"{FIRST}\n\n{LATER_ARMS.format(a=118)}", "EST305", ROW.format(n="250"), tmp_path)
    assert f.message.startswith("Doe (2019): studies.csv line 2 (n_randomized 250) disagrees with")
    assert "agree on 240" in f.message and "240 would make them agree" in f.suggestion


def test_est305_a_text_number_is_the_odd_one_out(tmp_path):
    (f,) = run(f"{FIRST}\n\n{LATER_ARMS.format(a=128)}", "EST305", ROW.format(n="240"), tmp_path)
    assert "the arms 128 + 122 (= 250) (line 9) disagrees with" in f.message and f.line == 9


@pytest.mark.parametrize("later, bad", [
    ("At two years, 250 patients were assessed.", True),
    ("At two years, 200 patients were assessed.", False),
    ("At two years, 88 (37%) of participants were assessed.", False),  # 88 / 240 = 36.7%
    ("At two years, 88 (33%) of participants were assessed.", True),
    ("At two years, 88 (36.6%) of participants were assessed.", False),  # truncated, not rounded
    ("At two years, 88 (73%) in the device group were assessed.", False),  # a share of one arm
])
def test_est305_followed_counts_and_shares(later, bad):
    body = f"{FIRST} {later}"
    found = run(body, "EST305")
    assert [f.code for f in found] == (["EST305"] if bad else [])


def test_est305_a_share_tied_only_through_the_paragraph_above_is_info():
    body = f"{FIRST}\n\nAt two years, 88 (33%) of participants were assessed."
    (f,) = run(body, "EST305")
    assert f.severity == "info" and f.line == 9


def test_est305_a_percentage_est302_already_judged_is_not_repeated():
    body = ("Doe (2019) compared the device (n=118) with sham (n=122).<sup>[2]</sup> Complete data were available "
            "for 60 (86%) of participants.")
    assert run(body, "EST305") == []


# ---- the readers on their own -----------------------------------------------------------------------------


def test_count_words():
    assert count_value("One hundred one") == 101 and count_value("two hundred and twelve") == 212
    assert count_value("forty-two") == 42 and count_value("202") == 202


@pytest.mark.parametrize("text, expected", [
    ("an open-label randomized trial of 202 patients at 6 hospitals", [202]),
    ("Out of 431 patients who were eligible for randomization, 229 (53%) had relief in the trial", []),
    ("In the 285 treated patients of the trial, pain improved", []),
    ("the trial enrolled about 300 patients", []),
    ("the trial enrolled 1.5 million patients", []),
    ("Included patients (n=89) in the study had chronic fractures", [89]),
    ("an RCT with 290 patients (363 affected vertebrae)", [290]),
])
def test_totals(text, expected):
    assert [v for _, _, v in totals(text)] == expected


def test_arms_and_followed_readers():
    assert arms("The Kiva group included 153 patients and the KP group included 147 patients.")[0][1] == (
        ("153", 153), ("147", 147))
    assert arms("A sample size of 100 per group was calculated.") == []
    assert [c for _, _, c, _ in followed("Complete data were available for 67 (86%) and 57 (73%) of participants "
                                         "at 12 and 24 months.")] == [67, 57]


def test_bundled_policy_has_no_cross_sentence_disagreement(bundled_kb):
    """Read by hand: KAST 153 + 147 = 300 (line 228), VERTOS II 101 + 101 = 202 (lines 170, 172), Kroon
    38 + 40 = 78 = studies.csv, 67 and 57 of 78 are 86% and 73%; every studies.csv n agrees with the text."""
    found = flatten(run_checks(bundled_kb, select=["EST304", "EST305"]))
    assert found == []
    trials = bundled_kb.effect_estimates.trials
    assert {(n.line, n.kind, n.value) for n in trials} >= {(228, "total", 300), (228, "arms", 300),
                                                           (170, "total", 202), (172, "arms", 202),
                                                           (156, "arms", 78)}
    key = est_trials.trial_key(bundled_kb)
    keys = {(n.line, n.kind): key(n) for n in trials}
    assert keys[(228, "arms")] == "study:kast" and keys[(172, "arms")] == keys[(170, "total")] == "study:vertos-ii"
    assert keys[(156, "arms")] == "study:buchbinder-2009"  # Kroon 2014 [11], the trial's later report
    assert keys[(196, "total")] is None  # "Zhao (2017)" cites [22], Frey's case series: not tied to it


# ---- the seeded-error suite's cross-sentence defects ------------------------------------------------------


def test_seeded_cross_sentence_changes_are_found_without_false_alarms():
    from kbdev.seeding import evaluate
    from kbdev.seeding.suite import bundled_policies, synthetic_policies
    from kbdev.seeding.trials import INJECTORS, TEXT_INJECTORS

    for scores in (evaluate(synthetic_policies(6, 1, 40), INJECTORS), evaluate(bundled_policies(3), TEXT_INJECTORS)):
        assert {s.defect for s in scores} == set(INJECTORS)
        for s in scores:
            assert s.injected >= 3 and s.found == s.injected and s.false_alarms == 0, s


def test_kb_estimates_lists_the_trial_numbers(capsys):
    import csv
    import io

    from kb.cli import main

    assert main(["estimates", "--table", "trials"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.split("\n\n")[0])))
    assert {"line": "228", "kind": "arms", "value": "300", "printed": "153 + 147"}.items() <= \
        next(r for r in rows if r["line"] == "228" and r["kind"] == "arms").items()


def test_a_count_of_the_participants_is_no_trial_size():
    # PLOS ONE: 'Of the 464 randomized participants, 427 returned ... of which ... 13 of the participants from
    # exercise groups had an adherence value of 85% or less': a part of the trial, not its size.
    from kb.estimates.trials import totals
    part = ("Of the 464 randomized participants in the trial, 427 returned, of which 13 of the participants "
            "had missing data.")
    assert [v for _, _, v in totals(part)] == []
    # Clean case: the trial's size in its own clause is read.
    assert [v for _, _, v in totals("The trial randomized 464 participants to exercise or control.")] == [464]
