"""kb estimates and kb plots on the command line; kb check stays free of pandas and matplotlib."""
import csv
import io
import subprocess
import sys


from kb.cli import main

REQUIRED = ["line", "citations", "source", "measure", "estimate", "ci_low", "ci_high", "ci_level", "p_value",
            "outcome", "timepoint", "comparison", "quote"]


def test_estimates_csv_has_the_issue_columns_and_one_row_per_estimate(capsys):
    assert main(["estimates"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 28 and set(REQUIRED) <= set(rows[0])
    reversed_row = next(r for r in rows if r["estimate"] == "-5.03")
    assert (reversed_row["ci_low"], reversed_row["ci_high"], reversed_row["flags"]) == ("7.94", "-2.12", "EST101")
    assert next(r for r in rows if r["estimate"] == "1.31")["citations"] == "1"
    assert "28 estimates with intervals" in err and "5 failing a check" in err


def test_estimates_writes_a_file_and_other_tables(tmp_path, capsys):
    target = tmp_path / "estimates.csv"
    assert main(["estimates", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("id,line,column,citations")
    assert main(["estimates", "--table", "samples", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"arm_sum": 614' in out and '"flags": "EST301"' in out


def test_plots_writes_svg_png_and_csv_for_every_figure(tmp_path, capsys):
    assert main(["plots", "-o", str(tmp_path / "figs")]) == 0
    names = sorted(p.name for p in (tmp_path / "figs").iterdir())
    stems = {n.rsplit(".", 1)[0] for n in names}
    assert len(stems) == 10 and len(names) == 30
    assert all({f"{s}.svg", f"{s}.png", f"{s}.csv"} <= set(names) for s in stems)
    table = (tmp_path / "figs" / "vertebral-augmentation-vs-conservative-care-mortality.csv").read_text()
    assert [r["estimate"] for r in csv.DictReader(io.StringIO(table))] == ["0.70", "0.79", "0.78"]
    assert "wrote 10 figures" in capsys.readouterr().err


def test_plots_into_a_file_path_is_an_input_error(tmp_path, capsys):
    target = tmp_path / "a-file"
    target.write_text("keep me", encoding="utf-8")
    assert main(["plots", "-o", str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "keep me"
    assert "is not a folder" in capsys.readouterr().err


def test_kb_check_imports_neither_pandas_nor_matplotlib():
    code = ("import sys; from kb.cli import main; main(['check', '--fail-on', 'never']); "
            "print(sorted(m for m in ('pandas', 'matplotlib', 'networkx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"

# The bad-input matrix runs kb estimates and kb plots with every other command: tests/test_bad_input.py.
