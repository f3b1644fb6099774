"""Where the author list opening a reference entry ends, in the common numbered styles.

Pure. ``leading_authors`` reads Vancouver/AMA/BMC lists ('Smith AB, Jones C. Title.') and APA-like ones
('Abeles, M. Title.', ACS's 'Cotter, T. G.; Rinella, M., Title.'); ``initials_first_authors`` Elsevier's and
Science's 'A.B. Smith, C. Jones' and 'J. A. Doudna and J. W. Szostak,'; ``comma_initials_authors`` Nature's
'Smith, J. A. & Jones, B. Title.'.
"""
from __future__ import annotations

import re

from kb.patterns import lazy
from kb.read.authors import ETAL, GROUP_WORDS, PARTICLE, SURNAME, UPPER, Authors, initials_first, read_authors
from kb.read.given_names import full_name_list


# Where a Vancouver/AMA/BMC author list may end: '. ' or ': ' (BMC) before the title.
# "..., et al., Nucleic acid ..." too, a stop inside closing emphasis ("Smith FA *et al.* 2004 Title"), an
# italic "*et al*" with no stop before the title (BMJ Open in PMC: "Clark D, *et al* The depression report"), no
# stop at all between "et al" and the year ("Mahoney A.R., Eicken H., et al 2012 Mapping ..."), and a comma after
# the last initials before a title's first words ("Dalmau J., Autoimmune encephalopathies.", Europe PMC's Nature)
# Each lookbehind follows a lookahead of the character its form consumes first: the same matches, the
# lookbehinds tried only where that character stands.
_LIST_END = lazy(r"[.:]\s+(?=\S)|(?=,)(?<=et al\.),\s+(?=\S)|(?=\.)(?<=et al)\.\*{1,2}\s+(?=\S)|"
                 r"(?=\*)(?<=et al)\*{1,2}\s+(?=[A-Z])|"
                 r"(?=\s)(?<=\bet al)\s+(?=(?:19|20)\d\d\b)|(?=,)(?<=\bet al),\s+(?=[A-Z])|(?=[.,])(?<=\b[A-Z])\.?,\s+(?=[A-Z][a-z\u00e0-\u00ff]+\s+[a-z\u00e0-\u00ff]{2,})|"
                 r"(?=\.)(?<=\b[A-Z])\.,\s+(?=[A-Z])")
# "Smith J. A., Jones B.": the stop after J is an initial's; so are those of Scientific Reports' "Goldberg R. B. &
# Mather K." (an initial, then the ampersand) and the stop before its "& Mather".
# So is it before a last initial that 'et al.' follows ("Kish S. J. et al. Title").
_MORE_INITIALS = lazy(rf"{UPPER}\.?,|{UPPER}\.\s+&|&\s|{UPPER}\.\s+[*_]{{0,2}}et\.?\s+al\b")
_CANDIDATES = 4  # ends tried before giving up: past them the text is a title, not names
# APA-like names inside a numbered list ("Abeles, M. Title", ACS's "Cotter, T. G.; Rinella, M., Title"): before the
# stop a comma and initials; a stop followed by another lone initial is still inside the name.
_COMMA_INITIALS_TAIL = lazy(rf",\s*(?:{UPPER}\.\s?-?)*{UPPER}$")
_NEXT_INITIAL = lazy(rf"{UPPER}\.(?=[\s,;])")
# The list goes on after the stop ("Cygankiewicz, I. , and W. Zareba"), or Nature's italics follow, which
# comma_initials_authors reads ("Core Team, R. *R: A Language ...* (2014)")
_AND_NEXT = lazy(r"\s*[,;&*]|(?:and|&)\s")
# ACS's "Cotter, T. G.; Rinella, M., Nonalcoholic Fatty Liver Disease": a title in title case after the last initials,
# not another name ("Jones, B." or "Jones B.")
_SENTENCE_CASE_NEXT = lazy(r"[A-Z][a-z\u00e0-\u00ff]+\s+[a-z\u00e0-\u00ff]{2,}")  # the older comma end's lookahead
_TITLE_CASE_NEXT = lazy(rf"(?!(?:{UPPER}[\w'\u2019-]*\s+){{0,3}}{UPPER}[\w'\u2019-]*,\s*{UPPER}\.|"
                        rf"{UPPER}[\w'\u2019-]+\s+(?:{UPPER}\.?\s?){{1,3}}[,;.&]|(?:and|&)\s){UPPER}")


def leading_authors(text: str) -> tuple[Authors, int] | None:
    """The author list opening a Vancouver-like entry and where the text after it starts."""
    tried = 0
    for m in _LIST_END.finditer(text):
        if tried == _CANDIDATES:
            break
        stop = text[m.start()] == "."
        if stop and _MORE_INITIALS.match(text, m.end()):
            continue
        apa = stop and _COMMA_INITIALS_TAIL.search(text, 0, m.start()) is not None
        if apa and _NEXT_INITIAL.match(text, m.end()) and read_authors(text[: m.start()]) is None:
            continue  # not counted among the ends tried: the name goes on
        if m.group(0).startswith(".,") and not _SENTENCE_CASE_NEXT.match(text, m.end()) \
                and not (apa and _TITLE_CASE_NEXT.match(text, m.end())):
            continue  # "Smith J. A., Jones B.": a comma between names, not the list's end
        tried += 1
        found = full_name_list(text[: m.start()]) or read_authors(text[: m.start()])
        if found is None and apa and not _AND_NEXT.match(text, m.end()):
            found = read_authors(text[: m.start() + 1])  # "Abeles, M.": the stop is the initial's
            etal = _ETAL_AFTER.match(text, m.end()) if found else None
            if etal:  # "Smith, J. et al. Title"
                return Authors(found.names, found.surnames, found.group, True), etal.end()
        if found is None:
            continue
        names = found.names
        if text[m.start()] == "." and not found.group and not found.et_al and names[-1][-1:].isupper():
            names = names[:-1] + (names[-1] + ".",)  # "Wald JT." as printed: the stop is the initial's too
            etal = _ETAL_AFTER.match(text, m.end())
            if etal and etal.end() < len(text):
                # "Ziegler E. et al. Mapping ...", "Ramakrishnan V. *et al*. Identification ...": the initial's stop
                # ends the names, not the list; its 'et al.' closes it and the title starts after it.
                return Authors(names, found.surnames, found.group, True), etal.end()
        return Authors(names, found.surnames, found.group, found.et_al), m.end()
    return None


# Science's "J. A. Doudna and J. W. Szostak, Nature 339": names joined by 'and' inside one comma's piece
_AND_PARTS = lazy(r"(?:^|(?<=\s))(?:(?:and|&)\s+)?.+?(?=\s+(?:and|&)\s+|$)", re.DOTALL)
_LONE_INITIAL_START = lazy(rf"{UPPER}\.")
_INVERTED_FIRST = lazy(rf"(?P<surname>{SURNAME}),\s+(?:{UPPER}\.\s?-?)+(?:,\s*|\s+(?=and\s|&\s))")


def initials_first_authors(text: str) -> tuple[Authors, int] | None:
    """Names written 'A.B. Surname' (Elsevier numbered, Science) at the start of an entry, up to the first piece that
    is not one; the first may be inverted (EndNote: 'Isaksson, O.G., S. Eden, and J.O. Jansson, Title')."""
    names, surnames, pos, et_al = [], [], 0, False
    pieces = []  # (a name's text, where the text after it starts)
    for m in re.finditer(r"[^,]+(?:,|$)", text):
        parts = list(_AND_PARTS.finditer(m.group(0).rstrip(",")))
        for k, part in enumerate(parts):
            piece = re.sub(r"^(?:and|&)\s+", "", part.group(0).strip())
            if piece:
                pieces.append((piece, m.end() if k == len(parts) - 1 else m.start() + part.end()))
    first = _INVERTED_FIRST.match(text)
    if first:  # EndNote's "Miller, C.V. and M. Pittman, Title": the first name inverted, the others not
        names, surnames, pos = [first.group(0).strip(" ,")], [first.group("surname")], first.end()
        pieces = [(piece, end) for piece, end in pieces if end > first.end()]
    for piece, end in pieces:
        if names and ETAL.match(piece):
            et_al, pos = True, end
            continue
        found = initials_first(piece)
        if not found:
            if first and _LONE_INITIAL_START.match(piece):
                return None  # 'Selmaoui, B. , P. Mazet , P.\u2010B. Petit': a name not read is no title's start
            break
        names.append(piece)
        surnames.append(found[0])
        pos = end
    if first and len(names) < 2:
        return None  # one inverted name alone is the APA-like form leading_authors reads
    return (Authors(tuple(names), tuple(surnames), None, et_al), pos) if names else None


_AFTER_INITIAL = lazy(rf"(?<={UPPER})\.\s+(?=\S)")


def comma_initials_authors(text: str) -> tuple[Authors, int] | None:
    """The longest 'Surname, I. I., Surname, I. & Surname, I.' list opening a Nature-style entry (the year last:
    'Title. *Sci. Rep.* **7**, 2409 (2017).') and where the title starts."""
    best = None
    for k, m in enumerate(_AFTER_INITIAL.finditer(text)):
        if k == 60:
            break
        head = text[: m.start() + 1]
        if ", " not in head:
            continue
        found = read_authors(head)
        if found and not found.group and all(", " in n for n in found.names):  # a "group" here is the title
            best = (found, m.end())
    etal = _ETAL_AFTER.match(text, best[1]) if best else None
    if etal:  # "Smith, J. et al. Title."
        best = (Authors(best[0].names, best[0].surnames, best[0].group, True), etal.end())
    return best


_ETAL_AFTER = lazy(r"[*_]{0,2}et\.?\s+al\.?[*_]{0,2}\.?\s*")  # "Qu, Y. *et al.* Title" (Scientific Reports)



# BibTeX's plain styles (arXiv, LaTeX preprints) print given names first: "Elizabeth A Ashley, Judith Recht, and
# Nicholas J White. Title." Each name two to four capitalised words or initials, the surname last.
_NAME_WORD = rf"{UPPER}[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f]+(?:[-'\u2019]{UPPER}?[a-z\u00df-\u00ff\u0100-\u024f]+)*"
_FULL_NAME = lazy(rf"(?:(?:{UPPER}\.?\s+){{1,3}}(?:{_NAME_WORD}\s+)?|{_NAME_WORD}(?:\s+(?:{UPPER}\.?|{_NAME_WORD})){{0,2}}\s+)"
                  rf"(?P<surname>(?:{PARTICLE}\s+)*{_NAME_WORD})")
_FULL_NAMES_END = lazy(r"(?<!\b[A-Z])\.\s+(?=\S)")
_MIDDLE_INITIAL = lazy(rf"^\S+\s+{UPPER}\.?\s+\S|^{UPPER}\.?\s")  # 'Julie A Simpson', 'S Piomelli', 'J Kevin Baird'
_FULL_NAMES_SPLIT = lazy(r",\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")


def full_name_authors(text: str) -> tuple[Authors, int] | None:
    """Names written given name first, up to the stop that ends the list; None for anything else (a single name
    without a middle initial could be a title's or an organisation's words, so it is left unread)."""
    end = _FULL_NAMES_END.search(text)
    if not end:
        return None
    head = text[: end.start()]
    et_al = head.endswith(" et al")
    pieces = [p.strip() for p in _FULL_NAMES_SPLIT.split(head.removesuffix(" et al").rstrip(","))]
    found = [_FULL_NAME.fullmatch(p) for p in pieces]
    if not all(found) or any(GROUP_WORDS.search(p) for p in pieces):
        return None
    if len(pieces) < 2 and not _MIDDLE_INITIAL.search(pieces[0]):
        return None  # 'Pascal Fries.' may as well be a title's words; 'Steven H Strogatz.' is a name
    # Surname-first names without initials ('Singh Padam, Pandey Arvind') and a body's name ('National Health and
    # Nutrition Examination Survey') look the same: only a middle initial, or the serial comma of three names or more
    # ('A, B, and C'), shows the given names come first.
    if not (any(_MIDDLE_INITIAL.search(p) for p in pieces) or (len(pieces) >= 3 and re.search(r",\s+and\s", head))):
        return None
    return Authors(tuple(pieces), tuple(f.group("surname") for f in found), None, et_al), end.end()
