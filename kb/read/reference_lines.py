"""A reference list's lines to its entries (pure): which lines open an entry ('12. Smith', '[12] Smith', a bare
'12 Smith', a glued '80.Courcoulas'), which carry one on, where a part of the list starts again at 1, and the
readers that then read each entry and the list as a whole (given names in full, given names first, ditto dashes)."""
from __future__ import annotations

from dataclasses import replace

from kb.patterns import lazy
from kb.read.author_year_list import read_entry, unnumbered_drafts
from kb.read.ditto import read_dittos
from kb.read.given_first import read_given_first
from kb.read.given_names import read_in_full_name_style
from kb.read.model import Problem, ReferenceEntry
from kb.read.title_first import read_title_first
from kb.read.reference_list import parse_entry

HEADING = lazy(r"^\s{0,3}(?P<hashes>#{1,6})\s+(?P<title>.*?)\s*#*\s*$")
ENTRY = lazy(r"^\s*(?:\[(?P<b>\d{1,5})\]|(?P<n>\d{1,5})[.)])\s+(?P<text>\S.*)$")
# '12 Smith, J.': a number printed bare before the entry (Portland Press, some Elsevier journals); taken only
# when it is the next number of the list, so a wrapped line that opens with a volume is not an entry. The name may
# open with its particle in lower case ('14 van Buuren S.', Karger)
BARE_ENTRY = lazy(r"^\s*(?P<n>\d{1,4})\s+(?P<text>(?:(?:van|von|de|der|den|du|da|di|del|le|la|ten|ter)\s+)?"
                  r"[A-Z\u00c0-\u00de]\S*.*)$")
# '80.Courcoulas A, Abu Dayyeh BK': a label glued to the name (a Word list whose tab was lost); taken only as the
# next number, and before a capitalised word, so '2.5 mg' or a wrapped '3.Results' out of turn stays text
GLUED_ENTRY = lazy(r"^\s*(?P<n>\d{1,4})\.(?P<text>[A-Z\u00c0-\u00de][A-Za-z\u00df-\u00ff]\S*.*)$")
# A line numbered out of turn that opens with an entry's tail is the previous entry wrapped where a number ended
# it: 'doi: 10.1007/s11695-019-03828-' over '1. PMID: 30937874.', '2009 Jan' over '26. [Epub ahead of print]'
_TAIL_OPENING = lazy(r"^(?:PMID\b|PMCID\b|doi:|DOI:|doi\s+10\.|https?://|\[?Epub\b|Accessed\b|Available\b)")
# A line naming a part of the list, its numbers restarting at 1 under it ('Peer Reviewed Publications:',
# 'Government Agency, Medical Society, and Other Authoritative Publications:'): short, ending in a colon
_PART_LABEL = lazy(r"^(?:\*\*|__)?[A-Z][^.:]{2,120}:(?:\*\*|__)?$")
_BOLD_LINE = lazy(r"\*\*[^*]+\*\*|__[^_]+__")  # a bold line after the list ends it, as a heading would
# '17 . Ehret GB', '- 17 . Ehret GB', '13. 17 . Kositanurit W': a label printed with a space before its stop, alone,
# after a bullet or after a list marker of the converter's own count (Docling); taken only as the next number
_SPACED_LABEL = lazy(r"^\s*(?:[-*+]\s+|\d{1,5}[.)]\s+)?(?P<n>\d{1,5})\s\.\s+(?P<text>\S.*)$")


def parse_references(lines: list[str], span) -> tuple[list[ReferenceEntry], list[Problem], bool]:
    """The entries, the problems, and whether the list prints its numbers (else it is numbered in order)."""
    drafts: list[list] = []  # [number, text, line, part]
    part, label_line = 0, None  # the list's part, and the line of the last part label seen (or None)
    for num in range(span[0], span[1] + 1):
        text = lines[num - 1]
        expected = drafts[-1][0] + 1 if drafts else 1
        m = ENTRY.match(text)
        if m and drafts and int(m.group("b") or m.group("n")) != expected and _TAIL_OPENING.match(m.group("text")):
            m = None
        spaced = _SPACED_LABEL.match(text)
        if spaced and int(spaced.group("n")) == expected:
            m = None  # the label printed in the text is the entry's ('17. 17 . Shimbo': the text opens at Shimbo)
        else:
            spaced = None
        bare = None if m else BARE_ENTRY.match(text) or GLUED_ENTRY.match(text) or spaced
        if bare and int(bare.group("n")) != expected:
            bare = None
        if m or bare:
            number = int(m.group("b") or m.group("n")) if m else int(bare.group("n"))
            if number == 1 and drafts and label_line is not None:
                part += 1  # the numbers start again under a label of their own: a second part of the list
            drafts.append([number, (m or bare).group("text"), num, part])
            label_line = None
        elif (_PART_LABEL.match(text.strip()) and len(text.split()) <= 16 or HEADING.match(text)) \
                and _opens_at_one(lines, num, span[1]):
            # kept out of the entry above it: it names the entries below (a section heading, too, where a
            # guideline numbers its references per section)
            label_line = num
        elif text.strip() and drafts and not HEADING.match(text) and not _BOLD_LINE.fullmatch(text.strip()):
            drafts[-1][1] += " " + text.strip()  # an entry wrapped onto a second line
            label_line = None
    numbered = bool(drafts)
    if not drafts:
        drafts = [d + [0] for d in unnumbered_drafts(lines[span[0] - 1: span[1]], span[0])]
    problems = []
    if not drafts:
        problems.append(Problem("empty-reference-list", span[0] - 1, "the reference list has no numbered entries"))
    read = parse_entry if numbered else read_entry
    again = lambda n, t, ln: _read_unbolded(read, n, t, ln)  # noqa: E731 - the reader, for entries read again
    entries = read_dittos([again(n, t, ln) for n, t, ln, _ in drafts], again)
    entries = read_given_first(read_in_full_name_style(entries), again)
    entries = read_title_first(entries, again)  # manubot's 'Title. Given Surname, .... *Journal* (date)'
    return [replace(e, part=d[3]) if d[3] else e for e, d in zip(entries, drafts)], problems, numbered


def _opens_at_one(lines: list[str], num: int, last: int) -> bool:
    """Whether the next line with text after line ``num`` is an entry numbered 1."""
    for text in lines[num: last]:
        if text.strip():
            m = ENTRY.match(text)
            return bool(m) and int(m.group("b") or m.group("n")) == 1
    return False


# a whole entry set in italics, as a list printed wholly so gives each of its entries ('*Whitlock EP, ... PMID
# 16880463*', Capital Blue Cross): no part of it is set apart, so the marks say nothing about its fields
_ALL_ITALIC = lazy(r"\*(?!\*)([^*]+)(?<!\s)\*")


def _read_unbolded(read, number: int, text: str, line: int) -> ReferenceEntry:
    """Journals set an entry's authors (or its year, volume) in bold: the fields are read without the marks,
    and the entry keeps its text as printed. So is an entry set wholly in italics."""
    italic = _ALL_ITALIC.fullmatch(text.strip())
    if italic:
        return replace(read(number, italic.group(1), line), raw=text)
    if "**" not in text:
        return read(number, text, line)
    return replace(read(number, text.replace("**", ""), line), raw=text)
