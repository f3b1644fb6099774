"""JATS, marker and entry forms met in corpus 10 (PMC randomised-trial articles: OUP, BMJ, Wiley, Elsevier,
Scientific Reports, SciELO): an <etal/> glued to the last name, bare citations one of which ends a parenthetical
clause, BMJ's pair "1 2" in one xref, Elsevier's glued run over a comma and a space, a peptide's "Ang(1-7)" in
a parenthesis-citing article, named scales and peptides before a raised number ("PHQ-9<sup>28</sup>"),
Scientific Reports' "Goldberg R. B. & Mather K." names and a PubMed link's "pmid=" in an address. Each form
has a positive and a clean case."""
from __future__ import annotations

from pathlib import Path

from kb.importers.jats import convert, ground_truth
from kb.knowledge.base import load_knowledge_base
from kb.read.markers import scan_line
from kb.read.reference_list import parse_entry
from kbdev.corpus_accuracy import write_policy
from tests.test_jats_corpus7_forms import article, markdown, refs, x


def _read(tmp_path: Path, data: bytes):
    return load_knowledge_base(write_policy(tmp_path / "a", convert(data, "x.xml")))


def _entry(names: str) -> str:
    return (f'<ref id="R1"><label>1.</label><mixed-citation publication-type="journal"><person-group>{names}'
            '</person-group> <article-title>Impact of treatment on outcomes</article-title>. <source>J Tests</source>'
            ' 2013;<volume>1</volume>:<fpage>5</fpage>.</mixed-citation></ref>')


def test_an_etal_glued_to_the_last_name_prints_apart(tmp_path: Path):
    names = ('<name><surname>Muthuri</surname> <given-names>SG</given-names></name>, <name><surname>Venkatesan'
             '</surname> <given-names>S</given-names></name>')
    for glued, printed in ((names + "<etal/>", "Venkatesan S, et al."), (names + ", <etal/>", "Venkatesan S, et al.")):
        data = article(f"Treatment helps<sup>{x(1)}</sup>.", _entry(glued))
        assert printed in markdown(data) and "Set al" not in markdown(data)
        entry = _read(tmp_path, data).doc.references[0]
        assert (entry.first_author, entry.year) == ("Muthuri", 2013)


def test_bare_citations_one_ending_a_parenthetical_clause_are_raised():
    # Wiley in PMC: every citation a bare number, one of them closing "(duration ...; ADA criteria 8)".
    body = " ".join(f"Finding {n} holds {x(n)}." for n in range(1, 8))
    clause = f" Adults (duration over a year; diagnosed by criteria {x(8)}) took part."
    assert "criteria <sup>8</sup>)" in markdown(article(body + clause))
    # Clean: an article whose citations stand in parentheses "(8)" is not raised.
    enclosed = " ".join(f"Finding {n} holds ({x(n)})." for n in range(1, 9))
    assert "<sup>" not in markdown(article(enclosed))


def test_bmj_pair_in_one_xref_is_raised_as_two_citations(tmp_path: Path):
    body = (f"Injury risk is known{x(1, '1 2')} and prevention helps.{x(3)} Programmes work,{x(4, '4 5')} in "
            f"soccer.{x(6, '6&#x2013;8')}")
    data = article(body)
    assert "known<sup>1 2</sup> and" in markdown(data)
    assert [m.numbers for m in _read(tmp_path, data).doc.markers] == [(1, 2), (3,), (4, 5), (6, 7, 8)]
    # Clean: a count printed beside a citation is not part of it.
    assert "in 1 2 groups" in markdown(article(f"Helps.{x(1)} Given in 1 2 groups."))


def test_an_elsevier_glued_run_goes_on_over_a_comma_and_a_space(tmp_path: Path):
    body = (f"Survival is poor.<sup>{x(1)}</sup> Results from two meta-analyses{x(2)}, {x(3)} showed it, and "
            f"more{x(4)}, {x(5)}, {x(6)} agree.")
    data = article(body)
    kb = _read(tmp_path, data)
    assert [m.numbers for m in kb.doc.markers] == [(1,), (2, 3), (4, 5, 6)]
    # Clean: a number after a glued citation and a comma, not linked, stays text.
    assert "<sup>2</sup>, 3 trials" in markdown(article(f"Agreed{x(1)}. As shown{x(2)}, 3 trials differ."))


def test_a_peptides_residues_in_a_parenthesis_citing_article_are_no_citation(tmp_path: Path):
    body = (f"Obstructive sleep apnea harms the kidney ({x(1)}, {x(2)}). We tested angiotensin 1-7 [Ang(1-7)] in rats "
            f"({x(3)}). Ang(1-7) lowered pressure ({x(4)}&#x2013;{x(6)}). " +
            " ".join(f"Finding {n} holds ({x(n)})." for n in range(7, 13)))
    data = article(body, refs(12))
    want = [(1, 2), (3,), (4, 5, 6)] + [(n,) for n in range(7, 13)]
    assert [m.numbers for m in _read(tmp_path, data).doc.markers] == want
    assert [m.numbers for m in ground_truth(data).markers] == want
    for name in ("ACE cleaves it to Ang-(1-5) here", "the ACE2-Ang(1\u20137)-Mas axis", "angiotensin [Ang (1\u20137)] acts"):
        assert scan_line(name)[0] == [], name
    # Positive: a parenthesis set apart by a space still cites, and so does one in a bracketed aside.
    assert [r.inner for r in scan_line("as shown (1-7) before")[0]] == ["1-7"]
    assert [r.inner for r in scan_line("no trends [P > 0.05, two-sided t test (23)] here")[0]] == ["23"]
    assert [r.inner for r in scan_line("is indicated [see (11)] for each period")[0]] == ["11"]


def test_a_named_scale_or_peptide_before_a_raised_number_is_no_base():
    for text in ("scores on the PHQ-9<sup>28</sup> were", "levels of GLP-1<sup>12</sup>, even", "the EuroQoL (EQ-5D)"
                 "<sup>36</sup> has", "in COVID-19<sup>3</sup> wards", "well tolerated in PATENT-1<sup>13</sup> and"):
        assert [r.style for r in scan_line(text)[0]] == ["sup"], text
    # Clean: powers and a unit's exponent stay out.
    for text in ("x<sup>2</sup> grows", "a dose in kg m-2<sup>2</sup> units", "10<sup>6</sup> cells"):
        assert scan_line(text)[0] == [], text


def test_scientific_reports_spaced_initials_and_ampersand():
    raw = ("Goldberg R. B. & Mather K. Targeting the consequences of the metabolic syndrome in the Diabetes "
           "Prevention Program. Arteriosclerosis, thrombosis, and vascular biology 32, 2077-2090, doi: "
           "10.1161/ATVBAHA.111.241893 (2012).")
    e = parse_entry(3, raw, 1)
    assert (e.first_author, e.year, e.surnames) == ("Goldberg", 2012, ("Goldberg", "Mather"))
    assert e.title == "Targeting the consequences of the metabolic syndrome in the Diabetes Prevention Program"
    hindawi = parse_entry(45, "Mendes A. A., Oliveira P. C., Giordano R. D. L. C., De Castro H. F. Evaluation of "
                              "lipases. *Int J Biol Macromol*. 2012;50(3):503-511.", 1)
    assert (hindawi.first_author, hindawi.year) == ("Mendes", 2012)
    # Clean: an organisation that closes with the year keeps its name.
    org = parse_entry(4, "World Health Organization (2010). Global recommendations on physical activity. Geneva.", 1)
    assert org.organisation == "World Health Organization" and org.year == 2010


def test_a_pubmed_link_in_an_address_is_no_pmid():
    raw = ("Brown J B, Boles M. Effect of clinician communication skills training. Ann Intern Med. 1999;131(11):822-9. "
           "http://www.annals.org/cgi/pmidlookup?view=reprint&pmid=10610626 PMID: 10610626")
    assert parse_entry(11, raw, 1).pmid == "10610626"
    assert parse_entry(1, "Smith A. A title. J Tests. 2001;3:4. PMID:12345", 1).pmid == "12345"


def test_a_generation_suffix_and_an_italic_et_al_without_a_stop():
    fifth = parse_entry(17, "Butterworth JF 5th, Strichartz GR. Alpha 2-adrenergic agonists block conduction. "
                            "Anesthesiology. 1993;78:1-9.", 1)
    assert (fifth.first_author, fifth.surnames) == ("Butterworth", ("Butterworth", "Strichartz"))
    layard = parse_entry(32, "Layard R, Bell S, Clark D, *et al* The depression report: a new deal for depression. "
                             "LSE London, 2006.", 1)
    assert (layard.first_author, layard.year) == ("Layard", 2006)
    assert layard.title == "The depression report: a new deal for depression"
    # Clean: an italic "et al" before the year still leaves the year to the entry, not to the title.
    dated = parse_entry(1, "Smith FA *et al.* 2004 Title here. J X 3:4.", 1)
    assert (dated.first_author, dated.year) == ("Smith", 2004)


def test_a_collective_cited_without_its_last_word():
    from kb.read.author_year import AuthorYearIndex
    from kb.read.author_year_list import read_entry

    entry = read_entry(12, "Early Breast Cancer Trialists' Collaborative Group (2010) Overview of the randomized "
                           "trials of radiotherapy in ductal carcinoma in situ. J Natl Cancer Inst Monogr 2010: 162-177",
                       204)
    index = AuthorYearIndex([entry])
    assert index.resolve("Early Breast Cancer Trialists' Collaborative *et al*", "2010")[0] == (12,)
    # Clean: another body's name is still no entry of the list.
    assert index.resolve("Early Breast Cancer Screening Programme", "2010")[0] == ()


def test_a_decade_in_a_books_title_is_no_year():
    raw = ("Leverton TJ, Elliott SA. Transition to parenthood groups. The Free Woman: Women's Health in the 1990s. "
           "Carnforth: The Parthenon Publishing Group; 1989:479-486.")
    assert parse_entry(27, raw, 1).year == 1989
    # Positive: a year in the same place is still the entry's when nothing else dates it.
    assert parse_entry(28, "Smith A. Women's health. Carnforth: Parthenon; 1990.", 1).year == 1990


def test_years_linked_alone_and_a_garbled_pair_are_not_raised():
    # Author-year articles that link only the year ("(Frost et al. <xref>2005</xref>)") are not bare numbered ones.
    cites = " ".join(f"Finding {n} holds (Author{n} et al. {x(n, str(2000 + n))})." for n in range(1, 9))
    assert "<sup>" not in markdown(article(cites))
    # BMJ in PMC: "<xref>89 16</xref><xref>26</xref>" (printed 8 9 16-26): a descending pair is left as printed.
    assert "<sup>" not in markdown(article(f"Cells polarise.{x(8, '89 16')}{x(26)} Many agree."))
    assert "agree.<sup>4 5</sup> Many" in markdown(article(f"Cells agree.{x(4, '4 5')} Many agree."))


def test_author_year_after_a_label_and_a_possessive():
    from kb.read.author_year import AuthorYearIndex, scan_author_year
    from kb.read.author_year_list import read_entry

    entries = [read_entry(5, "Brown K. W., Weinstein N., Creswell J. D. (2012). Trait mindfulness modulates "
                             "responses. Psychoneuroendocrinology 37, 2037-2041.", 1),
               read_entry(6, "Vallieres E. F., Vallerand R. J. (1990). Traduction et validation d'une echelle. "
                             "Int. J. Psychol. 25, 305-316.", 2)]
    index = AuthorYearIndex(entries)
    cited = scan_author_year("the PSS (Brown et al., 2012; French validation: Vallieres and Vallerand, 1990) was", index)
    assert [m.inner for m in cited] == ["5, 6"]
    assert [m.inner for m in scan_author_year("in line with Brown et al.\u2019s (2012) study", index)] == ["5"]
    # Clean: a heading-like phrase before a colon is no author ('Heart rate variability: standards ..., 1996').
    assert scan_author_year("(Heart rate variability: standards of measurement, 1996)", index) == []


def test_a_colon_after_a_year_parts_two_citations():
    from kb.read.author_year import AuthorYearIndex, scan_author_year
    from kb.read.author_year_list import read_entry

    index = AuthorYearIndex([read_entry(10, "Hecht S., Shlaer S. (1936). Intermittent stimulation by light. J. Gen. "
                                            "Physiol. 19, 965-979.", 1),
                             read_entry(11, "Kelly D. H. (1974). Spatio-temporal frequency characteristics. J. Opt. "
                                            "Soc. Am. 64, 983-990.", 2)])
    cited = scan_author_year("at high intensity (Hecht and Shlaer, 1936: Kelly, 1974) here", index)
    assert sorted(n for m in cited for n in m.inner.split(", ")) == ["10", "11"]
