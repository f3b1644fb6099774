"""Evidence linked without hand curation: which rationale section discusses which criterion, proposed
from the text alone.

Used when the policy folder has no ``statement_sections.csv`` (the reviewed
table wins whenever it exists: it confirms, corrects or removes links by
what it lists). Every proposed link carries ``origin`` "proposed" and its
reason on every output.

The rule, in plain words:

- **units**: the top-level sections after the criteria that cite references
  (directly or in their subsections); a unit takes its subsections along;
- **terms**: a top-level criterion's words are those of the criterion and the
  items under it: the treatments named (the data files' and the document's
  own words, so "VP" counts as vertebroplasty), named devices (Kiva,
  SpineJack), and its content words (conditions, populations: "osteoporotic",
  "hemangioma", "sacrum"), with common policy words left out;
- **weights**: a term names a criterion in proportion to how few criteria use
  it (log((N + 1) / n), a smoothed inverse document frequency): words every
  criterion shares ("vertebral augmentation") count little, so they decide
  only where nothing else does;
- **score**: a unit scores the weights of the criterion's terms it contains,
  three times for a term in its heading; it goes to the best-scoring
  criterion (ties: each of them), and to none when no distinctive term
  appears. The reason names the terms that decided it.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kb.patterns import lazy
from kb.estimates.topics import document_treatments
from kb.estimates.vocabulary import treatments_in
from .bootstrap import propose_studies
from .records import SectionLink, Study

_WORD = lazy(r"[A-Za-z][A-Za-z-]{3,}")
_DEVICE = lazy(r"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+(?=®|\u2122|<sup>)")
_STOP = frozenset("""
also among another applicable criteria criterion considered following include including included limited
medically necessary investigational indications other than with when that this these those which there their
from into onto upon more most less least such same such have been being were will would should could must
using used uses based each every within without under over only both either neither patient patients documented
documentation clinical record treatment treatments procedure procedures following policy meet met member
may might what where whose none all any some one two three four five six seven eight nine ten
cannot date finding findings absence appropriate defined associated performance prevent demonstrated failed
service single level specific description known least related presence other others greater than
""".split())
TITLE_WEIGHT = 3.0


@dataclass(frozen=True)
class Proposal:
    statement: str
    section: str
    score: float
    reason: str


def _stem(word: str) -> str:
    w = word.lower().strip("-")
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def terms_of(text: str, extra=()) -> set[str]:
    """Treatments (canonical names), devices and content-word stems of ``text``."""
    found = {f"treatment:{t}" for t in treatments_in(text, extra)}
    found |= {f"device:{m.group(0).lower()}" for m in _DEVICE.finditer(text)}
    found |= {_stem(w) for w in set(_WORD.findall(text)) if w.lower() not in _STOP}  # each word once: long texts repeat them
    return found


def _criterion_terms(kb, extra) -> dict[str, set[str]]:
    tops = [s for s in kb.doc.statements if s.parent is None]
    out = {}
    for top in tops:
        text = " ".join(s.text for s in kb.doc.statements if s.id == top.id or s.id.startswith(top.id + "."))
        out[top.id] = terms_of(text, extra)
    return out


def _units(kb) -> list[tuple[str, str, str]]:
    """(section id, heading, text of the section and its subsections) for the outermost sections after the criteria
    that hold markers: top-level ones, or those under a heading that opens before the criteria (a title that heads
    the whole document). A generic section ('General Background', 'Rationale') whose subsections each discuss a
    topic and cite gives those subsections as units instead: their headings name what they are about."""
    last = max((s.end_line for s in kb.doc.statements), default=0)
    ref_line = kb.doc.reference_section.line if kb.doc.reference_section else float("inf")
    cited = {m.section_id for m in kb.doc.markers}
    after = {s.id for s in kb.doc.sections if s.line > last}
    out = []
    for section in kb.doc.sections:
        if section.line <= last or section.line >= ref_line or _inside_one_of(section.id, after):
            continue
        children = [s for s in kb.doc.sections if s.id.startswith(section.id + "/") and s.id.count("/") ==
                    section.id.count("/") + 1 and s.line < ref_line and _unit(kb, s, cited)]
        if _GENERIC.search(section.title) and len(children) >= 2:
            out += [_unit(kb, child, cited) for child in children]
        elif (unit := _unit(kb, section, cited)) is not None:
            out.append(unit)
    return out


# Headings that say only that evidence follows, not what it is about.
_GENERIC = lazy(r"^(?:general\s+)?(?:background|rationale|discussion|literature review|scientific background|"
                r"evidence(?: review| summary)?|summary of evidence|clinical evidence)\b", re.IGNORECASE)


def _unit(kb, section, cited: set[str]) -> tuple[str, str, str] | None:
    inside = [s for s in kb.doc.sections if s.id == section.id or s.id.startswith(section.id + "/")]
    if not any(s.id in cited for s in inside):
        return None
    # subsections that cite nothing (a closing summary parsed under the last heading) say nothing
    # about this unit's evidence
    ids = {s.id for s in inside if s.id == section.id or s.id in cited}
    text = " ".join(s.text for s in kb.doc.sentences if s.section_id in ids)
    return section.id, section.title, text


def _inside_one_of(section_id: str, ids: set[str]) -> bool:
    parts = section_id.split("/")
    return any("/".join(parts[:k]) in ids for k in range(1, len(parts)))


def propose_sections(kb) -> tuple[Proposal, ...]:
    extra = document_treatments(kb.doc)
    criteria = _criterion_terms(kb, extra)
    if not criteria:
        return ()
    n = len(criteria)
    df: dict[str, int] = {}
    for terms in criteria.values():
        for t in terms:
            df[t] = df.get(t, 0) + 1
    weight = {t: math.log((n + 1) / c) for t, c in df.items()}
    out = []
    for sid, title, text in _units(kb):
        head, body = terms_of(title, extra), terms_of(text, extra)
        scores = {}
        for cid, terms in criteria.items():
            hits = {t: weight[t] * (TITLE_WEIGHT if t in head else 1.0) for t in terms if t in head or t in body}
            scores[cid] = (sum(hits.values()), hits)
        best = max(s for s, _ in scores.values())
        if best <= 0:
            continue
        for cid, (score, hits) in scores.items():
            if math.isclose(score, best):
                top = sorted((t for t in hits if hits[t] > 0), key=lambda t: (-hits[t], t))
                words = ", ".join(list(dict.fromkeys(t.split(":", 1)[-1].lower() for t in top))[:5])
                out.append(Proposal(cid, sid, round(score, 2),
                                    f"proposed: the section's words match criterion {cid} best ({words})"))
    return tuple(out)


def proposed_links(kb) -> tuple[SectionLink, ...]:
    """The proposals as section links (``line`` 0: they come from no table)."""
    return tuple(SectionLink(p.statement, p.section, p.reason, 0) for p in propose_sections(kb))


def _yes(value: str) -> bool:
    return value.strip().lower() == "yes"


def bootstrapped_studies(kb) -> tuple[Study, ...]:
    """``kb studies bootstrap``'s proposal as records, in memory (for a policy with no studies.csv)."""
    out = []
    for row in propose_studies(kb):
        refs = tuple(int(n) for n in row["references"].split(";") if n.strip())
        described = tuple(int(n) for n in row["described_at"].split(";") if n.strip())
        n = row["n_randomized"]
        out.append(Study(row["id"], row["name"], row["design"], _yes(row["randomized"]),
                         _yes(row["sham_controlled"]), int(n) if n.isdigit() else None, row["comparison"], refs,
                         described, "proposed (bootstrapped from the text, not reviewed)"
                         + (f"; {row['notes']}" if row["notes"] else "")))
    return tuple(out)
