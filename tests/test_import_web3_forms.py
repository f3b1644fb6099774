"""kb import, the reader and the checks on forms met in the third folder of web pages and Word files written by
others (scripts/web_accuracy.py /work/corpusweb3): PubMed Central's classic pages (site chrome around the article,
found by the page's 'Skip to main content' link), PMC's 2024 entries ('<span class="label">1.</span><cite>...'), a
table's mean (SD) [min, max], a Word byline with raised digits as characters, 'did not show genome-wide
significant', and 'the four studies' citing five papers. Each form a small fixture with a positive and a clean case."""
from kb.importers import html
from kb.read.parse_policy import parse_policy
from tests.formtools import codes_of, in_results, markers_in

ENTRY = "Smith J, Jones K. A trial of things. J Foo. 2010;1:1-2."
ENTRY2 = "Brown A. A review of things. J Bar. 2012;3:4-5."


def _md(body: str) -> str:
    page = f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"
    return html.convert(page.encode(), "p.html").markdown


def _entries(n: int) -> str:
    return "".join(f"{k}. Author{chr(64 + k)} A. Paper {k}. J Foo. 20{10 + k};1:1-2.\n" for k in range(1, n + 1))


# PubMed Central's classic page: no <main> or <article>; its content is the target of 'Skip to main content' -----

def _pmc_classic(skip: str) -> str:
    return (f"<div class='header'><ul><li><a href='#maincontent'>{skip}</a></li></ul>"
            "<p>US National Library of Medicine</p><p>National Institutes of Health</p></div>"
            "<div id='maincontent'><h1>A trial</h1><p>Trials help.<a href='#R1'>1</a></p>"
            f"<h2>References</h2><div id='R1'>1. {ENTRY}</div></div>"
            "<div id='footer'><a href='https://www.nih.gov'>NIH</a><a href='#'>USA.gov</a></div>")


def test_a_pages_content_is_where_its_skip_link_points():
    md = _md(_pmc_classic("Skip to main content"))
    assert "National Institutes of Health" not in md
    assert "# A trial" in md and "1. Smith J" in md
    # Clean case: a link that skips elsewhere names no content; the whole body is read as before.
    md = _md(_pmc_classic("Skip to the navigation"))
    assert "National Institutes of Health" in md


def test_a_skip_target_without_the_reference_list_is_not_the_content():
    body = _pmc_classic("Skip to main content").replace("<h2>References</h2>", "<h2>Discussion</h2>")
    assert "National Institutes of Health" in _md(body)


# PMC's 2024 pages: each entry '<span class="label">1.</span><cite>Sheikhalishahi S, ...</cite>', no space ------

def _pmc_list(label: str) -> str:
    items = "".join(f"<li id='B{n}'><span class='label'>{label.format(n=n)}</span><cite>{text}</cite></li>"
                    for n, text in ((1, ENTRY), (2, ENTRY2)))
    return (f"<p>Trials help (<a href='#B1'>1</a>). Reviews too (<a href='#B2'>2</a>).</p>"
            f"<section class='ref-list'><h2>References</h2><ul class='ref-list' style='list-style-type:none'>{items}"
            "</ul></section>")


def test_an_entrys_number_with_its_stop_in_an_element_of_its_own_is_its_label():
    doc = parse_policy(_md(_pmc_list("{n}.")))
    assert [(e.number, e.first_author, e.year) for e in doc.references] == [(1, "Smith", 2010), (2, "Brown", 2012)]
    # Clean case: the bare number, as Wiley prints it, reads as before.
    doc = parse_policy(_md(_pmc_list("{n}")))
    assert [(e.number, e.first_author) for e in doc.references] == [(1, "Smith"), (2, "Brown")]


# A table's mean (SD) [min, max]: the range holds the mean ------------------------------------------------------

def test_a_range_after_a_mean_and_its_sd_in_a_cell_is_no_citation():
    assert markers_in("| Age (SD)  [min, max] | 8.8 (2.14)  [5.2,13.2] | 50.9 (17.0)  [18,90] |") == []
    # Clean case: a pair that does not hold the value before it still cites.
    assert markers_in("| Replicated | 50.9 (17.0)  [3,4] |") == ["3,4"]


# A Word byline: names in capitals, bold, each with a raised digit as a character; affiliations below ----------

_WORD_BYLINE = ("# A model\n\n**ANN LEE\u00b9*****, BOB RAY\u00b2, CAROL DAY\u2074***\n\u00b9 School of Science, X\n"
                "\u00b2 Department of Y\n\u2074 Department of Z\n\n## Introduction\n\n{body}\n\n## References\n\n"
                + _entries(3))


def test_a_byline_of_raised_digit_characters_cites_nothing():
    text = _WORD_BYLINE.format(body="Aspirin helps.\u00b9 Statins too.\u00b2 Diet counts.\u00b3")
    assert codes_of(text, "CIT101") == []
    # Clean case: the same raised digit in a sentence cites an entry the list lacks.
    text = _WORD_BYLINE.format(body="Aspirin helps.\u00b9 Statins too.\u00b2 Diet counts.\u00b3 Sleep too.\u2074")
    assert codes_of(text, "CIT101") == [("CIT101", "error")]


# 'did not show genome-wide significant levels' (p = 0.002): a corrected threshold, not the 95% interval's -----

def test_genome_wide_significance_is_no_claim_on_the_interval():
    sentence = ("In our cohort this variant did not show genome-wide significant levels of association "
                "(OR 3.46, 95% CI 1.54-7.77; p=0.002).")
    assert in_results(sentence, "EST201") == []
    # Clean case: plain significance denied against an interval that excludes 1 is still a contradiction.
    sentence = "In our cohort this variant did not show significant association (OR 3.46, 95% CI 1.54-7.77)."
    assert in_results(sentence, "EST201") == [("EST201", "error")]


# 'in the four studies<sup>1-5</sup>': studies named before, one of which may have two papers -----------------

def _studies(words: str) -> str:
    return (f"# Cohorts\n\n## Methods\n\nDetails of {words}<sup>1\u20135</sup> are in the appendix.\n\n"
            f"## References\n\n{_entries(5)}")


def test_the_named_studies_citing_more_papers_is_only_a_note():
    assert codes_of(_studies("the four studies"), "CIT301") == [("CIT301", "info")]
    # Clean case: a count with no article pointing back is still checked against the entries.
    assert codes_of(_studies("four studies"), "CIT301") == [("CIT301", "warning")]
