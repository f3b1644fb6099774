"""Papers are matched on all their keys (union-find over PMID, DOI, title with year), not on the strongest alone."""
import re

from kb.diff.identity import group_papers
from kb.knowledge.corpus import load_corpus
from kb.read.model import ReferenceEntry


def _entry(number, title="Vertebroplasty for fractures", year=2009, pmid=None, doi=None):
    return ReferenceEntry(number=number, raw=title, line=number, title=title, year=year, pmid=pmid, doi=doi)


def test_a_paper_with_and_without_its_pmid_is_one_paper():
    groups = group_papers([_entry(1, pmid="19657121"), _entry(2)])
    assert groups == [("pmid:19657121", (0, 1))]


def test_keys_join_through_a_chain():
    """PMID+DOI in one list, DOI+title in another, title alone in a third: one paper."""
    entries = [_entry(1, title="A", pmid="1", doi="10.1/x"), _entry(2, title="B", doi="10.1/x"), _entry(3, title="B")]
    assert group_papers(entries) == [("pmid:1", (0, 1, 2))]


def test_two_pmids_are_never_one_paper_whatever_the_title():
    entries = [_entry(1, title="Editorial", pmid="1"), _entry(2, title="Editorial", pmid="2"), _entry(3, title="Editorial")]
    groups = group_papers(entries)
    assert [g for _, g in groups] == [(0, 2), (1,)]


def test_the_corpus_joins_a_paper_printed_without_its_pmid(tmp_path, bundled_path):
    text = bundled_path.read_text(encoding="utf-8")
    head, refs = text.split("### REFERENCES")
    entry = re.search(r"(?m)^5\. (.*)$", refs).group(1)
    bare = re.sub(r"\s*PMID:?\s*\d+\.?", "", entry)
    assert bare != entry
    folder = tmp_path / "other-policy"
    folder.mkdir()
    (folder / "policy.md").write_text("# Other policy\n\n## Rationale\n\nSee [1].\n\n### REFERENCES\n\n1. " + bare + "\n",
                                      encoding="utf-8")
    corpus = load_corpus([bundled_path, folder / "policy.md"])
    shared = corpus.shared()
    assert [[(c.policy, c.number) for c in citing] for citing in shared.values()] == [
        [("regence-surgery-107", 5), ("other-policy", 1)]]
