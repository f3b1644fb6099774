"""references/<policy>/estimates.csv: reviewed additions, corrections and removals, validated."""
import shutil

import pytest

from kb.cli import main
from kb.errors import KbError
from kb.knowledge.base import load_knowledge_base

POLICY = """# Plan

## ***Widget Therapy***

## Evidence

Roe (2020) pooled trials.<sup>[1]</sup> Fracture risk was similar (RR, 0.91; 95% CI, 0.71 to 2.12).

Doe (2019) ran a trial.<sup>[2]</sup>

## References

1. Roe A, Poe B. A meta-analysis of trials. *J Spine*. 2020;1:1-9.
2. Doe C. A randomized trial. *Lancet*. 2019;2:10-19.
"""


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "policy.md").write_text(POLICY, encoding="utf-8")
    return tmp_path


def _load(folder, table: str | None):
    if table is not None:
        (folder / "estimates.csv").write_text(table, encoding="utf-8")
    return load_knowledge_base(folder / "policy.md").effect_estimates


def test_without_a_table_the_text_is_all_there_is(folder):
    found = _load(folder, None)
    assert [(e.estimate_text, e.origin) for e in found.estimates] == [("0.91", "text")]
    assert found.from_text == found.estimates


def test_correct_add_and_drop(folder):
    found = _load(folder, "action,reference,line,printed,measure,estimate,ci_low,ci_high,outcome,note\n"
                          "correct,1,7,0.91,,,,1.17,new fracture,checked against the paper\n"
                          "add,2,,,MD,1.2,0.4,2.0,pain,reported in the trial's abstract\n")
    corrected, added = found.estimates
    assert (corrected.ci_high_text, corrected.ci_high, corrected.origin, corrected.outcome) == \
        ("1.17", 1.17, "corrected", "new fracture")
    assert (added.measure, added.estimate, added.line, added.citations, added.source, added.origin) == \
        ("MD", 1.2, 9, (2,), "Doe (2019)", "curated")
    # The checks keep reading the policy as printed.
    assert [(e.ci_high_text, e.origin) for e in found.from_text] == [("2.12", "text")]
    drop = _load(folder, "action,reference,line,printed,note\ndrop,1,7,0.91,not a result of this review\n")
    assert drop.estimates == () and len(drop.from_text) == 1


@pytest.mark.parametrize("table, message, line", [
    ("reference,line\n1,7\n", "missing column(s): action", 1),
    ("action,reference\nfix,1\n", "action 'fix' is not one of", 2),
    ("action,reference,line,printed\ncorrect,99,7,0.91\n", "reference 99 is not in", 2),
    ("action,reference,line,printed\ncorrect,1,7,\n", "'correct' needs column(s): printed", 2),
    ("action,reference,line,printed\ncorrect,1,8,0.91\n", "no estimate printed '0.91' at policy line 8", 2),
    ("action,reference,measure,estimate,ci_low,ci_high\nadd,1,MD,one,0.1,0.2\n", "'estimate' must be a number", 2),
    ("action,reference,measure,estimate,ci_low,ci_high\nadd,1,XYZ,1,0.1,0.2\n", "measure 'XYZ' is not one of", 2),
    ("action,reference,line,printed\ncorrect,1,seven,0.91\n", "'line' must be a whole number", 2),
])
def test_a_bad_table_is_an_input_error_naming_file_and_line(folder, table, message, line):
    with pytest.raises(KbError) as err:
        _load(folder, table)
    assert message in err.value.message and err.value.line == line
    assert err.value.path.endswith("estimates.csv")


def test_cli_reports_a_bad_table_on_one_line_with_exit_2(folder, capsys):
    (folder / "estimates.csv").write_text("action,reference\nfix,1\n", encoding="utf-8")
    assert main(["estimates", str(folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "estimates.csv:2" in err


def test_the_bundled_policy_needs_no_curated_table(bundled_path):
    assert not (bundled_path.parent / "estimates.csv").exists()


def test_a_copy_of_the_bundled_policy_accepts_a_correction(tmp_path, bundled_path):
    shutil.copy(bundled_path, tmp_path / "policy.md")
    (tmp_path / "estimates.csv").write_text(
        "action,reference,line,printed,ci_low,note\ncorrect,3,134,-5.03,-7.94,sign restored\n", encoding="utf-8")
    found = load_knowledge_base(tmp_path / "policy.md").effect_estimates
    row = next(e for e in found.estimates if e.estimate_text == "-5.03")
    assert (row.ci_low_text, row.origin) == ("-7.94", "corrected")
