"""EVD checks: a positive and a clean fixture each, then facts about the bundled policy."""
import pytest

from evidence_helpers import POLICY, full, line_of, load
from kb.checks import run_checks


def findings(kb, code):
    return [f for r in run_checks(kb, select=[code]) for f in r.findings]


RCT_LINE = "Brown (2016) reported a randomized trial"


def with_sentence(sentence: str) -> str:
    """The tiny policy with one more paragraph after Brown's."""
    return POLICY.replace("Green (2019) reported", f"{sentence}\n\nGreen (2019) reported")


# ---- EVD101 criterion without evidence --------------------------------------------------

def test_evd101_flags_an_unmapped_criterion(tmp_path):
    kb = load(full(tmp_path, statement_sections="statement,section\nI,widgetplasty\n", supports=None))
    found = findings(kb, "EVD101")
    assert [(f.line, f.severity) for f in found] == [(line_of(POLICY, "- II."), "warning")]
    assert "criterion II has no supporting evidence path" in found[0].message


def test_evd101_reports_only_the_topmost_bare_criterion(tmp_path):
    kb = load(full(tmp_path, statement_sections="statement,section\nII,other-uses\n",
                   supports="statement,evidence,stance\nI.B,8,agrees\n"))
    found = findings(kb, "EVD101")
    assert [f.message for f in found] == ["criterion I has no supporting evidence path (nor do 1 of its items)"]


def test_evd101_one_info_when_nothing_is_mapped(tmp_path):
    kb = load(full(tmp_path, statement_sections=None, supports=None))
    found = findings(kb, "EVD101")
    assert len(found) == 1 and found[0].severity == "info" and "statement_sections.csv" in found[0].message


def test_evd101_clean(tmp_path):
    assert findings(load(full(tmp_path)), "EVD101") == []


# ---- EVD102 stale evidence ---------------------------------------------------------------

def test_evd102_flags_old_evidence(tmp_path):
    found = findings(load(full(tmp_path)), "EVD102")
    # II rests on [5-7], 2004-2006; effective January 2026 minus 10 years: 2016.
    assert [(f.line, f.citations) for f in found] == [(line_of(POLICY, "- II."), (7,))]
    assert "newest supporting evidence is from 2006, before 2016" in found[0].message


def test_evd102_the_cutoff_year_itself_is_recent(tmp_path):
    kb = load(full(tmp_path, supports="statement,evidence,stance\nII,3,\n",
                   statement_sections="statement,section\nI,widgetplasty\n"))
    assert findings(kb, "EVD102") == []  # II rests on Brown (2016) only


def test_evd102_age_comes_from_provenance(tmp_path):
    path = full(tmp_path)
    (tmp_path / "provenance.yaml").write_text("effective_date: 2026-01-01\nevidence_max_age_years: 4\n")
    found = findings(load(path), "EVD102")
    # Cut-off 2022: I and I.B rest on 2021 at the newest, II on 2006.
    assert {f.message.split(":")[0] for f in found} == {"criterion I", "criterion I.B", "criterion II"}


def test_evd102_silent_without_an_effective_date(tmp_path):
    text = POLICY.replace("**Effective:** January 1, 2026", "")
    assert findings(load(full(tmp_path, text)), "EVD102") == []


def test_evd102_undated_evidence(tmp_path):
    text = POLICY.replace("Clinical practice guideline for widgetplasty. *J Widget*. 2021;1(1):1-9. PMID: 88888888",
                          "Clinical practice guideline for widgetplasty. [cited 5/11/2026]. 'Available from:' "
                          "<https://example.org/sws>.")
    found = findings(load(full(tmp_path, text)), "EVD102")
    undated = [f for f in found if "undated" in f.message]
    assert [(f.line, f.citations) for f in undated] == [(line_of(text, "  - B."), (8,))]


# ---- EVD103 range-only references ---------------------------------------------------------

def test_evd103_flags_range_only_undiscussed_references(tmp_path):
    found = findings(load(full(tmp_path)), "EVD103")
    # [5-7]: Black [5] is named in the next sentence; White [6] and Gray [7] are not.
    assert [(f.line, f.citations, f.severity) for f in found] == [(line_of(POLICY, "<sup>[5-7]"), (6, 7), "info")]
    assert found[0].message.startswith("2 of the 3 references in [5-7]")


def test_evd103_clean_when_cited_individually(tmp_path):
    text = POLICY.replace("<sup>[5-7]</sup>", "<sup>[5, 6, 7]</sup>")
    assert findings(load(full(tmp_path, text)), "EVD103") == []


# ---- EVD104 the same trial counted twice ---------------------------------------------------

def test_evd104_flags_two_reports_of_one_trial_in_a_count(tmp_path):
    text = with_sentence("Three RCTs supported widgetplasty.<sup>[2-4]</sup>")
    found = findings(load(full(tmp_path, text)), "EVD104")
    assert [(f.line, f.citations) for f in found] == [(line_of(text, "Three RCTs"), (2, 4))]
    assert "'Three RCTs' cites [2] and [4], reports of one study (WIDGET)" in found[0].message


def test_evd104_clean(tmp_path):
    text = with_sentence("Two RCTs supported widgetplasty.<sup>[2, 3]</sup>")
    assert findings(load(full(tmp_path, text)), "EVD104") == []


def test_evd104_needs_studies_csv_to_know(tmp_path):
    text = with_sentence("Three RCTs supported widgetplasty.<sup>[2-4]</sup>")
    assert findings(load(full(tmp_path, text, studies=None)), "EVD104") == []


# ---- the bundled policy ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled(bundled_kb):
    out = {}
    for r in run_checks(bundled_kb, select=["EVD"]):
        for f in r.findings:
            out.setdefault(f.code, []).append(f)
    return out


def test_bundled_every_criterion_has_an_evidence_path(bundled):
    assert "EVD101" not in bundled


def test_bundled_stale_criteria(bundled):
    # I.A.1 / I.A.2 (line 38, 39): AAOS 2010 [64] and the undated NICE TA279 [74];
    # I.A.4 (46): guidelines of 2014 [69, 71, 72] and [74]; III (68): [33] 2014, [34] 2015, [74];
    # I.A.5.d (54): only NICE CG75 [75], which has no year. Effective 2026-10-01, limit 10 years.
    got = [(f.line, f.citations, "only on undated" in f.message) for f in bundled["EVD102"]]
    assert got == [(38, (64,), False), (39, (64,), False), (46, (69, 71, 72), False), (54, (75,), True),
                   (68, (34,), False)]


def test_bundled_range_only_references(bundled):
    got = [(f.line, f.citations) for f in bundled["EVD103"]]
    # [35-54] at line 250: all but Zhao [54], whom line 196 names; [65-67] at line 276: Rousing, Voormolen
    # and Diamond are never named.
    assert got == [(250, tuple(range(35, 54))), (276, (65, 66, 67))]


def test_bundled_no_trial_counted_twice(bundled):
    # Stated counts with markers: lines 136 ([5], [6]), 146 ([4, 6]), 262 ([5, 16, 59, 60]) and 276
    # ([5, 6, 65-67]) each cite distinct trials (Rousing's two papers are never cited together).
    assert "EVD104" not in bundled


# ---- the effective date and the age setting ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [("2026-10-01", (2026, 10)), ("2027-04", (2027, 4)),
                                            ("October 1, 2026", (2026, 10)), ("April 2027", (2027, 4)),
                                            ("2025", (2025, 1)), ("sometime in 2025", None), ("2026-13", None), ("soon", None), (None, None)])
def test_parse_date(text, expected):
    from kb.evidence.dates import parse_date

    assert parse_date(text) == expected


def test_a_bad_age_setting_is_an_input_error_naming_itself(tmp_path, capsys):
    from kb.cli import main
    from kb.errors import KbError

    path = full(tmp_path)
    (tmp_path / "provenance.yaml").write_text("effective_date: 2026-01-01\nevidence_max_age_years: ten\n")
    with pytest.raises(KbError, match="evidence_max_age_years must be a whole number of years, not 'ten'"):
        run_checks(load(path), select=["EVD102"])
    assert main(["check", str(path)]) == 2  # bad input, not a crashed rule
    assert f"{tmp_path / 'provenance.yaml'}: evidence_max_age_years" in capsys.readouterr().err
