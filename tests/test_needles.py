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
