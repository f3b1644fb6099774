"""The real-PDF measurement's own parts: the labels file it reads, and the findings it prints to be classified."""
from __future__ import annotations

from pathlib import Path

from kbdev.pdf_accuracy import Label, PdfResult, finding_lines, read_labels, summary


def test_labels_are_read_with_their_markers_and_an_empty_year(tmp_path: Path):
    (tmp_path / "labels.tsv").write_text(
        "# a comment line\nfile\tentries\tstyle\tfirst_author\tfirst_year\tmarkers\tnote\n"
        "a.pdf\t12\tnumbered\tSmith\t2009\t1:2:work;3:10:trial\t\n"
        "b.pdf\t15\tnumbered\tBangladesh\t\t\tentry 1 has no year\n", encoding="utf-8")
    labels = read_labels(tmp_path / "labels.tsv")
    assert labels["a.pdf"].markers == ((1, 2, "work"), (3, 10, "trial")) and labels["a.pdf"].first_year == 2009
    assert labels["b.pdf"].first_year is None and labels["b.pdf"].markers == ()


def test_each_finding_is_printed_with_its_file_and_a_refusal_prints_none():
    label = Label("a.pdf", 3, "numbered", "Smith", 2009, ())
    imported = PdfResult("a.pdf", entries_read=3, findings=2, label=label,
                         finding_lines=("12: CIT101 [error] marker [4] cites reference 4", "30: REF111 [warning] x"))
    refused = PdfResult("b.pdf", refused="no reference list was found",
                        label=Label("b.pdf", 2, "numbered", "", None, ()))
    assert finding_lines([imported, refused]) == ("a.pdf:12: CIT101 [error] marker [4] cites reference 4\n"
                                                  "a.pdf:30: REF111 [warning] x\n")
    assert "error+warning findings 2" in summary([imported, refused])
