"""CIT2xx/CIT301 forms met in clinical trial reports (corpus 10, PMC randomised-trial articles): the article's own
trial, two trials in one sentence, a trial named after its cooperative group, a trial's main report whose title
leaves the acronym out, an acronym the text gives a body in other words than the list, a committee named by its
task, and a count that points back at studies cited before. Each form has a positive and a clean case."""
from kb.checks import run_checks
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.parse_policy import parse_policy

from .cit_fixtures import findings

CONVERT = ("Faivre-Finn C, Falk S, Ashcroft L. Protocol for the CONVERT trial: an international randomised trial of "
           "concurrent chemoradiotherapy. *BMJ Open*. 2016;6:e009849.")
TURRISI = ("Turrisi AT, Kim K, Blum R, et al. Twice-daily compared with once-daily thoracic radiotherapy in limited "
           "small-cell lung cancer treated concurrently with cisplatin and etoposide. *N Engl J Med*. 1999;340:265-71.")
SMITH = "Smith A, Jones B. Bone density after long flights: a cohort study. *J Bone Res*. 2014;3:1-9."


def _kb_findings(title: str, body: str, refs: list[str], code: str):
    entries = "\n".join(f"{i}. {r}" for i, r in enumerate(refs, 1))
    text = f"# {title}\n\n## Discussion\n\n{body}\n\n## References\n\n{entries}\n"
    return flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), select=[code]))


def test_cit203_the_documents_own_trial_beside_another_trials_marker_is_left_alone():
    body = "The CONVERT trial should change practice, as did the Intergroup 0096 study.<sup>[2]</sup>"
    own = "Once-daily versus twice-daily chemoradiotherapy (CONVERT): a randomised trial"
    assert _kb_findings(own, body, [CONVERT, TURRISI], "CIT203") == []
    # Positive: in another document the same sentence cites a report that is not the CONVERT trial's.
    found = _kb_findings("Radiotherapy schedules: a review", body, [CONVERT, TURRISI], "CIT203")
    assert [(f.severity, f.citations[0]) for f in found] == [("error", 2)]


PATENT = [
    "Rubin LJ, Galie N, Grimminger F, et al. Riociguat for pulmonary arterial hypertension: a long-term extension "
    "study (PATENT-2). *Eur Respir J*. 2015;45:1303-13.",
    "Galie N, Grimminger F, Grunig E, et al. Haemodynamics and exercise capacity: results from the phase III PATENT-1 "
    "study. *Eur Respir J*. 2013;42:1784.",
    SMITH,
]


def test_cit203_another_trial_of_the_sentence_is_the_one_the_cited_entry_names():
    ok = "PATENT-2, an open-label extension study to PATENT-1, showed sustained benefit.<sup>[1]</sup>"
    assert findings(ok, PATENT, "CIT203") == []
    wrong = "The PATENT-1 study showed benefit.<sup>[3]</sup>"
    assert [(f.severity, f.citations[0]) for f in findings(wrong, PATENT, "CIT203")] == [("error", 3)]


RTOG = [
    "DeAngelis LM, Seiferheld W, Schold SC. Combination chemotherapy and radiotherapy for primary central nervous "
    "system lymphoma: Radiation Therapy Oncology Group Study 93-10. *J Clin Oncol*. 2002;20:4643-48.",
    "Nelson DF, Martz KL. Non-Hodgkin's lymphoma of the brain: report on a prospective trial by the Radiation "
    "Therapy Oncology Group (RTOG): RTOG 8315. *Int J Radiat Oncol Biol Phys*. 1992;23:9-17.",
    SMITH,
]


def test_cit203_a_trial_named_after_its_group_cited_as_the_groups_report():
    assert findings("Median survival was 37 months in RTOG 9310.<sup>[1]</sup>", RTOG, "CIT203") == []
    found = findings("Median survival was 37 months in RTOG 9310.<sup>[3]</sup>", RTOG, "CIT203")
    assert [(f.severity, f.citations[0]) for f in found] == [("error", 3)]


SHARP = [
    "Llovet JM, Ricci S, Mazzaferro V, et al. Sorafenib in advanced hepatocellular carcinoma. *N Engl J Med*. "
    "2008;359:378-90.",
    "Llovet JM, Pena C, Shan M, et al. Biomarkers predicting outcome of patients randomized in the phase III SHARP "
    "trial. *Hepatology*. 2008;48:A372.",
    "Ghofrani HA, Galie N. Riociguat for the treatment of pulmonary arterial hypertension. *N Engl J Med*. "
    "2013;369:330-40.",
    SMITH,
]


def test_cit203_a_trials_main_report_without_its_acronym_is_info():
    same_lead = findings("Survival was longer in the SHARP trial.<sup>[1]</sup>", SHARP, "CIT203")
    assert [(f.severity, f.citations[0]) for f in same_lead] == [("info", 1)]
    # Positive: an unrelated cohort study cited for the trial stays an error.
    other = findings("Survival was longer in the SHARP trial.<sup>[4]</sup>", SHARP, "CIT203")
    assert [(f.severity, f.citations[0]) for f in other] == [("error", 4)]


NICE = ["National Institute for Health and Care Excellence. Looked after children and young people. London: NICE; "
        "2010.", SMITH]


def test_cit203_an_acronym_read_off_the_bodys_name_in_the_list():
    body = ("The National Institute of Health and Clinical Excellence (NICE) recommends mixed methods, as "
            "recommended by NICE.<sup>[1]</sup>")
    assert findings(body, [NICE[0].replace("London: NICE; ", ""), SMITH], "CIT203") == []
    wrong = findings(body.replace("[1]", "[2]"), [NICE[0].replace("London: NICE; ", ""), SMITH], "CIT203")
    assert [f.citations[0] for f in wrong] == [2]


EXPERT = ["Expert committee on the diagnosis and classification of diabetes mellitus. Report of the expert committee "
          "on the diagnosis and classification of diabetes mellitus. *Diabetes Care*. 2003;26:S5-20.",
          "Royal College of Physicians. Obesity care in adults: a national audit. London: RCP; 2013.",
          "American Diabetes Association. Standards of medical care in diabetes. *Diabetes Care*. 2013;36:S11-66."]


def test_cit203_a_committee_named_by_its_task_may_be_the_bodys_own():
    body = "Diabetes was diagnosed by the American Diabetes Association (ADA) criteria.<sup>[1]</sup>"
    assert [f.severity for f in findings(body, EXPERT, "CIT203")] == ["info"]
    found = findings(body.replace("[1]", "[2]"), EXPERT, "CIT203")
    assert [(f.severity, f.citations) for f in found] == [("error", (2, 3))]


STUDIES = [f"Author{c} A. Deworming and weight gain in children: a randomised trial. *Lancet*. {2000 + i};1:1-9."
           for i, c in enumerate("BCD")]


def test_cit301_a_count_pointing_back_is_no_count_of_the_sentences_marker():
    body = ("Two studies agreed,<sup>[1, 2]</sup> a third did not.<sup>[3]</sup> These three previous studies were in "
            "urban areas, where infection was twice as common as here.<sup>[1]</sup>")
    assert findings(body, STUDIES, "CIT301") == []
    opening = "Three previous studies were in urban areas, where infection was common.<sup>[1]</sup>"
    assert [f.code for f in findings(opening, STUDIES, "CIT301")] == ["CIT301"]
