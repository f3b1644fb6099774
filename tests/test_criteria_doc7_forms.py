"""Coverage statements of the health-plan policies of /work/corpusdoc7 that kb once misread, each form beside its clean
case: 'Covered' and 'Non-Covered' headings over bullets, a plan's own verbs of coverage, a criteria section titled by a
bold line or a run-in label, headings with no text of their own, running headers printed as headings. The reference
lists' forms are in tests/test_import_doc7_forms.py. Texts are made here."""
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


# --- second pass: Scott and White's header block and run-in 'POLICY:', CCA's refusal, AAS entries ---------------

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
