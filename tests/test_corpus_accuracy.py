"""The corpus accuracy script's core: comparison with the XML's ground truth, on small cases and the fixtures."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from kb.importers.jats import EntryFacts, GroundTruth, TruthMarker
from kb.read.model import CitationMarker, ReferenceEntry
from kbdev.corpus_accuracy import (ArticleResult, author_right, compare_entries, compare_markers, corpus_files,
                                   held_out_files, measure, summary, table)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "jats"


class _Doc:
    def __init__(self, markers=(), references=()):
        self.markers, self.references = list(markers), list(references)


def _marker(line, *numbers):
    return CitationMarker("[x]", "x", numbers, line, 1, "s", None)


def test_markers_compared_as_line_number_pairs():
    truth = GroundTruth((TruthMarker(3, (1, 2, 3), "[1]\u2013[3]", True), TruthMarker(5, (4,), "[4]", True),
                         TruthMarker(6, (2,), "Smith 2001", False)), ())
    assert compare_markers(truth, _Doc([_marker(3, 1, 3), _marker(5, 4), _marker(9, 7)])) == (4, 4, 3)
    assert compare_markers(truth, _Doc()) == (4, 0, 0)


def test_entries_need_both_author_and_year():
    truth = GroundTruth((), (EntryFacts(1, "Smith", False, 2009), EntryFacts(2, "Skj\u00f8t", False, 2002),
                             EntryFacts(3, "World Health Organization", True, 2011), EntryFacts(4, None, False, None),
                             EntryFacts(5, "Lee", False, 2010)))
    read = [ReferenceEntry(1, "", 1, surnames=("Smith",), year=2009),
            ReferenceEntry(2, "", 2, surnames=("SKJ\u00d8T",), year=2002),
            ReferenceEntry(3, "", 3, organisation="World Health Organization", year=2011),
            ReferenceEntry(5, "", 5, surnames=("Lee",), year=2001)]
    assert compare_entries(truth, _Doc(references=read)) == (5, 4, 4, 3)
    assert not author_right(EntryFacts(1, "Smith", False, 2009), ReferenceEntry(1, "", 1, surnames=("Smyth",)))


def test_held_out_articles_are_never_listed(tmp_path):
    for name in ("journal.pmed.1000001.xml", "journal.pone.0000001.xml", "notes.txt"):
        (tmp_path / name).write_text("<article/>")
    assert [p.name for p in corpus_files(tmp_path)] == ["journal.pone.0000001.xml"]


def test_measure_on_fixtures(tmp_path):
    for name in ("journal.pntd.0000149.xml", "journal.pcbi.0030158.xml"):
        shutil.copy(DATA / name, tmp_path / name)
    results = [measure(p, draws=0) for p in corpus_files(tmp_path)]
    skipped, done = results
    assert skipped.skipped and "no reference list" in skipped.skipped
    assert done.skipped is None and done.entries_true == 32 and done.marker_pairs_true > 0
    assert 0 < done.marker_pairs_right <= min(done.marker_pairs_true, done.marker_pairs_read)
    assert 0 < done.entries_right <= done.entries_known <= 32
    text = table(results) + summary(results)
    assert "| journal.pcbi.0030158.xml | skipped:" in text and "1 articles measured, 1 skipped, 0 crashed" in text


def test_summary_counts_findings_per_article():
    class F:
        pass
    results = [ArticleResult("a", findings=(F(), F())), ArticleResult("b"), ArticleResult("c", skipped="x")]
    assert "error+warning findings 2 (1.00 per article)" in summary(results)


def test_a_crash_is_a_row_not_the_end_of_the_run(tmp_path, monkeypatch):
    import kbdev.corpus_accuracy as ca

    def broken(path, **options):
        raise ValueError("boom")
    monkeypatch.setattr(ca, "measure", broken)
    result = ca.measure_safely(tmp_path / "journal.pone.1.xml", draws=0)
    assert result.crash == "ValueError: boom"
    assert "CRASHED: ValueError: boom" in table([result]) and "1 crashed" in summary([result])


def test_text_injectors_skip_lists_too_short_to_edit():
    import random

    from kbdev.seeding.citations_text import TextPolicy
    from kbdev.seeding.suite import text_injectors
    text = (DATA / "journal.pone.0046041.xml").read_bytes()
    from kb.importers.jats import convert
    one = convert(text, "x").markdown.split("## References")[0] + "## References\n\n1. Smith A. A trial. Lancet. 2001;1:1-2.\n"
    for inject in text_injectors().values():
        inject(TextPolicy(0, one), random.Random(0))  # no exception: None or a seeded text


def test_defect_table_sums_over_articles():
    results = [ArticleResult("a", seeded_by_defect=(("swap", 1, 1, 1), ("shift", 1, 0, 0))),
               ArticleResult("b", seeded_by_defect=(("swap", 1, 0, 0),))]
    from kbdev.corpus_accuracy import defect_table
    assert "| swap | 1 / 2 | 1 |" in defect_table(results) and "| shift | 0 / 1 | 0 |" in defect_table(results)


def test_the_acceptance_run_measures_held_out_articles_only_when_asked(tmp_path):
    for name in ("journal.pmed.1000001.xml", "journal.pone.0000001.xml"):
        (tmp_path / name).write_text("<article/>")
    assert [p.name for p in corpus_files(tmp_path, held_out=True)] == ["journal.pmed.1000001.xml",
                                                                      "journal.pone.0000001.xml"]
    assert [p.name for p in held_out_files(tmp_path)] == ["journal.pmed.1000001.xml"]


def _script(*args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "corpus_accuracy.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=600)


def test_a_folder_of_held_out_articles_says_how_to_measure_them(tmp_path):
    shutil.copy(DATA / "journal.pntd.0000149.xml", tmp_path / "journal.pmed.0000149.xml")
    refused = _script(tmp_path, "--draws", "0")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip() == (f"{tmp_path}: its 1 .xml files are PLOS Medicine articles, held out for "
                                      "acceptance; add --held-out to measure them")
    measured = _script(tmp_path, "--draws", "0", "--held-out")
    assert measured.returncode == 0, measured.stderr
    assert "| journal.pmed.0000149.xml |" in measured.stdout and "1 articles measured" in measured.stdout
