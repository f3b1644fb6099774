"""The reading report: how much of a document was read, and what the checks skip, said once."""
import json

from kb.knowledge.base import build_knowledge_base
from kb.read.parse_policy import parse_policy
from kb.read.reading import reading_report

REFS = """## References

1. Smith AB, Jones C. A trial of widgets. *Spine*. 2010;1:1-2.
2. Brown D. A review of widgets. *Lancet*. 2012;3:4-5.
3. Practice guidelines for widgets. Widget Society News. 2013.
"""
CLEAN = f"""# A Review of Widgets

## Introduction

Smith (2010) found a benefit [1]. Brown (2012) reviewed it [2].

{REFS.replace("3. Practice guidelines for widgets. Widget Society News. 2013.", "3. Green E. Guidelines. *J*. 2013;5:6-7.")}"""


def test_a_fully_read_document_has_nothing_to_say():
    report = reading_report(parse_policy(CLEAN, "p.md"))
    assert (report.entries, report.complete, report.markers, report.skipped) == (3, 3, 2, 0)
    assert report.notes == ()
    assert report.marker_styles == {"brackets": 2}


def test_unread_parts_are_reported_once_for_the_document():
    text = CLEAN.replace("3. Green E. Guidelines. *J*. 2013;5:6-7.",
                         "3. Practice guidelines for widgets. Widget Society News.").replace(
        "reviewed it [2].", "reviewed it [2]. Both agree [1, 2]. The fit had R<sup>2</sup> of 0.9 and the model<sup>3</sup> held.")
    report = reading_report(parse_policy(text, "p.md"))
    assert report.notes == (
        "1 of 3 entries have no readable first author; author checks skipped for them",
        "1 of 3 entries have no readable year; year checks skipped for them",
        "1 span that may be a citation marker was not read; no check sees it",
    )
    assert report.skipped_examples == ((5, "<sup>3</sup>", "a raised number in a document that cites with brackets"),)
    assert json.loads(json.dumps(report.as_dict()))["share_complete"] == 0.667


def test_an_author_check_is_skipped_for_an_entry_whose_author_could_not_be_read():
    from kb.checks import run_checks
    from kb.outputs.report import flatten

    def cit201(entry_three):
        text = CLEAN.replace("3. Green E. Guidelines. *J*. 2013;5:6-7.", entry_three).replace(
            "reviewed it [2].", "reviewed it [2]. Taylor (2013) wrote guidelines [3].")
        kb = build_knowledge_base(parse_policy(text, "p.md"))
        return [f for f in flatten(run_checks(kb)) if f.code == "CIT201"]

    assert len(cit201("3. Green E. Guidelines. *J*. 2013;5:6-7.")) == 1  # readable: the wrong name is found
    assert cit201("3. Practice guidelines for widgets. *Widget Society News*. 2013;5:6-7.") == []


def test_kb_info_prints_the_report(tmp_path, capsys):
    from kb.cli import main

    (tmp_path / "policy.md").write_text(CLEAN)
    assert main(["info", str(tmp_path / "policy.md")]) == 0
    out = capsys.readouterr().out
    assert "entries read with author, year and source: 3 of 3 (100%)" in out
    assert main(["info", "--format", "json", str(tmp_path / "policy.md")]) == 0
    assert json.loads(capsys.readouterr().out)["reading"]["markers"] == 2
