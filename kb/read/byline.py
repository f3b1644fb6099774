"""An article's byline: authors' names, each with the raised numbers of its affiliations.

``Chih-Chiang Chiu<sup>1,2</sup>, Mong-Liang Lu<sup>2,3</sup>, ...`` (a correction notice reprinting the
authors, a web page's or PDF's title block) raises numbers that point to the affiliations below it, not to
the reference list. A line that is nothing but two or more such names is a byline; a sentence naming
authors with their citations (``Smith<sup>1</sup> and Jones<sup>2</sup> found ...``) has other words too.
"""
from __future__ import annotations

import re

from kb.patterns import lazy

_WORD = r"[A-Z][\w'\u2019.-]*"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|del|dos|le|la|bin|ibn)"
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{0,4}}"
_RAISED = r"<sup>\s*[\w\s,;*\u2020\u2021\u00a7\u00b6#\u2013-]{1,20}</sup>"
# The comma may come before the raised numbers, as some conference templates set them: 'Andreas Muller,<sup>1,*</sup>
# Sergey V. Polyakov,<sup>2</sup> ... and Glenn S. Solomon<sup>2</sup>'.
_BYLINE = lazy(rf"\s*(?:{_NAME}\s*,?\s*{_RAISED}\s*(?:,|;|\band\b|&)?\s*){{2,}}\.?\s*")


# A Word file raises the numbers as characters ('PRAWAR CHAUDHARY\u00b9*, KAUSHAL KUMAR\u00b2, ...') and may set the
# names bold: read as <sup> runs, the emphasis and the corresponding author's '*' left out.
_RAISED_CHARS = lazy(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+(?:,[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)*")
_TO_DIGITS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")


def is_byline(line: str) -> bool:
    """Is the whole line a list of at least two authors' names, each followed by raised affiliation numbers?"""
    if "</sup>" not in line and any(c in line for c in "\u00b9\u00b2\u00b3"):
        line = _RAISED_CHARS.sub(lambda m: f"<sup>{m.group(0).translate(_TO_DIGITS)}</sup>", line.replace("*", ""))
    return line.count("</sup>") >= 2 and bool(_BYLINE.fullmatch(line))
