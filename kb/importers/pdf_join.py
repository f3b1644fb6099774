"""Lines of a PDF block to one text: where a line end is a space, a new line, or nothing.

A line that ended early (the next line's first word would have fitted) ends a line of the text; a web address
or DOI broken at a line end is joined whole; a marker wrapped to the next line still follows its word; a hyphen
at a line end is dropped only where the document elsewhere prints the word whole and never hyphenated (the kept
ones are counted for the import report). Which lines form a block is ``pdf_layout``'s.
"""
from __future__ import annotations

import re

_WORDS = re.compile(r"[A-Za-z]+(?:[-\u2010][A-Za-z]+)*")
# a DOI printed after 'doi: ' with its space, or bare ('10.1016/j.'), is an address too
_URL_TAIL = re.compile(r"(?:https?://|www\.|doi\.org/|doi:\s?|\b10\.\d{4,9}/)\S*$", re.I)


def url_runs_on(text: str, following: str) -> bool:
    """The line ends inside a web address or DOI and the next goes on with it: after a character an address
    breaks at ('.', '/', '-', ...) a first word holding a slash, or dots and digits ('psychres.2009.06.001.');
    or a next line opening with the hyphen of the address ('JACoW' over '-HP071-WEPTY035')."""
    tail = _URL_TAIL.search(text)
    if not tail or not following.strip():
        return False
    word = following.split()[0]
    if re.match(r"-[\w]", word):
        return True
    if tail.group().endswith("/") and re.search(r"10\.\d{4,9}/$", tail.group()):
        # WHO: 'doi: 10.1016/' over 'S2352-3026(23)00118-7.': the DOI's suffix, a word with digits in it
        return re.fullmatch(r"[\w\-().;:]+", word) is not None and any(ch.isdigit() for ch in word)
    return tail.group().endswith(tuple("./-_?=&#:")) and (
        "/" in word or re.fullmatch(r"[\w\-]+(?:\.[\w\-]+)+\.?", word) is not None and any(ch.isdigit() for ch in word))


# '(72) and thus reaffirms ...' under '... counteract the efficacy of IpTp-SP as an antimalarial': a citation
# marker opening a wrapped line, the sentence going on in lower case; not a list's label (WHO)
_CITATION_OPENING = re.compile(r"^\(\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\)\s+[a-z]")


def runs_on_into_marker(before: str, after: str) -> bool:
    """Words of a sentence (a few of them: a lone 'X' over '(5) inf = ...' is an equation's sum sign) ending in
    no punctuation, and a marker opening the next line with the sentence going on in lower case."""
    before = before.rstrip()
    return bool(_CITATION_OPENING.match(after)) and before[-1:].isalnum() and len(before.split()) >= 3


_RAISED_PREFIX = re.compile(r"<sup>[^<]*</sup>[^\W\d_]")


class LineJoiner:
    """The document's words, to tell a typesetter's hyphen from a compound's, and the count of hyphens kept."""

    def __init__(self, lines: list) -> None:
        text = " ".join(line.text for line in lines)
        tokens = _WORDS.findall(text)
        self.compounds = {t.lower() for t in tokens if "-" in t or "\u2010" in t}
        self.words = {t.lower() for t in tokens if "-" not in t and "\u2010" not in t}
        self.kept_hyphens = 0

    def join(self, lines: list, short, is_heading, breaks: frozenset[int] = frozenset()) -> str:
        """The lines as one text; a line whose index is in ``breaks`` starts a line of its own. ``short(before,
        after, right)`` says a line ended early, ``is_heading(line)`` that it is set as a heading."""
        text = lines[0].text
        right: dict = {}  # the block's right edge in each column it passes through
        for line in lines:
            right[(line.page, line.column)] = max(right.get((line.page, line.column), 0), line.x1)
        for i, (before, after) in enumerate(zip(lines, lines[1:]), 1):
            if i in breaks:
                text += "\n" + after.text
            elif url_runs_on(text, after.text):  # an address breaks early where it can: the line looks short
                text += after.text
            elif short(before, after, right[(before.page, before.column)]) and not is_heading(before) \
                    and not runs_on_into_marker(before.text, after.text):
                text += "\n" + after.text
            else:
                text = self._join(text, after.text)
        return text

    def _join(self, text: str, following: str) -> str:
        if following.startswith("<sup>"):
            # a marker broken over two lines: '[5, 6, 65-' and '67]'; but a raised number glued to the word after
            # it opens that word ('lobe.<sup>17</sup>' over '<sup>90</sup>Y-resin microspheres', a mass number)
            if text.endswith("</sup>"):
                if _RAISED_PREFIX.match(following):
                    return text + " " + following
                return self._join(text[:-len("</sup>")], following[len("<sup>"):])
            return text + following  # a marker wrapped to the next line still follows its word
        marks = len(text) - len(text.rstrip("*"))
        if marks and marks == len(following) - len(following.lstrip("*")):
            text, following = text[:-marks], following[marks:]  # one italic or bold run over a line end
        if text.endswith("\u00ad"):  # a soft hyphen: the word was broken by the typesetter
            return text[:-1] + following
        m = re.search(r"([A-Za-z]+)(?:-| ?\u2010)$", text)  # a typesetter's hyphen may stand a gap apart
        n = re.match(r"[a-z]+", following)
        if m and n:
            whole, hyphenated = (m.group(1) + n.group()).lower(), f"{m.group(1)}-{n.group()}".lower()
            if hyphenated not in self.compounds and whole in self.words:
                return text[: m.end(1)] + following
            if hyphenated not in self.compounds:
                self.kept_hyphens += 1
            return text + following
        if re.search(r"\S[-\u2010\u2013\u2014/]$", text):
            return text + following
        if url_runs_on(text, following):
            # a web address or DOI broken at a line end ('https://doi.org/10.' over '1104/pp.15.01164'): one address
            return text + following
        return text + " " + following
