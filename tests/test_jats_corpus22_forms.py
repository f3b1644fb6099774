"""Forms met in corpus 22 (60 reports of trials, reviews and cohort studies from journals other than PLOS, at most
two per journal, read first as they came). Each form has a positive and a clean case; the texts are made here."""
from __future__ import annotations

from kb.read.entry_source import year_in
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, first_entry, in_results

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Nursing Tests</journal-title></journal-meta>
<article-meta><title-group><article-title>Parts</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
<p>Costs came from national tables [<xref ref-type="bibr" rid="B1">1</xref>,<xref ref-type="bibr" rid="B2">2</xref>].</p>
</sec></body><back><ref-list>
<ref id="B1"><label>1</label>{cit}</ref>
<ref id="B2"><label>2</label><mixed-citation>Lima C. Costs. Health Econ. 2002;4:10-19.</mixed-citation></ref>
</ref-list></back></article>
"""


def _first_entry(cit: str) -> str:
    return first_entry(_HEAD, cit)


def _book(title_tag: str, year: str = "2000") -> str:
    return ('<element-citation publication-type="book"><person-group person-group-type="author"><name><surname>Office '
            f'of Statistics</surname></name></person-group><{title_tag}>Occupational Codes: Volume 2</{title_tag}>'
            f'<year>{year}</year><publisher-name>Stationery House</publisher-name><publisher-loc>Leeds'
            '</publisher-loc></element-citation>')


def test_a_book_given_by_its_chapter_title_alone_keeps_that_title():
    """Elsevier tags a report or a program by <chapter-title> with no <source>: it is the work's title."""
    assert _first_entry(_book("chapter-title")) == \
        "1. Office of Statistics. Occupational Codes: Volume 2. Leeds: Stationery House; 2000."
    # Clean: a book given by its <source> prints as before.
    assert _first_entry(_book("source")) == \
        "1. Office of Statistics. Occupational Codes: Volume 2. Leeds: Stationery House; 2000."


def test_a_year_tagged_with_its_brackets_prints_bare():
    """'<year>(2004)</year>' after a title ending in another year: the entry must print 2004 where a year goes."""
    assert _first_entry(_book("source", "(2004)")).endswith("Leeds: Stationery House; 2004.")
    assert _first_entry(_book("source", "2004")).endswith("Leeds: Stationery House; 2004.")


def _entry(raw: str):
    text = f"# T\n\n## A\n\nText [1].\n\n## References\n\n1. {raw}\n"
    return parse_policy(text, "f.md").references[0]


def test_an_organisation_ending_in_corp_partnership_or_executive_is_the_author():
    """'Stata Corp.', '... Improvement Partnership.', 'NHS Executive.' before a title: a body, not a person."""
    for raw, body in (("Stata Corp. Stata Statistical Software: Release 11. College Station, TX: StataCorp LP; 2009.",
                       "Stata Corp"),
                      ("Leeds Care Improvement Partnership. Attitudes to Care. London: Department of Health; 2009.",
                       "Leeds Care Improvement Partnership"),
                      ("NHS Executive. National Schedule of Costs 2008. London: Crown; 2009.", "NHS Executive")):
        entry = _entry(raw)
        assert (entry.organisation, entry.year) == (body, 2009)
    # Clean: a person's name and initials stays a person.
    assert _entry("Executive A, Partnership B. A trial. J Med. 2009;1:1-5.").first_author == "Executive"


def test_in_press_closing_an_entry_follows_its_source_not_the_authors():
    """'Godin G, Germain M. Promoting ... effect. Health Psychology. (in press)': the title is read."""
    entry = _entry("Godin G., Germain M. Promoting the return of lapsed donors: a trial. Health Psychology. (in press)")
    assert entry.title == "Promoting the return of lapsed donors: a trial"
    # Clean: APA's '(in press)' right after the authors still closes the author list.
    entry = _entry("Godin, G., & Germain, M. (in press). Promoting the return of lapsed donors. Health Psychology.")
    assert entry.first_author == "Godin" and entry.title == "Promoting the return of lapsed donors"
    # Clean: a body's '(n.d.)' before an address (cut off before the entry is read) still follows the body, and the
    # entry has no title to give.
    entry = _entry("EMA (n.d.) http://www.ema.example/docs/epar.pdf.")
    assert entry.title is None


def test_a_year_before_a_colon_then_a_word_or_opening_its_sentence_is_a_year():
    """'... humans 2012: Available at: http...', '[Report of the campaign]. 2000: 8-22 [Japanese].'"""
    assert year_in("IARC. Monographs on carcinogenic risks to humans 2012: Available at: http://iarc.example/m.pdf."
                   ) == 2012
    assert year_in("Health Foundation. [Report of the People's Campaign]. 2000: 8-22 [Japanese].") == 2000
    # Clean: a volume before its pages is no year.
    assert year_in("Smith A. A trial. Lecture Notes Comput Sci 2093: 1-10.") is None


def test_words_in_quotation_marks_of_their_own_are_no_claim():
    """"believed that 'smoking makes 'no difference' to weight' (RR ...)": a questionnaire item, quoted."""
    assert in_results("Children were more likely to believe that \u2018smoking makes \u2018no difference\u2019 to "
                      "weight\u2019 (RR = 2.13, 95% CI 1.86 to 2.44).", "EST201") == []
    # Positive: the authors' own 'no difference' beside an interval that excludes 1.
    assert in_results("There was no difference in weight (RR = 2.13, 95% CI 1.86 to 2.44).", "EST201") == [
        ("EST201", "error")]


def test_one_size_randomised_to_each_arm_is_not_summed():
    """'52 entered the trial (26 randomised to each arm), 5 refused consent and 12 were excluded'."""
    assert in_results("Of 69 patients referred, 52 entered the trial (26 randomised to each arm), 5 refused consent "
                      "and 12 were excluded.", "EST301") == []
    # Positive: arms of their own that do not add up.
    assert in_results("Of 69 patients referred, 52 entered the trial (26 randomised to one arm and 20 to the other), "
                      "5 refused consent and 12 were excluded.", "EST301") == [("EST301", "warning")]


_REFS = "\n".join(f"{i}. {name} A. A study of heparin number {i}. *J Crit Care*. 20{10 + i}:1:{i}-5."
                  for i, name in enumerate(("Hartwig", "Verma", "Trehel", "Ocampo"), 1))


def _named(sentence: str):
    return codes_of(f"# Heparin\n\n## Discussion\n\n{sentence}\n\n## References\n\n{_REFS}\n", "CIT201")


def test_a_marker_after_by_others_is_not_the_named_authors():
    """'similar to numbers reported by Hartwig et al., yet higher than numbers reported by others [2,3]'."""
    assert _named("The incidence was similar to numbers reported by Hartwig *et al*., yet higher than numbers "
                  "reported by others [2,3]. Treatment followed [1,4].") == []
    # Positive: the name right before markers that are someone else's.
    assert _named("The incidence was similar to numbers reported by Hartwig *et al*. [2,3]. Treatment followed "
                  "[1,4].") == [("CIT201", "error")]


def _by_name(head: str):
    text = (f"# Stigma\n\n{head}\n\n## Background\n\nCare is a burden (Thara, 2003).\n\n## References\n\n"
            "Thara R. Care in India. *Indian J Psychiatry*. 2003;45:1-5.\n")
    return codes_of(text, "CIT107")


def test_a_year_closing_an_italic_journal_name_is_no_citation():
    """'*Social Science & Medicine (1982)*': PMC keeps a journal apart from an earlier one of that name."""
    assert _by_name("*Social Science & Medicine (1982)*. doi: 10.1016/j.example.2017.01.061") == []
    # Positive: the same words and year outside italics read as a citation the list cannot answer.
    assert _by_name("Social Science & Medicine (1982). doi: 10.1016/j.example.2017.01.061") == [
        ("CIT107", "warning")]


def _review_count(entry: str):
    text = (f"# Visits\n\n## Background\n\nSeven trials have addressed a policy of fewer visits [1]. Women were "
            f"content [2].\n\n## References\n\n1. {entry}\n2. Lima C. Visits. *BJOG*. 2002;4:10-19.\n")
    return codes_of(text, "CIT301")


def test_the_cochrane_database_cited_without_its_name_holds_a_review():
    """'Database of Syst Rev. 2010;10.': one review may hold seven trials."""
    assert _review_count("Dowell T, Carr G. Alternative packages of antenatal care. *Database of Syst Rev*. "
                         "2010;10.") == []
    # Positive: one entry that is no review does not hold seven trials.
    assert _review_count("Dowell T, Carr G. Alternative packages of antenatal care. *Midwifery*. 2010;10:1-5.") == [
        ("CIT301", "warning")]


def test_a_year_before_the_colon_of_an_address_is_the_entry_s_year():
    """IARC's '... risks to humans 2012: Available at: http://...': the year, then the address after a colon."""
    from kb.read.reference_list import parse_entry

    e = parse_entry(3, "IARC. A review of human carcinogens. IARC monographs on the evaluation of carcinogenic risks to "
                       "humans 2012: Available at: http://monographs.iarc.fr/mono100E.pdf . Accessed Sept 2013.", 1)
    assert e.year == 2012
    # Clean case: with no year before the address, the access date gives none.
    e = parse_entry(4, "IARC. A review of human carcinogens. IARC monographs on the evaluation of carcinogenic risks to "
                       "humans: Available at: http://monographs.iarc.fr/mono100E.pdf . Accessed Sept 2013.", 1)
    assert e.year is None
