"""Write an imported policy as a folder: policy.md and provenance.yaml, all at once or not at all.

The files are written into a fresh temporary folder beside the target and the
folder is renamed into place, so a failed import leaves nothing behind and a
reader never sees half a folder. With ``force`` an existing folder is replaced
the same way; its other files (curated tables, waivers, a previous version)
are carried over, since they are an editor's work, not the import's.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from kb.errors import KbError
from kb.importers.model import Converted

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_FLAT_VALUE = re.compile(r"^[A-Za-z][\w .,/()&+-]*$")
_REPLACED = ("policy.md", "provenance.yaml")


def slug_for(name: str) -> str:
    """A folder name from a file name: 'Surgery Policy 107.pdf' -> 'surgery-policy-107'."""
    stem = Path(name).name.rsplit(".", 1)[0] if "." in Path(name).name else Path(name).name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "imported-policy"


def check_slug(slug: str) -> str:
    if not SLUG.match(slug) or ".." in slug:
        raise KbError(f"--id '{slug}' must be lower-case letters, digits, '-', '_' or '.', starting with a "
                      "letter or digit")
    return slug


def provenance_text(converted: Converted, source_name: str, sha256: str, tool: str,
                    today: datetime.date | None = None) -> str:
    fields = {
        "source_file": source_name,
        "source_sha256": sha256,
        "format": converted.format,
        "imported_with": tool,
        "imported": (today or datetime.date.today()).isoformat(),
    }
    if converted.title:
        fields["title"] = converted.title
    if converted.issuer:
        fields["issuer"] = converted.issuer
    lines = ["# Written by kb import. policy.md is the converted text, kept verbatim from here on:",
             "# findings about it go to waivers.csv, never into the text."]
    for key, value in fields.items():
        value = " ".join(str(value).split())
        plain = _FLAT_VALUE.match(value) and value.lower() not in ("yes", "no", "true", "false", "on", "off", "null")
        lines.append(f"{key}: {value if plain else json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def write_policy_folder(target: Path, files: dict[str, str], *, force: bool) -> None:
    """Put ``files`` (name -> text) into the folder ``target`` atomically."""
    parent = target.parent
    if target.exists() and not force:
        raise KbError("already exists; give --force to replace its policy.md and provenance.yaml "
                      "(other files there are kept), or choose another --id", str(target))
    if target.exists() and not target.is_dir():
        raise KbError("exists and is not a folder", str(target))
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.import-", dir=parent))
    except OSError as exc:
        raise KbError(f"cannot be written ({exc.strerror or exc})", str(parent)) from None
    old = None
    try:
        if target.is_dir():
            for entry in target.iterdir():
                if entry.name not in _REPLACED:
                    copy = shutil.copytree if entry.is_dir() else shutil.copy2
                    copy(entry, staging / entry.name)
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        os.chmod(staging, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=parent))
            os.rename(target, old / target.name)
        os.rename(staging, target)
    except OSError as exc:
        if old is not None and (old / target.name).exists() and not target.exists():
            os.rename(old / target.name, target)  # put the previous folder back
        raise KbError(f"cannot be written ({exc.strerror or exc}); nothing was changed", str(target)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
