"""JATS forms met in corpus 8 (Europe PMC full texts from Nature, Science Advances, PNAS, Springer and others):
back-matter notes that cite the list (Nature's "Data availability"), PNAS's numbered display equations in a
document that cites with parentheses. Each form has a positive and a clean case."""
from __future__ import annotations

from pathlib import Path

from kb.importers.jats import convert, ground_truth
from kb.knowledge.base import load_knowledge_base
from kbdev.corpus_accuracy import write_policy
from tests.test_jats_corpus7_forms import HEAD, refs, x


def with_notes(body: str, notes: str, count: int = 6) -> bytes:
    return (HEAD + f"<p>{body}</p></sec></body><back>{notes}<ref-list>{refs(count)}</ref-list></back></article>\n"
            ).encode()


def test_notes_that_cite_the_list_are_kept(tmp_path: Path):
    notes = ('<notes notes-type="data-availability"><title>Data availability</title><p>The model output is on '
             f'Zenodo (ref. <sup>{x(6)}</sup>).</p></notes>')
    body = f"Trials agree<sup>{x(1)}</sup> and reviews<sup>{x(2)}{x(3, '&#x2013;')}{x(5)}</sup> differ."
    data = with_notes(body, notes)
    text = convert(data, "x.xml").markdown
    assert "## Data availability" in text and "on Zenodo (ref. <sup>6</sup>)." in text
    assert [m.numbers for m in ground_truth(data).markers][-1] == (6,)
    kb = load_knowledge_base(write_policy(tmp_path / "notes", convert(data, "x.xml")))
    assert 6 in kb.cited and not kb.uncited


def test_notes_that_cite_nothing_stay_out():
    notes = ('<notes notes-type="COI-statement"><title>Competing interests</title><p>The authors declare no '
             'competing interests.</p></notes>')
    text = convert(with_notes(f"Trials agree<sup>{x(1)}</sup>.", notes), "x.xml").markdown
    assert "Competing interests" not in text


def test_a_parenthesis_document_with_numbered_equations_is_read(tmp_path: Path):
    # PNAS: "(1-4)" throughout; each display equation is numbered "[1]" after its formula.
    formula = ('<disp-formula id="e{n}"><label>[{n}]</label><mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML">'
               '<mml:mi>F</mml:mi><mml:mo>=</mml:mo><mml:mi>a</mml:mi><mml:mo>+</mml:mo><mml:mi>b</mml:mi>'
               '<mml:mo>.</mml:mo></mml:math></disp-formula>')
    body = (f"Costs of CO<sub>2</sub> ({x(1)}{x(2, '')}{x(3, '')}&#x2013;{x(4)}) rise. The flux {formula.format(n=1)}"
            f" Models ({x(5)}, {x(6)}) agree {formula.format(n=2)} and so do data ({x(5)}). {formula.format(n=3)}")
    data = with_notes(body, "")
    kb = load_knowledge_base(write_policy(tmp_path / "eq", convert(data, "x.xml")))
    assert [m.numbers for m in kb.doc.markers] == [(1, 2, 3, 4), (5, 6), (5,)]
    assert [m.numbers for m in ground_truth(data).markers] == [(1, 2, 3, 4), (5, 6), (5,)]


def nature_entry(journal_then_volume: str) -> bytes:
    entry = ('<ref id="R1"><label>1.</label><mixed-citation publication-type="journal">Reimer, P. J. et al. The '
             'IntCal20 radiocarbon age calibration curve (0-55 cal ka BP). ' + journal_then_volume +
             ', 725&#x2013;757 (2020).</mixed-citation></ref>')
    return (HEAD + f"<p>Ages were calibrated<sup>{x(1)}</sup>.</p></sec></body><back><ref-list>{entry}</ref-list>"
            "</back></article>\n").encode()


def test_a_journal_and_its_volume_run_together_print_apart():
    text = convert(nature_entry("<italic>Radiocarbon</italic><bold>62</bold>"), "x.xml").markdown
    assert "*Radiocarbon* **62**, 725\u2013757 (2020)." in text
    # Clean case: a space already printed stays one space.
    text = convert(nature_entry("<italic>Radiocarbon</italic> <bold>62</bold>"), "x.xml").markdown
    assert "*Radiocarbon* **62**, 725\u2013757 (2020)." in text


def _labelled(labels: list[str], body: str) -> bytes:
    entries = "".join(
        f'<ref id="ref-{n}"><label>{label}</label><mixed-citation publication-type="journal">Author{n} A. Title {n}. '
        f'J Tests. 20{10 + n};1:{n}.</mixed-citation></ref>' for n, label in enumerate(labels, 1))
    return (HEAD + f"<p>{body}</p></sec></body><back><ref-list>{entries}</ref-list></back></article>\n").encode()


def test_entries_labelled_with_their_author_and_year_are_an_author_year_list(tmp_path: Path):
    # PeerJ labels each entry with its citation: "Author1 (2011)".
    body = ('Conflicts grow (<xref ref-type="bibr" rid="ref-1">Author1, 2011</xref>; '
            '<xref ref-type="bibr" rid="ref-2">Author2, 2012</xref>).')
    data = _labelled(["Author1 (2011)", "Author2 (2012)"], body)
    converted = convert(data, "x.xml")
    assert "Author1 A. Title 1. J Tests. 2011;1:1." in converted.markdown and "1. Author1" not in converted.markdown
    kb = load_knowledge_base(write_policy(tmp_path / "peerj", converted))
    assert kb.doc.citation_style == "author-year" and [m.numbers for m in kb.doc.markers] == [(1, 2)]


def test_labels_that_are_neither_numbers_nor_citations_are_still_refused():
    import pytest

    from kb.errors import KbError
    with pytest.raises(KbError, match="has no number"):
        convert(_labelled(["a", "b"], 'Text (<xref ref-type="bibr" rid="ref-1">a</xref>).'), "x.xml")
