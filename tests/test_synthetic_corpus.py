"""The synthetic library: realistic policies that share some trials, reproducibly."""
from kb.knowledge.corpus import load_corpus
from kbdev.seeding import findings_of
from kbdev.synthetic.corpus import write_corpus


def test_a_corpus_of_policies_that_share_trials(tmp_path):
    paths = write_corpus(tmp_path, n_policies=4, n_references=40, seed=1)
    assert [p.parent.name for p in paths] == ["policy-0001", "policy-0002", "policy-0003", "policy-0004"]
    corpus = load_corpus(paths)
    assert [len(kb.references) for kb in corpus.policies] == [40] * 4
    shared = corpus.shared()
    assert shared, "the policies share no paper"
    assert all(len({c.policy for c in citing}) >= 2 for citing in shared.values())


def test_same_seed_same_library(tmp_path):
    a = [p.read_bytes() for p in write_corpus(tmp_path / "a", 3, 30, seed=5)]
    b = [p.read_bytes() for p in write_corpus(tmp_path / "b", 3, 30, seed=5)]
    c = [p.read_bytes() for p in write_corpus(tmp_path / "c", 3, 30, seed=6)]
    assert a == b and a != c


def test_shared_trials_leave_the_policies_clean_of_citation_errors(tmp_path):
    for path in write_corpus(tmp_path, n_policies=3, n_references=60, seed=2, shared=6):
        findings = findings_of(path.read_text(encoding="utf-8"))
        assert [f for f in findings if f.severity == "error" or f.code.startswith("CIT")] == []
