"""JATS reference lists with slips: a label that repeats another's number, and entries given as text only.

Both were met on real articles of other publishers (a SciELO article labels its entry 32 "1"; older
PMC and SciELO files give an entry as a bare ``<element-citation>`` or a ``<citation>`` holding
only text, which printed as an empty entry).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kb.errors import KbError
from kb.importers.jats import convert, ground_truth

ROOT = Path(__file__).resolve().parent.parent

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><journal-meta><journal-title>Revista de Testes</journal-title></journal-meta>
<article-meta><title-group><article-title>Labels</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title>
"""
BODY = """<p>Dialysis is common<sup>(<xref ref-type="bibr" rid="B1">1</xref>,<xref ref-type="bibr" rid="B2">2</xref>)</sup>.</p>
<p>Vaccines help<sup>(<xref ref-type="bibr" rid="B3">3</xref>)</sup> and boosters too<sup>(<xref ref-type="bibr" rid="B4">4</xref>)</sup>.</p>
"""


def _refs(labels: tuple[str, str, str, str], copy: str = "") -> str:
    entries = ("Silva A. Dialysis in children. J Bras Nefrol. 2020;1:1-5.",
               "Souza B. Dialysis in adults. J Bras Nefrol. 2021;2:6-9.",
               copy + "Centers for Disease Control and Prevention. COVID-19 vaccines [Internet]. Atlanta: CDC; 2022.",
               "Lima C. Boosters. Vaccine. 2022;40:10-19.")
    refs = "".join(f'<ref id="B{k}"><label>{label}</label><mixed-citation>{text}</mixed-citation></ref>'
                   for k, (label, text) in enumerate(zip(labels, entries), 1))
    return f"</sec></body><back><ref-list>{refs}</ref-list></back></article>\n"


CLEAN = HEAD + BODY + _refs(("1.", "2.", "3.", "4."))
# Entry 3's label repeats entry 1's number; its text starts with a copy of the label, then its number.
REPEATED = HEAD + BODY + _refs(("1.", "2.", "1", "4."), copy="1 3. ")


def _references(text: str) -> list[str]:
    lines = convert(text.encode(), "x.xml").markdown.split("\n")
    return lines[lines.index("## References") + 2:-1]


def test_clean_labels_number_the_entries():
    assert [r[:12] for r in _references(CLEAN)] == ["1. Silva A. ", "2. Souza B. ", "3. Centers f", "4. Lima C. B"]


def test_a_repeated_label_the_citations_contradict_is_numbered_by_position():
    refs = _references(REPEATED)
    assert refs[2] == "3. Centers for Disease Control and Prevention. COVID-19 vaccines [Internet]. Atlanta: CDC; 2022."
    assert [r.split(".")[0] for r in refs] == ["1", "2", "3", "4"]
    truth = ground_truth(REPEATED.encode())
    assert [m.numbers for m in truth.markers] == [(1, 2), (3,), (4,)]
    assert [e.number for e in truth.entries] == [1, 2, 3, 4]


def test_a_repeated_label_the_text_does_not_resolve_is_one_line(tmp_path):
    # Entry 3 is cited as "1": the text agrees with the label, not the position, so nothing says which is which.
    text = REPEATED.replace('rid="B3">3</xref>', 'rid="B3">1</xref>')
    with pytest.raises(KbError) as err:
        convert(text.encode(), "bad.xml")
    message = str(err.value)
    assert "\n" not in message and message.startswith("bad.xml:")
    assert "references 'B1' and 'B3' both have the number 1" in message
    bad = tmp_path / "bad.xml"
    bad.write_text(text, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kb", "import", str(bad)], capture_output=True, text=True,
                          cwd=ROOT, env={"KB_REFERENCES": str(tmp_path / "refs"), "PATH": ""})
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "refs").exists()


PLAIN = HEAD + BODY.replace("<sup>(", "[").replace(")</sup>", "]") + """</sec></body><back><ref-list>
<ref id="B1"><label>1</label>{cit}</ref>
<ref id="B2"><label>2</label><mixed-citation>Souza B. Dialysis in adults. J Bras Nefrol. 2021;2:6-9.</mixed-citation></ref>
<ref id="B3"><label>3</label><mixed-citation>Costa D. Vaccines. Vaccine. 2022;40:1-9.</mixed-citation></ref>
<ref id="B4"><label>4</label><mixed-citation>Lima C. Boosters. Vaccine. 2022;40:10-19.</mixed-citation></ref>
</ref-list></back></article>
"""
TEXT = "Silva A. Dialysis in children. J Bras Nefrol. 2020;1:1-5."


@pytest.mark.parametrize("cit, printed", [
    (f'<element-citation publication-type="other">{TEXT}</element-citation>', TEXT),
    (f'<citation citation-type="journal"><italic>{TEXT}</italic></citation>', f"*{TEXT}*"),
    (f'<nlm-citation citation-type="journal">{TEXT}</nlm-citation>', TEXT),
])
def test_a_citation_given_as_text_only_prints_its_text(cit, printed):
    assert _references(PLAIN.format(cit=cit))[0] == f"1. {printed}"


def test_a_citation_given_as_parts_is_still_printed_in_the_journals_style():
    parts = ('<element-citation publication-type="journal"><person-group person-group-type="author"><name>'
             '<surname>Silva</surname><given-names>A</given-names></name></person-group><article-title>Dialysis in '
             'children</article-title><source>J Bras Nefrol</source><year>2020</year><volume>1</volume>'
             '<fpage>1</fpage><lpage>5</lpage></element-citation>')
    assert _references(PLAIN.format(cit=parts))[0] == "1. Silva A. Dialysis in children. J Bras Nefrol. 2020;1:1\u20135."
