"""Where an entry no marker cites may be cited after all: a place in the text the reader could not read.

A raised or bracketed number it did not take for a marker, a named equation's or a table cell's number, a
supplement's own reference list or files, a table printed as an image, a figure that summarises studies.
CIT104 (``kb.checks.cit_markers``) lowers its finding to info and names the place.
"""
from __future__ import annotations

import re

from kb.read.marker_numbers import expand

# A raised or bracketed number ('98.4 mm<sup>29</sup>', 'Food Composition Tables [24]', '<sup>16)</sup>') that
# the reader did not take for a marker: a power, a label, a marker in a heading, or a citation after all.
_RAISED_OR_BRACKETED = re.compile(r"<sup>\s*\(?([\d,\s\u2013-]{1,30}?)\)?\s*</sup>|\[([\d,\s\u2013-]{1,30})\]")


# A table's cell citing by name and number, 'Meadows (35)', 'Black (36)': the reader leaves a table's "(35)" as a
# value (a group's size), but the entry's own first author printed before it names the work cited.
_NAMED_PAREN = re.compile(r"\b([A-Z][\w'\u2019-]+)(?:\s+et\s+al\.?)?\s+\((\d{1,3})\)")
# 'the standard base excess using the Van Slyke Eq. (17)': a named equation's number may be the citation of its
# source (an xref to entry 17 here); unnamed, 'Eq. (3)' is the document's own equation, so only a place to look.
_NAMED_EQUATION = re.compile(r"\b[A-Z][\w'\u2019-]+\s+(?:Eq\.|[Ee]quation)\s*\((\d{1,3})\)")


# A list or range in parentheses after a word in a table's cell, in a document that cites in parentheses (Frontiers:
# 'Brain-derived neurotrophic factor (BDNF) \u2193 (12\u201314)', 'NGF (rs6330) (16, 17)'): the reader leaves it as a
# value, but the text's own markers look so. A lone number after a word ('Placebo (3)') is a group's size as often.
_WORD_PAREN = re.compile(r"(?<=[^\W\d_])\)?\s*(?:[\u2191\u2193]\s*)?\((\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3}){1,6})\)")
_PAREN_SHARE = 0.5  # of the markers read: above it the document cites in parentheses


def _cites_in_parentheses(doc) -> bool:
    return bool(doc.markers) and sum(m.raw.startswith("(") for m in doc.markers) > _PAREN_SHARE * len(doc.markers)


def unread_numbers(kb) -> dict[int, tuple[int, str]]:
    """Number -> (line, text) of the first raised or bracketed number before the list that may cite it, or of a
    number in parentheses after the surname of the entry it numbers or after a named equation ('Van Slyke Eq.
    (17)'), or after a word in a table's row of a document that cites in parentheses."""
    section = kb.doc.reference_section
    out: dict[int, tuple[int, str]] = {}
    in_rows = _cites_in_parentheses(kb.doc)
    for line_no, line in enumerate(kb.doc.lines[: section.line - 1 if section else None], 1):
        if in_rows and line.startswith("|") and "(" in line:
            for m in _WORD_PAREN.finditer(line):
                for n in expand(m.group(1)).numbers:
                    if n in kb.references:
                        out.setdefault(n, (line_no, f"({m.group(1)})"))
        if "<sup>" in line or "[" in line:
            for m in _RAISED_OR_BRACKETED.finditer(line):
                for n in expand(m.group(1) or m.group(2)).numbers:
                    out.setdefault(n, (line_no, m.group(0)))
        if "(" in line:
            for m in _NAMED_PAREN.finditer(line):
                entry = kb.references.get(int(m.group(2)))
                if entry is not None and entry.first_author and entry.first_author.lower() == m.group(1).lower():
                    out.setdefault(entry.number, (line_no, m.group(0)))
            for m in _NAMED_EQUATION.finditer(line):
                out.setdefault(int(m.group(1)), (line_no, m.group(0)))
    return out


_SUPPLEMENT = re.compile(r"\b(?:supplementary|supporting|supplemental)\b", re.IGNORECASE)
# The supplement's list of contents ends with its references: "Figs. S1 to S7 References" (a short line; Science
# numbers them in the article's list); a caption that mentions references in passing ("Text S1 ... Supporting
# References, p. 9 ...") is no such list, and Nature's "Supplementary References" are a list of the supplement's own.
_REFERENCES_LAST = re.compile(r"(?<!Supplementary )(?<!Supporting )(?<!Supplemental )\bReferences\s*"
                              r"(?:\([\d\s,\u2013-]*\))?\.?\s*$", re.IGNORECASE)
_CONTENTS_WORDS = 15


def _supplement_references(doc) -> int | None:
    """The line where the document's supplementary material lists references of its own (Science Advances'
    "Figs. S1 to S7 References"), or None: entries cited only there are numbered in the list too."""
    for section in doc.sections:
        if not any(_SUPPLEMENT.search(title) for title in section.path):
            continue
        for line in range(section.line + 1, section.end_line + 1):
            text = doc.lines[line - 1] if line <= len(doc.lines) else ""
            if (not text.lstrip().startswith("#") and len(text.split()) <= _CONTENTS_WORDS
                    and _REFERENCES_LAST.search(text)):
                return line
    return None


# A supplementary file of text or tables, sent beside the document and not part of it ("S1 Table", "Text S2",
# BMC's "Additional file 1"): its citations use the document's list. Figures are left out (their captions are in
# the text), as are data sets, checklists, protocols and translated abstracts, which cite nothing of the list.
_SUPPLEMENT_FILE = re.compile(r"\b(?:(?:Table|Text|Appendix|File|Methods|Note)\s+S\d+|S\d+\s+(?:Table|Text|Appendix|"
                              r"File|Methods|Note)|Additional\s+file\s+\d+|Supplementary\s+(?:Tables?|Notes?|"
                              r"Methods|Text|Appendix)\b)")
_OWN_REFERENCES = re.compile(r"\b(?:Supplementary|Supporting|Supplemental)\s+References\b", re.IGNORECASE)


def _supplement_files(doc) -> int | None:
    """The line naming a supplementary file of text or tables the document lists but does not include, or None.
    A supplement with a reference list of its own (Nature's "Supplementary References") cites from that list."""
    found, supplement = None, False
    for section in doc.sections:
        if not any(_SUPPLEMENT.search(title) or title.lower().startswith("additional file") for title in section.path):
            continue
        supplement = True
        for line in range(section.line + 1, min(section.end_line, len(doc.lines)) + 1):
            text = doc.lines[line - 1]
            if _OWN_REFERENCES.search(text):
                return None
            if found is None and not text.lstrip().startswith("#") and _SUPPLEMENT_FILE.search(text):
                found = line
    if found is None and supplement:
        # The section may only say the material is online ("Supplementary material is available at Family
        # Practice online"), while the text names its tables ("(Supplementary Table 5b)"): those are the files.
        found = next((k + 1 for k, text in enumerate(doc.lines)
                      if not text.lstrip().startswith("#") and _SUPPLEMENT_FILE.search(text)), None)
    return found


# A table's caption ("**Table 8** Comparison of different low-dose isotretinoin studies") with no rows after it: the
# table is printed as an image (Medknow, many PMC journals), and a table comparing studies cites them there.
_TABLE_CAPTION = re.compile(r"^\*\*Table\s+\d+[A-Za-z]?\.?\*\*")  # not a supplement's "Table S1"


def _image_table(doc) -> int | None:
    """The line of the first table caption the document prints without its rows, or None."""
    lines = doc.lines
    for k, text in enumerate(lines):
        if _TABLE_CAPTION.match(text):
            after = next((t for t in lines[k + 1:] if t.strip()), "")
            if not after.lstrip().startswith("|"):
                return k + 1
    return None


# A figure that summarises studies (a forest plot, a meta-analysis of trials): its image labels each study, often
# with its reference number, and the reader keeps only the caption.
_FIGURE_CAPTION = re.compile(r"^\*\*(?:Fig(?:ure)?\.?)\s+\d+[A-Za-z]?\.?\*\*(.*)", re.IGNORECASE)
_STUDIES_SHOWN = re.compile(r"\b(?:meta-?analys[ie]s|forest\s+plots?|pooled\s+analys[ie]s|included\s+(?:studies|trials)|"
                            r"(?:studies|trials)\s+(?:of|comparing|included))\b", re.IGNORECASE)


def _study_figure(doc) -> int | None:
    """The line of the first figure caption that says the figure summarises studies, or None."""
    for k, text in enumerate(doc.lines):
        m = _FIGURE_CAPTION.match(text)
        if m and _STUDIES_SHOWN.search(m.group(1)):
            return k + 1
    return None


def unseen_place(doc) -> tuple[str, str] | None:
    """A part of the document the reader cannot see that may cite an uncited entry: (what the finding says,
    what to check), or None."""
    line = _supplement_references(doc)
    if line is not None:
        return f"the supplementary material lists references of its own (line {line}) and may cite it", \
            "the supplementary material"
    line = _supplement_files(doc)
    if line is not None:
        return f"the supplementary files it lists (line {line}) are not part of it and may cite it", \
            "a supplementary file"
    line = _image_table(doc)
    if line is not None:
        return f"the table at line {line} is printed without its rows (an image) and may cite it", "the table"
    line = _study_figure(doc)
    if line is not None:
        return (f"the figure at line {line} summarises studies (its image, which the reader cannot see, labels "
                f"them) and may cite it"), "the figure"
    return None
