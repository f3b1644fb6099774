"""kb import on the forms real Word files print, and what the import then refuses (found on a folder of
documents written by others, scripts/web_accuracy.py): each form a small fixture with a positive and a clean case."""
import io

import pytest

from importtools import docx_bytes
from kb.errors import KbError
from kb.importers import convert
from kb.read.parse_policy import parse_policy

ENTRY = "Smith J, Jones K. A trial of things. J Foo. 2010;1:1-2."
ENTRY2 = "Brown A. A review of things. J Bar. 2012;3:4-5."


def _page(body: str) -> bytes:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>".encode()



# A Word file: 'References:' alone on a line, EndNote's 'n<tab>' entries -------------------------------------

def test_a_word_references_line_is_a_heading_and_tab_numbered_entries_are_read():
    def build(d):
        d.add_paragraph("Risk is higher [1].")
        d.add_paragraph("References:")
        d.add_paragraph(f"1\t{ENTRY}")
        d.add_paragraph(f"2\t{ENTRY2}")
    result = convert(docx_bytes(build), "p.docx")
    assert "References:" in result.markdown.split("\n\n")[1] and result.markdown.split("\n\n")[1].startswith("#")
    assert f"1. {ENTRY}" in result.markdown
    assert any("2 reference entries printed as a number and a tab" in n for n in result.notes)
    assert [e.number for e in parse_policy(result.markdown).references] == [1, 2]


def test_a_word_sentence_naming_references_and_a_tab_after_a_number_in_the_text_stay_as_printed():
    def build(d):
        d.add_paragraph("3\tThree patients were seen; the references below say more.")
        d.add_heading("References", 1)
        d.add_paragraph(f"1. {ENTRY}")
    result = convert(docx_bytes(build), "p.docx")
    assert "3 Three patients were seen; the references below say more." in result.markdown
    assert not any("tab" in n for n in result.notes)


# The reader: a section number before the heading, Word's 'Reference List' ------------------------------------

@pytest.mark.parametrize("title,read", [("9. References", True), ("Reference List", True), ("IV. Bibliography", True),
                                        ("References to other policies", False), ("2019 References", False)])
def test_a_numbered_reference_heading_is_read(title, read):
    doc = parse_policy(f"# Policy\n\nText [1].\n\n## {title}\n\n1. {ENTRY}\n")
    assert bool(doc.references) is read


# An import the reader could not read is refused: one line, exit 2 -------------------------------------------

def test_an_import_whose_reference_list_has_no_entries_is_refused(tmp_path, monkeypatch, capsys):
    from kb.cli import main

    monkeypatch.setenv("KB_REFERENCES", str(tmp_path / "references"))
    page = tmp_path / "p.html"
    page.write_bytes(_page("<h1>Thesis</h1><p>Text.</p><h2>REFERENCES</h2><h2>APPENDICES</h2><p>A letter</p>"))
    code = main(["import", str(page)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.count("\n") == 1 and "no reference list could be read" in err
    assert not (tmp_path / "references" / "p").exists()


def test_an_import_with_entries_under_its_reference_heading_is_written():
    assert convert(_page(f"<p>T.<sup>[1]</sup></p><h2>REFERENCES</h2><ol><li>{ENTRY}</li></ol>"), "p.html")


# A reference manager's bibliography (Word's 'Bibliography' style) printed without a heading -------------------

def _bibliography(heading: bool):
    def build(d):
        d.add_paragraph("Rodents carry zoonoses (Hudson et al. 2014).")
        if heading:
            d.add_heading("References", 1)
        style = d.styles.add_style("Bibliography", 1)
        d.add_paragraph("Hudson, Lawrence N. 2014. “The PREDICTS Database.” Ecol Evol 4: 4701–35.", style=style)
    return docx_bytes(build)


def test_a_bibliography_without_a_heading_is_refused_with_what_to_do():
    with pytest.raises(KbError, match="1 paragraph in Word's 'Bibliography' style.*add a 'References' heading"):
        convert(_bibliography(heading=False), "p.docx")


def test_a_bibliography_under_its_heading_is_imported():
    assert "Hudson, Lawrence N. 2014." in convert(_bibliography(heading=True), "p.docx").markdown


# Word endnotes printed as the reference list after a closing 'References' heading ---------------------------

def _with_endnotes(fmt: str | None, closing: str) -> bytes:
    import re
    import zipfile

    def build(d):
        d.add_paragraph("Pain fell after surgery.ENDNOTE1 It rose later.ENDNOTE2")
        d.add_heading(closing, 1)
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(build)))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ref = ('</w:t></w:r><w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="{}"/>'
           '</w:r><w:r><w:t xml:space="preserve">')
    notes = "".join(f'<w:endnote w:id="{i}"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> {e}'
                    "</w:t></w:r></w:p></w:endnote>" for i, e in ((7, ENTRY), (9, ENTRY2)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for item in source.infolist():
            text = item.filename.endswith((".xml", ".rels"))
            data = source.read(item.filename).decode("utf-8") if text else None
            if item.filename == "word/document.xml":
                data = data.replace("ENDNOTE1", ref.format(7)).replace("ENDNOTE2", ref.format(9))
                if fmt:
                    data = re.sub(r"(<w:sectPr[^>]*>)", rf'\1<w:endnotePr><w:numFmt w:val="{fmt}"/></w:endnotePr>',
                                  data)
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace("</Relationships>", '<Relationship Id="rIdEn" Type="http://schemas.openxmlformats'
                                    '.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
                                    '</Relationships>')
            elif item.filename == "[Content_Types].xml":
                data = data.replace("</Types>", '<Override PartName="/word/endnotes.xml" ContentType="application/'
                                    'vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
            z.writestr(item, data if data is not None else source.read(item.filename))
        z.writestr("word/endnotes.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:endnotes {w}>'
                   '<w:endnote w:type="separator" w:id="-1"><w:p/></w:endnote>' + notes + "</w:endnotes>")
    return out.getvalue()


def test_digit_endnotes_after_a_closing_references_heading_are_the_reference_list():
    result = convert(_with_endnotes("decimal", "References"), "p.docx")
    assert "surgery.<sup>1</sup> It rose later.<sup>2</sup>" in result.markdown
    assert f"# References\n\n1. {ENTRY}\n2. {ENTRY2}" in result.markdown
    assert any(n.startswith("2 endnotes were written as the reference list") for n in result.notes)
    doc = parse_policy(result.markdown)
    assert [m.numbers for m in doc.markers] == [(1,), (2,)] and doc.references[1].first_author == "Brown"


@pytest.mark.parametrize("fmt,closing", [(None, "References"), ("decimal", "Acknowledgements")])
def test_roman_endnotes_or_endnotes_not_under_a_closing_reference_heading_stay_out(fmt, closing):
    with pytest.raises(KbError):  # as before: the notes are not imported, so no list is found
        convert(_with_endnotes(fmt, closing), "p.docx")


# pandoc's Word files: '```{=html}' left in the text, which would open a Markdown code fence -------------------

def test_a_word_line_opening_like_a_code_fence_is_escaped_so_the_list_after_it_is_read():
    def build(d):
        d.add_paragraph("Risk is higher [1].")
        d.add_paragraph("```{=html}\n<!--\nKey results\n-->")
        d.add_heading("References", 1)
        d.add_paragraph(f"1. {ENTRY}")
    result = convert(docx_bytes(build), "p.docx")
    assert "\\```{=html}" in result.markdown
    assert [e.first_author for e in parse_policy(result.markdown).references] == ["Smith"]
    assert any("opening with ``` or ~~~" in n for n in result.notes)


def test_backticks_inside_a_word_line_stay_as_printed():
    def build(d):
        d.add_paragraph("Code is set in ```triple backticks``` in Markdown [1].")
        d.add_heading("References", 1)
        d.add_paragraph(f"1. {ENTRY}")
    result = convert(docx_bytes(build), "p.docx")
    assert "Code is set in ```triple backticks```" in result.markdown and "\\`" not in result.markdown
    assert not any("```" in n for n in result.notes)
