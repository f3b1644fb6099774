"""kb studies bootstrap: a proposal read from the text; the curated file is never overwritten unasked."""
import csv
import io

import pytest

from evidence_helpers import POLICY, STUDIES, line_of, write_policy
from kb.cli import main
from kb.knowledge.curated import load_curated
from kb.evidence.bootstrap import propose_studies
from kb.evidence.extract import follow_ups, text_inclusions, trial_names, uncited_trials
from kb.knowledge.base import build_knowledge_base, load_policy


def kb_of(path):
    return build_knowledge_base(load_policy(path), load_curated(path))


@pytest.fixture
def tiny(tmp_path):
    return kb_of(write_policy(tmp_path))


def by_id(rows):
    return {r["id"]: r for r in rows}


def test_tiny_policy_proposal(tiny):
    rows = by_id(propose_studies(tiny))
    assert list(rows) == ["widget", "brown-2016", "black-2004", "white-2005", "gray-2006", "green-2019"]
    widget = rows["widget"]  # named in its title; Lee 2018 joined by "results of this study were reported"
    assert widget["references"] == "2;4" and widget["n_randomized"] == "100" and widget["sham_controlled"] == "yes"
    assert f"line {line_of(POLICY, 'Two-year results')} says they report one study" in widget["notes"]
    assert rows["brown-2016"]["sham_controlled"] == "no" and rows["brown-2016"]["n_randomized"] == "60"
    assert rows["black-2004"]["randomized"] == "no" and rows["black-2004"]["design"] == "case series"
    green = rows["green-2019"]  # described in the text, no marker, no list entry
    assert green["references"] == "" and green["described_at"] == str(line_of(POLICY, "Green (2019)"))
    assert green["n_randomized"] == "40"


def test_reviews_and_guidelines_are_not_studies(tiny):
    refs = {int(n) for r in propose_studies(tiny) for n in r["references"].split(";") if n}
    assert 1 not in refs and 8 not in refs


def test_text_facts_of_the_tiny_policy(tiny):
    assert trial_names(tiny) == {2: "WIDGET"}
    assert [(f.anchor, f.references) for f in follow_ups(tiny)] == [(2, (4,))]
    assert [(t.review, t.references) for t in text_inclusions(tiny)] == [(1, (2, 3))]
    assert [(u.who, u.year) for u in uncited_trials(tiny)] == [("Green", 2019)]


def test_no_inclusion_when_the_count_does_not_match_the_markers(tmp_path):
    text = POLICY.replace("Two trials were included", "Three trials were included")
    assert text_inclusions(kb_of(write_policy(tmp_path, text))) == []


def test_bundled_proposal_finds_the_named_and_followed_up_trials(bundled_path):
    kb = kb_of(bundled_path)
    rows = by_id(propose_studies(kb))
    # Line 156: "The initial report of 6-month outcomes (Buchbinder 2009 [5])" of Kroon (2014) [11].
    assert rows["buchbinder-2009"]["references"] == "5;11"
    # Line 206: the FREE trial [25]; its 24-month results reported by Boonen and Van Meirhaeghe [26, 27].
    assert rows["free"]["references"] == "25;26;27"
    # Trial names from titles and text: (VERTOS IV), (VAPOUR), (Vertos II), KAST Study, The VERTOS study.
    assert {"vertos-iv", "vapour", "vertos-ii", "kast", "vertos"} <= set(rows)
    assert rows["vertos-ii"]["n_randomized"] == "202" and rows["vapour"]["n_randomized"] == "120"
    assert rows["noriega-2019"]["described_at"] == "226"  # no marker, no entry
    proposed = {int(n) for r in rows.values() for n in r["references"].split(";") if n}
    assert not proposed & {1, 2, 3, 4, 7, 8, 64, 68, 69, 70, 71, 72, 74, 75, 76}  # reviews, guidelines


def test_bootstrap_writes_beside_an_existing_file_and_keeps_it(tmp_path, capsys):
    path = write_policy(tmp_path, studies=STUDIES)
    before = (tmp_path / "studies.csv").read_bytes()
    assert main(["studies", "bootstrap", str(path)]) == 0
    err = capsys.readouterr().err
    assert "studies.csv exists and was left as it is" in err and "studies.proposed.csv" in err
    assert (tmp_path / "studies.csv").read_bytes() == before
    proposed = list(csv.DictReader(io.StringIO((tmp_path / "studies.proposed.csv").read_text())))
    assert [r["id"] for r in proposed][:2] == ["widget", "brown-2016"]
    assert main(["studies", "bootstrap", "--force", str(path)]) == 0
    assert (tmp_path / "studies.csv").read_bytes() != before
    assert "wrote" in capsys.readouterr().err


def test_bootstrap_without_a_file_writes_studies_csv_and_to_stdout(tmp_path, capsys):
    path = write_policy(tmp_path)
    assert main(["studies", "bootstrap", "-o", "-", str(path)]) == 0
    assert capsys.readouterr().out.startswith("id,name,design,randomized,sham_controlled,n_randomized")
    assert not (tmp_path / "studies.csv").exists()
    assert main(["studies", "bootstrap", str(path)]) == 0
    assert (tmp_path / "studies.csv").exists() and not (tmp_path / "studies.proposed.csv").exists()


def test_a_broken_studies_csv_does_not_block_a_new_proposal(tmp_path, capsys):
    path = write_policy(tmp_path, studies="id,name\nbroken\n")
    assert main(["studies", "bootstrap", str(path)]) == 0
    assert (tmp_path / "studies.proposed.csv").exists()
    assert (tmp_path / "studies.csv").read_text() == "id,name\nbroken\n"
