"""Whether a piece of evidence is for, against or inconclusive about a criterion's claim, and why.

A criterion claims that its treatment helps the patients it names. Rules, in order:

1. **reviewed**: a row of ``stances.csv`` (reviewer, date, reason) decides;
2. **guideline**: a guideline's stated stance in ``supports.csv`` (``agrees``
   -> for, ``disagrees`` -> against). A guideline has one stance per criterion:
   every edge from it to the criterion carries the same one, so it is never
   both for and against;
3. **estimates**: the reference's (or study's) estimates in the criterion's
   summary of findings: for when some favour the criterion's treatment and
   none the comparator, against when some favour the comparator and none the
   treatment, inconclusive otherwise (no clear difference, mixed, not judged).
   A head-to-head comparison of two treatments the criterion itself names
   (vertebroplasty vs kyphoplasty under criterion I) is inconclusive for it;
4. **text**: the sentences citing it say "no benefit", "no better than",
   "no clinical validity" (against), or "superior", "significantly improved",
   "greater", "recommend" without a negation (for); both kinds of words, or
   "not significantly different", "no significant difference", "did not
   differ", are inconclusive;
5. otherwise **inconclusive**: the policy reports no result for it here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.estimates.topics import document_treatments
from kb.estimates.vocabulary import treatments_in
from kb.sources.kinds import GUIDELINE
from .findings import read_reviews_of, summary_of_findings
from kb.ids import node_key

FOR, AGAINST, INCONCLUSIVE = "for", "against", "inconclusive"
_AGAINST = lazy(r"no (?:clinical )?benefit|no better than|no clinical validity|not (?:more )?effective|"
                      r"recommendation against|recommends? against", re.IGNORECASE)
_NULL = lazy(r"not (?:statistically )?significantly different|no (?:statistically )?significant "
                   r"(?:differences?|improvements?|benefits?)|did not differ|no differences?", re.IGNORECASE)
_FOR = lazy(r"\bsuperior\b|significantly (?:improved|higher|greater|better|reduced)|\bgreater\b|"
                  r"\brecommend(?:s|ed)?\b", re.IGNORECASE)
_NEGATED = lazy(r"\b(?:no|not|nor|without|little)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Stance:
    statement: str
    evidence: str  # node id: ref:5 or study:free
    stance: str  # for / against / inconclusive
    reason: str
    origin: str  # reviewed / guideline / estimates / text / none
    reviewer: str = ""
    date: str = ""

    def as_dict(self) -> dict:
        return {"statement": self.statement, "evidence": self.evidence, "stance": self.stance,
                "reason": self.reason, "origin": self.origin, "reviewer": self.reviewer, "date": self.date}


def covered_treatments(kb, statement: str) -> frozenset:
    """The treatments a criterion and its ancestors name."""
    texts, current = [], statement
    while current is not None:
        texts.append(kb.statements[current].text)
        current = kb.statements[current].parent
    extra = document_treatments(kb.doc)
    return frozenset(t for text in texts for t in treatments_in(text, extra))


def _references_of(kb, evidence: str) -> set[int]:
    if evidence.startswith("ref:"):
        return {int(node_key(evidence))}
    study = kb.evidence.studies.get(node_key(evidence))
    return set(study.references) if study else set()


def _sentences_citing(kb, numbers: set[int]) -> list[str]:
    out = []
    for n in sorted(numbers):
        for marker in kb.markers_by_number.get(n, ()):
            sentence = kb.sentence_of(marker)
            if sentence is not None and sentence.text not in out:
                out.append(sentence.text)
    return out


def text_stance(sentences: list[str]) -> tuple[str, str] | None:
    """(stance, the words) from what the citing sentences say, or None when they report no result.
    Words for and against together are inconclusive: the text reports both."""
    def first(rx, negatable: bool = False) -> str:
        for text in sentences:
            for m in rx.finditer(text):
                if not negatable or not _NEGATED.search(text[max(0, m.start() - 25):m.start()]):
                    return m.group(0)
        return ""
    against, null, pro = first(_AGAINST), first(_NULL), first(_FOR, negatable=True)
    if against and pro:
        return INCONCLUSIVE, f"{against}\" and \"{pro}"
    if against:
        return AGAINST, against
    if null:
        return INCONCLUSIVE, null
    if pro:
        return FOR, pro
    return None


def estimate_stance(rows, numbers: set[int], covered: frozenset = frozenset()) -> tuple[str, str] | None:
    """``covered``: the treatments the criterion itself names; a head-to-head comparison of two of them
    (vertebroplasty vs kyphoplasty under a criterion covering both) is neither for nor against it."""
    effects = [(r, e) for r in rows for e in r.effects if e.reference in numbers]
    if not effects:
        return None
    if all(r.comparator in covered for r, _ in effects):
        return INCONCLUSIVE, ("compares treatments the criterion covers: "
                              + "; ".join(dict.fromkeys(r.question for r, _ in effects)))
    effects = [(r, e) for r, e in effects if r.comparator not in covered]
    pro = [e for r, e in effects if e.side == "intervention"]
    con = [e for r, e in effects if e.side == "comparator"]
    shown = "; ".join(f"{r.outcome}: {e.measure} {e.estimate} ({e.ci_low} to {e.ci_high}) {e.favours}"
                      for r, e in effects[:4])
    if pro and not con:
        return FOR, f"{len(pro)} of {len(effects)} estimates favour the criterion's treatment: {shown}"
    if con and not pro:
        return AGAINST, f"{len(con)} of {len(effects)} estimates favour the comparator: {shown}"
    if pro and con:
        return INCONCLUSIVE, f"estimates point both ways: {shown}"
    return INCONCLUSIVE, f"no estimate shows a clear difference: {shown}"


def stance_of(kb, statement: str, evidence: str, rows=None) -> Stance:
    """The stance of ``evidence`` (a node id) on ``statement``; ``rows``: its summary of findings, if at hand."""
    reviewed = read_reviews_of(kb).stance(statement, evidence)
    if reviewed is not None:
        value, d = reviewed
        return Stance(statement, evidence, value, d.reason, "reviewed", d.reviewer, d.date)
    numbers = _references_of(kb, evidence)
    source = kb.evidence.source_of(statement) or statement
    curated = {s.stance for s in kb.evidence.own_supports(source) if s.evidence == evidence and s.stance}
    if evidence.startswith("ref:") and kb.kind(int(node_key(evidence))) == GUIDELINE and curated:
        value = AGAINST if "disagrees" in curated else FOR
        why = next((s.reason for s in kb.evidence.tables.supports
                    if s.statement == source and s.evidence == evidence), "")
        return Stance(statement, evidence, value, f"the guideline {'disagrees' if value == AGAINST else 'agrees'}"
                      + (f": {why}" if why else ""), "guideline")
    found = estimate_stance(rows if rows is not None else summary_of_findings(kb, statement), numbers,
                            covered_treatments(kb, statement))
    if found:
        return Stance(statement, evidence, found[0], found[1], "estimates")
    said = text_stance(_sentences_citing(kb, numbers))
    if said:
        return Stance(statement, evidence, said[0], f"the citing text says \"{said[1]}\"", "text")
    return Stance(statement, evidence, INCONCLUSIVE, "the policy reports no result for it here", "none")


def stances(kb, statement: str) -> tuple[Stance, ...]:
    """The stance of every piece of evidence on the criterion's path (its own or its ancestor's)."""
    source = kb.evidence.source_of(statement)
    if source is None:
        return ()
    rows = summary_of_findings(kb, statement)
    nodes = dict.fromkeys(s.evidence for s in kb.evidence.own_supports(source))
    for row in rows:  # an estimate attributed to another entry brings that entry in
        nodes.update(dict.fromkeys(f"ref:{e.reference}" for e in row.effects))
    return tuple(stance_of(kb, statement, node, rows) for node in nodes)


def stance_lists(kb, statement: str, found: tuple[Stance, ...] | None = None) -> dict[str, list[str]]:
    """{'for': [...], 'against': [...], 'inconclusive': [...]}: study ids (``study:vapour``) where a
    reference reports a known study, reference ids (``ref:3``) otherwise; each once, in the strongest
    stance it has (a reviewed or guideline stance decides over the others)."""
    out: dict[str, list[str]] = {FOR: [], AGAINST: [], INCONCLUSIVE: []}
    placed: dict[str, str] = {}
    for s in found if found is not None else stances(kb, statement):
        ids = [s.evidence]
        if s.evidence.startswith("ref:"):
            ids = [f"study:{x}" for x in kb.evidence.study_of_ref.get(int(node_key(s.evidence)), ())] or ids
        for node in ids:
            if node in placed and placed[node] != INCONCLUSIVE:
                continue
            if node in placed:
                out[INCONCLUSIVE].remove(node)
            placed[node] = s.stance
            out[s.stance].append(node)
    return out
