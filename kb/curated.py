"""Curated tables beside a policy (provenance, kind overrides): read and validated.

A malformed table is an input error (file, line, problem), never a silent skip.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .classify import KINDS
from .errors import KbError
from .io import read_text


@dataclass(frozen=True)
class KindOverride:
    number: int
    kind: str
    reason: str
    line: int


@dataclass(frozen=True)
class Curated:
    folder: Path | None = None
    kinds: dict = field(default_factory=dict, hash=False)  # number -> KindOverride
    provenance_file: Path | None = None

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


# A provenance file is usually flat "key: plain value" lines. Those are read
# here directly, because importing PyYAML costs kb info about a fifth of its
# run time; anything else (quotes, lists, flow style, special words) goes
# through PyYAML. tests/test_curated.py checks both paths agree with PyYAML.
_FLAT_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>[A-Za-z0-9][\w .,/()&+-]*?)[ \t]*$")
_YAML_WORDS = re.compile(r"^(?:y|n|yes|no|true|false|on|off|null|nan|inf)$", re.IGNORECASE)
_PLAIN_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")  # YAML reads these back as the same text


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
    if not isinstance(data, dict):
        raise KbError("must be a mapping of key: value lines", str(path), 1)
    return {str(k): str(v) for k, v in data.items()}


def load_curated(policy_path: Path) -> Curated:
    """The curated files in the policy's folder; none of them is required."""
    folder = Path(policy_path).parent
    prov = folder / "provenance.yaml"
    kinds = folder / "kinds.csv"
    return Curated(
        folder=folder,
        kinds=read_kinds(kinds) if kinds.is_file() else {},
        provenance_file=prov if prov.is_file() else None,
    )
