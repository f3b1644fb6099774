"""Where a reference list set flush left starts its next entry after a full line.

Some journals (IJSEM) and AAAI's style print an author-year list with every line at the column's margin: no
hanging indent and no space between entries, so an entry's end shows only where its last line stops early. When
that last line happens to fill the column, the next entry would be read as running on
('... Microbiol 72, 1364-1372. Brinkhoff, T., Kuever, J., ...'), and the reader would take two works for one.

Such a list shows its shape in the entries that do start after a short line: each opens with a surname and its
initials ('Brettar, I., ', 'Dolan, B.; '). Where at least three do, and most of them, a line that opens so after a
line closing an entry (a full stop, not after a lone initial, which a name wrapped at the line end leaves) opens an
entry too. Anything less regular is left as it was.
"""
from __future__ import annotations

import re
from collections import defaultdict

# 'Brinkhoff, T., ', 'Chang, M.-W.;', 'Timmer-ten Hoor, A. (1975)', 'De Laroussilhe, Q.;', 'McKeown, K. 1983.'
_SURNAME = (r"(?:(?:van|von|de|der|den|du|da|di|del|le|la|ten|ter)\s+)*[A-Z\u00c0-\u00de][^\s,;.()\d]*"
            r"(?:[\s-][A-Za-z\u00c0-\u024f][^\s,;.()\d]*){0,2}")
_INITIALS = r"(?:[A-Z\u00c0-\u00de][a-z]?\.(?:\s|-)?){1,4}"
NAME_OPENING = re.compile(rf"^{_SURNAME},\s+{_INITIALS}\s*(?:[,;&]|and\b|\((?:19|20)\d\d|(?:19|20)\d\d)")
# words that open an entry's wrapped editor or series part, not a new entry ('In Singh, S. P.; and ...')
_NOT_A_NAME = re.compile(r"^(?:In|Edited|Eds?|See|From|Ed\.|Trans)\b")
_LONE_INITIAL = re.compile(r"(?:^|[\s.,;(\u2010-])[A-Z\u00c0-\u00de]\.$")
_NEEDED = 3  # entries seen to open so before the shape is trusted
_SHARE = 0.75


def flush_entry_starts(lines: list, short) -> frozenset[int]:
    """Indexes of the lines that open an entry though the line before them is full (``short(before, after, right)``
    says a line ended early within the right edge ``right``). Empty unless the paragraph is such a list."""
    if len(lines) < 4 or not _flush(lines):
        return frozenset()
    right: dict = defaultdict(float)  # the paragraph's own right edge in each column, as the lines are joined
    for line in lines:
        right[(line.page, line.column)] = max(right[(line.page, line.column)], line.x1)
    known = [0] + [i for i in range(1, len(lines))
                   if short(lines[i - 1], lines[i], right[(lines[i - 1].page, lines[i - 1].column)])]
    opening = [i for i in known if _opens_entry(lines[i].text)]
    if len(opening) < _NEEDED or len(opening) < _SHARE * len(known):
        return frozenset()
    return frozenset(i for i in range(1, len(lines)) if i not in known and _opens_entry(lines[i].text)
                     and _closes_entry(lines[i - 1].text))


def _flush(lines: list) -> bool:
    """Nearly every line stands at its column's margin: no hanging indent to cut the entries by."""
    margin: dict = defaultdict(lambda: float("inf"))
    for line in lines:
        margin[(line.page, line.column)] = min(margin[(line.page, line.column)], line.x0)
    at_margin = sum(line.x0 <= margin[(line.page, line.column)] + 2 for line in lines)
    return at_margin >= 0.9 * len(lines)


# APA's entry for a body or a web page: the name, a stop, the year in parentheses and a stop ('ADA. (2022, July
# 28).', 'American Diabetes Association Professional Practice Committee. (2023a).', Healthfirst's lists).
_BODY_OPENING = re.compile(r"^[A-Z\u00c0-\u00de][\w&'\u2019.,\s-]{1,100}?\.\s\((?:19|20)\d\d[a-z]?(?:,\s[^()]{1,30})?\)\.")


def _opens_entry(text: str) -> bool:
    return bool(NAME_OPENING.match(text) or _BODY_OPENING.match(text)) and not _NOT_A_NAME.match(text)


# An APA entry ends with its address, no stop after it (Healthfirst's lists: '... 33(3), 562.
# https://doi.org/10.2337/dc09-1524' over 'Darukhanavala, A., Van Dessel, F., ...').
_ADDRESS_END = re.compile(r"(?:https?://|doi\.org/|www\.)\S+$")


def _closes_entry(text: str) -> bool:
    text = text.rstrip()
    return (text.endswith(".") and not _LONE_INITIAL.search(text) and not text.endswith("al.")) or \
        _ADDRESS_END.search(text) is not None


# 'J. D.; and Choi, Y. 2021.', 'M. G. (2006).': initials opening a line, then a separator, a year or another name
_INITIALS_OPENING = re.compile(rf"^{_INITIALS}\s*(?:[,;&(]|and\b|(?:19|20)\d\d)")


def initial_runs_on(before: str, text: str) -> bool:
    """A name list wrapped at the line end ('..., Bhagavatula, C.; Hwang,' over 'J. D.; and Choi, Y. 2021.'): the
    initial opening the line is the name's, not a lettered item's label, where the line before stops after a comma,
    a semicolon or an '&' or 'and'."""
    return bool(_INITIALS_OPENING.match(text)) and re.search(r"(?:[,;&]|\band)$", before.rstrip()) is not None
