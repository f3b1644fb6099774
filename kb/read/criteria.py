"""Coverage criteria as statements with outline ids such as ``I.A.5.k``.

Issuers print criteria three ways, often mixed in one section: labelled outlines (Regence's ``I.``, ``A.``, ``1.``,
``a.``), paragraphs that state a category followed by the bullets or labelled items they announce (Cigna, Anthem),
and bullets under a category heading. ``read_statements`` reads them all in one pass over a region's blocks.

Exported policies lose their indentation, so an item's outline level comes from the kind of label (Roman numeral,
capital letter, number, small letter, small Roman numeral), the kinds of one list nesting in the order they first
appear (Regence's I > A > 1 > a, a drug policy's 1 > A) > i. > a)); indentation decides only between two labels of
the same kind (a web page's nested ordered lists, all numbered).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.patterns import lazy
from kb.read.criteria_blocks import Block, read_blocks
from kb.read.criteria_words import (BODY_RECOMMENDS, CLOSING_CATEGORY, category_heading, category_of,
                                    recommendation_category, recommendation_text, states_coverage)
from kb.read.model import Problem, Statement

_OPENS_LIST = lazy(r"(?:following|these|criteria|conditions|indications|any of|all of|below|limited to)[^.]{0,80}:\s*$",
                   re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


_SMALL_ROMAN = frozenset("i ii iii iv v vi vii viii ix x".split())


def _kind(label: str, previous_capital: str | None, previous_small: str | None) -> int:
    """0 Roman, 1 capital letter, 2 number, 3 small letter, 4 small Roman; in parentheses ('(1)', '(a)'), 5 more:
    a drug policy nests '(1)' under 'a.' and '(a)' under '(1)'."""
    if label.startswith("("):
        return 5 + _kind(label[1:], previous_capital, previous_small)
    if label.isdigit():
        return 2
    if label.islower():
        # "i" right after "h" continues a lettered list; otherwise it is Roman one.
        if label in _SMALL_ROMAN and not (len(label) == 1 and previous_small and ord(label) == ord(previous_small) + 1):
            return 4
        return 3
    if len(label) == 1 and label in "IVX":
        if previous_capital and ord(label) == ord(previous_capital) + 1:
            return 1
        return 0
    return 0 if label in _ROMAN else 1


@dataclass
class _Open:
    kind: int
    depth: int  # the kind's place in this list: kinds nest in the order they first appear
    indent: int
    id: str
    label: str


@dataclass
class _Walk:
    """The reader's state between blocks."""
    drafts: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outline: list[_Open] = field(default_factory=list)
    paragraph: str | None = None  # the open paragraph statement labelled items nest under
    announcer: str | None = None  # the statement whose announced list bullets belong to
    group: int = 0  # headings passed in the region: S1 is the part under the first
    group_items: int = 0
    prefix: str = ""  # 'S3.' once a heading's items restart the numbering
    depths: dict[int, int] = field(default_factory=dict)  # label kind -> depth, in the order the kinds appear
    used: set[str] = field(default_factory=set)
    # Items under a lead that decides nothing ('**Note 2**: ... should not be performed in any of the following
    # situations:', '**Frequency Limitations:**'): a note's or a limit's list, not statements, up to the next heading,
    # statement, or item that decides coverage in its own words.
    aside: bool = False
    # Under a heading that decides coverage by itself ('Non-Covered', 'Not Medically Necessary'): its bullets are
    # the services it decides, statements though their own words name no category (UCare's 'For determination of
    # fetal sex.').
    decided: bool = False

    def add(self, sid, label, line, parent, text, category=None) -> str:
        self.used.add(sid)
        self.drafts.append({"id": sid, "label": label, "line": line, "parent": parent, "text": text,
                            "category": category})
        return sid


def read_statements(region: list[tuple[int, str | None]], heading_category,
                    recommendations: bool = False,
                    decisive: frozenset[int] = frozenset()) -> tuple[list[Statement], list[Problem]]:
    """Statements from the lines of a criteria region; a line given as None is a heading inside it.

    ``heading_category(line)`` gives the category heading in force at a line (e.g. 'investigational'), used when a
    statement does not say its category itself. In a guideline's recommendations (``recommendations``) each
    numbered recommendation is a top statement. ``decisive`` holds the lines of headings that decide coverage by
    themselves ('Non-Covered'): the bullets right under one are statements."""
    walk = _Walk()
    blocks = list(read_blocks(region, recommendations))
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            walk.decided = block.first in decisive
        if recommendations and block.kind == "para":
            if BODY_RECOMMENDS.match(block.text):
                _body_recommendation(walk, block)
            else:
                walk.announcer = None  # a remark under a recommendation, not a statement
            continue
        if block.kind == "item" and _names_a_part(block, blocks[i + 1:i + 4]):
            _heading(walk, block)
            continue
        _STEP[block.kind](walk, block)
    return _finish(walk.drafts, region, heading_category), walk.problems


def _heading(walk: _Walk, block: Block) -> None:
    walk.outline.clear()
    walk.depths.clear()
    walk.paragraph = walk.announcer = None
    walk.aside = False
    walk.group += 1
    walk.group_items = 0
    walk.prefix = ""


# A labelled line all in bold that names a part rather than states a criterion: a drug policy's indication
# ('**A. Patients less than 19 years of age**') or phase ('1. **Initial Authorization**') over its criteria.
def _names_a_part(block: Block, after: list[Block]) -> bool:
    """A short bold labelled line over items of another kind of label (its own list's next item is a sibling)."""
    if not block.bold or len(block.text.split()) > 8 or block.text.rstrip().endswith(":") \
            or states_coverage(block.text):
        return False
    following = next((b for b in after if b.kind == "item"), None)
    return following is not None and _rough_kind(following) != _rough_kind(block)


def _rough_kind(block: Block) -> tuple[bool, int]:
    return block.paren, _kind(block.label, None, None)


def _item(walk: _Walk, block: Block) -> None:
    if walk.aside:
        if not states_coverage(block.text):
            return
        walk.aside = False
    off = 5 if block.paren else 0
    capital = next((o.label for o in reversed(walk.outline) if o.kind == 1 + off), None)
    small = next((o.label for o in reversed(walk.outline) if o.kind == 3 + off), None)
    kind = _kind(("(" if block.paren else "") + block.label, capital, small)
    # Regence nests I > A > 1 > a, a drug policy 1 > A) > i. > a): a list's kinds nest in the order they appear.
    depth = walk.depths.setdefault(kind, len(walk.depths))
    _close_for(walk.outline, depth, block)
    parent = walk.outline[-1].id if walk.outline else walk.paragraph
    sid = f"{parent}.{block.label}" if parent else block.label
    if parent is None and (walk.prefix or (sid in walk.used and walk.group_items == 0)):
        walk.prefix = f"S{walk.group}."  # numbering restarts under a new heading, as issuers' sections do
        sid = walk.prefix + sid
    if sid in walk.used:
        walk.problems.append(Problem("duplicate-criterion", block.first, f"criterion id {sid} appears twice"))
        sid = f"{sid}~{block.first}"
    walk.add(sid, block.label, block.first, parent, block.text)
    walk.outline.append(_Open(kind, depth, block.indent, sid, block.label))
    walk.group_items += 1
    walk.announcer = sid if _OPENS_LIST.search(block.text) else None


def _close_for(outline: list[_Open], depth: int, block: Block) -> None:
    """Close the open items a new item is not nested in: deeper ones, and a sibling of its own depth. A first label
    ('1', 'a', 'A', 'I') indented past an open item of its depth starts a list nested in it."""
    while outline and outline[-1].depth > depth:
        outline.pop()
    if not outline or outline[-1].depth != depth:
        return
    if block.label in _FIRST_LABELS and block.indent > outline[-1].indent:
        return
    outline.pop()
    while outline and outline[-1].depth == depth and outline[-1].indent >= block.indent:
        outline.pop()


_FIRST_LABELS = {"1", "a", "A", "I", "i"}


def _bullet(walk: _Walk, block: Block) -> None:
    if walk.announcer is not None:
        n = 1 + sum(1 for d in walk.drafts if d["parent"] == walk.announcer)
        sid = f"{walk.announcer}.{n}"
        while sid in walk.used:
            n += 1
            sid = f"{walk.announcer}.{n}"
        walk.add(sid, str(n), block.first, walk.announcer, block.text)
        if any(o.id == walk.announcer for o in walk.outline):
            return  # bullets under a labelled item: the outline goes on after them ('(d) ... iii. ...:' then '(2)')
        # Labelled items under a bullet that announces them nest in it, up to the next bullet.
        walk.outline.clear()
        walk.depths.clear()
        if _OPENS_LIST.search(block.text):
            walk.outline.append(_Open(-1, -1, block.indent, sid, str(n)))
    elif states_coverage(block.text) or walk.decided:
        _statement(walk, block)


def _para(walk: _Walk, block: Block) -> None:
    if category_heading(block.text):
        _heading(walk, block)  # '**Medically Necessary:**' printed as a bold line heads what follows
    elif walk.announcer and CLOSING_CATEGORY.match(block.text) and category_of(block.text):
        # 'These are considered experimental/investigational ...' after the list: the category of the statement
        # that announced it, not a statement of its own
        next(d for d in walk.drafts if d["id"] == walk.announcer)["category"] = category_of(block.text)
        walk.announcer = walk.paragraph = None
    elif states_coverage(block.text):
        _statement(walk, block)
    else:
        walk.announcer = None  # a bullet after a paragraph that names no category is not an item
        if _announces(block.text) and (_NOTE_LEAD.match(block.text) or block.bold):
            walk.outline.clear()
            walk.depths.clear()
            walk.paragraph = None
            walk.aside = True


def _statement(walk: _Walk, block: Block) -> None:
    """An unlabelled paragraph (or bullet) that words a coverage decision: a top statement P1, P2 ..."""
    sid = f"P{1 + sum(1 for d in walk.drafts if d['id'].startswith('P') and d['parent'] is None)}"
    walk.add(sid, sid, block.first, None, block.text, category_of(block.text))
    walk.outline.clear()
    walk.depths.clear()
    walk.aside = False
    opens = bool(_OPENS_LIST.search(block.text)) or _announces(block.text)
    walk.paragraph = walk.announcer = sid if opens else None


# A note's lead ('**Note 2**: ... in any of the following situations:') or a bold label alone ('**Frequency
# Limitations:**'): the list under it is the note's or the limit's. A plain remark inside an outline ('Clinical
# records must specifically document the following:', Regence) keeps the outline going.
_NOTE_LEAD = lazy(r"^\W*notes?\b", re.IGNORECASE)


def _announces(text: str) -> bool:
    """A paragraph that ends in a colon announces the list under it, however far its 'following' stands from the
    colon (Anthem's 'The following tests or procedures are considered **investigational and not medically
    necessary** for diagnosing or managing infertility:' over 'A. ...' to 'E. ...')."""
    return text.replace("*", "").rstrip().endswith(":")


# A numbered line that is no recommendation: a section's title printed as a paragraph ('4.1.1 Evidence to decision')
# or a contents line with its dot leader ('4.1 Screening and triage........ 17').
_NOT_A_SENTENCE = lazy(r"\.{4,}|\u2026{2,}")
_SENTENCE_END = (".", ":", "]", ")", ";")


def _recommendation(walk: _Walk, block: Block) -> None:
    """A guideline's numbered recommendation: a top statement under its own number, the bullets after a colon
    its items. A title or a contents line under a number is none."""
    text = block.text.rstrip("*").rstrip()
    if len(text.split()) < 3 or _NOT_A_SENTENCE.search(text) or not text.endswith(_SENTENCE_END):
        walk.announcer = None
        return
    sid = block.label if block.label not in walk.used else f"{block.label}~{block.first}"
    walk.add(sid, block.label, block.first, None, block.text, recommendation_category(block.text))
    walk.outline.clear()
    walk.depths.clear()
    walk.paragraph = walk.announcer = sid if block.text.rstrip("*").rstrip().endswith(":") else None


def _body_recommendation(walk: _Walk, block: Block) -> None:
    """'WHO suggests the use of ...': an unnumbered recommendation, R1, R2 ...; one a summary repeats is read once."""
    text = recommendation_text(block.text)
    if any(d["text"] == text for d in walk.drafts):
        return
    sid = f"R{1 + sum(1 for d in walk.drafts if d['id'].startswith('R') and d['parent'] is None)}"
    walk.add(sid, sid, block.first, None, text, recommendation_category(text))
    walk.outline.clear()
    walk.depths.clear()
    walk.paragraph = walk.announcer = None


_STEP = {"heading": _heading, "item": _item, "bullet": _bullet, "para": _para, "recommendation": _recommendation}


def _finish(drafts: list[dict], region, heading_category) -> list[Statement]:
    last_line = max((num for num, raw in region if num is not None), default=0)
    by_id: dict[str, Statement] = {}
    out = []
    for i, d in enumerate(drafts):
        end = drafts[i + 1]["line"] - 1 if i + 1 < len(drafts) else last_line
        own = category_of(d["text"]) if d["parent"] is None else None
        if d["category"] or own:
            category = d["category"] or own
        elif d["parent"] in by_id:
            category = by_id[d["parent"]].category
        else:
            category = heading_category(d["line"])
        st = Statement(d["id"], d["text"], d["line"], end, d["parent"], category, d["label"])
        by_id[st.id] = st
        out.append(st)
    return out
