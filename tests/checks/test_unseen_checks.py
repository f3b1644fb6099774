"""Findings on forms met in articles kb was not tuned to (corpus5): a report's imprint as its source, a year
printed with its month ('1994-sep'), a place dated in the text, a category's number read as an arm's size,
a PubMed link tagged as a PMID. Each form has a positive and a clean case."""
from kb.checks import est, run_checks
from kb.checks.ref_entries import missing_source, missing_year
from kb.importers.jats import convert
from kb.knowledge.base import build_knowledge_base
from kb.outputs.report import flatten
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry

from .cit_fixtures import findings as cit_findings
from .policy_text import make_policy, run_rule


def test_a_reports_imprint_names_its_publisher_and_year():
    report = ("Trends in maternal mortality 2000 to 2017: estimates by WHO and UNICEF. Geneva: World Health "
              "Organization; 2019.")
    e = parse_entry(1, report, 1)
    assert (e.source, e.year, e.source_guessed) == ("Geneva: World Health Organization", 2019, True)
    assert run_rule(missing_source, make_policy([report])) == []


def test_an_entry_without_imprint_or_journal_still_names_no_source():
    (f,) = run_rule(missing_source, make_policy(["Wang ZY, Cui BZ. Plague in Qinghai, 2016. (in Chinese)"]))
    assert "names no journal" in f.message
    # A book title with a colon is no imprint: its title stays whole.
    assert parse_entry(1, "Butler JM. Fundamentals of Forensic DNA Typing: Academic Press; 2010.", 1).title \
        .startswith("Fundamentals of Forensic DNA Typing")


def test_a_year_printed_with_its_month_is_the_year():
    entry = "Kroenke K, Spitzer RL. Physical symptoms in primary care. Arch Fam Med. 1994-sep;3(9):774\u2013779."
    assert parse_entry(1, entry, 1).year == 1994
    assert run_rule(missing_year, make_policy([entry])) == []


def test_a_page_range_is_still_no_year():
    (f,) = run_rule(missing_year, make_policy(["Smith AB. Widgets. J Widgets. 12:1994-1999."]))
    assert "no year" in f.message


PLACE = ["buchbinder2009", "kallmes2009"]


def test_a_place_dated_in_the_text_is_no_author():
    body = "Two strains isolated in Nangqian County (2004) were also included [1]."
    assert cit_findings(body, PLACE, "CIT201") == []


def test_a_person_dated_in_the_text_is_still_checked():
    (f,) = cit_findings("Two strains described by Kallmes (2009) were also included [1].", PLACE, "CIT201")
    assert f.severity == "error"


REFS = "## References\n\n1. Roe A, Poe B. A cohort of pregnancies. *J Tests*. 2020;1:1-9.\n"


def _est(body: str, code: str):
    text = f"# Plan\n\n## ***Widget Therapy***\n\n## Evidence\n\n{body}\n\n{REFS}"
    rule = next(r for r in est.RULES if r.code == code)
    return flatten(run_checks(build_knowledge_base(parse_policy(text, "fixture.md")), rules=(rule,)))


def test_numbered_categories_are_not_arms():
    body = ("We analysed 70 pregnancies in 70 women, classified as WHO Group 1 PH (12 (17%)), Group 2 PH "
            "(45 (64%)), Group 3 PH (4 (6%)) and Group 5 PH (9 (13%)).<sup>[1]</sup>")
    assert _est(body, "EST301") == []


def test_arms_named_by_acronym_are_still_added_up():
    (f,) = _est("Roe pooled data from 644 patients: 330 VP and 284 KP.<sup>[1]</sup>", "EST301")
    assert "614" in f.message


ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><article-meta><title-group><article-title>Links</article-title></title-group></article-meta></front>
<body><p>Pain follows a stroke [<xref ref-type="bibr" rid="R1">1</xref>].</p></body><back><ref-list>
<ref id="R1"><label>1</label><element-citation><person-group><name><surname>Hansen</surname><given-names>AP
</given-names></name></person-group><article-title>Pain following a stroke</article-title><source>Eur J Pain</source>
<year>2012</year><volume>16</volume><fpage>1128</fpage><pub-id pub-id-type="pmid">{}</pub-id></element-citation>
</ref></ref-list></back></article>"""


def test_a_pubmed_link_tagged_as_a_pmid_is_printed_as_a_link():
    markdown = convert(ARTICLE.format("https://www.ncbi.nlm.nih.gov/pubmed/22407963").encode(), "x.xml").markdown
    assert "2012;16:1128. https://www.ncbi.nlm.nih.gov/pubmed/22407963" in markdown and "PMID: https" not in markdown


def test_a_pmid_is_printed_with_its_name():
    assert "PMID: 22407963" in convert(ARTICLE.format("22407963").encode(), "x.xml").markdown


def test_two_untitled_papers_of_one_volume_are_not_one_paper():
    from kb.checks.ref_identity import duplicate_paper
    first = "Iman RL, Helton JC, Campbell JE. J Quality Technol. 1981;13:174\u2013183."
    second = "Iman RL, Helton JC, Campbell JE. J Quality Technol. 1981;13:232\u2013240."
    assert run_rule(duplicate_paper, make_policy([first, second])) == []
    (f,) = run_rule(duplicate_paper, make_policy([first, first]))
    assert f.severity == "warning" and "same title, first author and year (1981)" in f.message


def test_conference_pages_then_publisher_without_a_comma():
    e = parse_entry(1, "Littlewort G et al (2011) The computer expression recognition toolbox (cert) 298\u2013305 (IEEE)", 1)
    assert (e.source, e.pages) == ("IEEE", "298\u2013305")
