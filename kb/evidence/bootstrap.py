"""A proposed ``studies.csv``, read from the parsed policy, for a reviewer to check by hand.

One study per primary-study reference (every reference that is not a review or
a guideline), joined where the text says two reports are one study (an initial
report and its follow-up), named after the trial when the title or text names
it (VERTOS II, FREE, KAST ...), plus trials the text describes without citing
them. Each row's ``notes`` say where its facts came from and what to check.
The reviewed file is curated data: this module never overwrites it unless told.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from kb.patterns import lazy
from kb.sources.kinds import GUIDELINE, OBSERVATIONAL, RANDOMIZED, REVIEW
from ..io import write_atomic
from .extract import follow_ups, markers_by_sentence, trial_names, uncited_trials
from .tables import STUDIES
from kb.ids import slug

COLUMNS = ("id", "name", "design", "randomized", "sham_controlled", "n_randomized", "comparison", "references",
           "described_at", "notes", "reviewer", "date")
PROPOSED = "studies.proposed.csv"
_DESIGNS = (
    (r"non-?randomi[sz]ed", "non-randomized controlled trial"),
    (r"randomi[sz]ed|placebo-controlled|sham", "randomized controlled trial"),
    (r"case reports?\b|report of \w+ cases", "case report"),
    (r"case series|\bseries\b", "case series"),
    (r"registry", "registry cohort"),
    (r"retrospective", "retrospective cohort"),
    (r"prospective|cohort", "prospective cohort"),
    (r"technique|method|technical", "technical report"),
)
_SIZE = lazy(r"\b(\d[\d,]*)\s+(?:adult\s+)?(?:patients|participants|individuals|subjects)\b")
_ARM = lazy(r"\bn\s*=\s*(\d+)")
_SHAM = lazy(r"\bsham\b|placebo", re.IGNORECASE, gated=True)
_NO_SHAM = lazy(r"\b(?:non-|lack of (?:a )?(?:comparator )?|without (?:a )?|no )sham\b", re.IGNORECASE)
_VERSUS = lazy(r"^(?P<left>.*?)\s+(?:versus|vs\.?|compared (?:with|to))\s+(?P<right>.+?)(?=[:.(]|\s+for\s|\s+in\s|$)",
                     re.IGNORECASE, gated=True)


def _groups(kb, candidates: list[int]) -> tuple[list[list[int]], dict[int, str]]:
    """Candidate references grouped into studies by the follow-up sentences; notes per joined reference."""
    parent = {n: n for n in candidates}

    def root(n: int) -> int:
        while parent[n] != n:
            n = parent[n]
        return n

    notes = {}
    for fu in follow_ups(kb):
        for n in fu.references:
            if n in parent and fu.anchor in parent:
                parent[root(n)] = root(fu.anchor)
                notes[n] = f"[{n}] joined to [{fu.anchor}]: line {fu.line} says they report one study"
    groups: dict[int, list[int]] = {}
    for n in candidates:
        groups.setdefault(root(n), []).append(n)
    return list(groups.values()), notes


def _design(kb, refs: list[int]) -> str:
    text = " ".join(kb.references[n].title or "" for n in refs)
    for pattern, design in _DESIGNS:
        if re.search(pattern, text, re.IGNORECASE):
            return design
    if any(kb.kind(n) == RANDOMIZED for n in refs):
        return "randomized controlled trial"
    return "observational study" if any(kb.kind(n) == OBSERVATIONAL for n in refs) else "unknown"


def _citations(kb) -> tuple[dict[int, set[int]], dict[int, list[int]]]:
    """(sentence index -> the numbers it cites, number -> the sentences citing it in order), read once per
    proposal: a pass over every marker for each reference made proposing studies quadratic in the list's length."""
    cited = {index: {n for m in markers for n in m.numbers} for index, markers in markers_by_sentence(kb).items()}
    citing: dict[int, list[int]] = {}
    for index in sorted(cited):
        for n in cited[index]:
            citing.setdefault(n, []).append(index)
    return cited, citing


def _sentences_about(kb, citations, number: int, alone: bool):
    """Sentences citing ``number`` (only it, when ``alone``), each with the next two uncited ones."""
    by_sentence, citing = citations
    for index in citing.get(number, ()):
        cited = by_sentence[index]
        if alone and cited != {number}:
            continue
        yield kb.doc.sentences[index]
        for nxt in (index + 1, index + 2):
            if nxt < len(kb.doc.sentences) and nxt not in by_sentence:
                if kb.doc.sentences[nxt].section_id == kb.doc.sentences[index].section_id:
                    yield kb.doc.sentences[nxt]


def _size_in(sentences) -> tuple[str, str]:
    """The first stated size: 'in 120 patients', or the arms '(n=38) ... (n=40)' of one sentence added up."""
    for sentence in sentences:
        m = _SIZE.search(sentence.text)
        arms = [int(a) for a in _ARM.findall(sentence.text)]
        if m:
            return m.group(1).replace(",", ""), f"n from line {sentence.line}"
        if arms:
            return str(sum(arms)), f"n = {' + '.join(map(str, arms))} from line {sentence.line}"
    return "", ""


def _size(kb, refs: list[int], citations) -> tuple[str, str]:
    for n in refs:
        found = _size_in(_sentences_about(kb, citations, n, alone=True))
        if found[0]:
            return found
    return "", ""


def _sham(kb, refs: list[int], citations) -> bool:
    if any(_SHAM.search(kb.references[n].title or "") for n in refs):
        return True
    return any(_SHAM.search(s.text) and not _NO_SHAM.search(s.text)
               for n in refs for s in _sentences_about(kb, citations, n, alone=False))


def _comparison(kb, refs: list[int]) -> str:
    for n in refs:
        m = _VERSUS.search(kb.references[n].title or "")
        if m:
            left = re.split(r"\bof\s+|:\s*", m.group("left"))[-1]
            return f"{left.strip()} vs {m.group('right').strip()}"
    return ""


def _row(kb, refs: list[int], names: dict[int, str], join_notes: dict[int, str], used: set[str], citations) -> dict:
    refs = sorted(refs, key=lambda n: (kb.references[n].year or 9999, n))
    lead = kb.references[refs[0]]
    name = next((names[n] for n in refs if n in names), None)
    base = slug(name) if name else slug(f"{lead.first_author or lead.organisation or 'ref'}-{lead.year or refs[0]}")
    sid, k = base, 2
    while sid in used:
        sid, k = f"{base}-{k}", k + 1
    used.add(sid)
    randomized = any(kb.kind(r) == RANDOMIZED for r in refs)
    n, n_note = _size(kb, refs, citations) if randomized else ("", "")
    notes = [join_notes[r] for r in refs if r in join_notes]
    notes += [f"name from [{r}]" for r in refs if r in names][:1]
    notes += [n_note] if n_note else []
    notes += [f"[{r}] is classified '{kb.kind(r)}': check it is a primary study" for r in refs if kb.kind(r) == "other"]
    return {"id": sid, "name": name or lead.label, "design": _design(kb, refs),
            "randomized": "yes" if randomized else "no", "sham_controlled": "yes" if randomized and _sham(kb, refs, citations) else "no",
            "n_randomized": n, "comparison": _comparison(kb, refs),
            "references": ";".join(map(str, refs)), "described_at": "", "notes": "; ".join(notes),
            "reviewer": "", "date": ""}


def propose_studies(kb) -> list[dict]:
    """Rows for studies.csv, in reference-list order, then trials described without a citation."""
    candidates = [n for n in sorted(kb.references) if kb.kind(n) not in (REVIEW, GUIDELINE)]
    groups, join_notes = _groups(kb, candidates)
    names = trial_names(kb)
    used: set[str] = set()
    citations = _citations(kb)
    rows = [_row(kb, g, names, join_notes, used, citations) for g in sorted(groups, key=min)]
    for trial in uncited_trials(kb):
        sid = slug(f"{trial.who}-{trial.year}")
        if sid in used:
            continue
        used.add(sid)
        at = next(i for i, s in enumerate(kb.doc.sentences) if s.line == trial.line and s.text == trial.sentence)
        n, n_note = _size_in(kb.doc.sentences[at:at + 3])
        notes = [f"described at line {trial.line} without a citation or a reference-list entry"] + \
            ([n_note] if n_note else [])
        rows.append({"id": sid, "name": f"{trial.who} ({trial.year})", "design": "randomized controlled trial",
                     "randomized": "yes", "sham_controlled": "no", "n_randomized": n, "comparison": "",
                     "references": "", "described_at": str(trial.line), "notes": "; ".join(notes),
                     "reviewer": "", "date": ""})
    return rows


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_proposal(folder: Path, text: str, *, force: bool = False, output: Path | None = None) -> tuple[Path, str]:
    """Write the proposal; an existing studies.csv is kept unless ``force``. Returns (path, message)."""
    if output and Path(output).resolve() == (Path(folder) / STUDIES).resolve():
        output = None  # "-o references/x/studies.csv" names the curated file: the same rule applies
    target = Path(output) if output else Path(folder) / STUDIES
    if not output and target.exists() and not force:
        target = Path(folder) / PROPOSED
        message = f"{STUDIES} exists and was left as it is; wrote the proposal to {target} (--force overwrites)"
    else:
        message = f"wrote {target}"
    write_atomic(target, text)
    return target, message
