"""The synthetic policy model: records for references, sentences and their parts, and the word pools.

See ``kbdev.synthetic`` (generation, the public face) and ``kbdev.synthetic.render``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

# ---- the model ---------------------------------------------------------------


@dataclass(frozen=True)
class RefSpec:
    key: str  # stable across renumbering, e.g. "r12"
    surnames: tuple[str, ...]  # as printed; empty for an organisation
    organisation: str | None
    year: int | None
    title: str
    kind: str  # one of kb.sources.kinds.KINDS
    topic: str
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pmid: str | None = None
    url: str | None = None
    accessed: str | None = None


@dataclass(frozen=True)
class Cite:
    keys: tuple[str, ...]
    as_range: bool = False  # print consecutive numbers as "a-b"
    shift: int = 0  # seeded defect: every printed number moved by this much
    widen: int = 0  # seeded defect: a range printed this many numbers wider at its end


@dataclass(frozen=True)
class Name:
    """A named source in running text: 'Smith (2015)', 'In 2015, Smith', 'the ACR'."""

    key: str
    form: str  # "paren", "in-year", "etal", "org"
    year: int | None = None  # seeded defect: print this year instead of the entry's


@dataclass(frozen=True)
class Estimate:
    measure: str  # MD, SMD, RR, OR, HR
    value: float
    low: float
    high: float
    p: str | None  # as printed, e.g. ".56" or "<0.001"
    style: int  # which printed form (see _render_estimate)
    outcome: str
    arms: tuple[int, int, int] | None = None  # (total, treated, control) printed after the result
    followed: tuple[int, int, str] | None = None  # (count, denominator, percentage as printed)
    i2: str | None = None  # heterogeneity as printed inside the parentheses, e.g. "45"
    variant: int = 0  # a second choice of wording within a style (long measure names, minus and dash forms)


@dataclass(frozen=True)
class Size:
    """A trial's size or one arm's, printed as a bare number (seeded defects change one of them)."""

    role: str  # "total", "treated" or "control"
    value: int


@dataclass(frozen=True)
class Sentence:
    sid: str
    parts: tuple  # str | Cite | Name | Estimate | Size


@dataclass(frozen=True)
class Paragraph:
    heading: str | None  # a "### heading" printed above it, if any
    sentences: tuple[Sentence, ...]
    level: int = 3


@dataclass(frozen=True)
class SyntheticPolicy:
    seed: int
    title: str
    procedure: str
    references: tuple[RefSpec, ...]
    paragraphs: tuple[Paragraph, ...]
    criteria: tuple[tuple[str, str], ...]  # (id, text) in outline order
    numbering: dict = field(default_factory=dict, compare=False)  # key -> number printed in markers

    def number_of(self, key: str) -> int:
        """The number a marker prints for ``key``: the list position unless told otherwise."""
        if key in self.numbering:
            return self.numbering[key]
        return self._positions[key]

    def ref(self, key: str) -> RefSpec:
        return self._by_key[key]

    # Look-ups by key, built once per policy: rendering 5,000 markers must not scan the list each time.
    @cached_property
    def _positions(self) -> dict:
        return {r.key: i for i, r in enumerate(self.references, 1)}

    @cached_property
    def _by_key(self) -> dict:
        return {r.key: r for r in self.references}

    def sentences(self):
        for p in self.paragraphs:
            yield from p.sentences


@dataclass(frozen=True)
class Rendered:
    text: str
    sentence_lines: dict  # sid -> line
    entry_lines: dict  # reference key -> line


# ---- word pools ----------------------------------------------------------------

SURNAMES = (
    "Smith", "Chen", "Garcia", "Okafor", "Nakamura", "Rossi", "Dubois", "Kowalski", "Andersen", "Patel",
    "Haddad", "Silva", "Novak", "Lindqvist", "Moreau", "Costa", "Yilmaz", "Fischer", "Murphy", "Tanaka",
    "de Vries", "Van Meirhaeghe", "Blasco Andaluz", "Martin-Lopez", "O'Brien", "McConnell", "van der Berg",
    "da Silva", "Le Roux", "St John", "Al-Khatib", "Nguyen", "Kim", "Ivanova", "Larsen", "Schmidt",
)
INITIALS = ("AB", "J", "MK", "RT", "CE", "P", "DF", "HG", "SL", "W", "JE", "K")
ORGANISATIONS = (
    ("American College of Radiology", "ACR"),
    ("National Institute for Health and Care Excellence", "NICE"),
    ("American Academy of Orthopaedic Surgeons", "AAOS"),
    ("Society of Interventional Radiology", "SIR"),
    ("American Society of Anesthesiologists", "ASA"),
    ("North American Spine Society", "NASS"),
)
JOURNALS = ("Spine (Phila Pa 1976)", "N Engl J Med", "Lancet", "BMJ", "Pain Physician", "J Bone Miner Res",
            "Eur Spine J", "Radiology", "AJNR Am J Neuroradiol", "Medicine (Baltimore)", "JAMA")
PROCEDURES = ("cryoneurolysis", "radiofrequency denervation", "spinal cord stimulation", "balloon sinuplasty",
              "vertebral augmentation", "laser discectomy", "genicular nerve ablation", "basivertebral ablation")
COMPARATORS = ("sham procedure", "conservative care", "usual care", "physical therapy")
CONDITIONS = ("chronic low back pain", "knee osteoarthritis", "vertebral fractures", "chronic sinusitis",
              "neck pain", "sacroiliac joint pain")
OUTCOMES = ("pain VAS", "ODI", "quality of life", "new fracture", "function")
KIND_TITLES = {
    "systematic-review": ("a systematic review and meta-analysis", "a meta-analysis of randomized trials"),
    "randomized-trial": ("a randomized controlled trial", "a multicentre randomised sham-controlled trial"),
    "observational": ("a retrospective case series", "a prospective cohort study"),
    "guideline": ("clinical practice guideline", "appropriateness criteria"),
    "other": ("a narrative overview", "technical considerations and anatomy"),
}
COUNT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
