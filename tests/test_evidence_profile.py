"""Evidence profiles and the graph queries, on the tiny policy and on the bundled one."""
import pytest

from evidence_helpers import full, load
from kb.evidence.profile import profile_of, profiles
from kb.evidence.queries import (evidence_for, reports_of, reviews_including, statements_resting_on,
                                 studies_for)


@pytest.fixture
def tiny(tmp_path):
    return load(full(tmp_path))


def test_tiny_profile_of_criterion_I(tiny):
    p = profile_of(tiny, "I")
    # Cited in the widgetplasty sections: [1] review, [2] [3] [4] trials; linked: [8] guideline.
    assert p.references == (1, 2, 3, 4, 8) and p.inherited_from is None
    assert dict(p.references_by_kind) == {"randomized-trial": (2, 3, 4), "systematic-review": (1,),
                                          "guideline": (8,)}
    # [2] and [4] report one trial; the review [1] pools WIDGET and Brown again; Green is described uncited.
    assert p.studies == ("brown-2016", "green-2019", "widget")
    assert (p.randomized_trials, p.sham_controlled_trials) == (3, 1)
    assert p.randomized_patients == 100 + 60 and p.patients_unknown == ("green-2019",)
    assert (p.newest_year, p.median_year) == (2021, 2018)  # years 2015 2016 2018 2020 2021
    assert p.guidelines == (8,) and p.guidelines_disagreeing == ()


def test_items_inherit_unless_they_have_their_own(tiny):
    assert profile_of(tiny, "I.A").inherited_from == "I"
    assert profile_of(tiny, "I.A").studies == profile_of(tiny, "I").studies
    own = profile_of(tiny, "I.B")
    assert own.inherited_from is None and own.references == (8,) and own.studies == ()


def test_as_dict_matches_the_json_contract(tiny):
    d = profile_of(tiny, "II").as_dict()
    for key, kind in {"id": str, "text": str, "references": list, "studies": list, "randomized_trials": int,
                      "sham_controlled_trials": int, "randomized_patients": int, "newest_year": int,
                      "guidelines": list}.items():
        assert isinstance(d[key], kind), key
    assert d["references"] == [5, 6, 7] and d["studies"] == ["black-2004", "gray-2006", "white-2005"]


def test_profiles_are_frozen(tiny):
    p = profile_of(tiny, "I")
    with pytest.raises(AttributeError):
        p.randomized_trials = 0


def test_tiny_queries(tiny):
    g = tiny.graph
    assert evidence_for(g, "I.A") == ["ref:1", "ref:2", "ref:3", "ref:4", "ref:8", "study:green-2019"]
    assert reports_of(g, "widget") == [2, 4]
    assert reviews_including(g, "widget") == [1] and reviews_including(g, "green-2019") == []
    assert statements_resting_on(g, 4) == ["I", "I.A"]  # I.A inherits; I.B has its own
    assert statements_resting_on(g, 5) == ["II"]


def test_a_reference_can_carry_a_statement_through_a_review(tmp_path):
    # [2] cited nowhere in II's section, but the review [1] linked to II pools WIDGET, which [2] reports.
    kb = load(full(tmp_path, supports="statement,evidence,stance\nII,1,\n"))
    assert "II" in statements_resting_on(kb.graph, 4)


def assert_graph_agrees_with_index(kb):
    for st in kb.doc.statements:
        p = profile_of(kb, st.id)
        nodes = evidence_for(kb.graph, st.id)
        assert sorted(int(n[4:]) for n in nodes if n.startswith("ref:")) == list(p.references), st.id
        assert sorted(studies_for(kb.graph, st.id)) == list(p.studies), st.id


def test_graph_queries_agree_with_profiles(tiny, bundled_kb):
    assert_graph_agrees_with_index(tiny)
    assert_graph_agrees_with_index(bundled_kb)


# ---- the bundled policy: facts read off the text and the reviewed tables ----------------

def test_every_bundled_criterion_has_a_profile(bundled_kb):
    found = profiles(bundled_kb)
    assert len(found) == 26 and all(p.has_evidence for p in found)
    own = {p.id for p in found if not p.inherited_from}
    assert own == {"I", "I.A.1", "I.A.2", "I.A.4", "I.A.5", "I.A.5.d", "I.A.5.f", "I.B", "II", "III"}
    assert profile_of(bundled_kb, "I.A").inherited_from == "I"
    assert profile_of(bundled_kb, "I.A.5.k").inherited_from == "I.A.5"


def test_bundled_criterion_I(bundled_kb):
    p = profile_of(bundled_kb, "I")
    # Sham-controlled: Buchbinder 2009 and Kallmes 2009 (line 136), VERTOS IV (150), VAPOUR (152).
    assert p.sham_controlled_trials == 4
    # Buchbinder 2009 [5] and Kroon 2014 [11] are one trial; FREE has three papers; Rousing two.
    assert {5, 11, 25, 26, 27, 60, 65} <= set(p.references)
    assert {"buchbinder-2009", "free", "rousing-2009"} <= set(p.studies)
    assert p.randomized_trials == 19
    # Sizes from the text (studies.csv): 78+131+180+120+400+135+89+82+202+290+89+300+134+300+180+152
    assert p.randomized_patients == 2862
    assert p.patients_unknown == ("blasco-andaluz-2012", "rousing-2009", "vertos")
    assert p.newest_year == 2025  # Fuguo (2025) [24]
    assert p.guidelines == (68, 69, 70, 71, 72, 74, 75, 76) and p.guidelines_disagreeing == (64,)


def test_bundled_criteria_II_and_III(bundled_kb):
    two = profile_of(bundled_kb, "II")
    assert set(range(35, 56)) <= set(two.references) and 14 in two.references
    assert two.randomized_trials == 1 and two.studies.count("chen-2014") == 1  # Chen: chronic fractures
    assert two.guidelines == ()  # line 338: no practice guidelines recommend these
    three = profile_of(bundled_kb, "III")
    assert three.references == (33, 34, 74) and three.studies == () and three.newest_year == 2015


def test_bundled_queries(bundled_kb):
    g = bundled_kb.graph
    assert reports_of(g, "free") == [25, 26, 27]
    assert reports_of(g, "buchbinder-2009") == [5, 11]
    # Zhang 2014 [61] names [60] (line 262), AAOS [64] names [65] (line 276): both are the Rousing trial.
    assert reviews_including(g, "rousing-2009") == [61, 64]
    assert reviews_including(g, "buchbinder-2009") == [3, 4, 7, 61, 64]
    assert statements_resting_on(g, 40) == ["II"]  # a sacroplasty report
    assert "III" in statements_resting_on(g, 34) and "I" not in statements_resting_on(g, 34)
