"""Shared fixtures: the bundled policy, parsed once per session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "references" / "regence-surgery-107" / "policy.md"


@pytest.fixture(scope="session")
def bundled_path() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def bundled_kb():
    from kb.knowledge.base import load_knowledge_base

    return load_knowledge_base(BUNDLED)
