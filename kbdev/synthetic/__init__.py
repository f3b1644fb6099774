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
from dataclasses import replace

from kbdev.synthetic.model import (
    COMPARATORS,
    CONDITIONS,
    COUNT_WORDS,
    INITIALS,
    JOURNALS,
    KIND_TITLES,
    ORGANISATIONS,
    OUTCOMES,
    PROCEDURES,
    SURNAMES,
    Cite,
    Estimate,
    Name,
    Paragraph,
    Size,
    RefSpec,
    Rendered,
    Sentence,
    SyntheticPolicy,
)
from kbdev.synthetic.render import render, render_entry  # noqa: F401

__all__ = ["COMPARATORS", "CONDITIONS", "COUNT_WORDS", "INITIALS", "JOURNALS", "KIND_TITLES", "ORGANISATIONS",
           "OUTCOMES", "PROCEDURES", "SURNAMES", "Cite", "Estimate", "Name", "Paragraph", "RefSpec", "Rendered", "Size",
           "Sentence", "SyntheticPolicy", "generate", "render", "render_entry", "with_sentence"]

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


def _double_barrelled(rng: random.Random) -> str:
    """'Costa-Novak': one surname from two single-word ones, for lists of thousands of entries."""
    plain = [s for s in SURNAMES if " " not in s and "'" not in s and "-" not in s]
    return "-".join(rng.sample(plain, 2))


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


def generate(seed: int = 0, n_references: int = 80, *, estimates: bool = True, variety: bool = False,
             markers_per_reference: float | None = None) -> SyntheticPolicy:
    """A policy with about ``n_references`` entries, every one cited at least once.

    ``variety`` names sources in every form the checker reads (brackets, possessives, 'A 2015 study
    by', two names per sentence, acronyms) and adds count claims; ``markers_per_reference`` adds
    re-citations until the text has about that many markers per entry (2.5 gives a 2,000-entry
    policy about 5,000 markers). Without them the policy is exactly what earlier versions made.
    """
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
        tries = 0
        while (ref.surnames[0], ref.year) in used:
            ref = _person_ref(rng, key, kind, topic, form)
            tries += 1
            if tries > 50:  # the pool's ~1,000 (surname, year) pairs run out near 1,000 entries
                ref = replace(ref, surnames=(_double_barrelled(rng),) + ref.surnames[1:])
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
    policy = SyntheticPolicy(seed=seed, title=f"{procedure.title()} and {second.title()}", procedure=procedure,
                             references=_in_citation_order(refs, paragraphs), paragraphs=paragraphs,
                             criteria=_criteria(rng, procedure, second))
    if variety or markers_per_reference:
        from kbdev.synthetic.extra import enrich  # its own random stream: the base policy stays the same

        policy = enrich(policy, random.Random(f"{seed}:enrich"), variety=variety,
                        markers_per_reference=markers_per_reference)
    return policy


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
                 f" reported a randomized trial of {procedure} versus {rng.choice(COMPARATORS)} in ", Size("total", n_pat),
                 " patients.", Cite((t.key,)))
        first = Sentence(next(sid), parts)
        out.append(Paragraph(None, (first,) + _arms_sentence(first.sid, n_pat)))
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


def _arms_sentence(after: str, total: int) -> tuple[Sentence, ...]:
    """Three trials in four give their arm sizes in a second sentence, in one of three printed forms.

    Derived from the total, with no draw from the generator (policies keep every other word they had);
    the sentence id ("a12" after "s12") uses no number from the running sequence.
    """
    if total % 4 == 0:
        return ()
    treated = total // 2 + total % 5 - 2
    a, b = Size("treated", treated), Size("control", total - treated)
    forms = (("The procedure group included ", a, " patients and the comparator group included ", b, " patients."),
             (a, " were randomized to the procedure and ", b, " to the comparator."),
             ("It compared the procedure (n=", a, ") with the comparator (n=", b, ")."))
    return (Sentence("a" + after[1:], forms[total % 3]),)


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


def with_sentence(policy: SyntheticPolicy, sid: str, parts: tuple) -> SyntheticPolicy:
    """A copy of the policy with one sentence's parts replaced (for seeded defects)."""
    paragraphs = tuple(
        replace(p, sentences=tuple(replace(s, parts=parts) if s.sid == sid else s for s in p.sentences))
        for p in policy.paragraphs)
    return replace(policy, paragraphs=paragraphs)
