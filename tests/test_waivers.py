"""Waivers: accepted findings show as waived everywhere; waivers that match nothing are reported."""
import json

import pytest

from kb.cli import main
from kb.knowledge.curated import read_waivers

ENTRY = ("American Academy of Orthopaedic Surgeons. Guideline on spinal fractures. 2010. [cited 5/11/2026]. "
         "'Available from:'")
POLICY = f"""# Example Health

## ***Widget Therapy***

## EVIDENCE SUMMARY

The AAOS recommended against widgets.<sup>[1]</sup> Smith (2015) agreed.<sup>[2]</sup>

### REFERENCES

1. {ENTRY}
2. Smith AB. Widget therapy for knees: a randomized trial. *Lancet*. 2015;385(9):100-9. PMID: 25000001
"""
ENTRY_LINE = 11
HEADER = "code,line,citation,reason,reviewer,date\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "policy.md").write_text(POLICY)
    return tmp_path


def check(folder, capsys, *extra):
    code = main(["check", str(folder), "--select", "REF122,WVR", *extra])
    return code, capsys.readouterr()


def test_without_waivers_the_error_fails_the_run(folder, capsys):
    code, out = check(folder, capsys)
    assert code == 1 and f":{ENTRY_LINE}:1: REF122 [error]" in out.out


@pytest.mark.parametrize("row", [f"REF122,{ENTRY_LINE},,address lost upstream,JD,2026-05-11",
                                 "REF122,,1,address lost upstream,JD,2026-05-11",
                                 f"ref122,{ENTRY_LINE},1,address lost upstream,JD,2026-05-11"])
def test_waiver_by_line_or_citation_or_both(folder, capsys, row):
    (folder / "waivers.csv").write_text(HEADER + row + "\n")
    code, out = check(folder, capsys, "--format", "json")
    payload = json.loads(out.out)
    assert code == 0
    (f,) = payload["findings"]
    assert f["code"] == "REF122" and f["waived"] == "address lost upstream"
    assert payload["summary"]["waived"] == 1 and payload["summary"]["findings"] == 0


def test_waived_findings_show_in_text_and_markdown(folder, capsys):
    (folder / "waivers.csv").write_text(HEADER + f"REF122,{ENTRY_LINE},,address lost upstream,JD,2026-05-11\n")
    _, text = check(folder, capsys)
    assert "REF122 [error] " in text.out and "[waived: address lost upstream]" in text.out
    assert "0 findings" in text.out and "1 waived" in text.out
    _, md = check(folder, capsys, "--format", "markdown")
    assert "| error (waived) |" in md.out


def test_a_waiver_that_matches_nothing_is_reported_at_its_line(folder, capsys):
    (folder / "waivers.csv").write_text(HEADER + f"REF122,{ENTRY_LINE},,ok,JD,2026-05-11\n"
                                        "REF122,,2,entry 2 was fine all along,JD,2026-05-11\n")
    code, out = check(folder, capsys, "--format", "json")
    findings = json.loads(out.out)["findings"]
    (unused,) = [f for f in findings if f["code"] == "WVR001"]
    assert unused["severity"] == "warning" and unused["citations"] == [2]
    assert unused["line"] == ENTRY_LINE + 1  # the cited entry's line in the policy
    assert f"line 3 of {folder / 'waivers.csv'}" in unused["message"] and "matches no finding" in unused["message"]
    assert code == 0  # a warning does not fail the default --fail-on error


def test_waivers_for_checks_that_did_not_run_are_not_judged(folder, capsys):
    (folder / "waivers.csv").write_text(HEADER + "DOC111,7,,accepted,JD,2026-05-11\n")
    code, out = check(folder, capsys, "--format", "json")
    assert [f["code"] for f in json.loads(out.out)["findings"]] == ["REF122"]


@pytest.mark.parametrize("table, problem, line", [
    ("code,line,reason,reviewer,date\n", "missing column(s): citation", 1),
    (HEADER + "REF12,3,,x,JD,2026-05-11\n", "is not a check code", 2),
    (HEADER + "REF122,three,,x,JD,2026-05-11\n", "'line' must be a whole number", 2),
    (HEADER + "REF122,0,,x,JD,2026-05-11\n", "'line' must be 1 or more", 2),
    (HEADER + "REF122,,,x,JD,2026-05-11\n", "needs a line or a citation", 2),
    (HEADER + "REF122,3,,,JD,2026-05-11\n", "column 'reason' is empty", 2),
    (HEADER + "REF122,3,,x,,2026-05-11\n", "column 'reviewer' is empty", 2),
    (HEADER + "REF122,3,,x,JD,11/05/2026\n", "is not a date written YYYY-MM-DD", 2),
    (HEADER + "REF122,3,,x,JD,2026-02-30\n", "is not a date written YYYY-MM-DD", 2),
    (HEADER + "REF122,3,,x,JD,2026-05-11\nREF122,3,,y,JD,2026-05-12\n", "already on line 2", 3),
    (HEADER + "ZZZ999,3,,x,JD,2026-05-11\n", "ZZZ999 is not a check of this version", 2),
])
def test_bad_waiver_file_is_one_line_with_file_and_line(folder, capsys, table, problem, line):
    path = folder / "waivers.csv"
    path.write_text(table)
    code, out = check(folder, capsys)
    assert code == 2 and problem in out.err and f"{path}:{line}:" in out.err
    assert out.err.count("\n") == 1 and out.out == ""


def test_read_waivers_keeps_every_field(tmp_path):
    path = tmp_path / "waivers.csv"
    path.write_text(HEADER + "DOC121,264,17,both copies kept on purpose,AB,2026-06-01\n")
    (w,) = read_waivers(path)
    assert (w.code, w.line, w.citation, w.reason, w.reviewer, w.date, w.row) == (
        "DOC121", 264, 17, "both copies kept on purpose", "AB", "2026-06-01", 2)

