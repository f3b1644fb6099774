"""Seeded defects in reported results, one per injector (scored by ``kbdev.seeding.evaluate``).

Each injector picks one estimate sentence of a synthetic policy at random,
changes what the model prints there (a bound, a sign, a p-value, an arm
size, the wording around it) and says at which line, and under which EST
codes, a finding is expected. An injector returns None when the policy has
no place for its defect (no ratio measure, no printed p-value ...).
"""
from __future__ import annotations

from dataclasses import replace

from kbdev.synthetic import Estimate, SyntheticPolicy, render, with_sentence
from kbdev.seeding import Seeded

_RATIOS = ("RR", "OR", "HR")


def _places(policy: SyntheticPolicy, ok=lambda e: True) -> list[tuple]:
    """(sentence, index of the estimate part, estimate) for every estimate that ``ok`` accepts."""
    out = []
    for s in policy.sentences():
        for i, part in enumerate(s.parts):
            if isinstance(part, Estimate) and ok(part):
                out.append((s, i, part))
    return out


def _seed(defect: str, policy, rng, codes, ok, change) -> Seeded | None:
    """Apply ``change(estimate, sentence parts, index, rng) -> new parts`` at one random place."""
    places = _places(policy, ok)
    if not places:
        return None
    sentence, i, e = rng.choice(places)
    parts = change(e, list(sentence.parts), i, rng)
    rendered = render(with_sentence(policy, sentence.sid, tuple(parts)))
    return Seeded(defect, rendered.text, frozenset({rendered.sentence_lines[sentence.sid]}), frozenset(codes))


def _swap(parts, i, new):
    parts[i] = new
    return parts


def _excludes_null(e: Estimate) -> bool:
    null = 1.0 if e.measure in _RATIOS else 0.0
    return e.low > null + 0.01 or e.high < null - 0.01


def _includes_null(e: Estimate) -> bool:
    null = 1.0 if e.measure in _RATIOS else 0.0
    return e.low < null - 0.01 and e.high > null + 0.01


def reversed_bounds(policy, rng):
    return _seed("reversed bounds", policy, rng, {"EST101"}, lambda e: e.low < e.high,
                 lambda e, parts, i, r: _swap(parts, i, replace(e, low=e.high, high=e.low)))


def lost_minus_sign(policy, rng):
    # Any EST finding at the line counts: the damage shows as a reversed interval, an estimate outside it, or a
    # p-value that no longer fits (a lost minus on a bound far below the estimate can only show there).
    return _seed("lost minus sign on a bound", policy, rng, {"EST1", "EST2"}, lambda e: e.low < 0,
                 lambda e, parts, i, r: _swap(parts, i, replace(e, low=-e.low)))


def copied_bound(policy, rng):
    def change(e, parts, i, r):
        far = round(e.value * (e.high / e.value) ** 3, 2)  # as if the bound of a wider result had been copied
        return _swap(parts, i, replace(e, high=far))
    # A wider interval also no longer fits a printed p-value; that finding is the same defect seen twice.
    return _seed("copied upper bound (ratio)", policy, rng, {"EST104", "EST202", "EST203"},
                 lambda e: e.measure in _RATIOS, change)


def negative_ratio(policy, rng):
    return _seed("ratio printed negative", policy, rng, {"EST103", "EST102"}, lambda e: e.measure in _RATIOS,
                 lambda e, parts, i, r: _swap(parts, i, replace(e, value=-e.value)))


def flipped_wording(policy, rng):
    def change(e, parts, i, r):
        words = "there was no significant difference " if _excludes_null(e) else \
            "the procedure was significantly superior "
        if i and isinstance(parts[i - 1], str) and "the pooled result was " in parts[i - 1]:
            parts[i - 1] = parts[i - 1].replace("the pooled result was ", words)
        else:
            parts.insert(i, words)
        return parts
    return _seed("significance wording contradicts the interval", policy, rng, {"EST201"},
                 lambda e: _excludes_null(e) or _includes_null(e), change)


def p_value_flip(policy, rng):
    def change(e, parts, i, r):
        return _swap(parts, i, replace(e, p=".32" if _excludes_null(e) else "<0.001"))
    return _seed("p-value on the wrong side of 0.05", policy, rng, {"EST202"},
                 lambda e: e.p is not None and e.style in (0, 3) and (_excludes_null(e) or _includes_null(e)),
                 change)


def arm_size_changed(policy, rng):
    def change(e, parts, i, r):
        total, treated, control = e.arms
        return _swap(parts, i, replace(e, arms=(total, treated + r.randint(3, 40), control)))
    return _seed("arm size changed", policy, rng, {"EST301"}, lambda e: e.arms is not None, change)


def percentage_changed(policy, rng):
    def change(e, parts, i, r):
        count, denominator, shown = e.followed
        places = len(shown.split(".")[1]) if "." in shown else 0
        wrong = f"{float(shown) - r.randint(3, 12):.{places}f}"
        return _swap(parts, i, replace(e, followed=(count, denominator, wrong)))
    return _seed("percentage does not match its count", policy, rng, {"EST302"},
                 lambda e: e.followed is not None, change)


def impossible_i2(policy, rng):
    def change(e, parts, i, r):
        return _swap(parts, i, replace(e, i2=str(100 + r.randint(1, 60))))
    return _seed("I² above 100%", policy, rng, {"EST303"}, lambda e: e.i2 is not None, change)


INJECTORS = {
    "reversed bounds": reversed_bounds,
    "lost minus sign on a bound": lost_minus_sign,
    "copied upper bound (ratio)": copied_bound,
    "ratio printed negative": negative_ratio,
    "significance wording contradicts the interval": flipped_wording,
    "p-value on the wrong side of 0.05": p_value_flip,
    "arm size changed": arm_size_changed,
    "percentage does not match its count": percentage_changed,
    "I² above 100%": impossible_i2,
}
