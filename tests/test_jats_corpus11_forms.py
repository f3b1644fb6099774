"""Forms met in corpus 11 (a held-out sample of PMC randomised-trial reports): a PMID printed as text and tagged
again (Taylor & Francis), APA's eight-author form with an ellipsis before the last name. Each form has a positive
and a clean case."""
from __future__ import annotations

from pathlib import Path

from kb.importers.jats import convert
from kb.knowledge.base import load_knowledge_base
from kbdev.corpus_accuracy import write_policy
from tests.test_jats_corpus7_forms import article, markdown, x


def _read(tmp_path: Path, data: bytes):
    return load_knowledge_base(write_policy(tmp_path / "a", convert(data, "x.xml")))


def _entry(tail: str, names: str = "<name><surname>Greenberg</surname><given-names>DP</given-names></name>") -> str:
    return (f'<ref id="R1"><label>[1]</label><mixed-citation publication-type="journal"><person-group>{names}'
            '</person-group> <article-title>Health burden of pertussis</article-title>. <source>Pediatr Infect Dis J'
            f'</source>. <year>2005</year>;<volume>24</volume>:<fpage>39</fpage>{tail}</mixed-citation></ref>')


def test_an_id_printed_as_text_and_tagged_again_prints_once(tmp_path: Path):
    data = article(f"Pertussis burdens infants [{x(1)}].", _entry(
        '; doi:<pub-id pub-id-type="doi">10.1097/01.inf.0000160911</pub-id>. PMID:15876922'
        '<pub-id pub-id-type="pmid">15876922</pub-id>'))
    text = markdown(data)
    assert "PMID:15876922" in text and "15876922PMID" not in text and text.count("15876922") == 1
    entry = _read(tmp_path, data).doc.references[0]
    assert entry.pmid == "15876922"
    # Clean: an id tagged without its text (BMC, Elsevier) is printed with its kind.
    clean = markdown(article(f"Burden [{x(1)}].", _entry('. <pub-id pub-id-type="pmid">15876922</pub-id>')))
    assert "PMID: 15876922" in clean or "PMID:15876922" in clean


def test_apa_ellipsis_before_the_last_author(tmp_path: Path):
    six = ", ".join(f'<name><surname>{s}</surname><given-names>A. B.</given-names></name>'
                    for s in ("Sheehan", "Lecrubier", "Amorim", "Janavs", "Weiller", "Hergueta"))
    data = article(f"Interviewed with the MINI [{x(1)}].",
                   _entry(".", six + ', <etal/><name><surname>Dunbar</surname><given-names>G. C.</given-names></name>'))
    text = markdown(data)
    assert "Hergueta A. B., . . . Dunbar G. C." in text and "et al.Dunbar" not in text
    entry = _read(tmp_path, data).doc.references[0]
    assert (entry.first_author, entry.year) == ("Sheehan", 2005)
    # Clean: an <etal/> closing the list still prints "et al.".
    assert "Hergueta A. B., et al." in markdown(article(f"MINI [{x(1)}].", _entry(".", six + ", <etal/>")))
