"""Tables as CSV, JSON or XLSX by -o's extension; kb.frames as DataFrames; pandas kept out of check and info."""
import json
import subprocess
import sys

import pytest

from kb.cli import main


def test_check_and_info_do_not_import_pandas(bundled_path):
    script = ("import sys, contextlib, io\nimport kb.cli\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              f"    kb.cli.main(['check', {str(bundled_path)!r}]); kb.cli.main(['info', {str(bundled_path)!r}])\n"
              "print(sorted(m for m in ('pandas', 'openpyxl', 'matplotlib') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.stdout.strip() == "[]", proc.stderr


@pytest.mark.parametrize("command, sheet", [(["estimates"], "estimates"), (["check"], "findings"),
                                            (["evidence"], "evidence profiles")])
def test_an_xlsx_extension_writes_a_workbook_with_the_same_rows_as_json(tmp_path, bundled_path, command, sheet):
    import pandas as pd

    xlsx, as_json = tmp_path / "t.xlsx", tmp_path / "t.json"
    assert main([*command, str(bundled_path), "-o", str(xlsx)]) in (0, 1)
    assert main([*command, str(bundled_path), "-o", str(as_json)]) in (0, 1)
    frame = pd.read_excel(xlsx, sheet_name=sheet)
    rows = json.loads(as_json.read_text(encoding="utf-8"))
    assert len(frame) == len(rows) > 0
    assert list(frame.columns)[:2] == list(rows[0])[:2]


def test_csv_by_extension(tmp_path, bundled_path):
    out = tmp_path / "profiles.csv"
    assert main(["evidence", str(bundled_path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,text,inherited_from,references")


def test_a_workbook_cannot_go_to_the_terminal(bundled_path, capsys):
    assert main(["estimates", str(bundled_path), "--format", "xlsx"]) == 2
    assert "give -o FILE.xlsx" in capsys.readouterr().err


def test_frames(bundled_kb):
    import pandas as pd

    import kb.frames as kf
    from kb.outputs.rows import estimate_rows, finding_rows

    estimates = kf.estimates(bundled_kb)
    assert isinstance(estimates, pd.DataFrame) and len(estimates) == len(estimate_rows(bundled_kb)[0]) > 0
    profiles = kf.evidence_profiles(bundled_kb)
    assert list(profiles["id"]) == [s.id for s in bundled_kb.doc.statements]
    findings = kf.findings(bundled_kb)
    assert len(findings) == len(finding_rows(bundled_kb))
    summary = kf.summary_of_findings(bundled_kb)
    assert summary["findings"].sum() == len(findings)
    assert summary["severity"].iloc[0] == "error"
    worklist = kf.worklist(bundled_kb)
    open_problems = findings[(findings.severity != "info") & (findings.waived == "")]
    assert (worklist.task.str.startswith("fix or waive")).sum() == len(open_problems)
