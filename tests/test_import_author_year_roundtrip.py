"""Another issuer's policy through real renderers: criteria printed as plain paragraphs under `Policy`, a
reference list printed without numbers and cited by author and year, as a web page, a Chromium-printed
PDF and a pandoc Word file, imported back with `kb import` and compared with the original: the entries,
the citations sentence by sentence, the criteria ids and the findings apart from line numbers.
"""
import os
import subprocess
import sys

import pytest

from importtools import policy_folder, survey
from test_import_roundtrip import FORMATS, ROOT, _need

POLICY = """# Vertebral Augmentation

Policy Number: MP-0411

Latest Review Date: April 2026

## Policy

Percutaneous vertebroplasty may be considered medically necessary for the following conditions:

- Painful osteoporotic vertebral fractures that failed six weeks of conservative treatment.
- Painful osteolytic lesions of the spine from multiple myeloma.

Percutaneous sacroplasty is considered investigational for all indications.

## Background

In a sham-controlled trial, Buchbinder et al. (2009) found no benefit of vertebroplasty at three months.
Kallmes and colleagues (2008) reported similar results in 131 patients. A pooled analysis of both trials
(Staples et al., 2011) found no difference in pain. Acute fractures may differ (Clark et al., 2016;
Firanescu et al., 2018). Guidance advises against routine use (AAOS, 2010).

## References

American Academy of Orthopaedic Surgeons (AAOS). The treatment of symptomatic osteoporotic spinal compression
fractures: guideline and evidence report. Rosemont, IL: AAOS; 2010.

Buchbinder R, Osborne RH, Ebeling PR, et al. A randomized trial of vertebroplasty for painful osteoporotic
vertebral fractures. N Engl J Med. 2009;361(6):557-568.

Clark W, Bird P, Gonski P, et al. Safety and efficacy of vertebroplasty for acute painful osteoporotic
fractures (VAPOUR): a multicentre, randomised, double-blind, placebo-controlled trial. Lancet.
2016;388(10052):1408-1416.

Firanescu CE, de Vries J, Lodder P, et al. Vertebroplasty versus sham procedure for painful acute
osteoporotic vertebral compression fractures (VERTOS IV). BMJ. 2018;361:k1551.

Kallmes DF, Comstock BA, Heagerty PJ, et al. A randomized trial of vertebroplasty for osteoporotic spinal
fractures. N Engl J Med. 2009;361(6):569-579.

Staples MP, Kallmes DF, Comstock BA, et al. Effectiveness of vertebroplasty using individual patient data
from two randomised placebo controlled trials: meta-analysis. BMJ. 2011;343:d3952.
"""


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    return survey(policy_folder(tmp_path_factory.mktemp("ay-original"), "orig", POLICY))


@pytest.fixture(scope="module")
def surveys(tmp_path_factory):
    _need("chromium")
    _need("pandoc")
    from kbdev.render import render_all

    tmp = tmp_path_factory.mktemp("ay-renders")
    source = policy_folder(tmp, "source", POLICY)
    renders = render_all(source, tmp / "out")
    env = dict(os.environ, KB_REFERENCES=str(tmp / "refs"))
    out = {}
    for fmt, path in renders.items():
        proc = subprocess.run([sys.executable, "-m", "kb", "import", str(path), "--id", f"ay-{fmt}"],
                              capture_output=True, text=True, env=env, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        imported = (tmp / "refs" / f"ay-{fmt}" / "policy.md").read_text(encoding="utf-8")
        out[fmt] = survey(policy_folder(tmp / "surveys", fmt, imported))
    return out


def test_the_original_is_read_as_another_issuer_prints_it(original):
    assert [(n, who, year) for n, who, year, _ in original["references"]] == [
        (1, "American Academy of Orthopaedic Surgeons (AAOS)", 2010), (2, "Buchbinder R", 2009),
        (3, "Clark W", 2016), (4, "Firanescu CE", 2018), (5, "Kallmes DF", 2009), (6, "Staples MP", 2011)]
    assert original["criteria"] == ["P1", "P1.1", "P1.2", "P2"]
    # a citation wrapped over two lines is one citation
    assert sorted(v for vs in original["markers"].values() for v in vs) == ["1", "2", "3,4", "5", "6"]
    assert [f for f in original["findings"] if f[0] == "CIT107"] == [
        ("CIT107", "warning", "citation (2008): Kallmes (2008) names an entry of another year: the list has "
                              "Kallmes (2009)")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_entries_citations_criteria_and_findings_survive(fmt, surveys, original):
    assert surveys[fmt] == original
