"""The corpus bench runs (smoke, smallest sizes); its figures are printed by scripts/bench.py, not asserted."""
from types import SimpleNamespace

from kbdev.bench import suites


def test_the_corpus_suite_prints_each_size_growth_and_memory():
    lines = suites()["corpus"].run(SimpleNamespace(quick=True, repeats=1, policy=None))
    assert [line.split(":")[0].strip() for line in lines if "policies:" in line] == [
        "5 policies", "10 policies", "20 policies"]
    assert any(line.startswith("growth: ") for line in lines)
    assert all("peak memory" in line for line in lines if "policies:" in line)
    [kept] = [line for line in lines if "findings kept" in line]
    assert kept.split(",")[0].strip() == "20 policies" and "one policy changed" in kept


def test_the_library_site_suite_prints_pages_and_growth():
    lines = suites()["corpus_site"].run(SimpleNamespace(quick=True, repeats=1, policy=None))
    assert [line.split(":")[0].strip() for line in lines[:2]] == ["2 policies", "4 policies"]
    assert lines[-1].startswith("growth: ")
