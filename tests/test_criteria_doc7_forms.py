"""Coverage statements and reference lists of the health-plan policies of /work/corpusdoc7 that kb once misread,
each form beside its clean case: 'Covered' and 'Non-Covered' headings over bullets, a plan's own verb of coverage,
a criteria section titled by a bold line, headings with no text of their own, running headers printed as headings,
reference headings joined to another word, an unnumbered list's part labels, undated entries and tails. Texts are
made here."""
from kb.importers.pdf_entries import names_reference_list
from kb.read.criteria_words import category_of, category_heading, states_coverage
from kb.read.parse_policy import parse_policy

REFS = "\n\n# References\n\n1. Smith J. A study of testing. J Med. 2020;3:1-2.\n"


def _tops(policy: str) -> list[tuple[str, str | None]]:
    return [(s.text[:24], s.category) for s in parse_policy(policy, "p.md").statements if s.parent is None]


# --- category words ---------------------------------------------------------------------------------------------

def test_a_category_word_after_non_is_none():
    # Health New England: read as 'experimental' before
    assert category_of("HNE covers up to 5 cycles of non-experimental/investigational PGT when such testing is "
                       "medically necessary") == "medically necessary"
    assert category_of("PGT-A is considered experimental and investigational.") == "experimental"


def test_non_covered_is_not_covered_and_a_plans_verbs_of_coverage_decide():
    assert category_of("Testing for these mutations is non-covered except for pregnant patients.") == "not covered"
    assert category_of("CCA may cover maternal cfDNA testing when either of the following criteria are met:") \
        == "medically necessary"
    assert category_of("Microarray testing is covered for children when ALL the following are met:") \
        == "medically necessary"
    assert category_of("The Plan will not cover WGS for members who do not meet the criteria.") == "not covered"
    assert category_of("The following NIPS services are not a benefit of Texas Medicaid:") == "not covered"
    # clean: an insurer named as the payer, a past coverage, and the word alone decide nothing
    for text in ("The test is covered by Medicare Part B.", "The drug was covered in 2019.", "Covered entities"):
        assert category_of(text) is None and not states_coverage(text)


def test_a_reviews_question_an_attestation_and_a_code_disclaimer_decide_nothing():
    for text in ("Requests for genetic panels will be reviewed to determine if all included gene analyses are "
                 "medically necessary.",
                 "Physician attestation that continuous therapy is medically necessary 52 weeks per year.",
                 "Listing a code does not signify that the service is a covered or non-covered health service."):
        assert not states_coverage(text)
    assert states_coverage("Genetic panels are medically necessary when all included genes are relevant.")


# --- headings ---------------------------------------------------------------------------------------------------

UCARE = """# Fetal Aneuploidy

## Coverage policy

### Covered

- Pregnant persons with a singleton pregnancy should be offered prenatal genetic screening.
- Testing is recommended with each pregnancy.

### Non-Covered

- For determination of fetal sex.
- Testing in the presence of multiple fetuses.

### Prior authorization

Not required.
""" + REFS


def test_bullets_under_covered_and_non_covered_headings_are_statements():
    assert _tops(UCARE) == [("Pregnant persons with a ", "medically necessary"),
                            ("Testing is recommended w", "medically necessary"),
                            ("For determination of fet", "not covered"),
                            ("Testing in the presence ", "not covered")]


def test_bullets_under_an_articles_experimental_or_a_protocols_exclusions_heading_are_none():
    article = """# A trial

## Experimental

- Mice were housed in groups of four.
- Cells were cultured for two days.

## Exclusions

- Patients younger than 18 years.
""" + REFS
    assert _tops(article) == []
    assert category_heading("Non-Covered") and category_heading("Covered") and not category_heading("Covered entities")


HNE = """# Policy

## III. What is Considered Investigational

A. PGT-M in conjunction with IVF is INVESTIGATIONAL in all other situations.
B. Gender selection, or selection of nonmedical traits
C. To determine an embryo's carrier status

## Definitions

Text.
""" + REFS


def test_items_under_a_heading_asking_what_is_considered_investigational_take_its_category():
    assert [c for _, c in _tops(HNE)] == ["investigational"] * 3
    clean = HNE.replace("What is Considered Investigational", "What is PGT")
    assert [c for _, c in _tops(clean)] == ["investigational", None, None]


DEAN = """# COVERAGE CRITERIA

# ALPHA-1 ANTITRYPSIN DEFICIENCY

I. SERPINA1 analysis is considered medically necessary when the member has low AAT levels.

# DONOR-DERIVED CELL-FREE DNA

# Evidence-Based Donor-Derived Cell-free DNA

I. Donor-derived cell-free DNA testing is considered medically necessary when the member had a transplant.

# PRIOR AUTHORIZATION NOTES

Prior authorization is not required.

# Emerging Evidence

I. Other donor-derived cell-free DNA tests are considered investigational.
""" + REFS


def test_a_heading_with_no_text_of_its_own_carries_the_criteria_to_the_one_after_it():
    tops = _tops(DEAN)
    assert [c for _, c in tops] == ["medically necessary", "medically necessary"]
    # clean: the heading after the empty one decides nothing, so the region ends before it
    clean = DEAN.replace("I. Donor-derived cell-free DNA testing is considered medically necessary when the member "
                         "had a transplant.", "Donor-derived cell-free DNA is measured in plasma.")
    assert [c for _, c in _tops(clean)] == ["medically necessary"]


MGB = """# Medical Policy Preimplantation Genetic Testing

**Overview**

The purpose of this document is to describe the guidelines.

**Coverage Guidelines**

The Health Plan covers medically necessary PGT-M for a debilitating disease. The Health Plan does not cover PGT-A.

## Preimplantation Genetic Testing (PGT)

1. The Health Plan covers medically necessary PGT-SR when a parent carries a balanced translocation.

## Exclusions

1. PGT as an adjunct to infertility services for members who are not eligible for such services.
2. Gender selection in the absence of a documented X-linked disorder.

**Definitions**

Autosomal Dominant: a way a trait is passed down.
""" + REFS


def test_a_criteria_section_titled_by_a_bold_line_is_read_with_its_exclusions():
    assert [c for _, c in _tops(MGB)] == ["medically necessary", "medically necessary", "not covered", "not covered"]
    # clean: under a bold title that names no criteria nothing is read
    assert _tops(MGB.replace("**Coverage Guidelines**", "**Background notes**")) == []


AZ = """# Policy Criteria

**Criteria:**

Criteria for therapy: Drug X is considered medically necessary and will be approved when ALL of the following criteria are met:

1. Diagnosis of severe hemophilia A
2. Individual is 18 years of age or older

# DRUG X (generic)

3. Individual does NOT have any of the following:
    - Hepatic impairment
4. Dosing follows the prescribing information

# DRUG X (generic)

**Approval duration**: one dose

Drug X for all other indications is considered experimental or investigational.

# DRUG X (generic)

## Background

Text.
""" + REFS


def test_a_running_header_printed_as_a_heading_does_not_break_the_list_under_a_statement():
    doc = parse_policy(AZ, "p.md")
    tops = [s for s in doc.statements if s.parent is None]
    assert [(s.text[:20], s.category) for s in tops] == [("Criteria for therapy", "medically necessary"),
                                                          ("Drug X for all other", "experimental")]
    assert {s.marker for s in doc.statements if s.parent == tops[0].id} == {"1", "2", "3", "4"}
    # clean: a heading printed twice is no running header: a section of its own, deciding nothing, it ends the criteria
    twice = parse_policy(AZ.replace("# DRUG X (generic)\n\n## Background", "## Background"), "p.md")
    assert [s.marker for s in twice.statements] == ["P1", "1", "2"]


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


# --- second pass: Scott and White's header block and run-in 'POLICY:', CCA's refusal, AAS entries ---------------

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


BSW = """***Important note:*** *Medical policies apply to all lines of business.*

**SERVICE:** Genetic (Genomic) Testing

**POLICY:** Please review the plan's EOC for coverage details.

**Where genetic/genomic testing is a benefit ...**
Genetic testing for non-medical purposes, such as paternity or ancestry, is NOT medically necessary.

A. **Coverage for genetic testing may be medically necessary when ALL of the following criteria are met:**

  1. Appropriate genetic counseling occurs before and after testing.
  2. The test is performed in a CLIA certified laboratory.

**CODES:**

81220 CFTR gene analysis
""" + REFS


def test_a_run_in_bold_policy_label_opens_the_criteria():
    assert [c for _, c in _tops(BSW)] == ["not medically necessary", "medically necessary"]
    # clean: a run-in label that names no criteria ('SERVICE:') opens nothing
    assert _tops(BSW.replace("**POLICY:**", "**SERVICE NOTE:**")) == []


def test_a_plan_that_does_not_consider_a_test_medically_necessary_refuses_it():
    assert category_of("CCA does not consider maternal cfDNA testing to be medically necessary in any of the "
                       "following circumstances:") == "not medically necessary"
    assert category_of("CCA considers maternal cfDNA testing to be medically necessary when:") == "medically necessary"
    # a raw line's emphasis marks are no obstacle
    assert states_coverage("I. Other tests are considered **investigational**.")


def test_an_aas_entry_names_its_first_author_before_et_al_and_a_bodys_report_its_month_and_year():
    from kb.read.author_year_list import read_entry
    from kb.read.reference_list import parse_entry

    assert read_entry(1, "Mainzer et al. 2011, ApJ, 741, 90", 1).surnames == ("Mainzer",)
    assert parse_entry(13, "ACOG Committee Opinion 690, March 2017: Carrier screening in the age of genomic "
                           "medicine", 1).year == 2017
    # clean: an entry with authors keeps the year its usual places give, not a month in its title
    assert parse_entry(1, "Smith J. Events of March 1999 revisited. J Hist. 2005;3:1-2.", 1).year == 2005
