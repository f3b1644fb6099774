"""A payer's medical policy as its web pages and Word files print it: section titles set as bold capitals with a
colon ('POLICY:', 'KEY POINTS:'), counts restated in digits ('at least six (6) weeks'). Written after the form of
public payer policy pages (a plan's 'Minimally Invasive Approaches to Vertebral Fractures', MP-004); each form has a
positive and a clean case."""
from __future__ import annotations

from kb.importers import convert
from kb.read.markers import scan_line
from kb.read.parse_policy import parse_policy
from tests.importtools import docx_bytes

CRITERION = ("Percutaneous vertebroplasty may be considered medically necessary for painful osteoporotic fractures "
             "that failed conservative treatment for at least six (6) weeks.")
BODY = f"""<h1>Minimally Invasive Approaches to Vertebral Fractures</h1><p>Policy Number: MP-004</p>
<p><strong>POLICY:</strong></p><p>{CRITERION}</p>
<p>Percutaneous sacroplasty is considered investigational for all indications.</p>
<p><strong>KEY POINTS:</strong></p><p>Two sham-controlled trials found no benefit (1,2). The first enrolled
older patients (1). The second enrolled many more (2). Both were blinded (1,2).</p>
<p><strong>REFERENCES:</strong></p><ol><li>Buchbinder R, Osborne RH. A randomized trial of vertebroplasty. N Engl J
Med. 2009;361(6):557-568.</li><li>Kallmes DF, Comstock BA. A randomized trial of vertebroplasty for osteoporotic
spinal fractures. N Engl J Med. 2009;361(6):569-579.</li></ol>"""


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>".encode()


def test_bold_capital_section_titles_are_headings_and_the_criteria_are_read():
    doc = parse_policy(convert(_page(BODY), "mp004.html").markdown, "policy.md")
    assert [s.title.strip("*:") for s in doc.sections][1:] == ["POLICY", "KEY POINTS", "REFERENCES"]
    assert len({s.level for s in doc.sections[1:]}) == 1  # siblings, not each under the one before
    assert len(doc.statements) == 2 and [r.number for r in doc.references] == [1, 2]
    # '(6)' after 'six' is the count again, no citation
    assert [m.numbers for m in doc.markers] == [(1, 2), (1,), (2,), (1, 2)]


def test_a_bold_sentence_in_ordinary_case_stays_a_paragraph():
    """Clean case: bold text that is a sentence, or not in capitals, is emphasis, not a section title."""
    body = BODY.replace("<strong>KEY POINTS:</strong>", "<strong>Key points follow below.</strong>")
    doc = parse_policy(convert(_page(body), "mp004.html").markdown, "policy.md")
    assert [s.title.strip("*:") for s in doc.sections][1:] == ["POLICY", "REFERENCES"]


def test_a_word_policys_bold_capital_title_with_a_colon_is_a_heading():
    def build(doc):
        doc.add_paragraph().add_run("POLICY:").bold = True
        doc.add_paragraph(CRITERION)
        doc.add_paragraph().add_run("RATIONALE:").bold = True
        doc.add_paragraph("Two sham-controlled trials found no benefit (1, 2).")
        doc.add_paragraph().add_run("REFERENCES").bold = True
        doc.add_paragraph("1. Buchbinder R. A randomized trial of vertebroplasty. N Engl J Med. 2009;361:557-68.")
        doc.add_paragraph("2. Kallmes DF. A randomized trial of vertebroplasty. N Engl J Med. 2009;361:569-79.")

    doc = parse_policy(convert(docx_bytes(build), "policy.docx").markdown, "policy.md")
    assert [s.title.strip("*:") for s in doc.sections] == ["POLICY", "RATIONALE", "REFERENCES"]
    assert len(doc.statements) == 1


def test_a_count_restated_in_digits_is_no_citation():
    assert [r.raw for r in scan_line("for at least six (6) weeks, or ninety (90) days")[0]] == []
    # Clean case: a number in parentheses after another word still cites.
    assert [r.raw for r in scan_line("Two trials found no benefit (6).")[0]] == ["(6)"]
