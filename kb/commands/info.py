"""Show a policy's title, dates and counts: sections, criteria, citation markers,
references (cited, uncited, by kind) and billing codes; and its reading report
(kb.read.reading): how much of the reference list and the markers was read."""
from __future__ import annotations

import json
import sys
from collections import Counter

from .common import add_cache_argument, add_policy_argument, cached, load_path, policy_paths


def add_arguments(parser) -> None:
    add_policy_argument(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_cache_argument(parser)


def summarize(kb) -> dict:
    from ..read.reading import reading_report

    kinds = Counter(kind for kind, _ in kb.kinds.values())
    return {
        "document": kb.path,
        "title": kb.metadata("title"),
        "issuer": kb.metadata("issuer"),
        "kind": kb.doc.metadata.get("kind"),
        "effective": kb.metadata("effective"),
        "next_review": kb.metadata("next_review"),
        "sections": len(kb.doc.sections),
        "statements": len(kb.doc.statements),
        "sentences": len(kb.doc.sentences),
        "citation_markers": len(kb.doc.markers),
        "citation_style": kb.doc.citation_style,
        "references": len(kb.references),
        "references_cited": len([n for n in kb.references if n in kb.cited]),
        "references_uncited": len(kb.uncited),
        "references_by_kind": dict(sorted(kinds.items())),
        "codes": len(kb.doc.codes),
        "parser_problems": len(kb.doc.problems),
        "reading": reading_report(kb.doc).as_dict(),
    }


def run(args) -> int:
    paths = policy_paths(args)
    if len(paths) > 1:
        sys.stdout.write(_render(args, paths))
        return 0
    return cached(args, "info", {"format": args.format}, paths[0], lambda: (_render(args, paths), 0))


def _render(args, paths) -> str:
    from ..read.reading import reading_report

    kbs = [load_path(p) for p in paths]
    infos = [summarize(kb) for kb in kbs]
    if args.format == "json":
        return json.dumps(infos[0] if len(infos) == 1 else {"policies": infos}, indent=2, ensure_ascii=False) + "\n"
    out = []
    for i, (kb, info) in enumerate(zip(kbs, infos)):
        if i:
            out.append("")
        info.pop("reading")
        width = max(len(k) for k in info)
        for key, value in info.items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items()) or "none"
            elif value is None:
                value = "not stated"  # JSON keeps null; a reader of the text wants words
            out.append(f"{key.replace('_', ' '):<{width}}  {value}")
        out.append("reading report")
        out.extend(f"  {line}" for line in reading_report(kb.doc).lines())
    return "\n".join(out) + "\n"
