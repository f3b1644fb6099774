"""The CLI's front: kb info / kb export, and one clear line for bad input."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_info_text_and_json(capsys):
    code, out, _ = run(capsys, "info", "--format", "json")
    info = json.loads(out)
    assert code == 0
    assert info["references"] == 76 and info["citation_markers"] == 57 and info["statements"] == 26
    code, out, _ = run(capsys, "info")
    assert "references" in out and code == 0


def test_info_text_says_not_stated_where_json_has_null(capsys, tmp_path):
    article = tmp_path / "article.md"
    article.write_text("# A trial\n\nIt worked.<sup>[1]</sup>\n\n## References\n\n"
                       "1. Roe A. A trial. *J Spine*. 2020;1:1-9.\n", encoding="utf-8")
    _, out, _ = run(capsys, "info", "--format", "json", "--no-cache", str(article))
    assert json.loads(out)["effective"] is None
    _, out, _ = run(capsys, "info", "--no-cache", str(article))
    assert "not stated" in next(line for line in out.splitlines() if line.startswith("effective"))


def test_export_to_file_is_atomic_and_reports(capsys, tmp_path):
    target = tmp_path / "refs.bib"
    code, out, err = run(capsys, "export", "bibtex", "-o", str(target))
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").count("@") == 76
    assert not list(tmp_path.glob(".*.tmp"))


def test_policy_folder_argument(capsys, bundled_path):
    code, out, _ = run(capsys, "info", "--format", "json", str(bundled_path.parent))
    assert code == 0 and json.loads(out)["references"] == 76


@pytest.mark.parametrize("make, problem", [
    (lambda p: None, "no such policy file"),
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: p.write_text(""), "is empty"),
    (lambda p: p.write_bytes(b"# T\n\nCaf\xe9 au lait\n"), "is not UTF-8"),
    (lambda p: p.write_bytes(b"\x00\x01\x02binary"), "binary"),
    (lambda p: p.write_text("# Title\n\nJust text, no references.\n"), "no References heading"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, make, problem):
    path = tmp_path / "policy.md"
    make(path)
    for command in (["info"], ["export", "bibtex"], ["check"]):
        code, out, err = run(capsys, *command, str(path))
        assert code == 2
        assert err.count("\n") == 1 and problem in err and str(path) in err
        assert "Traceback" not in err


def test_not_utf8_names_the_line(capsys, tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(b"# T\n\nline two\nCaf\xe9\n")
    _, _, err = run(capsys, "info", str(path))
    assert f"{path}:4:" in err


def test_failed_export_leaves_the_old_file(capsys, tmp_path):
    target = tmp_path / "out.bib"
    target.write_text("precious")
    code, _, _ = run(capsys, "export", "bibtex", str(tmp_path / "missing.md"), "-o", str(target))
    assert code == 2 and target.read_text() == "precious"


def test_unknown_format_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "kb", "export", "pdf"], capture_output=True, text=True)
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_help_lists_every_command():
    from kb.cli import COMMANDS

    proc = subprocess.run([sys.executable, "-m", "kb", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for name in COMMANDS:
        assert name in proc.stdout
        sub = subprocess.run([sys.executable, "-m", "kb", name, "--help"], capture_output=True, text=True)
        assert sub.returncode == 0 and "usage: kb " + name in sub.stdout


EVERY_COMMAND = [["info"], ["check"], ["export", "bibtex"], ["export", "csl-json"], ["export", "graph-json"],
                 ["export", "graphml"], ["estimates"], ["plots", "-o", "{tmp}/figs"], ["evidence"],
                 ["studies", "bootstrap", "-o", "-"], ["diff", "{policy}", "{policy}"], ["site", "-o", "{tmp}/site"]]


@pytest.mark.parametrize("command", EVERY_COMMAND, ids=lambda c: "-".join(c[:2]))
def test_internal_error_is_one_line_exit_3_with_a_full_log(capsys, monkeypatch, tmp_path, bundled_path, command):
    """An unexpected exception anywhere: one line asking for a report, the path of a log with the traceback."""
    import kb.commands.site as site
    import kb.knowledge.base as knowledge_base

    def boom(*args, **kwargs):
        raise RuntimeError("boom in the parser")

    monkeypatch.setattr(knowledge_base, "parse_policy", boom)
    monkeypatch.setattr(site, "build", boom)  # kb site parses in MkDocs' process; fail where it starts it
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    argv = [a.format(tmp=tmp_path, policy=bundled_path) for a in command]
    code, out, err = run(capsys, *argv)
    assert code == 3 and err.count("\n") == 1
    assert err.startswith(f"kb {command[0]}: internal error (RuntimeError); please report it with the log at ")
    log = Path(err.rsplit(" ", 1)[1].strip())
    assert log.parent == tmp_path / "policykb"
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "RuntimeError: boom in the parser" in text
    assert " ".join(sys.argv) in text  # the command line that failed heads the log
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policykb"]  # no output, no half-built folder


def _failed_build(stderr: str):
    import subprocess

    return lambda policy, out: subprocess.CompletedProcess([], 1, "", stderr)


def test_a_crash_inside_the_site_build_is_exit_3_with_its_output_in_the_log(capsys, monkeypatch, tmp_path):
    import kb.commands.site as site

    trace = "Traceback (most recent call last):\n  File \"hooks.py\", line 9\nZeroDivisionError: division by zero\n"
    monkeypatch.setattr(site, "build", _failed_build(trace))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    code, _, err = run(capsys, "site", "-o", str(tmp_path / "site"))
    assert code == 3 and err.count("\n") == 1 and "internal error (RuntimeError)" in err
    assert "ZeroDivisionError: division by zero" in Path(err.rsplit(" ", 1)[1].strip()).read_text()


def test_an_input_error_met_while_the_site_pages_are_made_is_exit_2(capsys, monkeypatch, tmp_path):
    import kb.commands.site as site

    trace = ("Traceback (most recent call last):\n  File \"hooks.py\", line 9\n"
             "kb.errors.KbError: references/x/estimates.csv:3: no estimate printed '9.99' at policy line 130\n")
    monkeypatch.setattr(site, "build", _failed_build(trace))
    code, _, err = run(capsys, "site", "-o", str(tmp_path / "site"))
    assert code == 2 and err == "kb site: references/x/estimates.csv:3: no estimate printed '9.99' at policy line 130\n"


def test_an_internal_error_is_one_line_even_when_no_log_can_be_written(capsys, monkeypatch, tmp_path):
    import kb.commands.info as info

    monkeypatch.setattr(info, "summarize", lambda kb: 1 / 0)
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "a-file"))  # the log folder cannot be made
    code, _, err = run(capsys, "info")
    assert code == 3 and err.count("\n") == 1
    assert "internal error (ZeroDivisionError); please report it (no log could be written: " in err
