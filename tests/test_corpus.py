"""A corpus of policies: a paper cited by several policies is one node."""
import re

import pytest

from kb.knowledge.corpus import corpus_graph, load_corpus, paper_node, policy_name
from kb.errors import KbError
from kbdev.synthetic import generate, render

SHARED_PMID = "19657121"  # Buchbinder 2009, reference 5 of the bundled policy


@pytest.fixture
def two_policies(tmp_path, bundled_path):
    """The bundled policy and a synthetic one whose first entry is the same paper as bundled reference 5."""
    text = render(generate(11, n_references=30)).text
    bundled_refs = bundled_path.read_text(encoding="utf-8").split("### REFERENCES")[1]
    bundled_entry = re.search(r"(?m)^5\. (.*)$", bundled_refs).group(1)
    head, refs = text.split("### REFERENCES")
    refs = re.sub(r"(?m)^1\. .*$", lambda m: "1. " + bundled_entry, refs, count=1)
    text = head + "### REFERENCES" + refs
    folder = tmp_path / "synthetic-policy"
    folder.mkdir()
    (folder / "policy.md").write_text(text, encoding="utf-8")
    return load_corpus([bundled_path, folder / "policy.md"])


def test_policies_are_named_by_their_folder(two_policies):
    assert [policy_name(kb) for kb in two_policies.policies] == ["regence-surgery-107", "synthetic-policy"]


def test_the_shared_paper_is_one_paper_cited_by_both(two_policies):
    shared = two_policies.shared()
    assert list(shared) == [f"pmid:{SHARED_PMID}"]
    assert [(c.policy, c.number) for c in shared[f"pmid:{SHARED_PMID}"]] == [
        ("regence-surgery-107", 5), ("synthetic-policy", 1)]
    assert two_policies.policies_citing(f"pmid:{SHARED_PMID}") == ["regence-surgery-107", "synthetic-policy"]


def test_corpus_graph_has_one_node_per_paper(two_policies):
    g = corpus_graph(two_policies)
    node = paper_node(f"pmid:{SHARED_PMID}")
    assert g.nodes[node]["policies"] == 2
    assert sorted(u for u, _ in g.in_edges(node)) == ["policy:regence-surgery-107", "policy:synthetic-policy"]
    papers = [n for n, d in g.nodes(data=True) if d["kind"] == "paper"]
    assert len(papers) == 76 + 30 - 1


def test_two_policies_with_one_name_are_an_input_error(tmp_path, bundled_path):
    for parent in ("a", "b"):
        folder = tmp_path / parent / "same"
        folder.mkdir(parents=True)
        (folder / "policy.md").write_text(bundled_path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(KbError, match="both called 'same'"):
        load_corpus([tmp_path / "a/same/policy.md", tmp_path / "b/same/policy.md"])
