"""Reading real PubMed exports (XML, gzipped XML, MEDLINE) and refusing bad ones with one line."""
import gzip

import pytest

from kb.errors import KbError
from kb.pubmed.load import parse_records, read_records

from .helpers import DATA, MEDLINE_FILES, XML_FILES, real, with_correction_xml, with_medline_lines


def test_xml_fields_from_a_real_record():
    (r,) = parse_records(real("pubmed4.xml"), "pubmed4.xml")
    assert r.pmid == "27797938" and r.surnames[:2] == ("Bao", "Prescott")
    assert r.title.startswith("Leucocyte telomere length, genetic variants at the TERT gene")  # <i> dropped
    assert (r.year, r.epub_year, r.pub_date) == (2017, 2016, "2016-10-21")
    assert (r.journal, r.volume, r.issue, r.pages) == ("Gut", "66", "6", "1116-1122")
    assert r.doi == "10.1136/gutjnl-2016-312510" and r.status == "ppublish"
    assert "Observational Study" in r.pub_types and ("CommentIn", "27920200") in r.corrections
    assert not any(kind == "Cites" for kind, _ in r.corrections)
    assert "Case-Control Studies" in r.mesh and r.abstract


def test_medline_fields_from_a_real_record():
    records = parse_records(real("pubmed_result2.txt"), "x.txt")
    assert [r.pmid for r in records] == ["16403221", "16377612", "14871861", "14630660"]
    casbon = records[0]
    assert casbon.title == "A high level interface to SCOP and ASTRAL implemented in python."
    assert casbon.surnames == ("Casbon", "Crooks", "Saqi") and casbon.authors[0] == "Casbon JA"
    assert (casbon.year, casbon.volume, casbon.pages, casbon.journal) == (2006, "7", "10", "BMC Bioinformatics")
    assert casbon.doi == "10.1186/1471-2105-7-10" and casbon.pub_date == "2006-01-10"
    assert "Databases, Protein" in casbon.mesh  # the star and qualifiers are gone
    assert records[2].surnames[0] == "de Hoon"


def test_every_real_file_reads_and_gzip_is_the_same():
    for path in XML_FILES + MEDLINE_FILES:
        assert parse_records(path.read_bytes(), path.name)
    plain = parse_records(real("pubmed2.xml"), "a")
    zipped = parse_records(gzip.compress(real("pubmed2.xml")), "a")
    assert plain == zipped


def test_folder_reads_each_file_once(tmp_path):
    records = read_records([DATA])
    assert len(records) == 11 and len({r.pmid for r in records}) == 11


def test_corrections_in_both_formats():
    (x,) = parse_records(with_correction_xml("pubmed5.xml", "RetractionIn", "99000001", "Retracted Publication"), "x")
    assert x.retracted and x.related("RetractionIn") == ("99000001",)
    (m,) = parse_records(with_medline_lines("pubmed_result1.txt", "EIN - Brief Bioinform. 2003;4:1. PMID: 99000003",
                                            "ECI - Brief Bioinform. 2004;5:2. PMID: 99000002"), "m")
    assert m.related("ErratumIn") == ("99000003",) and m.concern and not m.retracted
    (plain,) = parse_records(real("pubmed5.xml"), "x")
    assert not plain.retracted and not plain.concern


@pytest.mark.parametrize("data, message", [
    (b"<?xml version='1.0'?><eSearchResult><Count>0</Count></eSearchResult>", "is XML but not PubMed"),
    (b"", "is empty"),
    (b"   \n", "is empty"),
    (b"<?xml version='1.0'?><PubmedArticleSet></PubmedArticleSet>", "holds no PubMed records"),
    (b"Title,Authors\nA,B\n", "is neither PubMed XML nor MEDLINE text"),
    (b"\x00\x01\x02binary", "is a binary file"),
    (b"PMID- 1\nTI  - caf\xe9 au lait\n", "is not UTF-8 (byte 0xe9)"),
])
def test_bad_input_is_one_line(data, message):
    with pytest.raises(KbError) as err:
        parse_records(data, "export.xml")
    assert message in str(err.value) and "\n" not in str(err.value)


def test_truncated_files():
    data = real("pubmed2.xml")
    with pytest.raises(KbError, match="looks truncated"):
        parse_records(data[: len(data) // 2], "cut.xml")
    with pytest.raises(KbError, match="gzip file that ends too soon"):
        read_records([_write(gzip.compress(data)[:-20])])
    medline = real("pubmed_result2.txt")
    cut = medline[: medline.index(b"TI  - PDB file parser")]
    with pytest.raises(KbError, match="has no title .* looks truncated"):
        parse_records(cut, "cut.txt")


def test_wrong_encoding_in_xml_names_the_line():
    data = real("pubmed2.xml").replace(b"Is cryopreservation", "Is cryopr\u00e9servation".encode("latin-1"))
    with pytest.raises(KbError) as err:
        parse_records(data, "latin.xml")
    assert "is not UTF-8 as it declares (byte 0xe9)" in str(err.value) and err.value.line == 4


def test_missing_file_and_folder():
    with pytest.raises(KbError, match="no such records file"):
        read_records(["/nonexistent/records.xml"])


def _write(data: bytes):
    import tempfile

    fh = tempfile.NamedTemporaryFile(suffix=".xml.gz", delete=False)
    fh.write(data)
    fh.close()
    return fh.name


def test_other_shapes_go_through_the_whole_document_parser():
    # A declared Latin-1 file (valid XML, not what PubMed writes) and a single article as the root.
    latin = real("pubmed2.xml").replace(b'<?xml version="1.0" ?>', b'<?xml version="1.0" encoding="ISO-8859-1"?>')
    latin = latin.replace(b"Is cryopreservation", "Is cryopr\u00e9servation".encode("latin-1"))
    assert parse_records(latin, "l.xml")[0].title.startswith("Is cryopr\u00e9servation")
    whole = real("pubmed4.xml")
    single = whole[whole.index(b"<PubmedArticle>"):whole.rindex(b"</PubmedArticleSet>")]
    assert [r.pmid for r in parse_records(single, "one.xml")] == ["27797938"]


def test_record_by_record_and_whole_document_readers_agree():
    from kb.pubmed import xml_reader

    for path in XML_FILES:
        data = path.read_bytes()
        assert xml_reader.parse_xml(data, "x") == xml_reader.read_whole(data, "x")
