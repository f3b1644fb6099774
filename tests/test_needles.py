"""kb.needles: a pattern's literal needles rule a search out only when it would find nothing."""
import random
import re

import pytest

from kb.estimates.vocabulary import OUTCOMES, TREATMENTS
from kb.needles import may_match, needles, needles_of


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?i)(?<!without )\b(?:sham|placebo)\b", 0, (("placebo", True), ("sham", True))),
    (r"(?i:kyphoplasty)|\bKP\b", 0, (("KP", False), ("kyphoplasty", True))),
    (r"recurren\w*|relapse", re.I, (("curren", True), ("lapse", True))),  # the shared 're' is too short
    (r"(?x) ab  c", 0, (("abc", False),)),
    (r"non-?operative", 0, (("operative", False),)),
])
def test_needles_are_the_literals_every_match_holds(pattern, flags, expected):
    assert needles(pattern, flags) == expected


@pytest.mark.parametrize("pattern", [r"a[bc]d", r"(?:abc)?x", r"abc|\w+", r"(a)\1", r"\d+"])
def test_no_needles_when_a_match_can_do_without_any_literal(pattern):
    assert needles(pattern) is None
    assert may_match("anything", needles(pattern))


@pytest.mark.parametrize("text", ["the \u017fham arm", "SHAM", "a \u212aiva device", "I\u0307", "Sham-controlled"])
def test_case_folding_that_lower_misses_still_searches(text):
    for pattern in (r"(?i)sham", r"(?i)kiva", r"(?i)i"):
        if re.search(pattern, text):
            assert may_match(text, needles(pattern))


def test_a_skipped_search_never_had_a_match():
    """Every vocabulary pattern on random texts built from its own needles' pieces and look-alikes."""
    rng = random.Random(7)
    pieces = ["sham", "Placebo", "KP", "kp", "BKP", "vertebro", "plasty", "ODI", "oswestry", "non-operative",
              "usual care", "CT", "\u017f", "\u212a", "I\u0307", "\u0131", " ", " ", "-", "(", "[1]", "pain", "VAS"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for _name, rx in TREATMENTS + OUTCOMES:
            if rx.search(text):
                assert may_match(text, needles_of(rx), []), (rx.pattern, text)


def _gated_patterns():
    """Every pattern of the reading and checking modules built with ``gated=True``."""
    import importlib

    from kb.patterns import LazyPattern

    found = []
    for name in ("kb.estimates.counts", "kb.estimates.trials", "kb.estimates.extract", "kb.estimates.vocabulary",
                 "kb.evidence.bootstrap", "kb.evidence.extract", "kb.sources.claims"):
        for value in vars(importlib.import_module(name)).values():
            for item in value if isinstance(value, tuple) else (value,):  # a module's tuple of forms, too
                if isinstance(item, LazyPattern) and item.gated:
                    found.append(item)
    return found


def test_a_gated_pattern_answers_as_the_pattern_itself():
    """The needle test before a gated pattern changes no answer: random texts from the needles' pieces."""
    gated = _gated_patterns()
    assert len(gated) >= 14
    rng = random.Random(11)
    pieces = ["five", "12", "3", " ", " ", "studies", "Studies", "RCTs", "rcts", "trials", "TRIAL", "case series",
              "completed", "follow-up", "assessed", "subgroup", "of whom", "three-arm", "four groups", "level ",
              "randomized controlled trials", "were", "patients", "guidelines", "\u017f", "\u212a", "I\u0307", ",",
              "(", "[1]", ".", "In 2010", ", Smith", "by Klazen", " in 2010", "A 2016 RCT", " by Yang", "the FREE",
              " trial", "sham", "Placebo", " versus ", "vs.", "compared with", "no significant difference",
              "significantly", "superior", "reduced", "not ", "non-"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for rx in gated:
            plain = re.compile(rx.pattern, rx.flags)
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in plain.finditer(text)], (rx, text)
            assert rx.findall(text) == plain.findall(text)
            for method in ("search", "match", "fullmatch"):
                got, want = getattr(rx, method)(text), getattr(plain, method)(text)
                assert (got and got.span()) == (want and want.span()), (rx, method, text)


def test_a_gated_pattern_has_its_needles_tested_first_and_only_when_it_has_some():
    from kb.patterns import lazy

    rx = lazy(r"\bsham\b", re.I, gated=True)
    assert rx.search("a SHAM arm").group(0) == "SHAM"
    assert rx.search("placebo only") is None and list(rx.finditer("x")) == [] and rx.findall("x") == []
    assert getattr(rx.search, "__self__", None) is None  # the test in front, not the compiled pattern's method
    assert lazy(r"a[bc]d", gated=True).search.__self__.pattern == "a[bc]d"  # no needles: nothing in front
