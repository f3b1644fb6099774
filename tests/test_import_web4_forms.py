"""kb import, the reader and the checks on forms met in the fourth folder of web pages and Word files written by
others (scripts/web_accuracy.py /work/corpusweb4): the National Guideline Clearinghouse's saved pages (a telephone
number '(301) 427-1364' in every footer, a 'Read Comments (3)' link under the title, a citation closing a paragraph
after its colon, headings marked '<sup>1</sup>' for a definitions list in a page citing '(1-5)'), an authors'
contributions statement in CRediT roles ('Methodology: DEC, JFE, FF, AGM, AVS.') and a Chinese government paper's
number ('Yi Zheng Han [2024] No. 90'). Each form a small fixture with a positive and a clean case."""
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, markers_in


def _entries(n: int) -> str:
    return "".join(f"{k}. Author{chr(64 + k)} A. Paper {k}. J Foo. 20{10 + k};1:1-2.\n" for k in range(1, n + 1))


# A telephone number: the area code in parentheses, then seven digits --------------------------------------------

def test_a_telephone_numbers_area_code_is_no_citation():
    assert markers_in("**Telephone:** (301) 427-1364") == []
    assert markers_in("Call us at (800) 555.1212 for help.") == []
    # Clean case: a citation followed by other numbers than a telephone's still cites.
    assert markers_in("as in 301 cohorts (301) 427 more were seen") == ["301"]


# A page's counter of comments on a link of its own ------------------------------------------------------------

def test_a_pages_counter_of_comments_is_no_citation():
    assert markers_in("- Read Comments (3)") == []
    assert markers_in("[Replies (12)](#replies)") == []
    # Clean case: a citation after the word in running text cites.
    assert markers_in("as several readers wrote in their comments (3)") == ["3"]


# A citation closing a paragraph after its colon ---------------------------------------------------------------

def test_a_citation_closing_a_paragraph_after_its_colon_cites():
    assert markers_in("In the meantime, basic principles can inform the care of patients with MDD: (14)") == ["14"]
    # Clean cases: a list's label after a colon, and a short label's value, cite nothing.
    assert markers_in("The study had two aims: (1) to test the drug, (2) to see its harms.") == []
    assert markers_in("Grade: (3)") == []


# Raised numbers marking headings for a definitions list, in a short list cited in parentheses ------------------

def _commentary(raised: bool) -> str:
    mark = "<sup>{n}</sup>" if raised else ""
    heads = "".join(f"{name} Nervosa{mark.format(n=n)}\n\nIt is treated with drugs (7).\n\n"
                    for n, name in ((1, "Anorexia"), (2, "Bulimia"), (3, "Binge")))
    return ("# A commentary\n\nPrevalence is low among men (1-5). They are: a guideline (6); another (7); "
            "a third (8); a fourth (9).\n\nThe review found a little (1). More was found in trials (2). Three "
            f"studies agree (3).\n\n{heads}## References\n\n" + _entries(9))


def test_raised_heading_notes_in_a_short_list_cited_in_parentheses_are_not_its_citations():
    doc = parse_policy(_commentary(raised=True))
    cited = {n for m in doc.markers for n in m.numbers}
    assert cited == set(range(1, 10))
    assert not any("<sup>" in doc.lines[m.line - 1] for m in doc.markers)
    # Clean case: the same page without the raised marks reads the same parentheses.
    assert {n for m in parse_policy(_commentary(raised=False)).markers for n in m.numbers} == set(range(1, 10))


def test_raised_numbers_citing_across_a_short_list_stay_its_citations():
    # Clean case: a document citing with raised numbers over its whole list, with a few values in parentheses.
    text = ("# A review\n\nSepsis kills.<sup>1</sup> Fluids help.<sup>2</sup> Drugs help.<sup>3</sup> Scores "
            "guide care.<sup>4</sup> Early care matters.<sup>5,6</sup>\n\nIn 12 units (4) and 30 beds (6) staff "
            "counted cases (5).\n\n## References\n\n" + _entries(6))
    doc = parse_policy(text)
    assert {n for m in doc.markers for n in m.numbers} == set(range(1, 7))
    assert all("<sup>" in doc.lines[m.line - 1] for m in doc.markers)


# Authors' initials in a contributions statement -------------------------------------------------------------

def _paper(heading: str) -> str:
    return ("# A trial\n\nPain was rated on a visual analog scale (VAS) by every participant. The VAS ranged from "
            f"0 to 10.\n\n## {heading}\n\n- Methodology: DEC, JFE, FF, AGM, AVS.\n- Writing: JFE, FF, AGM.\n\n"
            "## References\n\n" + _entries(1))


def test_authors_initials_in_a_contributions_statement_are_no_acronyms():
    assert codes_of(_paper("Authors contributions"), "DOC112") == []
    assert codes_of(_paper("CRediT authorship statement"), "DOC112") == []
    # Clean case: the same slip in another section is reported.
    assert codes_of(_paper("Methods"), "DOC112") == [("DOC112", "warning")]


# A government paper's number: a year in brackets and 'No.' after a word that is a surname too ------------------

def _funding(after: str) -> str:
    return ("# A study\n\nTrials were few.[1] Their registrations were classified.[2] Most were small. Few were "
            "blinded. None was stopped early.\n\n## Declarations\n\nFunding: supported by the Specialty Project "
            f"(Guo Zhong Yi Zheng Han [2024]{after}).\n\n## References\n\n1. Smith A. A trial. J Foo. 2010;1:1-2.\n"
            "2. Han J, Li K. Trial classification. J Med Inform. 2024;3:1-9.\n")


def test_a_government_papers_number_is_no_named_study():
    assert codes_of(_funding(" No. 90"), "CIT205") == []
    # Clean case: the surname and year with no paper's number after them is a study named without its marker.
    assert codes_of(_funding(" reported"), "CIT205") == [("CIT205", "warning")]
