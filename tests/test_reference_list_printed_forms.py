"""Reference lists as articles print them (PDF imports bring these forms in): a numbered heading, entries
numbered with a bare number, authors set in bold. Each with the clean case beside it."""
import pytest

from kb.read.parse_policy import parse_policy

ENTRIES = "1. Smith J. A trial. Lancet 2009;1:2-3.\n2. Jones K. Another. BMJ 2010;2:3-4.\n"


@pytest.mark.parametrize("heading", ["References", "7. References", "VII. REFERENCES", "Reference list",
                                     "Literature Cited", "References:"])
def test_a_reference_heading_may_carry_a_section_number(heading):
    doc = parse_policy(f"# Trial\n\nText [1] and [2].\n\n## {heading}\n\n{ENTRIES}")
    assert [e.first_author for e in doc.references] == ["Smith", "Jones"]


@pytest.mark.parametrize("title", ["7. References to other policies", "References and notes on coding",
                                   "12 references were screened"])
def test_a_heading_that_only_mentions_references_is_not_the_list(title):
    from kb.read.parse_policy import REFERENCE_HEADING

    assert not REFERENCE_HEADING.match(title)
    assert REFERENCE_HEADING.match("7. References")


def test_entries_numbered_with_a_bare_number_are_read_in_sequence():
    doc = parse_policy("# T\n\nText [1], [2] and [3].\n\n## References\n\n"
                       "1 Acharya KR, Sturrock ED. Ace revisited. Nat Rev Drug Discov 2003;2:891-902.\n"
                       "2 Fyhrquist F, Saijonmaa O. Renin-angiotensin system revisited. J Intern Med\n"
                       "2008;264:224-36.\n"
                       "3 Soubrier F. Two putative active centers. Proc Natl Acad Sci USA 1988;85:9386-90.\n")
    assert [(e.number, e.first_author, e.year) for e in doc.references] == [
        (1, "Acharya", 2003), (2, "Fyhrquist", 2008), (3, "Soubrier", 1988)]


def test_a_wrapped_line_opening_with_a_number_out_of_sequence_stays_in_its_entry():
    doc = parse_policy("# T\n\nText [1] and [2].\n\n## References\n\n"
                       "1 Acharya KR. Ace revisited. Nat Rev Drug Discov 2003; volume\n"
                       "12 Suppl 2:891-902.\n"
                       "2 Fyhrquist F. Renin. J Intern Med 2008;264:224-36.\n")
    assert [e.number for e in doc.references] == [1, 2]
    assert "12 Suppl" in doc.references[0].raw


def test_authors_set_in_bold_are_read_and_the_entry_keeps_its_marks():
    doc = parse_policy("# T\n\nAs Afgan et al. (2016) and Altschul et al. (1997) showed.\n\n## References\n\n"
                       "**Afgan E, Baker D, van den Beek M. 2016.** The Galaxy platform. *Nucleic Acids Research* "
                       "44:W3-W10.\n\n"
                       "**Altschul SF, Madden TL. 1997.** Gapped BLAST. *Nucleic Acids Research* 25:3389-3402.\n")
    assert [(e.first_author, e.year) for e in doc.references] == [("Afgan", 2016), ("Altschul", 1997)]
    assert doc.references[0].raw.startswith("**Afgan E")


@pytest.mark.parametrize("printed, pmid", [("(PMID: 17693180), doi: 10.1016/x.", "17693180"),
                                           ("PMID: 17693180.", "17693180"), ("PMID:17693180", "17693180")])
def test_a_pmid_in_brackets_is_read_without_the_bracket(printed, pmid):
    doc = parse_policy(f"# T\n\nText [1].\n\n## References\n\n1. Zimmermann MB. Iron. Lancet 2007;370:511-20. {printed}\n")
    assert doc.references[0].pmid == pmid


def test_a_numbered_list_under_no_heading_is_named_in_the_refusal():
    from kb.errors import KbError
    from kb.importers import convert

    text = b"# T\n\nText [1] and [3].\n\n[1] Smith J. A. Lancet 2001.\n[2] Jones K. B. BMJ 2002.\n[3] Li C. C. 2003.\n"
    with pytest.raises(KbError, match=r"no References heading\): entries numbered 1 to 3 are printed under no"):
        convert(text, "preprint.md", "markdown")


def test_a_document_without_any_list_keeps_the_usual_refusal():
    from kb.errors import KbError
    from kb.importers import convert

    with pytest.raises(KbError, match=r"no References heading\); import the whole policy"):
        convert(b"# T\n\n1. A numbered step.\n2. Another step.\n\nText [1].\n", "page.md", "markdown")
