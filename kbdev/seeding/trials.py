"""Seeded defects in a trial's numbers printed across sentences: an arm size or the total changed.

Counted apart from the in-sentence arm change (``estimates.py``, EST301): here the total is in one
sentence and the arms in the next ("... in 210 patients.[17] The procedure group included 103
patients and the comparator group included 107 patients."), so only a check that holds a trial's
numbers together across sentences (EST304, EST305) can see the change.

``INJECTORS`` edit the synthetic model; ``TEXT_INJECTORS`` edit the bundled policy's text where a
trial's total and its arms are printed in different sentences.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kbdev.seeding import Seeded
from kbdev.synthetic import Size, render, with_sentence

ARM = "an arm size changed in another sentence"
TOTAL = "a total changed in another sentence"
CODES = frozenset({"EST304", "EST305"})


def _other(value: int, rng) -> int:
    """Another plausible count: 3 to 30 more or fewer, never below 1."""
    step = rng.choice((-1, 1)) * rng.randint(3, 30)
    return value + step if value + step >= 1 else value - step


def _sizes(policy, role: str) -> list[tuple]:
    """(sentence, index, size) for every printed size of ``role`` whose paragraph also prints the arms."""
    out = []
    for p in policy.paragraphs:
        roles = {x.role for s in p.sentences for x in s.parts if isinstance(x, Size)}
        if not {"total", "treated", "control"} <= roles:
            continue
        for s in p.sentences:
            out += [(s, i, x) for i, x in enumerate(s.parts) if isinstance(x, Size) and x.role == role]
    return out


def _change(defect: str, role: str):
    def inject(policy, rng) -> Seeded | None:
        places = _sizes(policy, role)
        if not places:
            return None
        sentence, i, size = rng.choice(places)
        parts = list(sentence.parts)
        parts[i] = replace(size, value=_other(size.value, rng))
        rendered = render(with_sentence(policy, sentence.sid, tuple(parts)))
        return Seeded(defect, rendered.text, frozenset({rendered.sentence_lines[sentence.sid]}), CODES)
    return inject


# The bundled policy: a trial's arms printed after its total, in another sentence (KAST at line 228:
# "300 patients ... The Kiva group included 153 patients and the KP group included 147 patients"; VERTOS II at
# lines 170 and 172: "202 patients" ... "One hundred one subjects ... and 101 into the control arm").
_KAST = (re.compile(r"(trial was conducted in )(\d+)( patients)"),
         (re.compile(r"(The Kiva group included )(\d+)( patients)"),
          re.compile(r"(and the KP group included )(\d+)( patients)")))
_VERTOS_II = (re.compile(r"(open-label randomized trial of )(\d+)( patients)"),
              (re.compile(r"(and )(\d+)( into the control arm)"),))
_TRIALS = (_KAST, _VERTOS_II)


def _first_line(lines: list[str], rx) -> int | None:
    return next((n for n, line in enumerate(lines, 1) if rx.search(line)), None)


def _text_change(defect: str, role: str):
    def inject(policy, rng) -> Seeded | None:
        lines = policy.lines
        places = []  # (line, match, the lines where the trial's other numbers are)
        for total, arms in _TRIALS:
            at = {rx: _first_line(lines, rx) for rx in (total,) + arms}
            if None in at.values():
                continue
            both = frozenset(at.values())
            for rx in ((total,) if role == "total" else arms):
                places.append((at[rx], rx.search(lines[at[rx] - 1]), both))
        if not places:
            return None
        n, m, both = rng.choice(places)
        value = _other(int(m.group(2)), rng)
        edited = list(lines)
        edited[n - 1] = lines[n - 1][:m.start(2)] + str(value) + lines[n - 1][m.end(2):]
        return Seeded(defect, "\n".join(edited), both, CODES)
    return inject


INJECTORS = {ARM: _change(ARM, "treated"), TOTAL: _change(TOTAL, "total")}
TEXT_INJECTORS = {ARM: _text_change(ARM, "arm"), TOTAL: _text_change(TOTAL, "total")}
