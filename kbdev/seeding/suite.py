"""The seeded-error suite as one call: synthetic policies and the bundled policy, scored and tabled.

``run`` returns the scores; ``markdown`` renders them as the README section's
tables (and the site's page, generated at build time from the same call).
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

from kbdev.seeding import Score, all_injectors, evaluate, table


@dataclass(frozen=True)
class SuiteResult:
    synthetic: list[Score]
    bundled: list[Score]
    n_policies: int
    n_references: int
    bundled_draws: int
    seed: int


def text_injectors() -> dict:
    """Injectors that work on a real policy's text (``TEXT_INJECTORS`` of each defect module)."""
    from kbdev import seeding

    out: dict = {}
    for info in sorted(pkgutil.iter_modules(seeding.__path__), key=lambda i: i.name):
        out.update(getattr(importlib.import_module(f"kbdev.seeding.{info.name}"), "TEXT_INJECTORS", {}))
    return out


def synthetic_policies(n: int, seed: int = 0, n_references: int = 60):
    """(policy, clean text) pairs; every other policy names its sources in the varied forms."""
    from kbdev.synthetic import generate, render

    for i in range(n):
        policy = generate(seed * 10_000 + i, n_references, variety=i % 2 == 0)
        yield policy, render(policy).text


def bundled_policies(draws: int, path=None):
    """The bundled policy, once per draw (each draw seeds the injectors differently)."""
    from kb.io import read_text
    from kb.paths import default_policy
    from kbdev.seeding.citations_text import TextPolicy

    path = path or default_policy()
    text = read_text(path, "policy file")
    return [(TextPolicy(i, text, str(path)), text) for i in range(draws)]


def run(n_policies: int = 20, seed: int = 0, n_references: int = 60, bundled_draws: int = 5) -> SuiteResult:
    synthetic = evaluate(synthetic_policies(n_policies, seed, n_references), all_injectors(), seed=seed)
    bundled = evaluate(bundled_policies(bundled_draws), text_injectors(), seed=seed) if bundled_draws else []
    return SuiteResult(synthetic, bundled, n_policies, n_references, bundled_draws, seed)


def markdown(result: SuiteResult) -> str:
    parts = [f"Synthetic policies ({result.n_policies} policies of about {result.n_references} references, "
             f"seed {result.seed}; each defect injected once per policy):", "", table(result.synthetic)]
    if result.bundled:
        parts += [f"The bundled policy ({result.bundled_draws} draws of each defect, one at a time):", "",
                  table(result.bundled)]
    return "\n".join(parts)
