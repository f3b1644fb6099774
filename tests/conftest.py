"""Shared fixtures: the bundled policy, parsed once per session."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Every command computes its answer: a test that replaces a function must see it run, not a kept answer
# (kb.output_cache). tests/test_output_cache.py turns the cache on for itself; subprocesses inherit this.
os.environ["KB_CACHE"] = "0"
# Nor do tests write the compiled patterns and record methods kept for later runs (kb.pattern_cache,
# kb.dataclass_cache) into the package; their own tests turn them on for a subprocess.
os.environ["KB_COMPILE_CACHE"] = "0"

BUNDLED = ROOT / "references" / "regence-surgery-107" / "policy.md"


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def bundled_kb():
    from kb.knowledge.base import load_knowledge_base

    return load_knowledge_base(BUNDLED)
