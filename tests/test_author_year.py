"""Policies whose reference list prints no numbers and whose text cites it by author and year."""
from __future__ import annotations

from kb.checks import run_checks
from kb.knowledge.base import build_knowledge_base
from kb.read.author_year import AuthorYearIndex, scan_author_year
from kb.read.author_year_list import read_entry, unnumbered_drafts
from kb.read.parse_policy import parse_policy
from kb.read.reading import reading_report
from kb.read.reference_list import parse_entry

LIST = """## References

Buchbinder R, Osborne RH, Ebeling PR. A randomized trial of vertebroplasty for painful osteoporotic vertebral fractures. N Engl J Med. 2009;361(6):557-568.

Clark W, Bird P. Safety and efficacy of vertebroplasty for acute painful osteoporotic fractures (VAPOUR). Lancet. 2016;388:1408-1416.

de Vries J, Firanescu CE. Vertebroplasty versus sham procedure (VERTOS IV). BMJ. 2018;361:k1551.

Kallmes DF, Comstock BA. A randomized trial of vertebroplasty for osteoporotic spinal fractures. N Engl J Med. 2009;361(6):569-579.

National Institute for Health and Care Excellence (NICE). Percutaneous vertebroplasty. London: NICE; 2013.
"""


def _policy(background: str, references: str = LIST) -> str:
    return f"# Vertebroplasty\n\n## Policy\n\nVertebroplasty is medically necessary for painful fractures.\n\n" \
           f"## Background\n\n{background}\n\n{references}"


def _findings(text: str, code: str):
    kb = build_knowledge_base(parse_policy(text, "p.md"))
    return [f for r in run_checks(kb) for f in r.findings if f.code == code]


def test_an_unnumbered_list_is_numbered_in_printed_order():
    doc = parse_policy(_policy("Text (Kallmes et al., 2009)."))
    assert doc.citation_style == "author-year"
    assert [(e.number, e.label) for e in doc.references][:4] == [
        (1, "Buchbinder (2009)"), (2, "Clark (2016)"), (3, "de Vries (2018)"), (4, "Kallmes (2009)")]


def test_bullets_and_one_entry_a_line_are_entries_too():
    lines = ["- Smith A. One. J. 2001;1:1.", "- Jones B. Two. J. 2002;1:2.", "",
             "Brown C. Three. J. 2003;1:3.", "Green D. Four. J. 2004;1:4."]
    assert [d[1][:5] for d in unnumbered_drafts(lines, 10)] == ["Smith", "Jones", "Brown", "Green"]
    assert [d[2] for d in unnumbered_drafts(lines, 10)] == [10, 11, 13, 14]


def test_a_list_that_does_not_look_like_references_is_not_read():
    assert unnumbered_drafts(["none yet"], 1) == []
    assert unnumbered_drafts(["See the guideline on our web site.", "", "Ask the medical director."], 1) == []


def test_parenthetical_and_narrative_citations_cite_their_entries():
    doc = parse_policy(_policy("Buchbinder et al. (2009) and Kallmes and colleagues (2009) found no benefit "
                               "(Clark et al., 2016; de Vries et al., 2018). NICE (2013) agreed (NICE, 2013)."))
    assert [(m.raw, m.numbers) for m in doc.markers] == [
        ("(2009)", (1,)), ("(2009)", (4,)), ("(Clark et al., 2016; de Vries et al., 2018)", (2, 3)),
        ("(2013)", (5,)), ("(NICE, 2013)", (5,))]
    assert doc.sentences[-2].text.startswith("Buchbinder et al. [1] and Kallmes and colleagues [4]")
    assert not any(m.problems for m in doc.markers)


def test_a_year_in_parentheses_without_an_author_is_not_a_citation():
    doc = parse_policy(_policy("Since then (since 2009) the rate fell (January 2011), and Medicare (Medicare, 2010) paid."))
    assert doc.markers == ()


def test_cit106_a_citation_with_no_entry_or_another_year():
    text = _policy("Buchbinder et al (2008) found no benefit (Kallmes et al., 2009; Smith et al., 2012).")
    found = _findings(text, "CIT107")
    assert [(f.severity, f.citations) for f in found] == [("warning", (1,)), ("warning", (4,))]
    assert "the list has Buchbinder (2009)" in found[0].message
    assert "Smith (2012) names no entry of the list" in found[1].message


def test_cit106_two_entries_of_one_author_and_year_is_info():
    refs = LIST + "\nKallmes DF, Jarvik JG. Another trial. Spine. 2009;1:1-2.\n"
    found = _findings(_policy("Sham trials (Kallmes et al., 2009) agreed.", refs), "CIT107")
    assert [(f.severity, f.citations) for f in found] == [("info", (4, 6))]


def test_cit106_a_letter_after_the_year_picks_the_entry():
    refs = """## References

Jones, A. (2010a). First paper. Spine, 1, 1-2.

Jones, A. (2010b). Second paper. Spine, 2, 3-4.
"""
    doc = parse_policy(_policy("Two papers (Jones, 2010b; Jones, 2010a).", refs))
    assert [m.numbers for m in doc.markers] == [(2, 1)]
    assert _findings(_policy("Two papers (Jones, 2010b; Jones, 2010a).", refs), "CIT107") == []


def test_cit106_is_silent_on_a_clean_policy():
    text = _policy("Buchbinder et al. (2009) found no benefit (Kallmes et al., 2009; Clark et al., 2016).")
    assert _findings(text, "CIT107") == []


def test_an_uncited_entry_is_info_in_an_author_year_policy():
    found = _findings(_policy("Sham trials (Kallmes et al., 2009) agreed."), "CIT104")
    assert {f.severity for f in found} == {"info"}
    assert sorted(f.citations[0] for f in found) == [1, 2, 3, 5]


def test_numbered_markers_keep_a_list_whose_numbers_were_lost():
    doc = parse_policy(_policy("Sham trials found no benefit.<sup>[1, 4]</sup> Open trials did.<sup>[2]</sup>"))
    assert doc.citation_style == "numbered"
    assert [m.numbers for m in doc.markers] == [(1, 4), (2,)]


def test_a_numbered_list_is_read_as_before():
    doc = parse_policy(_policy("Trials found no benefit (Kallmes et al., 2009).<sup>[1]</sup>",
                               "## References\n\n1. Kallmes DF. A trial. N Engl J Med. 2009;361:569-79.\n"))
    assert doc.citation_style == "numbered"
    assert [m.numbers for m in doc.markers] == [(1,)]


def test_the_reading_report_says_how_the_list_is_cited():
    doc = parse_policy(_policy("Trials (Kallmes et al., 2009; Smith et al., 2012) found no benefit."))
    report = reading_report(doc)
    assert report.marker_styles == {"author and year": 1}
    assert any("by author and year" in n and "; 1 citations name no entry" in n for n in report.notes)


def test_organisations_are_found_by_name_and_acronym():
    index = AuthorYearIndex([parse_entry(1, "American Academy of Orthopaedic Surgeons (AAOS). Guideline. "
                                            "Rosemont, IL: AAOS; 2010.", 1)])
    found = scan_author_year("Guidance (AAOS, 2010) and (American Academy of Orthopaedic Surgeons, 2010).", index)
    assert [r.inner for r in found] == ["1", "1"]


def _markers(background: str, references: str = LIST):
    return [(m.raw, m.numbers) for m in parse_policy(_policy(background, references)).markers]


MORE = LIST + """
Hamilton WD 1971 Geometry for the selfish herd. J Theor Biol 31:295-311.

Sarabipour S. Preprints are good for science. Nature. 2018;556:1.

Sarabipour S, Debat HJ, Emmott E, Burgess SJ, Schwessinger B. On the value of preprints. PLoS Biol. 2018;16:e3000151.

Silk JB, Alberts SC, Altmann J 2014 Social relationships among adult female baboons. Phil Trans R Soc B 369(1859):1-10.

Delle Monache F, Rossi P. A natural product. Phytochemistry. 1991;30:1-5.

Rodr\u00edguez Enriquez C, Perez L. Gender gaps. Rev Econ. 2010;5:1-9.
"""


def test_forms_of_author_year_citations_real_articles_print():
    assert _markers("As (Kallmes *et al*, 2009) and (Clark et al. 2016, de Vries et al. 2018) found.", MORE) == [
        ("(Kallmes *et al*, 2009)", (4,)), ("(Clark et al. 2016, de Vries et al. 2018)", (2, 3))]
    assert _markers("Lens cells [Kallmes et al., 2009] (see Hamilton 1971 for a review).", MORE) == [
        ("[Kallmes et al., 2009]", (4,)), ("(see Hamilton 1971 for a review)", (6,))]
    assert _markers("Herds (Hamilton 1971; 1971) and preprints (Sarabipour, 2018; Sarabipour et al., 2018).", MORE) == [
        ("(Hamilton 1971; 1971)", (6,)), ("(Sarabipour, 2018; Sarabipour et al., 2018)", (7, 8))]
    assert _markers("Delle Monache et al. (1991) and Rodr\u00edguez Enriquez et al. (2010) agree.", MORE) == [
        ("(1991)", (10,)), ("(2010)", (11,))]
    assert _markers("Kin (Robert Buchbinder et al. 2009) matter.", MORE) == [("(Robert Buchbinder et al. 2009)", (1,))]


def test_words_that_are_not_names_are_not_citations():
    assert _markers("HRV (Heart rate variability: Standards of measurement 1996) and (Dunwoody, as quoted in "
                    "Hamilton, 2020) differ.", MORE) == []


def test_entries_of_author_year_lists():
    hamilton = read_entry(1, "Hamilton WD 1971 Geometry for the selfish herd. J Theor Biol 31:295-311.", 1)
    assert (hamilton.first_author, hamilton.year) == ("Hamilton", 1971)
    silk = read_entry(2, "Silk JB, Alberts SC, Altmann J 2014 Social relationships. Phil Trans 369(1859):1-10.", 2)
    assert silk.year == 2014
    zika = read_entry(3, "Cao-Lormeau VM, Roche C. Zika virus, French Polynesia, 2013. Emerg Infect Dis. "
                         "2014;20:1085-6.", 3)
    assert (zika.first_author, zika.year) == ("Cao-Lormeau", 2014)  # a year in the title is not the year
    renehan = read_entry(4, "Renehan AG, Zwahlen M, O\u2032Dwyer ST. Insulin-like growth factor (IGF)-I. "
                            "Lancet. 2004;363:1346-53.", 4)
    assert (renehan.first_author, renehan.year) == ("Renehan", 2004)
    body = read_entry(5, 'ICNIRP. 2020. "Guidelines for limiting exposure." Health Physics 118, no. 5: 483-524.', 5)
    assert (body.organisation, body.year) == ("ICNIRP", 2020)


def test_named_source_rules_stay_silent_where_names_are_the_citations():
    text = _policy("Smith and colleagues (Kallmes et al., 2009) found no benefit, as did Buchbinder.")
    kb = build_knowledge_base(parse_policy(text, "p.md"))
    assert [f for r in run_checks(kb) for f in r.findings if f.code.startswith("CIT2")] == []
    assert [r.rule.code for r in run_checks(kb, select=["CIT106"]) if r.findings] == []


NIELSEN = LIST + """
Nielsen SE, Boyce MS, Stenhouse GB. Grizzly bears and forestry I. For Ecol Manage. 2004;199:51-65.

Nielsen SE, Munro RHM, Bainbridge EL. Grizzly bears and forestry II. For Ecol Manage. 2004;199:67-82.

Flagstad \u00d8, R\u00f8ed KH 2003 Refugial origins of reindeer. Evolution 57:658-670.
"""


def test_more_forms_unseen_articles_print():
    # letters without their year, and letters a list does not print: 2004a is the list's first 2004 entry
    assert _markers("Bears (Nielsen et al., 2004a,b) and (Nielsen et al., 2004b) roam.", NIELSEN) == [
        ("(Nielsen et al., 2004a,b)", (6, 7)), ("(Nielsen et al., 2004b)", (7,))]
    # outside parentheses a name and year cite only an entry they name exactly
    assert _markers("Ages follow the protocol of Kallmes *et al.*, 2009. Smith et al., 2001 is not listed.",
                    NIELSEN) == [("Kallmes *et al.*, 2009", (4,))]
    # words before a comma that name nothing, and an initial outside A-Z in the entry
    assert _markers("As said (see Introduction, Kallmes et al., 2009) and (Flagstad and R\u00f8ed 2003).", NIELSEN) == [
        ("(see Introduction, Kallmes et al., 2009)", (4,)), ("(Flagstad and R\u00f8ed 2003)", (8,))]


def test_a_unit_raised_in_an_unnumbered_list_policy_does_not_make_it_numbered():
    text = _policy("Area in m<sup>2</sup> grew (Kallmes et al., 2009). Volume in m<sup>2</sup> too.")
    doc = parse_policy(text)
    assert doc.citation_style == "author-year" and [m.numbers for m in doc.markers] == [(4,)]


def test_a_comma_before_et_al():
    assert _markers("Buchbinder, et al. (2009) and (Kallmes, et al., 2009) found no benefit.") == [
        ("(2009)", (1,)), ("(Kallmes, et al., 2009)", (4,))]


def test_a_numbered_list_its_text_cites_by_name_is_read_by_author_and_year():
    numbered = "## References\n\n" + "\n".join(
        f"{k}. {line}" for k, line in enumerate((l for l in LIST.splitlines()[1:] if l.strip()), 1))
    doc = parse_policy(_policy("Sham trials (Kallmes et al., 2009; Buchbinder et al., 2009) agreed.", numbered))
    assert doc.citation_style == "author-year" and [m.numbers for m in doc.markers] == [(4, 1)]
    cited = parse_policy(_policy("Sham trials agreed.<sup>[1, 4]</sup> (Kallmes et al., 2009)", numbered))
    assert cited.citation_style == "numbered" and [m.numbers for m in cited.markers] == [(1, 4)]


def test_a_few_names_do_not_turn_a_numbered_list_to_author_year():
    numbered = "## References\n\n" + "\n".join(
        f"{k}. {line}" for k, line in enumerate((l for l in MORE.splitlines()[1:] if l.strip()), 1))
    doc = parse_policy(_policy("As Kallmes et al. (2009) said, trials agree.", numbered))
    assert doc.citation_style == "numbered" and doc.markers == ()
    assert _markers("As Kallmes et al. (2009) said, trials agree.") == [("(2009)", (4,))]


def test_info_and_the_policy_page_show_citations_by_name_as_printed():
    from kb.commands.info import summarize
    from kb.site.pages import links, policy_text
    from kb.site.pages.inputs import Site

    kb = build_knowledge_base(parse_policy(_policy("Acute fractures differ (Clark et al., 2016)."), "p.md"))
    assert summarize(kb)["citation_style"] == "author-year"
    page = policy_text.pages(Site(kb=kb))[policy_text.PATH]
    target = links.rel(policy_text.PATH, links.reference_path(2))
    assert f"[(Clark et al., 2016)]({target})" in page
    assert "Citations by author and year" in page


def test_forms_met_in_climate_dynamics_and_agu_articles():
    # Two names each with its year joined by "and"; a figure of the cited work leading the name; AGU's
    # second author before "et al." ('Li, Marshall, et al. (2023)') to part two first authors' papers.
    refs = MORE + "\nLi Q, Marshall J, Rye CD. Ocean heat uptake. J Clim. 2023;36:1-9.\n"
    assert _markers("Spread grows (see Clark et al. 2016 and de Vries et al. 2018; respectively).", refs) == [
        ("(see Clark et al. 2016 and de Vries et al. 2018; respectively)", (2, 3))]
    assert _markers("Memory lasts (Fig. 1f in Kallmes et al. 2009) and (see Table 2 in Clark et al. 2016).", refs) == [
        ("(Fig. 1f in Kallmes et al. 2009)", (4,)), ("(see Table 2 in Clark et al. 2016)", (2,))]
    assert _markers("Li, Marshall, et al. (2023) disentangle the responses.", refs) == [("(2023)", (12,))]


def test_and_between_years_of_one_author_is_not_two_names():
    # "(Sarabipour 2018 and 2018b)": one author's years joined by "and"; "(Kallmes and Clark 2009)" is one citation.
    assert _markers("Preprints (Sarabipour et al. 2018 and 2018) differ.", MORE) == [
        ("(Sarabipour et al. 2018 and 2018)", (8,))]
    assert _markers("As shown (Kallmes and Clark 2009).", MORE) == [("(Kallmes and Clark 2009)", (4,))]


def test_three_authors_named_in_a_narrative_citation():
    # PeerJ: "Mmbaga, Munishi & Treydte (2017)" is Mmbaga's entry, not a citation of Munishi.
    refs = MORE + "\nMmbaga NE, Munishi LK, Treydte AC. Balancing elephant conservation. Adv Ecol. 2017;1:1-9.\n"
    assert _markers("As Mmbaga, Munishi & Treydte (2017) found.", refs) == [("(2017)", (12,))]
    # Clean case: two authors joined by "and" read as before.
    assert _markers("As Kallmes and Clark (2009) found.", refs) == [("(2009)", (4,))]


def test_an_opening_word_set_off_by_a_comma_is_not_a_first_author():
    # "However, Kallmes and Clark (2009)": the three-author form must not take "However" for the first author.
    assert _markers("However, Kallmes and Clark (2009) noticed it.", MORE) == [("(2009)", (4,))]
