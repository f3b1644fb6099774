"""The check framework: rules, selection, crash isolation, report formats, exit codes."""
import json

from kb.checks import Result, finding, rule, run_checks
from kb.outputs.report import exit_code, summary, to_json, to_markdown, to_text


@rule("TST101", "always-warns", "warning")
def always_warns(kb):
    """Warns once.

    What: a test rule.
    """
    yield finding(always_warns, 3, "a warning", column=2, citations=[5], suggestion="fix it")


@rule("TST201", "always-errs", "error")
def always_errs(kb):
    """Errs once."""
    yield finding(always_errs, 1, "an error | with a pipe")


@rule("TST301", "crashes", "error")
def crashes(kb):
    """Raises."""
    raise ValueError("boom")


RULES = (always_warns, always_errs, crashes)


def test_rule_metadata_from_docstring():
    assert always_warns.summary == "Warns once."
    assert "What: a test rule." in always_warns.doc


def test_a_crashing_rule_does_not_stop_the_others():
    results = run_checks(None, rules=RULES)
    assert [r.rule.code for r in results] == ["TST101", "TST201", "TST301"]
    assert results[2].crashed == "ValueError: boom"
    assert len(results[0].findings) == len(results[1].findings) == 1
    assert summary(results)["crashed"] == [{"code": "TST301", "error": "ValueError: boom"}]
    assert "TST301 crashed" in to_text("p.md", results)


@rule("TST401", "says-it-twice", "warning")
def says_it_twice(kb):
    """Finds the same thing twice on one line, and once on another."""
    yield finding(says_it_twice, 7, "Smiht is cited as reference 2, which is Smith", column=40)
    yield finding(says_it_twice, 7, "Smiht is cited as reference 2, which is Smith", column=9)
    yield finding(says_it_twice, 7, "Jonse is cited as reference 3, which is Jones", column=60)
    yield finding(says_it_twice, 8, "Smiht is cited as reference 2, which is Smith", column=9)


def test_the_same_finding_twice_on_one_line_is_reported_once_at_the_first_place():
    (result,) = run_checks(None, rules=(says_it_twice,))
    assert [(f.line, f.column, f.message.endswith("(twice on this line)")) for f in result.findings] == [
        (7, 9, True), (7, 60, False), (8, 9, False)]
    assert result.findings[0].message.startswith("Smiht is cited as reference 2, which is Smith (")


def test_select_and_ignore_match_prefixes():
    assert [r.rule.code for r in run_checks(None, select=["TST1"], rules=RULES)] == ["TST101"]
    assert [r.rule.code for r in run_checks(None, ignore=["TST2", "TST3"], rules=RULES)] == ["TST101"]


def test_exit_code_follows_fail_on():
    results = run_checks(None, select=["TST1"], rules=RULES)  # one warning
    assert exit_code(results, "error") == 0
    assert exit_code(results, "warning") == 1
    assert exit_code(results, "never") == 0


def test_json_contract():
    payload = json.loads(to_json("p.md", run_checks(None, rules=RULES)))
    assert set(payload) == {"document", "summary", "findings"}
    assert payload["findings"][0] == {"code": "TST201", "severity": "error", "line": 1, "column": None,
                                      "citations": [], "message": "an error | with a pipe", "suggestion": None}
    assert payload["summary"]["by_severity"] == {"error": 1, "warning": 1, "info": 0}


def test_text_reads_like_a_linter():
    text = to_text("p.md", run_checks(None, select=["TST1"], rules=RULES))
    assert text.splitlines()[0] == "p.md:3:2: TST101 [warning] a warning"
    assert "    suggestion: fix it" in text
    assert text.rstrip().endswith("1 rules run")


def test_markdown_escapes_pipes():
    md = to_markdown("p.md", run_checks(None, select=["TST2"], rules=RULES))
    assert "an error \\| with a pipe" in md


def test_waived_findings_do_not_fail_the_run():
    from dataclasses import replace

    res = run_checks(None, select=["TST2"], rules=RULES)[0]
    waived = Result(res.rule, tuple(replace(f, waived="accepted") for f in res.findings))
    assert exit_code([waived], "error") == 0
    assert summary([waived])["waived"] == 1
