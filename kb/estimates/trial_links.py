"""Every trial number in a document, with the citations that tie it to a paper.

``kb.estimates.trials`` reads totals, arms and follow-up counts from one sentence's text; this module walks the
document's paragraphs, ties each number to the markers of its sentence, its paragraph or the paragraph just
above, and leaves untied a sentence that speaks of the document's own study.
"""
from __future__ import annotations

from dataclasses import dataclass

from kb.patterns import lazy
from kb.read.model import PolicyDocument
from .context import citations_for, locate
from .trials import DIGIT, arms, followed, totals


@dataclass(frozen=True)
class TrialNumber:
    """One number about a trial's people, as printed, with what ties it to a paper."""

    kind: str  # "total" (the trial's size), "arms" (arm sizes without a total), "followed" (a later count)
    line: int
    sentence_index: int
    paragraph: int  # index of the paragraph's first sentence
    value: int  # the total; the sum of the arms; the count followed
    text: str  # as printed: "300", "153 + 147", "67 (86%)"
    arms: tuple[tuple[str, int], ...] = ()
    percent_text: str = ""  # a followed count printed with its percentage, "86%"
    citations: tuple[int, ...] = ()
    cited_in: str = ""  # sentence, paragraph, adjacent (the paragraph just before) or "" (no sure link)
    quote: str = ""



# A sentence in the first person with no marker of its own speaks of the document's own study, not of the trial
# cited earlier in the paragraph ("In a previous trial [16], ... We aim to recruit 600 participants.").
_FIRST_PERSON = lazy(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")
# 'Twenty-six patients survived more than 3 months ... (Fig 1)': a sentence that points at the document's own figure
# reports the document's own study, not the paper a marker earlier in its paragraph cites.
_OWN_FIGURE = lazy(r"\((?:see\s+)?(?:Fig(?:ure)?s?\.?)\s*S?\d")


def _link(doc: PolicyDocument, cited: dict, groups: list, k: int, index: int) -> tuple[tuple[int, ...], str]:
    citations, where = citations_for(doc, cited, groups[k], index)
    if where == "section":  # a paragraph without markers continues the one just above it, or is not tied
        previous = groups[k - 1] if k else []
        if not any(cited.get(i) for i in previous):
            return (), ""
        return citations, "adjacent"
    return citations, where


def trial_numbers(doc: PolicyDocument, groups: list[list[int]], cited: dict) -> tuple[TrialNumber, ...]:
    """Every total, arm list and follow-up count in ``doc``, paragraph by paragraph."""
    out: list[TrialNumber] = []
    for k, group in enumerate(groups):
        for i in group:
            s = doc.sentences[i]
            text = s.text
            if not DIGIT.search(text) and "hundred" not in text.lower():
                continue
            citations, where = _link(doc, cited, groups, k, i)
            if where != "sentence" and (_FIRST_PERSON.search(text) or _OWN_FIGURE.search(text)):
                citations, where = (), ""  # "We aim to recruit 600 participants": the document's own study
            common = dict(sentence_index=i, paragraph=group[0], citations=citations, cited_in=where, quote=text)
            sizes = totals(text)
            if len({v for _, _, v in sizes}) == 1:
                offset, printed, value = sizes[0]
                out.append(TrialNumber("total", locate(doc, s, offset, printed)[0], value=value, text=printed,
                                       **common))
            elif not sizes:
                for offset, listed in arms(text):
                    out.append(TrialNumber("arms", locate(doc, s, offset, listed[0][0])[0],
                                           value=sum(v for _, v in listed), text=" + ".join(t for t, _ in listed),
                                           arms=listed, **common))
            for offset, printed, value, percent in followed(text):
                shown = f"{printed} ({percent})" if percent else printed
                out.append(TrialNumber("followed", locate(doc, s, offset, printed)[0], value=value, text=shown,
                                       percent_text=percent, **common))
    return tuple(out)
