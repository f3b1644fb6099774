"""Richer synthetic policies: varied ways of naming a source, count claims, multi-name sentences, dense citations.

``enrich`` adds to a generated policy without changing which entry is cited
first, so the list's numbering (order of first citation) stays as generated
and every added sentence is correct: the checker must stay silent on it.
"""
from __future__ import annotations

import random
from dataclasses import replace

from kbdev.synthetic.model import (
    COUNT_WORDS,
    ORGANISATIONS,
    OUTCOMES,
    Cite,
    Name,
    Paragraph,
    Sentence,
    SyntheticPolicy,
)
from kbdev.synthetic.render import NAME_FORMS

_DATED_FORMS = tuple(f for f in NAME_FORMS if f != "etal-bare")


def enrich(policy: SyntheticPolicy, rng: random.Random, *, variety: bool = True,
           markers_per_reference: float | None = None) -> SyntheticPolicy:
    counter = iter(range(_last_sid(policy) + 1, 10 ** 9))
    sid = lambda: f"s{next(counter)}"  # noqa: E731
    paragraphs = list(policy.paragraphs)
    if variety:
        paragraphs = [_vary_names(p, policy, rng) for p in paragraphs]
        paragraphs = _with_claims(paragraphs, policy, rng, sid)
    if markers_per_reference:
        paragraphs += _further(policy, paragraphs, rng, sid, markers_per_reference)
    return replace(policy, paragraphs=tuple(paragraphs))


def _last_sid(policy: SyntheticPolicy) -> int:
    return max((int(s.sid[1:]) for s in policy.sentences()), default=0)


def _vary_names(p: Paragraph, policy: SyntheticPolicy, rng) -> Paragraph:
    out = []
    for s in p.sentences:
        first = s.parts[0] if s.parts else None
        if isinstance(first, Name) and first.form in ("paren", "in-year", "etal"):
            form = rng.choice(NAME_FORMS)
            if form == "and" and len(policy.ref(first.key).surnames) < 2:
                form = "paren"
            s = replace(s, parts=(replace(first, form=form),) + s.parts[1:])
        out.append(s)
    return replace(p, sentences=tuple(out))


def _keys_of(paragraphs, kind_of_first_name: str, policy) -> list[str]:
    keys = []
    for p in paragraphs:
        for s in p.sentences:
            if s.parts and isinstance(s.parts[0], Name) and policy.ref(s.parts[0].key).kind == kind_of_first_name:
                keys.append(s.parts[0].key)
    return keys


def _in_order(policy, keys) -> tuple[str, ...]:
    return tuple(sorted(keys, key=policy.number_of))


def _with_claims(paragraphs: list[Paragraph], policy, rng, sid) -> list[Paragraph]:
    """A count of reviews, two sentences naming two trials each, and guidelines named by acronym."""
    reviews = _keys_of(paragraphs, "systematic-review", policy)
    trials = _keys_of(paragraphs, "randomized-trial", policy)
    trials_at = next(i for i, p in enumerate(paragraphs) if p.heading == "RANDOMIZED CONTROLLED TRIALS")
    if len(reviews) >= 2:
        chosen = _in_order(policy, rng.sample(reviews, min(len(reviews), rng.randint(2, 4))))
        text = f"{COUNT_WORDS[len(chosen)].capitalize()} systematic reviews of {policy.procedure} were published."
        paragraphs.insert(trials_at, Paragraph(None, (Sentence(sid(), (text, Cite(chosen))),)))
    if len(trials) >= 4:
        a, b, c, d = rng.sample(trials, 4)
        together = (Sentence(sid(), (Name(a, "paren"), Cite((a,)), " and ", Name(b, "paren"), Cite((b,)),
                                     " reported similar pain outcomes.")),
                    Sentence(sid(), ("Longer follow-up was reported ", _by(c), " and ", _by(d), ".",
                                     Cite(_in_order(policy, (c, d))))))
        series_at = next(i for i, p in enumerate(paragraphs) if p.heading and p.heading.isupper()
                         and i > trials_at + 1 and p.heading not in ("RANDOMIZED CONTROLLED TRIALS",))
        paragraphs.insert(series_at, Paragraph(None, together))
    return [_acronym_sentence(p, policy, sid) for p in paragraphs]


def _by(key: str) -> Name:
    return Name(key, "by-in-bare")


def _acronym_sentence(p: Paragraph, policy, sid) -> Paragraph:
    """'The ACR also recommends ...' after a guideline sentence that defined the acronym."""
    if len(p.sentences) != 1 or not p.sentences[0].parts:
        return p
    parts = p.sentences[0].parts
    name = next((x for x in parts if isinstance(x, Name) and x.form == "org"), None)
    if name is None:
        return p
    org = policy.ref(name.key).organisation.split(" (")[0]
    if not any(n == org for n, _ in ORGANISATIONS):
        return p
    more = Sentence(sid(), ("The ", Name(name.key, "org-acronym"), " also recommends selection by a specialist.",
                            Cite((name.key,))))
    return replace(p, sentences=p.sentences + (more,))


def _further(policy, paragraphs, rng, sid, per_reference: float) -> list[Paragraph]:
    """Paragraphs of re-citations until the policy has about ``per_reference`` markers per entry."""
    have = sum(isinstance(x, Cite) for p in paragraphs for s in p.sentences for x in s.parts)
    need = max(0, round(per_reference * len(policy.references)) - have)
    people = [r.key for r in policy.references if r.surnames]
    keys = [r.key for r in policy.references]
    out = [Paragraph("FURTHER EVIDENCE", (), level=2)]
    sentences = []
    for _ in range(need):
        outcome = rng.choice(OUTCOMES)
        if people and rng.random() < 0.5:
            key = rng.choice(people)
            form = rng.choice(_DATED_FORMS + ("etal-bare",))
            if form == "and" and len(policy.ref(key).surnames) < 2:
                form = "paren"
            parts = (Name(key, form), f" also reported {outcome} outcomes.", Cite((key,)))
        else:
            chosen = _in_order(policy, rng.sample(keys, min(len(keys), rng.randint(1, 3))))
            parts = (f"Further data on {outcome} were reported.", Cite(chosen))
        sentences.append(Sentence(sid(), parts))
        if len(sentences) == 5:
            out.append(Paragraph(None, tuple(sentences)))
            sentences = []
    if sentences:
        out.append(Paragraph(None, tuple(sentences)))
    return out if len(out) > 1 else []
