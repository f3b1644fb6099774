"""Compare two versions of a policy: criteria, references, and the sentences that cite them.

Every function takes the two knowledge bases (OLD, NEW) and returns changes.
References are matched as papers (``identity.match_entries``), so a list
renumbered by one inserted entry shows as one renumbering line, not as a
change in every sentence that cites a later entry.
"""
from __future__ import annotations

import difflib
import re

from kb.knowledge.base import KnowledgeBase
from .identity import match_entries
from .model import Change
from .words import similarity, word_diff

_MARKER = re.compile(r"\s*\[[\d\s,;\-\u2013]+\]")
_SAME_ENOUGH = 0.6  # two sentences this similar (word-wise) are one sentence, edited


def reference_map(old: KnowledgeBase, new: KnowledgeBase) -> dict[int, int]:
    return match_entries(list(old.references.values()), list(new.references.values()))


def _label(kb: KnowledgeBase, number: int) -> str:
    entry = kb.references.get(number)
    return f"[{number}] {entry.label}" if entry else f"[{number}] (not in the list)"


def compare_references(old: KnowledgeBase, new: KnowledgeBase, mapping: dict[int, int]) -> list[Change]:
    changes = []
    for n, entry in new.references.items():
        if n not in mapping.values():
            changes.append(Change("reference-added", f"reference {_label(new, n)} added", None, entry.line))
    for n, entry in old.references.items():
        if n not in mapping:
            changes.append(Change("reference-removed", f"reference {_label(old, n)} removed", entry.line, None))
    for o, n in mapping.items():
        a, b = old.references[o], new.references[n]
        if " ".join(a.raw.split()) != " ".join(b.raw.split()):
            changes.append(Change("reference-updated", f"reference {_label(new, n)} changed", a.line, b.line,
                                  word_diff(a.raw, b.raw)))
    changes += _renumbering(old, new, mapping)
    return changes


def _renumbering(old: KnowledgeBase, new: KnowledgeBase, mapping: dict[int, int]) -> list[Change]:
    """Runs of consecutive old numbers moved by the same amount, one change per run."""
    moved = sorted((o, n) for o, n in mapping.items() if o != n)
    runs: list[list[tuple[int, int]]] = []
    for o, n in moved:
        if runs and o == runs[-1][-1][0] + 1 and n - o == runs[-1][-1][1] - runs[-1][-1][0]:
            runs[-1].append((o, n))
        else:
            runs.append([(o, n)])
    changes = []
    for run in runs:
        (o1, n1), (o2, n2) = run[0], run[-1]
        shift = n1 - o1
        what = f"reference {o1} is now {n1}" if o1 == o2 else f"references {o1}-{o2} are now {n1}-{n2}"
        changes.append(Change("references-renumbered", f"{what} ({shift:+d})", old.references[o1].line,
                              new.references[n1].line, data={"old": [o1, o2], "new": [n1, n2], "shift": shift}))
    return changes


def compare_criteria(old: KnowledgeBase, new: KnowledgeBase) -> list[Change]:
    a, b = old.statements, new.statements
    changes = []
    gone = [sid for sid in a if sid not in b]
    came = [sid for sid in b if sid not in a]
    for sid in list(gone):  # an item that only changed its label, e.g. a list renumbered
        twin = next((t for t in came if similarity(a[sid].text, b[t].text) >= 0.9), None)
        if twin:
            gone.remove(sid)
            came.remove(twin)
            changes.append(Change("criterion-renumbered", f"criterion {sid} is now {twin}", a[sid].line,
                                  b[twin].line, word_diff(a[sid].text, b[twin].text)))
    changes += [Change("criterion-removed", f"criterion {sid} removed: {a[sid].text[:80]}", a[sid].line)
                for sid in gone]
    changes += [Change("criterion-added", f"criterion {sid} added: {b[sid].text[:80]}", None, b[sid].line)
                for sid in came]
    for sid in a.keys() & b.keys():
        if a[sid].text != b[sid].text:
            changes.append(Change("criterion-changed", f"criterion {sid} changed", a[sid].line, b[sid].line,
                                  word_diff(a[sid].text, b[sid].text)))
    return sorted(changes, key=lambda c: (c.new_line or 0, c.old_line or 0))


# ---- sentences and their citations -------------------------------------------------


def _prose(kb: KnowledgeBase) -> list[tuple[str, object, tuple[int, ...]]]:
    """(text without markers, sentence, cited numbers) for sentences outside the criteria."""
    spans = [(s.line, s.end_line) for s in kb.doc.statements]
    cited: dict[int, list[int]] = {}
    for m in kb.doc.markers:
        if m.sentence_index is not None:
            cited.setdefault(m.sentence_index, []).extend(m.numbers)
    out = []
    for s in kb.doc.sentences:
        if any(a <= s.line <= b for a, b in spans):
            continue
        text = " ".join(_MARKER.sub("", s.text).split())
        if text:
            out.append((text, s, tuple(dict.fromkeys(cited.get(s.index, ())))))
    return out


def compare_sentences(old: KnowledgeBase, new: KnowledgeBase, mapping: dict[int, int]) -> list[Change]:
    a, b = _prose(old), _prose(new)
    matcher = difflib.SequenceMatcher(None, [t for t, _, _ in a], [t for t, _, _ in b], autojunk=False)
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs = list(zip(a[i1:i2], b[j1:j2]))
        else:
            pairs, rest_a, rest_b = _pair_edited(a[i1:i2], b[j1:j2])
            changes += [Change("sentence-removed", f"sentence removed: {t[:90]}", s.line) for t, s, _ in rest_a]
            changes += [Change("sentence-added", f"sentence added: {t[:90]}", None, s.line) for t, s, _ in rest_b]
            changes += [Change("sentence-changed", f"sentence changed: {tb[:90]}", sa.line, sb.line,
                               word_diff(ta, tb)) for (ta, sa, _), (tb, sb, _) in pairs]
        changes += [c for pair in pairs if (c := _citation_moved(old, new, mapping, *pair))]
    return changes


def _pair_edited(a: list, b: list) -> tuple[list, list, list]:
    """Pair removed and added sentences that are one sentence edited (greedy, in order)."""
    pairs, rest_b = [], list(b)
    rest_a = []
    for item in a:
        best = max(rest_b, key=lambda other: similarity(item[0], other[0]), default=None)
        if best is not None and similarity(item[0], best[0]) >= _SAME_ENOUGH:
            pairs.append((item, best))
            rest_b.remove(best)
        else:
            rest_a.append(item)
    return pairs, rest_a, rest_b


def _citation_moved(old, new, mapping, before, after) -> Change | None:
    text, s_old, cited_old = before
    _, s_new, cited_new = after
    if sorted(mapping.get(n, -n) for n in cited_old) == sorted(cited_new):
        return None  # same papers, perhaps under new numbers: not a change
    was = ", ".join(_label(old, n) for n in cited_old) or "nothing"
    now = ", ".join(_label(new, n) for n in cited_new) or "nothing"
    return Change("citation-moved", f"'{text[:70]}' cited {was}; now cites {now}", s_old.line, s_new.line,
                  data={"old": list(cited_old), "new": list(cited_new)})
