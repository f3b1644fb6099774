"""Richer synthetic policies (varied names, count claims, dense citations) still read back exactly."""
import pytest

from kb.read.parse_policy import parse_policy
from kbdev.synthetic import Cite, generate, render


@pytest.mark.parametrize("seed", range(4))
def test_every_marker_of_an_enriched_policy_is_read_back(seed):
    policy = generate(seed, 60, variety=True, markers_per_reference=2.5)
    doc = parse_policy(render(policy).text, "synthetic.md")
    expected = [tuple(policy.number_of(k) for k in part.keys)
                for s in policy.sentences() for part in s.parts if isinstance(part, Cite)]
    assert [m.numbers for m in doc.markers] == expected
    assert len(doc.markers) == pytest.approx(2.5 * 60, abs=2)


def test_enrichment_keeps_the_numbering_and_the_base_policy():
    base, rich = generate(4, 50), generate(4, 50, variety=True)
    assert [r.key for r in rich.references] == [r.key for r in base.references]
    assert generate(4, 50) == base  # the options leave the default policy alone


def test_varied_forms_appear():
    text = render(generate(2, 80, variety=True)).text
    for form in ("et al.", " [20", "'s ", "A 20", "reported by ", " and ", "The ACR also"):
        assert form in text


def test_thousands_of_references_keep_first_author_and_year_unique():
    policy = generate(1, 2000)
    named = [(r.surnames[0], r.year) for r in policy.references if r.surnames]
    assert len(named) == len(set(named)) and len(policy.references) == 2000
