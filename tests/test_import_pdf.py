"""The PDF converter on small fixtures printed by Chromium (kbdev.render, one browser run per session)
and on PDFs written by hand: superscript markers, ligatures, hyphenation, lists, ruled tables, running
headers and footers, and the refusals (a password, no text layer)."""

import pytest

from importtools import hand_pdf, printed_pdfs
from kb.errors import KbError
from kb.importers import convert

FEATURES = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fixture Policy 9</title>
<style>body{font-family:"DejaVu Serif",serif;font-size:11pt} h1{font-size:22pt} h2{font-size:16pt}
.narrow{width:7.3em} table{border-collapse:collapse} td,th{border:1px solid #000;padding:2pt}
table.bare td{border:none;padding:0 4em 0 0}</style></head><body>
<h1>Fixture Policy</h1>
<p>The first benefit of fluoroscopy is shown in the efficacy trials by Zhu (2022).<sup>[1]</sup> Vertebroplasty
is one choice and vertebroplasty helps.<sup>[2, 3]</sup></p>
<div class="narrow"><p>Their vertebro&shy;plasty</p></div>
<div class="narrow"><p>offered aaa anti-inflammatory drugs.</p></div>
<ol><li>Appropriate imaging has been performed.</li><li>Pain is related to the fracture.</li></ol>
<ul><li>a. A bullet item.</li><li>b. Another one.</li></ul>
<table><tr><th>Code</th><th>Description</th></tr><tr><td>22510</td><td>Vertebroplasty</td></tr></table>
<p>Merged:</p><table><tr><td colspan="2">Spanning cell</td></tr><tr><td>left</td><td>right</td></tr></table>
<p>Unruled:</p><table class="bare"><tr><td>CPT</td><td>22511</td><td>lumbosacral</td></tr>
<tr><td>HCPCS</td><td>C1062</td><td>implant</td></tr></table>
<div style="page-break-after:always"></div>
<p><b>Summary of evidence</b></p><p>Short.</p>
<h2>References</h2>
<ol><li>Zhu A, Li B. A review. <em>J Bone</em>. 2022;1:1-2. PMID: 123</li>
<li>Li C. A trial. <em>Spine</em>. 2020;2:3-4. PMID: 456</li><li>Wu D. A study. <em>Pain</em>. 2019;5:6-7. PMID: 789</li>
</ol></body></html>"""
BLANK = '<!DOCTYPE html><html><body><div style="width:300px;height:400px;background:#777"></div></body></html>'


@pytest.fixture(scope="session")
def printed(tmp_path_factory):
    return printed_pdfs(tmp_path_factory.mktemp("pdf-fixtures"), {"features": FEATURES, "blank": BLANK})


@pytest.fixture(scope="session")
def features(printed):
    return convert(printed["features"], "features.pdf")


def test_superscript_markers_are_read_by_size_and_rise(features):
    assert ("The first benefit of fluoroscopy is shown in the efficacy trials by Zhu (2022).<sup>[1]</sup> "
            "Vertebroplasty is one choice and vertebroplasty helps.<sup>[2, 3]</sup>") in features.markdown


def test_ligatures_are_unfolded(features):
    assert not any(ch in features.markdown for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04")
    assert "benefit" in features.markdown and "efficacy" in features.markdown


def test_a_hyphen_is_dropped_only_where_the_word_is_printed_whole(features):
    assert "Their vertebroplasty" in features.markdown  # broken by the typesetter; printed whole above
    assert "offered aaa anti-inflammatory drugs." in features.markdown  # the hyphen is the word's own
    assert any("1 word broken at a line-end hyphen kept its hyphen" in n for n in features.notes)


def test_lists_headings_and_references_survive(features):
    md = features.markdown
    assert md.startswith("# **Fixture Policy**\n")
    assert "1. Appropriate imaging has been performed.\n2. Pain is related to the fracture.\n" in md
    assert "- a. A bullet item.\n- b. Another one." in md
    assert "## **References**\n\n1. Zhu A, Li B. A review. *J Bone*. 2022;1:1-2. PMID: 123\n2. Li C." in md


def test_a_bold_line_at_the_text_size_is_a_heading_below_the_sized_ones(features):
    assert "### **Summary of evidence**\n\nShort." in features.markdown


def test_ruled_tables_become_tables_and_merged_cells_plain_lines(features):
    assert "| Code | Description |\n|---|---|\n| 22510 | Vertebroplasty |" in features.markdown
    assert "Spanning cell\nleft\tright" in features.markdown
    assert "1 table with merged cells kept as plain lines, one row per line" in features.notes


def test_columns_without_rules_are_kept_line_by_line_and_counted(features):
    assert "CPT\t22511\tlumbosacral\nHCPCS\tC1062\timplant" in features.markdown
    assert any(n.startswith("2 lines with columns set apart by wide gaps") for n in features.notes)


def test_running_headers_footers_and_page_numbers_are_dropped(features):
    assert "Fixture Policy 9" not in features.markdown and "Page 1 of 2" not in features.markdown
    assert features.notes[0] == "4 running header, footer and page-number lines were dropped"


def test_a_print_with_no_text_but_its_page_numbers_needs_ocr(printed):
    with pytest.raises(KbError, match="no text layer: run OCR first"):
        convert(printed["blank"], "scan.pdf")


PAGES = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"]


def test_a_scanned_pdf_without_any_text_is_refused():
    drawing = "0.5 g 72 72 400 600 re f"
    data = hand_pdf(PAGES + [f"<< /Length {len(drawing)} >>\nstream\n{drawing}\nendstream"], "/Root 1 0 R")
    with pytest.raises(KbError, match="^has no text layer .*no text layer: run OCR first"):
        convert(data, "scan.pdf")


def test_a_pdf_that_needs_a_password_is_refused():
    # the security handler's check values do not match the empty password: a reader must ask for one
    encrypt = "<< /Filter /Standard /V 1 /R 2 /O <" + "ab" * 32 + "> /U <" + "cd" * 32 + "> /P -4 >>"
    data = hand_pdf(PAGES + ["<< /Length 0 >>\nstream\n\nendstream", encrypt],
                "/Root 1 0 R /Encrypt 5 0 R /ID [<" + "01" * 16 + "> <" + "01" * 16 + ">]")
    with pytest.raises(KbError, match="encrypted PDF that needs a password"):
        convert(data, "locked.pdf")


def test_a_damaged_pdf_is_refused():
    with pytest.raises(KbError, match="not a readable PDF"):
        convert(b"%PDF-1.4\n1 0 obj << /Type /Catalog", "broken.pdf")


def test_tables_pdfplumber_cannot_read_are_left_as_lines_not_a_crash():
    # pdfplumber reads the file with another parser than the page text: on a damaged file it may fail, or see
    # fewer pages than the text did; the pages' tables are then named as unread and their text kept.
    from kb.importers.pdf_glyphs import ruled_tables

    assert ruled_tables(b"%PDF-1.4\n1 0 obj << /Type /Catalog", [1, 2]) == ({}, [1, 2])
    one_page = hand_pdf(PAGES + ["<< /Length 0 >>\nstream\n\nendstream"], "/Root 1 0 R")
    assert ruled_tables(one_page, [1, 3]) == ({}, [3])
    assert ruled_tables(one_page, []) == ({}, [])
