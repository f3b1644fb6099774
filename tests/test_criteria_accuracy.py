"""scripts/criteria_accuracy.py: a document's criteria read against its hand label, right and wrong."""
from __future__ import annotations

from kbdev.criteria_accuracy import measure, read_labels, summary

POLICY = """# Ablation

## Coverage Policy

Catheter ablation is considered medically necessary for ANY of the following:

- typical atrial flutter

Cardio-neuroablation is considered experimental for any indication.

## References

1. Smith A. A trial. N Engl J Med. 2020;1:1-2.
"""
LABELS = """# file, has_criteria, top_statements, categories, first_words, note
file\thas_criteria\ttop_statements\tcategories\tfirst_words\tnote
policy.md\tyes\t2\tmedically necessary;experimental\tCatheter ablation is considered\t
wrong.md\tyes\t3\tmedically necessary;not medically necessary;cosmetic\tSomething else entirely\t
unlisted.md\tyes\t2\tmedically necessary;experimental\tCatheter ablation is considered\t
"""


def test_a_document_read_as_labelled_and_one_read_otherwise(tmp_path):
    (tmp_path / "policy.md").write_text(POLICY)
    (tmp_path / "wrong.md").write_text(POLICY)
    (tmp_path / "criteria.tsv").write_text(LABELS)
    (tmp_path / "unlisted.md").write_text(POLICY.split("## References")[0])
    right, wrong, unlisted = [measure(tmp_path, label) for label in read_labels(tmp_path)]
    # a policy printing no reference list, which kb import refuses, is read all the same
    assert (unlisted.error, unlisted.top, unlisted.categories_right) == (None, 2, 2)
    assert (right.top, right.categories_right, right.first_right) == (2, 2, True)
    assert (wrong.top, wrong.categories_right, wrong.first_right) == (2, 1, False)
    line = summary([right, wrong])
    assert "top statements counted exactly 1/2" in line and "categories right 3/5" in line
    assert "first statement right 1/2" in line and "criteria missed 0" in line
