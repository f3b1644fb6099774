"""Curated tables beside a policy (provenance, kind overrides, waivers): read and validated.

A malformed table is an input error (file, line, problem), never a silent skip.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kb.patterns import lazy
from kb.sources.kinds import KINDS
from kb.dates import parse_iso_day
from kb.errors import KbError
from kb.pubmed.layout import PUBMED_DIR, SEARCH_DIR, folder_files
from kb.io import read_text


@dataclass(frozen=True)
class KindOverride:
    number: int
    kind: str
    reason: str
    line: int


@dataclass(frozen=True)
class Waiver:
    """A finding an editor accepted: matched by code plus line, or code plus citation (or all three)."""

    code: str
    line: int | None
    citation: int | None
    reason: str
    reviewer: str
    date: str
    path: str  # the waiver file and the row's line in it, for messages
    row: int


@dataclass(frozen=True)
class Curated:
    folder: Path | None = None
    kinds: dict = field(default_factory=dict, hash=False)  # number -> KindOverride
    provenance_file: Path | None = None
    waivers: tuple[Waiver, ...] = ()
    pubmed_files: tuple[Path, ...] = ()  # PubMed records files in the folder's pubmed/ and search/ (kb.pubmed.library)

    @cached_property
    def provenance(self) -> dict:
        """Read on first use: most commands never need it, and YAML costs start-up time."""
        return read_provenance(self.provenance_file) if self.provenance_file else {}


def read_csv(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict]]:
    """Rows with their file line numbers; missing columns are an input error."""
    text = read_text(path, "curated table")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise KbError(f"missing column(s): {', '.join(missing)}", str(path), 1)
    rows = []
    for row in reader:
        if None in row:
            raise KbError("row has more cells than the header", str(path), reader.line_num)
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items()}))
    return rows


def parse_int(value: str, path: Path, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise KbError(f"column '{column}' must be a whole number, not '{value}'", str(path), line) from None


def read_kinds(path: Path) -> dict[int, KindOverride]:
    out: dict[int, KindOverride] = {}
    for line, row in read_csv(path, ("number", "kind", "reason")):
        number = parse_int(row["number"], path, line, "number")
        if row["kind"] not in KINDS:
            raise KbError(f"kind '{row['kind']}' is not one of {', '.join(KINDS)}", str(path), line)
        if number in out:
            raise KbError(f"reference {number} is listed twice", str(path), line)
        out[number] = KindOverride(number, row["kind"], row["reason"], line)
    return out


WAIVER_COLUMNS = ("code", "line", "citation", "reason", "reviewer", "date")
_CODE = lazy(r"[A-Z]{3}\d{3}")


def _optional_number(value: str, path: Path, line: int, column: str) -> int | None:
    if not value:
        return None
    number = parse_int(value, path, line, column)
    if number < 1:
        raise KbError(f"column '{column}' must be 1 or more, not {number}", str(path), line)
    return number


def _check_date(value: str, path: Path, line: int) -> None:
    try:
        parse_iso_day(value)
    except ValueError:
        raise KbError(f"date '{value}' is not a date written YYYY-MM-DD", str(path), line) from None


def read_waivers(path: Path) -> tuple[Waiver, ...]:
    """The waiver table; every row needs a code, a line or a citation, a reason, a reviewer and a date."""
    out: list[Waiver] = []
    seen: dict[tuple, int] = {}
    for line, row in read_csv(path, WAIVER_COLUMNS):
        code = row["code"].upper()
        if not _CODE.fullmatch(code):
            raise KbError(f"code '{row['code']}' is not a check code such as REF122", str(path), line)
        at = _optional_number(row["line"], path, line, "line")
        citation = _optional_number(row["citation"], path, line, "citation")
        if at is None and citation is None:
            raise KbError("a waiver needs a line or a citation number (or both)", str(path), line)
        for column in ("reason", "reviewer"):
            if not row[column]:
                raise KbError(f"column '{column}' is empty", str(path), line)
        _check_date(row["date"], path, line)
        key = (code, at, citation)
        if key in seen:
            raise KbError(f"the same waiver is already on line {seen[key]}", str(path), line)
        seen[key] = line
        out.append(Waiver(code, at, citation, row["reason"], row["reviewer"], row["date"], str(path), line))
    return tuple(out)


# A provenance file is usually flat "key: plain value" lines. Those are read
# here directly, because importing PyYAML costs kb info about a fifth of its
# run time; anything else (quotes, lists, flow style, special words) goes
# through PyYAML. tests/test_curated.py checks both paths agree with PyYAML.
_FLAT_LINE = lazy(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>[A-Za-z0-9][\w .,/()&+-]*?)[ \t]*$")
_YAML_WORDS = lazy(r"^(?:y|n|yes|no|true|false|on|off|null|nan|inf)$", re.IGNORECASE)
_PLAIN_DATE = lazy(r"^\d{4}-\d{2}(?:-\d{2})?$")  # YAML reads these back as the same text


def read_flat_yaml(text: str) -> dict | None:
    """``key: value`` lines (and comments) as a dict of strings, or None if YAML needs to parse it."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _FLAT_LINE.match(line)
        if not m or m.group("key") in out or _YAML_WORDS.match(m.group("key")):
            return None  # a key such as "no" is a boolean to YAML
        value = m.group("value")
        if _YAML_WORDS.match(value) or (value[0].isdigit() and not _PLAIN_DATE.match(value)) or " #" in value:
            return None  # YAML may turn it into a bool, a number or a comment
        out[m.group("key")] = value
    return out or None


def read_provenance(path: Path) -> dict:
    text = read_text(path, "provenance file")
    flat = read_flat_yaml(text)
    if flat is not None:
        return flat
    import yaml  # only for provenance files that are more than flat key: value lines

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise KbError(f"is not valid YAML ({getattr(exc, 'problem', exc)})", str(path),
                      mark.line + 1 if mark else None) from None
    except ValueError as exc:  # PyYAML builds dates itself: "2026-13-45" fails there, not in the parser
        raise KbError(f"has a value YAML cannot read ({exc})", str(path)) from None
    if not isinstance(data, dict):
        raise KbError("must be a mapping of key: value lines", str(path), 1)
    return {str(k): str(v) for k, v in data.items()}


def load_curated(policy_path: Path) -> Curated:
    """The curated files in the policy's folder; none of them is required."""
    folder = Path(policy_path).parent
    prov = folder / "provenance.yaml"
    kinds = folder / "kinds.csv"
    waivers = folder / "waivers.csv"
    return Curated(
        folder=folder,
        kinds=read_kinds(kinds) if kinds.is_file() else {},
        provenance_file=prov if prov.is_file() else None,
        waivers=read_waivers(waivers) if waivers.is_file() else (),
        pubmed_files=_pubmed_files(folder),
    )


def _pubmed_files(folder: Path) -> tuple[Path, ...]:
    """Only the listing: the records are read when a check or a page first needs them."""
    return folder_files(folder, PUBMED_DIR) + folder_files(folder, SEARCH_DIR)
