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


# ---- provenance: the flat fast path must read exactly what PyYAML reads ----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kb.curated import read_flat_yaml  # noqa: E402

_values = st.one_of(
    st.sampled_from(["2026-10-01", "2027-04", "107", "yes", "No", "null", "1_000", "0x1F", "1:20",
                     "Surgery, Policy No. 107", "a # comment", "Regence", "3.5", "1e5", "on", "~"]),
    st.text(alphabet="abcXYZ019 .,-/()&:#'\"[]{}", min_size=1, max_size=20),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.from_regex(r"[a-z_][a-z0-9_-]{0,8}", fullmatch=True), _values), min_size=1, max_size=6))
def test_flat_provenance_reads_what_pyyaml_reads(pairs):
    import yaml

    text = "# provenance\n" + "".join(f"{k}: {v}\n" for k, v in pairs)
    flat = read_flat_yaml(text)
    if flat is None:
        return  # PyYAML reads it; nothing to compare
    assert flat == {str(k): str(v) for k, v in yaml.safe_load(text).items()}


def test_bundled_provenance_takes_the_fast_path(bundled_path):
    import yaml

    text = (bundled_path.parent / "provenance.yaml").read_text(encoding="utf-8")
    assert read_flat_yaml(text) == {k: str(v) for k, v in yaml.safe_load(text).items()}


def test_provenance_with_a_list_goes_through_pyyaml(policy_copy):
    (policy_copy / "provenance.yaml").write_text("title: A policy\nreviewers: [a, b]\n")
    assert load_curated(policy_copy / "policy.md").provenance["reviewers"] == "['a', 'b']"
