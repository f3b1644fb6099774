"""Citation defects seeded into synthetic policies, one at a time, each with the line it must be found at.

The model knows what every sentence names and cites, so each injector
changes the model (or, for list edits, the rendered list) and states where
a careful editor would see the error: the sentence whose marker now points at
the wrong entry, the entry no marker cites. Sites are chosen where reading
the text against the list can reveal the defect: a swap between two
sentences at least one of which, as printed, does not fit the entry it then
cites; a shift or year change in a sentence that names its source.
"""
from __future__ import annotations

import random
from dataclasses import replace

from kbdev.synthetic import Cite, Name, RefSpec, SyntheticPolicy, render, render_entry, with_sentence
from kbdev.seeding import Seeded

_DATED = frozenset({"paren", "in-year", "etal", "bracket", "and", "possessive", "year-by", "by-in"})


def _named(policy: SyntheticPolicy) -> list:
    """Sentences that open with a named source and cite exactly that one entry."""
    out = []
    for s in policy.sentences():
        names = [p for p in s.parts if isinstance(p, Name)]
        cites = [p for p in s.parts if isinstance(p, Cite)]
        if len(names) == 1 and len(cites) == 1 and cites[0].keys == (names[0].key,):
            out.append(s)
    return out


def _who(policy, key: str) -> str:
    ref = policy.ref(key)
    return ref.surnames[0] if ref.surnames else ref.organisation.split(" (")[0]


def _printed_year(policy, s) -> int | None:
    """The year the sentence prints for its source ('Smith (2015)', 'In 2015, the ACR'), if any."""
    name = _name_of(s)
    if name.form in _DATED:
        return name.year or policy.ref(name.key).year
    if name.form == "org" and any(isinstance(p, str) and p.startswith("In ") for p in s.parts):
        return policy.ref(name.key).year
    return None


def _visible(policy, s, key: str) -> bool:
    """Would a reader see that sentence ``s``, as printed, does not describe entry ``key``?"""
    year, cited = _printed_year(policy, s), policy.ref(key).year
    return _who(policy, _name_of(s).key) != _who(policy, key) or (year is not None and cited is not None
                                                                    and year != cited)


def _name_of(s) -> Name:
    return next(p for p in s.parts if isinstance(p, Name))


def _cite_of(s) -> Cite:
    return next(p for p in s.parts if isinstance(p, Cite))


def _with_cite(policy, s, cite: Cite) -> SyntheticPolicy:
    return with_sentence(policy, s.sid, tuple(cite if isinstance(p, Cite) else p for p in s.parts))


def _uncited_after(policy: SyntheticPolicy, changed: SyntheticPolicy, rendered) -> frozenset[int]:
    """Entry lines whose entry no marker cites any more (reported as uncited, rightly)."""
    def cited(p):
        return {p.number_of(k) + part.shift for s in p.sentences() for part in s.parts if isinstance(part, Cite)
                for k in part.keys}
    gone = cited(policy) - cited(changed)
    return frozenset(rendered.entry_lines[r.key] for i, r in enumerate(changed.references, 1) if i in gone)


def swap(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    named = _named(policy)
    rng.shuffle(named)
    for a in named:
        b = next((b for b in named if b.sid != a.sid and (_visible(policy, a, _cite_of(b).keys[0])
                                                           or _visible(policy, b, _cite_of(a).keys[0]))), None)
        if b:
            changed = _with_cite(_with_cite(policy, a, _cite_of(b)), b, _cite_of(a))
            r = render(changed)
            return Seeded("two citations swapped", r.text,
                          frozenset({r.sentence_lines[a.sid], r.sentence_lines[b.sid]}), frozenset({"CIT2"}))
    return None


def shift(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    named = [s for s in _named(policy) if _name_of(s).form != "etal-bare"]
    if not named:
        return None
    s = rng.choice(named)
    cite = _cite_of(s)
    by = rng.choice((-1, 1)) if policy.number_of(cite.keys[0]) > 1 else 1
    changed = _with_cite(policy, s, replace(cite, shift=by))
    r = render(changed)
    return Seeded("a citation number shifted", r.text, frozenset({r.sentence_lines[s.sid]}),
                  frozenset({"CIT1", "CIT2"}), _uncited_after(policy, changed, r))


def year_changed(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    named = [s for s in _named(policy) if _name_of(s).form in _DATED and policy.ref(_name_of(s).key).year]
    if not named:
        return None
    s = rng.choice(named)
    name = _name_of(s)
    year = policy.ref(name.key).year + rng.choice((-3, -2, -1, 1, 2, 3))
    r = render(with_sentence(policy, s.sid, tuple(replace(p, year=year) if p is name else p for p in s.parts)))
    return Seeded("a year changed in the text", r.text, frozenset({r.sentence_lines[s.sid]}), frozenset({"CIT202"}))


def _new_ref(policy: SyntheticPolicy, rng: random.Random) -> RefSpec:
    used = {(r.surnames[:1], r.year) for r in policy.references}
    while True:
        year = rng.randint(1995, 2025)
        surname = rng.choice(("Quist", "Ambrose", "Okonkwo", "Lindgren", "Ferreira", "Varga", "Holm"))
        if ((surname,), year) not in used:
            return RefSpec(key="inserted", surnames=(surname,), organisation=None, year=year,
                           title=f"{policy.procedure.capitalize()} in practice: a prospective cohort study",
                           kind="observational", topic=policy.procedure, journal="Pain Physician", volume="12",
                           issue="3", pages="100-110", pmid=str(rng.randint(10_000_000, 39_999_999)))


def inserted(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    """An entry inserted into the list, the list renumbered, the markers left as they were."""
    at = rng.randint(1, len(policy.references) - 1)
    old = {r.key: i for i, r in enumerate(policy.references, 1)}
    refs = policy.references[:at - 1] + (_new_ref(policy, rng),) + policy.references[at - 1:]
    changed = replace(policy, references=refs, numbering=old)
    r = render(changed)
    moved = {k for k, n in old.items() if n >= at}
    lines = {r.sentence_lines[s.sid] for s in policy.sentences() for p in s.parts
             if isinstance(p, Cite) and moved & set(p.keys)}
    return Seeded("an entry inserted, markers not renumbered", r.text, frozenset(lines),
                  frozenset({"CIT1", "CIT2", "CIT3"}), frozenset(r.entry_lines.values()))


def deleted(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    """An entry deleted from the list (its number left as a gap); the markers still cite it."""
    r = render(policy)
    gone = rng.choice(policy.references)
    at = r.entry_lines[gone.key]
    lines = r.text.split("\n")
    text = "\n".join(lines[:at - 1] + lines[at:])
    citing = {r.sentence_lines[s.sid] for s in policy.sentences() for p in s.parts
              if isinstance(p, Cite) and gone.key in p.keys}
    return Seeded("an entry deleted", text, frozenset(citing), frozenset({"CIT101"}),
                  frozenset({at - 1, at, at + 1}))


def uncited_added(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    r = render(policy)
    last = max(r.entry_lines.values())
    lines = r.text.split("\n")
    entry = render_entry(_new_ref(policy, rng), len(policy.references) + 1)
    text = "\n".join(lines[:last] + [entry] + lines[last:])
    return Seeded("an uncited entry added", text, frozenset({last + 1}), frozenset({"CIT104"}),
                  entries=frozenset({len(policy.references) + 1}))


def range_widened(policy: SyntheticPolicy, rng: random.Random) -> Seeded | None:
    ranged = [s for s in policy.sentences() for p in s.parts if isinstance(p, Cite) and p.as_range]
    if not ranged:
        return None
    s = rng.choice(ranged)
    changed = _with_cite(policy, s, replace(_cite_of(s), widen=rng.randint(1, 2)))
    r = render(changed)
    return Seeded("a range widened", r.text, frozenset({r.sentence_lines[s.sid]}), frozenset({"CIT1", "CIT3"}))


DEFECTS = ("two citations swapped", "a citation number shifted", "a year changed in the text",
           "an entry inserted, markers not renumbered", "an entry deleted", "an uncited entry added",
           "a range widened")
INJECTORS = dict(zip(DEFECTS, (swap, shift, year_changed, inserted, deleted, uncited_added, range_widened)))
