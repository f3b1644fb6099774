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


def is_byline(line: str) -> bool:
    """Is the whole line a list of at least two authors' names, each followed by raised affiliation numbers?"""
    return line.count("</sup>") >= 2 and bool(_BYLINE.fullmatch(line))
