"""Word-level differences between two texts, written like ``git diff --word-diff``."""
from __future__ import annotations

import difflib


def word_diff(old: str, new: str) -> str:
    """'a b c' vs 'a x c' -> 'a [-b-] {+x+} c'; unchanged runs longer than 12 words are shortened."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            run = a[i1:i2]
            out.append(" ".join(run) if len(run) <= 12 else " ".join(run[:4] + ["..."] + run[-4:]))
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def similarity(old: str, new: str) -> float:
    return difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()
