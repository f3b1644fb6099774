"""Coverage criteria as other issuers print them: where the criteria are, and their statements' outline.

Each form is a small synthetic policy written for the test (a positive case) beside a text that must give no
statement or the plain reading (a clean case)."""
from __future__ import annotations

from kb.read.criteria_words import category_heading, category_of
from kb.read.parse_policy import parse_policy

REFS = "\n## References\n\n1. Smith A. A trial. N Engl J Med. 2020;1:1-2.\n"


def outline(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.id, s.parent, s.category) for s in parse_policy(text + REFS, "p.md").statements]


MASTHEAD = """## **Medical Coverage Policy**

**Effective Date ........ 4/15/2026**

# **Cardiac Ablation**

### **Related Coverage Resources**

The following Coverage Policy applies to plans administered by the issuer; claims without covered codes will be
denied as not covered.

### **Coverage Policy**

**Catheter ablation is considered medically necessary for ANY of the following arrhythmias:**

- atrioventricular nodal reentrant tachycardia
- typical atrial flutter

**Cardio-neuroablation is considered experimental, investigational or unproven for any indication.**

### **Coding Information**

Ablation of a focus is considered medically necessary when billed with code 93653.
"""


def test_a_masthead_naming_coverage_and_a_list_of_related_policies_do_not_hide_the_coverage_policy():
    assert outline(MASTHEAD) == [("P1", None, "medically necessary"), ("P1.1", "P1", "medically necessary"),
                                 ("P1.2", "P1", "medically necessary"), ("P2", None, "experimental")]


def test_a_region_whose_paragraphs_state_no_category_gives_way_to_a_later_one():
    # Without the coverage section the statements are not sought in the masthead or the coding section.
    no_policy = MASTHEAD.replace("### **Coverage Policy**", "### **Overview**")
    assert outline(no_policy) == []


POSITION = """# Surgery for Sleep Apnea

## Position Statement

**Medically Necessary:**

***Uvulopalatopharyngoplasty (UPPP):***

UPPP is considered **medically necessary** when **all** of the following criteria (A-B below) are met:

A. Documented OSA meeting any of the following:
  1. AHI greater than 15 events per hour, **or**
  2. AHI between 10-15 events per hour and one of the conditions listed below:
      a. Hypertension; **or**
      b. History of stroke; **or**
B. Failed treatment with CPAP.

Hypoglossal nerve stimulation may be considered **medically necessary** when **all** of the following criteria are met:

A. BMI of 32 or less; **and**
B. Failed treatment with CPAP.

**Not Medically Necessary:**

Other surgical treatments for OSA are considered **not medically necessary**.

## Rationale

UPPP was studied.[1]
"""


def test_labelled_criteria_nest_under_the_paragraph_that_announces_them_and_a_bold_category_line_is_a_heading():
    assert outline(POSITION) == [
        ("P1", None, "medically necessary"), ("P1.A", "P1", "medically necessary"),
        ("P1.A.1", "P1.A", "medically necessary"), ("P1.A.2", "P1.A", "medically necessary"),
        ("P1.A.2.a", "P1.A.2", "medically necessary"), ("P1.A.2.b", "P1.A.2", "medically necessary"),
        ("P1.B", "P1", "medically necessary"),
        ("P2", None, "medically necessary"), ("P2.A", "P2", "medically necessary"), ("P2.B", "P2", "medically necessary"),
        ("P3", None, "not medically necessary")]


DEFINITION = """# Treatments for Varicose Veins

## POSITION STATEMENT:

### Saphenous Veins

Ablation of the saphenous veins **meets the definition of medical necessity** when ALL of the following are met:

  - There is demonstrated saphenous reflux; **AND**
  - There is documentation of **one or more** of the following indications:
    1. Ulceration secondary to venous stasis; **OR**
    2. Recurrent superficial thrombophlebitis.

Ultrasound guidance for sclerotherapy **does not meet the definition of medical necessity.**

Treatment of telangiectasia is considered **cosmetic and does not meet the definition of medical necessity**.

## BILLING/CODING INFORMATION:
"""


def test_the_definition_of_medical_necessity_wording_and_items_under_a_bullet_that_announces_them():
    assert outline(DEFINITION) == [
        ("P1", None, "medically necessary"), ("P1.1", "P1", "medically necessary"),
        ("P1.2", "P1", "medically necessary"), ("P1.2.1", "P1.2", "medically necessary"),
        ("P1.2.2", "P1.2", "medically necessary"), ("P2", None, "not medically necessary"), ("P3", None, "cosmetic")]


NESTED = """# Physical Therapy

## Policy

### Medical Necessity

  1. The insurer considers physical therapy medically necessary when all of the following are met:
    1. The condition can improve significantly; and
    2. The services follow a written plan of care.
  2. Physical therapy in asymptomatic persons is considered *not* medically necessary.
  3. Continuing supervised physical therapy is *not* considered medically necessary once a home program suffices.

## Background
"""


def test_numbered_lists_nested_by_indentation_and_a_negation_before_the_category():
    assert outline(NESTED) == [
        ("1", None, "medically necessary"), ("1.1", "1", "medically necessary"), ("1.2", "1", "medically necessary"),
        ("2", None, "not medically necessary"), ("3", None, "not medically necessary")]


HEADED = """# Issuer Medical Coverage Policy - Physical Therapy

### **GUIDELINES**

### **Medically Necessary**

**I. A physical therapy evaluation is considered medically necessary for the assessment of an impairment.**

  II. **Physical therapy services are considered medically necessary when ALL of the following are met:**
        - The condition has the potential to improve.
        - The program is individualized.

### **Not Medically Necessary**

**I. Physical therapy services are considered not medically necessary if any of the following is determined:**

        - The condition does not have the potential to improve.

**II. Back school is considered not medically necessary.**

### **Not Covered or Reimbursable**

**I. A visit beyond four timed units is not covered or reimbursable.**

## **Coding Information**

I. Code 97110 is considered medically necessary once a day.
"""


def test_category_headings_with_no_criteria_heading_and_numbering_that_restarts_under_each():
    doc = parse_policy(HEADED + REFS, "p.md")
    assert [(s.id, s.parent, s.category) for s in doc.statements] == [
        ("I", None, "medically necessary"), ("II", None, "medically necessary"), ("II.1", "II", "medically necessary"),
        ("II.2", "II", "medically necessary"), ("S2.I", None, "not medically necessary"),
        ("S2.I.1", "S2.I", "not medically necessary"), ("S2.II", None, "not medically necessary"),
        ("S3.I", None, "not covered")]
    assert not [p for p in doc.problems if p.kind == "duplicate-criterion"]


def test_a_real_duplicate_label_under_one_heading_is_still_a_problem():
    doc = parse_policy(HEADED.replace("**II. Back school", "**I. Back school") + REFS, "p.md")
    assert [p.line for p in doc.problems if p.kind == "duplicate-criterion"]


ARTICLE = """# A Randomised Trial of Drug X

## Eligibility criteria

Patients who had used an investigational drug within 30 days were excluded.

## Experimental design

The treatment was considered effective in the experimental group when pain fell by half.

## Results

Pain fell.[1]
"""


def test_an_articles_eligibility_and_experimental_sections_give_no_statements():
    assert outline(ARTICLE) == []


def test_a_note_naming_a_category_is_not_a_statement():
    text = MASTHEAD.replace("**Cardio-neuroablation is", "**Note: Cardio-neuroablation is")
    assert [s.id for s in parse_policy(text + REFS, "p.md").statements] == ["P1", "P1.1", "P1.2"]


def test_category_words():
    assert category_of("is *not* considered medically necessary") == "not medically necessary"
    assert category_of("meets the definition of medical necessity") == "medically necessary"
    assert category_of("is considered medically necessary; not otherwise") == "medically necessary"
    assert category_of("The outcome improved.") is None
    assert category_heading("Experimental, Investigational, Unproven") and category_heading("Not Covered or Reimbursable")
    assert not category_heading("Experimental design") and not category_heading("Investigational products")


def test_a_heading_that_promises_criteria_the_reader_cannot_read_makes_it_say_it_is_unsure():
    from kb.read.criteria_find import no_criteria_note
    from kb.read.shape import NO_CRITERIA

    unread = MASTHEAD.replace(" is considered medically necessary for", " is provided for").replace(
        "is considered experimental, investigational or unproven", "is reviewed case by case")
    doc = parse_policy(unread + REFS, "p.md")
    assert doc.statements == ()
    note = no_criteria_note(doc.sections)
    assert note.startswith("no criteria read: the section 'Coverage Policy' (line 12)")
    assert no_criteria_note(parse_policy(ARTICLE + REFS, "a.md").sections) == NO_CRITERIA


LCD = """# Local Coverage Determination: Vertebral Augmentation

## Coverage Indications, Limitations, and/or Medical Necessity

Percutaneous vertebral augmentation is considered reasonable and necessary when all of the following are met:

- A painful osteoporotic fracture confirmed by imaging.

Vertebral augmentation for a fracture older than one year is not reasonable and necessary.

## Summary of Evidence
"""


def test_medicare_wording_reasonable_and_necessary():
    assert outline(LCD) == [("P1", None, "medically necessary"), ("P1.1", "P1", "medically necessary"),
                            ("P2", None, "not medically necessary")]
    assert category_of("is not considered reasonable and necessary") == "not medically necessary"


ARTICLE_CRITERIA = """# Eosinophilic myocarditis: a case-based review

## Discussion

### Diagnostic criteria of EM

Endomyocardial biopsy remains the reference standard.

### Etiologies of EM

Cytokine profiling has been proposed; its application remains investigational and needs validation.
"""


def test_a_diseases_diagnostic_criteria_are_no_coverage_criteria():
    assert outline(ARTICLE_CRITERIA) == []
    # positive: the same words under a heading naming coverage criteria decide coverage
    policy = ARTICLE_CRITERIA.replace("### Diagnostic criteria of EM", "### Coverage criteria")
    assert [c for _, _, c in outline(policy)] == ["investigational"]
