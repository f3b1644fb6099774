"""Corrected covered area (Pieper et al. 2014): the formula, the bands, and a hand check on the policy."""
import pytest

from kb.evidence.overlap import (band, corrected_covered_area, overlap_by_topic, overlapping_reviews, pairwise,
                                 reviews_with_inclusions, trials_included_by)


def test_formula_on_a_small_matrix():
    # Three reviews: A {1,2,3}, B {2,3,4}, C {3,5}. N = 3+3+2 = 8 inclusions, r = 5 studies, c = 3.
    # CCA = (8 - 5) / (5*3 - 5) = 3 / 10.
    o = corrected_covered_area({1: {"s1", "s2", "s3"}, 2: {"s2", "s3", "s4"}, 3: {"s3", "s5"}})
    assert (o.inclusions, o.studies, len(o.reviews)) == (8, 5, 3)
    assert o.cca == pytest.approx(0.3) and o.band == "very high"
    assert o.shared == ("s2", "s3")


def test_identical_and_disjoint_reviews():
    assert corrected_covered_area({1: {"a", "b"}, 2: {"a", "b"}}).cca == 1.0
    assert corrected_covered_area({1: {"a"}, 2: {"b"}}).cca == 0.0


def test_cca_needs_two_reviews_and_a_study():
    assert corrected_covered_area({1: {"a", "b"}}).cca is None
    assert corrected_covered_area({}).cca is None
    assert corrected_covered_area({1: set(), 2: set()}).cca is None


@pytest.mark.parametrize("value, expected", [(0.0, "slight"), (0.049, "slight"), (0.05, "moderate"),
                                             (0.099, "moderate"), (0.10, "high"), (0.15, "high"),
                                             (0.151, "very high"), (None, None)])
def test_reading_bands(value, expected):
    assert band(value) == expected


def test_pairwise_lists_every_pair():
    pairs = pairwise({1: {"a"}, 2: {"a", "b"}, 3: {"c"}})
    assert [o.reviews for o in pairs] == [(1, 2), (1, 3), (2, 3)]
    assert [o.cca for o in pairs] == [pytest.approx(1 / 2), 0.0, 0.0]  # (3-2)/(4-2); (2-2)/(4-2)


def test_bundled_overlap_checked_by_hand(bundled_kb):
    g = bundled_kb.graph
    known = reviews_with_inclusions(g)
    # What the policy (and includes.csv) says each review pooled:
    #   [3]  Xie 2017: "the two sham-controlled trials" (line 134)        -> Buchbinder, Kallmes
    #   [4]  Cochrane 2015: Buchbinder [5] and Kallmes [6] (line 136)      -> Buchbinder, Kallmes
    #   [7]  Staples 2011: the two sham-controlled trials (line 138)       -> Buchbinder, Kallmes
    #   [61] Zhang 2014: four RCTs [5, 16, 59, 60] (line 262)              -> Buchbinder, VERTOS II, Blasco, Rousing
    #   [64] AAOS 2010: five RCTs [5, 6, 65-67] (line 276)                 -> Buchbinder, Kallmes, Rousing, VERTOS,
    #                                                                         Diamond
    assert known == {3: {"buchbinder-2009", "kallmes-2009"}, 4: {"buchbinder-2009", "kallmes-2009"},
                     7: {"buchbinder-2009", "kallmes-2009"},
                     61: {"buchbinder-2009", "vertos-ii", "blasco-andaluz-2012", "rousing-2009"},
                     64: {"buchbinder-2009", "kallmes-2009", "rousing-2009", "vertos", "diamond-2006"}}
    # By hand: N = 2 + 2 + 2 + 4 + 5 = 15; r = 7 (Buchbinder, Kallmes, VERTOS II, Blasco, Rousing, VERTOS,
    # Diamond); c = 5. CCA = (15 - 7) / (7*5 - 7) = 8 / 28 = 0.2857: very high (> 15%).
    overall = corrected_covered_area(known)
    assert (overall.inclusions, overall.studies, len(overall.reviews)) == (15, 7, 5)
    assert overall.cca == pytest.approx(8 / 28) and overall.band == "very high"
    # [61] vs [64]: N = 4 + 5 = 9, r = 7, c = 2: (9 - 7) / (14 - 7) = 2/7. They share Buchbinder and Rousing:
    # Rousing only shows once its two papers ([60] 2010, [65] 2009) are one study.
    pair = next(o for o in pairwise(known) if o.reviews == (61, 64))
    assert pair.cca == pytest.approx(2 / 7) and pair.shared == ("buchbinder-2009", "rousing-2009")
    assert (61, 64, ("buchbinder-2009", "rousing-2009")) in overlapping_reviews(g)
    assert trials_included_by(g, 4) == {"buchbinder-2009", "kallmes-2009"}


def test_bundled_overlap_by_topic(bundled_kb):
    topics = overlap_by_topic(bundled_kb.graph)
    reviews, vp = topics["percutaneous-vertebroplasty"]
    # Vertebroplasty reviews cited at lines 128-142: [1] [2] [3] [4] [7] [8]; only [3] [4] [7] name their
    # trials, and all three name the same two: N = 6, r = 2, c = 3, CCA = (6 - 2) / (6 - 2) = 100%.
    assert reviews == [1, 2, 3, 4, 7, 8]
    assert vp.reviews == (3, 4, 7) and vp.cca == 1.0
    # Kyphoplasty reviews (lines 186-200) never name the studies they pooled: CCA cannot be computed.
    reviews, kp = topics["balloon-kyphoplasty"]
    assert reviews == [18, 19, 20, 21, 23] and kp.reviews == () and kp.cca is None
