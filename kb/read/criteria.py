"""Coverage criteria as statements with outline ids such as ``I.A.5.k``.

Exported policies lose their indentation, so the outline level comes from
the kind of label (Roman numeral > capital letter > number > small letter),
not from the leading spaces.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.model import Problem, Statement
from kb.read.prose import clean_text

ITEM = lazy(r"^\s*(?:[-*+]\s+)?(?P<label>[IVX]{1,4}|[A-Z]|\d{1,2}|[a-z])[.)]\s+(?P<text>\S.*)$")
CATEGORY = lazy(
    r"\b(not medically necessary|medically necessary|investigational|experimental|"
    r"cosmetic|not covered|unproven)\b",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _level(label: str, open_labels: dict[int, str]) -> int:
    """0 Roman, 1 capital letter, 2 number, 3 small letter."""
    if label.isdigit():
        return 2
    if label.islower():
        return 3
    if len(label) == 1 and label in "IVX":
        previous = open_labels.get(1)
        # "I" right after "H" continues a lettered list; otherwise it is Roman one.
        if previous and ord(label) == ord(previous) + 1:
            return 1
        return 0
    return 0 if label in _ROMAN else 1


def parse_criteria(numbered: list[tuple[int, str]], heading_category) -> tuple[list[Statement], list[Problem]]:
    """Statements from the lines of the criteria region.

    ``heading_category(line)`` gives the category heading in force at a line
    (e.g. 'investigational'), used when the statement does not say it itself.
    """
    open_labels: dict[int, str] = {}
    open_ids: dict[int, str] = {}
    drafts: list[dict] = []
    problems: list[Problem] = []
    for num, text in numbered:
        m = ITEM.match(text)
        if not m:
            continue
        label = m.group("label")
        level = _level(label, open_labels)
        for deeper in [k for k in open_labels if k >= level]:
            open_labels.pop(deeper)
            open_ids.pop(deeper)
        parent_level = max(open_ids, default=None)
        parent = open_ids[parent_level] if parent_level is not None else None
        sid = f"{parent}.{label}" if parent else label
        if any(d["id"] == sid for d in drafts):
            problems.append(Problem("duplicate-criterion", num, f"criterion id {sid} appears twice"))
            sid = f"{sid}~{num}"
        open_labels[level] = label
        open_ids[level] = sid
        drafts.append({"id": sid, "label": label, "line": num, "parent": parent,
                       "text": clean_text(m.group("text"))})
    return _finish(drafts, numbered, heading_category), problems


def _finish(drafts: list[dict], numbered: list[tuple[int, str]], heading_category) -> list[Statement]:
    last_line = numbered[-1][0] if numbered else 0
    by_id: dict[str, Statement] = {}
    out = []
    for i, d in enumerate(drafts):
        end = drafts[i + 1]["line"] - 1 if i + 1 < len(drafts) else last_line
        own = CATEGORY.search(d["text"]) if d["parent"] is None else None
        if own:
            category = own.group(1).lower()
        elif d["parent"] in by_id:
            category = by_id[d["parent"]].category
        else:
            category = heading_category(d["line"])
        st = Statement(d["id"], d["text"], d["line"], end, d["parent"], category, d["label"])
        by_id[st.id] = st
        out.append(st)
    return out


_BULLET = lazy(r"^\s*(?:[-*+\u2022\u25cf\u25aa\u00b7]|o)\s+(?P<text>\S.*)$")
_OPENS_LIST = lazy(r"(?:following|these|criteria|conditions|indications|any of|all of)[^.]{0,60}:\s*$", re.IGNORECASE)


def paragraph_statements(numbered: list[tuple[int, str]]) -> list[Statement]:
    """Statements of a criteria section printed without labels, as many issuers print them: each paragraph
    that states a coverage category ('may be considered medically necessary', 'is considered investigational')
    is a statement, numbered P1, P2 ... in order; the bullets after a paragraph that ends by announcing them
    ('... for the following conditions:') are its items, P1.1, P1.2 ... Used only where no item is labelled."""
    out: list[Statement] = []
    parent: Statement | None = None
    for block in _blocks(numbered):
        first, last, text, bulleted = block
        if bulleted and parent is not None:
            n = sum(1 for s in out if s.parent == parent.id) + 1
            out.append(Statement(f"{parent.id}.{n}", text, first, last, parent.id, parent.category, str(n)))
            continue
        own = CATEGORY.search(text)
        if not own:
            parent = None
            continue
        sid = f"P{sum(1 for s in out if s.parent is None) + 1}"
        statement = Statement(sid, text, first, last, None, own.group(1).lower(), sid)
        out.append(statement)
        parent = statement if _OPENS_LIST.search(text) else None
    return out


def _blocks(numbered: list[tuple[int, str]]):
    """(first line, last line, cleaned text, is a bullet) for each paragraph and bullet of the region."""
    current: list = []
    for num, raw in numbered + [(None, "")]:
        bullet = _BULLET.match(raw) if raw.strip() else None
        if current and (not raw.strip() or bullet):
            yield current[0], current[1], clean_text(" ".join(current[2])), current[3]
            current = []
        if not raw.strip():
            continue
        if not current:
            current = [num, num, [bullet.group("text") if bullet else raw], bool(bullet)]
        else:
            current[1] = num
            current[2].append(raw)
