"""Every check is documented from its docstring, and the CLI shows the documentation."""
import json
import re

import pytest

from kb.checks import all_rules
from kb.checks.docs import SECTIONS, rule_page, rules_table, sections
from kb.cli import main
from kb.read.model import SEVERITIES

RULES = all_rules()


def test_codes_are_unique_and_shaped_like_AAA999():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}\d{3}", c) for c in codes), codes
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)) and all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", n) for n in names)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_has_a_summary_and_the_four_sections(rule):
    assert rule.severity in SEVERITIES
    assert rule.summary and rule.summary != rule.name
    found = sections(rule)
    missing = [s for s in SECTIONS if not found.get(s)]
    assert not missing, f"{rule.code} lacks {missing}"


def test_page_layout():
    rule = next(r for r in RULES if r.code == "REF122")
    page = rule_page(rule)
    assert page.startswith("# REF122 available-from-empty\n")
    assert "Default severity: **error**. Family: REF (reference list)." in page
    assert [line for line in page.splitlines() if line.startswith("## ")] == [f"## {s}" for s in SECTIONS]
    assert "\n\nThe entry says `Available from:`" in page  # section text starts with a capital


def test_sections_parse_multi_paragraph_text():
    from kb.checks import rule

    @rule("TST900", "demo", "info")
    def demo(kb):
        """Demo.

        What: first line
        continues here.

        Why: because.
        Example: `x`
        Fix: do y.
        """

    assert sections(demo) == {"What": "First line continues here.", "Why": "Because.", "Example": "`x`",
                              "Fix": "Do y."}


def test_rules_table_lists_every_rule():
    table = rules_table(RULES)
    assert all(f"| {r.code} | {r.name} |" in table for r in RULES)


def test_cli_list_rules(capsys):
    assert main(["check", "--list-rules"]) == 0
    out = capsys.readouterr().out
    assert all(r.code in out for r in RULES) and out.rstrip().endswith("shows one in full")
    assert main(["check", "--list-rules", "--format", "json"]) == 0
    assert {d["code"] for d in json.loads(capsys.readouterr().out)} == {r.code for r in RULES}


def test_cli_explain(capsys):
    assert main(["check", "--explain", "doc131"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# DOC131 split-list-item") and "## Fix" in out


def test_cli_explain_unknown_code_is_one_line_and_exit_2(capsys):
    assert main(["check", "--explain", "ZZZ999"]) == 2
    err = capsys.readouterr().err
    assert "no check has the code ZZZ999" in err and err.count("\n") == 1
