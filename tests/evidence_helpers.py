"""A tiny hand-written policy with known studies, reviews and guidelines, for the evidence tests.

Every fact the tests assert about it can be read off the text below.
"""
from __future__ import annotations

from pathlib import Path

POLICY = """
# Example Plan

## ***Widgetplasty for Back Pain***

**Effective:** January 1, 2026

### **MEDICAL POLICY CRITERIA**

#### **Medically Necessary**

- I. Widgetplasty may be considered **medically necessary** when all of the following (A - B) are met:
  - A. Pain for at least six weeks; and
  - B. Imaging confirms the fracture.

## Investigational

- II. Widgetplasty is considered **investigational** for all other indications.

## EVIDENCE SUMMARY

## WIDGETPLASTY

### SYSTEMATIC REVIEWS

Smith (2020) conducted a systematic review of widgetplasty.<sup>[1]</sup> Two trials were included (Jones [2015]<sup>[2]</sup> and Brown [2016]<sup>[3]</sup>).

### RANDOMIZED CONTROLLED TRIALS

In 2015, Jones reported the WIDGET trial, a randomized sham-controlled trial in 100 patients.<sup>[2]</sup> Two-year results of this study were reported by Lee in 2018.<sup>[4]</sup>

Brown (2016) reported a randomized trial of widgetplasty versus usual care in 60 patients.<sup>[3]</sup>

Green (2019) reported a randomized trial of widgetplasty in 40 patients.

## OTHER USES

The evidence for other uses is limited to case series.<sup>[5-7]</sup> Black (2004) described one of them.

## PRACTICE GUIDELINE SUMMARY

The Society of Widget Surgeons (SWS) recommends widgetplasty.<sup>[8]</sup>

### REFERENCES

1. Smith AB, Chen J. Widgetplasty for back pain: a systematic review and meta-analysis. *Spine (Phila Pa 1976)*. 2020;45(1):1-10. PMID: 11111111
2. Jones CE, Patel P. Widgetplasty versus sham procedure (WIDGET): a randomised sham-controlled trial. *Lancet*. 2015;385(1):10-20. PMID: 22222222
3. Brown DF, Kim K. Widgetplasty versus usual care: a randomized controlled trial. *BMJ*. 2016;352:100-9. PMID: 33333333
4. Lee HG, Jones CE. Two-year outcomes of widgetplasty: a randomized trial. *Lancet*. 2018;391(2):30-40. PMID: 44444444
5. Black J. Widgetplasty in three patients: a case series. *Pain Physician*. 2004;7(1):1-5. PMID: 55555555
6. White K. Widgetplasty: a retrospective case series. *Pain Physician*. 2005;8(1):1-5. PMID: 66666666
7. Gray L. Widgetplasty outcomes: a prospective cohort study. *Pain Physician*. 2006;9(1):1-5. PMID: 77777777
8. Society of Widget Surgeons. Clinical practice guideline for widgetplasty. *J Widget*. 2021;1(1):1-9. PMID: 88888888
"""

STUDIES = """id,name,design,randomized,sham_controlled,n_randomized,comparison,references,described_at,notes
widget,WIDGET,randomized controlled trial,yes,yes,100,widgetplasty vs sham,2;4,,
brown-2016,Brown (2016),randomized controlled trial,yes,no,60,widgetplasty vs usual care,3,,
green-2019,Green (2019),randomized controlled trial,yes,no,,widgetplasty,,{green_line},no citation
black-2004,Black (2004),case series,no,no,,widgetplasty,5,,
white-2005,White (2005),case series,no,no,,widgetplasty,6,,
gray-2006,Gray (2006),cohort,no,no,,widgetplasty,7,,
"""

SECTIONS = """statement,section,reason
I,widgetplasty,the reviews and trials of widgetplasty
II,other-uses,other uses
"""

SUPPORTS = """statement,evidence,stance,line,reason
I,8,agrees,,the society recommends it
I.B,8,agrees,,imaging
"""


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def write_policy(folder: Path, text: str = POLICY, **tables: str) -> Path:
    """Write policy.md and the named tables (studies=..., statement_sections=..., ...) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "policy.md").write_text(text, encoding="utf-8")
    for name, content in tables.items():
        (folder / f"{name}.csv").write_text(content.replace("{green_line}", str(line_of(text, "Green (2019)"))),
                                            encoding="utf-8")
    return folder / "policy.md"


def full(folder: Path, text: str = POLICY, **overrides: str) -> Path:
    """The tiny policy with all its tables (any of them replaced by ``overrides``)."""
    tables = {"studies": STUDIES, "statement_sections": SECTIONS, "supports": SUPPORTS}
    tables.update(overrides)
    return write_policy(folder, text, **{k: v for k, v in tables.items() if v is not None})


def load(path: Path):
    from kb.knowledge.base import load_knowledge_base

    return load_knowledge_base(path)
