"""Property-based tests: the parsers never crash, keep lines inside the file,
and give the same output for the same input.

A bounded number of examples runs in the normal suite; set KB_FUZZ_EXAMPLES
(for example 5000) for a longer run.
"""
import os
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.read.markers import MAX_RANGE, expand, find_markers
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry

EXAMPLES = int(os.environ.get("KB_FUZZ_EXAMPLES", "150"))
fuzz = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

marker_text = st.text(alphabet="0123456789,;- \u2013\u2014abc[]", max_size=40)


@fuzz
@given(marker_text)
def test_expand_never_crashes_and_stays_bounded(inner):
    result = expand(inner)
    assert len(result.numbers) <= (MAX_RANGE + 1) * (inner.count(",") + inner.count(";") + 1)
    assert all(isinstance(n, int) and n >= 0 for n in result.numbers)
    assert expand(inner) == result


@fuzz
@given(st.text(max_size=120))
def test_find_markers_spans_are_inside_the_line(line):
    for m in find_markers(line):
        assert 0 <= m.start < m.end <= len(line)
        assert line[m.start:m.end] == m.raw


entry_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.builds(
    lambda a, t, j, y: f"{a} AB, Other C, et al. {t}. *{j}*. {y};12(3):45-67. PMID: 123",
    st.text(min_size=1, max_size=20), st.text(max_size=40), st.text(max_size=30), st.integers(1000, 2999),
)


@fuzz
@given(entry_text)
def test_reference_entry_parser_never_crashes(text):
    entry = parse_entry(7, text, 3)
    assert entry.number == 7 and entry.line == 3
    assert entry.year is None or 1800 <= entry.year <= 2099
    assert parse_entry(7, text, 3) == entry


BUNDLED = Path(__file__).resolve().parent.parent / "references" / "regence-surgery-107" / "policy.md"
BUNDLED_LINES = BUNDLED.read_text(encoding="utf-8").split("\n")


# What editors and exports leave behind: markup, list labels, estimate fragments, odd numbers and characters.
JUNK = ["[", "]", "<sup>", "</sup>", "*", "#", "- ", "1. ", "[3-1]", "\u2013", "(", ")", "|", "\t", "<div>", "</b>",
        "(RR, 0; 95% CI, -1 to 0)", "95% CI", "; P = ", "I\u00b2 = 140%", "n=0", " (0%) ", "[1-99999999]",
        "<sup>[0]</sup>", "et al.", " (2099) ", "PMID: ", "doi:10.", "\ufeff", "\u200b", "%", ";", " vs ", " to ",
        "\u2212", "1e999", "nan", "00000000000000000000009", "\ufffd"]


def mutate(lines, seed, edits):
    """Lines deleted, duplicated, swapped, split and joined, characters and fragments inserted."""
    rng = random.Random(seed)
    out = list(lines) or [""]
    for _ in range(edits):
        op = rng.choice(("delete", "duplicate", "swap", "insert", "split", "join"))
        i = rng.randrange(len(out))
        if op == "delete" and len(out) > 1:
            del out[i]
        elif op == "duplicate":
            out.insert(i, out[i])
        elif op == "swap":
            j = rng.randrange(len(out))
            out[i], out[j] = out[j], out[i]
        elif op == "split":
            pos = rng.randrange(len(out[i]) + 1)
            out[i:i + 1] = [out[i][:pos], out[i][pos:]]
        elif op == "join" and i + 1 < len(out):
            out[i:i + 2] = [out[i] + out[i + 1]]
        else:
            pos = rng.randrange(len(out[i]) + 1)
            junk = rng.choice(JUNK) if rng.random() < 0.8 else chr(rng.randrange(32, 0x3000))
            out[i] = out[i][:pos] + junk + out[i][pos:]
    return out


@settings(max_examples=max(10, EXAMPLES // 5), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**9), st.integers(1, 40))
def test_mutated_policy_parses_with_lines_inside_the_file(seed, edits):
    lines = mutate(BUNDLED_LINES, seed, edits)
    text = "\n".join(lines)
    doc = parse_policy(text, "mutated.md")
    n = len(lines)
    for item in (*doc.markers, *doc.references, *doc.statements, *doc.codes, *doc.problems):
        assert 1 <= item.line <= n
    for s in (*doc.sections, *doc.sentences):
        assert 1 <= s.line <= s.end_line <= n
    again = parse_policy(text, "mutated.md")
    assert again.markers == doc.markers and again.references == doc.references
    assert again.sentences == doc.sentences and again.statements == doc.statements


# ---- the estimate extractor -----------------------------------------------------------------------

from kb.estimates.extract import extract  # noqa: E402
from kb.estimates.find import find_estimates  # noqa: E402

estimate_text = st.lists(st.sampled_from(
    list("0123456789.,;:-()[]%= ") + ["95% CI", " to ", "RR", "OR", "MD", "odds ratio", "P", "p < ", "I\u00b2",
                                      "\u2212", "\u2013", "confidence interval", "significant", "no ", "x"]),
    max_size=60).map("".join) | st.text(max_size=120)


@fuzz
@given(estimate_text)
def test_estimate_finder_never_crashes_and_keeps_spans_inside_the_text(text):
    found = find_estimates(text)
    for f in found:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.low in text and f.high in text and f.value in text  # numbers as printed
    assert find_estimates(text) == found


@fuzz
@given(st.sampled_from(["MD", "SMD", "RR", "OR", "HR"]), st.floats(-50, 50), st.floats(0, 20), st.floats(0, 20),
       st.integers(0, 3), st.integers(0, 1), st.sampled_from([None, ".56", "<0.001"]),
       st.text(alphabet="abc defg,", max_size=30))
def test_a_printed_result_is_read_back_exactly(measure, value, below, above, style, variant, p, lead):
    """Any result the synthetic policies print, in any of their styles, is found with its numbers as printed."""
    from kbdev.synthetic import Estimate
    from kbdev.synthetic.render import _render_estimate

    e = Estimate(measure, round(value, 2), round(value - below, 2), round(value + above, 2), p, style, "pain",
                 variant=variant)
    printed = _render_estimate(e)
    (f,) = find_estimates(f"{lead} {printed}.")
    assert (f.value, f.low, f.high) == tuple(printed_number(x, variant) for x in (e.value, e.low, e.high))
    assert f.measure == measure


def printed_number(x: float, variant: int) -> str:
    text = f"{x:.2f}"
    return text.replace("-", "\u2212") if variant and x < 0 else text


def test_a_pathological_sentence_is_read_in_linear_time():
    """A run of 200,000 digits before an interval, and thousands of unclosed parentheses: each scan is bounded
    (before the bound, 80,000 digits took five minutes). The suite would stall here if that came back."""
    assert len(find_estimates("1" * 200_000 + "x (95% CI, 1 to 2)")) == 1
    assert len(find_estimates("(95% CI 1 to 2 " * 1500)) == 1500


# ---- the whole pipeline on mutated policies: parse, estimates, every check ------------------------

from kb.checks import run_checks  # noqa: E402
from kb.knowledge.curated import load_curated  # noqa: E402
from kb.errors import KbError  # noqa: E402
from kb.knowledge.base import build_knowledge_base  # noqa: E402

REFERENCES_AT = BUNDLED_LINES.index("### REFERENCES")


def _checked(kb) -> list:
    return [(r.rule.code, r.findings, r.crashed) for r in run_checks(kb)]


slow_fuzz = settings(max_examples=max(8, EXAMPLES // 10), deadline=None, suppress_health_check=[HealthCheck.too_slow])


@slow_fuzz
@given(st.integers(0, 10**9), st.integers(1, 60))
def test_mutated_policy_estimates_and_checks_never_crash(seed, edits):
    """No rule crashes on a mutated policy, every finding and estimate is on a line of the file, and the
    estimates read twice are the same. A crashed rule fails this test (the report would only say 'crashed');
    tests/test_determinism.py runs the commands twice in fresh processes."""
    lines = mutate(BUNDLED_LINES, seed, edits)
    text = "\n".join(lines)
    kb = build_knowledge_base(parse_policy(text, "mutated.md"))
    results = _checked(kb)
    assert [(code, crash) for code, _, crash in results if crash] == []
    for _, findings, _ in results:
        assert all(1 <= f.line <= len(lines) for f in findings)
    estimates = extract(kb.doc)
    assert all(1 <= e.line <= len(lines) for e in estimates.estimates)
    assert extract(parse_policy(text, "mutated.md")) == estimates


@slow_fuzz
@given(st.integers(0, 10**9), st.integers(1, 30))
def test_mutated_rationale_with_the_curated_tables_never_crashes(seed, edits):
    """The prose mutated, the reference list kept, the bundled curated tables read against it: either they no
    longer fit (an input error naming file and line) or every check runs without crashing."""
    lines = mutate(BUNDLED_LINES[:REFERENCES_AT], seed, edits) + BUNDLED_LINES[REFERENCES_AT:]
    kb = build_knowledge_base(parse_policy("\n".join(lines), str(BUNDLED)), load_curated(BUNDLED))
    try:
        kb.evidence  # noqa: B018
        results = _checked(kb)
    except KbError as exc:
        assert exc.path and exc.line, str(exc)  # a table row that no longer fits: named by file and line
        return
    assert [(code, crash) for code, _, crash in results if crash] == []
    assert all(1 <= f.line <= len(lines) for _, findings, _ in results for f in findings)
