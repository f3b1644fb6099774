"""The library bench runs (quick sizes) and checks that the rebuild it times rebuilt one policy, not all."""
from types import SimpleNamespace

from kbdev.bench import suites


def test_library_bench_prints_the_full_build_and_the_rebuilds():
    lines = suites()["library"].run(SimpleNamespace(quick=True, repeats=1, policy=None))
    assert lines[0].startswith("4 policies,") and "full build" in lines[0] and "peak memory" in lines[0]
    assert "one policy changed:" in lines[1] and "of the full build" in lines[1]
    assert "nothing changed:" in lines[2]
    assert "MiB a policy" in lines[3]
