"""The seeded-error suite for citations: clean policies stay clean, seeded defects are found at their line."""
import random

import pytest

from kbdev.seeding import evaluate, findings_of
from kbdev.seeding.citations import INJECTORS
from kbdev.seeding.citations_text import TEXT_INJECTORS
from kbdev.seeding.suite import bundled_policies, markdown, run
from kbdev.synthetic import generate, render


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("variety", [False, True])
def test_no_error_level_finding_on_a_clean_synthetic_policy(seed, variety):
    policy = generate(seed, 30 + 10 * seed, variety=variety, markers_per_reference=2.5 if variety else None)
    errors = [f for f in findings_of(render(policy).text) if f.severity == "error"]
    assert errors == []


def test_clean_synthetic_policies_have_no_citation_findings_at_all():
    for seed in range(4):
        policy = generate(100 + seed, 50, variety=True)
        assert [f for f in findings_of(render(policy).text) if f.code.startswith("CIT")] == []


@pytest.mark.parametrize("name", sorted(INJECTORS))
def test_each_injector_changes_the_text_and_names_lines(name):
    policy = generate(3, 40, variety=True)
    seeded = INJECTORS[name](policy, random.Random(1))
    assert seeded is not None and seeded.text != render(policy).text and seeded.lines


def test_the_suite_finds_at_least_95_percent_at_their_line_without_false_alarms():
    policies = []
    for seed in range(4):
        policy = generate(seed, 40, variety=seed % 2 == 0)
        policies.append((policy, render(policy).text))
    scores = evaluate(policies, INJECTORS, seed=7)
    injected = sum(s.injected for s in scores)
    assert injected == 4 * len(INJECTORS)
    assert sum(s.found for s in scores) >= 0.95 * injected
    assert sum(s.false_alarms for s in scores) == 0


def test_the_same_defects_seeded_into_the_bundled_policy_text():
    scores = evaluate(bundled_policies(2), TEXT_INJECTORS, seed=7)
    injected = sum(s.injected for s in scores)
    assert injected == 2 * len(TEXT_INJECTORS)
    assert sum(s.found for s in scores) >= 0.85 * injected  # a widened range may add a fitting entry
    assert sum(s.false_alarms for s in scores) == 0


def test_a_missed_defect_is_counted_as_missed():
    """The scoring can fail: a change the checks cannot see is counted as injected and not found."""
    policy = generate(5, 40)
    lines = render(policy).text.split("\n")
    target = next(i for i, line in enumerate(lines) if "limited to several small case series" in line)

    def invisible(p, rng):
        from kbdev.seeding import Seeded
        text = "\n".join(lines[:target] + [lines[target] + " Nothing else changed."] + lines[target + 1:])
        return Seeded("invisible", text, frozenset({target + 1}), frozenset({"CIT"}))

    (score,) = evaluate([(policy, "\n".join(lines))], {"invisible": invisible})
    assert (score.injected, score.found) == (1, 0)


def test_a_defect_found_only_by_an_info_finding_is_counted_apart():
    """Found, and counted apart: an info finding is shown to the editor, but calls nothing wrong."""
    policy = generate(5, 40)
    lines = render(policy).text.split("\n")
    target = next(i for i, line in enumerate(lines) if "limited to several small case series" in line)

    def dated(extra):
        def inject(p, rng):
            from kbdev.seeding import Seeded
            text = "\n".join(lines[:target] + [lines[target] + extra] + lines[target + 1:])
            return Seeded("dated", text, frozenset({target + 1}), frozenset({"CIT2"}))
        return inject

    clean = [(policy, "\n".join(lines))]
    (info,) = evaluate(clean, {"dated": dated(" An updated 1951 guideline was published.<sup>[1]</sup>")})
    assert (info.injected, info.found, info.found_at_info_only) == (1, 1, 1)
    (none,) = evaluate(clean, {"dated": dated(" Nothing else changed.")})
    assert (none.found, none.found_at_info_only) == (0, 0)


def test_the_suite_prints_both_tables():
    text = markdown(run(n_policies=1, n_references=30, bundled_draws=1))
    assert text.count("| **all** |") == 2
    assert "| two citations swapped | 1 |" in text
