"""kb import on small fixtures of its own: format detection, the HTML and Word converters, Markdown
copied as it is, and the command's promises (one line and exit 2 on bad input, nothing overwritten
without --force, nothing left behind by a failed import, provenance that names the source)."""
import hashlib
import io
import subprocess
import sys
import zipfile

import pytest

from kb.cli import main
from importtools import docx_bytes
from kb.errors import KbError
from kb.importers import convert, detect
from kb.importers.docx_numbering import Numbering

REFS = "## References\n\n1. Zhu A, Li B. A review. *J Bone*. 2022;1:1-2. PMID: 123\n"
HTML = """<!DOCTYPE html><html><head><title>t</title><script>document.write("<h1>not policy</h1>")</script>
<style>p {color: red}</style></head><body><nav>Home | Policies</nav><main>
<h1>Policy</h1>
<p>Zhu (2022) reviewed six
studies.<sup>[1]</sup> Kiva<sup>&reg;</sup> is <strong>medically necessary</strong>.<br>A second line</p>
<ul><li>I. First<ul><li>A. Sub</li></ul></li><li><p>II. Loose</p></li></ul>
<ol start="4"><li>Four</li><li>Five</li></ol>
<table><tr><th>Code</th><th>Description</th></tr><tr><td>22510</td><td>Vertebroplasty</td></tr></table>
<table><tr><td colspan="2">merged</td></tr><tr><td>a</td><td>b</td></tr></table>
<h2>References</h2><ol><li>Zhu A, Li B. A review. <em>J Bone</em>. 2022;1:1-2. PMID: 123</li>
<li>See <a href="https://example.org/x">https://example.org/x</a></li></ol></main></body></html>"""



# detection ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("data,name,fmt", [
    (b"%PDF-1.7\n...", "x.bin", "pdf"),
    (HTML.encode(), "policy.txt", "html"),
    (b"<?xml version='1.0'?>\n<!DOCTYPE article PUBLIC '-//NLM//DTD JATS'>\n<article><front/></article>", "a", "jats"),
    (b"<?xml version='1.0'?><article xmlns:xlink='x'><body/></article>", "a.xml", "jats"),
    (b"# Policy\n\nText <sup>[1]</sup>\n", "policy.html", "markdown"),
    (b"Plain text policy\n", "p.txt", "markdown"),
])
def test_the_format_comes_from_the_content(data, name, fmt):
    assert detect(data, name) == fmt


def test_a_word_file_is_a_zip_with_a_document_part():
    assert detect(docx_bytes(lambda d: d.add_paragraph("x")), "x.pdf") == "docx"
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("content.xml", "<x/>")
    with pytest.raises(KbError, match="not a Word document"):
        detect(other.getvalue(), "x.docx")


@pytest.mark.parametrize("data,message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"), "password-protected Word"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old binary Office file"),
    (b"PK\x03\x04garbage", "damaged zip archive"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file in a format kb import does not read"),
    ("\ufeffpolicy".encode("utf-16"), "UTF-16"),
    (b"<?xml version='1.0'?><office:document-content/>", "neither JATS"),
])
def test_what_cannot_be_imported_is_named(data, message):
    with pytest.raises(KbError, match=message):
        detect(data, "x.docx")


# HTML ----------------------------------------------------------------------------------------------

def test_html_keeps_headings_markers_lists_tables_and_the_reference_list():
    result = convert(HTML.encode(), "p.html")
    md = result.markdown
    assert result.format == "html"
    assert "# Policy\n" in md
    assert ("Zhu (2022) reviewed six studies.<sup>[1]</sup> Kiva<sup>®</sup> is **medically necessary**.\n"
            "A second line") in md
    assert "- I. First\n  - A. Sub\n- II. Loose\n" in md
    assert "4. Four\n5. Five" in md
    assert "| Code | Description |\n|---|---|\n| 22510 | Vertebroplasty |" in md
    assert "merged\na\tb" in md
    assert "1. Zhu A, Li B. A review. *J Bone*. 2022;1:1-2. PMID: 123\n2. See <https://example.org/x>" in md
    assert "not policy" not in md and "Home | Policies" not in md and "color" not in md
    assert result.notes == ("a table with merged cells (2 rows) is kept as plain lines, one row per line",)


def test_html_without_a_reference_list_is_refused():
    with pytest.raises(KbError, match="no reference list"):
        convert(b"<html><body><main><p>Only the site's frame.</p></main></body></html>", "p.html")


# Word ----------------------------------------------------------------------------------------------

def test_word_keeps_headings_superscript_runs_numbering_and_tables():
    def build(doc):
        doc.add_heading("Surgery Policy", 1)
        p = doc.add_paragraph("Zhu (2022) reviewed six studies.")
        p.add_run("[1, 2]").font.superscript = True
        p.add_run(" It was ")
        p.add_run("positive").bold = True
        p.add_run(".")
        doc.add_paragraph("first criterion", style="List Number")
        doc.add_paragraph("second criterion", style="List Number")
        doc.add_paragraph("a point", style="List Bullet")
        table = doc.add_table(rows=2, cols=2)
        for r, row in enumerate([["Code", "Description"], ["22510", "Vertebroplasty"]]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        merged = doc.add_table(rows=2, cols=2)
        merged.cell(0, 0).merge(merged.cell(0, 1)).text = "spans two"
        doc.add_heading("References", 2)
        doc.add_paragraph("1. Zhu A. A review. J Bone. 2022;1:1-2. PMID: 123")

    result = convert(docx_bytes(build), "p.docx")
    md = result.markdown
    assert "# Surgery Policy\n" in md
    assert "Zhu (2022) reviewed six studies.<sup>[1, 2]</sup> It was **positive**." in md
    assert "1. first criterion\n2. second criterion\n- a point" in md
    assert "| Code | Description |\n|---|---|\n| 22510 | Vertebroplasty |" in md
    assert "## References\n\n1. Zhu A." in md
    assert any("merged cells" in n for n in result.notes)
    assert "spans two" in md


def test_a_short_bold_line_without_a_style_is_a_heading():
    def build(doc):
        doc.add_heading("Surgery Policy", 1)
        doc.add_paragraph("Zhu (2022) reviewed six studies.").add_run("[1]").font.superscript = True
        doc.add_paragraph().add_run("The whole sentence is bold.").bold = True
        doc.add_paragraph().add_run("REFERENCES").bold = True
        doc.add_paragraph("1. Zhu A. A review. J Bone. 2022;1:1-2. PMID: 123")

    md = convert(docx_bytes(build), "p.docx").markdown
    assert "## **REFERENCES**\n\n1. Zhu A." in md  # one level below the deepest styled heading
    assert "\n**The whole sentence is bold.**\n" in md


NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
 <w:lvl w:ilvl="4"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
</w:numbering>"""


def test_word_numbering_prints_the_labels_word_prints():
    from lxml import etree

    numbering = Numbering(etree.fromstring(NUMBERING.encode()))
    seq = [("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 3), ("1", 3), ("1", 4), ("1", 1), ("1", 2), ("1", 0),
           ("2", 0), ("2", 0), ("9", 0)]
    labels = [numbering.label(n, lvl) for n, lvl in seq]
    assert labels == ["I.", "A.", "1.", "2.", "a)", "b)", "-", "B.", "1.", "II.", "IV.", "V.", None]


def test_a_damaged_word_file_is_refused():
    good = docx_bytes(lambda d: d.add_paragraph("x"))
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else src.read(item))
    with pytest.raises(KbError, match="not a readable Word document"):
        convert(broken.getvalue(), "p.docx")
    with pytest.raises(KbError, match="damaged zip"):
        convert(good[: len(good) // 2], "p.docx")


# Markdown ------------------------------------------------------------------------------------------

def test_markdown_is_copied_byte_for_byte():
    data = ("\ufeff# Policy\r\n\r\nText.<sup>[1]</sup>\r\n\r\n" + REFS).encode()
    assert convert(data, "p.md").markdown.encode() == data
    with pytest.raises(KbError, match="not UTF-8"):
        convert(b"# P\n\ncaf\xe9\n\n" + REFS.encode(), "p.md")


def test_jats_goes_to_its_converter_and_says_so_when_it_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "kb.importers.jats", None)
    with pytest.raises(KbError, match="jats import is not available"):
        convert(b"<article><front/></article>", "a.xml")


# the command ---------------------------------------------------------------------------------------

@pytest.fixture
def refs(tmp_path, monkeypatch):
    folder = tmp_path / "references"
    folder.mkdir()
    monkeypatch.setenv("KB_REFERENCES", str(folder))
    return folder


def _run(capsys, *argv):
    code = main(["import", *map(str, argv)])
    return code, capsys.readouterr().err


def test_import_writes_the_policy_and_its_provenance(refs, tmp_path, capsys):
    source = tmp_path / "Surgery Policy 107.md"
    source.write_bytes(b"# Policy\n\nZhu (2022).<sup>[1]</sup>\n\n" + REFS.encode())
    code, err = _run(capsys, source)
    assert code == 0
    folder = refs / "surgery-policy-107"
    assert (folder / "policy.md").read_bytes() == source.read_bytes()
    import yaml

    provenance = yaml.safe_load((folder / "provenance.yaml").read_text())
    assert provenance["source_file"] == "Surgery Policy 107.md"
    assert provenance["source_sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert provenance["format"] == "markdown" and provenance["imported_with"].startswith("policykb ")
    assert str(provenance["imported"]) == __import__("datetime").date.today().isoformat()
    assert err.startswith("imported Surgery Policy 107.md (markdown) to ")
    assert "1 references, 1 citation markers" in err and "everything was kept as printed" in err
    from kb.knowledge.curated import read_provenance
    assert read_provenance(folder / "provenance.yaml")["format"] == "markdown"  # the project's reader agrees


def test_nothing_is_overwritten_without_force_and_force_keeps_the_editors_files(refs, tmp_path, capsys):
    source = tmp_path / "p.md"
    source.write_text("# Policy\n\nOld.\n\n" + REFS)
    assert _run(capsys, source, "--id", "pol")[0] == 0
    (refs / "pol" / "waivers.csv").write_text("code,line,citation,reason,reviewer,date\n")
    source.write_text("# Policy\n\nNew.\n\n" + REFS)
    code, err = _run(capsys, source, "--id", "pol")
    assert code == 2 and err.count("\n") == 1 and "already exists; give --force" in err
    assert "Old." in (refs / "pol" / "policy.md").read_text()
    assert _run(capsys, source, "--id", "pol", "--force")[0] == 0
    assert "New." in (refs / "pol" / "policy.md").read_text()
    assert (refs / "pol" / "waivers.csv").is_file()
    assert sorted(p.name for p in refs.iterdir()) == ["pol"]  # no staging or backup folder left


@pytest.mark.parametrize("content,message", [
    (b"<html><body><p>Only the frame.</p></body></html>", "no reference list"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file"),
    (b"%PDF-1.4\n%broken", "not a readable PDF"),
    (b"PK\x03\x04broken", "damaged zip"),
])
def test_bad_input_is_one_line_exit_2_and_leaves_nothing(refs, tmp_path, capsys, content, message):
    source = tmp_path / "bad.html"
    source.write_bytes(content)
    code, err = _run(capsys, source)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"kb import: {source}: ") and message in err
    assert list(refs.iterdir()) == []


def test_a_format_word_chooses_the_converter(refs, tmp_path, capsys):
    source = tmp_path / "page.txt"
    source.write_text(HTML)
    assert _run(capsys, "html", source)[0] == 0
    assert "<sup>[1]</sup>" in (refs / "page" / "policy.md").read_text()
    code, err = _run(capsys, "odt", source)
    assert code == 2 and "'odt' is not a format" in err
    code, err = _run(capsys, source, "--id", "../up")
    assert code == 2 and "--id '../up'" in err
    code, err = _run(capsys, tmp_path / "missing.pdf")
    assert code == 2 and "no such file to import" in err


def test_the_import_libraries_load_only_for_kb_import():
    probe = ("import sys; from kb.cli import main; main(['info']); "
             "print(sorted(m for m in ('bs4', 'pdfplumber', 'pdfminer', 'docx', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr
