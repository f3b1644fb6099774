"""The Evidence Inference measurement's core (kbdev/evidence_accuracy.py) on a made-up corpus folder: prompts
kept and dropped, the draw, span matching by text, and each score."""
from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace

from kbdev.evidence_accuracy import (Prompt, Source, excluded_pmcids, has_interval, load_prompts, match_row, orient,
                                     run, score_prompt)
from kbdev.evidence_accuracy_report import counts, summary, table

ARTICLE = """<?xml version="1.0"?>
<article><front><journal-meta><journal-title-group><journal-title>Trials of Made-up Medicine</journal-title>
</journal-title-group></journal-meta><article-meta><title-group><article-title>{title}</article-title></title-group>
</article-meta></front><body><sec><title>Results</title>
<p>Fewer participants had a cold in the zincovir group than in the placebo group (OR 0.50, 95% CI 0.30 to 0.80)
<xref ref-type="bibr" rid="r1">1</xref>.</p>
<p>Sore throat did not differ (MD 0.2; 95% CI -0.4 to 0.8) <xref ref-type="bibr" rid="r1">1</xref>.</p></sec></body>
<back><ref-list><ref id="r1"><mixed-citation><person-group><name><surname>Roe</surname><given-names>A</given-names>
</name></person-group>. <article-title>A trial</article-title>. <source>J Med</source>. <year>2020</year>;
<volume>1</volume>:<fpage>1</fpage>.</mixed-citation></ref></ref-list></back></article>"""
FIELDS = ["UserID", "PromptID", "PMCID", "Valid Label", "Valid Reasoning", "Label", "Annotations", "Label Code"]


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "ei" / "annotations"
    (folder / "xml_files").mkdir(parents=True)
    for pmcid, title in (("101", "Zincovir versus placebo for colds"), ("102", "Another zincovir trial")):
        (folder / "xml_files" / f"PMC{pmcid}.nxml").write_text(ARTICLE.format(title=title), encoding="utf-8")
    with (folder / "prompts_merged.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["PromptID", "PMCID", "Outcome", "Intervention", "Comparator"])
        w.writerows([[1, 101, "colds", "zincovir 10 mg", "placebo"], [2, 101, "sore throat", "zincovir", "placebo"],
                     [3, 101, "colds", "zincovir", "placebo"], [911, 101, "colds", "zincovir", "placebo"],
                     [4, 102, "colds", "zincovir", "placebo"], [5, 101, "colds", "zincovir", "placebo"]])
    span1 = ("Fewer participants had a cold in the zincovir group than in the placebo group (OR 0.50, "
             "95% CI 0.30 to 0.80)")
    with (folder / "v2_annotations.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, FIELDS)
        w.writeheader()
        rows = [(1, 101, "significantly decreased", span1), (2, 101, "no significant difference",
                "Sore throat did not differ (MD 0.2; 95% CI -0.4 to\n0.8)"),
                (3, 101, "significantly decreased", "Fewer participants had a cold (p = 0.01)"),  # no interval
                (911, 101, "significantly decreased", span1),  # listed as incorrect in the corpus README
                (4, 102, "significantly decreased", span1),
                (5, 101, "significantly decreased", span1), (5, 101, "no significant difference", span1)]  # disagree
        for pid, pmcid, label, span in rows:
            w.writerow({"UserID": 0, "PromptID": pid, "PMCID": pmcid, "Valid Label": "True",
                        "Valid Reasoning": "True", "Label": label, "Annotations": span, "Label Code": 0})
    return tmp_path / "ei"


def test_prompts_kept_are_valid_agreed_and_hold_an_interval(tmp_path):
    prompts = load_prompts(Source(_corpus(tmp_path)))
    assert sorted((p.pmcid, p.id, p.label) for ps in prompts.values() for p in ps) == [
        ("101", 1, -1), ("101", 2, 0), ("102", 4, -1)]


def test_intervals_are_told_from_other_numbers():
    assert has_interval("(OR 0.50, 95% CI 0.30 to 0.80)") and has_interval("HR 0.8 (95% C.I. 0.6-0.9)")
    assert not has_interval("Fewer had a cold (p = 0.01), 12 of 40 versus 20 of 41")


def test_earlier_corpus_files_are_excluded(tmp_path):
    (tmp_path / "corpusX").mkdir()
    (tmp_path / "corpusX" / "PMC102.xml").write_text("<article/>")
    (tmp_path / "corpusX" / "SOURCES.md").write_text("| PMC7.xml | J | | annotations/xml_files/PMC7.nxml |\n")
    assert excluded_pmcids([tmp_path / "corpusX"]) == {"102", "7"}


def test_a_run_scores_read_significance_direction_and_outcome(tmp_path):
    results = run(Source(_corpus(tmp_path)), limit=5, seed=0, exclude={"102"})
    assert [r.pmcid for r in results] == ["101"]
    c = counts(results)
    assert (c["prompts"], c["read"], c["sig_right"], c["sig_judged"], c["dir_right"], c["dir_wrong"]) == (
        2, 2, 2, 2, 1, 0)
    assert "2 prompts with an interval" in summary(results) and "| PMC101 |" in table(results)


def _row(estimate, low, high, measure="OR", comparison="", quote="", outcome=""):
    """A row as kb estimates gives it, its numbers as printed ("0.50")."""
    null = {"OR": 1.0, "HR": 1.0, "RR": 1.0, "MD": 0.0}.get(measure)
    number = lambda t: float(t) if t else float("nan")  # noqa: E731
    return SimpleNamespace(estimate_text=estimate, ci_low_text=low, ci_high_text=high, estimate=number(estimate),
                           ci_low=number(low), ci_high=number(high), measure=measure, null=null,
                           comparison=comparison, quote=quote, outcome=outcome, line=1)


def _prompt(label=-1, outcome="colds", intervention="zincovir", comparator="placebo", span="(OR 0.50, 95% CI 0.30 "
            "to 0.80)"):
    return Prompt(1, "1", outcome, intervention, comparator, label, (span,))


def test_the_row_for_the_prompts_time_point_is_chosen():
    span = ("Colds were fewer at 12 months (OR 0.50, 95% CI 0.30 to 0.80) but not at 6 months "
            "(OR 0.90, 95% CI 0.70 to 1.10)")
    rows = [_row("0.50", "0.30", "0.80", quote=span), _row("0.90", "0.70", "1.10", quote=span)]
    assert match_row(rows, (span,), "colds at 6 months") is rows[1]
    assert match_row(rows, (span,), "colds at 12 months") is rows[0]
    assert match_row([_row("", "0.30", "0.80")], (span,), "colds") is None  # an interval without its estimate


def test_amounts_match_without_their_currency_signs():
    # kb reads '-\u00a31410' as -1410; the span keeps its signs
    span = "There were no differences in costs (\u00a395, 95% CI -\u00a31410 to \u00a31599)."
    row = _row("95", "-1410", "1599", quote=span)
    assert match_row([row], (span,), "costs") is row
    assert match_row([_row("95", "-1411", "1599", quote=span)], (span,), "costs") is None


def test_direction_is_oriented_or_left_unknown():
    p = _prompt()
    assert orient(_row("0.50", "0.30", "0.80", comparison="zincovir vs sham"), p) == (-1, "")
    assert orient(_row("0.50", "0.30", "0.80", comparison="sham vs zincovir"), p) == (1, "")
    assert orient(_row("0.50", "0.30", "0.80"), p)[0] is None  # no comparison read: unknown, not guessed
    assert orient(_row("0.50", "0.30", "0.80", comparison="group A vs group B"),
                  _prompt(intervention="Group B: two doses", comparator="Group A: one dose")) == (1, "")
    # a hazard ratio below 1 on a survival outcome: survival increased
    hr = _row("0.50", "0.30", "0.80", "HR", "zincovir vs sham")
    assert orient(hr, _prompt(outcome="overall survival")) == (1, "")


def test_significance_wrong_when_the_interval_disagrees_with_the_label():
    s = score_prompt([_row("0.50", "0.30", "0.80", quote="x")], _prompt(label=0))
    assert (s.read, s.significance, s.direction) == (True, "wrong", "n/a")
    s = score_prompt([_row("0.50", "0.30", "0.80", "", quote="x")], _prompt())
    assert s.significance == "no null"


def test_bare_interval_is_a_named_measure_with_a_bracketed_pair_and_no_interval_words():
    from kbdev.evidence_accuracy import has_bare_interval

    assert has_bare_interval("the odds were higher (OR 2.1 (1.3-3.4); p = 0.01)")
    assert not has_bare_interval("the odds were higher (OR 2.1, 95% CI 1.3-3.4)")  # the usual sample's evidence
    assert not has_bare_interval("ages ranged widely (18-65) in both groups")  # no measure named
