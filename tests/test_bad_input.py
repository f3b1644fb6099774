"""Hostile and odd inputs meet findings or one clear stderr line, never a traceback.

Each case runs through every command that reads a policy (POLICY_COMMANDS;
extend it as commands are added): ``kb site`` runs them in
tests/test_site_build.py, the curated tables' problems are in
tests/test_curated.py, internal errors (exit 3) in tests/test_cli_foundation.py.
Content problems must not make a command exit 2 or 3; input errors exit 2 with
one line naming the file (and line, where known).
"""
import base64
import os

import pytest

from kb.cli import COMMANDS as REGISTERED
from kb.cli import main

# "{policy}" is where the policy goes (appended when absent), "{good}" a valid policy, "{out}" a fresh folder.
POLICY_COMMANDS = [c for c in (
    ["info"], ["check", "--fail-on", "never"],
    ["export", "bibtex"], ["export", "csl-json"], ["export", "graph-json"], ["export", "graphml"],
    ["estimates"], ["estimates", "--format", "json"], ["plots", "-o", "{out}"],
    ["evidence"], ["evidence", "--overlap"], ["studies", "bootstrap"],
    ["diff", "{policy}", "{good}"], ["diff", "{good}", "{policy}"],
) if c[0] in REGISTERED]

GOOD_LIST = "\n### REFERENCES\n\n1. Smith AB. A trial. *J*. 2020;1:2-3.\n"
GOOD = ("# A policy title here\n\n## Medical policy criteria\n\n- I. Widgetplasty is **investigational**.\n\n"
        "## Evidence\n\nSmith (2020) reported a trial (MD = 1.2; 95% CI, 0.4 to 2.0).<sup>[1]</sup>\n" + GOOD_LIST)

CONTENT_CASES = {
    "crlf": ("# Title\r\n\r\nText.<sup>[1]</sup>\r\n" + GOOD_LIST.replace("\n", "\r\n")).encode(),
    "bare-cr-and-mixed-endings": ("# Title\r\rText.<sup>[1]</sup>\r\n" + GOOD_LIST).encode(),
    "bom": ("\ufeff# Title\n\nText.<sup>[1]</sup>\n" + GOOD_LIST).encode(),
    "latin1-looking-utf8": ("# Caf\u00e9\n\nNa\u00efve text.<sup>[1]</sup>\n" + GOOD_LIST).encode(),
    "huge-range": ("# T\n\nText.<sup>[1-99999999]</sup>\n" + GOOD_LIST).encode(),
    "huge-number": ("# T\n\nText.<sup>[99999999999999999999999]</sup> More.[0]\n" + GOOD_LIST).encode(),
    "unterminated-html": ("# T\n\n<div><b>Text <sup>[1]\n\n<i>nested <b>tags</i></b>\n" + GOOD_LIST).encode(),
    "nested-html-and-open-comment": ("# T\n\n<div><div><span>deep <b><i>x</i></b></span></div></div>\n\n"
                                     "<!-- never closed\n\nText.<sup>[1]</sup>\n" + GOOD_LIST).encode(),
    "table-missing-cells": ("# T\n\n## CODES\n\n| Codes | Number |\n|---|---|\n| CPT |\n| | 22510 | x | y |\n"
                            + GOOD_LIST).encode(),
    "list-without-citations": ("# T\n\nNo markers at all.\n" + GOOD_LIST).encode(),
    "reversed-and-broken-markers": ("# T\n\nA.<sup>[3-1]</sup> B.<sup>[1,,x]</sup> C.<sup>[]</sup>\n" + GOOD_LIST).encode(),
    "duplicate-and-unordered-entries": ("# T\n\nA.<sup>[1, 3]</sup>\n\n## References\n\n3. B C. T. 2001.\n"
                                        "1. A B. T. 2000.\n1. D E. Again. 2002.\n").encode(),
    "only-a-reference-list": b"## References\n\n1. Smith AB. A trial. *J*. 2020;1:2-3.\n",
    "nul-after-the-first-8-kb": ("# T\n\n" + "Text. " * 1500 + "\x00 after.<sup>[1]</sup>\n" + GOOD_LIST).encode(),
    "invisible-and-bidi-characters": ("# T\u200b\n\nText\u202e.<sup>[\u200b1]</sup> \ufffd\n" + GOOD_LIST).encode(),
    "script-in-title": ("# <script>alert(1)</script>\n\nA.<sup>[1]</sup>\n\n### REFERENCES\n\n"
                        "1. Evil E. <img src=x onerror=alert(1)>. *J*. 2020;1:2.\n").encode(),
}

MB = 1024 * 1024
INPUT_ERRORS = {
    "missing": (None, "no such"),
    "directory": ("DIR", "is a directory"),
    "empty": (b"", "is empty"),
    "blank": (b"\n\n  \n", "is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    "cp1252": ("# T\n\n\u201cquoted\u201d text\n".encode("cp1252"), "not UTF-8 (byte 0x93, '\u201c' in Windows-1252)"),
    "latin1": ("# Caf\u00e9\n\n## References\n\n1. A B. T. 2020.\n".encode("latin-1"), "not UTF-8 (byte 0xe9"),
    "utf16": ("# T\n\nText.\n".encode("utf-16"), "is UTF-16 text; re-save it as UTF-8"),
    "over-25-mb": ("SPARSE", "larger than the 25 MB limit"),
    "no-reference-list": (b"# T\n\nText.<sup>[1]</sup>\n", "no References heading"),
    "empty-reference-list": (b"# T\n\nText.\n\n## References\n\nnone yet\n", "no numbered entries"),
}


def write_case(path, content) -> None:
    if content == "DIR":
        path.mkdir()
    elif content == "SPARSE":  # 26 MB of nothing, without writing 26 MB
        with open(path, "wb") as fh:
            fh.truncate(26 * MB)
    elif content is not None:
        path.write_bytes(content)


def argv(command, tmp_path, policy) -> list[str]:
    good = tmp_path / "good" / "policy.md"
    if not good.exists():
        good.parent.mkdir()
        good.write_text(GOOD, encoding="utf-8")
    out = [a.format(policy=policy, good=good, out=tmp_path / "out") for a in command]
    return out if "{policy}" in command else [*out, str(policy)]


@pytest.mark.parametrize("name", sorted(CONTENT_CASES))
@pytest.mark.parametrize("command", POLICY_COMMANDS, ids=lambda c: "-".join(c))
def test_content_problems_are_not_crashes(tmp_path, capsys, name, command):
    path = tmp_path / "policy.md"
    path.write_bytes(CONTENT_CASES[name])
    code = main(argv(command, tmp_path, path))
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err


@pytest.mark.parametrize("name", sorted(INPUT_ERRORS))
@pytest.mark.parametrize("command", POLICY_COMMANDS, ids=lambda c: "-".join(c))
def test_input_errors_are_one_line_exit_2(tmp_path, capsys, name, command):
    content, problem = INPUT_ERRORS[name]
    path = tmp_path / "policy.md"
    write_case(path, content)
    code = main(argv(command, tmp_path, path))
    out, err = capsys.readouterr()
    assert code == 2
    assert err.count("\n") == 1 and problem in err and str(path) in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "studies.csv").exists()  # nothing written


def test_the_line_of_a_bad_byte_is_named(tmp_path, capsys):
    path = tmp_path / "policy.md"
    path.write_bytes(b"# T\n\nline three\nCaf\xe9\n")
    assert main(["check", str(path)]) == 2
    assert f"{path}:4: is not UTF-8 (byte 0xe9, '\u00e9' in Windows-1252)" in capsys.readouterr().err


def test_a_device_that_never_ends_is_refused_not_read_forever(capsys):
    """/dev/zero reports no size; the reader stops at the limit instead of filling memory."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    assert main(["info", "/dev/zero"]) == 2
    assert "/dev/zero: is larger than the 25 MB limit" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["estimates", "-o", "{dir}"], ["export", "bibtex", "-o", "{dir}"],
                                     ["estimates", "-o", "{dir}/no/such/folder/x.csv"],
                                     ["plots", "-o", "{file}/figures"]], ids=lambda c: "-".join(c[:2]) + c[-1])
def test_an_output_that_cannot_be_written_is_an_input_error(tmp_path, capsys, command):
    (tmp_path / "a-file").write_text("keep me")
    code = main([a.format(dir=tmp_path, file=tmp_path / "a-file") for a in command])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "internal error" not in err
    assert (tmp_path / "a-file").read_text() == "keep me"


def test_policies_after_options_are_still_read(tmp_path, capsys, bundled_path):
    """argparse alone would reject 'kb export bibtex -o FILE POLICY'."""
    target = tmp_path / "refs.bib"
    assert main(["export", "bibtex", "-o", str(target), str(bundled_path)]) == 0
    assert target.read_text(encoding="utf-8").count("@") == 76
    with pytest.raises(SystemExit) as stop:
        main(["export", "bibtex", "-o", str(target), "--bogus", str(bundled_path)])
    assert stop.value.code == 2 and "unrecognized arguments: --bogus" in capsys.readouterr().err


@pytest.mark.parametrize("extra", [[], ["--format", "json"]])
def test_an_unknown_statement_id_is_one_line_exit_2(capsys, bundled_path, extra):
    assert main(["evidence", "--statement", "I.Z.9", *extra, str(bundled_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "no criterion 'I.Z.9' (criteria: I, I.A, I.A.1" in err and str(bundled_path) in err


def test_twenty_megabyte_policy_is_read_not_refused(tmp_path, capsys, bundled_path):
    text = bundled_path.read_text(encoding="utf-8")
    path = tmp_path / "big.md"
    path.write_text(text * (20 * MB // len(text.encode()) + 1), encoding="utf-8")
    assert main(["info", "--format", "json", str(path)]) == 0
    assert '"references"' in capsys.readouterr().out


def test_twenty_megabytes_on_one_line_are_checked(tmp_path, capsys, bundled_path):
    """A word processor's export with an embedded image: one 20 MB line of base64 in the policy."""
    blob = base64.b64encode(bytes(range(256)) * (15 * MB // 256)).decode()
    text = bundled_path.read_text(encoding="utf-8").replace(
        "### **DESCRIPTION**\n", f"### **DESCRIPTION**\n\n![figure](data:image/png;base64,{blob})\n", 1)
    path = tmp_path / "policy.md"
    path.write_text(text, encoding="utf-8")
    assert 20 * MB < path.stat().st_size < 25 * MB
    assert main(["check", "--format", "json", "--fail-on", "never", str(path)]) == 0
    assert '"crashed": []' in capsys.readouterr().out


@pytest.mark.parametrize("command", POLICY_COMMANDS, ids=lambda c: "-".join(c))
def test_an_empty_policy_argument_is_an_error_not_the_bundled_policy(tmp_path, capsys, command):
    """'kb check "$POLICY"' with POLICY unset must not quietly check the default policy."""
    assert main(argv(command, tmp_path, "")) == 2
    assert capsys.readouterr().err.endswith(": an empty policy path was given\n")


@pytest.mark.parametrize("port", ["99999", "-5", "http"])
def test_a_bad_port_is_a_usage_error_before_anything_is_built(tmp_path, capsys, port):
    with pytest.raises(SystemExit) as stop:
        main(["site", "-o", str(tmp_path / "site"), "--serve", "--port", port])
    assert stop.value.code == 2 and f"'{port}' is not a port (0-65535)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
