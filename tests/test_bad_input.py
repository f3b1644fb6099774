"""Hostile and odd inputs meet findings or one clear stderr line, never a traceback.

Each case runs through every command that reads a policy (extend COMMANDS as
commands are added). Content problems must not make a command exit 2 or 3.
"""
import pytest

from kb.cli import COMMANDS as REGISTERED
from kb.cli import main

POLICY_COMMANDS = [c for c in (["info"], ["check", "--fail-on", "never"], ["export", "bibtex"],
                               ["export", "graphml"], ["evidence"], ["evidence", "--overlap"],
                               ["studies", "bootstrap", "-o", "-"]) if c[0] in REGISTERED]

GOOD_LIST = "\n### REFERENCES\n\n1. Smith AB. A trial. *J*. 2020;1:2-3.\n"

CONTENT_CASES = {
    "crlf": ("# Title\r\n\r\nText.<sup>[1]</sup>\r\n" + GOOD_LIST.replace("\n", "\r\n")).encode(),
    "bom": ("\ufeff# Title\n\nText.<sup>[1]</sup>\n" + GOOD_LIST).encode(),
    "latin1-looking-utf8": ("# Caf\u00e9\n\nNa\u00efve text.<sup>[1]</sup>\n" + GOOD_LIST).encode(),
    "huge-range": ("# T\n\nText.<sup>[1-99999999]</sup>\n" + GOOD_LIST).encode(),
    "unterminated-html": ("# T\n\n<div><b>Text <sup>[1]\n\n<i>nested <b>tags</i></b>\n" + GOOD_LIST).encode(),
    "table-missing-cells": ("# T\n\n## CODES\n\n| Codes | Number |\n|---|---|\n| CPT |\n| | 22510 | x | y |\n"
                            + GOOD_LIST).encode(),
    "list-without-citations": ("# T\n\nNo markers at all.\n" + GOOD_LIST).encode(),
    "reversed-and-broken-markers": ("# T\n\nA.<sup>[3-1]</sup> B.<sup>[1,,x]</sup> C.<sup>[]</sup>\n" + GOOD_LIST).encode(),
    "script-in-title": ("# <script>alert(1)</script>\n\nA.<sup>[1]</sup>\n\n### REFERENCES\n\n"
                        "1. Evil E. <img src=x onerror=alert(1)>. *J*. 2020;1:2.\n").encode(),
}


@pytest.mark.parametrize("name", sorted(CONTENT_CASES))
@pytest.mark.parametrize("command", POLICY_COMMANDS, ids=lambda c: "-".join(c))
def test_content_problems_are_not_crashes(tmp_path, capsys, name, command):
    path = tmp_path / "policy.md"
    path.write_bytes(CONTENT_CASES[name])
    code = main([*command, str(path)])
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "Traceback" not in err


INPUT_ERRORS = {
    "missing": (None, "no such"),
    "directory": ("DIR", "is a directory"),
    "empty": (b"", "is empty"),
    "blank": (b"\n\n  \n", "is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    "cp1252": ("# T\n\n\u201cquoted\u201d text\n".encode("cp1252"), "not UTF-8"),
    "no-reference-list": (b"# T\n\nText.<sup>[1]</sup>\n", "no References heading"),
    "empty-reference-list": (b"# T\n\nText.\n\n## References\n\nnone yet\n", "no numbered entries"),
}


@pytest.mark.parametrize("name", sorted(INPUT_ERRORS))
@pytest.mark.parametrize("command", POLICY_COMMANDS, ids=lambda c: "-".join(c))
def test_input_errors_are_one_line_exit_2(tmp_path, capsys, name, command):
    content, problem = INPUT_ERRORS[name]
    path = tmp_path / "policy.md"
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    code = main([*command, str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and problem in err and str(path) in err


def test_twenty_megabyte_policy_is_read_not_refused(tmp_path, capsys, bundled_path):
    text = bundled_path.read_text(encoding="utf-8")
    path = tmp_path / "big.md"
    path.write_text(text * (20 * 1024 * 1024 // len(text.encode()) + 1), encoding="utf-8")
    assert main(["info", "--format", "json", str(path)]) == 0
    assert '"references"' in capsys.readouterr().out
