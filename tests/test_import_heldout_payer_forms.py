"""Forms met in held-out payer and Medicaid coverage policies (/work/corpusdoc3: Cigna's and UnitedHealthcare's
drug prior-authorization policies, Envolve's clinical policy, the Ohio Medicaid pharmacy benefit's Markdown pages):
a reference's label glued to its first author on a PDF line of its own, a withdrawal share broken down by reason, a
bare domain after 'Available at', a guideline version that carries its year, and a reference list printed as
bulleted Markdown links. The texts are made here; each form has a positive and a clean case."""
from __future__ import annotations

from importtools import layout_line as _line, written_lines as _written
from kb.read.parse_policy import parse_policy


def _policy(listing: str, body: str = "Widgets helped [1].") -> str:
    return (f"# Example Health\n\n## Widget Therapy\n\n### Policy\n\nWidgets are covered.\n\n"
            f"### Rationale\n\n{body}\n\n### References\n\n{listing}\n")


def test_a_label_glued_to_the_next_entry_opens_it_in_a_pdf_list():
    """Cigna: '18.Angeles-Han ST, Ringold S, ...' printed under entry 17, its label touching the name (the list's
    other labels have a space); read as the end of entry 17, reference 18 went missing (REF101)."""
    text = _written([
        _line("16. Dejaco C, Singh YP. Recommendations for polymyalgia rheumatica. Arthritis", 100, 50, 500),
        _line("Rheumatol. 2015;67:2569-80.", 112, 50, 200),
        _line("17. Feuerstein JD, Ho EY. Guidelines on fistulizing Crohn's disease. Gastroenterology.", 124, 50, 500),
        _line("2021;160:2496-508.", 136, 50, 150),
        _line("18.Angeles-Han ST, Ringold S. Guideline for uveitis. Arthritis Rheumatol. 2019;71:864-77.", 148, 50,
              500),
        _line("19. Ingram JR, Collier F. Guidelines for hidradenitis. Br J Dermatol. 2019;180:1009-17.", 160, 50, 500)])
    assert "2496-508. 18.Angeles" not in text
    listing = "\n".join(line for line in text.splitlines() if line.strip())
    entries = parse_policy(_policy(listing.replace("16.", "1.", 1).replace("17.", "2.", 1)
                                   .replace("18.", "3.", 1).replace("19.", "4.", 1))).references
    assert [e.first_author for e in entries] == ["Dejaco", "Feuerstein", "Angeles-Han", "Ingram"]
    # the glued label set further out (a two-digit label pushed left) still opens an item of the same list
    text = _written([
        _line("9. Cole C. Widgets in hips. Hip. 2020;2:3-4.", 100, 50, 300),
        _line("10.Dunn D. Widgets in elbows. Elbow. 2021;3:5-6.", 112, 20, 300),
        _line("11. Egan E. Widgets in wrists. Wrist. 2022;4:7-8.", 124, 50, 300)])
    indents = {line.split(".")[0].strip(): len(line) - len(line.lstrip()) for line in text.splitlines() if line.strip()}
    assert indents["9"] == indents["10"] == indents["11"]
    # Clean case: a wrapped line that opens with another number and a stop (a dose, a section '2.Results' out of
    # turn) runs on in its item.
    text = _written([_line("3. Start low: the dose is then raised in steps of", 100, 50, 500),
                     _line("2.Results of the trial show benefit; and", 112, 50, 500),
                     _line("7.5 mg is the usual ceiling.", 124, 50, 300)])
    assert "steps of 2.Results of the trial show benefit; and 7.5 mg" in text


def test_counts_that_break_down_a_stated_share_are_no_split_of_the_total():
    """Cigna: 'Of the 55 patients in the safety group, 27% of patients withdrew by Week 144 due to adverse effects
    (n = 4), lack of efficacy (n = 9), withdrawn consent (n = 1), and lost to follow-up (n = 1).' The reasons split
    the 27% who withdrew (15 of 55), not the 55: EST301 said they add up to 15, not 55."""
    from kb.estimates.counts import sample_splits

    text = ("Of the 55 patients in the safety group, 27% of patients withdrew by Week 144 due to adverse effects "
            "(n = 4), lack of efficacy (n = 9), withdrawn consent (n = 1), and lost to follow-up (n = 1).")
    assert sample_splits(text) == []
    # Clean case: a share that the parts do not make (35% of 55 is 19, the parts 15), or parts that should make
    # the total itself, are still checked.
    wrong = text.replace("27%", "35%")
    assert [s[0] for s in sample_splits(wrong)] == ["55"]
    assert [s[0] for s in sample_splits("Of the 55 patients, 27% had widgets (n = 30) and placebo (n = 20).")] == ["55"]


_NCCN = ("1. Blincyto Prescribing Information. Thousand Oaks, CA: Amgen, Inc.; March 2018.\n"
         "2. National Comprehensive Cancer Network Drugs and Biologics Compendium. Available at nccn.org. "
         "Accessed April 2018.\n"
         "3. National Comprehensive Cancer Network Guidelines. Acute lymphoblastic leukemia; Version 1.2018. "
         "Available at nccn.org. Accessed April 2018.\n")


def test_a_bare_domain_after_available_at_is_an_address():
    """Envolve: 'Available at nccn.org.' names the site, without 'https://' or 'www.': REF122 said the entry gave
    no address."""
    from formtools import codes_of

    assert codes_of(_policy(_NCCN), "REF122") == []
    # Clean case: a publisher's name after the phrase, an abbreviation with stops ('U.S.'), or nothing at all,
    # is still no address.
    empty = ("1. Widget Society. Widget guidance. 2018. Available from: Widget Press.\n"
             "2. Widget Agency. Widget report. 2019. Available at: U.S. Department of Widgets.\n"
             "3. Widget Board. Widget criteria. 2020. Available from:\n")
    assert codes_of(_policy(empty), "REF122") == [("REF122", "error")] * 3


def test_a_guideline_version_that_carries_its_year_dates_the_entry():
    """Envolve: NCCN's 'Version 1.2018' names the version relied on and its year: REF123 asked for a date of
    publication."""
    from formtools import codes_of

    assert codes_of(_policy(_NCCN), "REF123") == []
    # Clean case: a guideline with only an access date, or a version number that is no year, still gets REF123.
    undated = ("1. Widget Society. Widget guidelines. Available at: https://widgets.org/g. Accessed April 2018.\n"
               "2. Widget Society. Widget guidelines; Version 3.1. Available at: https://widgets.org/h. "
               "Accessed April 2018.\n")
    assert codes_of(_policy(undated), "REF123") == [("REF123", "warning")] * 2


def test_a_list_of_bulleted_markdown_links_is_a_reference_list():
    """Ohio Medicaid's pharmacy pages (mkdocs): '## References' over '- [American College of Rheumatology 2021
    Rheumatoid Arthritis Guidelines](https://...){ :target="_blank" rel="noopener" }', one link a source; the
    import refused the page ('the reference list has no numbered entries')."""
    links = ('- [American College of Rheumatology 2021 Rheumatoid Arthritis Guidelines](https://acr.example.org/'
             'ra-2021.pdf){ :target="_blank" rel="noopener" }\n'
             '- [Current Approach in the Diagnosis and Management of Panuveitis](https://www.ncbi.nlm.nih.gov/pmc/'
             'articles/PMC2841373/){ :target="_blank" rel="noopener" }\n'
             '- [AGA 2020 UC guidelines](https://www.gastrojournal.org/article/S0016-5085(20)30018-4/fulltext)\n')
    entries = parse_policy(_policy(links, body="Approve x 365 days.")).references
    assert [(e.year, e.url) for e in entries] == [
        (2021, "https://acr.example.org/ra-2021.pdf"),
        (None, "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC2841373/"),
        (2020, "https://www.gastrojournal.org/article/S0016-5085(20)30018-4/fulltext")]
    # Clean case: button links to saved e-mails set as paragraphs, or bullets whose link is only part of their
    # text (or a bracket that opens no link), are no list of sources read this way.
    buttons = ('[EPSDT Procedures Email :material-email:](EPSDT Procedures.htm){ .md-button }\n\n'
               '[EPSDT Background Email](Background.htm){ .md-button }\n')
    assert parse_policy(_policy(buttons, body="Approve x 365 days.")).references == ()
    mixed = ('- [the widget page](https://w.example.org/a) for more\n'
             '- [draft] gadget notes\n')
    assert parse_policy(_policy(mixed, body="Approve x 365 days.")).references == ()


def test_a_prescribing_information_entry_names_its_maker():
    """Cigna, UnitedHealthcare, Envolve: 'Humira® subcutaneous injection [prescribing information]. North Chicago,
    IL: AbbVie; October 2023.' opens the list; the reader named no author or body for it (the first entry's author
    was missing in 4 of 5 lists)."""
    from kb.read.reference_list import parse_entry

    cases = {
        "Humira\u00ae subcutaneous injection [prescribing information]. North Chicago, IL: AbbVie; October 2023.":
            ("AbbVie", 2023),
        "Blincyto Prescribing Information. Thousand Oaks, CA: Amgen, Inc.; March 2018. Available at: "
        "http://pi.amgen.com/blincyto.ashx. Accessed April 2018.": ("Amgen, Inc", 2018),
        "Afinitor[package insert]. East Hanover, NJ: Novartis Pharmaceuticals Corporation; February 2022.":
            ("Novartis Pharmaceuticals Corporation", 2022),
        "Dupixent\u00ae [package insert]. Tarrytown, NY: Regeneron Pharmaceuticals, Inc. January 2024.":
            ("Regeneron Pharmaceuticals, Inc", 2024),
    }
    for raw, (maker, year) in cases.items():
        e = parse_entry(1, raw, 1)
        assert (e.organisation, e.year) == (maker, year), raw
    # Clean case: a report or book with a place and publisher keeps its reading (no maker as author), and an
    # article about prescribing information keeps its authors.
    report = parse_entry(1, "Widget handbook. London: Widget Press; 2019.", 1)
    assert report.organisation is None
    article = parse_entry(1, "Smith A, Jones B. Reading prescribing information. J Pharm. 2020;3:1-5.", 1)
    assert article.first_author == "Smith" and article.organisation is None
