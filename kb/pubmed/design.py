"""A record's study design from its publication types and MeSH terms.

PubMed indexes design in two places: publication types (Randomized
Controlled Trial, Meta-Analysis, Practice Guideline, Case Reports,
Observational Study) and MeSH descriptors (Random Allocation, Cohort
Studies, Retrospective Studies ...). The strongest design named wins, in
the order below: a guideline that reports a meta-analysis is a guideline.
"""
from __future__ import annotations

from .records import PubmedRecord

GUIDELINE = "guideline"
REVIEW = "systematic review or meta-analysis"
RCT = "randomized trial"
OBSERVATIONAL = "observational"
CASE_REPORT = "case report"
OTHER = "other"
DESIGNS = (GUIDELINE, REVIEW, RCT, OBSERVATIONAL, CASE_REPORT, OTHER)

_TYPES = {
    GUIDELINE: {"guideline", "practice guideline", "consensus development conference",
                "consensus development conference, nih"},
    REVIEW: {"meta-analysis", "systematic review", "network meta-analysis"},
    RCT: {"randomized controlled trial", "equivalence trial", "randomized controlled trial, veterinary"},
    OBSERVATIONAL: {"observational study", "comparative study", "multicenter study", "clinical study",
                    "clinical trial", "controlled clinical trial", "evaluation study", "validation study"},
    CASE_REPORT: {"case reports"},
}
_MESH = {
    REVIEW: {"meta-analysis as topic", "systematic reviews as topic"},
    RCT: {"random allocation", "double-blind method", "single-blind method"},
    OBSERVATIONAL: {"cohort studies", "case-control studies", "cross-sectional studies", "prospective studies",
                    "retrospective studies", "follow-up studies", "longitudinal studies", "registries"},
}
# "Comparative Study", "Multicenter Study", "Clinical Trial" say a study compared groups but not how
# they were formed: they count as observational only when nothing stronger is named.


def classify(record: PubmedRecord) -> str:
    types = {t.lower() for t in record.pub_types}
    mesh = {m.lower() for m in record.mesh}
    for design in DESIGNS[:-1]:
        if types & _TYPES.get(design, set()) or mesh & _MESH.get(design, set()):
            return design
    return OTHER
