"""The page families as pure functions: knowledge base and findings in, page texts out.

Synthetic policies (kbdev.synthetic) give the structure; findings and evidence
profiles are made here, so each section is seen both present and absent.
Facts about the bundled policy were read in its text.
"""
import posixpath
import re

import markdown
import pytest

from kb.checks import finding, rule
from kb.knowledge.base import build_knowledge_base
from kb.site.pages import ForestPlot, Site, gather, nav_paths, navigation, render_pages, source_date_epoch
from kb.site.pages import links
from kb.site.pages.worklist import stale_criteria, thin_criteria
from kb.read.parse_policy import parse_policy
from kbdev.synthetic import generate, render


def synthetic_kb(seed=3, n=40):
    return build_knowledge_base(parse_policy(render(generate(seed, n_references=n)).text, "synthetic.md"))


@rule("TST101", "test-entry-flag", "warning")
def flag_first_entry(kb):
    """Flags the first reference entry (a rule made for these tests).

    What: the first entry of the list.
    Why: so that a finding sits on a reference's own line.
    Example:
        1. Smith AB. A trial. *J*. 2020;1:2-3. <sup>[1]</sup>
    Fix: nothing; it is a test.
    """
    first = min(kb.references)
    yield finding(flag_first_entry, kb.references[first].line, "first <b>entry</b> [x](javascript:alert(1))",
                  citations=(first,), suggestion="none needed")


@rule("TST102", "test-marker-flag", "error")
def flag_first_marker(kb):
    """Flags the first citation marker."""
    m = kb.doc.markers[0]
    yield finding(flag_first_marker, m.line, "first marker", column=m.column, citations=m.numbers[:1])


@rule("TST103", "test-crash", "info")
def crashes(kb):
    """Always crashes."""
    raise RuntimeError("boom")


def site_with_findings(kb, **extra):
    rules = (flag_first_entry, flag_first_marker, crashes)
    from kb.checks import run_checks
    return Site(kb=kb, results=tuple(run_checks(kb, rules=rules)), rules=rules, **extra)


@pytest.fixture(scope="module")
def kb():
    return synthetic_kb()


@pytest.fixture(scope="module")
def pages(kb):
    return render_pages(site_with_findings(kb))


def test_every_reference_and_criterion_has_a_page_and_a_bibtex_file(kb, pages):
    for n in kb.references:
        assert links.reference_path(n) in pages
        assert pages[links.reference_bib_path(n)].lstrip().startswith("@")
    for st in kb.doc.statements:
        assert f"# Criterion {st.id}" in pages[links.criterion_path(st.id)]
    for path in (links.HOME, links.POLICY, links.CRITERIA, links.REFERENCES, links.REPORT, links.RULES,
                 links.WORKLIST, links.CODES, links.DOWNLOADS):
        assert path in pages


def test_policy_text_anchors_every_shown_line_and_every_marker(kb, pages):
    text = pages[links.POLICY]
    for i, line in enumerate(kb.doc.lines, 1):
        assert (f"#L{i} " in text) == bool(line.strip()), i
    for m in kb.doc.markers:
        assert f'id="{links.marker_anchor(m.line, m.column)}"' in text


def test_each_citation_number_links_to_its_reference(kb, pages):
    text = pages[links.POLICY]
    m = kb.doc.markers[0]
    anchor = links.marker_anchor(m.line, m.column)
    marker_html = re.search(rf'<sup id="{anchor}" class="kb-cite">(.*?)</sup>', text).group(1)
    for n in dict.fromkeys(m.numbers):
        if str(n) in m.inner.split("-")[0] or not m.in_range:
            assert f"[{n}](references/{n}.md)" in marker_html


def test_reference_page_quotes_every_citing_sentence_and_links_back_to_the_marker(kb, pages):
    n = next(n for n, ms in kb.markers_by_number.items() if len(ms) >= 2)
    page = pages[links.reference_path(n)]
    for m in kb.markers_by_number[n]:
        assert f"(../policy.md#{links.marker_anchor(m.line, m.column)})" in page
        sentence = kb.sentence_of(m).text
        assert sentence.split()[0] in page
    assert f"[Download this reference as BibTeX]({n}.bib)" in page
    assert f"Cited {len(kb.markers_by_number[n])} times" in page


def test_findings_are_marked_in_the_text_and_listed_on_report_reference_and_rule_pages(kb, pages):
    first = min(kb.references)
    entry_line = kb.references[first].line
    text = pages[links.POLICY]
    assert re.search(rf"\[\u2691 TST101\]\(report/index.md#f-tst101-{entry_line}-0\)"
                     r'\{\.kb-badge \.kb-warning title="TST101: first bentry/b x\(javascript:alert\(1\)\)"\}', text)
    assert f"{{: #L{entry_line} .kb-line .kb-flag-warning }}" in text
    m = kb.doc.markers[0]  # TST102 flags this marker's column: its flag follows the marker itself
    assert re.search(rf'<sup id="m{m.line}-{m.column}" class="kb-cite">[^\n]*?</sup> \[\u2691 TST102\]', text)
    report = pages[links.REPORT]
    assert f'<span id="f-tst101-{entry_line}-0"></span>' in report
    assert "## Errors (1) {: #error }" in report and "## Warnings (1) {: #warning }" in report
    assert "TST103 crashed" in report and "RuntimeError: boom" in report
    assert "in the report" in pages[links.reference_path(first)]
    assert "## On this policy" in pages[links.rule_path("TST101")]


def test_hostile_finding_text_is_escaped(pages):
    report = pages[links.REPORT]
    assert "<b>" not in report and "](javascript:" not in report
    for path in (links.REPORT, links.POLICY):
        html = markdown.markdown(pages[path], extensions=["tables", "attr_list", "admonition"])
        assert "<b>" not in html and 'href="javascript' not in html
        assert set(re.findall(r" ([a-z-]+)=\"", html)) <= {"id", "class", "href", "title"}


def test_rule_page_is_written_from_the_docstring_with_its_example_literal(pages):
    page = pages[links.rule_path("TST101")]
    assert "## What" in page and "## Why" in page and "## Example" in page and "## Fix" in page
    assert "\n    1. Smith AB. A trial. *J*. 2020;1:2-3. <sup>[1]</sup>" in page  # indented: shown literally
    html = markdown.markdown(page, extensions=["tables", "attr_list", "admonition"])
    assert "<sup>" not in html and "&lt;sup&gt;[1]&lt;/sup&gt;" in html


def test_criterion_page_shows_outline_and_findings_on_its_lines(kb):
    st = next(s for s in kb.doc.statements if s.parent and any(c.parent == s.id for c in kb.doc.statements))

    @rule("TST201", "on-criterion", "info")
    def on_criterion(kb_):
        """Flags the criterion's line."""
        yield finding(on_criterion, st.line, "criterion flagged")

    from kb.checks import run_checks
    site = Site(kb=kb, results=tuple(run_checks(kb, rules=(on_criterion,))), rules=(on_criterion,))
    page = render_pages(site)[links.criterion_path(st.id)]
    assert f"Part of [{st.parent}]" in page and "Its parts:" in page
    assert "criterion flagged" in page
    assert "## Evidence" not in page and "## Forest plots" not in page


def test_evidence_and_forest_sections_appear_only_when_given(kb):
    sid = kb.doc.statements[0].id
    profile = {"id": sid, "text": "", "references": [1, 2, 999], "studies": ["free", {"id": "s2", "label": "VERTOS <II>"}],
               "randomized_trials": 2, "sham_controlled_trials": 1, "randomized_patients": 380,
               "newest_year": 2018, "guidelines": [3]}
    plots = [ForestPlot("forest/pain.svg", "Pain at 1 month <script>", "forest/pain.md"),
             ForestPlot("https://evil.example/x.png", "remote"), ForestPlot("../../etc/passwd", "escape")]
    site = Site(kb=kb, profiles={sid: profile}, forest={sid: plots})
    page = render_pages(site)[links.criterion_path(sid)]
    assert "## Evidence" in page and "| Randomized patients | 380 |" in page
    assert "[1](../../references/1.md)" in page and "not in the reference list" in page
    assert "VERTOS &#60;II&#62;" in page
    assert "![Pain at 1 month script](../../forest/pain.svg)" in page
    assert "evil.example" not in page and "passwd" not in page
    other = render_pages(site)[links.criterion_path(kb.doc.statements[1].id)]
    assert "## Evidence" not in other


def test_worklist_stale_and_thin_criteria_from_profiles():
    profiles = {"I": {"references": [1], "randomized_trials": 2, "newest_year": 2010},
                "I.A": {"references": [1], "randomized_trials": 2, "newest_year": 2010, "inherited_from": "I"},
                "II": {"references": [], "studies": [], "newest_year": None},
                "III": {"references": [4], "randomized_trials": 0, "newest_year": 2024},
                "IV": {"references": [7], "randomized_trials": 1, "newest_year": None},
                "V": {"references": [8], "randomized_trials": 1, "newest_year": 2016}}
    # EVD102's rule: evidence of its own, newest year before the cut-off (a year on it is recent), or all undated.
    assert stale_criteria(profiles, 2016) == [("I", 2010), ("IV", None)]
    assert stale_criteria(profiles, None) == [] and stale_criteria(None, 2016) == []
    assert thin_criteria(profiles) == [("II", "no supporting evidence"), ("III", "no randomized trial")]


def test_worklist_evidence_sections_render_only_with_profiles(kb):
    plain_page = render_pages(Site(kb=kb))[links.WORKLIST]
    assert "## Criteria with thin" not in plain_page and "## Evidence older than" not in plain_page
    sid = kb.doc.statements[0].id
    page = render_pages(Site(kb=kb, profiles={sid: {"references": [], "newest_year": None}}, age_limit=10,
                             recent_from=2016))[links.WORKLIST]
    assert "## Evidence older than 10 years" in page and "## Criteria with thin or no support" in page
    assert f"[{sid}](criteria/" in page


def test_ahead_of_print_entries_on_the_worklist():
    policy = generate(11, n_references=80)
    kb = build_knowledge_base(parse_policy(render(policy).text, "s.md"))
    expected = {i for i, r in enumerate(policy.references, 1) if r.journal and r.volume is None}
    assert expected, "the generator makes some ahead-of-print entries"
    assert {n for n, e in kb.references.items() if e.ahead_of_print} == expected
    page = render_pages(Site(kb=kb))[links.WORKLIST]
    for n in expected:
        assert f"[{n}](references/{n}.md)" in page.split("## Ahead-of-print")[1].split("## Guidelines")[0]


def test_navigation_lists_section_indexes_and_nests_criteria(kb):
    nav = navigation(Site(kb=kb), ["how-to-read.md"])
    titles = [next(iter(item)) for item in nav]
    assert titles[:3] == ["Home", "Policy text", "Criteria"] and titles[-1] == "About this site"
    big = navigation(Site(kb=synthetic_kb(n=230)))
    # A reference list of any length is one entry: its index (every reference page would otherwise draw the list).
    assert {"References": links.REFERENCES} in big and {"Check codes": links.RULES} in big
    assert [p for p in nav_paths(big) if p.startswith("references/")] == [links.REFERENCES]
    criteria = next(item["Criteria"] for item in nav if "Criteria" in item)
    top = criteria[1]
    assert isinstance(next(iter(top.values())), list)  # "I" has parts: a section whose index is its page


def reachable(pages: dict, start) -> set:
    """Pages reached from ``start`` by following the pages' own Markdown links, transitively."""
    seen, todo = set(start), list(start)
    while todo:
        page = todo.pop()
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[^)\s]*)?\)", pages[page]):
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            if path in pages and path not in seen:
                seen.add(path)
                todo.append(path)
    return seen


def test_every_page_left_out_of_the_navigation_is_reached_by_links(bundled_kb):
    site = gather(bundled_kb, "")
    pages = {path: text for path, text in render_pages(site).items() if path.endswith(".md")}
    listed = nav_paths(navigation(site))
    assert len(listed) < len(pages) / 3  # references, studies and check codes are reached from their index
    assert reachable(pages, listed) == set(pages)
    blank = {path: "# Index\n" for path in (links.REFERENCES, links.STUDIES, links.RULES)}
    lost = set(pages) - reachable(dict(pages, **blank), listed)  # the check can fail: without the indexes
    assert {p.split("/")[0] for p in lost} == {"rules"}, lost  # codes without findings are linked from there only


def test_every_nav_path_is_a_generated_page(kb):
    pages = render_pages(Site(kb=kb))

    def paths(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for v in node.values():
                yield from paths(v)
        else:
            for v in node:
                yield from paths(v)

    assert set(paths(navigation(Site(kb=kb)))) <= set(pages)


def test_source_date_comes_from_the_policy_not_the_clock(bundled_kb, kb):
    assert source_date_epoch(bundled_kb) == 1777593600  # last review 2026-05 -> 2026-05-01T00:00Z
    assert source_date_epoch(kb) == 1767225600  # no last review; effective January 1, 2026


def test_bundled_policy_facts_on_its_pages(bundled_kb):
    pages = render_pages(gather(bundled_kb))
    # Entries 27, 31, 57 and 59 give a year and a PMID but no volume or pages (read in the list).
    ahead = pages[links.WORKLIST].split("## Ahead-of-print")[1].split("## Guidelines")[0]
    assert re.findall(r"\[(\d+)\]\(references/", ahead) == ["27", "31", "57", "59"]
    # AAOS 2010 is the oldest dated guideline: 17 years old at the April 2027 review.
    guidelines = pages[links.WORKLIST].split("## Guidelines")[1]
    assert re.search(r"\| \[64\]\(references/64.md\) \|.*\| 2010 \| 17 \|", guidelines)
    # Required documentation names "criteria I.A.5. a-i" (line 81).
    assert "[line 81](../../../../policy.md#L81)" in pages[links.criterion_path("I.A.5")]
    # Buchbinder 2009 (ref 5) is cited at lines 136, 156, 262 and 276.
    ref5 = pages[links.reference_path(5)]
    assert re.findall(r"\[line (\d+)\]\(\.\./policy\.md#m", ref5) == ["136", "156", "262", "276"]
    assert "[19657121](https://pubmed.ncbi.nlm.nih.gov/19657121/)" in ref5
    # The codes table lists 13 codes, the first CPT 22510.
    rows = [l for l in pages[links.CODES].splitlines() if l.startswith("| ") and "**" in l]
    assert len(rows) == 13 and rows[0].startswith("| CPT | **22510** |")


def test_each_reference_bibtex_is_its_entry_from_the_whole_list(bundled_kb):
    from kb.outputs.bibtex import bibtex_by_number, to_bibtex

    whole = to_bibtex(bundled_kb)
    single = bibtex_by_number(bundled_kb)
    assert set(single) == set(bundled_kb.references)
    for number, text in single.items():
        assert text.count("@") == 1 and text.strip() in whole, number


def test_the_downloaded_list_is_to_bibtex_joined_from_the_single_entries(bundled_kb, tmp_path):
    from hostile import hostile_policy
    from kb.knowledge.base import load_knowledge_base
    from kb.outputs.bibtex import to_bibtex
    from kb.site.pages.downloads import whole_bibtex

    hostile = load_knowledge_base(hostile_policy(tmp_path))
    for kb in (bundled_kb, synthetic_kb(3, n=60), synthetic_kb(8, n=60), hostile):
        assert whole_bibtex(Site(kb=kb)) == to_bibtex(kb)
