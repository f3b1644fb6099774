"""Marker look-alikes met in corpus 9 (bioRxiv methods sections): a product's catalogue number in parentheses,
'interferon gamma (300-02) from Peprotech', is not a reversed range citing entries 2 to 300. Each form has a
positive case (skipped, with its reason) and a clean case (a misnumbered citation is still read, for the checks)."""
from __future__ import annotations

from kb.checks import run_checks
from kb.knowledge.base import build_knowledge_base
from kb.read.parse_policy import parse_policy
from tests.test_author_year import MORE


def _author_year(background: str, references: str = MORE) -> str:
    return (f"# Vertebroplasty\n\n## Policy\n\nVertebroplasty is medically necessary for painful fractures.\n\n"
            f"## Background\n\n{background}\n\n{references}")


def _markers(background: str, references: str = MORE):
    return [(m.raw, m.numbers) for m in parse_policy(_author_year(background, references)).markers]


def _doc(body: str, entries: int = 8):
    refs = "\n".join(f"{n}. Author A. Title {n}. *J*. 2001;1:1-2." for n in range(1, entries + 1))
    return parse_policy(f"# Title of a review article\n\n## Background\n\n{body}\n\n## References\n\n{refs}\n")


CITED = "Trials (1, 2) agree. Others disagree (3). A review (4-8) pooled them. "


def test_a_catalogue_number_in_parentheses_is_not_a_reversed_range():
    doc = _doc(CITED + "We used interferon gamma (300-02) from Peprotech and a dye (40-1) from Tocris.")
    assert [m.numbers for m in doc.markers] == [(1, 2), (3,), (4, 5, 6, 7, 8)]
    assert [(s.text, s.reason) for _, s in doc.skipped] == [
        ("(300-02)", "a number written with a leading zero (a code or catalogue number)"),
        ("(40-1)", "a reversed range past the reference list (a code or catalogue number?)")]


def test_a_reversed_range_inside_the_list_is_still_a_marker():
    doc = _doc(CITED + "A later trial (7-5) disagreed, as did one more (9).")
    assert [m.numbers for m in doc.markers][-2:] == [(5, 6, 7), (9,)]
    assert doc.skipped == ()


def test_author_year_forms_of_preprints():
    # APA 7 gives initials to part two first authors of one surname ('J. A. Harris et al., 2019'); a figure of the
    # article itself may lead the cited name ('Figure 4B and', 'Table 1', 'Supplementary Figure 4 of').

    assert _markers("Layers differ (Hamilton 1971; D. F. Kallmes et al., 2009).", MORE) == [
        ("(Hamilton 1971; D. F. Kallmes et al., 2009)", (6, 4))]
    assert _markers("Cells move (Figure 4B and Clark et al., 2016) and stop (Table 1 Kallmes and Comstock, 2009).",
                    MORE) == [("(Figure 4B and Clark et al., 2016)", (2,)),
                              ("(Table 1 Kallmes and Comstock, 2009)", (4,))]
    assert _markers("Noise (e.g., Supplementary Figure 4 of Clark et al., 2016) rose.", MORE) == [
        ("(e.g., Supplementary Figure 4 of Clark et al., 2016)", (2,))]


def test_author_year_look_alikes_stay_unread():
    # initials of a name the list lacks still name no entry; a figure alone with a year cites nothing
    kb = build_knowledge_base(parse_policy(_author_year("Shown (J. A. Harris et al., 2019)."), "p.md"))
    assert [f.message for r in run_checks(kb) for f in r.findings if f.code == "CIT107"] == [
        "citation (J. A. Harris et al., 2019): J. A. Harris (2019) names no entry of the list"]
    assert _markers("As drawn (Figure 4B, 2016).", MORE) == []


def test_parenthesis_citations_closing_an_aside_or_before_a_figure():
    # bioRxiv Word manuscripts: '(inhibitor of RAD51; (38))', '(see Figure 4A; (41,42))', 'Cox2 (30)(Figure 1E)'
    from kb.read.markers import scan_line

    def read(line):
        return [r.raw for r in scan_line(line)[0]]

    assert read("control (inhibitor of RAD51; (38)). Initially") == ["(38)"]
    assert read("the region (see Figure 4A; (41,42)). To") == ["(41,42)"]
    assert read("subunit Cox2 (30)(Figure 1E). The") == ["(30)"]
    # an enumeration after a semicolon, and a label before another label, stay unread
    assert read("two steps: (1) wash; (2) dry") == []
    assert read("labels (1)(a) and (2)(b) apply") == []


def test_a_name_cited_without_its_particle():
    # 'Van Alphen B., ...' in the list, '(Alphen et al., 2022)' in the text: Dutch names are often cited so

    refs = MORE + "\nVan Alphen B, Stewart S. Sleep in flies. Neuron. 2022;1:1-9.\n"
    assert _markers("Flies sleep (Alphen et al., 2022).", refs) == [("(Alphen et al., 2022)", (12,))]
    assert _markers("Flies sleep (Stewart et al., 2022).", refs)[0][1] == ()  # a co-author is still no first author
