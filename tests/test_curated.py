"""Curated tables beside a policy: read when valid, one clear error when not."""
import shutil

import pytest

from kb.cli import main
from kb.curated import load_curated


@pytest.fixture
def policy_copy(tmp_path, bundled_path):
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(bundled_path, folder / "policy.md")
    return folder


def test_kind_override_applies(policy_copy, capsys):
    (policy_copy / "kinds.csv").write_text("number,kind,reason\n5,observational,test override\n")
    curated = load_curated(policy_copy / "policy.md")
    assert curated.kinds[5].kind == "observational"


@pytest.mark.parametrize("table, problem, line", [
    ("number,reason\n5,x\n", "missing column(s): kind", 1),
    ("number,kind,reason\nfive,other,x\n", "must be a whole number", 2),
    ("number,kind,reason\n5,other,x\n5,other,y\n", "listed twice", 3),
    ("number,kind,reason\n5,anecdote,x\n", "is not one of", 2),
    ("number,kind,reason\n5,other,x,extra\n", "more cells than the header", 2),
])
def test_bad_kind_table_is_one_line_with_file_and_line(policy_copy, capsys, table, problem, line):
    path = policy_copy / "kinds.csv"
    path.write_text(table)
    code = main(["info", str(policy_copy)])
    err = capsys.readouterr().err
    assert code == 2 and problem in err and f"{path}:{line}:" in err
    assert err.count("\n") == 1


def test_bad_provenance_is_one_line(policy_copy, capsys):
    (policy_copy / "provenance.yaml").write_text("title: [unclosed\n")
    assert main(["info", str(policy_copy)]) == 2
    assert "is not valid YAML" in capsys.readouterr().err
