"""Coverage criteria of drug policies: Cigna's and UnitedHealthcare's prior-authorization programs and Anthem's
clinical criteria (approval wording, label kinds nesting in the order they appear, parts named in bold over their
criteria). Each form is a small synthetic policy written for the test beside a clean case."""
from __future__ import annotations

from kb.read.criteria_words import category_of
from kb.read.parse_policy import parse_policy
from tests.test_criteria_issuers import REFS, outline

DRUG = """# **PRIOR AUTHORIZATION POLICY**

# **POLICY STATEMENT**

Prior Authorization is recommended for prescription benefit coverage of the drug.

# **FDA-Approved Indications**

**1. Dravet Syndrome.** Approve if the patient meets ONE of the following (A or B):
**A)** Initial Therapy. Approve for 1 year if the patient meets the following (i and ii):
**i.** Patient is ≥ 1 year of age; AND
**ii.** Patient meets ONE of the following (a or b):
**a)** Patient has tried two other antiseizure medications; OR
**b)** Patient has tried clobazam; AND
**B)** Patient is Currently Receiving the drug. Approve for 1 year if the patient is responding to therapy.

**2. Lennox-Gastaut Syndrome.** Approve if the patient meets the criteria above.

# **CONDITIONS NOT COVERED**

Any other use is considered experimental, investigational or unproven.

# **REFERENCES**

1. Devinsky O. Trial of cannabidiol for drug-resistant seizures. N Engl J Med. 2017;376:2011-20.

# **HISTORY**

The drug will be approved based on the updated label since 2020.
"""


def test_a_drug_policys_approval_wording_its_outline_order_and_its_sections_at_the_policy_statements_level():
    doc = parse_policy(DRUG, "p.md")
    assert [(s.id, s.parent, s.category) for s in doc.statements] == [
        ("1", None, "medically necessary"), ("1.A", "1", "medically necessary"),
        ("1.A.i", "1.A", "medically necessary"), ("1.A.ii", "1.A", "medically necessary"),
        ("1.A.ii.a", "1.A.ii", "medically necessary"), ("1.A.ii.b", "1.A.ii", "medically necessary"),
        ("1.B", "1", "medically necessary"), ("2", None, "medically necessary"), ("P1", None, "experimental")]


def test_approval_words_that_decide_nothing():
    assert category_of("The protocol was approved by the ethics committee.") is None
    assert category_of("Adalimumab is approved for the treatment of rheumatoid arthritis.") is None
    assert category_of("Dupixent will be approved based on all of the following criteria:") == "medically necessary"
    # a lettered list that reaches i is letters, not Roman numerals
    letters = "## Policy\n\n" + "\n".join(f"{c}. Item {c} is considered medically necessary." for c in "abcdefghij")
    assert [s.id for s in parse_policy(letters + REFS, "p.md").statements][-2:] == ["i", "j"]


def test_a_bold_label_split_by_the_pdf_text_layer():
    text = DRUG.replace("**A)** Initial", "A**)** Initial").replace("**1. Dravet", "1**. Dravet")
    assert [s.id for s in parse_policy(text, "p.md").statements][:2] == ["1", "1.A"]


def test_an_announced_range_over_items_of_another_kind_or_far_more_is_not_reported():
    from tests.formtools import codes_of

    slip = "## Policy\n\nX is considered medically necessary when all of the following (1 - 5) criteria are met:\n\n" + \
        "\n".join(f"{n}. Condition {n} is documented." for n in range(1, 5)) + "\n"
    assert codes_of(slip + REFS, "DOC102") == [("DOC102", "warning")]
    inline = ("## Policy\n\n**1. Dravet Syndrome.** Approve if the patient meets ONE of the following (A or B): **A)** "
              "Initial Therapy. Approve for 1 year if the patient meets the following (i and ii):\n**i.** Age over 1; AND\n"
              "**ii.** Tried two drugs.\n")
    assert codes_of(inline + REFS, "DOC102") == []


DRUG_PROGRAM = """UnitedHealthcare Pharmacy Clinical Pharmacy Programs

**1. Background:**
Dupixent is an interleukin-4 receptor antagonist.

**2. Coverage Criteria**<sup>a</sup>**: A. Atopic Dermatitis**

1. **Initial Authorization**

a**. Dupixent** will be approved based on **all** of the following criteria:

      (1) Diagnosis of moderate-to-severe chronic atopic dermatitis

**-AND-**

      (2) History of failure of **two** of the following:
        (a) Topical corticosteroid
            i. Medium potency
            ii. High potency, any of the following:
                - Mometasone
        (b) Topical calcineurin inhibitor

**-AND-**

    (3) Prescribed by a dermatologist

**Authorization will be issued for 12 months.**

2. **Reauthorization**
  a. **Dupixent** will be approved based on **all** of the following criteria:
      (1) Documentation of positive clinical response

# **B. Asthma**

1. **Initial Authorization**
  a. **Dupixent** will be approved based on **all** of the following criteria:
      (1) Diagnosis of moderate-to-severe asthma

**3. Additional Clinical Programs:**

1. Dupixent is approved for the treatment of asthma by the FDA.
"""


def test_a_drug_programs_criteria_under_a_numbered_bold_line_nest_under_their_approval_items():
    # the numbered bold line names the criteria; bold indication and phase lines over other labels are parts, not
    # items; '(1)' nests under 'a.' and '(a)' under '(1)'; bullets under 'ii.' leave the outline open for '(3)'
    assert outline(DRUG_PROGRAM) == [
        ("a", None, "medically necessary"), ("a.1", "a", "medically necessary"),
        ("a.2", "a", "medically necessary"), ("a.2.a", "a.2", "medically necessary"),
        ("a.2.a.i", "a.2.a", "medically necessary"), ("a.2.a.ii", "a.2.a", "medically necessary"),
        ("a.2.a.ii.1", "a.2.a.ii", "medically necessary"), ("a.2.b", "a.2", "medically necessary"),
        ("a.3", "a", "medically necessary"),
        ("S2.a", None, "medically necessary"), ("S2.a.1", "S2.a", "medically necessary"),
        ("S4.a", None, "medically necessary"), ("S4.a.1", "S4.a", "medically necessary")]


def test_bold_items_of_one_list_stay_items_and_a_bold_line_naming_no_criteria_holds_none():
    # clean: bold lettered items followed by their siblings are items, not part names
    siblings = """## Coverage Policy

Adalimumab is considered medically necessary for ANY of the following:

**a) Rheumatoid arthritis**
**b) Psoriatic arthritis**

c) Crohn's disease
"""
    assert [sid for sid, _, _ in outline(siblings)] == ["P1", "P1.a", "P1.b", "P1.c"]
    # a numbered bold line naming something else is no criteria section
    assert outline(DRUG_PROGRAM.replace("**2. Coverage Criteria**", "**2. Dosing Schedule**")) == []


def test_requests_that_may_or_may_not_be_approved_decide_coverage():
    assert category_of("Initial requests for Dupixent for asthma may be approved if the following criteria are met:") \
        == "medically necessary"
    assert category_of("Continuation requests for Dupixent for BP may be if approved if the following criteria is met:") \
        == "medically necessary"
    assert category_of("Dupixent (dupilumab) may not be approved for the following:") == "not medically necessary"
    # clean: a regulator's approval, or a hope, decides nothing
    assert category_of("The drug may be approved by the FDA next year.") is None
    assert category_of("Dupixent is approved for the treatment of asthma.") is None
