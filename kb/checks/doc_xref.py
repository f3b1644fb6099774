"""DOC 10x: cross-references to criteria, and item ranges that do not match their list."""
from __future__ import annotations

from kb.patterns import lazy
from . import finding, rule
from .helpers import locate

_LABEL = r"(?:[IVX]{1,4}|[A-Za-z]|\d{1,2})"
# "criteria I.A.5", "criterion I.B", "criteria I.A.5. a-i" (a range under I.A.5), "criteria I.A.1-3" (siblings).
_XREF = lazy(
    r"\bcriteri(?:a|on)\s+(?P<id>[IVX]{1,4}(?:\.(?:[A-Z]|\d{1,2}|[a-z]))*)"
    rf"(?:\s*[-\u2013\u2014]\s*(?P<hi>{_LABEL})\b"
    r"|\.?\s*(?P<lo2>[a-z]|\d{1,2})\s*[-\u2013\u2014]\s*(?P<hi2>[a-z]|\d{1,2})\b)?")
# "the following (1 - 5) criteria", "(A or B)": a statement naming the span of its own items.
_OWN_RANGE = lazy(
    rf"\((?P<lo>{_LABEL})\s*(?:[-\u2013\u2014]|\bor\b|\bto\b|\bthrough\b|\band\b)\s*(?P<hi>{_LABEL})\)")


def _children(kb) -> dict[str | None, list[str]]:
    """Statement id (None for the top) -> its items' labels in order."""
    out: dict[str | None, list[str]] = {}
    for st in kb.doc.statements:
        out.setdefault(st.parent, []).append(st.marker)
    return out


def _span(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{labels[0]}\u2013{labels[-1]}"


def _full(parent: str | None, label: str) -> str:
    return f"{parent}.{label}" if parent else label


def _nearest(kb, sid: str) -> str | None:
    """The longest part of ``sid`` that exists: 'I.A.7' -> 'I.A'."""
    parts = sid.split(".")
    for k in range(len(parts) - 1, 0, -1):
        if ".".join(parts[:k]) in kb.statements:
            return ".".join(parts[:k])
    return None


def _resolve(m) -> tuple[str, str | None, str | None, str | None]:
    """(id named, parent of the range, first label, last label) of one cross-reference."""
    sid = m.group("id")
    if m.group("hi"):
        parent, _, lo = sid.rpartition(".")
        return sid, parent or None, lo, m.group("hi")
    if m.group("hi2"):
        return sid, sid, m.group("lo2"), m.group("hi2")
    return sid, None, None, None


def _xrefs(kb):
    """(paragraph, match, resolved) for every cross-reference to a criterion in the running text."""
    if not kb.doc.statements:
        return
    for p in kb.doc.paragraphs:
        if "riteri" not in p.text:
            continue
        for m in _XREF.finditer(p.text):
            yield p, m, _resolve(m)


@rule("DOC101", "criterion-not-found", "error")
def criterion_not_found(kb):
    """A cross-reference to a criterion or item that does not exist.

    What: the text refers to a criterion by its outline number (`criteria
    I.A.7`, `criterion II.B`) or to a range of its items (`criteria I.A.5. a-m`)
    and the policy's criteria have no such criterion or item.

    Why: reviewers use these references to decide what to document; a dangling
    one usually means the criteria were renumbered and the reference was not.

    Example: `Pre-procedure Assessment ... outlined in criteria I.A.6` when I.A has items 1-5.

    Fix: point the reference at the criterion meant (the finding lists the items that exist).
    """
    children = _children(kb)
    for p, m, (sid, parent, lo, hi) in _xrefs(kb):
        line, col = locate(kb.doc, p.line, p.end_line, m.group(0), word=False)
        if sid not in kb.statements:
            near = _nearest(kb, sid)
            have = f"; {near} has items {_span(children[near])}" if near in children else ""
            yield finding(criterion_not_found, line, f"'{m.group(0)}' names criterion {sid}, which does not exist{have}",
                          column=col, suggestion="point the reference at the criterion meant")
            continue
        labels = children.get(parent, []) if lo else []
        missing = [x for x in (lo, hi) if lo and x not in labels]
        if missing and labels:
            yield finding(criterion_not_found, line,
                          f"'{m.group(0)}' names item {_full(parent, missing[-1])}, which does not exist; "
                          f"{parent or 'the criteria'} has items {_span(labels)}",
                          column=col, suggestion=f"write {_full(parent, lo)}\u2013{labels[-1]} if the whole list is meant")


@rule("DOC102", "item-range-mismatch", "warning")
def item_range_mismatch(kb):
    """An item range that does not match the list it names.

    What: either a cross-reference that starts at the first item of a list
    but stops before its last (`criteria I.A.5. a-i` when I.A.5 has items a-k),
    or a criterion that announces its items as a range (`all of the following
    (1 - 5) criteria`) that differs from the items printed under it. A
    range that starts in the middle of a list (`c-e`) is taken as deliberate.

    Why: such ranges are written once and go stale when an item is added or
    removed; the items left out (here j and k) then silently drop out of what
    reviewers check.

    Example: `contraindications outlined in criteria I.A.5. a-i` while I.A.5 lists a to k.

    Fix: extend the range to the whole list (`a-k`), or say why the last items are left out.
    """
    children = _children(kb)
    for p, m, (sid, parent, lo, hi) in _xrefs(kb):
        labels = children.get(parent, []) if lo and sid in kb.statements else []
        if labels and lo == labels[0] and hi in labels and hi != labels[-1]:
            line, col = locate(kb.doc, p.line, p.end_line, m.group(0), word=False)
            left_out = labels[labels.index(hi) + 1:]
            yield finding(item_range_mismatch, line,
                          f"'{m.group(0)}' names items {lo}\u2013{hi}, but {parent} lists {_span(labels)} "
                          f"(leaving out {_span(left_out)})",
                          column=col, suggestion=f"write {lo}\u2013{labels[-1]}, or say why {_span(left_out)} "
                                                 f"{'is' if len(left_out) == 1 else 'are'} left out")
    for st in kb.doc.statements:
        labels = children.get(st.id, [])
        for m in _OWN_RANGE.finditer(st.text):
            if not labels or "following" not in st.text[: m.start()]:
                continue
            if (m.group("lo"), m.group("hi")) != (labels[0], labels[-1]) and _comparable(m.group("lo"), m.group("hi"),
                                                                                        labels):
                line, col = locate(kb.doc, st.line, st.end_line, m.group(0), word=False)
                yield finding(item_range_mismatch, line,
                              f"criterion {st.id} announces items '{m.group(0)}', but its items are {_span(labels)}",
                              column=col, suggestion=f"write ({_span(labels)}), or restore the missing items")


def _kind(label: str) -> str:
    return "digit" if label.isdigit() else ("upper" if label.isupper() else "lower")


def _comparable(lo: str, hi: str, labels: list[str]) -> bool:
    """Whether the announced range and the items read under it are one list of one kind of label, a few items apart
    ('(1 - 5)' over items 1-4): '(A or B)' over 'i-iii' (the list's first item printed on the criterion's own line),
    or '(a or b)' over a-t (another list read into it), says the outline was not read cleanly, not that the text
    errs."""
    kinds = {_kind(lo), _kind(hi)} | {_kind(x) for x in labels}
    if len(kinds) != 1:
        return False
    announced = int(hi) - int(lo) + 1 if lo.isdigit() and hi.isdigit() else ord(hi[-1]) - ord(lo[-1]) + 1
    return abs(len(labels) - announced) <= 2


RULES = (criterion_not_found, item_range_mismatch)
