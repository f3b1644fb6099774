"""An article's byline: authors' names, each with the raised numbers of its affiliations.

``Chih-Chiang Chiu<sup>1,2</sup>, Mong-Liang Lu<sup>2,3</sup>, ...`` (a correction notice reprinting the
authors, a web page's or PDF's title block) raises numbers that point to the affiliations below it, not to
the reference list. A line that is nothing but two or more such names is a byline; a sentence naming
authors with their citations (``Smith<sup>1</sup> and Jones<sup>2</sup> found ...``) has other words too.
"""
from __future__ import annotations

from kb.patterns import lazy

_WORD = r"[A-Z][\w'\u2019.-]*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|dos|le|la|bin|ibn)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{0,4}}"
_RAISED = r"<sup>\s*[\w\s,;*\u2020\u2021\u00a7\u00b6#\u2013-]{1,20}</sup>"
# The comma may come before the raised numbers, as some conference templates set them: 'Andreas Muller,<sup>1,*</sup>
# Sergey V. Polyakov,<sup>2</sup> ... and Glenn S. Solomon<sup>2</sup>'.
# A name may stand without its numbers where the PDF set them apart or lost them ('Kristin Klemm<sup>1,4</sup>, Volker
# von Baehr , Bernhard K. Krämer , Saban Elitok <sup>*</sup>'): then a comma ends it.
# Each name and its numbers is taken whole (an atomic group): the spaces around a comma could otherwise be shared out
# between the patterns in as many ways as there are names, and a long line of names that fails at its end would
# take exponential time to be refused.
# The last name may follow a serial comma and 'and' ('..., Joel Eggebeen<sup>6</sup>, and Barbara J. Nicklas,
# PhD<sup>7</sup>', an NIH author manuscript's byline).
_UNIT = rf"(?>(?:{_NAME}\s*,?\s*{_RAISED}|{_NAME}\s*,)\s*(?:,\s*(?:\band\b|&)?|;|\band\b|&)?\s*)"
# The first names' numbers may come out ahead of the line, with a glyph the font does not map ('<sup>1,2
# 1,2</sup>\ufffd <sup>3 4</sup> THOMAS MEYER , SUSANNE SPITTEL , ...', Taylor & Francis)
_LEADING = rf"(?>(?:{_RAISED}\s*\ufffd?\s*)*)"
_BYLINE = lazy(rf"\s*{_LEADING}{_UNIT}{{2,}}\.?\s*")
# the byline's last line, under a line of it that ended with a comma or an '&': one name is enough
_BYLINE_END = lazy(rf"\s*{_UNIT}{{1,}}\.?\s*")
# A PDF's title block sets the byline as a heading or in bold ('#### Chang Chu<sup>1,2</sup>, ...', '**Ethan A.
# DeJongh**<sup>1</sup>\t**Alexander A. Pryanichnikov**<sup>2,3</sup>'): the markup says nothing of the names.
_MARKUP = lazy(r"^\s*#{1,6}\s+|\*\*|__")


# A Word file raises the numbers as characters ('PRAWAR CHAUDHARY\u00b9*, KAUSHAL KUMAR\u00b2, ...') and may set the
# names bold: read as <sup> runs, the emphasis and the corresponding author's '*' left out.
_RAISED_CHARS = lazy(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+(?:,[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)*")
_TO_DIGITS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")


def is_byline(line: str, continues: bool = False) -> bool:
    """Is the whole line a list of at least two authors' names, each followed by raised affiliation numbers?
    ``continues``: the line before was a byline, so one name ends it."""
    if "</sup>" not in line and any(c in line for c in "\u00b9\u00b2\u00b3"):
        line = _RAISED_CHARS.sub(lambda m: f"<sup>{m.group(0).translate(_TO_DIGITS)}</sup>", line.replace("*", ""))
    line = _MARKUP.sub("", line)
    if continues:
        return "</sup>" in line and bool(_BYLINE_END.fullmatch(line))
    return line.count("</sup>") >= 2 and bool(_BYLINE.fullmatch(line))
