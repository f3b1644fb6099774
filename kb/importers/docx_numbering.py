"""Word's list numbering: the label Word prints before a numbered paragraph ("4.", "b)", "II.").

The labels are not in the document's text: numbering.xml holds, per list, each
level's format, start value and label pattern, and a list instance may restart
a level. This counts the way Word counts.
"""
from __future__ import annotations

import re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(parent, name: str) -> str | None:
    if parent is None:
        return None
    el = parent.find(f"{W}{name}")
    return None if el is None else el.get(f"{W}val")


def numbering_xml(document):
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/numbering") and not rel.is_external:
            return etree.fromstring(rel.target_part.blob)
    return None


class Numbering:
    """The label Word prints before a numbered paragraph, counting as Word counts."""

    def __init__(self, root) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in abstract.findall(f"{W}lvl"):
                start = _val(lvl, "start")
                levels[int(lvl.get(f"{W}ilvl", "0"))] = (int(start) if start and start.lstrip("-").isdigit() else 1,
                                                         _val(lvl, "numFmt") or "decimal",
                                                         _val(lvl, "lvlText") or "")
            self.levels[abstract.get(f"{W}abstractNumId")] = levels
        for num in root.findall(f"{W}num"):
            overrides = {}
            for override in num.findall(f"{W}lvlOverride"):
                start = _val(override, "startOverride")
                if start and start.isdigit():
                    overrides[int(override.get(f"{W}ilvl", "0"))] = int(start)
            self.nums[num.get(f"{W}numId")] = (_val(num, "abstractNumId"), overrides)

    def label(self, num_id: str, ilvl: int) -> str | None:
        abstract_id, overrides = self.nums.get(num_id, (None, {}))
        levels = self.levels.get(abstract_id)
        if not levels or ilvl not in levels:
            return None
        start, fmt, text = levels[ilvl]
        if fmt == "bullet" or fmt == "none" and not re.search(r"%\d", text):
            return "-"
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, overrides.get(ilvl, start) - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def level_text(m):
            n = int(m.group(1)) - 1
            if n not in levels:
                return ""
            value = counters.get(n, overrides.get(n, levels[n][0]))
            return number_text(value, levels[n][1])

        label = re.sub(r"%(\d)", level_text, text).strip()
        return label or "-"


def number_text(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters, n = "", value
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out
