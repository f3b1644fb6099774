"""Why a seeded citation defect was missed: the sentence, the marker, the entries and what the checker read.

Dev tooling for issue 12. For each JATS article in a folder, each text
injector is run with the same random draw as ``kbdev.seeding.evaluate``; when
the defect is not found, the markers the injection changed are printed with
their sentence, the numbers before and after with each entry's first author,
the named sources the checker read in that sentence and the pairings it made.

    .venv/bin/python -m kbdev.seeding.misses /work/corpus1 [--defects "two citations swapped;a citation number shifted"]
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path


def _changed(clean_doc, seeded_doc, lines):
    """(old, new) markers at the expected lines whose numbers differ (same line and column)."""
    before = {(m.line, m.column): m for m in clean_doc.markers}
    out = []
    for m in seeded_doc.markers:
        if m.line in lines and (m.line, m.column) in before and before[(m.line, m.column)].numbers != m.numbers:
            out.append((before[(m.line, m.column)], m))
    return out


def _who(entries, numbers) -> str:
    return ", ".join(f"{n}={entries[n].first_author if n in entries else '?'}({entries[n].year if n in entries else ''})"
                     for n in numbers)


def explain(name: str, text: str, defect: str, inject, seed: int = 0, out=sys.stdout) -> bool | None:
    """Print why ``defect`` was missed in ``text``; True when found, None when not injected."""
    from kb.knowledge.base import build_knowledge_base
    from kb.read.parse_policy import parse_policy
    from kb.sources.citing import analyse
    from kbdev.seeding import findings_of, matches, new_findings
    from kbdev.seeding.citations_text import TextPolicy

    policy = TextPolicy(0, text, name)
    seeded = inject(policy, random.Random(f"{seed}:0:{defect}"))
    if seeded is None:
        return None
    clean_f = findings_of(text, name)
    new = new_findings(clean_f, text.split("\n"), findings_of(seeded.text, name), seeded.text.split("\n"))
    if any(matches(f, seeded) for f in new):
        return True
    clean_doc = policy.doc
    doc = parse_policy(seeded.text, name)
    kb = build_knowledge_base(doc)
    a = analyse(kb)
    entries = {e.number: e for e in clean_doc.references}
    print(f"== {name} :: {defect} MISSED (lines {sorted(seeded.lines)[:8]})", file=out)
    for old, new_m in _changed(clean_doc, doc, seeded.lines):
        s = doc.sentences[new_m.sentence_index] if new_m.sentence_index is not None else None
        print(f"  marker line {new_m.line}: [{old.inner}] -> [{new_m.inner}]  was {_who(entries, old.numbers)}"
              f"  now {_who(entries, new_m.numbers)}", file=out)
        if s is None:
            continue
        print(f"  sentence: {s.text[:400]}", file=out)
        cited = next((c for c in a.cited if c.sentence.index == s.index), None)
        if cited:
            print(f"  mentions: {[(m.kind, m.text, m.name, m.year) for m in cited.mentions]}", file=out)
        pairs = [p for p in a.pairings if p.sentence.index == s.index]
        print(f"  pairings: {[(p.mention.text, p.marker.inner, p.scope) for p in pairs]}", file=out)
        print(f"  new findings there: {[(f.code, f.message[:80]) for f in new if f.line == new_m.line]}", file=out)
    return False


def main() -> int:
    from kb.importers.jats import convert
    from kbdev.corpus_accuracy import corpus_files
    from kbdev.seeding.suite import text_injectors

    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--defects", default="two citations swapped;a citation number shifted;a year changed in the text",
                        help="defect names separated by semicolons")
    options = parser.parse_args()
    wanted = options.defects.split(";")
    injectors = {k: v for k, v in text_injectors().items() if k in wanted}
    tally: dict = {d: [0, 0] for d in injectors}
    for path in corpus_files(options.folder):
        try:
            text = convert(path.read_bytes(), path.name).markdown
        except Exception:  # noqa: BLE001 - an article the importer refuses is not this tool's concern
            continue
        for defect, inject in injectors.items():
            found = explain(path.name, text, defect, inject)
            if found is not None:
                tally[defect][0] += found
                tally[defect][1] += 1
    for defect, (found, injected) in tally.items():
        print(f"{defect} | {found} / {injected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
