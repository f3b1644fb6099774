"""A paragraph's drop cap, set back on its line before a PDF page's lines are built.

JAMA (and many magazines) open an article's text with an initial letter set three lines high: the 'M' of
'More than 250 000 people'. Left as it is, the one large glyph spans the three lines beside it, which are
then read as raised text around it ('foMrralcitvuinreg...'). Seated on the first of those lines, in their
size, it is the first letter of its word again. Pure: glyph dicts in, glyph dicts out.
"""
from __future__ import annotations

from statistics import median

_LARGE = 2.5  # times the page's usual glyph size: an initial letter set over several lines
_LINES = 2  # lines of text beside it, at least


def seat_drop_caps(chars: list[dict]) -> list[dict]:
    """The page's glyphs with each drop cap moved onto the first line it stands beside: a letter alone in its
    size, two or more lines of smaller text opening just right of it within its height."""
    if not chars:
        return chars
    usual = median(c["size"] for c in chars if c["text"].strip()) if any(c["text"].strip() for c in chars) else 0
    out = list(chars)
    for i, cap in enumerate(chars):
        if not (cap["text"].isalpha() and usual and cap["size"] >= _LARGE * usual) or _has_large_neighbour(cap, chars):
            continue
        # the first glyph of each line beside it: opening within an em of its right edge, inside its height
        firsts: dict[int, dict] = {}
        for c in chars:
            if c is cap or not c["text"].strip() or c["size"] >= 0.5 * cap["size"]:
                continue
            if cap["top"] - 0.5 * c["size"] <= c["top"] and c["bottom"] <= cap["bottom"] + 0.5 * c["size"] and \
                    cap["x1"] - 1 <= c["x0"] <= cap["x1"] + 1.5 * c["size"]:
                key = round(c["bottom"])
                if key not in firsts or c["x0"] < firsts[key]["x0"]:
                    firsts[key] = c
        if len(firsts) < _LINES:
            continue
        line = firsts[min(firsts)]
        width = min(cap["x1"] - cap["x0"], line["size"])
        out[i] = dict(cap, top=line["top"], bottom=line["bottom"], size=line["size"],
                      x0=line["x0"] - width, x1=line["x0"])
        # the rest of the word follows with no space, whatever gap the PDF marked after the large letter
        j = next(k for k, c in enumerate(chars) if c is line)
        out[j] = dict(out[j], space_before=False)
    return out


def _has_large_neighbour(cap: dict, chars: list[dict]) -> bool:
    """Another glyph in the letter's size on its baseline: a title's word, not an initial."""
    return any(c is not cap and c["text"].strip() and c["size"] >= 0.8 * cap["size"]
               and abs(c["bottom"] - cap["bottom"]) <= 0.3 * cap["size"] for c in chars)
