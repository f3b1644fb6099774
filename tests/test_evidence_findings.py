"""Summary of findings, stances and the reviewer's tables, on the tiny policy and the bundled one."""
import json
import subprocess
import sys

import pytest
from evidence_helpers import POLICY, full, load

from kb.errors import KbError
from kb.evidence.certainty import UNCONFIRMED
from kb.evidence.findings import summary_of_findings
from kb.evidence.stance import stance_lists, stance_of

TRIALS = POLICY.replace(
    "Brown (2016) reported a randomized trial of widgetplasty versus usual care in 60 patients.<sup>[3]</sup>",
    "Brown (2016) reported a randomized trial of widgetplasty versus usual care in 60 patients.<sup>[3]</sup> "
    "Widgetplasty was superior to usual care for pain (MD = 1.2; 95% CI, 0.5 to 1.9).").replace(
    "In 2015, Jones reported the WIDGET trial, a randomized sham-controlled trial in 100 patients.<sup>[2]</sup>",
    "In 2015, Jones reported the WIDGET trial, a randomized sham-controlled trial in 100 patients.<sup>[2]</sup> "
    "Pain did not differ from sham (MD = 0.2; 95% CI, -0.5 to 0.9).")


def tiny(tmp_path, **tables):
    return load(full(tmp_path / "p", TRIALS, **tables))


def test_rows_per_question_and_outcome_with_every_rule(tmp_path):
    kb = tiny(tmp_path)
    rows = {(r.question, r.outcome): r for r in summary_of_findings(kb, "I")}
    usual = rows[("widgetplasty vs conservative care", "pain")]
    assert usual.studies == ("Brown (2016)",) and usual.participants == 60
    assert usual.direction == "favours widgetplasty" and usual.effects[0].favours == "widgetplasty"
    verdicts = {v.rule: v.verdict for v in usual.certainty_reasons}
    # randomized, open (no sham, not said blinded), 60 participants
    assert verdicts == {"start": "high", "risk of bias": "downgrade", "inconsistency": "not judged",
                        "imprecision": "downgrade", "indirectness": "not judged", "publication bias": "not judged"}
    assert usual.certainty == "low" and not usual.confirmed and usual.certainty_note == UNCONFIRMED
    sham = rows[("widgetplasty vs sham", "pain")]
    assert sham.direction == "no clear difference" and sham.certainty == "moderate"  # imprecise only


def test_certainty_csv_confirms_or_overrides(tmp_path):
    table = ("statement,question,outcome,certainty,indirectness,publication_bias,reason,reviewer,date\n"
             "I,widgetplasty vs conservative care,pain,low,,,read the trial,Dr A,2026-01-02\n"
             "I,widgetplasty vs sham,pain,high,no,no,large blinded trial,Dr B,2026-01-03\n")
    rows = {r.question: r for r in summary_of_findings(tiny(tmp_path, certainty=table), "I")}
    assert rows["widgetplasty vs conservative care"].confirmed and rows["widgetplasty vs conservative care"].certainty == "low"
    over = rows["widgetplasty vs sham"]
    assert over.certainty == "high" and over.confirmed and "overrode 'moderate'" in over.certainty_note


def test_a_bad_review_row_is_one_clear_error(tmp_path):
    bad = "statement,question,outcome,certainty,reason,reviewer,date\nI,q,o,sure,why,me,2026-01-01\n"
    with pytest.raises(KbError, match="certainty"):
        summary_of_findings(tiny(tmp_path, certainty=bad), "I")


def test_stances_from_estimates_guidelines_and_review(tmp_path):
    kb = tiny(tmp_path)
    assert stance_of(kb, "I", "ref:3").stance == "for"
    assert stance_of(kb, "I", "ref:2").stance == "inconclusive"
    guideline = stance_of(kb, "I", "ref:8")
    assert (guideline.stance, guideline.origin) == ("for", "guideline")
    lists = stance_lists(kb, "I")
    assert "study:brown-2016" in lists["for"] and "study:widget" in lists["inconclusive"]
    reviewed = tiny(tmp_path / "r", stances="statement,evidence,stance,reason,reviewer,date\n"
                                            "I,3,against,industry funded,Dr C,2026-02-01\n")
    s = stance_of(reviewed, "I", "ref:3")
    assert (s.stance, s.origin, s.reviewer) == ("against", "reviewed", "Dr C")


def test_polarity_csv_corrects_an_outcome(tmp_path):
    text = TRIALS.replace("Widgetplasty was superior to usual care for pain", "Pain scores with widgetplasty vs conservative care")
    kb = tiny(tmp_path, polarity="outcome,polarity,reason,reviewer,date\npain,higher,a relief score,Dr D,2026-01-01\n")
    (row,) = [r for r in summary_of_findings(load(full(tmp_path / "q", text)), "I") if "conservative" in r.question]
    assert row.effects[0].favours == "conservative care"  # lower pain is better; +1.2 read as widgetplasty - usual care
    (row,) = [r for r in summary_of_findings(load(full(tmp_path / "q2", text, polarity=(
        "outcome,polarity,reason,reviewer,date\npain,higher,a relief score,Dr D,2026-01-01\n"))), "I")
        if "conservative" in r.question]
    assert row.effects[0].favours == "widgetplasty"
    assert kb is not None


def test_bundled_I_B_and_one_orientation_per_question(bundled_kb):
    rows = summary_of_findings(bundled_kb, "I.B")
    vertos = next(r for r in rows if r.question == "vertebroplasty vs conservative care" and r.outcome == "pain")
    assert vertos.studies == ("VERTOS II",) and vertos.direction == "favours vertebroplasty"
    assert vertos.certainty == "low"
    every = summary_of_findings(bundled_kb, "I")
    assert not any(r.question == "kyphoplasty vs vertebroplasty" for r in every)
    wang = next(e for r in every for e in r.effects if e.study == "Wang (2018)" and r.outcome == "cement leakage")
    assert wang.reoriented and (wang.estimate, wang.ci_low, wang.ci_high) == ("1.61", "1.25", "2.13")
    zhao = [e for r in every for e in r.effects if e.reference == 54]
    assert zhao and all(e.printed_citations == (22,) and e.study == "Zhao (2017)" for e in zhao)
    lists = stance_lists(bundled_kb, "I")
    assert "ref:64" in lists["against"] and "ref:64" not in lists["for"]  # AAOS: never both
    # Wang (2018) favours kyphoplasty over vertebroplasty: both are criterion I's, so neither for nor against
    wang = stance_of(bundled_kb, "I", "ref:20")
    assert wang.stance == "inconclusive" and "compares treatments the criterion covers" in wang.reason
    assert stance_of(bundled_kb, "I", "study:buchbinder-2009").stance == "against"  # "found no benefit"


def test_kb_evidence_json_and_text_show_the_summary(bundled_path):
    out = subprocess.run([sys.executable, "-m", "kb", "evidence", str(bundled_path), "--statement", "I.B",
                          "--format", "json"], capture_output=True, text=True, check=True).stdout
    (stmt,) = json.loads(out)["statements"]
    row = stmt["summary"][0]
    assert set(row) >= {"question", "outcome", "comparison", "studies", "participants", "effects", "direction",
                        "certainty", "certainty_reasons", "confirmed"}
    assert set(row["effects"][0]) >= {"reference", "study", "measure", "estimate", "ci_low", "ci_high", "favours"}
    assert {"for", "against", "inconclusive"} <= set(stmt)
    text = subprocess.run([sys.executable, "-m", "kb", "evidence", str(bundled_path), "--statement", "I.B"],
                          capture_output=True, text=True, check=True).stdout
    assert "found" in text and UNCONFIRMED in text and "imprecision: downgrade" in text


R = "reason,reviewer,date"


@pytest.mark.parametrize("table, content, problem, line", [
    ("stances.csv", f"statement,evidence,stance,{R}\nI,3,maybe,r,me,2026-01-01\n", "column 'stance' must be", 2),
    ("stances.csv", f"statement,evidence,stance,{R}\nI,99,for,r,me,2026-01-01\n", "evidence '99' is neither", 2),
    ("stances.csv", f"statement,evidence,stance,{R}\nI,3,for,,me,2026-01-01\n", "column 'reason' is empty", 2),
    ("stances.csv", f"statement,evidence,stance,{R}\nI,3,for,r,me,2026-01-01\nI,3,against,r,me,2026-01-01\n",
     "this row repeats line 2", 3),
    ("certainty.csv", f"statement,question,outcome,certainty,{R}\nIV,q,o,low,r,me,2026-01-01\n",
     "criterion 'IV' is not in the policy", 2),
    ("certainty.csv", f"statement,question,outcome,certainty,indirectness,{R}\nI,q,o,low,some,r,me,2026-01-01\n",
     "column 'indirectness' must be one of", 2),
    ("polarity.csv", f"outcome,polarity,{R}\npain,up,r,me,2026-01-01\n", "column 'polarity' must be one of", 2),
    ("polarity.csv", f"outcome,polarity,{R}\npain,lower,r,me,yesterday\n", "is not a date", 2),
    ("polarity.csv", "outcome,polarity\npain,lower\n", "missing column(s): reason", 1),
])
@pytest.mark.parametrize("command", [["evidence"], ["export", "graphml"]])
def test_a_bad_review_table_is_one_line_with_file_and_line(tmp_path, capsys, table, content, problem, line, command):
    from kb.cli import main

    policy = full(tmp_path / "p", TRIALS)
    (policy.parent / table).write_text(content)
    assert main([*command, str(policy)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and f"{policy.parent / table}:{line}:" in err, err


def test_attribution_positive_and_clean_on_the_tiny_policy(tmp_path):
    # "Lee (2018)" is cited as [2] (Jones 2015); Lee 2018 is [4]: its estimate moves to [4], marker kept
    text = TRIALS.replace("### SYSTEMATIC REVIEWS", "### SYSTEMATIC REVIEWS\n\nLee (2018) reported two-year pain "
                          "results.<sup>[2]</sup> Pain was lower (MD = -1.0; 95% CI, -1.6 to -0.4).")
    kb = load(full(tmp_path / "a", text))
    moved = next(e for e in kb.effect_estimates.estimates if e.estimate_text == "-1.0")
    assert moved.citations == (4,) and moved.printed_citations == (2,) and moved.attribution.startswith("CIT201")
    clean = next(e for e in kb.effect_estimates.estimates if e.estimate_text == "1.2")
    assert clean.printed_citations == () and clean.attribution == ""
