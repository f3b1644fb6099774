"""Bring in a policy from a web page, a Word file, a PDF, JATS XML or Markdown.

`kb import FILE` reads the file's format from its content (or from a format
word given first: `kb import pdf FILE`), converts it to Markdown keeping the
words, numbers and citation markers as printed, and writes
references/<id>/policy.md with a provenance.yaml (source file, sha256, format,
tool version, date). The id is --id, or the file name. Nothing is overwritten
without --force, and a failed import leaves nothing behind. What could not be
kept faithfully (a table with merged cells, a page without text) is listed in
the import report printed at the end.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path


def add_arguments(parser) -> None:
    parser.usage = "%(prog)s [FORMAT] FILE [--id SLUG] [--force]"
    parser.add_argument("items", nargs="+", metavar="[FORMAT] FILE",
                        help="the file to import, optionally after its format "
                             "(html, docx, pdf, jats, markdown); otherwise the format is read from the content")
    parser.add_argument("--id", dest="slug", metavar="SLUG",
                        help="the policy folder's name under references/ (default: from the file name)")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing folder's policy.md and provenance.yaml (its other files are kept)")


def run(args) -> int:
    from kb import __version__
    from kb.errors import KbError
    from kb.importers import convert, format_word
    from kb.importers.folder import check_slug, provenance_text, slug_for, write_policy_folder
    from kb.io import read_bytes
    from kb.paths import POLICY_FILE, references_dir

    fmt, name = _format_and_file(args.items, format_word)
    path = Path(name)
    data = read_bytes(path, "file to import")
    if not data.strip():
        raise KbError("is empty", str(path))
    slug = check_slug(args.slug) if args.slug else slug_for(path.name)
    target = references_dir() / slug
    if target.exists() and not args.force:  # say so before the conversion's work, not after
        raise KbError("already exists; give --force to replace its policy.md and provenance.yaml "
                      "(other files there are kept), or choose another --id", str(target))
    try:
        converted = convert(data, path.name, fmt)
    except KbError as exc:
        raise KbError(exc.message, exc.path or str(path), exc.line) from None
    provenance = provenance_text(converted, path.name, hashlib.sha256(data).hexdigest(),
                                 f"policykb {__version__}")
    write_policy_folder(target, {POLICY_FILE: converted.markdown, "provenance.yaml": provenance},
                        force=args.force)
    print(_summary(path, converted, target / POLICY_FILE), file=sys.stderr)
    for note in converted.notes:
        print(f"  - {note}", file=sys.stderr)
    return 0


def _format_and_file(items: list[str], format_word) -> tuple[str | None, str]:
    from kb.errors import KbError

    if len(items) == 1:
        return None, items[0]
    if len(items) == 2:
        fmt = format_word(items[0])
        if fmt is None:
            raise KbError(f"'{items[0]}' is not a format (html, docx, pdf, jats, markdown); give one file, "
                          "optionally after its format")
        return fmt, items[1]
    raise KbError("give one file to import (optionally after its format)")


def _summary(source: Path, converted, written: Path) -> str:
    """One closing line: what was written, and what the reader finds in it."""
    from kb.read.parse_policy import parse_policy

    doc = parse_policy(converted.markdown, str(written))
    notes = len(converted.notes)
    return (f"imported {source.name} ({converted.format}) to {written}: {len(doc.references)} references, "
            f"{len(doc.markers)} citation markers, {len(doc.statements)} criteria, {len(doc.sections)} headings; "
            + (f"{notes} note{'s' if notes != 1 else ''} in the import report:" if notes
               else "everything was kept as printed"))
