"""Parsed policy -> effect estimates (pure: sentences and lines in, records out)."""
from __future__ import annotations

import functools
import math
from collections import Counter

from kb.patterns import lazy
from kb.sources.kinds import REVIEW, classify
from kb.read.model import PolicyDocument, ReferenceEntry
from .comparison import comparison_for, outcome_for, risk_factor_outcome
from .claims import claim_for
from .context import citations_for, clause_start, detail_of, locate, markers_by_sentence, paragraphs
from .counts import extract_counts
from .find import Found, find_estimates
from .model import RATIO_MEASURES, EffectEstimate, EstimateSet
from .numbers import to_float
from .trial_links import trial_numbers
from .vocabulary import timepoint_in


def _float(text: str) -> float:
    try:
        return to_float(text)
    except ValueError:
        return math.nan


_NAMED = (
    lazy(r"\b(?P<who>[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?)(?: et al\.?)? \((?P<year>(?:19|20)\d\d)\)"),
    lazy(r"\bIn (?P<year>(?:19|20)\d\d), (?P<who>[A-Z][A-Za-z'\-]+)", gated=True),
    lazy(r"\bby (?P<who>[A-Z][A-Za-z'\-]+) in (?P<year>(?:19|20)\d\d)", gated=True),
    lazy(r"\bA (?P<year>(?:19|20)\d\d) [\w\s-]{0,40}? by (?P<who>[A-Z][A-Za-z'\-]+)", gated=True),
)


_YEAR = lazy(r"(?:19|20)\d\d")


@functools.lru_cache(maxsize=4096)  # pure; EST3xx asks again about each sentence of a paragraph, per number
def named_in(text: str) -> str:
    """The first 'Author (Year)' a sentence names ('Zhu (2022)', 'In 2016, Clark', 'by Klazen in 2010')."""
    if not _YEAR.search(text):
        return ""
    hits = [m for rx in _NAMED for m in rx.finditer(text)]
    if not hits:
        return ""
    m = min(hits, key=lambda h: h.start())
    return f"{m.group('who')} ({m.group('year')})"


def source_label(entry: ReferenceEntry | None) -> str:
    return entry.label if entry else ""


class _Paragraph:
    """One paragraph's sentences with what every estimate in it shares."""

    def __init__(self, doc: PolicyDocument, indices: list[int], cited: dict, refs: dict, studies: dict):
        self.doc, self.indices, self.cited, self.refs = doc, indices, cited, refs
        self.sentences = [doc.sentences[i] for i in indices]
        self.lead = next((s for s in self.sentences if cited.get(s.index)), self.sentences[0])
        self.studies = next((studies[i] for i in indices if i in studies), None)
        self.named = next((n for n in (named_in(s.text) for s in self.sentences) if n), "")

    def estimates(self, counter: Counter) -> list[EffectEstimate]:
        out = []
        for pos, sentence in enumerate(self.sentences):
            found = find_estimates(sentence.text)
            for k, f in enumerate(found):
                nxt = found[k + 1].start if k + 1 < len(found) else None
                prev_end = found[k - 1].end if k else clause_start(sentence.text, f.start)
                out.append(self._record(sentence, self.sentences[:pos], f, prev_end, nxt, counter))
        return out

    def _record(self, sentence, earlier, f: Found, prev_end: int, nxt, counter: Counter) -> EffectEstimate:
        text = sentence.text
        line, column = locate(self.doc, sentence, f.start, text[f.start:f.end])
        counter[line] += 1
        citations, cited_in = citations_for(self.doc, self.cited, self.indices, sentence.index)
        entry = self.refs.get(citations[0]) if citations else None
        local = text[max(prev_end, clause_start(text, f.start)):f.start]
        clause = text[clause_start(text, f.start):f.start]
        claim, claim_text = claim_for(text, f.start, f.end, nxt)
        comparison = comparison_for(self.doc, sentence, self.lead, ratio=f.measure in RATIO_MEASURES)
        factor_outcome = risk_factor_outcome(sentence, self.sentences)
        detail = detail_of(local)
        if factor_outcome is not None:
            outcome = factor_outcome or outcome_for("", "", sentence, earlier)
            comparison = f"{detail} vs none" if detail else ""
            question = f"risk factors for {outcome or 'an outcome'}"
        else:
            outcome = outcome_for(local, clause, sentence, earlier)
            question = comparison
        is_review = entry is not None and classify(entry)[0] == REVIEW
        return EffectEstimate(
            id=f"L{line}.{counter[line]}", line=line, column=column, measure=f.measure,
            measure_printed=f.measure_printed, estimate_text=f.value, estimate=_float(f.value),
            ci_low_text=f.low, ci_low=_float(f.low), ci_high_text=f.high, ci_high=_float(f.high),
            ci_level=f.level, p_value=f.p, unit=f.unit, citations=citations, cited_in=cited_in,
            source=source_label(entry), named_source=self.named, outcome=outcome, timepoint=timepoint_in(local),
            comparison=comparison,
            question=question, detail=detail, claim=claim, claim_text=claim_text,
            n_studies=self.studies if is_review else None, i2=f.i2, quote=text, sentence_index=sentence.index,
        )


def _tables(doc: PolicyDocument) -> tuple[list, set[int]]:
    """Estimates in tables, and the lines of those tables (read only when the text has a table at all)."""
    if not any(line.lstrip().startswith("|") or "<table" in line.lower() for line in doc.lines):
        return [], set()
    from .rows import table_lines, table_rows

    rows = table_rows(doc.lines)
    return rows, (table_lines(doc.lines) if rows else set())


def _inside(doc: PolicyDocument, index, lines: set[int]) -> bool:
    """A sentence that is part of a table whose rows are read as rows."""
    if not lines or index is None:
        return False
    s = doc.sentences[index]
    return any(n in lines for n in range(s.line, s.end_line + 1))


def _table_estimates(doc, rows: list, groups, cited, refs, counter: Counter) -> list[EffectEstimate]:
    """One estimate per table row; its citations are the row's markers, else those of the text around it."""
    group_of = {i: g for g in groups for i in g}
    # Looked up by line, not by a pass over every marker and sentence for each row (a long evidence table).
    markers_at: dict[int, list] = {}
    for m in doc.markers:
        markers_at.setdefault(m.line, []).append(m)
    sentence_at: dict[int, object] = {}  # line -> the first sentence that spans it
    for s in doc.sentences:
        for n in range(s.line, s.end_line + 1):
            sentence_at.setdefault(n, s)
    out = []
    for r in rows:
        f = r.found
        own = tuple(dict.fromkeys(n for m in markers_at.get(r.line, ()) for n in m.numbers))
        sentence = sentence_at.get(r.line)
        citations, cited_in = (own, "sentence") if own else citations_for(
            doc, cited, group_of[sentence.index], sentence.index) if sentence else ((), "")
        entry = refs.get(citations[0]) if citations else None
        counter[r.line] += 1
        study = _names_a_study(r.label, own)
        out.append(EffectEstimate(
            id=f"L{r.line}.{counter[r.line]}", line=r.line, column=None, measure=f.measure,
            measure_printed=f.measure_printed, estimate_text=f.value, estimate=_float(f.value), ci_low_text=f.low,
            ci_low=_float(f.low), ci_high_text=f.high, ci_high=_float(f.high), ci_level=f.level, p_value=f.p,
            unit=f.unit, citations=citations, cited_in=cited_in, source=source_label(entry),
            outcome="" if study else r.label, detail=(_words_before(r.before) or r.label) if study else r.label,
            quote=r.text, sentence_index=sentence.index if sentence else None))
    return out


_STUDY_LABEL = lazy(r"\bet al\b|(?:19|20)\d\d[a-z]?\W*$")


def _names_a_study(label: str, own_markers) -> bool:
    """A row named by its study ('Johansson et al., 2012 [4]', 'Roe 2020'), as evidence tables print them: the
    label is where the result comes from, not what it measures."""
    return bool(own_markers) and bool(_STUDY_LABEL.search(label)) or bool(named_in(label))


def _words_before(text: str, room: int = 60) -> str:
    """The last words before an estimate in its cell, whole words only: what the study's row says it found."""
    plain = " ".join(text.split()).strip(" ,;:(")
    if len(plain) <= room:
        return plain
    return plain[-room:].split(" ", 1)[-1]


def extract(doc: PolicyDocument) -> EstimateSet:
    """Every reported estimate, sample split, count with percentage, I² and study count in ``doc``."""
    cited = markers_by_sentence(doc)
    refs = {}
    for e in doc.references:
        refs.setdefault(e.number, e)
    groups = paragraphs(doc)
    samples, counts, heterogeneity, study_counts = extract_counts(doc, groups, cited)
    first_count = {}
    for sc in study_counts:
        first_count.setdefault(sc.sentence_index, sc.n)
    by_paragraph = {}
    for group in groups:
        hit = next((first_count[i] for i in group if i in first_count), None)
        if hit is not None:
            by_paragraph[group[0]] = hit
    counter: Counter = Counter()
    estimates = []
    rows, tables = _tables(doc)
    for group in groups:
        para = _Paragraph(doc, group, cited, refs, by_paragraph)
        estimates += [e for e in para.estimates(counter) if not _inside(doc, e.sentence_index, tables)]
    if rows:
        estimates = sorted(estimates + _table_estimates(doc, rows, groups, cited, refs, counter),
                           key=lambda e: (e.line, e.column or 0))
    return EstimateSet(tuple(estimates), samples, counts, heterogeneity,
                       tuple(sc.record for sc in study_counts), trial_numbers(doc, groups, cited))
