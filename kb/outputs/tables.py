"""A table (rows of plain values) written as CSV, JSON or an Excel workbook, chosen by the file's extension.

CSV and JSON need nothing beyond the standard library; XLSX goes through
pandas and openpyxl, imported only then. The commands write the result with
``kb.io.write_atomic``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

FORMATS = ("csv", "json", "xlsx")


def format_of(path: str | Path | None, default: str = "csv") -> str:
    """'worklist.xlsx' -> 'xlsx'; stdout or an unknown extension -> ``default``."""
    suffix = Path(path).suffix.lower().lstrip(".") if path and str(path) != "-" else ""
    return suffix if suffix in FORMATS else default


def _cell(value):
    """Lists and tuples as '1; 2; 3' (a spreadsheet cell holds one value); None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    return value


def to_csv(rows: list[dict], columns) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return buf.getvalue()


def to_json(rows: list[dict]) -> str:
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def to_xlsx(rows: list[dict], columns, sheet: str = "table") -> bytes:
    import pandas as pd

    frame = pd.DataFrame([{c: _cell(row.get(c)) for c in columns} for row in rows], columns=list(columns))
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet[:31], index=False)
    return buf.getvalue()


def render(rows: list[dict], columns, fmt: str, sheet: str = "table") -> str | bytes:
    if fmt == "json":
        return to_json(rows)
    if fmt == "xlsx":
        return to_xlsx(rows, columns, sheet)
    return to_csv(rows, columns)
