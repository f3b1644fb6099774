"""The curated evidence tables beside a policy, read and validated against the parsed policy.

``studies.csv``, ``includes.csv``, ``statement_sections.csv`` and ``supports.csv``
are optional. A malformed row is an input error naming the file and line:
a missing column, a wrong type, a duplicate id, a reference number the list
does not have, a criterion or section id the policy does not have.
"""
from __future__ import annotations

import re
from pathlib import Path

from kb.patterns import lazy
from kb.knowledge.curated import parse_int, read_csv
from ..errors import KbError
from kb.ids import ref_id as ref_node, study_id as study_node

from .records import STANCES, EvidenceTables, Inclusion, SectionLink, Study, SupportLink

STUDIES = "studies.csv"
INCLUDES = "includes.csv"
STATEMENT_SECTIONS = "statement_sections.csv"
SUPPORTS = "supports.csv"

STUDY_COLUMNS = ("id", "name", "design", "randomized", "sham_controlled", "n_randomized", "comparison",
                 "references")
STUDY_ID = lazy(r"^[a-z0-9][a-z0-9-]*$")
_YES_NO = {"yes": True, "no": False}


def _yes_no(value: str, path: Path, line: int, column: str) -> bool:
    if value.lower() not in _YES_NO:
        raise KbError(f"column '{column}' must be yes or no, not '{value}'", str(path), line)
    return _YES_NO[value.lower()]


def _numbers(value: str, path: Path, line: int, column: str) -> tuple[int, ...]:
    return tuple(parse_int(v.strip(), path, line, column) for v in value.split(";") if v.strip())


def _known_reference(number: int, kb, path: Path, line: int) -> int:
    if number not in kb.references:
        raise KbError(f"reference {number} is not in the policy's reference list", str(path), line)
    return number


def read_studies(path: Path, kb) -> tuple[Study, ...]:
    out: dict[str, Study] = {}
    n_lines = len(kb.doc.lines)
    for line, row in read_csv(path, STUDY_COLUMNS):
        sid = row["id"]
        if not STUDY_ID.match(sid):
            raise KbError(f"study id '{sid}' must be lower-case letters, digits and hyphens", str(path), line)
        if sid in out:
            raise KbError(f"study id '{sid}' is listed twice (first on line {out[sid].line})", str(path), line)
        refs = tuple(_known_reference(n, kb, path, line) for n in _numbers(row["references"], path, line,
                                                                             "references"))
        described = _numbers(row.get("described_at", ""), path, line, "described_at")
        bad = [n for n in described if not 1 <= n <= n_lines]
        if bad:
            raise KbError(f"described_at line {bad[0]} is outside the policy (1-{n_lines})", str(path), line)
        if not refs and not described:
            raise KbError(f"study '{sid}' has no references and no described_at lines", str(path), line)
        n = row["n_randomized"]
        count = parse_int(n, path, line, "n_randomized") if n else None
        if count is not None and count < 0:
            raise KbError(f"n_randomized must not be negative ({count})", str(path), line)
        out[sid] = Study(
            id=sid, name=row["name"] or sid, design=row["design"],
            randomized=_yes_no(row["randomized"], path, line, "randomized"),
            sham_controlled=_yes_no(row["sham_controlled"], path, line, "sham_controlled"),
            n_randomized=count, comparison=row["comparison"], references=refs, described_at=described,
            notes=row.get("notes", ""), line=line)
    return tuple(out.values())


def _once(seen: dict, key: tuple, what: str, path: Path, line: int) -> None:
    """A repeated row is an error: it would count one link twice, or give one link two stances."""
    if key in seen:
        raise KbError(f"{what} is already on line {seen[key]}", str(path), line)
    seen[key] = line


def _evidence_node(value: str, kb, studies: dict, path: Path, line: int, column: str) -> str:
    """A reference number or a study id, as a node id."""
    if value.isdigit():
        return ref_node(_known_reference(int(value), kb, path, line))
    if value in studies:
        return study_node(value)
    raise KbError(f"column '{column}': '{value}' is neither a reference number nor a study id in "
                  f"{STUDIES}", str(path), line)


def _policy_line(value: str, kb, path: Path, line: int, column: str) -> int | None:
    if not value:
        return None
    n = parse_int(value, path, line, column)
    if not 1 <= n <= len(kb.doc.lines):
        raise KbError(f"column '{column}': line {n} is outside the policy", str(path), line)
    return n


def read_includes(path: Path, kb, studies: dict) -> tuple[Inclusion, ...]:
    out, seen = [], {}
    for line, row in read_csv(path, ("review", "included", "source")):
        review = _known_reference(parse_int(row["review"], path, line, "review"), kb, path, line)
        target = _evidence_node(row["included"], kb, studies, path, line, "included")
        _once(seen, (review, target), f"review {review} including '{row['included']}'", path, line)
        source = row["source"]
        if source.lower() != "curated" and not source.isdigit():
            raise KbError(f"column 'source' must be a policy line number or 'curated', not '{source}'",
                          str(path), line)
        policy_line = _policy_line(source, kb, path, line, "source") if source.isdigit() else None
        out.append(Inclusion(review, target, "curated", policy_line, row.get("note", ""), line))
    return tuple(out)


def read_statement_sections(path: Path, kb) -> tuple[SectionLink, ...]:
    out, seen = [], {}
    for line, row in read_csv(path, ("statement", "section")):
        if row["statement"] not in kb.statements:
            raise KbError(f"criterion '{row['statement']}' is not in the policy", str(path), line)
        if row["section"] not in kb.sections:
            raise KbError(f"section '{row['section']}' is not in the policy (kb evidence --list-sections "
                          f"shows the ids)", str(path), line)
        _once(seen, (row["statement"], row["section"]), f"criterion {row['statement']} with section "
              f"'{row['section']}'", path, line)
        out.append(SectionLink(row["statement"], row["section"], row.get("reason", ""), line))
    return tuple(out)


def read_supports(path: Path, kb, studies: dict) -> tuple[SupportLink, ...]:
    out, seen = [], {}
    for line, row in read_csv(path, ("statement", "evidence", "stance")):
        if row["statement"] not in kb.statements:
            raise KbError(f"criterion '{row['statement']}' is not in the policy", str(path), line)
        if row["stance"] not in STANCES:
            raise KbError(f"stance '{row['stance']}' must be agrees, disagrees or empty", str(path), line)
        node = _evidence_node(row["evidence"], kb, studies, path, line, "evidence")
        _once(seen, (row["statement"], node), f"criterion {row['statement']} with evidence '{row['evidence']}'",
              path, line)
        out.append(SupportLink(row["statement"], node, row["stance"],
                               _policy_line(row.get("line", ""), kb, path, line, "line"),
                               row.get("reason", ""), line))
    return tuple(out)


def load_evidence_tables(kb) -> EvidenceTables:
    """The tables in the policy's folder; each one is optional."""
    folder = kb.curated.folder
    if folder is None:
        return EvidenceTables()
    folder = Path(folder)
    present = tuple(name for name in (STUDIES, INCLUDES, STATEMENT_SECTIONS, SUPPORTS) if (folder / name).is_file())
    studies = read_studies(folder / STUDIES, kb) if STUDIES in present else ()
    by_id = {s.id: s for s in studies}
    return EvidenceTables(
        studies=studies,
        inclusions=read_includes(folder / INCLUDES, kb, by_id) if INCLUDES in present else (),
        sections=read_statement_sections(folder / STATEMENT_SECTIONS, kb) if STATEMENT_SECTIONS in present else (),
        supports=read_supports(folder / SUPPORTS, kb, by_id) if SUPPORTS in present else (),
        present=present,
    )
