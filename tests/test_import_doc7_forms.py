"""Reference lists and page furniture of the health-plan policies of /work/corpusdoc7 that kb once misread, each form
beside its clean case: reference headings joined to another word, an unnumbered list's part labels, undated entries and
lone tails, a table after the list, AAS entries, a body's report dated in its front, a running header block deeper
than the margin. Texts and page lines are made here."""
from kb.importers.pdf_entries import names_reference_list
from kb.read.parse_policy import parse_policy


# --- reference lists --------------------------------------------------------------------------------------------

def _refs(policy: str) -> list[str]:
    return [r.raw[:20] for r in parse_policy(policy, "p.md").references]


def test_reference_headings_joined_to_another_word():
    for title in ("VIII. References/Citations", "REGULATORY NOTES/REFERENCES", "Related References",
                  "References and source documents"):
        assert _refs(f"# Policy\n\nText.\n\n## {title}\n\n1. Smith J. A study. J Med. 2020;3:1-2.\n") \
            == ["Smith J. A study. J "]
    assert _refs("# Policy\n\nText.\n\n## Related Policies\n\n1. Smith J. A study. J Med. 2020;3:1-2.\n") == []


def test_a_pdf_line_naming_the_list_as_the_reader_does_is_its_heading():
    assert names_reference_list("**RELATED REFERENCES:**") and names_reference_list("VIII. References/Citations")
    assert not names_reference_list("12 references") and not names_reference_list("Related policies")


TCHP = """# Guideline

Text.

## REFERENCES:

**Government Agency, Medical Society, and Other Publications:**

American College of Obstetricians and Gynecologists (ACOG). Practice Bulletin No. 77. Obstet Gynecol. 2007;109:217-227.

Benn P, Borell A, Chiu R, et al. Position statement. Prenat Diagn. 2013;33(7):622-629.

**Peer Reviewed Publications:**

Palomaki GE, Deciu C, Kloza EM. DNA sequencing of maternal plasma. Genet Med. 2012;14(3):296-305.

Status\tDate\tAction
Approved\t6/08/2023\tCommittee reviewed
"""


def test_an_unnumbered_lists_part_labels_name_its_parts_and_a_table_after_it_ends_it():
    assert _refs(TCHP) == ["American College of ", "Benn P, Borell A, Ch", "Palomaki GE, Deciu C"]
    # clean: the document's own record after its list still ends it
    record = TCHP.replace("**Peer Reviewed Publications:**", "**Devised:** 7/23")
    assert _refs(record) == ["American College of ", "Benn P, Borell A, Ch"]


NHPRI = """# Policy

Text.

# References:

Medicine.Net (a network of physicians)

CMS. (2007). Excerpts from LCD for Genetic Testing L23664. CMS.gov.

Trompeter, E. (n.d.). Genetic Testing and Diagnostic Tools in the Pharmacy Benefit. AISHealth.

National Guideline Clearinghouse. (2014). Genetic risk assessment. www.guideline.gov.

Last reviewed: 03/08/2023

National Institute for Health and Care Excellence. (n.d.). Autism in children and young people.

Oglivie, C., Braude, P. (2005). Preimplantation genetic diagnosis. Retrieved https://www.ncbi.nlm.nih.gov/pubmed/1

PMID: 15749997
"""


def test_undated_entries_count_and_a_header_date_line_and_a_lone_pmid_are_no_entries():
    refs = _refs(NHPRI)
    assert len(refs) == 6 and refs[0] == "Medicine.Net (a netw"
    assert "PMID: 15749997" in parse_policy(NHPRI, "p.md").references[-1].raw
    # clean: a list of undated lines that name no one is no author-year list
    clean = "# Policy\n\nText.\n\n# References:\n\nThe plan's member contract\n\nThe provider manual\n\nThe benefit book\n"
    assert _refs(clean) == []



def test_a_running_header_block_deeper_than_the_margin_is_dropped():
    from importtools import layout_line as _line
    from kb.importers.pdf_furniture import drop_running_lines

    head = ["MEDICAL COVERAGE POLICY", "SERVICE: Genetic Testing", "Policy Number: 037", "Effective Date: 09/01/2024",
            "Last Review: 08/12/2024", "Next Review: 08/12/2025"]
    pages = [[_line(t, 30 + 14 * k) for k, t in enumerate(head)] + [_line(f"Page {n} of 6", 116),
             _line(f"Body text of page {n} on widgets and gadgets number {n * 7}.", 300)] for n in range(1, 7)]
    kept, dropped = drop_running_lines(pages, [792.0] * 6)
    assert dropped == 42 and all(len(page) == 1 and page[0].text.startswith("Body") for page in kept)
    # clean: the same lines below a first line that differs on every page are the text's, not a header's
    words = ["apples", "bricks", "cedars", "dunes", "embers", "ferns"]
    pages = [[_line(f"Opening of the page on {w}.", 30)] + [_line(t, 44 + 14 * k) for k, t in enumerate(head)]
             for w in words]
    kept, dropped = drop_running_lines(pages, [792.0] * 6)
    assert sum(len(page) for page in kept) >= 6 * 5
    # clean: text repeated near the head of the pages at other heights each time (a drug policy's 'Reauthorization
    # ... Authorization will be issued for 12 months.' under each indication) is the text's: past the two outermost
    # lines (the margin's own rule) nothing more goes
    again = ["2. Reauthorization", "a. Drug X will be approved based on the following criterion:",
             "(1) Patient does not show evidence of progressive disease"]
    pages = [[_line(t, 40 + 9 * n + 14 * k) for k, t in enumerate(again)] + [_line(f"Body text on {w}.", 300)]
             for n, w in enumerate(words)]
    kept, dropped = drop_running_lines(pages, [792.0] * 6)
    assert dropped == 12 and all(page[0].text.startswith("(1) Patient") for page in kept)


def test_an_aas_entry_names_its_first_author_before_et_al_and_a_bodys_report_its_month_and_year():
    from kb.read.author_year_list import read_entry
    from kb.read.reference_list import parse_entry

    assert read_entry(1, "Mainzer et al. 2011, ApJ, 741, 90", 1).surnames == ("Mainzer",)
    assert parse_entry(13, "ACOG Committee Opinion 690, March 2017: Carrier screening in the age of genomic "
                           "medicine", 1).year == 2017
    # clean: an entry with authors keeps the year its usual places give, not a month in its title
    assert parse_entry(1, "Smith J. Events of March 1999 revisited. J Hist. 2005;3:1-2.", 1).year == 2005
