"""Synthetic policies of realistic shape, for tests, seeded-error runs and benchmarks.

A policy is generated as a model (references, paragraphs of sentences whose
parts are plain text, citations, named sources and effect estimates) and then
rendered to Markdown. Because the model knows what each sentence names and
cites, a test can change the model (swap two citations, shift a year, insert
an entry without renumbering the markers) and know exactly which line should
be reported. Same seed, same policy.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, field, replace

# ---- the model ---------------------------------------------------------------


@dataclass(frozen=True)
class RefSpec:
    key: str  # stable across renumbering, e.g. "r12"
    surnames: tuple[str, ...]  # as printed; empty for an organisation
    organisation: str | None
    year: int | None
    title: str
    kind: str  # one of kb.classify.KINDS
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
class Sentence:
    sid: str
    parts: tuple  # str | Cite | Name | Estimate


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
        return next(i for i, r in enumerate(self.references, 1) if r.key == key)

    def ref(self, key: str) -> RefSpec:
        return next(r for r in self.references if r.key == key)

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


# ---- generation ------------------------------------------------------------------

def _person_ref(rng: random.Random, key: str, kind: str, topic: str, form: str) -> RefSpec:
    n_authors = rng.randint(1, 4)
    surnames = tuple(rng.sample(SURNAMES, n_authors))
    year = rng.randint(1998, 2025)
    design = rng.choice(KIND_TITLES[kind])
    title = f"{topic.capitalize()} for {rng.choice(CONDITIONS)}: {design}"
    ahead = form == "ahead"
    return RefSpec(
        key=key, surnames=surnames, organisation=None, year=year, title=title, kind=kind, topic=topic,
        journal=rng.choice(JOURNALS),
        volume=None if ahead else str(rng.randint(1, 400)),
        issue=None if ahead or rng.random() < 0.2 else str(rng.randint(1, 12)),
        pages=None if ahead else f"{(a := rng.randint(10, 900))}-{a + rng.randint(3, 40)}",
        pmid=None if form == "no-pmid" else str(rng.randint(10_000_000, 39_999_999)),
    )


def _org_ref(rng: random.Random, key: str, topic: str, org: tuple[str, str], web: bool, serial: int) -> RefSpec:
    name, acronym = org
    year = rng.randint(2005, 2024)
    # A guidance number, as NICE prints "[TA279]", keeps two guidelines of one body apart.
    title = f"{rng.choice(KIND_TITLES['guideline']).capitalize()} for {topic} [{acronym}{100 + serial}]"
    if web:
        return RefSpec(key=key, surnames=(), organisation=f"{name} ({acronym})", year=None, title=title,
                       kind="guideline", topic=topic, url=f"https://example.org/{acronym.lower()}/{key}",
                       accessed="5/11/2026")
    return RefSpec(key=key, surnames=(), organisation=name, year=year, title=title, kind="guideline", topic=topic,
                   journal=rng.choice(JOURNALS), volume=str(rng.randint(1, 60)), pages=f"{rng.randint(1, 99)}-110",
                   pmid=str(rng.randint(10_000_000, 39_999_999)))


def generate(seed: int = 0, n_references: int = 80, *, estimates: bool = True) -> SyntheticPolicy:
    """A policy with about ``n_references`` entries, every one cited at least once."""
    rng = random.Random(seed)
    procedure, second = rng.sample(PROCEDURES, 2)
    n = max(8, n_references)
    n_guidelines = max(2, n // 10)
    n_series = max(3, n // 4)
    n_reviews = max(2, n // 7)
    n_trials = n - n_guidelines - n_series - n_reviews
    refs: list[RefSpec] = []
    counter = iter(range(1, 10 ** 9))

    used: set[tuple[str, int]] = set()

    def person(kind, topic):
        # (first author, year) stays unique, so a named source points at one entry only.
        form = rng.choices(("journal", "no-pmid", "ahead"), (0.85, 0.08, 0.07))[0]
        key = f"r{next(counter)}"
        ref = _person_ref(rng, key, kind, topic, form)
        while (ref.surnames[0], ref.year) in used:
            ref = _person_ref(rng, key, kind, topic, form)
        used.add((ref.surnames[0], ref.year))
        refs.append(ref)
        return ref

    reviews = [person("systematic-review", procedure) for _ in range(n_reviews)]
    trials = [person("randomized-trial", procedure) for _ in range(n_trials)]
    series = [person("observational", second) for _ in range(n_series)]
    guidelines = []
    for i in range(n_guidelines):
        org = ORGANISATIONS[i % len(ORGANISATIONS)]
        guidelines.append(_org_ref(rng, f"r{next(counter)}", procedure, org, web=rng.random() < 0.3, serial=i))
        refs.append(guidelines[-1])
    paragraphs = _paragraphs(rng, procedure, second, reviews, trials, series, guidelines, estimates)
    return SyntheticPolicy(seed=seed, title=f"{procedure.title()} and {second.title()}", procedure=procedure,
                           references=_in_citation_order(refs, paragraphs), paragraphs=paragraphs,
                           criteria=_criteria(rng, procedure, second))


def _in_citation_order(refs: list[RefSpec], paragraphs) -> tuple[RefSpec, ...]:
    """Number entries in order of first citation, as Vancouver style does."""
    order: dict[str, None] = {}
    for p in paragraphs:
        for s in p.sentences:
            for part in s.parts:
                if isinstance(part, Cite):
                    order.update(dict.fromkeys(part.keys))
    by_key = {r.key: r for r in refs}
    return tuple(by_key[k] for k in order) + tuple(r for r in refs if r.key not in order)


def _estimate(rng: random.Random) -> Estimate:
    measure = rng.choice(("MD", "SMD", "RR", "OR", "HR"))
    if measure in ("RR", "OR", "HR"):
        value = round(math.exp(rng.uniform(-0.9, 0.9)), 2)
        half = rng.uniform(0.1, 0.6)
        low, high = round(value * math.exp(-half), 2), round(value * math.exp(half), 2)
        z = abs(math.log(value)) / (half / 1.96)
    else:
        value = round(rng.uniform(-3, 3), 2)
        half = rng.uniform(0.2, 2.0)
        low, high = round(value - half, 2), round(value + half, 2)
        z = abs(value) / (half / 1.96)
    p = math.erfc(z / math.sqrt(2))
    printed = "<0.001" if p < 0.001 else f"{p:.2f}".lstrip("0") if rng.random() < 0.5 else f"{p:.3f}"
    e = Estimate(measure, value, low, high, printed if rng.random() < 0.7 else None, rng.randint(0, 3),
                 rng.choice(OUTCOMES))
    return _with_counts(e, half)


def _with_counts(e: Estimate, half: float) -> Estimate:
    """Sample sizes, a follow-up count and I², derived from numbers already drawn.

    No further draws from the generator: policies generated before these
    forms existed keep every other word they had.
    """
    k = int(round(abs(e.value) * 1000 + half * 977))
    total = 60 + k % 540
    treated = total // 2 + k % 17 - 8
    denominator = 40 + k % 160
    count = denominator - (k % 23) - 1
    percent = 100 * count / denominator
    shown = f"{percent:.1f}" if k % 3 == 0 else f"{percent:.0f}"
    return replace(e, arms=(total, treated, total - treated) if e.style in (0, 3) else None,
                   followed=(count, denominator, shown) if e.style in (1, 2) else None,
                   i2=str(k % 90) if e.style in (0, 3) and k % 2 else None, variant=k % 2)


def _paragraphs(rng, procedure, second, reviews, trials, series, guidelines, estimates) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    sid = iter(f"s{i}" for i in range(1, 10 ** 9))
    out.append(Paragraph("SYSTEMATIC REVIEWS", ()))
    for r in reviews:
        n_rcts = rng.randint(3, 12)
        parts = [Name(r.key, rng.choice(("paren", "in-year", "etal"))),
                 f" conducted a systematic review of {COUNT_WORDS[n_rcts] if n_rcts <= 10 else n_rcts} RCTs "
                 f"comparing {procedure} with {rng.choice(COMPARATORS)}.", Cite((r.key,))]
        sentences = [Sentence(next(sid), tuple(parts))]
        if estimates:
            e = _estimate(rng)
            sentences.append(Sentence(next(sid), (f"For {e.outcome}, the pooled result was ", e, ".")))
        out.append(Paragraph(None, tuple(sentences)))
    out.append(Paragraph("RANDOMIZED CONTROLLED TRIALS", ()))
    for t in trials:
        n_pat = rng.randint(40, 400)
        parts = (Name(t.key, rng.choice(("paren", "in-year", "etal"))),
                 f" reported a randomized trial of {procedure} versus {rng.choice(COMPARATORS)} in {n_pat} patients.",
                 Cite((t.key,)))
        out.append(Paragraph(None, (Sentence(next(sid), parts),)))
    if len(trials) >= 3:
        chosen = trials[:3]
        out.append(Paragraph(None, (Sentence(next(sid), (
            f"Three RCTs compared {procedure} with a sham procedure.", Cite(tuple(t.key for t in chosen)))),)))
    out.append(Paragraph(second.upper(), ()))
    out.append(Paragraph(None, (Sentence(next(sid), (
        f"The evidence on {second} is limited to several small case series.",
        Cite(tuple(s.key for s in series), as_range=True))),)))
    out.append(Paragraph("PRACTICE GUIDELINE SUMMARY", (), level=2))
    for g in guidelines:
        year = f"In {g.year}, the" if g.year else "The"
        out.append(Paragraph(None, (Sentence(next(sid), (
            f"{year} ", Name(g.key, "org"), f" published a guideline on {procedure}.", Cite((g.key,)))),)))
    return tuple(out)


def _criteria(rng, procedure, second) -> tuple[tuple[str, str], ...]:
    n_items = rng.randint(3, 6)
    items = [("I", f"{procedure.capitalize()} may be considered **medically necessary** when all of the "
                   f"following (A - B) are met:"),
             ("I.A", f"Treatment of no more than {rng.randint(2, 4)} levels, when all of the following "
                     f"(1 - {n_items}) criteria are met:")]
    items += [(f"I.A.{i}", f"Criterion {i} about {rng.choice(CONDITIONS)} is documented; and")
              for i in range(1, n_items + 1)]
    items += [("I.B", "Symptoms persist despite six weeks of conservative care."),
              ("II", f"{procedure.capitalize()} is considered **investigational** for all other indications."),
              ("III", f"{second.capitalize()} is considered **investigational**.")]
    return tuple(items)


# ---- rendering ----------------------------------------------------------------------

def _numbers_text(numbers: list[int], as_range: bool) -> str:
    if as_range and len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}-{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _render_part(policy: SyntheticPolicy, part) -> str:
    if isinstance(part, str):
        return part
    if isinstance(part, Cite):
        numbers = [policy.number_of(k) + part.shift for k in part.keys]
        if part.widen:
            numbers += list(range(numbers[-1] + 1, numbers[-1] + 1 + part.widen))
        return f"<sup>[{_numbers_text(numbers, part.as_range or bool(part.widen))}]</sup>"
    if isinstance(part, Name):
        ref = policy.ref(part.key)
        year = part.year or ref.year
        if part.form == "org":
            name = ref.organisation.split(" (")[0]
            acronym = next((a for n, a in ORGANISATIONS if n == name), None)
            return f"{name} ({acronym})" if acronym else name
        who = ref.surnames[0]
        if part.form == "in-year":
            return f"In {year}, {who}"
        if part.form == "etal":
            return f"{who} et al. ({year})"
        return f"{who} ({year})"
    if isinstance(part, Estimate):
        return _render_estimate(part)
    raise TypeError(part)


_LONG_NAMES = {"MD": "mean difference [MD]", "SMD": "standard mean difference", "RR": "relative risk",
               "OR": "odds ratio [OR]", "HR": "hazard ratio"}


def _num(value: float, variant: int) -> str:
    """Two decimals; the second variant prints negatives with the Unicode minus sign."""
    text = f"{value:.2f}"
    return text.replace("-", "\u2212") if variant and value < 0 else text


def _render_estimate(e: Estimate) -> str:
    p = f"; P = {e.p}" if e.p and not e.p.startswith("<") else (f"; p{e.p}" if e.p else "")
    v, lo, hi = (_num(x, e.variant) for x in (e.value, e.low, e.high))
    name = _LONG_NAMES[e.measure] if e.variant else e.measure
    i2 = f"; I\u00b2 = {e.i2}%" if e.i2 is not None else ""
    if e.style == 0:
        core = f"({name} = {v}; 95% CI, {lo} to {hi}{p}{i2})"
    elif e.style == 1:
        core = f"({name}, {v}; 95% CI, {lo} to {hi})"
    elif e.style == 2:
        dash = "\u2013" if e.variant else "-"
        core = f"({e.measure}={v}; 95% CI, {lo}{dash}{hi})" if e.low >= 0 else \
            f"({e.measure}={v}; 95% CI, {lo} to {hi})"
    else:
        core = f"({name}: {v}; 95% confidence interval {lo} to {hi}{p}{i2})"
    if e.arms:
        total, treated, control = e.arms
        core += f" in {total} patients, {treated} who received the procedure and {control} who received the comparator"
    if e.followed:
        count, denominator, shown = e.followed
        core += f", with follow-up complete for {count} ({shown}%) of {denominator}"
    return core


def render_entry(ref: RefSpec, number: int) -> str:
    if ref.organisation and ref.url:
        return (f"{number}. {ref.organisation}. {ref.title}. [cited {ref.accessed}]. "
                f"'Available from:' <{ref.url}>.")
    who = ref.organisation if ref.organisation else ", ".join(
        f"{s} {INITIALS[(len(s) + i) % len(INITIALS)]}" for i, s in enumerate(ref.surnames[:3]))
    if len(ref.surnames) > 3:
        who += ", et al"
    pub = f"{ref.year}"
    if ref.volume:
        pub += f";{ref.volume}" + (f"({ref.issue})" if ref.issue else "") + (f":{ref.pages}" if ref.pages else "")
    pmid = f" PMID: {ref.pmid}" if ref.pmid else ""
    return f"{number}. {who}. {ref.title}. *{ref.journal}*. {pub}.{pmid}"


def render(policy: SyntheticPolicy, *, issuer: str = "Example Health Plan") -> Rendered:
    lines: list[str] = ["", f"# {issuer}", "", "Medical Policy Manual", "",
                        f"## ***{policy.title}***", "", "**Effective:** January 1, 2026", "",
                        "**Next Review:** January 2027", "", "### **MEDICAL POLICY CRITERIA**", "",
                        "#### **Medically Necessary**", ""]
    for sid, text in policy.criteria:
        if sid == "II":
            lines += ["", "## Investigational", ""]
        label = sid.split(".")[-1]
        indent = "  " * min(sid.count("."), 1)
        lines.append(f"{indent}- {label}. {text}" if sid.count(".") < 2 else f"{label}. {text}")
    lines += ["", "## REQUIRED DOCUMENTATION", "", "- History and physical examination",
              "- Imaging reports", "", "## EVIDENCE SUMMARY", ""]
    sentence_lines: dict[str, int] = {}
    for p in policy.paragraphs:
        if p.heading:
            lines += [f"{'#' * p.level} {p.heading}", ""]
        if p.sentences:
            line_no = len(lines) + 1
            lines += [" ".join("".join(_render_part(policy, part) for part in s.parts) for s in p.sentences), ""]
            sentence_lines.update({s.sid: line_no for s in p.sentences})
    lines += ["### REFERENCES", ""]
    entry_lines = {}
    for i, ref in enumerate(policy.references, 1):
        entry_lines[ref.key] = len(lines) + 1
        lines.append(render_entry(ref, i))
    lines += ["", "## CODES", "", "Codes\tNumber\tDescription", "CPT\t64999\tUnlisted procedure, nervous system",
              "HCPCS\tC9752\tDestruction of intraosseous basivertebral nerve", ""]
    return Rendered("\n".join(lines), sentence_lines, entry_lines)


def with_sentence(policy: SyntheticPolicy, sid: str, parts: tuple) -> SyntheticPolicy:
    """A copy of the policy with one sentence's parts replaced (for seeded defects)."""
    paragraphs = tuple(
        replace(p, sentences=tuple(replace(s, parts=parts) if s.sid == sid else s for s in p.sentences))
        for p in policy.paragraphs)
    return replace(policy, paragraphs=paragraphs)
