"""The curated evidence tables: read when valid; one line naming file and line when not."""
import pytest

from evidence_helpers import POLICY, STUDIES, full, line_of, load, write_policy
from kb.cli import main


def test_valid_tables_are_read(tmp_path):
    kb = load(full(tmp_path))
    widget = kb.evidence.studies["widget"]
    assert widget.references == (2, 4) and widget.randomized and widget.sham_controlled
    assert widget.n_randomized == 100 and widget.line == 2
    green = kb.evidence.studies["green-2019"]
    assert green.references == () and green.described_at == (line_of(POLICY, "Green (2019)"),)
    assert green.n_randomized is None
    assert [(s.statement, s.section) for s in kb.evidence.tables.sections] == [("I", "widgetplasty"),
                                                                             ("II", "other-uses")]
    assert kb.evidence.study_of_ref == {2: ("widget",), 4: ("widget",), 3: ("brown-2016",), 5: ("black-2004",),
                                        6: ("white-2005",), 7: ("gray-2006",)}


def test_no_tables_is_fine(tmp_path):
    kb = load(write_policy(tmp_path))
    # without studies.csv the studies are bootstrapped in memory, and say they are proposed
    assert kb.evidence.tables.present == () and kb.evidence.studies
    assert all(s.notes.startswith("proposed") for s in kb.evidence.studies.values())
    assert all(s.origin == "proposed" and s.reason.startswith("proposed") for s in kb.evidence.supports)


HEADER = STUDIES.splitlines()[0]


@pytest.mark.parametrize("table, content, problem, line", [
    ("studies", "id,name\nx,y\n", "missing column(s): design", 1),
    ("studies", HEADER + "\nw,W,rct,maybe,no,1,c,2,,\n", "'randomized' must be yes or no", 2),
    ("studies", HEADER + "\nw,W,rct,yes,no,ten,c,2,,\n", "'n_randomized' must be a whole number", 2),
    ("studies", HEADER + "\nw,W,rct,yes,no,-3,c,2,,\n", "must not be negative", 2),
    ("studies", HEADER + "\nw,W,rct,yes,no,1,c,2,,\nw,W,rct,yes,no,1,c,3,,\n", "listed twice (first on line 2)", 3),
    ("studies", HEADER + "\nw,W,rct,yes,no,1,c,2;99,,\n", "reference 99 is not in the policy's reference list", 2),
    ("studies", HEADER + "\nw,W,rct,yes,no,1,c,two,,\n", "'references' must be a whole number", 2),
    ("studies", HEADER + "\nw,W,rct,yes,no,1,c,,,\n", "no references and no described_at lines", 2),
    ("studies", HEADER + "\nw,W,rct,yes,no,1,c,,9999,\n", "described_at line 9999 is outside the policy", 2),
    ("studies", HEADER + "\nWidget Trial,W,rct,yes,no,1,c,2,,\n", "must be lower-case letters", 2),
    ("includes", "review,included,source\n99,2,curated\n", "reference 99 is not in", 2),
    ("includes", "review,included,source\n1,nope,curated\n", "neither a reference number nor a study id", 2),
    ("includes", "review,included,source\n1,widget,page 3\n", "a policy line number or 'curated'", 2),
    ("statement_sections", "statement,section\nIV,widgetplasty\n", "criterion 'IV' is not in the policy", 2),
    ("statement_sections", "statement,section\nI,nowhere\n", "section 'nowhere' is not in the policy", 2),
    ("supports", "statement,evidence,stance\nI,8,likes\n", "stance 'likes' must be", 2),
    ("supports", "statement,evidence,stance\nI,ghost,agrees\n", "neither a reference number nor a study id", 2),
    ("supports", "statement,evidence,stance,line\nI,8,agrees,0\n", "line 0 is outside the policy", 2),
])
def test_bad_table_is_one_line_with_file_and_line(tmp_path, capsys, table, content, problem, line):
    path = full(tmp_path, **{table: content})
    for command in (["info"], ["evidence"], ["check"]):
        code = main([*command, str(path)])
        err = capsys.readouterr().err
        assert code == 2, err
        assert problem in err and f"{tmp_path / (table + '.csv')}:{line}:" in err
        assert err.count("\n") == 1 and "Traceback" not in err


def test_bundled_tables_load_and_name_real_things(bundled_kb):
    ev = bundled_kb.evidence
    assert set(ev.tables.present) == {"studies.csv", "includes.csv", "statement_sections.csv", "supports.csv"}
    # The reviewed studies.csv: one row per study, whatever the number of papers.
    several = {s.id: s.references for s in ev.studies.values() if len(s.references) > 1}
    assert several == {"buchbinder-2009": (5, 11), "free": (25, 26, 27), "rousing-2009": (65, 60)}
    assert ev.studies["noriega-2019"].described_at == (226,) and ev.studies["noriega-2019"].references == ()

