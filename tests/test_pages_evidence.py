"""The evidence pages as pure functions: studies, forest plots, evidence map, and their place on other pages.

The criterion -> forest-plot rule is specified on small hand-made figures;
facts about the bundled policy were read in its text and curated tables
(studies.csv, includes.csv, statement_sections.csv, supports.csv).
"""
import re
from types import SimpleNamespace

import markdown
import pytest

from kb.evidence.records import Study
from kb.site.pages import ForestFigure, Site, gather, render_pages
from kb.site.pages import links
from kb.site.pages.forest import plots_for_criteria

from test_pages import synthetic_kb


def estimate(eid, *citations):
    return SimpleNamespace(id=eid, citations=citations)


def figure(slug, overview, *estimates):
    return ForestFigure(slug=slug, title=slug, subtitle="", question="q", outcome="o", overview=overview,
                        estimates=estimates, rows=())


class TestCriterionToForestRule:
    pain = figure("pain", False, estimate("a", 3), estimate("b", 16))
    leak = figure("leak", False, estimate("c", 57), estimate("d", 57))
    overview = figure("all", True, estimate("a", 3), estimate("b", 16), estimate("e", 16))

    def test_a_figure_bears_on_a_criterion_when_it_plots_an_estimate_of_a_supporting_reference(self):
        found = plots_for_criteria({"I": {"references": [16, 99]}, "II": {"references": [57]},
                                    "III": {"references": [1]}, "IV": {}}, [self.pain, self.leak])
        assert {sid: [(p.page, p.via) for p in plots] for sid, plots in found.items()} == {
            "I": [("forest/pain.md", (16,))], "II": [("forest/leak.md", (57,))]}
        assert found["I"][0].image == "forest/pain.svg"

    def test_an_overview_is_added_only_for_estimates_no_shown_figure_plots(self):
        only_pain = plots_for_criteria({"I": {"references": [3]}}, [self.pain, self.overview])
        assert [p.page for p in only_pain["I"]] == ["forest/pain.md"]  # a is already in the pain figure
        both = plots_for_criteria({"I": {"references": [16]}}, [self.pain, self.overview])
        assert [p.page for p in both["I"]] == ["forest/pain.md", "forest/all.md"]  # e is only in the overview

    def test_an_overview_not_shown_on_a_criterion_page_still_bears_on_it(self):
        from kb.site.pages.forest import bearing

        related = bearing({"I": {"references": [3]}, "II": {"references": [57]}}, [self.pain, self.overview])
        assert related == {"pain": {"I": (3,)}, "all": {"I": (3,)}}  # one relation for both pages


@pytest.fixture(scope="module")
def bundled(bundled_kb):
    site = gather(bundled_kb)
    return site, render_pages(site)


def test_every_study_has_a_page_linked_from_the_index(bundled):
    site, pages = bundled
    index = pages[links.STUDIES]
    for sid in site.studies:
        assert links.study_path(sid) in pages
        assert f"]({sid}.md)" in index


def test_a_study_page_lists_its_reports_reviews_estimates_and_criteria(bundled):
    _, pages = bundled
    # Buchbinder 2009 is reported in [5] and [11] (line 156), pooled by [3] and [7] (includes.csv), by the
    # Cochrane review [4] (line 136 names it), by Zhang [61] (line 262) and by AAOS [64] (line 276).
    page = pages[links.study_path("buchbinder-2009")]
    reports = page.split("## Reports")[1].split("## Reviews")[0]
    assert re.findall(r"^- \[(\d+)\]", reports, re.M) == ["5", "11"] and "(here 2)" in page
    reviews = page.split("## Reviews and guidelines that include it")[1].split("## Criteria")[0]
    assert re.findall(r"^- \[(\d+)\]", reviews, re.M) == ["3", "4", "7", "61", "64"]
    assert "recorded by a reviewer in includes.csv" in reviews and "[line 262](../policy.md#L262)" in reviews
    # VERTOS II [16]: the two between-group differences in VAS at line 174, both in the pain forest plot.
    vertos = pages[links.study_path("vertos-ii")]
    table = vertos.split("## What it found")[1].split("### What the policy says")[0]
    assert table.count("[line 174](../policy.md#L174)") == 2
    assert table.count("(../forest/vertebroplasty-vs-conservative-care-pain.md)") == 2
    assert "| found |" in table and table.count("| favours ") == 2  # each interval excludes no difference
    said = vertos.split("### What the policy says about it")[1].split("## Reports")[0]
    assert "- [line 170](../policy.md#L170) (Randomized Controlled Trials without Sham Controls): \u201cVERTOS II" in said
    assert "supports" not in vertos.split("## Criteria")[1].split("\n")[0]
    assert "- [I.B](../criteria/I/B/index.md): Treatment of symptomatic osteoporotic" in vertos
    # Zhu 2022 [1] reports no clear difference on the VAS (MD 0.17; -0.39 to 0.73).
    zhu = pages[links.reference_path(1)].split("## What it found")[1]
    assert "no clear difference" in zhu.split("\n\n")[1].split("\n")[2]
    # SpineJack (Noriega 2019) is described at line 226 without a citation.
    assert "No paper in the reference list reports it" in pages[links.study_path("noriega-2019")]


def test_reference_pages_name_the_study_they_report_and_their_estimates(bundled):
    _, pages = bundled
    ref16 = pages[links.reference_path(16)]
    assert "- [VERTOS II](../studies/vertos-ii.md): randomized controlled trial, 202 patients randomized" in ref16
    assert ref16.count("[line 174](../policy.md#L174)") == 2
    ref26 = pages[links.reference_path(26)]  # Boonen 2011: the FREE trial's 24-month report (line 206)
    assert "[FREE](../studies/free.md)" in ref26
    assert "reports no result with an interval" in ref26 and "Criteria it supports" not in ref26
    ref64 = pages[links.reference_path(64)]  # AAOS rests on five trials [5, 6, 65-67] (line 276)
    included = ref64.split("## Studies it includes")[1].split("##")[0]
    assert len(re.findall(r"\]\(\.\./studies/", included)) == 5


def test_criterion_pages_show_evidence_and_the_forest_plots_of_their_references(bundled):
    _, pages = bundled
    ib = pages[links.criterion_path("I.B")]
    # I.B is mapped to the sham-controlled trials section and linked to [4, 7, 12, 13, 16, 72, 74] in supports.csv.
    assert "| Distinct studies | 7 |" in ib and "| of which sham-controlled | 4 |" in ib
    assert "[VERTOS II](../../../studies/vertos-ii.md)" in ib
    assert "(../../../forest/vertebroplasty-vs-conservative-care-pain.svg)" in ib  # VERTOS II [16] reports pain
    assert "Shown here because reference [16](../../../references/16.md), cited for this criterion" in ib
    inherited = pages[links.criterion_path("I.A.3.a")]
    assert "rests on the evidence of [I](../../../index.md)" in inherited
    assert ".svg)" not in inherited and "(../../../../../forest/vertebroplasty-vs-conservative-care-pain.md)" in inherited
    assert "## Forest plots" not in pages[links.criterion_path("II")]  # the sacroplasty series report no intervals


def test_forest_page_table_notes_and_criteria(bundled):
    site, pages = bundled
    new_fracture = pages[links.forest_path("vertebral-augmentation-vs-conservative-care-new-fracture")]
    assert new_fracture.startswith("---\nhide:\n  - toc\n---\n")
    # Sun 2020 [18] prints radiological fracture RR 0.91 (0.71 to 2.12): EST104 flags the lopsided interval.
    assert "## Notes on flagged estimates" in new_fracture and "EST104" in new_fracture
    assert "0&#46;91 (95% CI 0&#46;71 to 2&#46;12)" in new_fracture  # as printed, the digits encoded
    assert "- [I](../criteria/I/index.md)" in new_fracture
    # The overview holds the same rows as the per-outcome figures shown on I's page: it bears on I too.
    overview = pages[links.forest_path("vertebral-augmentation-vs-conservative-care-all-outcomes")]
    assert "No reference cited for a criterion" not in overview
    assert "- [I](../criteria/I/index.md)" in overview and "per-outcome figures" in overview
    index = pages[links.FOREST]
    assert len(re.findall(r"\]\([a-z0-9-]+\.md\)", index)) == len(site.figures) == 10


def test_worklist_stale_criteria_are_the_ones_evd102_reports(bundled):
    site, pages = bundled
    evd102 = {f.line for _, f in site.findings if f.code == "EVD102"}
    line_of = {st.id: st.line for st in site.kb.doc.statements}
    stale = pages[links.WORKLIST].split("## Evidence older than 10 years")[1].split("## Criteria with thin")[0]
    shown = re.findall(r"^\| \[([\w.]+)\]", stale, re.M)
    assert shown == ["I.A.1", "I.A.2", "I.A.4", "I.A.5.d", "III"]
    assert {line_of[s] for s in shown} == evd102
    guidelines = pages[links.WORKLIST].split("## Guidelines that may have newer versions")[1].split("##")[0]
    # NICE TA279 and CG75 have no year; AAOS and ASA/ASRA are from 2010; ACR 2014 [70] is 2017 and recent.
    assert re.findall(r"^\| \[(\d+)\]", guidelines, re.M)[:4] == ["74", "75", "64", "68"]
    assert "Within the limit: [70](references/70.md) (2017), [76](references/76.md) (2021)." in guidelines


def test_evidence_map_rows_and_overlap(bundled):
    site, pages = bundled
    page = pages[links.EVIDENCE_MAP]
    rows = re.findall(r"^\| \[([\w.]+)\]\(criteria/", page, re.M)
    assert rows == [st.id for st in site.kb.doc.statements]
    assert re.search(r"^\| \[I\.B\]\(criteria/I/B/index\.md\) [^|]+\| 11 \| RCT 7, SR 2, GL 2 \| 7 \| 7 \(4\) \| 1246 \| 2018 \|",
                     page, re.M)
    # Reviews with known inclusions: 3, 4, 7, 61 and 64; 15 inclusions of 7 trials, CCA = 8 / 28.
    assert "15 inclusions of 7 distinct studies by 5 reviews: CCA 29% (very high)" in page
    assert page.count("| [3](references/3.md) Xie (2017) | [4](references/4.md)") == 1


def test_downloads_have_the_estimates_and_the_evidence(bundled):
    site, pages = bundled
    assert pages["downloads/estimates.csv"].count("\n") == len(site.estimates) + 1
    assert '"id": "I.A.5.k"' in pages["downloads/evidence.json"]


def test_pages_without_evidence_inputs_leave_the_families_out():
    kb = synthetic_kb()
    pages = render_pages(Site(kb=kb))
    assert not any(p.startswith(("studies/", "forest/")) or p == links.EVIDENCE_MAP for p in pages)
    assert "estimates.csv" not in pages[links.DOWNLOADS]


def test_curated_study_text_is_escaped():
    kb = synthetic_kb()
    first = min(kb.references)
    hostile = Study(id="x", name="<script>alert(1)</script>", design="[t](javascript:alert(2))", randomized=True,
                    sham_controlled=False, n_randomized=None, comparison="<b>bold</b>", references=(first,),
                    notes="![i](http://e.x/i.png) | cell")
    site = Site(kb=kb, studies={"x": hostile}, estimates=(), profiles={})
    pages = render_pages(site)
    for path in (links.study_path("x"), links.STUDIES, links.reference_path(first)):
        html = markdown.markdown(pages[path], extensions=["tables", "attr_list"])
        assert "<script>" not in html and "<b>" not in html and 'href="javascript' not in html, path
        assert "<img" not in html, path


def test_a_guideline_that_disagrees_is_listed_once_on_a_criterion_page(bundled):
    _, pages = bundled
    crit = pages[links.criterion_path("I")]
    cited = crit.split("### References cited for it")[1].split("###")[0]
    against = crit.split("### Guidelines that disagree")[1].split("##")[0]
    assert "references/64.md" in against and "references/64.md" not in cited  # AAOS 2010
    assert "Supporting references" not in crit


def test_the_worklist_names_each_findings_own_problem(bundled):
    _, pages = bundled
    open_findings = pages[links.WORKLIST].split("## Open findings")[1].split("## Ahead-of-print")[0]
    assert "Zhao (2017) is cited as reference 22, which is Frey (2017)" in open_findings
    assert "Zhao (2017) is reference 54" in open_findings  # the suggested fix
    assert "Feng (2017)" in open_findings


def test_the_evidence_map_and_worklist_show_each_criterions_words(bundled):
    _, pages = bundled
    page = pages[links.EVIDENCE_MAP]
    assert re.search(r"^\| \[I\.B\]\(criteria/I/B/index\.md\) Treatment of symptomatic ", page, re.M)
    thin = pages[links.WORKLIST].split("## Criteria with thin or no support")[1]
    assert re.search(r"^\| \[III\]\(criteria/III/index\.md\) Percutaneous mechanical vertebral", thin, re.M)


def test_a_criterion_page_opens_with_what_was_found_and_how_sure(bundled):
    _, pages = bundled
    ib = pages[links.criterion_path("I.B")]
    assert ib.index("## What the evidence found") < ib.index("## Evidence\n") < ib.index("| Distinct studies |")
    found = ib.split("## What the evidence found")[1].split("### Why this certainty")[0]
    assert "- **For the criterion** (" in found and "[VERTOS II](../../../studies/vertos-ii.md)" in found
    assert "- **Against it** (" in found and "[Buchbinder (2009)](../../../studies/buchbinder-2009.md)" in found
    # VERTOS II's pain differences: favour vertebroplasty; open-label on a subjective outcome -> low, unconfirmed.
    row = next(line for line in found.splitlines() if line.startswith("| vertebroplasty vs conservative care | pain"))
    assert "| favours vertebroplasty | **low**\\* |" in row and "risk of bias \u22121" in row
    assert "Suggested by rules; confirm at review." in found
    why = ib.split("### Why this certainty")[1].split("##")[0]
    assert "risk of bias: a subjective outcome measured in open-label designs: VERTOS II" in why
    inherited = pages[links.criterion_path("I.A.3.a")]
    assert "what was found is on the page of [I](../../../index.md)" in inherited


def test_a_guideline_has_one_stance_on_a_criterion_page(bundled):
    _, pages = bundled
    found = pages[links.criterion_path("I")].split("## What the evidence found")[1].split("### Summary")[0]
    against = next(line for line in found.splitlines() if line.startswith("- **Against it**"))
    agree = next(line for line in found.splitlines() if line.startswith("- **For the criterion**"))
    assert "references/64.md" in against and "references/64.md" not in agree  # AAOS 2010


def test_study_and_reference_pages_say_where_they_stand_not_supports(bundled):
    _, pages = bundled
    buchbinder = pages[links.study_path("buchbinder-2009")]
    assert "supports" not in buchbinder
    line = next(s for s in buchbinder.splitlines() if s.startswith("- [I.B](../criteria/I/B/index.md)"))
    assert "\u2014 **against**" in line
    aaos = pages[links.reference_path(64)]
    line = next(s for s in aaos.splitlines() if s.startswith("- [I](../criteria/I/index.md)"))
    assert "\u2014 **against** (the guideline disagrees" in line
    # A title-only entry is named by whole words, never cut inside one.
    assert "Practice guidelines for chronic pain man (" not in pages[links.reference_path(68)]


def test_a_proposed_section_link_says_so_on_the_criterion_page(tmp_path):
    """Without statement_sections.csv the links are proposed from the text, and the page says so."""
    import shutil

    from kb.knowledge.base import load_knowledge_base
    from kb.paths import resolve_policy

    folder = tmp_path / "bare"
    folder.mkdir()
    shutil.copy(resolve_policy(None), folder / "policy.md")
    kb = load_knowledge_base(folder / "policy.md")
    pages = render_pages(gather(kb, figures="none"))
    page = pages[links.criterion_path("I")]
    assert "*proposed from the text*" in page and "confirm it at review" in page
    curated = render_pages(gather(load_knowledge_base(resolve_policy(None)), figures="none"))
    assert "proposed from the text" not in curated[links.criterion_path("I")]
