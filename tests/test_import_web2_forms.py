"""kb import and the reader on forms met in the second folder of web pages and Word files written by others
(scripts/web_accuracy.py /work/corpusweb2): pandoc's citeproc entries, manubot's entry lines, Springer's note
above its list and link rows, a page whose <head> is never closed, Annals' '[PMID: n]', Chicago's ditto dash.
Each form a small fixture with a positive and a clean case."""
from kb.importers import html
from kb.read.author_year_list import read_entry
from kb.read.ditto import read_dittos
from kb.read.parse_policy import parse_policy
from kb.read.reference_list import parse_entry

ENTRY = "Smith J, Jones K. A trial of things. J Foo. 2010;1:1-2."
ENTRY2 = "Brown A. A review of things. J Bar. 2012;3:4-5."


def _page(body: str, head_closed: bool = True) -> bytes:
    head = "<head><title>t</title></head>" if head_closed else "<head><title>t</title><link href=a rel=x>"
    return f"<!DOCTYPE html><html>{head}<body>{body}</body></html>".encode()


def _md(body: str, head_closed: bool = True) -> str:
    """The page's Markdown (the web importer alone: a clean case may have no reference list to import)."""
    return html.convert(_page(body, head_closed), "p.html").markdown


# pandoc/citeproc (R Markdown, Quarto, manubot): each entry a <div class="csl-entry"> with its number apart ----

def _csl(entry_class: str) -> str:
    entries = "".join(f"<div id='ref-{k}' class='{entry_class}' role='doc-biblioentry'>"
                      f"<div class='csl-left-margin'>{n}. </div><div class='csl-right-inline'>{text}</div></div>"
                      for n, k, text in ((1, "a", ENTRY), (2, "b", ENTRY2)))
    return ("<p>Trials help.<sup><a href='#ref-a'>1</a></sup> Reviews too.<sup><a href='#ref-b'>2</a></sup></p>"
            f"<h2>References</h2><div id='refs' class='references csl-bib-body'>{entries}</div>")


def test_a_citeproc_entry_block_is_one_numbered_entry():
    doc = parse_policy(_md(_csl("csl-entry")))
    assert [(e.number, e.first_author, e.year) for e in doc.references] == [(1, "Smith", 2010), (2, "Brown", 2012)]
    # Clean case: the same blocks outside a reference section stay paragraphs, number and text apart. (They stand in
    # a plain <div>: pandoc's own bibliography, div#refs, is read as the list on a page naming none, see
    # tests/test_import_web5_forms.py.)
    page = _csl("csl-entry").replace("<h2>References</h2>", "<h2>Appendix</h2>")
    md = _md(page.replace("id='refs' class='references csl-bib-body'", "class='appendix'"))
    assert "1.\n\nSmith J" in md


def test_older_pandoc_entries_are_divs_named_ref_inside_refs():
    """Manubot's older pages: '<div id="ref-KEY"><p>1. <strong>Title</strong> <br/>Authors<br/>...' in div#refs."""
    lines = "<strong>Deep learning</strong> <br/>Yann LeCun, Geoffrey Hinton<br/><em>Nature</em> (2015-05-27)"
    body = ("<p>Nets learn [<a href='#ref-a'>1</a>].</p><h2>References</h2><div id='refs'>"
            f"<div id='ref-a'><p>1. {lines}</p></div><div id='ref-b'><p>2. {ENTRY2}</p></div></div>")
    md = _md(body)
    assert "1. Deep learning. Yann LeCun, Geoffrey Hinton. *Nature* (2015-05-27)" in md
    assert [e.number for e in parse_policy(md).references] == [1, 2]
    # Clean case: a div named 'ref-...' outside div#refs is a container as before, its lines kept apart.
    assert "1. **Deep learning**" in _md(body.replace("id='refs'", "id='other'"))


# manubot: a bold title, the authors on a line of their own (a block or a <br>), then the journal in italics ----

def test_the_lines_of_an_entry_end_with_a_stop_between_its_parts():
    entry = ("<strong>Deep learning</strong> <div class='csl-block'>Yann LeCun, Geoffrey Hinton</div>"
             "<em>Nature</em> (2015-05-27)")
    body = ("<p>Nets learn [<a href='#ref-a'>1</a>].</p><h2>References</h2><div id='refs'>"
            f"<div id='ref-a' class='csl-entry'><div class='csl-left-margin'>1. </div>"
            f"<div class='csl-right-inline'>{entry}</div></div></div>")
    assert "1. Deep learning. Yann LeCun, Geoffrey Hinton. *Nature* (2015-05-27)" in _md(body)
    older = body.replace("<div class='csl-block'>Yann LeCun, Geoffrey Hinton</div>",
                         "<br/>Yann LeCun, Geoffrey Hinton<br/>")
    assert "1. Deep learning. Yann LeCun, Geoffrey Hinton. *Nature* (2015-05-27)" in _md(older)
    # Clean case: a part ending in its own punctuation gets no second stop.
    asked = body.replace("Deep learning</strong>", "Deep learning?</strong>")
    assert "1. Deep learning? Yann LeCun" in _md(asked)


# Springer: a sentence about the list set as an <h3> above it, and a row of link-outs under each entry -----------

def _springer(note: str) -> str:
    links = "<p class='links'><a href='/cas'>CAS</a> <a href='/pm'>PubMed</a> <a href='/gs'>Google Scholar</a></p>"
    doi = "<p class='doi'><a href='https://doi.org/10.1/x'>10.1/x</a></p>"
    return ("<p>Drugs harm.<sup><a href='#CR1'>1</a></sup></p><h2>References</h2>"
            f"<h3>{note}</h3><ol><li><p id='CR1'>{ENTRY}</p>{links}</li><li><p id='CR2'>{ENTRY2}</p>{doi}</li></ol>")


def test_a_note_set_as_a_heading_above_the_list_does_not_end_it():
    md = _md(_springer("Papers of particular interest, published recently, have been highlighted as: •• Of "
                       "major importance"))
    doc = parse_policy(md)
    assert [e.first_author for e in doc.references] == ["Smith", "Brown"]
    assert "CAS" not in md and "Google Scholar" not in md and "10.1/x" in md  # the link row goes, the DOI stays
    # Clean cases: a short part name under the reference heading stays a heading; so does a long one that stands
    # after entries (a second part of the list).
    assert "### Further reading" in _md(_springer("Further reading"))
    second = _springer("Further reading").replace("</ol>", "</ol><h3>Studies excluded from the review, with the "
                                                  "reasons for their exclusion</h3><ol><li>Green B. 2014.</li></ol>")
    assert "### Studies excluded from the review" in _md(second)


# A minified page with no '</head>': html.parser keeps <body> inside <head> --------------------------------------

def test_a_page_whose_head_is_never_closed_keeps_its_body():
    body = f"<p>Trials help.<sup><a href='#r1'>1</a></sup></p><h2>References</h2><ol><li id='r1'>{ENTRY}</li></ol>"
    md = _md(body, head_closed=False)
    assert "Trials help" in md and [e.first_author for e in parse_policy(md).references] == ["Smith"]
    # Clean case: a closed head gives the same text.
    assert _md(body) == md


# Annals of Internal Medicine: '[PMID: 24055351]' ---------------------------------------------------------------

def test_a_bracketed_pmid_ends_before_the_bracket():
    entry = parse_entry(1, "Peasah SK, Breese J. Influenza cost. Vaccine. 2013;31:5339-48. [PMID: 24055351] "
                           "doi:10.1016/j.vaccine.2013.09.013", 1)
    assert entry.pmid == "24055351"
    # Clean case: a PMID after a colon, closed by a stop, reads as before.
    assert parse_entry(1, "Peasah SK. Influenza cost. Vaccine. 2013;31:5339-48. PMID: 24055351.", 1).pmid == "24055351"


# Chicago author-date (citeproc in Word): '———. 2018.' repeats the names of the entry before ---------------------

def _dittos(lines: list[str]):
    return read_dittos([read_entry(n, t, n) for n, t in enumerate(lines, 1)], read_entry)


def test_a_chicago_ditto_dash_stands_for_the_names_of_the_entry_before():
    org = _dittos(["World Health Organization. 2016. *Ambient Air Pollution*. Geneva: WHO.",
                   "———. 2018. “Health-Care Waste.” Geneva, Switzerland: World Health Organization.",
                   "———. 2019. “Global Tuberculosis Report 2019.” Geneva: World Health Organization."])
    assert [(e.organisation, e.year) for e in org[1:]] == [("World Health Organization", 2018),
                                                          ("World Health Organization", 2019)]
    assert org[1].raw.startswith("———. 2018.")  # the text stays as printed
    person = _dittos(["Wickham, Hadley. 2016. *Ggplot2: Elegant Graphics*. New York: Springer.",
                      "———. 2023. *Forcats: Tools for Factors*. https://CRAN.R-project.org/package=forcats."])
    assert (person[1].surnames[:1], person[1].year) == (("Wickham",), 2023)
    # Clean case: an entry with names of its own is read as printed.
    plain = _dittos(["Wickham, Hadley. 2016. *Ggplot2*. New York: Springer.",
                     "Xing, Yu-Fei. 2016. “The Impact of PM2.5.” *Journal of Thoracic Disease* 8 (1): 69–74."])
    assert plain[1].surnames[:1] == ("Xing",)


# Word: a reference manager's list under a misspelt heading ('Refrences'), printed '(1)<tab>Author' (ACS) ---------

def _acs_bibliography(heading: str | None):
    from importtools import docx_bytes

    def build(d):
        d.add_paragraph("Maps help planners (1).")
        d.add_paragraph("(1)\tFirst, the maps were drawn.")  # a number and a tab outside the list: text
        if heading:
            d.add_heading(heading, 2)
        d.add_paragraph("")
        style = d.styles.add_style("Bibliography", 1)
        d.add_paragraph("(1) \tGoodchild, M. F.; Glennon, J. A. Crowdsourcing Geographic Information. "
                        "Int J Digit Earth 2010, 3 (3), 231–241.", style=style)
        d.add_paragraph("(2) \tKwan, M.-P. The Uncertain Geographic Context Problem. Ann Assoc Am Geogr 2012, 102, "
                        "958–968.", style=style)
    return docx_bytes(build)


def test_a_bibliography_under_a_heading_naming_no_list_gets_a_reference_heading():
    from kb.importers import convert

    result = convert(_acs_bibliography("Refrences"), "p.docx")
    assert "## Refrences" in result.markdown  # kept as printed
    assert [(e.number, e.first_author, e.year) for e in parse_policy(result.markdown).references] == [
        (1, "Goodchild", 2010), (2, "Kwan", 2012)]
    assert any("under the heading 'Refrences'" in n for n in result.notes)
    assert any("'(12)'" in n for n in result.notes)
    assert "(1) First, the maps were drawn." in result.markdown and "1. First" not in result.markdown
    # Clean case: a list with no heading right above it is still refused, saying what to do.
    import pytest

    from kb.errors import KbError
    with pytest.raises(KbError, match="add a 'References' heading"):
        convert(_acs_bibliography(None), "p.docx")



# Chicago author-date: 'Hees, Vincent T. van' in the list, cited 'V. T. van Hees et al. 2015' -------------------

def _chicago(citation: str) -> str:
    return (f"# Policy\n\nSleep is scored in epochs ({citation}).\n\n## References\n\n"
            "Hees, Vincent T. van, Séverine Sabia, and Kirstie N. Anderson. 2015. “A Novel, Open Access Method.” "
            "*PLoS One* 10 (11): e0142533.\n\n"
            "Palm, Lars, and Elin Persson. 1989. “Sleep and Wakefulness in Normal Preadolescent Children.” *Sleep* "
            "12 (4): 299–308.\n")


def test_initials_and_a_particle_before_a_surname_the_list_prints_after_the_given_names():
    doc = parse_policy(_chicago("V. T. van Hees et al. 2015"))
    assert [m.numbers for m in doc.markers] == [(1,)]
    # Clean case: another surname with the same particle names no entry.
    assert [m.numbers for m in parse_policy(_chicago("V. T. van Dijk et al. 2015")).markers] in ([], [()])


# An R manuscript's interval with an upper bound in e-notation: 'HR = 6436, 95% CI = 2.67 - 1.55e7' --------------

def test_a_bound_in_e_notation_is_read_whole():
    from formtools import codes_of

    text = "# P\n\nRisk was higher in DMGs (HR = 6436, 95% CI = 2.67 - {}, p = 0.03).\n"
    assert codes_of(text.format("1.55e7"), "EST101") == []
    # Clean case: the same bound printed without its exponent still runs backwards.
    assert codes_of(text.format("1.55").replace("6436", "6.4"), "EST101") == [("EST101", "error")]


# manubot: 'Title. Given Surname, Given Surname. *Journal* (2015-05-27) <address> DOI: ... · PMID: ...' ---------

_MANUBOT = [
    "Deep learning. Yann LeCun, Yoshua Bengio, Geoffrey Hinton. *Nature* (2015-05-27) <https://doi.org/bmqp> "
    "DOI: 10.1038/nature14539 · PMID: 26017442",
    "Analysis of a Four-Layer Series-Coupled Perceptron. II. H. D. Block, B. W. Knight, F. Rosenblatt. *Reviews of "
    "Modern Physics* (1962-01-01) <https://doi.org/dkpnv5> DOI: 10.1103/revmodphys.34.135",
    "Supervised Risk Predictor of Breast Cancer. Joel S. Parker, Michael Mullins, … Philip S. Bernard. *Journal of "
    "Clinical Oncology* (2009-03-10) <https://doi.org/c2688w> DOI: 10.1200/jco.2008.18.1370 · PMID: 19204204",
    "MEME. *Nucleic Acids Research* (2009-05-20) <https://doi.org/x> DOI: 10.1093/nar/gkp335",
]


def _numbered(entries: list[str]) -> str:
    cites = " ".join(f"Work {n} [{n}]." for n in range(1, len(entries) + 1))
    return f"# P\n\n{cites}\n\n## References\n\n" + "\n".join(f"{n}. {e}" for n, e in enumerate(entries, 1)) + "\n"


def test_a_list_printing_titles_first_is_read_names_first():
    refs = parse_policy(_numbered(_MANUBOT)).references
    assert [(e.first_author, e.year, e.pmid) for e in refs] == [
        ("LeCun", 2015, "26017442"), ("Block", 1962, None), ("Parker", 2009, "19204204"), (None, 2009, None)]
    assert refs[0].title.startswith("Deep learning") and refs[1].title.startswith("Analysis of a Four-Layer")
    assert refs[0].raw == _MANUBOT[0]  # the text stays as printed
    # Clean case: one such entry among names-first entries is not enough to show the form; it is read as before.
    mixed = parse_policy(_numbered([_MANUBOT[0], "Smith J, Jones K. A trial. J Foo. 2010;1:1-2.",
                                    "Brown A. A review. J Bar. 2012;3:4-5."])).references
    assert mixed[0].first_author is None and mixed[1].first_author == "Smith"
