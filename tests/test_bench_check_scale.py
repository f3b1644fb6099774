"""The check_scale bench runs (smoke, smallest sizes); its figures are printed by scripts/bench.py, not asserted."""
from types import SimpleNamespace

from kbdev.bench import suites
from kbdev.bench.check_scale import MARKERS_PER_REFERENCE, _policy_text
from kb.read.parse_policy import parse_policy


def test_the_policies_have_the_requested_density():
    doc = parse_policy(_policy_text(200), "bench.md")
    assert len(doc.references) == 200
    assert abs(len(doc.markers) - MARKERS_PER_REFERENCE * 200) <= 2


def test_the_suite_is_found_and_prints_sizes_and_growth():
    lines = suites()["check_scale"].run(SimpleNamespace(quick=True, repeats=1, policy=None))
    sizes = [line.strip() for line in lines if line.strip().startswith("100 references")]
    assert len(sizes) == 1 and "x a bare regex pass" in sizes[0]
    assert any(line.startswith("growth, kb check:") for line in lines)
    # The largest size says where its time goes: reading, the shared estimates and evidence, each rule.
    (where,) = [line for line in lines if "where the time goes" in line]
    assert where.startswith("400 references") and "reading the policy" in where and "effect estimates" in where
