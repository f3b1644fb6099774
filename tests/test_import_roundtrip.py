"""Round trips through real renderers: the bundled policy as a web page, a Chromium-printed PDF and a
pandoc Word file, imported back with `kb import` and compared with the original through the project's
own loaders: the 76 references (first author, year, PMID), the citation markers sentence by sentence,
the criteria ids, and the findings apart from line numbers.

The renders are made once per session (kbdev.render); Chromium and pandoc are installed by
./scripts/test. Under CI a missing renderer fails the run instead of skipping it.
"""
import os
import shutil
import subprocess
import sys

import pytest

from importtools import policy_folder, survey

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "references" / "regence-surgery-107" / "policy.md"


def _need(tool: str) -> None:
    if not shutil.which(tool):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is not installed; under CI the import round trips must run (./scripts/test installs it)")
        pytest.skip(f"{tool} is not installed (./scripts/test installs it with apt-get)")


@pytest.fixture(scope="session")
def renders(tmp_path_factory):
    _need("chromium")
    _need("pandoc")
    from kbdev.render import render_all

    return render_all(BUNDLED, tmp_path_factory.mktemp("renders"))


@pytest.fixture(scope="session")
def original(tmp_path_factory):
    return survey(policy_folder(tmp_path_factory.mktemp("original"), "orig", BUNDLED.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def imported(renders, tmp_path_factory):
    """Each render imported by the command a user runs; (policy.md path, stderr) per format."""
    refs = tmp_path_factory.mktemp("refs")
    env = dict(os.environ, KB_REFERENCES=str(refs))
    out = {}
    for fmt, path in renders.items():
        proc = subprocess.run([sys.executable, "-m", "kb", "import", str(path), "--id", f"rt-{fmt}"],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        out[fmt] = (refs / f"rt-{fmt}" / "policy.md", proc.stderr)
    return out


@pytest.fixture(scope="session")
def surveys(imported, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("surveys")
    # alone in a folder of its own, as the original is: provenance.yaml and curated tables aside
    return {fmt: survey(policy_folder(tmp, fmt, path.read_text(encoding="utf-8"))) for fmt, (path, _) in imported.items()}


FORMATS = ["html", "docx", "pdf"]


def test_the_original_is_what_the_round_trips_are_held_to(original):
    assert len(original["references"]) == 76
    assert len(original["criteria"]) >= 20 and "I.A.5.k" in original["criteria"]
    assert sum(len(v) for v in original["markers"].values()) >= 50
    assert any(code == "CIT201" for code, _, _ in original["findings"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_references_survive(fmt, surveys, original):
    assert surveys[fmt]["references"] == original["references"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_citation_markers_survive_sentence_by_sentence(fmt, surveys, original):
    assert surveys[fmt]["markers"] == original["markers"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_criteria_ids_survive(fmt, surveys, original):
    assert surveys[fmt]["criteria"] == original["criteria"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_findings_survive_apart_from_line_numbers(fmt, surveys, original):
    assert surveys[fmt]["findings"] == original["findings"]


def test_the_pdf_report_counts_the_dropped_running_lines(imported, renders):
    import pdfplumber

    with pdfplumber.open(renders["pdf"]) as pdf:
        pages = len(pdf.pages)
    _, stderr = imported["pdf"]
    # the print has a title on top and "Page n of m" below every page
    assert f"{2 * pages} running header, footer and page-number lines were dropped" in stderr
    text = imported["pdf"][0].read_text(encoding="utf-8")
    assert f"of {pages}" not in text and "\ufb01" not in text and "\ufb00" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_closing_line_names_what_was_read(fmt, imported):
    path, stderr = imported[fmt]
    assert f"({fmt}) to {path}: 76 references" in stderr
    provenance = (path.parent / "provenance.yaml").read_text(encoding="utf-8")
    assert f"format: {fmt}" in provenance and "source_sha256:" in provenance
