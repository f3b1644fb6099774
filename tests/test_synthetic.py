"""The synthetic policy generator: reproducible, and read back exactly by the parser.

Tests and benchmarks lean on these policies, so the parser must see in them
what the generator put there: every entry's first author and year, every
marker's numbers, every criterion id.
"""
import pytest

from kb.read.parse_policy import parse_policy
from kbdev.synthetic import Cite, Name, generate, render, with_sentence


@pytest.mark.parametrize("seed", range(12))
def test_parser_reads_back_what_was_generated(seed):
    policy = generate(seed, n_references=60)
    rendered = render(policy)
    doc = parse_policy(rendered.text, "synthetic.md")
    assert [e.number for e in doc.references] == list(range(1, len(policy.references) + 1))
    for spec, entry in zip(policy.references, doc.references):
        assert entry.line == rendered.entry_lines[spec.key]
        if spec.surnames:
            assert (entry.first_author, entry.year) == (spec.surnames[0], spec.year)
        else:
            assert entry.organisation and spec.organisation.startswith(entry.organisation.split(" (")[0])
    assert [s.id for s in doc.statements] == [sid for sid, _ in policy.criteria]
    printed = [m.numbers for m in doc.markers]
    expected = [tuple(policy.number_of(k) for k in part.keys)
                for s in policy.sentences() for part in s.parts if isinstance(part, Cite)]
    assert printed == expected


def test_same_seed_same_text_and_different_seeds_differ():
    assert render(generate(7)).text == render(generate(7)).text
    assert render(generate(7)).text != render(generate(8)).text


def test_every_entry_is_cited_and_named_sources_are_unique():
    policy = generate(3, n_references=120)
    cited = {k for s in policy.sentences() for p in s.parts if isinstance(p, Cite) for k in p.keys}
    assert cited == {r.key for r in policy.references}
    named = [(r.surnames[0], r.year) for r in policy.references if r.surnames]
    assert len(named) == len(set(named))


def test_size_follows_the_request():
    assert len(generate(0, n_references=500).references) == 500


def test_a_sentence_can_be_changed_and_its_line_is_known():
    policy = generate(5)
    target = next(s for s in policy.sentences() if isinstance(s.parts[0], Name) and s.parts[0].form != "org")
    wrong = (Name(target.parts[0].key, target.parts[0].form, year=1900),) + target.parts[1:]
    rendered = render(with_sentence(policy, target.sid, wrong))
    line = rendered.text.splitlines()[rendered.sentence_lines[target.sid] - 1]
    assert "1900" in line


def test_seeding_scores_a_found_defect_and_a_missed_one(monkeypatch):
    """The scoring itself, with a stand-in check: found at its line counts, elsewhere is a false alarm."""
    import kbdev.seeding as seeding
    from kb.read.model import Finding
    from kbdev.synthetic import render

    def fake_findings(text, path="seeded.md"):
        return [Finding("TST001", "error", i, "marked") for i, line in enumerate(text.splitlines(), 1)
                if "MARK" in line]

    monkeypatch.setattr(seeding, "findings_of", fake_findings)
    policy = generate(2)
    rendered = render(policy)
    lines = rendered.text.splitlines()

    def hit(p, rng):
        at = rendered.sentence_lines["s1"]
        text = "\n".join(l + " MARK" if i == at else l for i, l in enumerate(lines, 1))
        return seeding.Seeded("hit", text, frozenset({at}), frozenset({"TST"}))

    def miss(p, rng):
        text = "\n".join(l + " MARK" if i == 3 else l for i, l in enumerate(lines, 1))
        return seeding.Seeded("miss", text, frozenset({rendered.sentence_lines["s1"]}), frozenset({"TST"}))

    scores = {s.defect: s for s in seeding.evaluate([(policy, rendered.text)], {"hit": hit, "miss": miss})}
    assert (scores["hit"].injected, scores["hit"].found, scores["hit"].false_alarms) == (1, 1, 0)
    assert (scores["miss"].injected, scores["miss"].found, scores["miss"].false_alarms) == (1, 0, 1)
    assert "| **all** | 2 | 1 | 50% | 1 |" in seeding.table(list(scores.values()))


@pytest.mark.parametrize("seed", range(6))
def test_every_entry_is_a_distinct_paper(seed):
    from kb.diff.identity import identity

    doc = parse_policy(render(generate(seed, n_references=90)).text, "synthetic.md")
    keys = [identity(e) for e in doc.references]
    assert len(keys) == len(set(keys))
