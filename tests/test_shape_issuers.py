"""Title and dates as other issuers' mastheads print them (each a positive case beside the form it must not
disturb)."""
from __future__ import annotations

from kb.read.parse_policy import parse_metadata, parse_policy

REFS = "\n## References\n\n1. Smith A. A trial. N Engl J Med. 2020;1:1-2.\n"


def meta(text: str) -> dict:
    return parse_policy(text + REFS, "p.md").metadata


def test_a_masthead_naming_the_kind_of_document_is_not_the_title():
    text = "## **Medical Coverage Policy**\n\n**Effective Date ....... 4/15/2026**\n\n# **Cardiac Ablation**\n\nText.\n"
    assert meta(text)["title"] == "Cardiac Ablation"


def test_a_guideline_number_and_dates_over_a_subject_heading():
    text = ("### **02-33000-31**\n\n### **Original Effective Date: 02/15/02**\n\n### **Reviewed: 07/24/25**\n\n"
            "# **Subject: Treatments for Varicose Veins**\n\n## DESCRIPTION:\n\nText.\n")
    assert meta(text)["title"] == "Treatments for Varicose Veins"


def test_a_dates_line_under_the_title_is_neither_title_nor_makes_the_title_an_issuer():
    text = "# Issuer Coverage Policy - Physical Therapy\n\n## Effective Date: 12/15/2025 Next Review Date: 12/15/2026\n\nText.\n"
    got = meta(text)
    assert (got["title"], got["issuer"]) == ("Issuer Coverage Policy - Physical Therapy", None)


def test_an_issuer_over_a_titled_heading_with_its_dates_still_reads_as_before():
    text = "# Regence\n\n## Vertebroplasty\n\nEffective Date: 1/1/2025\n\n### DESCRIPTION\n\nText.\n"
    got = meta(text)
    assert (got["title"], got["issuer"]) == ("Vertebroplasty", "Regence")


def test_fields_on_one_masthead_line_set_apart_by_dot_leaders():
    line = "**Effective Date ......4/15/2026 Next Review Date ........ 4/15/2027 Coverage Policy Number ..... 0529**"
    got = parse_metadata([line], [])
    assert (got["effective"], got["next_review"], got["policy_number"]) == ("4/15/2026", "4/15/2027", "0529")
    assert parse_metadata(["Effective Date: 01/01/2025 (revised)"], [])["effective"] == "01/01/2025 (revised)"


def test_a_subject_field_above_the_first_heading_names_the_document():
    text = ("PDF created on 09-06-2023\n\n**Subject:**\tSurgical Treatment for Sleep Apnea\n**Document#:** SURG.00129\n\n"
            "# **Description/Scope**\n\nText.\n\n# **Position Statement**\n\nText.\n")
    got = meta(text)
    assert (got["title"], got["title_from"]) == ("Surgical Treatment for Sleep Apnea", "subject field")
    assert meta(text.replace("**Subject:**", "**Topic:**"))["title"] is None
