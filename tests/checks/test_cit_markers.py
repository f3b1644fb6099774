"""CIT1xx: citation markers against the reference list.

Each rule: a policy that has the problem, and one that does not.
"""
import pytest

from .cit_fixtures import BODY_LINE, build, findings

from kb.read.markers import find_markers

TWO = ["zhao2017", "frey2017"]


def test_cit101_a_number_the_list_does_not_have_is_an_error():
    found = findings("Zhao (2017) compared three treatments.<sup>[3]</sup>", TWO, "CIT101")
    assert [(f.line, f.severity, f.citations) for f in found] == [(BODY_LINE, "error", (3,))]
    assert "the list ends at 2" in found[0].message
    assert found[0].column == len("Zhao (2017) compared three treatments.") + 1


def test_cit101_a_number_inside_a_range_counts_too():
    found = findings("Several case series.<sup>[1-3]</sup>", TWO, "CIT101")
    assert [f.citations for f in found] == [(3,)]


def test_cit101_clean_when_every_number_is_listed():
    assert findings("Two studies.<sup>[1, 2]</sup>", TWO, "CIT101") == []


def test_cit102_an_item_that_is_no_number_is_an_error():
    found = findings("Two studies.<sup>[1, 2a]</sup>", TWO, "CIT102")
    assert [(f.line, f.severity) for f in found] == [(BODY_LINE, "error")]
    assert "malformed item '2a'" in found[0].message


def test_cit102_clean_marker():
    assert findings("Two studies.<sup>[1-2]</sup> One more.<sup>[1]</sup>", TWO, "CIT102") == []


def test_cit103_reversed_range_and_duplicate_are_warnings_with_the_tidy_form():
    found = findings("Some studies.<sup>[2-1]</sup> Others.<sup>[1, 2, 1]</sup>", TWO, "CIT103")
    assert [f.severity for f in found] == ["warning", "warning"]
    assert "reversed range '2-1'" in found[0].message and found[0].suggestion == "write it as [1, 2]"
    assert "number 1 appears twice" in found[1].message


def test_cit103_clean_marker():
    assert findings("Some studies.<sup>[1, 2]</sup>", TWO, "CIT103") == []


def test_cit104_an_entry_no_marker_cites_is_a_warning_at_the_entry():
    found = findings("Zhao (2017) compared three treatments.<sup>[1]</sup>", TWO, "CIT104")
    kb = build("x", TWO)
    assert [(f.line, f.severity, f.citations) for f in found] == [(kb.references[2].line, "warning", (2,))]
    assert "Frey (2017)" in found[0].message


def test_cit104_only_the_last_entry_uncited_also_suggests_an_entry_inserted_without_renumbering():
    three = ["zhao2017", "frey2017", "zhan2017"]
    (last,) = findings("Zhao (2017) and Frey (2017) agree.<sup>[1, 2]</sup>", three, "CIT104")
    assert "inserted earlier in the list" in last.suggestion
    (middle,) = findings("Zhao (2017) and Zhan (2017) agree.<sup>[1, 3]</sup>", three, "CIT104")
    assert "inserted" not in middle.suggestion


SIX = ["zhao2017", "frey2017", "zhan2017", "buchbinder2015", "buchbinder2009", "kallmes2009"]


def test_cit104_consecutive_uncited_entries_are_one_finding_naming_each():
    (run,) = findings("Two trials.<sup>[1]</sup> A review.<sup>[5, 6]</sup>", SIX, "CIT104")
    kb = build("x", SIX)
    assert (run.line, run.severity, run.citations) == (kb.references[2].line, "warning", (2, 3, 4))
    assert run.message.startswith("references 2-4 (Frey (2017), Zhan (2017), Buchbinder (2015)) are not cited")
    assert "nearest cited numbers are 1 and 5" in run.message and "[2-4]" in run.suggestion


def test_cit104_uncited_entries_apart_stay_one_finding_each():
    found = findings("Trials.<sup>[1, 3, 5]</sup>", SIX, "CIT104")
    assert [f.citations for f in found] == [(2,), (4,), (6,)]
    (pair,) = findings("Trials.<sup>[1-4]</sup>", SIX, "CIT104")
    assert pair.citations == (5, 6) and pair.message.startswith("references 5 and 6 (") and "[5, 6]" in pair.suggestion


def test_cit104_an_entry_cited_inside_a_range_is_cited():
    assert findings("Two studies.<sup>[1-2]</sup>", TWO, "CIT104") == []


def test_a_bracketed_number_in_superscript_is_a_citation_even_in_the_range_of_years():
    # A list of 2,000 entries cites [1801]; a bare [2009] after a name stays a year.
    assert [m.inner for m in find_markers("As shown.<sup>[1801]</sup> Buchbinder [2009] agreed.")] == ["1801"]


def test_cit102_zero_and_huge_ranges_are_malformed():
    found = findings("None.<sup>[0]</sup> All.<sup>[1-9999]</sup>", TWO, "CIT102")
    assert ["number 0" in f.message for f in found] == [True, False]
    assert "spans more than" in found[1].message


def test_cit104_a_document_that_cites_by_author_and_year_gets_info_only():
    refs = ["zhao2017", "frey2017", "zhan2017", "kallmes2009", "buchbinder2009", "rousing2009"]
    body = "Treatments differ (Zhao 2017; Frey 2017). Leakage is common (Zhan 2017)."
    found = findings(body, refs, "CIT104")  # read by author and year: the entries no name cites
    assert [(f.severity, f.citations) for f in found] == [("info", (4,)), ("info", (5,)), ("info", (6,))]
    unread = findings("Treatments differ (see the trials). Leakage is common.", refs, "CIT104")
    assert [(f.severity, f.message[:14]) for f in unread] == [("info", "6 of 6 entries")]
    cited = findings(body + " Sham trials disagree.<sup>[4, 5]</sup>", refs, "CIT104")
    assert [(g.severity, g.citations) for g in cited] == [("warning", (1, 2, 3)), ("warning", (6,))]


def test_cit101_a_pair_past_the_list_is_an_interval_where_the_document_writes_intervals():
    body = "Zhao (2017) moved the shapes by [1, 5] mm.<sup>[1]</sup> Frey (2017) used [1, 5] too.<sup>[2]</sup>"
    assert findings(body, TWO, "CIT101") == []
    assert findings(body.replace(" mm.", "."), TWO, "CIT101") != []


def test_cit104_an_entry_cited_with_a_page_is_cited():
    body = "Zhao (2017) compared them [1: 273]. Frey (2017) did too [e.g., 2]."
    assert findings(body, TWO, "CIT104") == []
    assert len(findings(body.replace("[1: 273]", "(p. 273)"), TWO, "CIT104")) == 1


def test_cit104_an_entry_the_supplement_may_cite_is_info():
    # Science Advances: "Supplementary Materials ... Figs. S1 to S7 References": the supplement cites entries too.
    body = "Zhao (2017) compared three treatments.<sup>[1]</sup>\n\n## Supplementary Materials\n\nFigs. S1 to S7 References"
    (found,) = findings(body, TWO, "CIT104")
    assert found.severity == "info" and "supplementary material lists references of its own" in found.message
    # Clean case: a supplement listing no references leaves the warning as it was.
    (plain,) = findings(body.replace(" References", ""), TWO, "CIT104")
    assert plain.severity == "warning"


def test_cit104_a_supplement_caption_mentioning_references_in_passing_keeps_the_warning():
    # PLOS: "Text S1 Supporting Results ... Supporting References, p. 9" is a caption, not a list of contents.
    body = ("Zhao (2017) compared three treatments.<sup>[1]</sup>\n\n## Supporting Information\n\n**Text S1** "
            "Supporting results, materials and methods. Contents of file: results, p. 3. Variants, p. 4. Supporting "
            "References, p. 9. Domains, p. 10.")
    (found,) = findings(body, TWO, "CIT104")
    assert found.severity == "warning"


def test_cit104_natures_supplementary_references_are_the_supplements_own_list():
    # Nature: "Supplementary Figures 1-3, Supplementary Tables 1-5 and Supplementary References": not numbered here.
    body = ("Zhao (2017) compared three treatments.<sup>[1]</sup>\n\n## Supplementary Information\n\n"
            "Supplementary Figures 1-3, Supplementary Tables 1-5 and Supplementary References")
    (found,) = findings(body, TWO, "CIT104")
    assert found.severity == "warning"


@pytest.mark.parametrize("item", ["**S1 Table.** Measurements of every bone. (DOCX)",
                                  "**Text S1** Supporting calculations. (PDF)",
                                  "Additional file 1: Table S1. Search strategy."])
def test_cit104_a_supplementary_file_of_text_or_tables_may_cite_the_entry(item):
    # PLOS's Supporting Information and BMC's Additional files: sent beside the article, cited from its list.
    body = f"Zhao (2017) compared three treatments.<sup>[1]</sup>\n\n## Supporting Information\n\n{item}"
    (found,) = findings(body, TWO, "CIT104")
    assert found.severity == "info" and f"supplementary files it lists (line {BODY_LINE + 4})" in found.message


@pytest.mark.parametrize("item", ["**S1 Fig.** The study area. (TIF)",
                                  "**Alternative Language Abstract S1** Translation into German. (DOC)",
                                  "**S1 Checklist.** PRISMA checklist. (DOC)",
                                  "**S1 Table.** Extra trials. (DOCX) Supplementary References"])
def test_cit104_figures_checklists_and_a_supplement_with_its_own_list_keep_the_warning(item):
    body = f"Zhao (2017) compared three treatments.<sup>[1]</sup>\n\n## Supporting Information\n\n{item}"
    (found,) = findings(body, TWO, "CIT104")
    assert found.severity == "warning"


def test_cit104_a_table_named_outside_the_supplement_keeps_the_warning():
    body = "Zhao (2017) compared three treatments (S1 Table).<sup>[1]</sup>\n\n## Discussion\n\nTable S1 lists them."
    (found,) = findings(body, TWO, "CIT104")
    assert found.severity == "warning"
