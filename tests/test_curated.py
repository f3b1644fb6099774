"""Curated tables beside a policy: read when valid, one clear error when not."""
import shutil

import pytest

from kb.cli import main
from kb.knowledge.curated import load_curated


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


# Every curated table, each with a missing column, a wrong type and a repeated row (kinds.csv has two more).
# (table, case, content, message, line): the CLI's one stderr line is "<path>:<line>: ...<message>...".
W = "code,line,citation,reason,reviewer,date\n"
S = "id,name,design,randomized,sham_controlled,n_randomized,comparison,references\n"
E = "action,reference,measure,estimate,ci_low,ci_high\n"
TABLE_PROBLEMS = [
    ("kinds.csv", "missing", "number,reason\n5,x\n", "missing column(s): kind", 1),
    ("kinds.csv", "type", "number,kind,reason\nfive,other,x\n", "must be a whole number", 2),
    ("kinds.csv", "duplicate", "number,kind,reason\n5,other,x\n5,other,y\n", "listed twice", 3),
    ("kinds.csv", "value", "number,kind,reason\n5,anecdote,x\n", "is not one of", 2),
    ("kinds.csv", "extra-cell", "number,kind,reason\n5,other,x,extra\n", "more cells than the header", 2),
    ("waivers.csv", "missing", "code,line\nREF122,3\n", "missing column(s): citation, reason", 1),
    ("waivers.csv", "type", W + "REF122,three,,r,JD,2026-01-01\n", "column 'line' must be a whole number", 2),
    ("waivers.csv", "duplicate", W + "REF122,3,,r,JD,2026-01-01\n" * 2, "the same waiver is already on line 2", 3),
    ("studies.csv", "missing", "id,name\nx,X\n", "missing column(s): design", 1),
    ("studies.csv", "type", S + "x,X,rct,maybe,no,10,,2\n", "column 'randomized' must be yes or no", 2),
    ("studies.csv", "duplicate", S + "x,X,rct,yes,no,10,,2\nx,X,rct,yes,no,10,,3\n", "study id 'x' is listed twice", 3),
    ("includes.csv", "missing", "review,included\n1,widget\n", "missing column(s): source", 1),
    ("includes.csv", "type", "review,included,source\none,widget,curated\n", "column 'review' must be a whole", 2),
    ("includes.csv", "duplicate", "review,included,source\n1,widget,curated\n1,widget,12\n",
     "review 1 including 'widget' is already on line 2", 3),
    ("statement_sections.csv", "missing", "statement\nI\n", "missing column(s): section", 1),
    ("statement_sections.csv", "type", "statement,section\nI,no-such-section\n", "section 'no-such-section' is not", 2),
    ("statement_sections.csv", "duplicate", "statement,section\nI.A,widgetplasty\nI.A,widgetplasty\n",
     "criterion I.A with section 'widgetplasty' is already on line 2", 3),
    ("supports.csv", "missing", "statement,evidence\nI,8\n", "missing column(s): stance", 1),
    ("supports.csv", "type", "statement,evidence,stance,line\nI,8,agrees,many\n", "column 'line' must be a whole", 2),
    ("supports.csv", "duplicate", "statement,evidence,stance\nI,8,agrees\nI,8,disagrees\n",
     "criterion I with evidence '8' is already on line 2", 3),
    ("estimates.csv", "missing", "reference,measure\n1,MD\n", "missing column(s): action", 1),
    ("estimates.csv", "type", E + "add,1,MD,big,1,2\n", "column 'estimate' must be a number, not 'big'", 2),
    ("estimates.csv", "duplicate", E + "add,1,MD,1,0,2\n" * 2, "this row repeats line 2", 3),
    ("kinds.csv", "windows-1252", "number,kind,reason\n5,other,\u201cquoted\u201d\n".encode("cp1252"),
     "is not UTF-8 (byte 0x93", 2),
]
# Every command that reads a policy; the curated tables come with it. "{p}" is the policy, "{good}" a valid one.
TABLE_COMMANDS = [["info"], ["check"], ["export", "graphml"], ["estimates"], ["plots", "-o", "{out}"],
                  ["evidence"], ["diff", "{p}", "{good}"], ["diff", "{good}", "{p}"], ["studies", "bootstrap", "-o", "-"]]


@pytest.mark.parametrize("table, case, content, problem, line", TABLE_PROBLEMS,
                         ids=[f"{t[0]}-{t[1]}" for t in TABLE_PROBLEMS])
def test_a_bad_curated_table_is_one_line_with_file_and_line(tmp_path, capsys, table, case, content, problem, line):
    """Every command names the table, the row and the problem (exit 2). ``kb studies bootstrap`` reads only
    kinds.csv and waivers.csv: the evidence tables are what it proposes, so a broken one must not block it."""
    from evidence_helpers import full

    policy = full(tmp_path / "p")
    good = full(tmp_path / "good")
    path = policy.parent / table
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    for command in TABLE_COMMANDS:
        argv = [a.format(p=policy, good=good, out=tmp_path / "out") for a in command]
        code = main(argv if "{p}" in command else [*argv, str(policy)])
        out, err = capsys.readouterr()
        if command[0] == "studies" and table not in ("kinds.csv", "waivers.csv"):
            assert code == 0 and out.startswith("id,name"), err
            continue
        assert code == 2, (command, err)
        assert err.count("\n") == 1 and problem in err and f"{path}:{line}:" in err, (command, err)


def test_an_excel_table_with_a_byte_order_mark_and_crlf_is_read(policy_copy):
    (policy_copy / "kinds.csv").write_bytes("\ufeffnumber,kind,reason\r\n5,observational,Excel\r\n".encode())
    assert load_curated(policy_copy / "policy.md").kinds[5].kind == "observational"


@pytest.mark.parametrize("text, command, problem", [
    ("title: [unclosed\n", "info", "is not valid YAML"),
    ("- a\n- b\n", "info", "must be a mapping of key: value lines"),
    # PyYAML turns this into a date itself and fails there, outside its parser (it was an internal error)
    ("effective_date: 2026-13-45\nevidence_max_age_years: 5\n", "info", "has a value YAML cannot read (month must"),
    # read by a check on first use: bad input, not a crashed check
    ("effective_date: 2026-10-01\nevidence_max_age_years: ten\n", "check", "must be a whole number of years"),
])
def test_bad_provenance_is_one_line(policy_copy, capsys, text, command, problem):
    (policy_copy / "provenance.yaml").write_text(text)
    assert main([command, str(policy_copy)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and str(policy_copy / "provenance.yaml") in err


# ---- provenance: the flat fast path must read exactly what PyYAML reads ----

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kb.knowledge.curated import read_flat_yaml  # noqa: E402

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
