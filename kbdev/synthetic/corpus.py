"""A synthetic library of policies, for tests and benchmarks of the corpus.

``write_corpus(folder, n_policies)`` writes ``folder/policy-0001/policy.md``
... as real policy folders. Like a real library, the policies share some of
their trials: a pool of trial references is drawn once and each policy takes
a few of them in place of its own (same PMID, same authors and year, so the
corpus joins them into one paper). Same seed, same library.
"""
from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from kb.io import write_atomic
from kb.paths import POLICY_FILE
from kbdev.synthetic import generate, render
from kbdev.synthetic.model import SyntheticPolicy


def _pool(seed: int, size: int) -> list:
    """Trial references to share: the trials of one large policy no one publishes."""
    donor = generate(seed + 10 ** 6, n_references=max(40, size * 3))
    return [r for r in donor.references if r.kind == "randomized-trial"][:size]


def share_trials(policy: SyntheticPolicy, pool: list, rng: random.Random, k: int) -> SyntheticPolicy:
    """Swap up to ``k`` of the policy's trials for pool trials; the citing sentences follow the swap.

    A pool trial whose first author and year the policy already names is skipped,
    so every named source still points at one entry.
    """
    named = {(r.surnames[0], r.year) for r in policy.references if r.surnames}
    mine = [i for i, r in enumerate(policy.references) if r.kind == "randomized-trial"]
    refs = list(policy.references)
    for i, shared in zip(rng.sample(mine, min(k, len(mine))), rng.sample(pool, min(k, len(pool)))):
        if (shared.surnames[0], shared.year) in named:
            continue
        named.add((shared.surnames[0], shared.year))
        refs[i] = replace(shared, key=refs[i].key, topic=refs[i].topic)
    return replace(policy, references=tuple(refs))


def corpus_policies(n_policies: int, n_references: int = 80, seed: int = 0, shared: int = 3):
    """(name, policy) pairs, ``shared`` pool trials in each."""
    rng = random.Random(seed)
    pool = _pool(seed, max(10, shared * 4))
    for i in range(1, n_policies + 1):
        policy = generate(seed * 100_003 + i, n_references=n_references)
        yield f"policy-{i:04d}", share_trials(policy, pool, rng, shared)


def write_corpus(folder: Path | str, n_policies: int, n_references: int = 80, seed: int = 0,
                 shared: int = 3) -> list[Path]:
    """Write the policies as folders under ``folder``; returns their policy.md paths."""
    folder = Path(folder)
    paths = []
    for name, policy in corpus_policies(n_policies, n_references, seed, shared):
        (folder / name).mkdir(parents=True, exist_ok=True)
        path = folder / name / POLICY_FILE
        write_atomic(path, render(policy, issuer=f"Example Health Plan {name}").text)
        paths.append(path)
    return paths
