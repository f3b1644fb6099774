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

from kb.citations import MAX_RANGE, expand, find_markers
from kb.parse_policy import parse_policy
from kb.reference_list import parse_entry

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


def mutate(lines, seed, edits):
    rng = random.Random(seed)
    out = list(lines)
    for _ in range(edits):
        op = rng.choice(("delete", "duplicate", "swap", "insert"))
        i = rng.randrange(len(out)) if out else 0
        if op == "delete" and out:
            del out[i]
        elif op == "duplicate" and out:
            out.insert(i, out[i])
        elif op == "swap" and len(out) > 1:
            j = rng.randrange(len(out))
            out[i], out[j] = out[j], out[i]
        elif out:
            pos = rng.randrange(len(out[i]) + 1)
            junk = rng.choice(["[", "]", "<sup>", "</sup>", "*", "#", "- ", "1. ", "[3-1]", "\u2013", "(", ")"])
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
